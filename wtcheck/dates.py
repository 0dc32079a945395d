"""Reading dates from people and from exports: always day first.

:func:`parse_date` is the one place wtcheck turns text into a
:class:`datetime.date`; :func:`read_column` reads a whole column of an export
through it (each distinct text once; texts of no accepted shape are rejected
in bulk with the same reason). It never reads a date month-first:
``05/04/2023`` is 5 April 2023. Accepted forms, and nothing else:

* ISO ``2023-05-05`` (also ``2023-05-05T00:00:00`` and ``2023-05-05 00:00:00``),
  and ``2023/05/05`` (year first is never ambiguous)
* ``05/05/2023``, ``5/5/2023``, ``05-05-2023``, ``05.05.2023`` (one separator
  throughout: ``05/05-2023`` is rejected)
* two-digit years ``5/5/23`` (00–68 → 2000s, 69–99 → 1900s, as POSIX ``%y``)
* ``5 May 2023``, ``5 may 2023``, ``05-May-2023``, ``05-MAY-23``, ``5 Sept 2023``,
  ``5th May 2023``, and with the right weekday in front, ``Friday 5 May 2023``
  (``Monday 5 May 2023`` is rejected: 5 May 2023 was a Friday)
* any of these followed by a time of day, ``05/05/2023 00:00:00`` or
  ``05/05/2023 1:30 PM`` (hours 0–23, or 1–12 with AM/PM)
* with ``excel_serials=True`` (cells of exports and workbooks): Excel serial day
  numbers of the 1900 date system from 36526 (1 Jan 2000) to 73415
  (31 Dec 2100), such as ``45051``; a smaller number (``7``, ``2023``) is not a date

Digits are ASCII digits only. Anything else — annotated text (``TBC 5 May
2023``), impossible dates such as ``31/02/2023`` or times such as ``25:00`` —
raises :class:`~wtcheck.errors.DateError` with what was expected.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wtcheck.errors import DateError

if TYPE_CHECKING:
    from collections.abc import Callable

    import polars as pl

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip

# Each shape is written once, as text, and used both by the regular expressions of
# parse_date and, joined, by read_column's bulk rejection (Rust's regex syntax agrees
# on everything used here).
_TIME = r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?(?:\s*([AaPp][Mm]))?)?"
_ISO_SHAPE = r"([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})" + _TIME
_NUMERIC_SHAPE = r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + _TIME
_WORDY_SHAPE = (
    r"(?:([A-Za-z]+),?\s+)?([0-9]{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+"
    r"([0-9]{4}|[0-9]{2})" + _TIME
)
_SERIAL_SHAPE = r"([0-9]{1,6})(?:\.0+)?"
# compiled on first use (re's cache keeps them): a command that reads one ISO date
# does not pay for the others at start-up
_ISO = _ISO_SHAPE + "$"
_NUMERIC = _NUMERIC_SHAPE + "$"
_WORDY = _WORDY_SHAPE + "$"
_SERIAL = _SERIAL_SHAPE + "$"
_CANDIDATE = r"^(?:[0-9]{1,6}(?:\.0+)?$|[0-9]{4}[-/]|[0-9]{1,2}[/.-][0-9]|(?:[A-Za-z]+,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?[\s-]+[A-Za-z])"
"""What a text must start like to be one of the shapes above (no backreferences: polars
checks it over a whole column; a text that fails it is rejected without Python)."""
_EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_FIRST, SERIAL_LAST = 36526, 73415
"""Excel serials read as dates: 1 Jan 2000 to 31 Dec 2100 (the projection limit)."""
FIRST_YEAR, LAST_YEAR = 1872, 2100
"""Years wtcheck can count (the bank-holiday projection's range)."""
OUT_OF_RANGE = f"outside the years wtcheck can count ({FIRST_YEAR}–{LAST_YEAR})"
EMPTY_WORDS = frozenset({"", "null", "n/a", "na", "none"})
"""Cells read as empty in exports (SQL and spreadsheets write these for 'no date')."""

EXPECTED = "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"


def _make(value: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(value, f"no such date (day {day}, month {month}, year {year})") from None


def _check_time(value: str, m: re.Match[str], at: int) -> None:
    """Reject an impossible time of day (groups *at*, *at*+1, *at*+2: hour, minute, AM/PM)."""
    hour, minute, half = m[at], m[at + 1], m[at + 2]
    if hour is None:
        return
    h, mi = int(hour), int(minute)
    ok = mi < 60 and (1 <= h <= 12 if half else h < 24)
    if not ok:
        raise DateError(value, f"no such time of day ({hour}:{minute}{' ' + half if half else ''})")


def _two_digit(year: str) -> int:
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 69 else 1900
    return y


def parse_date(text: str, *, excel_serials: bool = False) -> date:
    """Read *text* as a day-first date; raise :class:`DateError` if it is not one.

    >>> parse_date("05/04/2023")
    datetime.date(2023, 4, 5)
    >>> parse_date("5 May 2023")
    datetime.date(2023, 5, 5)
    """
    value = text.strip()
    if not value:
        raise DateError(text, "empty; " + EXPECTED)
    m = re.match(_ISO, value)
    if m:
        _check_time(value, m, 5)
        return _make(value, int(m[1]), int(m[3]), int(m[4]))
    m = re.match(_NUMERIC, value)
    if m:
        _check_time(value, m, 5)
        return _make(value, _two_digit(m[4]), int(m[3]), int(m[1]))
    m = re.match(_WORDY, value)
    if m:
        _check_time(value, m, 5)
        month = _MONTHS.get(m[3].lower())
        if month is None:
            raise DateError(value, f"unknown month name {m[3]!r}; " + EXPECTED)
        day = _make(value, _two_digit(m[4]), month, int(m[2]))
        if m[1] is not None:
            weekday = _WEEKDAYS.get(m[1].lower())
            if weekday is None:
                raise DateError(value, f"unexpected word {m[1]!r} before the date; " + EXPECTED)
            if weekday != day.weekday():
                raise DateError(value, f"{day:%d %B %Y} was a {day:%A}, not {m[1]}")
        return day
    if excel_serials:
        m = re.match(_SERIAL, value)
        if m:
            serial = int(m[1])
            if SERIAL_FIRST <= serial <= SERIAL_LAST:
                return _EXCEL_EPOCH + timedelta(days=serial)
            raise DateError(
                value,
                f"a number, not a date (Excel serials are read from {SERIAL_FIRST}, "
                "1 Jan 2000, to 73415, 31 Dec 2100); " + EXPECTED,
            )
    raise DateError(value, EXPECTED)


def read_cell(text: str) -> date | None:
    """An export's cell: None when empty (or a word for empty, :data:`EMPTY_WORDS`);
    DateError when unreadable or outside the years wtcheck can count."""
    value = text.strip()
    if value.lower() in EMPTY_WORDS:
        return None
    got = parse_date(value, excel_serials=True)
    if not FIRST_YEAR <= got.year <= LAST_YEAR:
        raise DateError(value, OUT_OF_RANGE)
    return got


class DateCodes:
    """Each distinct cell text of an export read once, as an integer code.

    A code is the date's proleptic ordinal (> 0), 0 for an empty cell (or a word
    for empty, :data:`EMPTY_WORDS`), :data:`NO_SHAPE` for a text that cannot start
    any accepted form (its reason is :data:`EXPECTED`; whoever shows it takes the
    text from the cell), or ``-i`` (i > 1) for another unreadable text, whose
    stripped text and reason are ``bad[i]``.
    """

    def __init__(self) -> None:
        self.known: dict[str, int] = {}
        self.bad: list[tuple[str, str]] = [("", ""), ("", EXPECTED)]

    def code(self, value: str) -> int:
        """The code of one stripped cell text (:func:`read_cell`)."""
        got = self.known.get(value)
        if got is None:
            try:
                day = read_cell(value)
            except DateError as exc:
                got = self._bad(value, exc.reason)
            else:
                got = 0 if day is None else day.toordinal()
            self.known[value] = got
        return got

    def reason(self, code: int) -> str:
        """Why the text of an unreadable *code* (< 0) is not a date."""
        return self.bad[-code][1]

    def trim(self) -> None:
        """Start afresh when past :data:`CACHE_LIMIT` texts (between batches only: a
        batch's codes index :attr:`bad`); memory stays flat on exports of unique junk."""
        if len(self.known) > CACHE_LIMIT or len(self.bad) > CACHE_LIMIT:
            self.known.clear()
            del self.bad[2:]

    def _bad(self, value: str, reason: str) -> int:
        self.bad.append((value, reason))
        return 1 - len(self.bad)

    def read_column(
        self, texts: pl.Series, seen: Callable[[pl.Series], None] | None = None
    ) -> pl.Series:
        """The code of every cell of *texts* (Int32; null cells are empty: 0).

        *seen*, when given, is called with the column's distinct texts that reach
        :func:`read_cell` (stripped): every numeric date among them, for a check of
        the column's form (the month-first warning) without another pass over it.

        Each distinct text is stripped (as ``str.strip`` strips) and tested against
        the accepted shapes and the empty words over the whole column at once; only
        those texts reach :func:`read_cell` (once each, remembered). Every other
        text is :data:`NO_SHAPE`, which is what :func:`parse_date` says of it:
        unique junk costs no Python per cell and no memory.
        """
        import polars as pl

        stripped = pl.col("stripped")
        readable = (
            texts.to_frame("text")
            .lazy()
            .select(pl.col("text").drop_nulls().unique())
            .with_columns(pl.col("text").str.strip_chars(_SPACE).alias("stripped"))
            .filter(
                stripped.str.contains(_CANDIDATE)
                | stripped.str.to_lowercase().is_in(list(EMPTY_WORDS))
            )
            .collect()
        )
        if seen is not None:
            seen(readable["stripped"])
        known, code = self.known, self.code
        found = [
            code(v) if (c := known.get(v)) is None else c for v in readable["stripped"].to_list()
        ]
        return (
            texts.to_frame("text")
            .select(
                pl.when(pl.col("text").is_null())
                .then(0)
                .otherwise(
                    pl.col("text").replace_strict(
                        readable["text"],
                        pl.Series(found, dtype=pl.Int32),
                        default=NO_SHAPE,
                        return_dtype=pl.Int32,
                    )
                )
                .cast(pl.Int32)
            )
            .to_series()
            .rename(texts.name)
        )


NO_SHAPE = -1
"""The code of every text that cannot start an accepted form (reason :data:`EXPECTED`)."""
_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What ``str.strip()`` strips (polars' default set differs: \\x1c-\\x1f); written out,
not computed at start-up (tests/test_dates.py checks it against ``str.isspace``)."""
CACHE_LIMIT = 1_000_000
"""Distinct texts :class:`DateCodes` remembers before it starts afresh (flat memory)."""


def format_date(d: date) -> str:
    """ISO form, the one wtcheck writes everywhere machines read."""
    return d.isoformat()


_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_long(d: date) -> str:
    """Human form with weekday: ``Mon 15 May 2023`` (English whatever the locale)."""
    return f"{_DAY_NAMES[d.weekday()]} {d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"
