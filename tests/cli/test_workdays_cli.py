from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_add_text_and_json() -> None:
    assert run("workdays", "add", "24/12/2026", "1").stdout == "Tue 29 Dec 2026\n"
    record = json.loads(run("workdays", "add", "2023-05-05", "5", "--format", "json").stdout)
    assert record == {
        "date": "2023-05-15",
        "start": "2023-05-05",
        "n": 5,
        "division": "england-and-wales",
        "count_start_day": False,
        "projected": False,
    }


def test_add_count_start_day() -> None:
    assert (
        run("workdays", "add", "2024-02-05", "5", "--count-start-day").stdout == "Fri 9 Feb 2024\n"
    )


def test_sub_and_clear_days() -> None:
    assert run("workdays", "sub", "15/02/2024", "7").stdout == "Tue 6 Feb 2024\n"
    record = json.loads(
        run("workdays", "sub", "15/02/2024", "7", "--clear-days", "-f", "json").stdout
    )
    assert (record["date"], record["target"], record["clear_days"]) == (
        "2024-02-05",
        "2024-02-15",
        True,
    )


def test_between() -> None:
    assert run("workdays", "between", "2026-11-23", "2026-11-27").stdout == "4\n"
    record = json.loads(run("workdays", "between", "2026-11-27", "2026-11-23", "-f", "json").stdout)
    assert record["count"] == -4 and record["counted"] == "start excluded, end included"


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (("25/12/2026",), "Fri 25 Dec 2026 is not a working day (bank holiday: Christmas Day)\n"),
        (("26/12/2026",), "Sat 26 Dec 2026 is not a working day (Saturday)\n"),
        (
            ("2026-06-15", "--division", "scotland"),
            "Mon 15 Jun 2026 is not a working day (bank holiday: World Cup bank holiday)\n",
        ),
        (("2026-06-15",), "Mon 15 Jun 2026 is a working day\n"),
        (
            ("2029-12-25",),
            "Tue 25 Dec 2029 is not a working day (bank holiday: Christmas Day)  (projected calendar: year outside the GOV.UK data)\n",
        ),
    ],
)
def test_is(args: tuple[str, ...], text: str) -> None:
    assert run("workdays", "is", *args).stdout == text


def test_bad_inputs_exit_2_with_one_line() -> None:
    result = run("workdays", "add", "5th of May", "3")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wtcheck: error: DATE: '5th of May': expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023\n"
    )
    assert run("workdays", "add", "2023-05-05", "0").exit_code == 2
    assert run("workdays", "add", "2023-05-05", "3", "--division", "wales").exit_code == 2


def test_past_2100() -> None:
    result = run("workdays", "add", "2100-12-30", "5")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "wtcheck: error: 2101 is outside the years wtcheck can count working days for"
    )


def test_version() -> None:
    assert run("--version").stdout.startswith("wtcheck ")
