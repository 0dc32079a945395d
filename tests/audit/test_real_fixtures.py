"""The audit of the real-data fixtures agrees with their hand counts.

examples/annex-a.xlsx and examples/cin-census.xml each have a hand-counted
expected-findings file (tests/data/*.expected.csv, with each count's working).
Every expected finding with a status is produced exactly (case, rule, deadline,
status, working days), and nothing else is: a 'none' row (no review after an
ICPC that made no plan, a plan that ended before its next review fell due, a
rule not in force) gives no finding.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from wtcheck.audit.pipeline import audit_files
from wtcheck.audit.plan import AuditOptions
from wtcheck.workdays import get_calendar

ROOT = Path(__file__).resolve().parents[2]
STATUSES = {"met", "late", "overdue", "due-soon", "pending"}


def _expected(name: str) -> tuple[date, set[tuple[str, str, str, str, int]]]:
    rows = list(csv.DictReader((ROOT / "tests" / "data" / name).open(encoding="utf-8")))
    as_of = date.fromisoformat(rows[0]["as_of"])
    found = set()
    for r in rows:
        if r["status"] not in STATUSES:
            continue
        rule = "sa-45-start" if r["measure"].startswith("from assessment start") else r["rule"]
        found.add((r["case_id"], rule, r["deadline"], r["status"], int(r["days"])))
    return as_of, found


@pytest.mark.parametrize(
    ("example", "expected"),
    [("annex-a.xlsx", "annex-a.expected.csv"), ("cin-census.xml", "cin-census.expected.csv")],
)
def test_fixture_findings_match_the_hand_counts(example: str, expected: str) -> None:
    as_of, want = _expected(expected)
    result = audit_files(
        [str(ROOT / "examples" / example)],
        get_calendar(),
        AuditOptions(as_of),
        notice=lambda _m: None,
    )
    got = {
        (f.case_id, f.rule, f.deadline.isoformat() if f.deadline else "", f.status.value, f.days)
        for f in result.findings()
        if f.status.value in STATUSES
    }
    assert got == want
