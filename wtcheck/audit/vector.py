"""A chunk of a CSV as byte offsets, and its date cells as integer day codes, in numpy.

The audit's column-wise path (see :mod:`wtcheck.audit.engine`): instead of
splitting a chunk into millions of Python strings, :func:`layout` finds
every cell's start and end in the chunk's UTF-8 bytes, and
:class:`DayCoder` turns a whole column into **day codes** at once:

* ``0``: an empty cell (or a word exports write for "no date": ``NULL``, ``n/a``...);
* ``1`` … :data:`NDAYS`: a date in the years wtcheck can count,
  1 January 1872 being 1 (``ordinal - DAY0``);
* above :data:`NDAYS`: a cell that is not a date, one code per distinct text
  (:meth:`DayCoder.text`).

``YYYY-MM-DD`` and ``DD/MM/YYYY`` cells (also with ``-`` or ``.``) are read
by arithmetic on their bytes; any other cell is read once per distinct text
by :meth:`wtcheck.audit.engine.DateCache.parse`, the reader of the
row-by-row path, so both paths read every cell alike (a test runs both on
the same files). Dates are never read month-first.

numpy is imported by this module only: the audit imports it for inputs of a
megabyte or more (:data:`VECTOR_MIN`), where it pays for its ~0.1 s import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from wtcheck.audit.engine import FIRST_YEAR, LAST_YEAR

Codes = Any
"""A numpy integer array of day codes (numpy's typing is too loose to help here)."""

VECTOR_MIN = 1 << 20
"""Inputs of at least this many bytes (or of unknown size: stdin) take the column-wise path."""

DAY0 = date(FIRST_YEAR, 1, 1).toordinal() - 1
NDAYS = date(LAST_YEAR, 12, 31).toordinal() - DAY0
"""Day codes 1..NDAYS are dates; above are unreadable texts."""
BAD_LIMIT = 1 << 20
"""Distinct unreadable texts a coder numbers before it starts again (codes stay below 2**21)."""
CODE_BITS = 21
"""Bits of one day code in a combined key (three columns fit in 63 bits)."""
_SHORT = 32
"""Cells up to this long are grouped by their bytes in C; longer ones one by one."""


def _day_table() -> Codes:
    """Day code by ``(year - FIRST_YEAR) * 416 + month * 32 + day``; 0 where no such date."""
    days = np.arange(np.datetime64(f"{FIRST_YEAR}-01-01"), np.datetime64(f"{LAST_YEAR + 1}-01-01"))
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    months = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
    dom = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
    table = np.zeros((LAST_YEAR - FIRST_YEAR + 1) * 416, np.int32)
    table[(years - FIRST_YEAR) * 416 + months * 32 + dom] = np.arange(1, len(days) + 1)
    return table


_DAYS = _day_table()
_DIGIT_ISO = np.array([0, 1, 2, 3, 5, 6, 8, 9])
"""The digits of YYYY-MM-DD."""
_DIGIT_DMY_AS_ISO = np.array([6, 7, 8, 9, 3, 4, 0, 1])
"""The digits of DD/MM/YYYY in year, month, day order."""


class Layout:
    """The cells of one chunk: ``buf[starts[r, c]:ends[r, c]]`` is row *r*, column *c*."""

    __slots__ = ("arr", "buf", "ends", "starts")

    def __init__(self, buf: bytes, arr: Codes, starts: Codes, ends: Codes) -> None:
        self.buf = buf
        self.arr = arr
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def cell(self, r: int, c: int) -> str:
        return self.buf[self.starts[r, c] : self.ends[r, c]].decode()

    def cells(self, rows: Codes, c: int) -> list[str]:
        """Column *c* of *rows* as text."""
        buf = self.buf
        return [
            buf[s:e].decode()
            for s, e in zip(self.starts[rows, c].tolist(), self.ends[rows, c].tolist(), strict=True)
        ]


def layout(body: str, delimiter: str, width: int) -> Layout | None:
    """The cells of *body* (lines without quotes), or None unless every line has *width* cells.

    A line may end in CRLF (the CR is not part of its last cell), as the row path
    reads it after replacing CRLF with LF."""
    buf = body.encode()
    arr = np.frombuffer(buf, np.uint8)
    seps = np.flatnonzero((arr == ord(delimiter)) | (arr == 10))
    n = buf.count(b"\n") + 1
    if len(seps) != n * width - 1 or not (arr[seps[width - 1 :: width]] == 10).all():
        return None
    starts = np.empty(n * width, np.int64)
    starts[0] = 0
    starts[1:] = seps + 1
    ends = np.empty(n * width, np.int64)
    ends[:-1] = seps
    ends[-1] = len(buf)
    grid_starts, grid_ends = starts.reshape(n, width), ends.reshape(n, width)
    if 13 in arr:  # CRLF: the CR before each line end is not part of the last cell
        last = grid_ends[:, -1]
        last -= (last > grid_starts[:, -1]) & (arr[last - 1] == 13)
    return Layout(buf, arr, grid_starts, grid_ends)


class DayCoder:
    """Columns of a :class:`Layout` → day codes; every distinct odd text read once.

    *read* gives the day code of a text the arithmetic does not read
    (``None`` for a text that is not a date): the engine passes its
    :class:`~wtcheck.audit.engine.DateCache`, so both paths agree.
    """

    def __init__(self, read: Callable[[str], date | Exception | None]) -> None:
        self._read = read
        self.texts: list[str] = []
        """Unreadable texts; code ``NDAYS + 1 + i`` is ``texts[i]``."""
        self._by_text: dict[str, int] = {}
        self._odd: dict[bytes, int] = {}

    def trim(self) -> bool:
        """Start numbering unreadable texts again once there are too many (between batches);
        True if the codes above NDAYS changed meaning."""
        if len(self.texts) < BAD_LIMIT and len(self._odd) < BAD_LIMIT:
            return False
        self.texts.clear()
        self._by_text.clear()
        self._odd.clear()
        return True

    def text(self, code: int) -> str:
        """A text with day code *code*: ISO for a date, "" for empty, else the cell's text."""
        if code == 0:
            return ""
        if code <= NDAYS:
            return date.fromordinal(code + DAY0).isoformat()
        return self.texts[code - NDAYS - 1]

    def code_of(self, text: str) -> int:
        v = self._read(text)
        if isinstance(v, date):
            return v.toordinal() - DAY0
        if v is None:
            return 0
        code = self._by_text.get(text)
        if code is None:
            code = self._by_text[text] = NDAYS + 1 + len(self.texts)
            self.texts.append(text)
        return code

    def codes(self, lay: Layout, c: int) -> Codes:
        """The day code of every cell of column *c*."""
        s = lay.starts[:, c]
        length = lay.ends[:, c] - s
        arr = lay.arr
        out = np.zeros(len(s), np.int64)
        ten = np.flatnonzero(length == 10)
        if len(ten):
            out[ten] = _read_ten(arr, s[ten])
        odd = np.flatnonzero((length != 0) & (out == 0))
        if len(odd):
            out[odd] = self._odd_codes(lay, s[odd], length[odd])
        return out

    def _odd_codes(self, lay: Layout, starts: Codes, lengths: Codes) -> Codes:
        """Codes of cells the arithmetic did not read, each distinct byte string read once."""
        buf = lay.buf
        cache = self._odd
        if len(starts) < 64 or int(lengths.max()) > _SHORT:
            out = []
            for s, n in zip(starts.tolist(), lengths.tolist(), strict=True):
                raw = buf[s : s + n]
                code = cache.get(raw)
                if code is None:
                    code = cache[raw] = self.code_of(raw.decode())
                out.append(code)
            return np.array(out, np.int64)
        wide = int(lengths.max())
        padded = np.concatenate([lay.arr, np.zeros(wide, np.uint8)])
        block = as_strided(padded, (len(padded) - wide + 1, wide), (1, 1))[starts].copy()
        block[np.arange(wide) >= lengths[:, None]] = 0  # NUL never occurs in a batch's text
        keys, inverse = np.unique(block.view(f"S{wide}").ravel(), return_inverse=True)
        codes = []
        for key in keys.tolist():
            code = cache.get(key)
            if code is None:
                code = cache[key] = self.code_of(key.decode())
            codes.append(code)
        return np.array(codes, np.int64)[inverse.ravel()]


def _read_ten(arr: Codes, starts: Codes) -> Codes:
    """Day codes of 10-byte cells in ISO or day-first form; 0 for any other cell."""
    block = as_strided(arr, (len(arr) - 9, 10), (1, 1))[starts] - np.uint8(48)
    iso = (block[:, 4] == 253) & (block[:, 7] == 253)  # '-' - '0' wraps to 253
    if iso.all():
        return _days(block[:, _DIGIT_ISO])
    out = np.zeros(len(starts), np.int32)
    out[iso] = _days(block[iso][:, _DIGIT_ISO])
    sep = block[:, 2]
    dmy = ~iso & (sep == block[:, 5]) & ((sep == 255) | (sep == 253) | (sep == 254))  # / - .
    if dmy.any():
        out[dmy] = _days(block[dmy][:, _DIGIT_DMY_AS_ISO])
    return out


def _days(digits: Codes) -> Codes:
    """Day codes of rows of eight digit values, year first (YYYYMMDD); 0 if not a date."""
    ok = (digits <= 9).all(axis=1)
    d = digits.astype(np.int32)
    year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
    month = d[:, 4] * 10 + d[:, 5]
    day = d[:, 6] * 10 + d[:, 7]
    ok &= (year >= FIRST_YEAR) & (year <= LAST_YEAR) & (month <= 12) & (day <= 31)
    return _DAYS[np.where(ok, (year - FIRST_YEAR) * 416 + month * 32 + day, 0)]
