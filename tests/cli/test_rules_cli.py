"""``wtcheck rules`` and ``wtcheck rules show``; --edition and --config on deadlines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from wtcheck.cli.app import app
from wtcheck.rules import RULES

runner = CliRunner()

LOCAL = """\
[rules.strat]
length = 3
unit = "working-days"

[rules.cp-visit-10]
name = "Child protection visit"
trigger = "cp_visit"
length = 10
unit = "working-days"
repeats = true
source = "Anytown CP plan"
"""


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_rules_json_lists_every_rule_with_the_documented_fields() -> None:
    result = run("rules", "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [i["id"] for i in items] == [r.id for r in RULES]
    ia10 = next(i for i in items if i["id"] == "ia-10")
    assert {
        k: ia10[k] for k in ("id", "force", "in_force_from", "in_force_to", "verified", "local")
    } == {
        "id": "ia-10",
        "force": "guidance",
        "in_force_from": "2010-04-01",
        "in_force_to": "2013-04-14",
        "verified": True,
        "local": False,
    }
    assert ia10["name"] == "Initial assessment completed (maximum)"
    assert "Working Together 2010, ch.5 [unverified]" in ia10["source"]  # issue 16 item 9
    assert {i["force"] for i in items} == {"statutory", "guidance"}


def test_filters() -> None:
    result = run("rules", "--edition", "wt2010", "--topic", "assessment", "-f", "json")
    assert [i["id"] for i in json.loads(result.stdout)] == ["ref-decide", "ia-10", "ca-35"]
    result = run("rules", "--date", "14/04/2013", "--topic", "child-protection", "-f", "json")
    assert [i["id"] for i in json.loads(result.stdout)] == [
        "strat", "icpc-2010", "cg-first", "rcpc-first", "rcpc-next", "cp-visits",
    ]  # fmt: skip
    result = run("rules", "--date", "15/04/2013", "--topic", "child-protection", "-f", "json")
    assert "icpc-2013" in [i["id"] for i in json.loads(result.stdout)]
    result = run("rules", "--topic", "nope")
    assert result.exit_code == 2
    assert result.stderr == (
        "wtcheck: error: --topic: unknown topic 'nope'; expected one of assessment, child-death, "
        "child-protection, fostering, governance, homelessness, incidents, reviews\n"
    )


def test_rules_table_marks_local_rules(tmp_path: Path) -> None:
    config = tmp_path / "wtcheck.toml"
    config.write_text(LOCAL)
    result = run("rules", "--config", str(config), "--topic", "local")
    assert result.exit_code == 0, result.output
    assert "| cp-visit-10 " in result.stdout
    assert "10 working days after cp visit, repeating" in result.stdout
    assert "verified, LOCAL" in result.stdout
    items = json.loads(run("rules", "--config", str(config), "-f", "json").stdout)
    local = {i["id"]: i["local"] for i in items if i["local"]}
    assert local == {"strat": True, "cp-visit-10": True}


def test_show_prints_the_history_across_editions() -> None:
    result = run("rules", "show", "IA-10")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "ia-10: Initial assessment completed (maximum)",
        "Timescale:  10 working days after referral",
        "Force:      guidance (should): missing it is poor practice, never unlawful",
    ]
    assert lines[lines.index("History:") + 1 :] == [
        "   ia-7                 7 working days after referral                 "
        "Sat 1 Apr 2006 to Wed 31 Mar 2010",
        " > ia-10                10 working days after referral                "
        "Thu 1 Apr 2010 to Sun 14 Apr 2013",
        "   sa-45                45 working days after referral                "
        "Mon 15 Apr 2013 to now",
    ]


def test_show_statutory_rule_and_length_variants() -> None:
    result = run("rules", "show", "hl-threat")
    lines = result.stdout.splitlines()
    assert lines[2] == "Force:      STATUTORY (must)"
    history = lines[lines.index("History:") + 1 :]
    assert [line[3:23].strip() for line in history] == ["hl-threat", "hl-s21", "hl-threat"]
    assert "28 calendar days before homeless" in history[0]
    assert "56 calendar days before homeless" in history[2]


def test_show_json_and_notification_lineage() -> None:
    result = run("rules", "show", "sin-panel", "--format", "json")
    rec = json.loads(result.stdout)
    assert [
        (h["rule"], h["length"], h["in_force_from"], h["in_force_to"]) for h in rec["history"]
    ] == [
        ("notif-ofsted-2010", 1, "2010-04-01", "2015-03-25"),
        ("notif-ofsted-2015", 5, "2015-03-26", "2018-06-28"),
        ("sin-panel", 5, "2018-06-29", None),
    ]
    scr = json.loads(run("rules", "show", "scr-complete-6m", "-f", "json").stdout)
    assert [(h["rule"], h["length"]) for h in scr["history"]] == [
        ("scr-complete-4m", 4),
        ("scr-complete-6m", 6),
        ("scr-complete-6m-aim", 6),
        ("lcspr-complete", 6),
    ]


def test_deadlines_edition_override_and_local_rules(tmp_path: Path) -> None:
    result = run(
        "deadlines", "--referral", "15/04/2013", "--edition", "wt2010", "--as-of", "2013-04-15",
        "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [(i["rule"], i["edition"], i["deadline"], i["local"]) for i in items] == [
        ("ref-decide", "wt2010", "2013-04-16", False),
        ("ia-10", "wt2010", "2013-04-29", False),
    ]
    config = tmp_path / "wtcheck.toml"
    config.write_text(LOCAL)
    result = run(
        "deadlines", "--referral", "23/12/2024", "--cp-visit", "23/12/2024", "--config",
        str(config), "--as-of", "2024-12-23", "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [(i["rule"], i["deadline"], i["local"]) for i in items] == [
        ("ref-decide", "2024-12-24", False),
        ("sa-45", "2025-02-27", False),  # 24, 27, 30, 31 Dec; 2 Jan on
        ("strat", "2024-12-30", True),
        ("cp-visit-10", "2025-01-09", True),
    ]


def test_deadlines_rule_without_a_number() -> None:
    result = run("deadlines", "--referral", "2024-01-02", "--rule", "strat")
    assert result.exit_code == 2
    assert result.stderr == (
        "wtcheck: error: --rule strat: no national timescale to compute; set one in the config "
        "file ([rules.strat])\n"
    )


def test_bad_config_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "wtcheck.toml"
    config.write_text('[defaults]\nrr_anchor = "notification"\ndivsion = "scotland"\n')
    result = run("rules", "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr == (
        f"wtcheck: error: config file {config}, line 3: defaults.divsion: unknown key; expected "
        "one of division, rr_anchor, count_start_day, clear_days, inclusive\n"
    )


def test_rules_show_says_when_a_rule_is_not_computed() -> None:
    """timescales §4A SIN-CARELEAVER and GOV.UK (verification §12.3): the gates of rr-submit."""
    out = run("rules", "show", "rr-submit").stdout
    assert "  - Not computed when care_leaver_death_aware is given without aware or " in out
    assert "  - Conditional when lac_death_aware is given without aware: " in out
    assert "Not computed when" not in run("rules", "show", "sin-panel").stdout


def test_rules_show_labels_wt2010_ch5_unverified() -> None:
    """Issue 16 item 9: only the WT2010 executive summary (seeds/004) was read."""
    out = run("rules", "show", "ia-10").stdout
    assert "  - Working Together 2010, ch.5 [unverified]\n" in out
    assert "~5.38" not in out


def test_rules_show_says_an_assumed_boundary() -> None:
    """timescales §1: the revised ch.8 is 'Dec 2009'; wtcheck takes 1 Dec 2009."""
    out = " ".join(run("rules", "show", "scr-complete-6m").stdout.split())
    assert "Assumed boundary: the sources give 'Dec 2009'; wtcheck takes 1 Dec 2009." in out
    assert "Assumed boundary" not in run("rules", "show", "sa-45").stdout
