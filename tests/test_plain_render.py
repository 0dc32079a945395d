"""The rich-free piped renderer (wtcheck.render.plain) prints exactly what rich prints.

Every test renders the same thing twice, with rich's piped console
(render.console.piped_console) and with PlainConsole, and compares the text.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wtcheck.calendar.workdays import get_calendar
from wtcheck.deadlines import Options, deadlines_for
from wtcheck.render import deadlines_view
from wtcheck.render.console import make_printer, make_table, piped_console
from wtcheck.render.plain import PlainConsole, PlainTable, escape_markup, plain_markup

ROOT = Path(__file__).resolve().parent.parent


def both(draw: Callable[[object], None], width: int) -> tuple[str, str]:
    """What *draw* prints on rich's piped console and on a PlainConsole of *width*."""
    rich_out, plain_out = io.StringIO(), io.StringIO()
    draw(piped_console(rich_out, width))
    draw(PlainConsole(plain_out, width))
    return rich_out.getvalue(), plain_out.getvalue()


def table_drawer(
    headers: list[str], rows: list[list[str]], title: str | None
) -> Callable[[object], None]:
    def draw(console: object) -> None:
        table = make_table(console, *headers, title=title)  # type: ignore[call-overload]
        for row in rows:
            table.add_row(*row)
        console.print(table)  # type: ignore[attr-defined]

    return draw


# Words as the views write them (letters, digits, punctuation, the dashes,
# quotes and signs the rule texts use), long words, runs of spaces, empty
# cells, line breaks, and markup: style tags and a bracketed note.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
WORD = st.text(LETTERS + ".,;:'()/-–—’…£§é", min_size=1, max_size=30)
SPACES = st.sampled_from([" ", " ", " ", "  ", "   ", "\n", "\n\n", " \n", "\xa0", " \xa0 "])
TAGGED = st.sampled_from(
    ["[bold]x[/bold]", "[red]2 overdue[/red]", "[secondary source]", "a[1]",
     "\\[secondary source]", "C\\\\[x]"]
)  # fmt: skip
CELL = st.lists(st.one_of(WORD, WORD, SPACES, TAGGED), max_size=12).map("".join)
TITLE = st.one_of(st.none(), CELL)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str | None]:
    columns = draw(st.integers(1, 7))
    headers = draw(st.lists(CELL, min_size=columns, max_size=columns))
    row = st.lists(CELL, min_size=columns, max_size=columns)
    return headers, draw(st.lists(row, max_size=5)), draw(TITLE)


@settings(max_examples=400, deadline=None)
@given(tables(), st.integers(1, 220))
def test_generated_tables_match_rich(
    spec: tuple[list[str], list[list[str]], str | None], width: int
) -> None:
    rich_text, plain_text = both(table_drawer(*spec), width)
    assert plain_text == rich_text


@settings(max_examples=200, deadline=None)
@given(tables(), st.integers(0, 60))
def test_generated_tables_are_drawn_without_rich_when_wide_enough(
    spec: tuple[list[str], list[list[str]], str | None], extra: int
) -> None:
    headers, rows, title = spec
    table = PlainTable(*headers, title=title)
    for row in rows:
        table.add_row(*row)
    width = 12 * len(headers) + extra
    lines = table.lines(width)
    assert lines is not None
    rich_text, _ = both(table_drawer(*spec), width)
    assert "".join(f"{line}\n" for line in lines) == rich_text


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL, max_size=3), st.integers(1, 120), st.booleans(), st.booleans())
def test_printed_strings_match_rich(
    texts: list[str], width: int, markup: bool, soft_wrap: bool
) -> None:
    rich_text, plain_text = both(
        lambda console: console.print(*texts, markup=markup, soft_wrap=soft_wrap),  # type: ignore[attr-defined]
        width,
    )
    assert plain_text == rich_text


@pytest.mark.parametrize(
    "cell",
    [
        "漢字 wide",
        "tab\there",
        "e\u0301 combining",
        "flag 🇬🇧",
        "[@click]x[/]",
    ],
)
def test_what_the_port_does_not_handle_goes_to_rich(cell: str) -> None:
    table = PlainTable("A", "B", title="T")
    table.add_row(cell, "x")
    assert table.lines(80) is None
    rich_text, plain_text = both(table_drawer(["A", "B"], [[cell, "x"]], "T"), 80)
    assert plain_text == rich_text


def test_a_markup_error_is_rich_s() -> None:
    from rich.errors import MarkupError

    for console in (piped_console(io.StringIO(), 80), PlainConsole(io.StringIO(), 80)):
        with pytest.raises(MarkupError, match="doesn't match any open tag"):
            console.print("[/bold] closes nothing")


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("no tags", "no tags"),
        ("[bold]Mon 5 Jan 2026[/bold]", "Mon 5 Jan 2026"),
        ("limit) [secondary source]", "limit) "),  # rich drops it too
        ("[red]2 overdue[/]", "2 overdue"),
        ("a [1] and [B]", "a [1] and [B]"),
        ("[bold]x[/red]", None),
        ("\\[bold]", "[bold]"),
        ("limit) \\[secondary source]", "limit) [secondary source]"),
        ("\\\\[bold]x[/bold]", "\\x"),
    ],
)
def test_plain_markup(markup: str, plain: str | None) -> None:
    assert plain_markup(markup) == plain


MARKUP_TEXT = st.text("[]\\/ab@#= ", max_size=30)


@settings(max_examples=500, deadline=None)
@given(MARKUP_TEXT)
def test_escape_and_markup_are_rich_s(text: str) -> None:
    from rich.errors import MarkupError
    from rich.markup import escape, render

    if "\\[" not in text:  # rich's escape, for a whole cell (no trailing backslash added)
        assert escape_markup(text) == escape(text).removesuffix(
            "\\" if text.endswith("\\") and not text.endswith("\\\\") else ""
        )
    assert plain_markup(escape_markup(text)) == render(escape_markup(text)).plain == text
    try:
        expected: str | None = render(text).plain
    except MarkupError:
        expected = None
    got = plain_markup(text)
    assert got is None or got == expected


@pytest.mark.parametrize("width", [1, 3, 8, 12])
def test_a_console_too_narrow_for_the_table_is_drawn_as_rich_draws_it(width: int) -> None:
    # columns shrink to nothing inside their padding, then the console crops the lines
    headers, row = ["Rule", "Deadline", "Notes"], ["sin-panel", "Wed 31 Dec 2025", "- a note"]
    table = PlainTable(*headers)
    table.add_row(*row)
    lines = table.lines(width)
    assert lines is not None
    rich_text, _ = both(table_drawer(headers, [row], None), width)
    assert "".join(f"{line}\n" for line in lines) == rich_text


DATES = [
    {"aware": date(2025, 12, 22), "incident": date(2025, 12, 20)},
    {
        "aware": date(2025, 12, 22),
        "notified": date(2025, 12, 24),
        "rapid_review": date(2026, 1, 10),
    },
    {
        "referral": date(2023, 5, 5),
        "strategy_discussion": date(2023, 5, 7),
        "icpc": date(2023, 5, 20),
    },
    {"assessed": date(2023, 5, 5), "homeless": date(2023, 6, 20)},
    {"aware": date(2030, 3, 1)},
]


@pytest.mark.parametrize("dates", DATES)
@pytest.mark.parametrize("width", [200, 120, 80, 40, 13])
def test_the_deadlines_table_matches_rich(
    dates: dict[str, date], width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    cal = get_calendar("england-and-wales")
    items = deadlines_for(dates, cal, Options(), None, ())
    assert items
    as_of = date(2026, 1, 5)
    if width >= 80:  # wide enough: drawn by the port, never handed to rich

        def no_rich(*args: object, **kwargs: object) -> None:
            raise AssertionError("handed to rich")

        monkeypatch.setattr(PlainConsole, "_rich_console", no_rich)
    rich_text, plain_text = both(
        lambda console: deadlines_view.print_table(console, items, cal, as_of),  # type: ignore[arg-type]
        width,
    )
    assert plain_text == rich_text


def test_make_printer_is_plain_when_piped() -> None:
    assert isinstance(make_printer(io.StringIO()), PlainConsole)


def test_every_character_the_port_accepts_is_one_cell_for_rich() -> None:
    from rich.cells import cell_len, split_graphemes

    from wtcheck.render.plain import _one_cell_each

    accepted = [chr(c) for c in range(0x3000) if _one_cell_each(chr(c))]
    assert len(accepted) > 1500
    for char in accepted:
        if char == "\n":
            continue
        spans, _ = split_graphemes(f"a{char}{char}b")
        assert cell_len(char) == 1 and [s[2] for s in spans] == [1, 1, 1, 1], hex(ord(char))
        assert not char.isspace() or char in " \xa0", hex(ord(char))
    assert not any(_one_cell_each(c) for c in "\t\r\x0b\x0c\x1b\x7f\u200b\u0301\u3000")


AUDIT_ODD = (
    "case_id,aware_date,notification_date,rapid_review_date\n"
    "C漢字,foo\u200b,bar\t x,\n"  # wide and invisible characters: handed to rich
    "C2,01/02/2026,[bold]x[/bold],\n"  # markup in a value: shown as written
    'C3,2026-11-20,"multi\nline",\n'
    "C4,2026-11-02,2026-11-03,2026-11-30\n"
    "C5,2026-11-25,,\n"
)


@pytest.mark.parametrize("width", ["100", "60", "30"])
@pytest.mark.parametrize(
    "args",
    [
        ["examples/cases.csv"],
        ["examples/cases.csv", "--only", "all", "--by", "team"],
        ["examples/annex-a.xlsx"],
        ["ODD"],
        ["ODD", "--only", "all"],
    ],
    ids=["cases", "cases-all-by", "annex-a", "odd", "odd-all"],
)
def test_the_audit_tables_are_rich_s_piped_output(
    args: list[str], width: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped, `wtcheck audit` draws its tables without rich: the same bytes as rich's
    piped console draws (it handed them to rich before)."""
    from typer.testing import CliRunner

    from wtcheck.cli.app import app
    from wtcheck.render import console as console_module

    odd = tmp_path / "odd.csv"
    odd.write_text(AUDIT_ODD, encoding="utf-8")
    argv = ["audit", *(str(odd) if a == "ODD" else str(ROOT / a) if "/" in a else a for a in args)]
    argv += ["--as-of", "2026-12-01"]
    monkeypatch.setenv("COLUMNS", width)
    runner = CliRunner()
    plain = runner.invoke(app, argv)
    assert "+---" in plain.stdout  # tables were drawn
    monkeypatch.setattr(
        console_module,
        "make_printer",
        lambda stream=None, *, wide=False: piped_console(
            stream or sys.stdout, console_module.piped_width(wide=wide)
        ),
    )
    rich = runner.invoke(app, argv)
    assert plain.exit_code == rich.exit_code == 1
    assert plain.stdout == rich.stdout
