"""``wtcheck calendar``: list, show, info (--check), import, reset, and the stale-data warning.

Every test fixes its as-of date or month: none depends on today.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wtcheck.calendar.data import BUNDLED_FILE, imported_path
from wtcheck.cli import calendar_cmd
from wtcheck.cli.app import app
from wtcheck.paths import bundled_calendars_dir

runner = CliRunner()

WARNING_2028_01_05 = (
    "wtcheck: warning: the bank-holiday data ends on 2028-12-26, within 12 months of "
    "2028-01-05; 'wtcheck calendar info' says how to refresh it\n"
)


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def closures(tmp_path: Path) -> Path:
    path = tmp_path / "closures.txt"
    path.write_text(
        "# Council closure\n2026-12-29, Christmas closure\n30/12/2026\n", encoding="utf-8"
    )
    return path


def newer_file(tmp_path: Path, name: str = "bank-holidays.json") -> Path:
    doc: dict[str, Any] = json.loads((bundled_calendars_dir() / BUNDLED_FILE).read_text("utf-8"))
    for division in doc:
        doc[division]["events"].append(
            {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": True}
        )
    ew = doc["england-and-wales"]["events"]
    for ev in ew:
        if ev["date"] == "2026-08-31":
            ev["title"] = "August bank holiday"
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# -- list ----------------------------------------------------------------------------


def test_list_csv_with_closures(closures: Path) -> None:
    result = run(
        "calendar", "list", "--from", "2026-12-01", "--to", "04/01/2027",
        "--closures", str(closures), "-f", "csv",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "date,weekday,name,origin,source,division,notes",
        "2026-12-25,Friday,Christmas Day,govuk-bundled,GOV.UK bundled,england-and-wales,",
        "2026-12-28,Monday,Boxing Day,govuk-bundled,GOV.UK bundled,england-and-wales,Substitute day",
        "2026-12-29,Tuesday,Christmas closure,closure,local closure,england-and-wales,",
        "2026-12-30,Wednesday,Local closure day,closure,local closure,england-and-wales,",
        "2027-01-01,Friday,New Year’s Day,govuk-bundled,GOV.UK bundled,england-and-wales,",
    ]


def test_list_json_scotland_patch_and_projected() -> None:
    days = json.loads(
        run("calendar", "list", "-d", "scotland", "--year", "2026", "-f", "json").stdout
    )
    assert len(days) == 10
    assert days[5] == {
        "date": "2026-06-15",
        "weekday": "Monday",
        "name": "World Cup bank holiday",
        "origin": "patch",
        "source": "patch",
        "division": "scotland",
        "notes": days[5]["notes"],
    }
    assert days[5]["notes"].startswith("Royal proclamation of 3 February 2026")
    projected = json.loads(run("calendar", "list", "--year", "2029", "-f", "json").stdout)
    assert [d["date"] for d in projected][:2] == ["2029-01-01", "2029-03-30"]
    assert {d["origin"] for d in projected} == {"projected"}


def test_list_table_says_whether_closures_counted(closures: Path) -> None:
    plain = run("calendar", "list", "--year", "2026").stdout
    assert "| 2026-06-15" not in plain  # Scottish only
    assert "| 2026-08-31 | Mon | Summer bank holiday         | GOV.UK bundled |" in plain
    assert "| 2026-12-28 | Mon | Boxing Day (substitute day) | GOV.UK bundled |" in plain
    assert plain.endswith("8 non-working weekdays.\nLocal closure days: off.\n")
    with_closures = run("calendar", "list", "--year", "2026", "--closures", str(closures)).stdout
    assert "| 2026-12-29 | Tue | Christmas closure           | local closure  |" in with_closures
    assert with_closures.endswith(
        "10 non-working weekdays.\n"
        "Local closure days: on (2 listed), counted as non-working days.\n"
    )


def test_list_year_and_from_conflict() -> None:
    result = run("calendar", "list", "--year", "2026", "--from", "2026-01-01")
    assert result.exit_code == 2
    assert result.stderr == "wtcheck: error: --year: give either --year or --from/--to, not both\n"


def test_list_month_first_date_refused() -> None:
    result = run("calendar", "list", "--from", "12/31/2026")
    assert result.exit_code == 2
    assert result.stderr.startswith("wtcheck: error: --from: '12/31/2026': no such date")


# -- show ----------------------------------------------------------------------------


def test_show_month_with_closures_exact(closures: Path) -> None:
    result = run(
        "calendar", "show", "2026-12", "--closures", str(closures), "--as-of", "2026-11-22"
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "Calendar: england-and-wales. Local closure days: on (2 listed), counted as non-working days.\n"
        "\n"
        "December 2026\n"
        " Mon Tue Wed Thu Fri Sat Sun\n"
        "      1   2   3   4   5.  6.\n"
        "  7   8   9  10  11  12. 13.\n"
        " 14  15  16  17  18  19. 20.\n"
        " 21  22  23  24  25* 26. 27.\n"
        " 28* 29# 30# 31\n"
        "  * Fri 25 Dec 2026: Christmas Day (GOV.UK bundled)\n"
        "  * Mon 28 Dec 2026: Boxing Day (substitute day) (GOV.UK bundled)\n"
        "  # Tue 29 Dec 2026: Christmas closure (local closure)\n"
        "  # Wed 30 Dec 2026: Local closure day (local closure)\n"
        "\n"
        "Key: . weekend   * bank holiday   # local closure day\n"
    )
    assert "\x1b" not in result.stdout


def test_show_defaults_to_as_of_month_and_counts_months() -> None:
    out = run("calendar", "show", "--as-of", "03/06/2026", "-d", "scotland", "--months", "2").stdout
    assert out.startswith("Calendar: scotland. Local closure days: off.\n\nJune 2026\n")
    assert " 15* 16  17  18  19  20. 21.\n" in out
    assert "  * Mon 15 Jun 2026: World Cup bank holiday (patch)\n" in out
    assert "\nJuly 2026\n" in out and "August 2026" not in out


@pytest.mark.parametrize("month", ["2026-13", "12-2026", "Dec 2026"])
def test_show_bad_month(month: str) -> None:
    result = run("calendar", "show", month, "--as-of", "2026-11-22")
    assert result.exit_code == 2
    assert result.stderr == (
        f"wtcheck: error: MONTH: {month!r}: expected a month such as 2026-12 (YYYY-MM)\n"
    )


# -- info ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "code"),
    [("2027-12-25", 0), ("2027-12-26", 0), ("2027-12-27", 1), ("2028-01-05", 1)],
)
def test_info_check_boundary(as_of: str, code: int) -> None:
    result = run("calendar", "info", "--as-of", as_of, "--check")
    assert result.exit_code == code
    assert ("WARNING: the data ends on 2028-12-26" in result.stdout) is (code == 1)
    assert result.stderr == ""


def test_info_warns_without_check_but_exits_0() -> None:
    result = run("calendar", "info", "--as-of", "2027-12-27")
    assert result.exit_code == 0
    assert (
        "As of 2027-12-27: the data runs out in 11 months and 29 days (365 days); "
        "it must reach 2028-12-27 (12 months ahead).\n"
        "WARNING: the data ends on 2028-12-26, within 12 months of 2027-12-27."
    ) in result.stdout
    assert "wtcheck calendar import bank-holidays.json" in result.stdout


def test_info_text_bundled() -> None:
    out = run("calendar", "info", "--as-of", "2026-11-22").stdout
    lines = out.splitlines()
    assert lines[0] == "Bank-holiday data in use: GOV.UK bundled"
    assert lines[2] == "  sha256:  1dce6df4476b5c311a9ea63d3237c78188da20d718d073c0667b236e3b9a23a7"
    assert lines[3] == "  covers:  2012-01-02 to 2028-12-26"
    assert "  scotland           2012-01-02 to 2028-12-26  158 days" in lines
    assert "Patches applied:\n  scotland 2026-06-15 World Cup bank holiday\n" in out
    assert "Patches skipped (already in the data): none" in lines
    assert "Imported file: none (wtcheck calendar import FILE brings one in)" in lines
    assert lines[-1] == "OK: the data covers the next 12 months."


def test_info_json_with_closures_and_calendar_file(tmp_path: Path, closures: Path) -> None:
    other = newer_file(tmp_path, "other.json")
    record = json.loads(
        run(
            "calendar", "info", "--as-of", "2027-12-27", "--calendar", str(other),
            "--closures", str(closures), "-f", "json",
        ).stdout
    )  # fmt: skip
    assert (record["origin"], record["source"], record["path"]) == (
        "govuk-file",
        "GOV.UK file",
        str(other),
    )
    assert (record["last_date"], record["stale"], record["needed_until"]) == (
        "2029-01-01",
        False,
        "2028-12-27",
    )
    assert record["closures"] == [
        {"date": "2026-12-29", "name": "Christmas closure"},
        {"date": "2026-12-30", "name": "Local closure day"},
    ]
    assert record["imported"] is None


# -- import / reset --------------------------------------------------------------------


def test_import_off_terminal_needs_yes_and_changes_nothing(tmp_path: Path) -> None:
    result = run("calendar", "import", str(newer_file(tmp_path)))
    assert result.exit_code == 2
    assert result.stderr == (
        "wtcheck: error: import: stdin is not a terminal, so nothing was changed; add --yes\n"
    )
    assert "england-and-wales:\n  + added    Mon 1 Jan 2029  New Year’s Day\n" in result.stdout
    assert (
        "  ~ renamed  Mon 31 Aug 2026  'Summer bank holiday' -> 'August bank holiday'\n"
        in result.stdout
    )
    assert not imported_path().exists()


def test_import_yes_stores_and_every_command_uses_it(tmp_path: Path) -> None:
    source = newer_file(tmp_path)
    result = run("calendar", "import", str(source), "--yes")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Data in use: GOV.UK bundled, 2012-01-02 to 2028-12-26"
    assert imported_path().read_bytes() == source.read_bytes()
    listed = json.loads(run("calendar", "list", "--year", "2029", "-f", "json").stdout)
    assert [(d["date"], d["origin"]) for d in listed] == [("2029-01-01", "govuk-imported")]
    info = run("calendar", "info", "--as-of", "2026-11-22").stdout
    assert info.startswith("Bank-holiday data in use: GOV.UK imported\n")
    assert f"Imported file: {imported_path()} (in use)" in info
    again = run("calendar", "import", str(source))
    assert again.exit_code == 0
    assert again.stdout.endswith("The file is identical to the data in use: nothing to do.\n")
    reset = run("calendar", "reset", "--yes")
    assert reset.stdout == f"Removed {imported_path()}; wtcheck uses its bundled copy again.\n"
    assert not imported_path().exists()
    assert run("calendar", "reset").stdout == (
        "No imported file: wtcheck already uses its bundled copy.\n"
    )


def test_import_prompts_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_cmd, "stdin_is_terminal", lambda: True)
    declined = run("calendar", "import", str(newer_file(tmp_path)), stdin="n\n")
    assert declined.exit_code == 0
    assert declined.stdout.endswith("Import this file? [y/N]: n\nNot imported; nothing changed.\n")
    assert not imported_path().exists()
    accepted = run("calendar", "import", str(newer_file(tmp_path)), stdin="y\n")
    assert accepted.exit_code == 0 and imported_path().is_file()


def test_import_malformed_file_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"england-and-wales": {"events": [{"title": "x"}]}}', encoding="utf-8")
    result = run("calendar", "import", str(bad), "--yes")
    assert result.exit_code == 2
    assert result.stderr == (
        f"wtcheck: error: {bad}: england-and-wales event 1 needs a 'title' and a 'date' string; "
        "nothing was imported\n"
    )
    assert result.stdout == ""
    assert not imported_path().exists()


def test_broken_imported_file_names_reset_and_reset_works() -> None:
    imported_path().parent.mkdir(parents=True)
    imported_path().write_text("{}", encoding="utf-8")
    broken = run("workdays", "add", "2026-01-01", "1")
    assert broken.exit_code == 2
    assert broken.stderr == (
        f"wtcheck: error: {imported_path()}: division 'england-and-wales' is missing or has no "
        "'events' list (the imported file; 'wtcheck calendar reset' goes back to the bundled copy)\n"
    )
    assert run("calendar", "reset", "--yes").exit_code == 0
    assert run("workdays", "add", "2026-01-01", "1").stdout == "Fri 2 Jan 2026\n"


# -- the stale-data warning in every other command ------------------------------------


def test_deadlines_warns_once_when_stale() -> None:
    result = run("deadlines", "--aware", "05/01/2028", "--as-of", "05/01/2028", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == WARNING_2028_01_05
    fresh = run("deadlines", "--aware", "26/12/2027", "--as-of", "26/12/2027", "-f", "json")
    assert fresh.stderr == ""


def test_show_warns_once_per_run() -> None:
    first = run("calendar", "show", "2028-01", "--as-of", "2028-01-05")
    assert first.stderr == WARNING_2028_01_05
    second = run("calendar", "show", "2028-01", "--as-of", "2028-01-05")
    assert second.stderr == WARNING_2028_01_05  # a new run warns again


def test_open_calendar_warns_once(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from wtcheck.cli.options import open_calendar, reset_warnings

    reset_warnings()
    open_calendar(None, None, None, as_of=date(2028, 1, 5))
    open_calendar(None, None, None, as_of=date(2028, 1, 5))
    assert capsys.readouterr().err == WARNING_2028_01_05
    open_calendar(None, None, None, as_of=date(2027, 12, 26))
    assert capsys.readouterr().err == ""
