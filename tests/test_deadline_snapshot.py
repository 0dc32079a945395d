"""The deadline snapshot (issue 16, "Also"): any change to a computed date is a diff."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "snapshots" / "deadlines.jsonl"


def test_the_snapshot_is_current() -> None:
    """Regenerate with: python scripts/deadline_snapshot.py (and read the diff)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "deadline_snapshot.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_snapshot_holds_the_worked_examples() -> None:
    """verification.md §10: Mon 22 Dec 2025 gives the SIN on Wed 31 Dec 2025 and, counted
    from that day (every trigger of a case is the case's date), the rapid review on
    Thu 15 Jan 2026."""
    cases = {}
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        cases[case["case"]] = case["results"]
    assert [r["deadline"] for r in cases["sin-panel auto 2025-12-22"]] == ["2025-12-31"]
    assert [r["deadline"] for r in cases["rr-submit auto 2025-12-22"]] == ["2026-01-15"]
    assert cases["ia-10 auto 2013-04-15"] == []  # WT2013 from 15 Apr 2013: no ia-10
    assert [r["deadline"] for r in cases["ia-10 auto 2013-04-12"]] == ["2013-04-26"]
    assert [r["deadline"] for r in cases["ia-10 wt2010 2013-04-15"]] == ["2013-04-29"]
