"""Generated bad input for every reader of a file a person gives wtcheck: the
config file, the closures file, a calendar file to import (and its CLI
commands). Whatever the bytes, the reader returns a value or raises an error of
exit status 2 whose message is one line naming the file; never another exception
(issue 17 item 10)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wtcheck.calendar.closures import load_closures
from wtcheck.calendar.importer import read_candidate
from wtcheck.config import load_config
from wtcheck.errors import WtcheckError

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_one_line(exc: WtcheckError, start: str) -> None:
    message = str(exc)
    assert exc.exit_code == 2
    assert message.startswith(start), message
    assert "\n" not in message and "\r" not in message, message


def write(data: bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / name
    path.write_bytes(data)
    return path


# -- config --------------------------------------------------------------------------------

KEYS = [
    "division", "rr_anchor", "count_start_day", "clear_days", "inclusive", "closures",
    "name", "trigger", "length", "unit", "direction", "force", "completion", "source",
    "topic", "repeats", "enabled", "notes", "in_force_from", "in_force_to", "x", '"a\\nb"',
]  # fmt: skip
HEADERS = [
    "[defaults]", "[calendar]", "[email]", "[rules.strat]", "[rules.visit]", "[rules]",
    "[[rules]]", "[nope]", '[rules."a\\u0000b"]', "[rules.sin-panel]",
]  # fmt: skip
VALUES = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(
        [
            "true",
            "1" + "0" * 5000,
            "inf",
            "nan",
            "1e999",
            "2024-02-30",
            "2024-01-01",
            "1979-05-27T07:32:00Z",
            "07:32:00",
            '"scotland"',
            '"england-and-wales"',
            '"working-days"',
            '"months"',
            '"none"',
            '"referral"',
            '"12/31/2024"',
            '"31/12/2024"',
            '"9999-12-31"',
            '"0001-01-01"',
            '"x\\u0000y"',
            '"a\\u001b[2Jb"',
            "[]",
            '["a", 1]',
            "{}",
            "{ a = 1 }",
            "[" * 600 + "]" * 600,
            '"closures.txt"',
            '"/dev/null"',
            '"."',
        ]
    ),
    st.text(max_size=20).map(json.dumps),
)
LINE = st.one_of(
    st.sampled_from(HEADERS),
    st.tuples(st.sampled_from(KEYS), VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.text(max_size=30),
)
TOML = st.lists(LINE, max_size=12).map(lambda lines: "\n".join(lines).encode("utf-8", "replace"))


@FUZZ
@given(st.one_of(TOML, st.binary(max_size=200)))
def test_config_reader_never_crashes(data: bytes) -> None:
    path = write(data, "wtcheck.toml")
    try:
        load_config(path)
    except WtcheckError as exc:
        assert_one_line(exc, f"config file {path}")


# -- closures --------------------------------------------------------------------------------

CLOSURE_LINE = st.one_of(
    st.sampled_from(
        [
            "2026-12-29, Christmas closure",
            "30/12/2026  Office shut",
            "# comment",
            "9999-12-31",
            "2026-02-30",
            "0",
            "12345",
            "2026-12-29\x1b[2J",
            "31 Dec 2026 x",
        ]
    ),
    st.text(max_size=30),
)
CLOSURES = st.lists(CLOSURE_LINE, max_size=8).map(
    lambda ls: "\n".join(ls).encode("utf-8", "replace")
)


@FUZZ
@given(st.one_of(CLOSURES, st.binary(max_size=200)))
def test_closures_reader_never_crashes(data: bytes) -> None:
    path = write(data, "closures.txt")
    try:
        load_closures(path)
    except WtcheckError as exc:
        assert_one_line(exc, str(path) if not str(exc).startswith("--closures") else "--closures")


# -- calendar import ---------------------------------------------------------------------------

EVENT = st.fixed_dictionaries(
    {
        "title": st.one_of(st.text(max_size=10), st.integers()),
        "date": st.one_of(
            st.dates().map(lambda d: d.isoformat()),
            st.sampled_from(["2925-12-25", "2024-02-30", "25/12/2024", "", "2024-1-1"]),
            st.integers(),
        ),
    },
    optional={"notes": st.one_of(st.text(max_size=5), st.lists(st.integers(), max_size=2))},
)
DIVISION = st.fixed_dictionaries({"events": st.lists(EVENT, max_size=6)})
DOC = st.one_of(
    st.fixed_dictionaries(
        {d: DIVISION for d in ("england-and-wales", "scotland", "northern-ireland")}
    ),
    st.dictionaries(st.text(max_size=5), DIVISION, max_size=2),
    st.lists(st.integers(), max_size=3),
).map(lambda doc: json.dumps(doc).encode())
DEEP = st.sampled_from([b"[" * 100_000, b'{"a": ' + b"1" * 5000 + b"}", b"\xff\xfe", b""])


@FUZZ
@given(st.one_of(DOC, DEEP, st.binary(max_size=100)))
def test_calendar_import_reader_never_crashes(data: bytes) -> None:
    path = write(data, "bank-holidays.json")
    try:
        read_candidate(path)
    except WtcheckError as exc:
        assert_one_line(exc, str(path))


# -- the same through the command line: exit 2 and one line on stderr --------------------------

runner = CliRunner()


@settings(max_examples=40, deadline=None)
@given(st.one_of(TOML, st.binary(max_size=100)), st.one_of(CLOSURES, st.binary(max_size=60)))
def test_cli_with_bad_config_and_closures_exits_0_or_2_with_one_line(
    config: bytes, closures: bytes
) -> None:
    from wtcheck.cli.app import app

    cfg = write(config, "wtcheck.toml")
    days = write(closures, "closures.txt")
    result = runner.invoke(
        app,
        ["deadlines", "--decision", "2026-12-24", "--config", str(cfg), "--closures", str(days)],
    )
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("wtcheck: error: "), result.stderr
