"""The bundled GOV.UK data against the ``holidays`` package, every weekday 2012–2028.

The only known weekday difference (calendars.md §2): Scotland 2026-06-15, the
World Cup bank holiday, which ``holidays`` has and the bundled GOV.UK copy
lacks. wtcheck patches it in, so the patched data must equal ``holidays``.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from wtcheck.calendar.data import (
    BUNDLED_FILE,
    GOVUK_DIVISIONS,
    HOLIDAYS_SUBDIV,
    ORIGIN_BUNDLED,
    HolidayData,
    apply_patches,
    load_patches,
    read_file,
)
from wtcheck.paths import bundled_calendars_dir

FIRST, LAST = date(2012, 1, 1), date(2028, 12, 31)
KNOWN_RAW_DIFFERENCES = {("scotland", date(2026, 6, 15), "holidays only")}


def _weekdays() -> list[date]:
    days = [FIRST + timedelta(n) for n in range((LAST - FIRST).days + 1)]
    return [d for d in days if d.weekday() < 5]


def _differences(data: HolidayData) -> set[tuple[str, date, str]]:
    found: set[tuple[str, date, str]] = set()
    for division in GOVUK_DIVISIONS:
        ours = {h.date for h in data.events[division]}
        theirs = holidays.country_holidays(
            "GB", subdiv=HOLIDAYS_SUBDIV[division], years=range(FIRST.year, LAST.year + 1)
        )
        for d in _weekdays():
            if (d in ours) != (d in theirs):
                found.add((division, d, "GOV.UK only" if d in ours else "holidays only"))
    return found


@pytest.fixture(scope="module")
def raw() -> HolidayData:
    return read_file(bundled_calendars_dir() / BUNDLED_FILE, ORIGIN_BUNDLED)


def test_raw_bundled_file_differs_from_holidays_only_on_known_dates(raw: HolidayData) -> None:
    assert _differences(raw) == KNOWN_RAW_DIFFERENCES


def test_patched_data_equals_holidays_on_every_weekday(raw: HolidayData) -> None:
    patched = apply_patches(raw, load_patches())
    assert [(p.division, p.date) for p in patched.patches_applied] == [
        ("scotland", date(2026, 6, 15))
    ]
    assert _differences(patched) == set()


def test_comparison_covers_the_whole_file(raw: HolidayData) -> None:
    # the compared span is exactly the file's years, so no year escapes the check
    assert (raw.first_date, raw.last_date) == (date(2012, 1, 2), date(2028, 12, 26))
    assert [len(raw.events[d]) for d in GOVUK_DIVISIONS] == [140, 157, 174]
