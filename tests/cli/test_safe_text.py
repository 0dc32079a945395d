"""Item 13 of issue 17: control characters from data are shown escaped, never sent raw.

A case id, a holiday or closure name or a rule's wording from a config file
holding ESC could clear the screen (``ESC[2J``) or plant a live hyperlink
(OSC 8) when printed. Every view passes data through
:func:`wtcheck.render.safe_text.visible`; these tests print hostile data
through each command, piped and at 80 columns.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.data.sample_findings import finding
from wtcheck.cli.app import app
from wtcheck.findings import Status
from wtcheck.render import audit_view
from wtcheck.render.console import piped_console
from wtcheck.render.plain import PlainConsole
from wtcheck.render.safe_text import clean_text, has_control, safe_json, visible

CLEAR = "\x1b[2J"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"


def run(*args: str, columns: str = "200") -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout


def assert_no_control(out: str) -> None:
    """No control character but the line break; in particular no ESC and no C1 CSI."""
    assert not has_control(out.replace("\n", "")), repr(out)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("C1" + CLEAR, "C1\\x1b[2J"),
        (LINK, "\\x1b]8;;https://evil.example/\\x1b\\click\\x1b]8;;\\x1b\\"),
        ("a\tb\r\nc", "a\\tb\\r\\nc"),
        ("bell\x07 del\x7f csi\x9b", "bell\\x07 del\\x7f csi\\x9b"),
        ("rtl\u202eevil\u2066", "rtl\\u202eevil\\u2066"),
        ("Café – New Year’s Day", "Café – New Year’s Day"),  # printable text unchanged
        ("C:\\Users\\x", "C:\\Users\\x"),
    ],
)
def test_visible_escapes_every_control_character(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert visible(visible(raw)) == shown  # escaping twice changes nothing more


def test_clean_text_puts_a_header_value_on_one_line() -> None:
    assert clean_text("cases\r\nBcc: x@example.org.csv") == "cases  Bcc: x@example.org.csv"
    assert clean_text("plain.csv") == "plain.csv"


def _closures(tmp_path: Path) -> Path:
    path = tmp_path / "closures.txt"
    path.write_text(f"2025-12-29, Closed{CLEAR}\n2025-12-30, Link {LINK}\n", encoding="utf-8")
    return path


def test_workdays_is_shows_a_closure_name_escaped(tmp_path: Path) -> None:
    out = run("workdays", "is", "29/12/2025", "--closures", str(_closures(tmp_path)))
    assert out == "Mon 29 Dec 2025 is not a working day (closure day: Closed\\x1b[2J)\n"


@pytest.mark.parametrize("columns", ["200", "80"])
def test_calendar_list_and_show_escape_closure_names(tmp_path: Path, columns: str) -> None:
    closures = str(_closures(tmp_path))
    listed = run("calendar", "list", "--year", "2025", "--closures", closures, columns=columns)
    shown = run("calendar", "show", "2025-12", "--closures", closures, columns=columns)
    info = run("calendar", "info", "--closures", closures, "--as-of", "2025-12-01")
    for out in (listed, shown, info):
        assert_no_control(out)
        assert "Closed\\x1b[2J" in out
    assert "  # Mon 29 Dec 2025: Closed\\x1b[2J (local closure)" in shown


def test_explain_escapes_closure_names(tmp_path: Path) -> None:
    out = run("explain", "sin-panel", "22/12/2025", "--closures", str(_closures(tmp_path)))
    assert_no_control(out)
    assert "  Mon 29 Dec 2025  Closed\\x1b[2J (closure day)" in out.splitlines()


LOCAL_RULE = """\
[rules.strat-x]
name = "Strategy discussion\\u001b[2J"
trigger = "strategy_discussion"
length = 3
unit = "working-days"
source = "Anytown policy\\u009b2J"
"""


@pytest.mark.parametrize("columns", ["200", "80"])
def test_rule_text_from_the_config_is_escaped(tmp_path: Path, columns: str) -> None:
    config = tmp_path / "wtcheck.toml"
    config.write_text(LOCAL_RULE, encoding="utf-8")
    c = str(config)
    outs = [
        run("rules", "--config", c, "--topic", "local", columns=columns),
        run("rules", "show", "strat-x", "--config", c, columns=columns),
        run("deadlines", "--strategy-discussion", "01/12/2025", "--config", c, "--as-of", "2025-12-01",
            columns=columns),
        run("explain", "strat-x", "01/12/2025", "--config", c, columns=columns),
    ]  # fmt: skip
    for out in outs:
        assert_no_control(out)
        assert "Strategy discussion\\x1b[2J" in out
    assert "Anytown policy\\x9b2J" in outs[1]


@pytest.mark.parametrize("width", [80, 200])
def test_audit_tables_escape_case_ids_piped(width: int) -> None:
    findings = [
        finding(case_id="C1" + CLEAR, row=2),
        finding(case_id=LINK, status=Status.INVALID, days=None, column="aware_date",
                value="5 May\x1b[31m", message="aware_date: '5 May\\x1b[31m': not a date", row=3),
    ]  # fmt: skip
    counts = Counter(f.status for f in findings)
    for console in (PlainConsole(io.StringIO(), width), piped_console(io.StringIO(), width)):
        audit_view.print_findings(
            console,
            findings,
            counts,
            frozenset(Status),
            f"Audit of x{CLEAR}.csv",  # type: ignore[arg-type]
        )
        out = console.file.getvalue()  # type: ignore[union-attr]
        assert_no_control(out)
        assert "| C1\\x1b[2J " in out
        assert "Audit of x\\x1b[2J.csv" in out


def test_json_output_escapes_what_json_dumps_leaves_raw(tmp_path: Path) -> None:
    """DEL, C1 and bidi controls inside JSON strings become \\u escapes: same data, safe text."""
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-12-29, Closed\x9b2J \u202eevil\x7f\n", encoding="utf-8")
    c = str(closures)
    outs = {
        "is": run("workdays", "is", "29/12/2025", "--closures", c, "-f", "json"),
        "list": run("calendar", "list", "--from", "29/12/2025", "--to", "29/12/2025",
                    "--closures", c, "-f", "json"),
        "info": run("calendar", "info", "--closures", c, "-f", "json"),
    }  # fmt: skip
    for out in outs.values():
        assert_no_control(out)
        assert "Closed\\u009b2J \\u202eevil\\u007f" in out
    assert json.loads(outs["list"])[0]["name"] == "Closed\x9b2J \u202eevil\x7f"
    assert json.loads(outs["info"])["closures"][0]["name"] == "Closed\x9b2J \u202eevil\x7f"


@given(st.text())
def test_visible_never_leaves_a_control_character(text: str) -> None:
    shown = visible(text)
    assert not has_control(shown)
    assert "\n" not in shown and "\x1b" not in shown
    assert visible(shown) == shown
    assert shown == text or has_control(text)  # only text with a control character changes


@given(st.text())
def test_safe_json_is_the_same_data_without_raw_controls(text: str) -> None:
    dumped = safe_json(json.dumps({"v": text}, ensure_ascii=False))
    assert json.loads(dumped) == {"v": text}
    assert not has_control(dumped)
