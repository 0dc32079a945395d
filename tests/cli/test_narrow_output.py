"""Item 15 of issue 17: every command reads well at 80 columns, and piped within 100.

At 80 columns an id or a date is never cut or wrapped: ``deadlines`` and
``rules`` print stacked entries, audit tables drop their low-value columns
first. Piped output (no ``COLUMNS``) keeps within 100 columns unless
``--wide``. Exact lines, so a change of layout shows here.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest
from typer.testing import CliRunner

from tests.data.sample_findings import finding, sample
from wtcheck.cli.app import app
from wtcheck.findings import Status
from wtcheck.render import audit_view
from wtcheck.render.plain import PlainConsole


def run(*args: str, columns: str | None = "80") -> str:
    env = {"COLUMNS": columns} if columns else {"COLUMNS": ""}
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_deadlines_at_80_columns_are_stacked_entries() -> None:
    out = run(
        "deadlines", "--aware", "22/12/2025", "--incident", "20/12/2025", "--as-of", "05/01/2026"
    )
    assert out.splitlines()[:20] == [
        "Deadlines (england-and-wales), working days counted from Mon 5 Jan 2026",
        "",
        "sin-panel: Serious incident notification to the Child Safeguarding Practice",
        "    Review Panel",
        "  Deadline  Wed 31 Dec 2025 (2 overdue)",
        "  Trigger   aware, Mon 22 Dec 2025",
        "  Force     guidance (should)",
        "  Edition   Working Together 2023",
        "  Source    GOV.UK, 'Report a serious child safeguarding incident', 'You must do",
        "            this within 5 working days of becoming aware of the incident'",
        "            [primary source]",
        "",
        "rr-submit: Rapid review sent to the Panel (with the decision on a local review)",
        "  Deadline  Thu 22 Jan 2026 (13 left)",
        "  Trigger   notification, Wed 31 Dec 2025",
        "  Force     guidance (should)",
        "  Edition   Working Together 2023",
        "  Source    Child Safeguarding Practice Review Panel, Practice guidance (Apr",
        "            2019), p.15 'Rapid review timescales': 15 working days; anchor",
        "            unverified [secondary source]",
    ]
    assert max(map(len, out.splitlines())) <= 80


@pytest.mark.parametrize(("columns", "table"), [("139", False), ("140", True)])
def test_deadlines_are_a_table_from_140_columns(columns: str, table: bool) -> None:
    out = run("deadlines", "--aware", "22/12/2025", "--as-of", "05/01/2026", "-r", "sin-panel",
              columns=columns)  # fmt: skip
    lines = out.splitlines()
    assert lines[1].startswith("+---") is table
    assert ("| sin-panel " in lines[4]) is table
    assert (lines[2] == "sin-panel: Serious incident notification to the Child Safeguarding "
            "Practice Review Panel") is not table  # fmt: skip
    assert max(map(len, lines)) <= int(columns)


def test_rules_at_80_columns_are_stacked_entries() -> None:
    out = run("rules", "--topic", "reviews", "--date", "01/01/2024")
    assert out.splitlines()[:14] == [
        "4 rules",
        "",
        "lcspr-prepub: Full review report sent to the Panel and the Secretary of State",
        "    before publication",
        "  Timescale  7 working days before lcspr publication",
        "  Force      STATUTORY (must)",
        "  In force   Fri 29 Jun 2018 to now",
        "  Status     UNVERIFIED",
        "",
        "lcspr-complete: Local child safeguarding practice review completed and published",
        "  Timescale  6 months after lcspr decision",
        "  Force      guidance (should)",
        "  In force   Fri 29 Jun 2018 to now",
        "  Status     verified",
    ]


def test_rules_show_at_80_columns_keeps_each_date_whole() -> None:
    out = run("rules", "show", "ia-10")
    lines = out.splitlines()
    assert lines[lines.index("History:") + 1 :] == [
        "   ia-7: 7 working days after referral",
        "     Sat 1 Apr 2006 to Wed 31 Mar 2010",
        " > ia-10: 10 working days after referral",
        "     Thu 1 Apr 2010 to Sun 14 Apr 2013",
        "   sa-45: 45 working days after referral",
        "     Mon 15 Apr 2013 to now",
    ]
    assert max(map(len, lines)) <= 80


def test_explain_at_80_columns_wraps_prose_under_its_label() -> None:
    lines = run("explain", "sin-panel", "22/12/2025").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Rule:"))
    assert lines[start : start + 3] == [
        "Rule:       Serious incident notification to the Child Safeguarding Practice",
        "            Review Panel: within 5 working days of the date the local authority",
        "            became aware of the incident.",
    ]
    assert max(map(len, lines)) <= 80


def _audit(width: int, findings: list | None = None) -> list[str]:  # type: ignore[type-arg]
    findings = findings if findings is not None else sample()
    console = PlainConsole(io.StringIO(), width)
    audit_view.print_findings(
        console,  # type: ignore[arg-type]
        findings,
        Counter(f.status for f in findings),
        frozenset(Status),
        "Audit of cases.csv",
        soon=3,
    )
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


def test_audit_tables_at_80_columns_drop_columns_not_ids_and_sort_by_urgency() -> None:
    findings = [*sample(), finding(case_id="LCS1000023", rule="lcspr-complete", row=11)]
    assert [line.rstrip() for line in _audit(80, findings)] == [
        "Audit of cases.csv",
        "Overdue: not done, deadline passed (4)",
        "+------------------------------------------------------------------------------+",
        "| Case               | Rule           | Trigger    | Deadline   | Working days |",
        "|--------------------+----------------+------------+------------+--------------|",
        "| <b>A4</b> & co     | sin-panel      | 2026-11-20 | 2026-11-26 | 3 overdue    |",
        "| =cmd|' /C calc'!A0 | sin-panel      | 2026-11-20 | 2026-11-27 | 2 overdue    |",
        "| LCS1000023         | lcspr-complete | 2026-11-20 | 2026-11-27 | 2 overdue    |",
        "| A3                 | sin-panel      | 2026-11-20 | 2026-11-30 | 1 overdue    |",
        "+------------------------------------------------------------------------------+",
        "Late: done after the deadline (1)",
        "+------------------------------------------------------------------------+",
        "| Case | Rule      | Trigger    | Deadline   | Completed  | Working days |",
        "|------+-----------+------------+------------+------------+--------------|",
        "| A8   | sin-panel | 2026-11-20 | 2026-11-27 | 2026-11-30 | 1 late       |",
        "+------------------------------------------------------------------------+",
        "Due soon: not done, deadline within the next 3 working days (2)",
        "+--------------------------------------------------------------------------+",
        "| Case | Rule      | Trigger         | Deadline       | Working days | Row |",
        "|------+-----------+-----------------+----------------+--------------+-----|",
        "| A6   | sin-panel | Fri 20 Nov 2026 | Tue 1 Dec 2026 | due today    | 7   |",
        "| A2   | sin-panel | Fri 20 Nov 2026 | Thu 3 Dec 2026 | 2 left       | 3   |",
        "+--------------------------------------------------------------------------+",
        "Pending: not done, not yet due (1)",
        "+---------------------------------------------------------------------------+",
        "| Case | Rule      | Trigger         | Deadline        | Working days | Row |",
        "|------+-----------+-----------------+-----------------+--------------+-----|",
        "| A5   | sin-panel | Fri 20 Nov 2026 | Sun 20 Dec 2026 | 14 left      | 6   |",
        "+---------------------------------------------------------------------------+",
        "Met: done on or before the deadline (1)",
        "+------------------------------------------------------------------------+",
        "| Case | Rule      | Trigger    | Deadline   | Completed  | Working days |",
        "|------+-----------+------------+------------+------------+--------------|",
        "| A1   | sin-panel | 2026-11-20 | 2026-11-27 | 2026-11-24 | 3 to spare   |",
        "+------------------------------------------------------------------------+",
        "4 overdue, 1 late, 2 due-soon, 1 pending, 1 met, 0 invalid",
    ]


def test_audit_tables_keep_every_column_when_wide_enough() -> None:
    lines = [line.rstrip() for line in _audit(110)]
    assert lines[3] == (
        "| Case               | Rule      | Trigger         | Deadline        "
        "| Working days | Edition | Row |"
    )
    late = lines.index("Late: done after the deadline (1)")
    assert lines[late + 2] == (
        "| Case | Rule      | Trigger         | Deadline        | Completed       "
        "| Working days | Edition | Row |"
    )


def test_audit_tables_at_79_columns_drop_the_trigger_before_cutting_an_id() -> None:
    findings = [finding(case_id="LCS1000023", rule="lcspr-complete", row=11)]
    assert [line.rstrip() for line in _audit(80, findings)][3] == (
        "| Case       | Rule           | Trigger    | Deadline   | Working days |"
    )
    findings = [finding(case_id="LCS1000023-" + "X" * 22, rule="lcspr-complete", row=11)]
    assert [line.rstrip() for line in _audit(79, findings)][2:7] == [
        "+-----------------------------------+----------------+------------+--------------+",
        "| Case                              | Rule           | Deadline   | Working days |",
        "|-----------------------------------+----------------+------------+--------------|",
        "| LCS1000023-XXXXXXXXXXXXXXXXXXXXXX | lcspr-complete | 2026-11-27 | 2 overdue    |",
        "+-----------------------------------+----------------+------------+--------------+",
    ]  # too long for 79 columns even so: printed whole, never cut


@pytest.mark.parametrize(("soon", "heading"), [
    (1, "Due soon: not done, deadline within the next working day (2)"),
    (5, "Due soon: not done, deadline within the next 5 working days (2)"),
])  # fmt: skip
def test_due_soon_heading_names_the_window(soon: int, heading: str) -> None:
    assert audit_view.title(Status.DUE_SOON, soon) + " (2)" == heading


def test_audit_urgency_within_a_status_is_the_earliest_deadline_first() -> None:
    lines = [line for line in _audit(200) if line.startswith("| A")]
    assert [line.split("|")[1].strip() for line in lines] == ["A3", "A8", "A6", "A2", "A5", "A1"]


@pytest.mark.parametrize(
    "args",
    [
        ("rules",),
        ("rules", "show", "rr-submit"),
        ("deadlines", "--aware", "22/12/2025", "--incident", "20/12/2025", "--as-of", "05/01/2026"),
        ("explain", "rr-submit", "22/12/2025"),
        ("calendar", "list"),
        ("calendar", "info", "--as-of", "01/06/2026"),
        ("calendar", "show", "-n", "3", "2025-12"),
    ],
)
def test_piped_output_keeps_within_100_columns(args: tuple[str, ...]) -> None:
    out = run(*args, columns=None)
    assert max(map(len, out.splitlines())) <= 100


def test_wide_lets_piped_lines_run_long() -> None:
    wide = run("rules", "--wide", columns=None).splitlines()
    assert wide[1].startswith("+---") and len(wide[1]) > 100
    narrow = run("rules", columns=None).splitlines()
    assert narrow[2].startswith("sin-panel: ")


@pytest.mark.parametrize(("columns", "table"), [("109", False), ("110", True)])
def test_rules_are_a_table_from_110_columns(columns: str, table: bool) -> None:
    lines = run("rules", "--topic", "reviews", columns=columns).splitlines()
    assert lines[1].startswith("+---") is table
    assert lines[2].startswith("lcspr-prepub: ") is not table
    assert max(map(len, lines)) <= int(columns)
    assert not any("…" in line for line in lines)
