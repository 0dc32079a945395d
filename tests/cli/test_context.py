"""Item 14 of issue 17: one command context, so every command reads the config alike.

``workdays`` and ``calendar`` used to ignore the config file's ``[calendar]
division`` and ``closures``: with ``division = "scotland"``, ``workdays is
2026-06-15`` said "working day" while ``deadlines`` counted on Scotland's
calendar (15 June 2026 is Scotland's World Cup bank holiday).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app
from wtcheck.cli.context import Context
from wtcheck.cli.options import Division, RRAnchor
from wtcheck.errors import InputError

SCOTLAND = '[calendar]\ndivision = "scotland"\nclosures = "closures.txt"\n'


@pytest.fixture
def config(tmp_path: Path) -> Path:
    (tmp_path / "closures.txt").write_text("2025-12-29, Christmas closure\n")
    path = tmp_path / "wtcheck.toml"
    path.write_text(SCOTLAND)
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_workdays_is_uses_the_config_division_and_closures(config: Path) -> None:
    c = str(config)
    assert run("workdays", "is", "2026-06-15", "--config", c) == (
        "Mon 15 Jun 2026 is not a working day (bank holiday: World Cup bank holiday)\n"
    )
    assert run("workdays", "is", "2026-06-15", "--config", c, "-d", "england-and-wales") == (
        "Mon 15 Jun 2026 is a working day\n"
    )
    assert run("workdays", "is", "2026-06-15") == "Mon 15 Jun 2026 is a working day\n"
    assert run("workdays", "is", "29/12/2025", "--config", c) == (
        "Mon 29 Dec 2025 is not a working day (closure day: Christmas closure)\n"
    )


def test_workdays_add_sub_between_count_on_the_config_calendar(config: Path) -> None:
    c = str(config)
    # Scotland: 15 Jun 2026 off; 12 Jun (Fri) + 1 is Tue 16 Jun there, Mon 15 Jun elsewhere
    assert run("workdays", "add", "12/06/2026", "1", "--config", c) == "Tue 16 Jun 2026\n"
    assert run("workdays", "add", "12/06/2026", "1") == "Mon 15 Jun 2026\n"
    assert run("workdays", "sub", "16/06/2026", "1", "--config", c) == "Fri 12 Jun 2026\n"
    assert run("workdays", "between", "12/06/2026", "16/06/2026", "--config", c) == "1\n"
    record = json.loads(run("workdays", "between", "12/06/2026", "16/06/2026", "-f", "json"))
    assert (record["count"], record["division"]) == (2, "england-and-wales")


def test_calendar_list_and_show_use_the_config_calendar(config: Path) -> None:
    c = str(config)
    listed = json.loads(run("calendar", "list", "--year", "2026", "--config", c, "-f", "json"))
    assert {(d["date"], d["division"]) for d in listed} >= {("2026-06-15", "scotland")}
    closed = json.loads(
        run("calendar", "list", "--from", "2025-12-29", "--to", "2025-12-29", "--config", c,
            "-f", "json")
    )  # fmt: skip
    assert [(d["date"], d["name"], d["origin"]) for d in closed] == [
        ("2025-12-29", "Christmas closure", "closure")
    ]
    shown = run("calendar", "show", "2026-06", "--config", c).splitlines()
    assert (
        shown[0]
        == "Calendar: scotland. Local closure days: on (1 listed), counted as non-working days."
    )
    assert "  * Mon 15 Jun 2026: World Cup bank holiday (patch)" in shown
    info = run("calendar", "info", "--config", c, "--as-of", "2026-01-01")
    assert f"Local closure days: {config.parent / 'closures.txt'} (1 days)" in info


def test_context_build_precedence(config: Path) -> None:
    ctx = Context.build(config=config, as_of="05/01/2026")
    assert ctx.as_of == date(2026, 1, 5)
    assert ctx.calendar.division == "scotland"
    assert ctx.closures_path == config.parent / "closures.txt"
    assert ctx.options.rr_anchor is None
    given = Context.build(
        config=config, division=Division.NORTHERN_IRELAND, as_of=date(2026, 1, 5),
        rr_anchor=RRAnchor.INCIDENT, edition="WT2018",
    )  # fmt: skip
    assert given.calendar.division == "northern-ireland"
    assert (given.options.rr_anchor, given.options.edition) == ("incident", "wt2018")
    assert Context.build().as_of == date(2026, 12, 1)  # today, as pinned by the tests
    with pytest.raises(InputError, match="--as-of: '31/02/2026'"):
        Context.build(as_of="31/02/2026")
    with pytest.raises(InputError, match="--edition"):
        Context.build(edition="wt1999")


def test_rules_never_opens_a_calendar(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kw: object) -> None:
        raise AssertionError("calendar opened")

    monkeypatch.setattr("wtcheck.cli.context.open_calendar", fail)
    assert run("rules", "--config", str(config)).startswith("51 rules")
