"""Start-up: heavy modules are imported only when a run needs them.

Each test runs wtcheck in a fresh interpreter (sys.modules is per process)
and lists the modules it imported. Speed itself is measured by
benchmarks/startup.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from wtcheck.cli.app import main
sys.argv = ["wtcheck", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
sys.stderr.write("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str) -> set[str]:
    """The modules imported by ``wtcheck ARGS`` (which must succeed), and their top-level packages."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    report = json.loads(proc.stderr.rsplit("MODULES ", 1)[1])
    assert report["code"] == 0, proc.stderr
    modules: list[str] = report["modules"]
    return {*modules, *(m.split(".")[0] for m in modules)}


DEADLINES = ["deadlines", "--aware", "22/12/2025", "--incident", "20/12/2025", "--as-of", "2026-01-05"]  # fmt: skip
LAZY = ["holidays", "csv", "email", "smtplib", "tomllib", "dateutil", "hashlib"]


@pytest.mark.parametrize(
    "args",
    [DEADLINES, ["workdays", "add", "2023-05-05", "5"], ["workdays", "between", "2023-05-05", "2023-06-05"]],
    ids=["deadlines", "workdays-add", "workdays-between"],
)  # fmt: skip
def test_in_range_runs_import_no_heavy_module(args: list[str]) -> None:
    loaded = imported_by(*args)
    assert "wtcheck" in loaded
    assert loaded.isdisjoint(LAZY), sorted(loaded & set(LAZY))
    # the calendar listing module is for 'wtcheck calendar'; the staleness check has its own
    assert "wtcheck.calendar.staleness" in loaded
    assert "wtcheck.calendar.report" not in loaded
    # no --closures and no config file: the closures reader is not needed
    assert "wtcheck.calendar.closures" not in loaded


def test_typer_does_not_pull_in_pydantic() -> None:
    # typer 0.29 validates every option through pydantic (+75 ms per run);
    # pyproject pins typer below it. This fails if that pin is lifted.
    assert "pydantic" not in imported_by(*DEADLINES)


def test_a_projected_year_does_import_holidays() -> None:
    # 2030 is outside the bundled GOV.UK data (2012-2028), so the rules of
    # the holidays package are needed: the probe sees the import it guards.
    assert "holidays" in imported_by("workdays", "add", "2030-01-02", "5")


@pytest.mark.parametrize(
    ("args", "command_module"),
    [(DEADLINES, "deadlines_cmd"), (["workdays", "add", "2023-05-05", "5"], "workdays_cmd")],
    ids=["deadlines", "workdays-add"],
)  # fmt: skip
def test_a_run_imports_only_its_own_command_module(args: list[str], command_module: str) -> None:
    loaded = imported_by(*args)
    commands = {f"wtcheck.cli.{m}_cmd" for m in ("audit", "calendar", "deadlines", "explain", "rules", "workdays")}  # fmt: skip
    assert loaded & commands == {f"wtcheck.cli.{command_module}"}


def test_help_and_no_command_still_build_every_command() -> None:
    loaded = imported_by("--help")
    assert {"wtcheck.cli.audit_cmd", "wtcheck.cli.calendar_cmd", "wtcheck.cli.rules_cmd"} <= loaded


@pytest.mark.parametrize(
    "args",
    [[*DEADLINES, "--format", "json"], [*DEADLINES, "--format", "csv"], [*DEADLINES, "--format", "ics"], ["rules", "--format", "json"]],
    ids=["deadlines-json", "deadlines-csv", "deadlines-ics", "rules-json"],
)  # fmt: skip
def test_json_csv_and_ics_output_do_not_import_rich_console(args: list[str]) -> None:
    # rich.console + rich.table cost ~20 ms; only tables and styled text need them
    loaded = imported_by(*args)
    assert loaded.isdisjoint({"rich.console", "rich.table"}), sorted(
        loaded & {"rich.console", "rich.table"}
    )


def test_a_piped_deadlines_table_does_not_import_rich_console() -> None:
    # piped, wtcheck.render.plain draws rich's ASCII table without rich
    loaded = imported_by(*DEADLINES)
    assert "wtcheck.render.plain" in loaded
    assert loaded.isdisjoint({"rich.console", "rich.table"}), sorted(
        loaded & {"rich.console", "rich.table"}
    )


def test_a_table_drawn_by_rich_does_import_rich() -> None:
    # the views not ported to wtcheck.render.plain (here 'calendar list') still use rich piped
    assert {"rich.console", "rich.table"} <= imported_by("calendar", "list")


def test_a_piped_rules_list_does_not_import_rich_console() -> None:
    # 'rules' prints strings and tables only: wtcheck.render.plain draws them piped
    loaded = imported_by("rules")
    assert loaded.isdisjoint({"rich.console", "rich.table"}), sorted(
        loaded & {"rich.console", "rich.table"}
    )


def test_deadlines_help_does_not_load_the_rule_registry() -> None:
    # the options come from wtcheck.concepts; the rules are imported when the command runs
    loaded = imported_by("deadlines", "--help")
    assert loaded.isdisjoint({"wtcheck.rules", "wtcheck.deadlines"})
