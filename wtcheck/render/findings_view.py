"""Findings as CSV and JSON: one row (object) per finding, the same fields.

These are the formats users load into spreadsheets and scripts, and the CSV
is the attachment of the audit email, so its columns are part of wtcheck's
interface: add columns at the end, never rename.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from wtcheck.findings import Finding
from wtcheck.render.delimited import DANGEROUS, safe_cell

FIELDS: tuple[str, ...] = (
    "case_id", "rule", "rule_name", "trigger_date", "deadline", "completed_date", "status",
    "working_days", "edition", "source_row", "force", "anchor", "file", "projected",
    "column", "value", "message",
)  # fmt: skip


def as_record(f: Finding) -> dict[str, Any]:
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
    }


def write_findings_csv(out: TextIO, findings: Iterable[Finding]) -> None:
    """CSV, one row per finding; cells neutralised for Excel."""
    writer = CsvFindingWriter(out)
    for f in findings:
        writer(f)
    writer.finish()


class CsvFindingWriter:
    """Writes findings as CSV rows as they come: call it with each finding.

    The header goes out with the first row, or from :meth:`finish` when there
    is none, so a run that fails before its first finding writes nothing.
    This is the audit's output hot path (millions of findings for a large
    export): each record is built once and :func:`safe_cell` is inlined for
    text cells.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._writerow: Callable[[list[object]], object] | None = None

    def _start(self) -> Callable[[list[object]], object]:
        import csv

        writer = csv.writer(self._out, lineterminator="\r\n")
        writer.writerow([safe_cell(h) for h in FIELDS])
        self._writerow = writer.writerow
        return writer.writerow

    def __call__(self, f: Finding) -> None:
        writerow = self._writerow or self._start()
        writerow(
            [
                ("'" + v if v.startswith(DANGEROUS) else v) if v.__class__ is str else safe_cell(v)
                for v in as_record(f).values()
            ]
        )

    def finish(self) -> None:
        """Write the header if no finding was written."""
        if self._writerow is None:
            self._start()


def write_findings_json(out: TextIO, findings: Iterable[Finding]) -> None:
    """A JSON list of finding objects (same fields as the CSV)."""
    json.dump([as_record(f) for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
