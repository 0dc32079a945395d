"""Findings in words: short phrases shared by the email and calendar renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from wtcheck.findings import STATUS_ORDER, Finding, Status


def _wd(n: int) -> str:
    return f"{n} working day{'s' if n != 1 else ''}"


def days_text(f: Finding, *, short: bool = False) -> str:
    """What the finding's working-day count means.

    Long form (emails, calendar feeds): "2 working days overdue", "met on the day".
    Short form (table cells, ``short=True``): "2 overdue", "on the day".
    """
    if f.status is Status.INVALID and not short:
        where = f"{f.column}: {f.value!r}" if f.column else ""
        return "; ".join(p for p in (where, f.message) if p) or "could not be checked"
    if f.status in (Status.CHECK, Status.CONDITIONAL):
        if not short:
            return f.message
        first = f.message.split(". ")[0].removeprefix("Check: ").removeprefix("Conditional: ")
        if " was " in first:  # "the referral ... on <date> was within the window (...)"
            first = first.split(" was ", 1)[1]
        return first.split(" (")[0].rstrip(".")
    n = f.days
    if n is None:
        return ""
    wd = str(n) if short else _wd(n)
    if f.status is Status.OVERDUE:
        return f"{wd} overdue"
    if f.status is Status.LATE:
        return f"{wd} late" if short else f"done {wd} late"
    if f.status is Status.MET:
        if short:
            return f"{wd} to spare" if n else "on the day"
        return f"met with {wd} to spare" if n else "met on the day"
    return "due today" if n == 0 else f"{wd} left"


def status_phrase(status: Status, count: int, soon: int) -> str:
    """ "3 overdue", "2 due within 5 working days"... for subjects and summaries."""
    words = {
        Status.OVERDUE: "overdue",
        Status.LATE: "done late",
        Status.DUE_SOON: f"due within {_wd(soon)}",
        Status.PENDING: "pending",
        Status.MET: "met",
        Status.INVALID: "could not be checked",
        Status.CHECK: "to check (no time limit)",
        Status.CONDITIONAL: "conditional",
    }
    return f"{count} {words[status]}"


def overdue_first(findings: Sequence[Finding]) -> list[Finding]:
    """*findings* in display order: by status (overdue first), then deadline, case, rule."""
    return sorted(
        findings,
        key=lambda f: (STATUS_ORDER.index(f.status), f.deadline or date.max, f.case_id, f.rule),
    )
