"""The TOML config file: what it sets, and each error message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.config import Config, load_config
from wtcheck.deadlines import deadlines_for
from wtcheck.errors import ConfigError
from wtcheck.rules import BY_ID
from wtcheck.rules.model import Direction, Evidence, Force, Kind, Unit

FULL = """\
# Anytown settings
[defaults]
rr_anchor = "awareness"
count_start_day = true

[calendar]
division = "england-and-wales"
closures = "closures.txt"

[rules.strat]
length = 3
unit = "working-days"
source = "Anytown procedures 4.2"

[rules.yr-report-3m]
enabled = true

[rules.cp-visit-10]
name = "Child protection visit"
trigger = "cp_visit"
length = 10
unit = "working-days"
repeats = true
completion = "cp_visit"
force = "guidance"
source = "Anytown CP plan template"
notes = ["Every 10 working days while the plan lasts."]

[email]
host = "smtp.example.org"
port = 25
"""


def write(tmp_path: Path, text: str, name: str = "wtcheck.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config()


def test_full_file(tmp_path: Path) -> None:
    (tmp_path / "closures.txt").write_text("2026-12-29, Christmas closure\n", encoding="utf-8")
    cfg = load_config(write(tmp_path, FULL))
    assert (cfg.division, cfg.closures_file, cfg.rr_anchor) == (
        "england-and-wales",
        tmp_path / "closures.txt",
        "awareness",
    )
    assert (cfg.count_start_day, cfg.clear_days, cfg.inclusive) == (True, False, False)
    assert cfg.email == {"host": "smtp.example.org", "port": 25}
    strat, report, visit = cfg.local_rules
    assert (strat.id, strat.length, strat.unit, strat.kind, strat.local) == (
        "strat", 3, Unit.WORKING_DAYS, Kind.DEADLINE, True
    )  # fmt: skip
    assert strat.cites[-1].evidence is Evidence.LOCAL
    assert strat.cites[-1].locator == "Anytown procedures 4.2"
    assert (report.id, report.default_off, report.local) == ("yr-report-3m", False, False)
    assert (visit.id, visit.trigger, visit.length, visit.repeats, visit.local) == (
        "cp-visit-10", "cp_visit", 10, True, True
    )  # fmt: skip
    assert (visit.direction, visit.force, visit.topic) == (
        Direction.AFTER,
        Force.GUIDANCE,
        "local",
    )
    assert visit.notes == (
        "Local setting from wtcheck.toml.",
        "Every 10 working days while the plan lasts.",
    )


def test_local_rules_are_computed(tmp_path: Path, ew: Calendar) -> None:
    (tmp_path / "closures.txt").write_text("", encoding="utf-8")
    cfg = load_config(write(tmp_path, FULL))
    found = deadlines_for({"referral": date(2024, 1, 5)}, ew, extra_rules=cfg.local_rules)
    assert [(d.rule.id, d.deadline) for d in found] == [
        ("ref-decide", date(2024, 1, 8)),
        ("sa-45", date(2024, 3, 8)),
        ("strat", date(2024, 1, 10)),
    ]
    assert BY_ID["strat"].computable is False  # the registry itself is unchanged


def test_the_current_folder_then_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = Path(__import__("os").environ["WTCHECK_CONFIG_DIR"])
    user.mkdir(parents=True, exist_ok=True)
    write(user, '[defaults]\nrr_anchor = "incident"\n')
    monkeypatch.chdir(tmp_path)
    assert load_config().rr_anchor == "incident"
    write(tmp_path, '[defaults]\nrr_anchor = "notification"\n')
    assert load_config().rr_anchor == "notification"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[defaults]\ncolour = true\n",
         "line 2: defaults.colour: unknown key; expected one of division, rr_anchor, "
         "count_start_day, clear_days, inclusive"),
        ("[default]\n", "line 1: default: unknown section; expected one of defaults, calendar, "
         "rules, email"),
        ("[defaults]\n\ncount_start_day = \"yes\"\n",
         "line 3: defaults.count_start_day: expected true or false, got 'yes'"),
        ("[defaults]\nrr_anchor = \"panel\"\n",
         "line 2: defaults.rr_anchor: expected one of incident, awareness, notification, "
         "got 'panel'"),
        ("[calendar]\ndivision = \"wales\"\n",
         "line 2: calendar.division: expected one of england-and-wales, scotland, "
         "northern-ireland, uk-any, got 'wales'"),
        ("[calendar]\nclosures = \"nowhere.txt\"\n",
         "line 2: calendar.closures: no such file: {dir}/nowhere.txt"),
        ("[rules.strat]\nlength = 3\nunit = \"fortnights\"\n",
         "line 3: rules.strat.unit: expected one of working-days, calendar-days, "
         "days-beginning-with, weeks, months, hours, none, got 'fortnights'"),
        ("[rules.strat]\nlength = 0\nunit = \"working-days\"\n",
         "line 2: rules.strat.length: expected a whole number from 1 to 9999, got 0"),
        ("[rules.strat]\nlength = 3\n",
         "line 1: rules.strat.unit: strat has no national unit; give one"),
        ("[rules.strat]\nlenght = 3\n",
         "line 2: rules.strat.lenght: unknown key; expected one of name, trigger, length, unit, "
         "direction, force, completion, source, topic, repeats, enabled, notes, in_force_from, "
         "in_force_to"),
        ("[rules.visit]\nname = \"Visit\"\ntrigger = \"cp_visit\"\n",
         "line 1: rules.visit: a new local rule needs length, unit (or use the id of a rule "
         "'wtcheck rules' lists)"),
        ("[rules.visit]\nname = \"V\"\ntrigger = \"visit\"\nlength = 1\nunit = \"weeks\"\n",
         "line 3: rules.visit.trigger: unknown date 'visit'; expected a date name such as "
         "referral, strategy_discussion, icpc (the CSV column without '_date')"),
        ("[rules.strat]\nin_force_from = \"12/31/2024\"\n",
         "line 2: rules.strat.in_force_from: '12/31/2024': "),
        ("[rules.strat]\nforce = \"must\"\n",
         "line 2: rules.strat.force: expected one of statutory, guidance, got 'must'"),
        ("[rules]\nstrat = 3\n", "line 2: rules.strat: expected a table ([rules.strat])"),
        ("[rules.strat]\nin_force_from = 2020-01-01T00:00:00\n",
         "line 2: rules.strat.in_force_from: expected a date such as 2024-01-31, "
         "got datetime.datetime(2020, 1, 1, 0, 0)"),
        ("[calendar]\nclosures = \"a\\u0000b\"\n",
         "line 2: calendar.closures: no such file: '{dir}/a\\x00b'"),
        ("[rules.strat]\nname = \"" + "x" * 100 + "\"\nrepeats = \"" + "y" * 100 + "\"\n",
         "line 3: rules.strat.repeats: expected true or false, got '" + "y" * 58 + "…"),
    ],
)  # fmt: skip
def test_errors_name_the_file_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    expected = f"config file {path}, " + message.format(dir=tmp_path)
    assert str(err.value).startswith(expected)


def test_invalid_toml_gives_toml_s_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[defaults]\nrr_anchor = \n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == (
        f"config file {path}: invalid TOML: Invalid value (at line 2, column 13)"
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path / "none.toml")
    assert str(err.value) == (
        f"config file {tmp_path / 'none.toml'}: cannot read (No such file or directory)"
    )
