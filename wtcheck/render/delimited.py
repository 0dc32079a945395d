"""CSV output that is safe to open in Excel.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return could be evaluated by a spreadsheet as a formula (CSV injection).
:func:`safe_cell` neutralises such cells by prefixing a single quote, which
Excel and LibreOffice show as text. Negative numbers that wtcheck itself
writes (working days left) are plain integers, written as numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """*value* as text, with a leading quote if a spreadsheet would evaluate it."""
    if value.__class__ is str:  # the common case first (every cell of every output row)
        return "'" + value if value.startswith(DANGEROUS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(DANGEROUS):
        return "'" + text
    return text


def write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write *header* and *rows* as CSV (RFC 4180 quoting, ``\\r\\n`` lines)."""
    import csv  # lazy: only CSV output needs it (start-up of table and JSON runs)

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
