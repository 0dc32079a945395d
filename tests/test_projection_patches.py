"""Projected years corrected against the Acts (issue 16 item 6)."""

from __future__ import annotations

from datetime import date

from wtcheck.calendar.data import load_projection_patches, project_year
from wtcheck.calendar.workdays import get_calendar


def test_30_november_2006_was_a_working_day_in_scotland() -> None:
    """St Andrew's Day Bank Holiday (Scotland) Act 2007, commenced 16 Jan 2007
    (verification §12.21): 30 Nov 2006 (a Thursday) was not a bank holiday; 30 Nov 2007
    (a Friday) was, and 30 Nov 2008 (a Sunday) moved to Monday 1 Dec."""
    days_2006 = {h.date for h in project_year("scotland", 2006)}
    assert date(2006, 11, 30) not in days_2006
    assert date(2007, 11, 30) in {h.date for h in project_year("scotland", 2007)}
    assert date(2008, 12, 1) in {h.date for h in project_year("scotland", 2008)}
    sc = get_calendar("scotland")
    assert sc.is_working(date(2006, 11, 30)) and not sc.is_working(date(2007, 11, 30))
    assert sc.add(date(2006, 11, 29), 1) == date(2006, 11, 30)
    assert sc.add(date(2007, 11, 29), 1) == date(2007, 12, 3)


def test_uk_any_follows_the_correction() -> None:
    assert get_calendar("uk-any").is_working(date(2006, 11, 30))
    assert not get_calendar("uk-any").is_working(date(2007, 11, 30))


def test_every_projection_patch_names_its_source() -> None:
    patches = load_projection_patches()
    assert [(p.action, p.division, p.date) for p in patches] == [
        ("remove", "scotland", date(2006, 11, 30))
    ]
    assert all("Act" in p.source or "proclamation" in p.source for p in patches)


def test_england_and_wales_2005_to_2011_keep_the_govuk_pattern() -> None:
    """The England-and-Wales pattern of GOV.UK's data (timescales §2), plus the 29 Apr 2011
    proclamation: eight weekday holidays a year, nine in 2011; no correction needed."""
    counts = {y: len(project_year("england-and-wales", y)) for y in range(2005, 2012)}
    assert counts == {2005: 8, 2006: 8, 2007: 8, 2008: 8, 2009: 8, 2010: 8, 2011: 9}
    assert date(2011, 4, 29) in {h.date for h in project_year("england-and-wales", 2011)}
