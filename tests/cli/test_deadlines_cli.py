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


def test_care_leaver_death_gives_no_rapid_review() -> None:
    """timescales §4A SIN-CARELEAVER (issue 16 item 1): the notification only, and why."""
    args = ("deadlines", "--care-leaver-death-aware", "2025-03-03", "--notified", "2025-03-05")
    result = run(*args, "--as-of", "2025-03-05", "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [(i["rule"], i["deadline"]) for i in items] == [("sin-careleaver", "2025-03-10")]
    assert items[0]["notes"][-1].startswith("No rr-submit: no rapid review follows the death")
    asked = run(*args, "--rule", "rr-submit")
    assert asked.exit_code == 2
    assert asked.stderr.startswith(
        "wtcheck: error: --rule rr-submit: not computed for this case: no rapid review follows"
    )


def test_the_duty_to_refer_is_never_late_in_the_table() -> None:
    """s.213B sets no time limit (issue 16 item 3): no 'overdue' for the check."""
    result = run(
        "deadlines", "--homeless", "2026-03-01", "--rule", "hl-refer", "--as-of", "2026-02-20",
        "--format", "json",
    )  # fmt: skip
    (item,) = json.loads(result.stdout)
    assert (item["kind"], item["deadline"], item["working_days_left"]) == (
        "check",
        "2026-01-04",
        None,
    )
    table = run("deadlines", "--homeless", "2026-03-01", "--rule", "hl-refer", "--as-of",
                "2026-02-20")  # fmt: skip
    assert "check: never late" in table.stdout and "overdue" not in table.stdout


def test_another_division_warns_in_every_format() -> None:
    """timescales §2 (issue 16 item 7): WT deadlines on Scotland's calendar are flagged."""
    base = ("deadlines", "--aware", "2026-06-12", "--rule", "sin-panel", "--as-of", "2026-06-12")
    text = "this result does not follow the guidance."
    (item,) = json.loads(run(*base, "--division", "scotland", "--format", "json").stdout)
    assert item["deadline"] == "2026-06-22"
    assert item["notes"][-1].endswith(text)
    assert text in run(*base, "--division", "scotland", "--format", "csv").stdout
    table = run(*base, "--division", "scotland").stdout
    assert table.splitlines()[-1] == (
        "WARNING: counted on the scotland calendar. Working Together applies in England and "
        "its deadlines use the England-and-Wales bank holidays (timescales §2): " + text
    )
    ics = run(*base, "--division", "scotland", "--format", "ics").stdout.replace("\n ", "")
    assert text in ics.replace("\\", "")
    for fmt in ("json", "table"):
        assert text not in run(*base, "--format", fmt).stdout


def test_landlord_option_chooses_the_notice_reading() -> None:
    """SI 2026/421 reg 2 (verification §12.18): the s.8 test is for private tenancies."""
    base = ("deadlines", "--notice", "2026-06-10", "--assessed", "2026-05-20", "--rule", "hl-s21",
            "--as-of", "2026-05-20", "--format", "json")  # fmt: skip
    private = json.loads(run(*base, "--landlord", "private").stdout)[0]["notes"]
    assert private[0].startswith("Private tenancy: from 1 May 2026")
    unknown = json.loads(run(*base).stdout)[0]["notes"]
    assert unknown[0].startswith("Landlord sector not given (--landlord private|social)")
