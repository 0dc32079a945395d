"""The staleness threshold counts 12 months as relativedelta does, without importing it."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from wtcheck.calendar.staleness import STALE_MONTHS, needed_until


def test_needed_until_is_relativedelta_on_every_day_2011_to_2030() -> None:
    day, end = date(2011, 1, 1), date(2030, 12, 31)
    while day <= end:
        assert needed_until(day) == day + relativedelta(months=STALE_MONTHS), day
        day += timedelta(days=1)
