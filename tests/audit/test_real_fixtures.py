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
from wtcheck.calendar.workdays import get_calendar

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


SSD = sorted(str(p) for p in (ROOT / "tests" / "data" / "ssd-extract").glob("ssd_*.csv"))


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ([str(ROOT / "examples" / "annex-a.xlsx")], "annex-a.expected.csv"),
        ([str(ROOT / "examples" / "cin-census.xml")], "cin-census.expected.csv"),
        (SSD, "ssd-extract.expected.csv"),  # the six tables, joined on their ids
    ],
    ids=["annex-a", "cin-census", "ssd"],
)
def test_fixture_findings_match_the_hand_counts(inputs: list[str], expected: str) -> None:
    as_of, want = _expected(expected)
    result = audit_files(
        inputs,
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


def test_stored_due_dates_that_differ_are_explained() -> None:
    """Real-data issue item 6: CIN InitialCPCtarget beside wtcheck's ICPC deadline."""
    notes: list[str] = []
    result = audit_files(
        [str(ROOT / "examples" / "cin-census.xml")],
        get_calendar(),
        AuditOptions(date(2025, 3, 31)),
        notice=notes.append,
        sheet="Section47",
    )
    got = {f.case_id: f.message for f in result.findings() if "Stored due date" in f.message}
    assert got == {
        "CIN001": "Stored due date Tue 14 Jan 2025 is 1 working day before wtcheck's Wed 15 Jan "
        "2025: explained by counting the strategy discussion day as day 1.",
        "CIN004": "Stored due date Wed 13 Mar 2024 is 1 working day before wtcheck's Thu 14 Mar "
        "2024: explained by counting the strategy discussion day as day 1.",
    }
    assert any("2 stored due dates differ from wtcheck's icpc-2013 deadline" in n for n in notes)


def test_stored_note_conventions() -> None:
    from wtcheck.audit.stored import stored_note
    from wtcheck.deadlines import Options, compute
    from wtcheck.rules import get_rule

    cal = get_calendar()
    # ICPC 15 working days from Mon 14 Apr 2025 (Easter, 5 May): Thu 8 May 2025; a system
    # counting weekdays only stores Mon 5 May (a bank holiday): 3 working days before
    (icpc,) = compute(get_rule("icpc-2013"), {"strategy_discussion": date(2025, 4, 14)}, cal)
    assert icpc.deadline == date(2025, 5, 8)
    assert stored_note(icpc, date(2025, 5, 5), cal, Options()) == (
        "Stored due date Mon 5 May 2025 is 3 working days before wtcheck's Thu 8 May 2025: "
        "explained by counting weekdays only (bank holidays as working days)."
    )
    # first review 3 months after Wed 15 Jan 2025: Tue 15 Apr; 91 days gives Wed 16 Apr
    (first,) = compute(get_rule("rcpc-first"), {"icpc": date(2025, 1, 15)}, cal)
    assert stored_note(first, date(2025, 4, 16), cal, Options()).endswith(
        "is 1 working day after wtcheck's Tue 15 Apr 2025: explained by 91 calendar days "
        "instead of 3 months."
    )
    assert stored_note(first, date(2025, 4, 22), cal, Options()).endswith(
        "no known convention explains it."
    )
