"""``wtcheck explain``: the printed count, checked as exact text."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from wtcheck.calendar.workdays import Calendar
from wtcheck.cli.app import app
from wtcheck.deadlines import Options
from wtcheck.explain import Gap, explain
from wtcheck.rules import RULES

runner = CliRunner()

SIN_PANEL_WITH_CLOSURES = """\
sin-panel: Serious incident notification to the Child Safeguarding Practice Review Panel
Trigger:  Mon 22 Dec 2025, the date the local authority became aware of the incident
Deadline: Mon 5 Jan 2026
Counted:  5 working days after Mon 22 Dec 2025 is Mon 5 Jan 2026.
Edition:  Working Together 2023 (in force on the trigger date)
Calendar: england-and-wales bank holidays and local closure days

Week of      Mon     Tue     Wed     Thu     Fri     Sat     Sun
22 Dec 2025  22 [T]  23 1    24 2    25 BH   26 BH   27 -    28 -
29 Dec 2025  29 CL   30 CL   31 3     1 BH    2 4     3 -     4 -
5 Jan 2026    5 5*    6       7       8       9      10 -    11 -
Key: [T] trigger day   1, 2, ... working days counted   * deadline   BH bank holiday   \
CL closure day   - weekend

Not working days:
  Thu 25 Dec 2025  Christmas Day (bank holiday)
  Fri 26 Dec 2025  Boxing Day (bank holiday)
  Mon 29 Dec 2025  Christmas closure (closure day)
  Tue 30 Dec 2025  Christmas closure (closure day)
  Thu 1 Jan 2026   New Year\u2019s Day (bank holiday)

Rule:       Serious incident notification to the Child Safeguarding Practice Review Panel: \
within 5 working days of the date the local authority became aware of the incident.
Force:      guidance (should): missing it is poor practice, not unlawful. The duty to notify \
is statutory (Children Act 2004 s.16C(1)); the 5-working-day timing is statutory guidance. \
GOV.UK's own page says 'must \u2026 within 5 working days'; the Dec 2020 table and the DfE \
methodology say 'should'.
Source:
  - GOV.UK, 'Report a serious child safeguarding incident', 'You must do this within 5 \
working days of becoming aware of the incident' [primary source]
  - Children Act 2004, s.16C(1) (duty to notify; no time limit) [secondary source]
  - Working Together 2018, ch.4 'Duty on local authorities to notify incidents' \
(~paras 12\u201314, pp.85\u201386) [secondary source]
  - Working Together to Safeguard Children 2018 (re-issued 9 Dec 2020), p.96 table 'How to \
notify a serious incident, rapid review, and local child safeguarding practice review' \
[document text checked]
  - Working Together 2023, ch.5, same heading [secondary source]
Convention: 'Within N working days of E' is the N-th working day strictly after E: E is day 0 \
and never counts (--count-start-day makes E day 1 when it is a working day).
Notes:
  - Counted from the day the local authority became aware, never from the incident date.
  - Before 29 Jun 2018 the WT2015 notification to Ofsted applies (notif-ofsted-2015).
  - Counted with local closure days as non-working days.
"""


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_explain_prints_the_count_day_by_day(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-12-29, Christmas closure\n30/12/2025 Christmas closure\n")
    result = run("explain", "sin-panel", "22/12/2025", "--closures", str(closures), "--wide")
    assert result.exit_code == 0, result.output
    assert result.stdout == SIN_PANEL_WITH_CLOSURES
    assert "\x1b[" not in result.stdout


def test_count_start_day_numbers_the_trigger_as_day_1() -> None:
    result = run("explain", "icpc-2013", "15/04/2013", "--count-start-day")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1:5] == [
        "Trigger:  Mon 15 Apr 2013, the date of the strategy discussion (that started s.47 enquiries)",
        "Deadline: Fri 3 May 2013",
        "Counted:  15 working days after Mon 15 Apr 2013 is Fri 3 May 2013.",
        "Edition:  Working Together 2013 (in force on the trigger date)",
    ]
    assert lines[7:11] == [
        "Week of      Mon     Tue     Wed     Thu     Fri     Sat     Sun",
        "15 Apr 2013  15 [T]1 16 2    17 3    18 4    19 5    20 -    21 -",
        "22 Apr 2013  22 6    23 7    24 8    25 9    26 10   27 -    28 -",
        "29 Apr 2013  29 11   30 12    1 13    2 14    3 15*   4 -     5 -",
    ]
    assert (
        "Convention: 'Within N working days of E': E counts as day 1 when it is a working day "
        "(--count-start-day); the deadline is the N-th working day counting from E."
    ) in lines


def test_counting_back_from_a_publication_date() -> None:
    result = run("explain", "lcspr-prepub", "15/04/2022")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "lcspr-prepub: Full review report sent to the Panel and the Secretary of State before "
        "publication  [UNVERIFIED]"
    )
    assert lines[7:11] == [
        "Week of      Mon     Tue     Wed     Thu     Fri     Sat     Sun",
        "4 Apr 2022    4       5       6 7*    7 6     8 5     9 -    10 -",
        "11 Apr 2022  11 4    12 3    13 2    14 1    15 [T]  16 -    17 -",
        "Key: [T] trigger day   1, 2, ... working days counted back   * deadline   "
        "BH bank holiday   CL closure day   - weekend",
    ]
    assert "Force:      STATUTORY (must). 'must' in the Dec 2020 table (fn 96); the regulation" in (
        result.stdout
    )


def test_long_spans_show_the_first_and_last_weeks() -> None:
    result = run("explain", "rcpc-next", "2023-08-31")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[7:14] == [
        "Week of      Mon     Tue     Wed     Thu     Fri     Sat     Sun",
        "28 Aug 2023  28 BH   29      30      31 [T]   1       2 -     3 -",
        "4 Sep 2023    4       5       6       7       8       9 -    10 -",
        "             ... 23 weeks not shown (Mon 11 Sep 2023 to Sun 18 Feb 2024) ...",
        "19 Feb 2024  19      20      21      22      23      24 -    25 -",
        "26 Feb 2024  26      27      28      29 *     1       2 -     3 -",
        "Key: [T] trigger day   * deadline   BH bank holiday   CL closure day   - weekend",
    ]


def test_rapid_review_anchor_and_edition_override() -> None:
    result = run(
        "explain", "rr-submit", "2021-02-25", "--rr-anchor", "incident", "--edition", "wt2023"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1:5] == [
        "Trigger:  Thu 25 Feb 2021, the date of the serious incident",
        "Deadline: Thu 18 Mar 2021",
        "Counted:  15 working days after Thu 25 Feb 2021 is Thu 18 Mar 2021.",
        "Edition:  Working Together 2023 (chosen with --edition)",
    ]
    assert "  - Anchor: incident (chosen with --rr-anchor)." in lines


def test_errors() -> None:
    cases = [
        (("explain", "strat", "2024-01-01"),
         "wtcheck: error: strat has no national timescale to count; set one in the config file "
         "([rules.strat] length and unit)\n"),
        (("explain", "ia-10", "2020-01-01"),
         "wtcheck: error: ia-10 did not apply on Wed 1 Jan 2020 (in force Thu 1 Apr 2010 to "
         "Sun 14 Apr 2013); --edition counts under another edition\n"),
        (("explain", "ia-10", "2020-01-01", "--edition", "wt2099"),
         "wtcheck: error: --edition: unknown edition 'wt2099'; expected one of wt2006, "
         "wt2006-ch8, wt2010, wt2013, wt2015, wt2018, wt2018-dec2020, wt2023\n"),
        (("explain", "ia-11", "2020-01-01"),
         "wtcheck: error: unknown rule 'ia-11' (did you mean 'ia-10'?); 'wtcheck rules' lists them\n"),
        (("explain", "ia-10", "01/13/2012"),
         "wtcheck: error: DATE: '01/13/2012': "),
    ]  # fmt: skip
    for args, message in cases:
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith(message), result.stderr


def test_a_local_number_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "local.toml"
    config.write_text('[rules.strat]\nlength = 3\nunit = "working-days"\nsource = "Anytown 4.2"\n')
    result = run("explain", "strat", "2024-12-23", "--config", str(config))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "strat: Strategy discussion  [LOCAL]"
    assert lines[2] == "Deadline: Mon 30 Dec 2024"  # 24 Dec, 27 Dec, 30 Dec
    assert "  - Local setting (local.toml), Anytown 4.2 [local]" in lines


def test_every_computable_rule_can_be_explained(ew: Calendar) -> None:
    for rule in RULES:
        if not rule.computable:
            continue
        day = (rule.in_force_from or date(2019, 1, 1)) + timedelta(days=10)
        expl = explain(rule.id, day, ew, Options())
        days = [d for row in expl.rows if not isinstance(row, Gap) for d in row]
        assert [d.day for d in days if d.trigger] == [expl.deadline.trigger_date], rule.id
        assert [d.day for d in days if d.deadline] == [expl.deadline.deadline], rule.id


def test_explain_words_the_duty_to_refer_as_a_check() -> None:
    """s.213B sets no time limit (issue 16 item 3): never 'no later than 56 days before'."""
    result = run("explain", "hl-refer", "2026-03-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == "Window opens: Sun 4 Jan 2026"
    assert "no later than" not in result.stdout
    assert "no time limit. The window opens 56 days before the expected homelessness" in (
        " ".join(result.stdout.split())
    )


def test_explain_labels_a_threshold_as_a_threshold() -> None:
    """CA 1989 s.66: 28 days of care make it private fostering: a test, not a deadline."""
    lines = run("explain", "pf-28", "2024-01-01").stdout.splitlines()
    assert lines[2] == "Threshold: Mon 29 Jan 2024"
    assert run("explain", "sin-panel", "2024-01-01").stdout.splitlines()[2] == (
        "Deadline: Mon 8 Jan 2024"
    )


def test_explain_says_when_a_window_could_not_open_earlier() -> None:
    """s.175(5) was inserted from 3 Apr 2018 (issue 16 item 5): 56 days before 10 Apr 2018
    would be 13 Feb 2018."""
    lines = run("explain", "hl-s21", "2018-04-10").stdout.splitlines()
    assert lines[2:4] == [
        "Window opens: Tue 3 Apr 2018",
        "Counted:  56 calendar days before Tue 10 Apr 2018 would be Tue 13 Feb 2018; the window "
        "opens on Tue 3 Apr 2018, the first day the test applied.",
    ]
    later = run("explain", "hl-s21", "2018-05-30").stdout.splitlines()
    assert later[3] == "Counted:  56 calendar days before Wed 30 May 2018 is Wed 4 Apr 2018."
