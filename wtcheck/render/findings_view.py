"""Findings as CSV and JSON: one row (object) per finding, the same fields.

These are the formats users load into spreadsheets and scripts, and the CSV
is the attachment of the audit email, so its columns are part of wtcheck's
interface: add columns at the end, never rename.
"""

from __future__ import annotations

import csv
import io
import json
import re
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
    export): it is a :class:`~wtcheck.findings.TemplateSink`, so the audit
    formats and neutralises the cells findings share once (:meth:`parts`), and
    per row only joins the case id, dates, working days and row to them.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._writerow: Callable[[Iterable[str]], object] | None = None

    def _start(self) -> Callable[[Iterable[str]], object]:
        writer = csv.writer(self._out, lineterminator="\r\n")
        writer.writerow([safe_cell(h) for h in FIELDS])
        self._writerow = writer.writerow
        return writer.writerow

    def __call__(self, f: Finding) -> None:
        writerow = self._writerow or self._start()
        writerow(_cells(f))

    def parts(self, f: Finding) -> tuple[str, str, str, str, str, str] | None:
        """The text after each varying cell of *f*'s rows (case id, trigger date,
        deadline, completion date, days, row), as the csv module writes them:
        a row is ``case_id + parts[0] + trigger + parts[1] + ... + row + parts[5]``
        for a case id from :meth:`case_cell`. None if the cells cannot be cut."""
        cells = _cells(f)
        if any(_MARK in c for c in cells):  # pragma: no cover - a NUL in a report cell
            return None
        for i in _VARYING:
            cells[i] = _MARK
        line = io.StringIO()
        csv.writer(line, lineterminator="\r\n").writerow(cells)
        _, *parts = line.getvalue().split(_MARK)
        a, b, c, d, e, g = parts
        return a, b, c, d, e, g

    @staticmethod
    def case_cell(case_id: str) -> str | None:
        """*case_id* as a templated row holds it (neutralised for Excel), or None if
        the csv module would quote it: such a row is written from its finding."""
        if case_id.isalnum():
            return case_id
        case_id = "'" + case_id if case_id.startswith(DANGEROUS) else case_id
        return None if _QUOTED.search(case_id) else case_id

    def write(self, text: str) -> None:
        """Rows already formatted from :meth:`parts` (the header goes first)."""
        (self._out.write if self._writerow else self._begin())(text)

    def _begin(self) -> Callable[[str], object]:
        self._start()
        return self._out.write

    def finish(self) -> None:
        """Write the header if no finding was written."""
        if self._writerow is None:
            self._start()


def _cells(f: Finding) -> list[str]:
    """The CSV cells of one finding, neutralised for spreadsheets."""
    return [
        ("'" + v if v.startswith(DANGEROUS) else v) if v.__class__ is str else safe_cell(v)
        for v in as_record(f).values()
    ]


_MARK = "\x00"
_VARYING = (0, 3, 4, 5, 7, 9)
"""Cells of a templated finding that vary: case id, trigger date, deadline, completion,
days, row."""
_QUOTED = re.compile('[,"\r\n]')
"""Characters that make the csv module quote a cell (delimiter, quote, line break)."""


def write_findings_json(out: TextIO, findings: Iterable[Finding]) -> None:
    """A JSON list of finding objects (same fields as the CSV)."""
    json.dump([as_record(f) for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
