"""Working-day arithmetic on whole numpy arrays of dates.

The same convention as :class:`wtcheck.calendar.workdays.Calendar` (see its module):
:func:`add_days` gives, for every date E, the N-th working day strictly
after E; :func:`sub_days` steps back N working days, the date itself not
counted. Dates go in and come out as ``datetime64[D]`` arrays (anything
``numpy.asarray`` turns into one: ``date`` objects, ISO strings); ``NaT``
stays ``NaT``. Each date is two look-ups in the calendar's own table, done
by numpy for the whole array:

>>> import numpy as np
>>> from wtcheck.calendar.workdays import Calendar
>>> add_days(Calendar("england-and-wales"), np.array(["2023-05-05"], "datetime64[D]"), 5)
array(['2023-05-15'], dtype='datetime64[D]')

Imported on its own (``from wtcheck.calendar.workdays_array import add_days``): the
rest of wtcheck never needs numpy to start.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from wtcheck.calendar.workdays import Calendar

EPOCH = date(1970, 1, 1).toordinal()
"""Ordinal of day 0 of ``datetime64[D]``."""


def add_days(cal: Calendar, days: Any, n: int) -> Any:
    """The N-th working day strictly after each date (N ≥ 1), as ``datetime64[D]``."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    d, o, valid = _ordinals(days)
    if len(o):
        # the latest date's answer is the latest answer: the scalar path extends the
        # table (projected years) to cover it and the earliest date
        cal.add_ordinal(int(o.max()), n)
        cal.add_ordinal(int(o.min()), n)
        wd, cum, _, lo = _arrays(cal)
        o = wd[cum[o - lo] + n - 1]
    return _dates(d, o, valid)


def sub_days(cal: Calendar, days: Any, n: int) -> Any:
    """N working days back from each date (N ≥ 1; the date itself not counted)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    d, o, valid = _ordinals(days)
    if len(o):
        cal.sub_ordinal(int(o.min()), n)
        cal.sub_ordinal(int(o.max()), n)
        wd, cum, is_work, lo = _arrays(cal)
        i = o - lo
        o = wd[cum[i] - is_work[i] - n]
    return _dates(d, o, valid)


def _ordinals(days: Any) -> tuple[Any, Any, Any]:
    """(the dates as datetime64[D], the ordinals of those that are not NaT, which)."""
    d = np.asarray(days, dtype="datetime64[D]")
    valid = ~np.isnat(d)
    return d, d[valid].astype(np.int64) + EPOCH, valid


def _dates(d: Any, o: Any, valid: Any) -> Any:
    out = np.full(d.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    out[valid] = (o - EPOCH).astype("datetime64[D]")
    return out


def _arrays(cal: Calendar) -> tuple[Any, Any, Any, int]:
    """The calendar's table as numpy arrays, made again after the table is rebuilt."""
    cached = cal.__dict__.get("_numpy_table")
    if cached is None or cached[0] is not cal._cum:
        table = (
            np.array(cal._wd, np.int64),
            np.array(cal._cum, np.int64),
            np.frombuffer(bytes(cal._is_work), np.uint8).astype(np.int64),
            cal._lo,
        )
        cached = cal.__dict__["_numpy_table"] = (cal._cum, table)
    return cached[1]


def between_days(cal: Calendar, a: Any, b: Any) -> Any:
    """Working days in (a, b] for each pair, as ``int64``: :meth:`Calendar.between`
    for whole arrays (negative where b is before a). No ``NaT`` allowed."""
    da = np.asarray(a, dtype="datetime64[D]")
    db = np.asarray(b, dtype="datetime64[D]")
    if np.isnat(da).any() or np.isnat(db).any():
        raise ValueError("between_days: a date is missing (NaT)")
    oa = da.astype(np.int64) + EPOCH
    ob = db.astype(np.int64) + EPOCH
    if not len(oa):
        return np.zeros(0, np.int64)
    lo, hi = int(min(oa.min(), ob.min())), int(max(oa.max(), ob.max()))
    cal.between_ordinals(lo, hi)  # extends the table (projected years) to cover both
    _, cum, _, first = _arrays(cal)
    return cum[ob - first] - cum[oa - first]
