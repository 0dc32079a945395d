"""How the ``audit`` command shows its findings: tables grouped by status,
overdue first, and one summary line (every status counted) last.

Within a table the most urgent come first: the earliest deadline (the most
overdue, the fewest working days left), then case and rule; invalid rows in
file order. A table fits the console: when it is narrow, the low-value
columns go first (Edition, then Row), then dates are written as ISO dates,
then the Trigger column goes, then Completed (which only late and met
findings fill: empty, it always goes); an id or a date is never cut or
wrapped. Data is shown with its
control characters escaped (:mod:`wtcheck.render.safe_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from wtcheck.dates import format_long
from wtcheck.findings import STATUS_ORDER, Finding, Status
from wtcheck.inputs.columns import KEYS, ColumnMap, own_name
from wtcheck.render.console import make_table
from wtcheck.render.finding_words import days_text
from wtcheck.render.plain import escape_markup
from wtcheck.render.safe_text import visible

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.render.plain import PlainConsole

STYLE = {
    Status.OVERDUE: "bold red",
    Status.LATE: "red",
    Status.DUE_SOON: "yellow",
    Status.PENDING: "cyan",
    Status.MET: "green",
    Status.INVALID: "magenta",
    Status.CHECK: "blue",
    Status.CONDITIONAL: "yellow",
}
TITLE = {
    Status.OVERDUE: "Overdue: not done, deadline passed",
    Status.LATE: "Late: done after the deadline",
    Status.DUE_SOON: "Due soon: not done, deadline within the next {soon} working days",
    Status.PENDING: "Pending: not done, not yet due",
    Status.MET: "Met: done on or before the deadline",
    Status.INVALID: "Invalid: a date that could not be read",
    Status.CHECK: "Check: a duty with no time limit, where the event fell (never late)",
    Status.CONDITIONAL: "Conditional: not done, and required only if a fact the data cannot show holds",
}


def title(status: Status, soon: int) -> str:
    """The heading of *status*'s table (*soon*: the --soon window, in working days)."""
    text = TITLE[status].format(soon=soon)
    return text.replace("next 1 working days", "next working day")


def summary_line(counts: Mapping[Status, int], rows: int | None = None) -> str:
    """``3 overdue, 2 late, 1 due-soon, 4 pending, 10 met, 1 invalid`` (then ``2 check``
    and ``1 conditional`` when there are any), and with *rows*, ``; 40 rows read``."""
    always = STATUS_ORDER[: STATUS_ORDER.index(Status.INVALID) + 1]
    text = ", ".join(
        f"{counts.get(s, 0)} {s.value}" for s in STATUS_ORDER if s in always or counts.get(s, 0)
    )
    return text if rows is None else f"{text}; {rows:,} rows read"


def _day(d: date | None) -> str:
    return format_long(d) if d else ""


def print_findings(
    console: Console | PlainConsole,
    findings: Sequence[Finding],
    counts: Mapping[Status, int],
    shown: frozenset[Status],
    heading: str,
    *,
    soon: int = 5,
    rows_read: int | None = None,
    summary: bool = True,
) -> None:
    """One table per shown status that has findings, then the summary line
    (with the data rows read, when given).

    *soon*: the ``--soon`` window, named in the due-soon heading.
    """
    if heading:
        console.print(visible(heading), markup=False, highlight=False)
    several_files = len({f.file for f in findings}) > 1
    for status in STATUS_ORDER:
        group = [f for f in findings if f.status is status]
        if status not in shown or not group:
            continue
        group.sort(key=_urgency)
        heading_text = f"{title(status, soon)} ({len(group)})"
        headers, rows = fit_columns(group, several_files, console.width)
        if len(rows) > RICH_ROWS or not _fits(headers, rows, console.width):
            _print_plain(console, heading_text, [headers, *rows])
            continue
        style = STYLE[status] if console.is_terminal else ""
        table = make_table(console, *headers, title=heading_text)
        for row in rows:
            table.add_row(*map(escape_markup, row), style=style)
        console.print(table)
    if summary:
        console.print(summary_line(counts, rows_read), markup=False, highlight=False)


def _urgency(f: Finding) -> tuple[object, ...]:
    """Sort key within one status: earliest deadline first; invalid rows in file order."""
    if f.status is Status.INVALID:
        return (f.file, f.row, f.case_id, f.rule)
    return (f.deadline or date.max, f.case_id, f.rule, f.file, f.row)


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

DROP_ORDER: tuple[str, ...] = ("Edition", "Row", "ISO dates", "Trigger", "Completed")
"""What goes, in this order, until a findings table fits the console."""


def fit_columns(
    group: Sequence[Finding], with_file: bool, width: int
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The headers and rows of one status's table, as many columns as fit in *width*.

    Columns go in :data:`DROP_ORDER` until every cell fits at its full
    width (one space of padding each side, borders between); an empty
    Completed column always goes. Invalid findings keep all their columns
    (their Value and Problem wrap, their ids do not). If even the narrowest
    form is too wide (very long case ids), it is printed as aligned text
    wider than the console rather than cut.
    """
    if group[0].status is Status.INVALID:
        return INVALID_HEADERS, [_invalid_cells(f, with_file) for f in group]
    dropped: set[str] = set()
    if not any(f.completed for f in group):
        dropped.add("Completed")
    variants: dict[bool, tuple[list[tuple[str, ...]], list[int]]] = {}
    for step in (None, *DROP_ORDER):
        if step is not None:
            dropped.add(step)
        iso = "ISO dates" in dropped
        if iso not in variants:
            cells = [_cells(f, with_file, iso) for f in group]
            variants[iso] = (cells, _widths(FINDING_HEADERS, cells))
        cells, widths = variants[iso]
        keep = [i for i, h in enumerate(FINDING_HEADERS) if h not in dropped]
        if sum(widths[i] for i in keep) + 3 * len(keep) + 1 <= width:
            break
    headers = tuple(FINDING_HEADERS[i] for i in keep)
    return headers, [tuple(row[i] for i in keep) for row in cells]


def _fits(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], width: int) -> bool:
    """Whether the ids and dates fit unwrapped (invalid rows' Value and Problem may wrap)."""
    widths = _widths(headers, rows)
    wrapping = sum(w for h, w in zip(headers, widths, strict=True) if h in ("Value", "Problem"))
    fixed = sum(widths) - wrapping + 3 * len(widths) + 1
    return fixed + (2 * 8 if wrapping else 0) <= width


def _widths(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[int]:
    """Each column's widest cell (header included)."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    return widths


def _invalid_cells(f: Finding, with_file: bool) -> tuple[str, ...]:
    problem = f.message.split(f"{f.value!r}: ", 1)[-1]
    return tuple(
        map(
            visible,
            (f.case_id, f.rule, _row(f, with_file), f.column or "", f.value or "", problem),
        )
    )


def _cells(f: Finding, with_file: bool, iso: bool = False) -> tuple[str, ...]:
    """The table cells of one finding (see FINDING_HEADERS), data shown visibly."""
    day = _iso if iso else _day
    return (
        visible(f.case_id), visible(f.rule), day(f.trigger_date), day(f.deadline),
        day(f.completed), days_text(f, short=True),
        visible(f.edition + (f" ({f.anchor})" if f.anchor else "")), visible(_row(f, with_file)),
    )  # fmt: skip


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _print_plain(
    console: Console | PlainConsole, title: str, rows: Sequence[tuple[str, ...]]
) -> None:
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
        shown = escape_markup(visible(header)) if header is not None else "(none)"
        table.add_row(own_name(key), shown, "yes" if key in used else "")
    console.print(table)
    unused = ", ".join(visible(repr(h)) for h in columns.unused) or "(none)"
    console.print(f"Headers not used: {unused}", markup=False, highlight=False)
    if columns.missing_mapped:
        missing = ", ".join(visible(repr(h)) for h in columns.missing_mapped)
        console.print(f"Mapped headers not in the file: {missing}", markup=False, highlight=False)
