"""Audit findings built by hand, for the renderers and the email (no audit run needed)."""

from __future__ import annotations

from datetime import date

from wtcheck.findings import Finding, Status

AS_OF = date(2026, 12, 1)


def finding(**kw: object) -> Finding:
    """A sin-panel finding on case C-7, overdue by 2 working days; *kw* overrides fields."""
    values: dict[str, object] = {
        "case_id": "C-7; Smith, J",
        "rule": "sin-panel",
        "rule_name": "Serious incident notification",
        "status": Status.OVERDUE,
        "trigger_date": date(2026, 11, 20),
        "deadline": date(2026, 11, 27),
        "completed": None,
        "days": 2,
        "edition": "wt2023",
        "row": 4,
        "force": "guidance",
        "anchor": None,
        "source": "Working Together 2023, ch.5",
        "file": "cases.csv",
    }
    values.update(kw)
    return Finding(**values)  # type: ignore[arg-type]


def sample() -> list[Finding]:
    """3 overdue, 2 due soon, 1 late, 1 met, 1 pending: in file order, not display order."""
    d = date
    return [
        finding(case_id="A1", status=Status.MET, days=3, completed=d(2026, 11, 24), row=2),
        finding(case_id="A2", status=Status.DUE_SOON, deadline=d(2026, 12, 3), days=2, row=3),
        finding(case_id="A3", deadline=d(2026, 11, 30), days=1, row=4),
        finding(case_id="<b>A4</b> & co", deadline=d(2026, 11, 26), days=3, row=5),
        finding(case_id="A5", status=Status.PENDING, deadline=d(2026, 12, 20), days=14, row=6),
        finding(case_id="A6", status=Status.DUE_SOON, deadline=d(2026, 12, 1), days=0, row=7),
        finding(case_id="=cmd|' /C calc'!A0", days=2, row=8),
        finding(case_id="A8", status=Status.LATE, days=1, completed=d(2026, 11, 30), row=9),
    ]
