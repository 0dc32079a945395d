from __future__ import annotations

import json

from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_deadlines_json_has_the_documented_fields() -> None:
    result = run("deadlines", "--aware", "22/12/2025", "--as-of", "2025-12-23", "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [(i["rule"], i["trigger"], i["trigger_date"], i["deadline"]) for i in items] == [
        ("sin-panel", "aware", "2025-12-22", "2025-12-31"),
        ("rr-submit", "notification", "2025-12-31", "2026-01-22"),
        ("sin-partners", "aware", "2025-12-22", "2025-12-31"),
    ]
    first = items[0]
    for key in (
        "rule",
        "name",
        "trigger",
        "trigger_date",
        "deadline",
        "force",
        "source",
        "edition",
        "division",
        "projected",
        "notes",
        "verified",
    ):
        assert key in first
    assert (
        first["force"],
        first["edition"],
        first["division"],
        first["projected"],
        first["working_days_left"],
    ) == (
        "guidance",
        "wt2023",
        "england-and-wales",
        False,
        4,
    )


def test_deadlines_table_is_plain_when_piped() -> None:
    result = run("deadlines", "--publication", "15/02/2024", "--as-of", "2024-02-01")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "lcspr-prepub" in result.stdout and "Tue 6 Feb 2024" in result.stdout
    assert "3 left" in result.stdout
    assert "statutory (must) [UNVERIFIED]" in result.stdout


def test_deadlines_csv() -> None:
    result = run(
        "deadlines",
        "--satisfied",
        "2026-01-10",
        "--rule",
        "hl-relief",
        "--as-of",
        "2026-01-12",
        "-f",
        "csv",
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rule,name,trigger,trigger_date,deadline,deadline_weekday")
    assert lines[1].startswith(
        "hl-relief,Relief duty: 56 days beginning with the day the authority was satisfied,satisfied,2026-01-10,2026-03-06,Friday,56,days-beginning-with"
    )
    assert len(lines) == 2


def test_projected_year_is_flagged() -> None:
    result = run(
        "deadlines",
        "--aware",
        "20/12/2029",
        "--rule",
        "sin-panel",
        "--as-of",
        "2029-12-01",
        "-f",
        "json",
    )
    item = json.loads(result.stdout)[0]
    assert (item["deadline"], item["projected"]) == ("2029-12-31", True)
    table = run(
        "deadlines", "--aware", "20/12/2029", "--rule", "sin-panel", "--as-of", "2029-12-01"
    )
    assert "PROJECTED" in table.stdout


def test_bad_date_is_one_line_and_exit_2() -> None:
    result = run("deadlines", "--aware", "31/02/2023")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wtcheck: error: --aware: '31/02/2023': no such date (day 31, month 2, year 2023)\n"
    )
    assert result.stdout == ""


def test_month_first_text_is_rejected_not_guessed() -> None:
    result = run("deadlines", "--aware", "12/31/2023")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wtcheck: error: --aware: '12/31/2023': no such date (day 12, month 31, year 2023)\n"
    )


def test_rule_without_its_date_says_what_it_needs() -> None:
    result = run("deadlines", "--aware", "2024-01-08", "--rule", "lcspr-complete")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wtcheck: error: --rule lcspr-complete: needs --decision (a date on which the rule was in force)\n"
    )


def test_unknown_rule() -> None:
    result = run("deadlines", "--aware", "2024-01-08", "--rule", "nope")
    assert result.exit_code == 2
    assert result.stderr == "wtcheck: error: unknown rule 'nope'; 'wtcheck rules' lists them\n"


def test_rr_anchor_option() -> None:
    result = run(
        "deadlines",
        "--aware",
        "2026-04-01",
        "--rule",
        "rr-submit",
        "--rr-anchor",
        "awareness",
        "--as-of",
        "2026-04-01",
        "-f",
        "json",
    )
    item = json.loads(result.stdout)[0]
    assert (item["deadline"], item["anchor"]) == ("2026-04-24", "awareness")


def test_rr_anchor_choices_are_the_library_anchors() -> None:
    from wtcheck.cli.options import RRAnchor
    from wtcheck.deadlines import RR_ANCHORS

    assert tuple(a.value for a in RRAnchor) == RR_ANCHORS
