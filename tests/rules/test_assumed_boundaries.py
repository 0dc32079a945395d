"""Boundaries the sources give as a month are said to be assumptions (issue 16 item 10)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import compute
from wtcheck.rules import BY_ID


def _assumed(rule: str, dates: dict[str, date], cal: Calendar) -> list[str]:
    (d,) = compute(BY_ID[rule], dates, cal)
    return [n for n in d.notes if n.startswith("Assumed boundary")]


@pytest.mark.parametrize(
    ("rule", "key", "day", "says"),
    [
        ("ia-7", "referral", date(2006, 4, 1), "Apr 2006"),
        ("ia-7", "referral", date(2006, 4, 30), "Apr 2006"),
        ("ia-7", "referral", date(2006, 5, 1), None),
        ("scr-complete-6m", "lcspr_decision", date(2009, 12, 1), "Dec 2009"),
        ("scr-complete-6m", "lcspr_decision", date(2009, 12, 31), "Dec 2009"),
        ("scr-complete-6m", "lcspr_decision", date(2010, 1, 1), None),
        ("ia-7", "referral", date(2009, 12, 10), None),  # ch.8 only: ia-7 is the same
        ("yr-report", "partnership_report", date(2019, 6, 29), "2019 →"),
        ("yr-report", "partnership_report", date(2020, 1, 1), None),
    ],
)
def test_assumed_boundaries_are_said(
    rule: str, key: str, day: date, says: str | None, ew: Calendar
) -> None:
    """timescales §1: WT2006 'Apr 2006', the revised ch.8 'Dec 2009'; §4F yr-report '2019 →'.
    wtcheck takes the first day; dates in the stated span are flagged, later ones are not."""
    notes = _assumed(rule, {key: day}, ew)
    if says is None:
        assert notes == []
    else:
        assert len(notes) == 1 and f"the sources give '{says}'" in notes[0]


def test_yr_report_3m_from_2024() -> None:
    """timescales §4F YR-REPORT-3M: '2024 →': 1 Jan 2024 is wtcheck's assumption."""
    (a,) = BY_ID["yr-report-3m"].assumed
    assert (a.day, a.source_says) == (date(2024, 1, 1), "2024 →")
