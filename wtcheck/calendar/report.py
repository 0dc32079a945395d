"""What the ``wtcheck calendar`` commands compute: listings, month grids, data info.

Plain functions over :class:`~wtcheck.calendar.workdays.Calendar` and
:class:`~wtcheck.calendar.data.HolidayData`; the renderers in
:mod:`wtcheck.render.calendar_view` turn the results into text, CSV or JSON.

Staleness, defined once for every command: the data in use is *stale* on an
as-of date A when it does not reach A + 12 months (``relativedelta``, so a
month end clamps: 29 Feb 2028 + 12 months = 28 Feb 2029). With data ending on
2028-12-26 it is fresh on 2027-12-26 (2027-12-26 + 12 months = 2028-12-26,
which the data still covers) and stale from 2027-12-27.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from dateutil.relativedelta import relativedelta

from wtcheck.calendar.data import (
    GOVUK_DIVISIONS,
    ORIGIN_BUNDLED,
    ORIGIN_CLOSURE,
    ORIGIN_FILE,
    ORIGIN_IMPORTED,
    ORIGIN_PATCH,
    ORIGIN_PROJECTED,
    Holiday,
    HolidayData,
    Patch,
    check_year,
    imported_path,
)
from wtcheck.calendar.staleness import is_stale, needed_until
from wtcheck.calendar.workdays import Calendar
from wtcheck.errors import InputError

ORIGIN_LABELS: dict[str, str] = {
    ORIGIN_BUNDLED: "GOV.UK bundled",
    ORIGIN_IMPORTED: "GOV.UK imported",
    ORIGIN_FILE: "GOV.UK file",
    ORIGIN_PATCH: "patch",
    ORIGIN_PROJECTED: "projected",
    ORIGIN_CLOSURE: "local closure",
}


def origin_label(origin: str) -> str:
    """The words shown for a :class:`Holiday` origin (``govuk-bundled`` → ``GOV.UK bundled``)."""
    return ORIGIN_LABELS.get(origin, origin)


def time_left(as_of: date, last_date: date) -> str:
    """How long from *as_of* until *last_date*, in words (``2 years, 1 month and 4 days``)."""
    if last_date < as_of:
        return f"ended {(as_of - last_date).days} days ago"
    delta = relativedelta(last_date, as_of)
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}"
        for n, unit in ((delta.years, "year"), (delta.months, "month"), (delta.days, "day"))
        if n
    ]
    if not parts:
        return "ends today"
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if not (delta.years or delta.months):
        return words
    return f"{words} ({(last_date - as_of).days} days)"


# -- list ------------------------------------------------------------------------


def list_range(
    data: HolidayData, year: int | None, start: date | None, end: date | None
) -> tuple[date, date]:
    """The days ``calendar list`` covers: --year, else --from/--to, else the data's years.

    A missing --from or --to defaults to the first or last day of the data's years.
    """
    if year is not None:
        if start is not None or end is not None:
            raise InputError("--year: give either --year or --from/--to, not both")
        check_year(year, "--year")
        return date(year, 1, 1), date(year, 12, 31)
    lo = start or date(data.first_year, 1, 1)
    hi = end or date(data.last_year, 12, 31)
    if hi < lo:
        raise InputError(f"--to {hi.isoformat()} is before --from {lo.isoformat()}")
    return lo, hi


def non_working_weekdays(cal: Calendar, start: date, end: date) -> list[Holiday]:
    """Every bank holiday and closure day from *start* to *end* that falls on a weekday."""
    return cal.holidays_between(start, end)


# -- month grid ------------------------------------------------------------------


class DayKind(StrEnum):
    WORKING = "working"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    CLOSURE = "closure"


@dataclass(frozen=True, slots=True)
class DayCell:
    date: date
    kind: DayKind
    holiday: Holiday | None = None


@dataclass(frozen=True)
class MonthGrid:
    """One month, Monday-first weeks; ``None`` pads the first and last week."""

    year: int
    month: int
    weeks: list[list[DayCell | None]]
    days_off: list[Holiday] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{stdlib_calendar.month_name[self.month]} {self.year}"


def _cell(cal: Calendar, d: date) -> DayCell:
    h = cal.holiday(d)
    if h is not None:
        kind = DayKind.CLOSURE if h.origin == ORIGIN_CLOSURE else DayKind.HOLIDAY
        return DayCell(d, kind, h)
    return DayCell(d, DayKind.WEEKEND if d.weekday() >= 5 else DayKind.WORKING)


def month_grid(cal: Calendar, year: int, month: int) -> MonthGrid:
    """The month *year*-*month* on *cal*, each day marked working, weekend, holiday or closure."""
    weeks: list[list[DayCell | None]] = []
    for week in stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append([_cell(cal, d) if d.month == month else None for d in week])
    last = date(year, month, stdlib_calendar.monthrange(year, month)[1])
    return MonthGrid(year, month, weeks, cal.holidays_between(date(year, month, 1), last))


def months_from(first: date, count: int) -> list[tuple[int, int]]:
    """*count* (year, month) pairs starting with *first*'s month."""
    start = date(first.year, first.month, 1)
    return [((d := start + relativedelta(months=i)).year, d.month) for i in range(count)]


# -- info ------------------------------------------------------------------------


@dataclass(frozen=True)
class DivisionInfo:
    division: str
    first: date
    last: date
    weekday_holidays: int


@dataclass(frozen=True)
class ImportedInfo:
    path: Path
    sha256: str
    in_use: bool


@dataclass(frozen=True)
class DataInfo:
    """What ``calendar info`` reports about the data in use on *as_of*."""

    origin: str
    path: Path
    sha256: str
    first_date: date
    last_date: date
    divisions: list[DivisionInfo]
    patches_applied: tuple[Patch, ...]
    patches_skipped: tuple[Patch, ...]
    imported: ImportedInfo | None
    as_of: date
    needed_until: date
    stale: bool
    time_left: str
    closures: list[tuple[date, str]]
    closures_file: Path | None


def data_info(
    data: HolidayData,
    as_of: date,
    *,
    closures: Iterable[tuple[date, str]] = (),
    closures_file: Path | None = None,
) -> DataInfo:
    """Facts about *data* (and any imported file) relative to *as_of*."""
    divisions = [
        DivisionInfo(d, data.events[d][0].date, data.events[d][-1].date, len(data.events[d]))
        for d in GOVUK_DIVISIONS
        if data.events[d]
    ]
    imported: ImportedInfo | None = None
    path = imported_path()
    if path.is_file():
        import hashlib

        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        imported = ImportedInfo(path, digest, data.origin == ORIGIN_IMPORTED)
    return DataInfo(
        origin=data.origin,
        path=data.path,
        sha256=data.sha256,
        first_date=data.first_date,
        last_date=data.last_date,
        divisions=divisions,
        patches_applied=data.patches_applied,
        patches_skipped=data.patches_skipped,
        imported=imported,
        as_of=as_of,
        needed_until=needed_until(as_of),
        stale=is_stale(data.last_date, as_of),
        time_left=time_left(as_of, data.last_date),
        closures=sorted(closures),
        closures_file=closures_file,
    )
