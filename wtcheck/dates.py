"""Reading dates from people and from exports: always day first.

:func:`parse_date` is the one place wtcheck turns text into a
:class:`datetime.date`. It never reads a date month-first: ``05/04/2023`` is
5 April 2023. Accepted forms:

* ISO ``2023-05-05`` (also ``2023-05-05T00:00:00`` and ``2023-05-05 00:00:00``)
* ``05/05/2023``, ``5/5/2023``, ``05-05-2023``, ``05.05.2023``
* two-digit years ``5/5/23`` (00–68 → 2000s, 69–99 → 1900s, as POSIX ``%y``)
* ``5 May 2023``, ``5 may 2023``, ``05-May-2023``, ``5 Sept 2023``, ``Friday 5 May 2023``
* any of the day-first forms followed by a time, ``05/05/2023 00:00:00``
* with ``excel_serials=True``: Excel serial day numbers such as ``45051``
  (1900 date system)

Anything else, and impossible dates such as ``31/02/2023``, raise
:class:`~wtcheck.errors.DateError`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from wtcheck.errors import DateError

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"$")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME + r"$")
_WORDY = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})"
    + _TIME
    + r"$"
)
_SERIAL = re.compile(r"(\d{1,5})(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)

EXPECTED = "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"


def _make(value: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(value, f"no such date (day {day}, month {month}, year {year})") from None


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
    m = _ISO.match(value)
    if m:
        return _make(value, int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC.match(value)
    if m:
        year = int(m[4])
        if len(m[4]) == 2:
            year += 2000 if year < 69 else 1900
        return _make(value, year, int(m[3]), int(m[1]))
    m = _WORDY.match(value)
    if m:
        month = _MONTHS.get(m[2].lower())
        if month is None:
            raise DateError(value, f"unknown month name {m[2]!r}; " + EXPECTED)
        return _make(value, int(m[3]), month, int(m[1]))
    if excel_serials:
        m = _SERIAL.match(value)
        if m:
            serial = int(m[1])
            if 1 <= serial <= 2958465:
                if serial == 60:
                    raise DateError(
                        value, "Excel serial 60 is 29/02/1900, a day that never existed"
                    )
                # Excel counts a fictitious 29 Feb 1900; serials before it are one day off.
                return _EXCEL_EPOCH + timedelta(days=serial + (1 if serial < 60 else 0))
    raise DateError(value, EXPECTED)


def format_date(d: date) -> str:
    """ISO form, the one wtcheck writes everywhere machines read."""
    return d.isoformat()


def format_long(d: date) -> str:
    """Human form with weekday: ``Mon 15 May 2023``."""
    return f"{d:%a} {d.day} {d:%b %Y}"
