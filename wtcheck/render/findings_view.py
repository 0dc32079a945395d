"""Findings as CSV and JSON: one row (object) per finding, the same fields.

These are the formats users load into spreadsheets and scripts, and the CSV
is the attachment of the audit email, so its columns are part of wtcheck's
interface: add columns at the end, never rename.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from wtcheck.audit.fields import FIELDS
from wtcheck.findings import Finding
from wtcheck.render.delimited import DANGEROUS, safe_cell

if TYPE_CHECKING:
    import polars as pl

__all__ = ["FIELDS", "CsvFrameWriter", "as_record", "write_findings_csv", "write_findings_json"]


def as_record(f: Finding, by: Sequence[str] = ()) -> dict[str, Any]:
    """The JSON object (and CSV row) for one finding."""
    return {
        "case_id": f.case_id,
        "rule": f.rule,
        "rule_name": f.rule_name,
        "trigger_date": f.trigger_date.isoformat() if f.trigger_date else None,
        "deadline": f.deadline.isoformat() if f.deadline else None,
        "completed_date": f.completed.isoformat() if f.completed else None,
        "status": f.status.value,
        "working_days": f.days,
        "edition": f.edition,
        "source_row": f.row,
        "force": f.force,
        "anchor": f.anchor,
        "file": f.file,
        "projected": f.projected,
        "column": f.column,
        "value": f.value,
        "message": f.message,
        "episode": f.episode,
        **dict(zip(by, f.groups, strict=False)),
    }


def write_findings_csv(out: TextIO, findings: Iterable[Finding], by: Sequence[str] = ()) -> None:
    """CSV, one row per finding; cells neutralised for Excel (through
    :class:`CsvFrameWriter`, the audit's own writer)."""
    from wtcheck.audit.pipeline import findings_frame

    writer = CsvFrameWriter(out)
    writer(findings_frame(list(findings), by))
    writer.finish()


class CsvFrameWriter:
    """Writes frames of findings (columns :data:`FIELDS`) as CSV as they come.

    The header goes out with the first frame, or from :meth:`finish` when there
    is none, so a run that fails before its first finding writes nothing. The
    same bytes as :func:`write_findings_csv` writes for the same findings: cells
    neutralised for spreadsheets, quoted only where needed, ``\r\n`` lines.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._started = False

    def __call__(self, frame: pl.DataFrame) -> None:
        import polars as pl

        if not len(frame):
            return
        strings = [c for c, t in frame.schema.items() if t == pl.String]
        # only the columns with a cell to change are rebuilt (a copy of every text costs);
        # a column whose least cell sorts above every dangerous first character (and so
        # above "") has none: one comparison a cell, cheaper than the pattern's scan
        lowest = frame.select(pl.col(c).min() for c in strings).row(0) if strings else ()
        suspects = [c for c, low in zip(strings, lowest, strict=True) if _may_change(low)]
        change = (
            frame.select(
                (pl.col(c).str.contains(_FIRST) | (pl.col(c) == "")).any() for c in suspects
            ).row(0)
            if suspects
            else ()
        )
        safe = frame.with_columns(
            pl.when(pl.col(c).str.contains(_FIRST))
            .then(pl.lit("'") + pl.col(c))
            .when(pl.col(c) != "")  # as the csv module writes "": nothing
            .then(pl.col(c))
            .alias(c)
            for c, changed in zip(suspects, change, strict=True)
            if changed
        )
        safe = safe.rename({c: safe_cell(c) for c in safe.columns if safe_cell(c) != c})
        options: dict[str, Any] = dict(
            include_header=not self._started,
            line_terminator="\r\n",
            date_format="%Y-%m-%d",
            null_value="",
            quote_style="necessary",
        )
        raw = getattr(self._out, "buffer", None)
        if (
            raw is not None
            and getattr(self._out, "encoding", "").lower().replace("-", "") == "utf8"
        ):
            self._out.flush()  # the bytes straight to the file: no text copy of them
            try:
                safe.write_csv(raw, **options)
            except (pl.exceptions.PolarsError, OSError):
                # polars wraps the OS's error (a full disk): write as text, so that the
                # OSError itself is raised and reported as one line
                self._out.write(safe.write_csv(**options))
                self._out.flush()
        else:
            self._out.write(safe.write_csv(**options))
        self._started = True

    def finish(self, by: Sequence[str] = ()) -> None:
        """Write the header if no finding was written (*by*: the group columns)."""
        if not self._started:
            self._out.write(",".join(safe_cell(h) for h in (*FIELDS, *by)) + "\r\n")
            self._started = True


def _may_change(lowest: str | None) -> bool:
    """Whether a column whose least cell is *lowest* (None: no cell) may hold a cell the
    writer changes: one that is empty, or starts with a :data:`DANGEROUS` character."""
    return lowest is not None and lowest[:1] <= max(DANGEROUS)  # "" sorts first too


_FIRST = "^[" + "".join({"\t": r"\t", "\r": r"\r"}.get(c, re.escape(c)) for c in DANGEROUS) + "]"
"""A first character that makes a spreadsheet evaluate a cell (render.delimited.DANGEROUS),
as a pattern: one scan of each cell's first byte."""


def write_findings_json(out: TextIO, findings: Iterable[Finding], by: Sequence[str] = ()) -> None:
    """A JSON list of finding objects (same fields as the CSV), written one object at a
    time: the bytes ``json.dump(list, indent=2)`` gives, without the whole list in memory;
    control characters a terminal would act on escaped (:func:`safe_json`)."""
    from wtcheck.render.safe_text import safe_json

    first = True
    for f in findings:
        text = json.dumps(as_record(f, by), indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(safe_json(("[\n  " if first else ",\n  ") + text))
        first = False
    out.write("[]\n" if first else "\n]\n")
