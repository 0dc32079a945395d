from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from wtcheck import clock
from wtcheck.cli.app import app

PACKAGE = Path(__file__).resolve().parent.parent / "wtcheck"


def test_only_the_clock_module_asks_for_today() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.name != "clock.py"
        and re.search(r"\b(date|datetime)\.(today|now)\(", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_suite_pins_today() -> None:
    assert clock.today() == date(2026, 12, 1)


def test_default_as_of_is_the_pinned_today() -> None:
    result = CliRunner().invoke(
        app, ["deadlines", "--aware", "2026-11-30", "--rule", "sin-panel", "-f", "json"]
    )
    assert '"as_of": "2026-12-01"' in result.stdout
    assert '"working_days_left": 4' in result.stdout
