"""Generated arguments for every command but the audit (whose arguments the audit's
own tests cover): the exit status is 0, 1 or 2, and a status of 2 comes with exactly
one error line on stderr; never a traceback, never the internal-error status 70
(issue 17 item 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()

DATES = st.sampled_from(
    [
        "2025-01-06", "9999-12-31", "2100-12-31", "1872-01-01", "1871-12-31", "29/02/2024",
        "29/02/2023", "5 May 2023", "2023", "7", "12345", "0", "2024-01-01 25:00",
        "not 5 May 2023", "2026-12-24", "", "\x1b[2J", "12/31/2024",
    ]
)  # fmt: skip
NUMBERS = st.sampled_from(["0", "1", "5", "-1", "99999999999999999999", "1e3", "36500", "abc"])
RULES = st.sampled_from(
    ["sin-panel", "strat", "rr-submit", "hl-s21", "cg-first", "nope", "SIN-PANEL"]
)
MONTHS = st.sampled_from(["2026-12", "9999-01", "2100-12", "0000-01", "2026-13", "12-2026"])
OPTION = st.one_of(
    st.tuples(st.just("--division"), st.sampled_from(["scotland", "uk-any", "x"])),
    st.tuples(st.just("--format"), st.sampled_from(["json", "csv", "ics", "table", "text"])),
    st.tuples(st.just("--as-of"), DATES),
    st.tuples(st.just("--edition"), st.sampled_from(["wt2023", "wt2006", "wt1999"])),
    st.tuples(st.just("--rr-anchor"), st.sampled_from(["incident", "awareness", "x"])),
    st.tuples(st.sampled_from(["--count-start-day", "--clear-days", "--inclusive"])),
    st.tuples(st.just("--case"), st.sampled_from(["C1", "C\r\nX", "=cmd()"])),
)
DEADLINE_DATE = st.tuples(
    st.sampled_from(
        ["--decision", "--referral", "--incident", "--aware", "--notified", "--icpc",
         "--strategy-discussion", "--assessed", "--homeless", "--notice", "--child-death"]
    ),
    DATES,
)  # fmt: skip
COMMANDS = st.one_of(
    st.lists(st.one_of(DEADLINE_DATE, OPTION), min_size=1, max_size=4).map(
        lambda opts: ["deadlines", *(x for o in opts for x in o)]
    ),
    st.tuples(st.just("explain"), RULES, DATES).map(list),
    st.tuples(st.just("rules"), st.just("--date"), DATES).map(list),
    st.tuples(st.just("rules"), st.just("show"), RULES).map(list),
    st.tuples(st.just("workdays"), st.sampled_from(["add", "sub"]), DATES, NUMBERS).map(list),
    st.tuples(st.just("workdays"), st.just("between"), DATES, DATES).map(list),
    st.tuples(st.just("workdays"), st.just("is"), DATES).map(list),
    st.tuples(
        st.just("calendar"),
        st.just("list"),
        st.sampled_from(["--year", "--from", "--to"]),
        st.one_of(DATES, NUMBERS),
    ).map(list),
    st.tuples(st.just("calendar"), st.just("show"), MONTHS).map(list),
    st.tuples(st.just("calendar"), st.just("info"), st.just("--as-of"), DATES).map(list),
)


@settings(max_examples=250, deadline=None)
@given(COMMANDS, st.lists(OPTION, max_size=2))
def test_any_arguments_exit_0_1_or_2_with_one_error_line(
    command: list[str], options: list[tuple[str, ...]]
) -> None:
    args = [*command, *(x for o in options for x in o)]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        errors = [
            line
            for line in result.stderr.splitlines()
            if not line.startswith(("wtcheck: warning: ", "wtcheck: note: "))
        ]
        assert len(errors) == 1 and errors[0].startswith("wtcheck: error: "), (args, result.stderr)
