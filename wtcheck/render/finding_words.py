"""Findings in words: short phrases shared by the email and calendar renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from wtcheck.findings import STATUS_ORDER, Finding, Status


def _wd(n: int) -> str:
    return f"{n} working day{'s' if n != 1 else ''}"


def days_text(f: Finding) -> str:
    """What the finding's working-day count means: "2 working days overdue", "due today"..."""
    if f.status is Status.INVALID:
        where = f"{f.column}: {f.value!r}" if f.column else ""
        return "; ".join(p for p in (where, f.message) if p) or "could not be checked"
    n = f.days
    if n is None:
        return ""
    if f.status is Status.OVERDUE:
        return f"{_wd(n)} overdue"
    if f.status is Status.LATE:
        return f"done {_wd(n)} late"
    if f.status is Status.MET:
        return f"met with {_wd(n)} to spare" if n else "met on the day"
    return "due today" if n == 0 else f"{_wd(n)} left"


def status_phrase(status: Status, count: int, soon: int) -> str:
    """ "3 overdue", "2 due within 5 working days"... for subjects and summaries."""
    words = {
        Status.OVERDUE: "overdue",
        Status.LATE: "done late",
        Status.DUE_SOON: f"due within {_wd(soon)}",
        Status.PENDING: "pending",
        Status.MET: "met",
        Status.INVALID: "could not be checked",
    }
    return f"{count} {words[status]}"


def overdue_first(findings: Sequence[Finding]) -> list[Finding]:
    """*findings* in display order: by status (overdue first), then deadline, case, rule."""
    return sorted(
        findings,
        key=lambda f: (STATUS_ORDER.index(f.status), f.deadline or date.max, f.case_id, f.rule),
    )
