"""Where the report's findings come from: the ONE function that runs the audit for it.

:func:`audit_frame` returns the audit's findings as a polars DataFrame, the
columns of :data:`wtcheck.render.findings_view.FIELDS` (dates as ``pl.Date``,
``working_days``/``source_row`` as Int64, ``projected`` Boolean), every status
kept, plus one String column per ``--by`` group named as the input header.
Everything else in :mod:`wtcheck.report` works from that frame alone.

For now it runs the current engine and reads its findings CSV back; the
one-pipeline audit replaces this body.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import polars as pl

from wtcheck.errors import ColumnError
from wtcheck.findings import Status
from wtcheck.render.delimited import DANGEROUS
from wtcheck.render.findings_view import FIELDS
from wtcheck.workdays import Calendar

if TYPE_CHECKING:
    from wtcheck.audit.engine import AuditOptions

SCHEMA: dict[str, Any] = {
    **dict.fromkeys(FIELDS, pl.String),
    "trigger_date": pl.Date,
    "deadline": pl.Date,
    "completed_date": pl.Date,
    "working_days": pl.Int64,
    "source_row": pl.Int64,
    "projected": pl.Boolean,
}
"""The frame's columns and types (before the group columns)."""


def audit_frame(
    files: Sequence[str],
    *,
    as_of: date,
    cal: Calendar,
    options: AuditOptions,
    by: Sequence[str] = (),
    mapping: Mapping[str, Sequence[str]] | None = None,
    notice: Callable[[str], None] = lambda _m: None,
) -> pl.DataFrame:
    """The audit of *files* as of *as_of*, every finding, as a DataFrame (see module).

    Stopgap: the engine streams its findings CSV (its fast path) into a private
    temporary file, which polars reads back. Text cells come back as the CSV
    neutralised them (a leading ``'`` before ``=``, ``+``, ``-``, ``@``...), so
    that quote is taken off again.
    """
    import tempfile
    from pathlib import Path

    from wtcheck.audit.engine import audit_files
    from wtcheck.render.findings_view import CsvFindingWriter

    options = dataclasses.replace(options, as_of=as_of, keep=frozenset(Status))
    with tempfile.TemporaryDirectory(prefix="wtcheck-report-") as folder:
        path = Path(folder) / "findings.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = CsvFindingWriter(out)
            audit_files(files, cal, options, mapping=mapping, notice=notice, sink=writer)
            writer.finish()
        frame = pl.read_csv(path, schema=SCHEMA, try_parse_dates=False)
    text = [c for c, t in SCHEMA.items() if t == pl.String]
    quoted = "^'[" + re.escape("".join(DANGEROUS)) + "]"
    frame = frame.with_columns(
        pl.when(pl.col(c).str.contains(quoted)).then(pl.col(c).str.slice(1)).otherwise(pl.col(c))
        for c in text
    )
    return _with_groups(frame, files, by) if by else frame


def _with_groups(frame: pl.DataFrame, files: Sequence[str], by: Sequence[str]) -> pl.DataFrame:
    """The --by columns of each finding's row, read again from its file (a stopgap:
    the one-pipeline audit carries them)."""
    parts = []
    for name in dict.fromkeys(files):
        if name == "-":
            raise ColumnError("--by: cannot read groups from stdin; give the file's name")
        table = pl.read_csv(name, infer_schema=False, encoding="utf8-lossy")
        missing = [c for c in by if c not in table.columns]
        if missing:
            raise ColumnError(
                f"{name}: --by {missing[0]!r}: no such column; expected one of the headers: "
                + ", ".join(table.columns)
            )
        parts.append(
            table.select(by)
            .with_row_index("source_row", offset=2)
            .with_columns(pl.col("source_row").cast(pl.Int64), file=pl.lit(name))
        )
    groups = pl.concat(parts)
    return frame.join(groups, on=["file", "source_row"], how="left")
