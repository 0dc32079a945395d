"""Run the audit engine on CSV text or bytes written to a temporary file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wtcheck.audit.pipeline import AuditResult, audit_files
from wtcheck.audit.plan import AuditOptions
from wtcheck.calendar.workdays import get_calendar
from wtcheck.findings import Finding, Status

AS_OF = date(2026, 12, 1)


@dataclass
class Ran:
    """An audit's result with its findings as values."""

    result: AuditResult

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings()

    @property
    def counts(self) -> dict[Status, int]:
        return self.result.counts


def audit_bytes(
    tmp_path: Path,
    data: bytes,
    *,
    as_of: date = AS_OF,
    notes: list[str] | None = None,
    **kw: object,
) -> Ran:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    options = AuditOptions(as_of, **kw)  # type: ignore[arg-type]
    sink = notes if notes is not None else []
    cal = get_calendar("england-and-wales")
    return Ran(audit_files([str(path)], cal, options, notice=sink.append))


def audit_text(tmp_path: Path, text: str, **kw: object) -> Ran:
    return audit_bytes(tmp_path, text.encode("utf-8"), **kw)


def brief(findings: list[Finding]) -> list[tuple[str, str, Status, str | None, int | None]]:
    """(case, rule, status, deadline, days) per finding."""
    return [
        (f.case_id, f.rule, f.status, f.deadline.isoformat() if f.deadline else None, f.days)
        for f in findings
    ]
