"""How the ``audit`` command shows its findings: tables grouped by status,
overdue first, and one summary line (every status counted) last."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from wtcheck.audit.columns import KEYS, ColumnMap, own_name
from wtcheck.dates import format_long
from wtcheck.findings import STATUS_ORDER, Finding, Status
from wtcheck.render.console import make_table
from wtcheck.render.finding_words import days_text
from wtcheck.render.plain import escape_markup

if TYPE_CHECKING:
    from rich.console import Console

STYLE = {
    Status.OVERDUE: "bold red",
    Status.LATE: "red",
    Status.DUE_SOON: "yellow",
    Status.PENDING: "cyan",
    Status.MET: "green",
    Status.INVALID: "magenta",
}
TITLE = {
    Status.OVERDUE: "Overdue: not done, deadline passed",
    Status.LATE: "Late: done after the deadline",
    Status.DUE_SOON: "Due soon: not done, deadline within the next working days",
    Status.PENDING: "Pending: not done, not yet due",
    Status.MET: "Met: done on or before the deadline",
    Status.INVALID: "Invalid: a date that could not be read",
}


def summary_line(counts: Mapping[Status, int]) -> str:
    """``3 overdue, 2 late, 1 due-soon, 4 pending, 10 met, 1 invalid``."""
    return ", ".join(f"{counts.get(s, 0)} {s.value}" for s in STATUS_ORDER)


def _day(d: date | None) -> str:
    return format_long(d) if d else ""


def print_findings(
    console: Console,
    findings: Sequence[Finding],
    counts: Mapping[Status, int],
    shown: frozenset[Status],
    heading: str,
) -> None:
    """One table per shown status that has findings, then the summary line."""
    console.print(heading, markup=False, highlight=False)
    several_files = len({f.file for f in findings}) > 1
    for status in STATUS_ORDER:
        group = [f for f in findings if f.status is status]
        if status not in shown or not group:
            continue
        title = f"{TITLE[status]} ({len(group)})"
        headers = INVALID_HEADERS if status is Status.INVALID else FINDING_HEADERS
        rows = [_cells(f, several_files) for f in group]
        if len(rows) > RICH_ROWS:
            _print_plain(console, title, [headers, *rows])
            continue
        style = STYLE[status] if console.is_terminal else ""
        table = make_table(console, *headers, title=title)
        for row in rows:
            table.add_row(*map(escape_markup, row), style=style)
        console.print(table)
    console.print(summary_line(counts), markup=False, highlight=False)


RICH_ROWS = 2000
"""Groups larger than this are printed as plain aligned text: rich lays out a
table in memory, which takes minutes for a million-row audit."""

FINDING_HEADERS: tuple[str, ...] = (
    "Case",
    "Rule",
    "Trigger",
    "Deadline",
    "Completed",
    "Working days",
    "Edition",
    "Row",
)
INVALID_HEADERS: tuple[str, ...] = ("Case", "Rule", "Row", "Column", "Value", "Problem")


def _cells(f: Finding, with_file: bool) -> tuple[str, ...]:
    """The table cells of one finding (see FINDING_HEADERS / INVALID_HEADERS)."""
    if f.status is Status.INVALID:
        problem = f.message.split(f"{f.value!r}: ", 1)[-1]
        return (f.case_id, f.rule, _row(f, with_file), f.column or "", f.value or "", problem)
    return (
        f.case_id, f.rule, _day(f.trigger_date), _day(f.deadline), _day(f.completed),
        days_text(f, short=True), f.edition + (f" ({f.anchor})" if f.anchor else ""), _row(f, with_file),
    )  # fmt: skip


def _print_plain(console: Console, title: str, rows: Sequence[tuple[str, ...]]) -> None:
    """An ASCII table written straight to the console's file (no layout engine)."""
    widths = [max(map(len, col)) for col in zip(*rows, strict=True)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = console.file
    out.write(title + "\n" + rule + "\n")
    for n, row in enumerate(rows):
        out.write("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |\n")
        if n == 0:
            out.write("|" + rule[1:-1] + "|\n")
    out.write(rule + "\n")


def _row(f: Finding, with_file: bool) -> str:
    return f"{f.file}:{f.row}" if with_file else str(f.row)


def print_columns(console: Console, name: str, columns: ColumnMap, used: set[str]) -> None:
    """The column report: each concept, the header it matched, headers left unused."""
    table = make_table(console, "Column", "Header in the file", "Used by a rule", title=name)
    for key in KEYS:
        header = columns.header_for(key)
        shown = escape_markup(header) if header is not None else "(none)"
        table.add_row(own_name(key), shown, "yes" if key in used else "")
    console.print(table)
    unused = ", ".join(repr(h) for h in columns.unused) or "(none)"
    console.print(f"Headers not used: {unused}", markup=False, highlight=False)
    if columns.missing_mapped:
        missing = ", ".join(repr(h) for h in columns.missing_mapped)
        console.print(f"Mapped headers not in the file: {missing}", markup=False, highlight=False)
