"""No traceback: every input the issue found crashing wtcheck is one line, exit 2
(issue 17 item 10); usage errors are one line too; a bug is one line, exit 70."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()

RANGE = (
    "is outside the years wtcheck can count working days for (1872–2100: GOV.UK data, "
    "then the rules of the holidays package)"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def one_line_error(result, message: str, code: int = 2) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr == f"wtcheck: error: {message}\n"


# -- impossible years ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("calendar", "list", "--year", "100000"), f"--year: 100000 {RANGE}"),
        (("calendar", "list", "--year", "2101"), f"--year: 2101 {RANGE}"),
        (("calendar", "list", "--year", "1871"), f"--year: 1871 {RANGE}"),
        (("explain", "sin-panel", "9999-12-31"), f"DATE 9999-12-31: 9999 {RANGE}"),
        (("deadlines", "--decision", "9999-12-31"), f"--decision 9999-12-31: 9999 {RANGE}"),
        (("deadlines", "--decision", "2101-01-01"), f"--decision 2101-01-01: 2101 {RANGE}"),
        (("workdays", "add", "1871-12-31", "1"), f"DATE 1871-12-31: 1871 {RANGE}"),
        (("calendar", "show", "9999-12"), f"MONTH 9999-12: 9999 {RANGE}"),
        (("calendar", "info", "--as-of", "9999-12-31"), f"--as-of 9999-12-31: 9999 {RANGE}"),
        (("workdays", "add", "2100-12-31", "1"), f"2101 {RANGE}"),
    ],
)
def test_impossible_years_are_one_line(args: tuple[str, ...], message: str) -> None:
    one_line_error(run(*args), message)


def test_the_first_and_last_countable_years_still_work() -> None:
    assert run("calendar", "list", "--year", "2100").exit_code == 0
    assert run("calendar", "list", "--year", "1872").exit_code == 0
    assert (
        run("workdays", "add", "1872-01-01", "1").stdout
        == "Tue 2 Jan 1872  (projected calendar: year outside the GOV.UK data)\n"
    )


# -- config and closures files ---------------------------------------------------------


def test_a_config_file_that_is_not_utf8(tmp_path: Path) -> None:
    cfg = tmp_path / "wtcheck.toml"
    cfg.write_bytes('[defaults]\ndivision = "sc\xf6tland"\n'.encode("cp1252"))
    one_line_error(
        run("deadlines", "--config", str(cfg), "--decision", "2025-01-06"),
        f"config file {cfg}, line 2: byte 0xf6 is not UTF-8 text; expected a file saved as UTF-8",
    )


def test_a_closures_file_that_is_not_utf8(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_bytes(b"2026-12-29, Christmas closure\n2026-12-30, Caf\xe9 closed\n")
    one_line_error(
        run("workdays", "add", "2026-12-28", "1", "--closures", str(closures)),
        f"--closures {closures}, line 2: byte 0xe9 is not UTF-8 text; expected a file saved as UTF-8",
    )


def test_deeply_nested_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "wtcheck.toml"
    cfg.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    one_line_error(
        run("deadlines", "--config", str(cfg), "--decision", "2025-01-06"),
        f"config file {cfg}: invalid TOML: arrays or tables nested too deeply; "
        "expected a flat file of tables and keys",
    )


def test_a_5000_digit_number_in_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "wtcheck.toml"
    cfg.write_text("[rules.strat]\nlength = 1" + "0" * 5000 + "\n")
    one_line_error(
        run("deadlines", "--config", str(cfg), "--decision", "2025-01-06"),
        f"config file {cfg}: invalid TOML: a number too long to read (more than 4,300 digits)",
    )


@pytest.mark.parametrize(("length", "ok"), [(9999, True), (10000, False), (99999999999999, False)])
def test_a_local_rule_length_is_1_to_9999(tmp_path: Path, length: int, ok: bool) -> None:
    cfg = tmp_path / "wtcheck.toml"
    cfg.write_text(
        f'[rules.visit]\nname = "Visit"\ntrigger = "referral"\nlength = {length}\n'
        'unit = "calendar-days"\n'
    )
    result = run("explain", "visit", "2025-01-06", "--config", str(cfg))
    if ok:
        assert result.exit_code == 0, result.output
    else:
        one_line_error(
            result,
            f"config file {cfg}, line 4: rules.visit.length: expected a whole number from 1 "
            f"to 9999, got {length}",
        )


# -- calendar files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("[" * 100_000, "not valid JSON (nested too deeply)"),
        (
            '{"a": ' + "1" * 5000 + "}",
            "not valid JSON (a number too long to read: more than 4,300 digits)",
        ),
    ],
)
def test_unreadable_calendar_json(tmp_path: Path, text: str, fault: str) -> None:
    path = tmp_path / "bank-holidays.json"
    path.write_text(text)
    one_line_error(
        run("workdays", "add", "2026-12-24", "1", "--calendar", str(path)), f"{path}: {fault}"
    )


# -- -o onto a full disk, through the CLI --------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux /dev/full")
def test_audit_output_onto_a_full_disk(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("case_id,referral_date,assessment_authorised_date\nC1,2025-01-06,\n")
    result = run("audit", str(src), "--as-of", "2026-12-01", "-f", "csv", "-o", "/dev/full")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "wtcheck: error: --output /dev/full: cannot write (No space left on device)"
    )
    assert "Traceback" not in result.output


# -- usage errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("deadlines", "--bogus"), "No such option: --bogus (see 'wtcheck deadlines --help')"),
        (("nosuch",), "No such command 'nosuch' (see 'wtcheck --help')"),
        (("--bogus",), "No such option: --bogus (see 'wtcheck --help')"),
        (("explain", "sin-panel"), "Missing argument 'DATE' (see 'wtcheck explain --help')"),
        (
            ("calendar", "list", "--year", "abc"),
            "Invalid value for '--year': 'abc' is not a valid int (see 'wtcheck calendar list --help')",
        ),
        (
            ("workdays", "add", "2026-01-05", "0"),
            "Invalid value for 'N': 0 is not in the range x>=1 (see 'wtcheck workdays add --help')",
        ),
        (("calendar", "nosuch"), "No such command 'nosuch' (see 'wtcheck calendar --help')"),
        (
            ("deadlines", "--\x1b[2Jx"),
            "No such option: --\\x1b[2Jx (see 'wtcheck deadlines --help')",
        ),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: tuple[str, ...], message: str) -> None:
    result = runner.invoke(app, list(args))
    one_line_error(result, message)
    assert "Usage" not in result.output and "╭" not in result.output


def test_no_arguments_still_shows_the_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage" in result.output and "audit" in result.output


# -- the safety net ----------------------------------------------------------------------


@pytest.fixture
def broken_workdays(monkeypatch: pytest.MonkeyPatch) -> None:
    import wtcheck.calendar.workdays

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(wtcheck.calendar.workdays.Calendar, "add", boom)


@pytest.mark.usefixtures("broken_workdays")
def test_an_unexpected_exception_is_one_line_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WTCHECK_DEBUG", raising=False)
    result = runner.invoke(app, ["workdays", "add", "2026-01-05", "1"])
    assert result.exit_code == 70
    assert result.stderr == (
        "wtcheck: internal error: ZeroDivisionError: division by zero second line "
        "(a bug in wtcheck; WTCHECK_DEBUG=1 shows the traceback)\n"
    )


@pytest.mark.usefixtures("broken_workdays")
def test_wtcheck_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WTCHECK_DEBUG", "1")
    result = runner.invoke(app, ["workdays", "add", "2026-01-05", "1"])
    assert result.exit_code == 70
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.splitlines()[-1].startswith("wtcheck: internal error: ZeroDivisionError")


def test_the_console_script_exits_2_with_one_line_for_an_impossible_year() -> None:
    code = "import sys\nfrom wtcheck.cli.app import main\nsys.argv = ['wtcheck', *sys.argv[1:]]\nmain()\n"
    done = subprocess.run(
        [sys.executable, "-c", code, "calendar", "list", "--year", "100000"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"wtcheck: error: --year: 100000 {RANGE}\n"


def test_a_typo_calendar_is_refused_naming_the_event(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parent.parent / "calendars" / "bank-holidays.json"
    doc = json.loads(bundled.read_text())
    events = doc["england-and-wales"]["events"]
    events.append({"title": "Christmas Day", "date": "2925-12-25", "notes": "", "bunting": True})
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(doc))
    one_line_error(
        run("workdays", "add", "24/12/2030", "1", "--calendar", str(path)),
        f"{path}: england-and-wales event {len(events)} (2925-12-25 'Christmas Day') is outside "
        "1872–2100, the years wtcheck can count; expected a year in that range (a mistyped year?)",
    )
