"""Working-day arithmetic on UK bank-holiday calendars, O(1) per date.

A *working day* is Monday to Friday and not a bank holiday of the chosen
division (nor, when the user turns them on, a local closure day).

The counting convention, one for the whole of wtcheck:

* :meth:`Calendar.add` ``(E, N)`` is the N-th working day **strictly after**
  E. E itself never counts, whether or not it is a working day. This is the
  deadline for "within N working days of E".
* :meth:`Calendar.sub` ``(P, N)`` steps back N working days from P, P not
  counted. This is the latest date for "no later than N working days
  before P".
* :meth:`Calendar.between` ``(A, B)`` counts the working days in the
  half-open interval **(A, B]**: A excluded, B included. So
  ``between(E, add(E, N)) == N``, and a negative count means B is before A.

Each operation is a couple of list look-ups in a table built once per
calendar (working days numbered in order, and for each day the number of
working days up to and including it). Years outside the GOV.UK data are
projected with the ``holidays`` package when first touched; every result
that relied on a projected year is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wtcheck.calendar.data import (
    DEFAULT_DIVISION,
    DIVISIONS,
    ORIGIN_CLOSURE,
    Holiday,
    HolidayData,
    load_data,
    project_year,
)
from wtcheck.errors import InputError

_fromordinal = date.fromordinal


class Counted(NamedTuple):
    """A date computed on a calendar, with whether a projected year was used."""

    date: date
    projected: bool


class Calendar:
    """The working days of one division, with a precomputed lookup table.

    >>> cal = Calendar("england-and-wales")
    >>> cal.add(date(2023, 5, 5), 5)   # skips the coronation, Mon 8 May 2023
    datetime.date(2023, 5, 15)
    """

    def __init__(
        self,
        division: str = DEFAULT_DIVISION,
        *,
        data: HolidayData | None = None,
        calendar_file: Path | None = None,
        closures: Iterable[tuple[date, str]] = (),
    ) -> None:
        if division not in DIVISIONS:
            raise InputError(
                f"unknown division {division!r}; expected one of {', '.join(DIVISIONS)}"
            )
        self.division = division
        self.data = data if data is not None else load_data(calendar_file)
        self.closures: dict[date, str] = dict(closures)
        self._holidays: dict[int, Holiday] = {}
        self._projected_years: set[int] = set()
        self._build(self.data.first_year, self.data.last_year)

    # -- table -------------------------------------------------------------
    def _build(self, first_year: int, last_year: int) -> None:
        """Build the table for whole years *first_year*..*last_year*.

        All-or-nothing: on error (a year past 2100) the old table stays.
        """
        lo = date(first_year, 1, 1).toordinal()
        hi = date(last_year, 12, 31).toordinal()
        off: dict[int, Holiday] = {}
        projected: set[int] = set()
        for year in range(first_year, last_year + 1):
            if self.data.covers(year):
                found = self.data.holidays_in(self.division, year)
            else:
                found = project_year(self.division, year)
                projected.add(year)
            for h in found:
                off[h.date.toordinal()] = h
        for d, name in self.closures.items():
            o = d.toordinal()
            if lo <= o <= hi and d.weekday() < 5 and o not in off:
                off[o] = Holiday(d, name, ORIGIN_CLOSURE, self.division)
        cum: list[int] = []
        workdays: list[int] = []
        is_work = bytearray(hi - lo + 1)
        n = 0
        for o in range(lo, hi + 1):
            # date.fromordinal(o).weekday() == (o + 6) % 7
            if (o + 6) % 7 < 5 and o not in off:
                workdays.append(o)
                is_work[o - lo] = 1
                n += 1
            cum.append(n)
        self._first_year, self._last_year = first_year, last_year
        self._lo, self._hi = lo, hi
        self._cum, self._wd, self._is_work = cum, workdays, is_work
        self._holidays = off
        self._projected_years = projected

    def _extend_to(self, year: int) -> None:
        if year < self._first_year:
            self._build(year, self._last_year)
        elif year > self._last_year:
            self._build(self._first_year, year)

    def _index(self, o: int) -> int:
        if o < self._lo or o > self._hi:
            self._extend_to(date.fromordinal(o).year)
        return o - self._lo

    def cum_table(self, first: int, last: int) -> tuple[int, list[int]]:
        """(lo, cum) covering ordinals *first*..*last*: ``cum[o - lo]`` is the number of
        working days up to and including day *o*, so working days in (a, b] are
        ``cum[b - lo] - cum[a - lo]`` (the table columnar code gathers from)."""
        self._index(first)
        self._index(last)
        self._index(first)  # a rebuild for *last* keeps the first year: cheap check
        return self._lo, self._cum

    # -- ordinal API (fast path for bulk work) -----------------------------
    def add_ordinal(self, o: int, n: int) -> int:
        """Ordinal form of :meth:`add`."""
        # Fast path: o inside the table and the answer too. A negative index
        # is excluded explicitly; one past the end raises IndexError.
        if n > 0 and o >= self._lo:
            try:
                return self._wd[self._cum[o - self._lo] + n - 1]
            except IndexError:
                pass
        return self._add_ordinal_slow(o, n)

    def _add_ordinal_slow(self, o: int, n: int) -> int:
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        i = self._index(o)  # may rebuild the table: look it up before reading _cum
        k = self._cum[i] + n - 1
        while k >= len(self._wd):
            self._extend_to(self._last_year + 1)
            k = self._cum[o - self._lo] + n - 1
        return self._wd[k]

    def sub_ordinal(self, o: int, n: int) -> int:
        """Ordinal form of :meth:`sub`."""
        i = o - self._lo
        if n > 0 and 0 <= i < len(self._cum):
            k = self._cum[i] - self._is_work[i] - n
            if k >= 0:
                return self._wd[k]
        return self._sub_ordinal_slow(o, n)

    def _sub_ordinal_slow(self, o: int, n: int) -> int:
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        i = self._index(o)
        k = self._cum[i] - self._is_work[i] - n
        while k < 0:
            self._extend_to(self._first_year - 1)
            i = o - self._lo
            k = self._cum[i] - self._is_work[i] - n
        return self._wd[k]

    def between_ordinals(self, a: int, b: int) -> int:
        """Ordinal form of :meth:`between`."""
        self._index(a)
        ib = self._index(b)
        return self._cum[ib] - self._cum[a - self._lo]  # _index(b) may have rebuilt

    def is_working_ordinal(self, o: int) -> bool:
        i = self._index(o)
        return bool(self._is_work[i])

    # -- date API ------------------------------------------------------------
    def add(self, d: date, n: int) -> date:
        """The N-th working day strictly after *d* (N ≥ 1); *d* never counts.

        This is the deadline for "within N working days of d".
        """
        # Inlined fast path of add_ordinal (this is the bulk hot spot: one
        # method call instead of three); anything unusual takes the slow path.
        o = d.toordinal()
        if n > 0 and o >= self._lo:
            try:
                return _fromordinal(self._wd[self._cum[o - self._lo] + n - 1])
            except IndexError:
                pass
        return _fromordinal(self._add_ordinal_slow(o, n))

    def sub(self, d: date, n: int) -> date:
        """Step back N working days from *d* (N ≥ 1); *d* never counts.

        This is the latest date for "no later than N working days before d".
        """
        return _fromordinal(self.sub_ordinal(d.toordinal(), n))

    def between(self, a: date, b: date) -> int:
        """Working days in (a, b]: *a* excluded, *b* included; negative if b < a.

        ``between(e, add(e, n)) == n`` for every date e and n ≥ 1.
        """
        if b < a:
            return -self.between_ordinals(b.toordinal(), a.toordinal())
        return self.between_ordinals(a.toordinal(), b.toordinal())

    def is_working(self, d: date) -> bool:
        """True when *d* is a Monday–Friday that is not a holiday or closure day."""
        return self.is_working_ordinal(d.toordinal())

    def next_working(self, d: date) -> date:
        """The first working day strictly after *d*."""
        return self.add(d, 1)

    def previous_working(self, d: date) -> date:
        """The last working day strictly before *d*."""
        return self.sub(d, 1)

    def on_or_after(self, d: date) -> date:
        """*d* if it is a working day, else the next working day."""
        return d if self.is_working(d) else self.add(d, 1)

    def on_or_before(self, d: date) -> date:
        """*d* if it is a working day, else the previous working day."""
        return d if self.is_working(d) else self.sub(d, 1)

    # -- facts about days ------------------------------------------------------
    def holiday(self, d: date) -> Holiday | None:
        """The bank holiday or closure day on *d*, or None (weekends are not listed)."""
        self._index(d.toordinal())
        return self._holidays.get(d.toordinal())

    def holidays_between(self, start: date, end: date) -> list[Holiday]:
        """Every non-working weekday from *start* to *end* inclusive, in order."""
        self._index(start.toordinal())
        self._index(end.toordinal())
        lo, hi = start.toordinal(), end.toordinal()
        return [h for o, h in sorted(self._holidays.items()) if lo <= o <= hi]

    def is_projected(self, *days: date) -> bool:
        """True when any of *days* falls in a year counted from projected rules.

        The GOV.UK years are contiguous, so a span whose two ends are both in
        GOV.UK years never crosses a projected year.
        """
        for d in days:
            self._index(d.toordinal())
        return any(d.year in self._projected_years for d in days)

    @property
    def projected_years(self) -> frozenset[int]:
        return frozenset(self._projected_years)


_CACHE: dict[tuple[str, Path | None, tuple[tuple[date, str], ...]], Calendar] = {}


def get_calendar(
    division: str = DEFAULT_DIVISION,
    *,
    calendar_file: Path | None = None,
    closures: Iterable[tuple[date, str]] = (),
) -> Calendar:
    """A shared :class:`Calendar` for *division* (built once per process)."""
    key = (division, calendar_file, tuple(sorted(closures)))
    cal = _CACHE.get(key)
    if cal is None:
        cal = _CACHE[key] = Calendar(division, calendar_file=calendar_file, closures=key[2])
    return cal


def clear_calendars() -> None:
    """Forget the shared calendars (after ``wtcheck calendar import`` changed the data)."""
    _CACHE.clear()


def add_workdays(cal: Calendar, start: date, n: int, *, count_start_day: bool = False) -> date:
    """Deadline for "within *n* working days of *start*".

    Default: the n-th working day strictly after *start*. With
    *count_start_day* (an option some authorities use), *start* is day 1
    when it is a working day, so the deadline is one working day earlier;
    a *start* on a non-working day still never counts.
    """
    if count_start_day and cal.is_working(start):
        return start if n == 1 else cal.add(start, n - 1)
    return cal.add(start, n)


def sub_workdays(cal: Calendar, target: date, n: int, *, clear_days: bool = False) -> date:
    """Latest day for "no later than *n* working days before *target*".

    Default: step back *n* working days from *target*, *target* not counted
    (P = Thu 15, n = 7 gives Tue 6). With *clear_days*, *n* whole working
    days must lie strictly between the two dates (gives Mon 5).
    """
    return cal.sub(target, n + 1 if clear_days else n)
