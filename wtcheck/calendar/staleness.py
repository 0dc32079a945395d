"""When the bank-holiday data is stale: one definition for every command.

The data in use is *stale* on an as-of date A when it does not reach
A + 12 months (as ``relativedelta`` counts: a month end clamps). Kept apart from
:mod:`wtcheck.calendar.report` because every command checks it at start-up
(:func:`wtcheck.cli.options.open_calendar`), and the listing module is larger.
"""

from __future__ import annotations

from datetime import date, timedelta

STALE_MONTHS = 12
"""The data must reach this many months past the as-of date."""


def needed_until(as_of: date) -> date:
    """The last day the data must cover to be fresh on *as_of*: as-of + 12 months."""
    # relativedelta's answer without importing dateutil (~3 ms of every run's start-up)
    years, month0 = divmod(as_of.month - 1 + STALE_MONTHS, 12)
    year, month = as_of.year + years, month0 + 1
    month_end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(year, month, min(as_of.day, month_end.day))


def is_stale(last_date: date, as_of: date) -> bool:
    """True when data ending on *last_date* does not reach :func:`needed_until` (*as_of*)."""
    return last_date < needed_until(as_of)


def stale_warning(last_date: date, as_of: date) -> str | None:
    """The one-line warning every command prints when the data is stale, else None."""
    if not is_stale(last_date, as_of):
        return None
    return (
        f"the bank-holiday data ends on {last_date.isoformat()}, within {STALE_MONTHS} months "
        f"of {as_of.isoformat()}; 'wtcheck calendar info' says how to refresh it"
    )
