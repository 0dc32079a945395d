"""Run the audit engine on CSV text or bytes written to a temporary file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wtcheck.audit.engine import AuditOptions, Engine, audit_files
from wtcheck.findings import Finding, Status
from wtcheck.workdays import get_calendar

AS_OF = date(2026, 12, 1)


def audit_bytes(
    tmp_path: Path,
    data: bytes,
    *,
    as_of: date = AS_OF,
    notes: list[str] | None = None,
    **kw: object,
) -> Engine:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    options = AuditOptions(as_of, **kw)  # type: ignore[arg-type]
    sink = notes if notes is not None else []
    return audit_files([str(path)], get_calendar("england-and-wales"), options, notice=sink.append)


def audit_text(tmp_path: Path, text: str, **kw: object) -> Engine:
    return audit_bytes(tmp_path, text.encode("utf-8"), **kw)


def brief(findings: list[Finding]) -> list[tuple[str, str, Status, str | None, int | None]]:
    """(case, rule, status, deadline, days) per finding."""
    return [
        (f.case_id, f.rule, f.status, f.deadline.isoformat() if f.deadline else None, f.days)
        for f in findings
    ]
