"""Excel workbooks from named polars DataFrames: one sheet per section.

Each sheet has a bold header row with filters, frozen below the header;
columns as wide as their contents (up to :data:`MAX_WIDTH`); dates as real
Excel dates (a date format on the serial number, so Excel sorts and filters
them as dates); numbers and booleans as such; every text cell neutralised
as in CSV (:func:`wtcheck.render.delimited.safe_cell`), and never read as a
formula, number or link. A section longer than a sheet (Excel's 1,048,576
rows, the header included) continues on ``Name (2)``, ``Name (3)``, ... and
the first sheet, "About", says so. The workbook is streamed (XlsxWriter's
constant-memory mode) into a file that replaces the target atomically
(:func:`wtcheck.deliver.open_atomic_bytes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from wtcheck.render.delimited import safe_cell

EXCEL_ROWS = 1_048_576
"""Rows in an Excel sheet, the header row included."""
MAX_WIDTH = 60
"""Widest column set (characters); longer text wraps nowhere but is cut from view."""
DATE_FORMAT = "yyyy-mm-dd"
_EPOCH = date(1899, 12, 30)
"""Excel's day 0 (serial 1 is 1 Jan 1900; 1900's leap-year bug is behind every date here)."""
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")

Section = tuple[str, pl.DataFrame]


def sheet_name(name: str, part: int = 1, taken: Sequence[str] = ()) -> str:
    """*name* as Excel allows a sheet name (31 characters, none of ``[]:*?/\\``),
    with `` (part)`` after the first part, unique among *taken* (case-insensitively)."""
    base = _BAD_NAME.sub("_", name).strip("'") or "Sheet"
    suffix = f" ({part})" if part > 1 else ""
    lowered = {t.lower() for t in taken}
    n = 1
    while True:
        extra = f" {n}" if n > 1 else ""
        candidate = base[: 31 - len(suffix) - len(extra)] + extra + suffix
        if candidate.lower() not in lowered:
            return candidate
        n += 1


def write_xlsx(
    path: Path,
    sections: Sequence[Section],
    *,
    notes: Sequence[str] = (),
    max_rows: int = EXCEL_ROWS,
) -> None:
    """Write *sections* to the workbook *path*, atomically.

    *notes* (title, as-of date, how days are counted...) go on a first sheet,
    "About", with a line for each section that continues on further sheets;
    without notes or continued sections there is no such sheet. *max_rows* is
    Excel's limit (smaller only in tests).
    """
    import xlsxwriter

    from wtcheck.deliver import open_atomic_bytes

    per_sheet = max_rows - 1
    plan: list[tuple[str, pl.DataFrame, list[str]]] = []
    taken: list[str] = ["About"]  # kept free for the notes, whether or not there are any
    about = list(notes)
    for name, frame in sections:
        parts = max(1, -(-frame.height // per_sheet))
        names = []
        for part in range(1, parts + 1):
            names.append(sheet_name(name, part, taken))
            taken.append(names[-1])
        plan.append((name, frame, names))
        if parts > 1:
            about.append(
                f"{name}: {frame.height:,} rows, more than a sheet holds "
                f"({per_sheet:,}); continued on sheets " + ", ".join(names[1:]) + "."
            )
    with open_atomic_bytes(path) as fh:
        book = xlsxwriter.Workbook(
            fh,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        bold = book.add_format({"bold": True})
        dated = book.add_format({"num_format": DATE_FORMAT})
        if about:
            sheet = book.add_worksheet("About")
            sheet.set_column(0, 0, min(max(len(n) for n in about), 120))
            for i, line in enumerate(about):
                sheet.write_string(i, 0, safe_cell(line))
        for _, frame, names in plan:
            for part, name in enumerate(names):
                rows = frame.slice(part * per_sheet, per_sheet)
                _write_sheet(book.add_worksheet(name), rows, bold, dated)
        book.close()


def _write_sheet(sheet: Any, frame: pl.DataFrame, bold: Any, dated: Any) -> None:
    columns = frame.columns
    for j, (name, width) in enumerate(zip(columns, _widths(frame), strict=True)):
        sheet.set_column(j, j, width)
        sheet.write_string(0, j, safe_cell(name), bold)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(frame.height, 1), max(len(columns) - 1, 0))
    writers = [_writer(sheet, dtype, dated) for dtype in frame.dtypes]
    values = frame.with_columns(
        (pl.col(c) - pl.lit(_EPOCH)).dt.total_days()
        for c, t in frame.schema.items()
        if t == pl.Date
    )
    for i, row in enumerate(values.iter_rows(), start=1):
        for j, value in enumerate(row):
            if value is not None:
                writers[j](i, j, value)


def _writer(sheet: Any, dtype: pl.DataType, dated: Any) -> Callable[[int, int, Any], object]:
    if dtype == pl.Date:
        return lambda i, j, v: sheet.write_number(i, j, v, dated)
    if dtype == pl.Boolean:
        return sheet.write_boolean  # type: ignore[no-any-return]
    if dtype.is_numeric():
        return sheet.write_number  # type: ignore[no-any-return]
    return lambda i, j, v: sheet.write_string(i, j, safe_cell(v))


def _widths(frame: pl.DataFrame) -> list[int]:
    """Each column's width in characters: its longest cell or header, 8 to MAX_WIDTH."""
    if not frame.width:
        return []
    longest = frame.select(
        (pl.lit(10) if t == pl.Date else pl.col(c).cast(pl.String).str.len_chars().max()).alias(c)
        for c, t in frame.schema.items()
    ).row(0)
    return [
        min(MAX_WIDTH, max(8, len(name) + 2, (n or 0) + 2))
        for name, n in zip(frame.columns, longest, strict=True)
    ]
