"""How the ``deadlines`` command shows its results (table, JSON, CSV)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from wtcheck.calendar.workdays import Calendar
from wtcheck.dates import format_long
from wtcheck.deadlines import Deadline, division_warning
from wtcheck.render.console import make_table
from wtcheck.render.delimited import write_csv
from wtcheck.render.plain import escape_markup
from wtcheck.render.safe_text import safe_json, visible
from wtcheck.rules.model import Force

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.render.plain import PlainConsole

FIELDS = (
    "rule", "name", "trigger", "trigger_date", "deadline", "deadline_weekday", "length",
    "unit", "direction", "kind", "working_days_left", "as_of", "force", "force_note",
    "source", "edition", "edition_label", "division", "projected", "verified", "anchor",
    "threatened", "notes", "local", "conditional",
)  # fmt: skip


def force_label(force: Force) -> str:
    return "statutory (must)" if force is Force.STATUTORY else "guidance (should)"


def as_record(d: Deadline, cal: Calendar, as_of: date) -> dict[str, Any]:
    """The JSON object for one deadline (documented in the README)."""
    rule = d.rule
    return {
        "rule": rule.id,
        "name": rule.name,
        "trigger": d.trigger,
        "trigger_date": d.trigger_date.isoformat(),
        "deadline": d.deadline.isoformat(),
        "deadline_weekday": f"{d.deadline:%A}",
        "length": d.length,
        "unit": rule.unit.value,
        "direction": rule.direction.value,
        "kind": rule.kind.value,
        "working_days_left": cal.between(as_of, d.deadline) if d.is_deadline else None,
        "as_of": as_of.isoformat(),
        "force": rule.force.value,
        "force_note": rule.force_note,
        "source": rule.source,
        "edition": d.edition,
        "edition_label": d.edition_label,
        "division": d.division,
        "projected": d.projected,
        "verified": rule.verified,
        "anchor": d.anchor,
        "threatened": d.threatened,
        "notes": list(d.notes),
        "local": rule.local,
        "conditional": d.conditional,
    }


def write_json(out: TextIO, items: Sequence[Deadline], cal: Calendar, as_of: date) -> None:
    records = [as_record(d, cal, as_of) for d in items]
    out.write(safe_json(json.dumps(records, indent=2, ensure_ascii=False)))
    out.write("\n")


def write_deadlines_csv(out: TextIO, items: Sequence[Deadline], cal: Calendar, as_of: date) -> None:
    rows = []
    for d in items:
        rec = as_record(d, cal, as_of)
        rec["notes"] = " | ".join(rec["notes"])
        rows.append([rec[f] for f in FIELDS])
    write_csv(out, FIELDS, rows)


def _left(n: int) -> str:
    if n == 0:
        return "due today"
    return f"{n} left" if n > 0 else f"{-n} overdue"


STACK_BELOW = 140
"""Narrower than this (80-column terminals, 100-column pipes), deadlines are stacked entries:
seven columns, two of them prose, need 140 to keep whole words."""


def _title(cal: Calendar, as_of: date) -> str:
    return f"Deadlines ({cal.division}), working days counted from {format_long(as_of)}"


def _marks(d: Deadline) -> str:
    return ("" if d.rule.verified else " [UNVERIFIED]") + (" [LOCAL]" if d.rule.local else "")


def print_table(
    console: Console | PlainConsole, items: Sequence[Deadline], cal: Calendar, as_of: date
) -> None:
    """A table of deadlines (stacked entries when narrow), then a line on projected dates."""
    if console.width < STACK_BELOW:
        _print_stacked(console, items, cal, as_of)
    else:
        _print_wide(console, items, cal, as_of)
    if any(d.projected for d in items):
        console.print("PROJECTED: at least one date used a year outside the GOV.UK data.")
    warnings = {w for d in items if (w := division_warning(d.rule, d.division))}
    for warning in sorted(warnings):
        console.print(escape_markup(warning.replace("Warning:", "WARNING:", 1)))


def _print_stacked(
    console: Console | PlainConsole, items: Sequence[Deadline], cal: Calendar, as_of: date
) -> None:
    from wtcheck.render.stacked import entry_lines, print_lines

    width = console.width
    lines = [*entry_lines(_title(cal, as_of), (), width)]
    for d in items:
        rule = d.rule
        lines.append("")
        lines += entry_lines(
            f"{rule.id}: {rule.name}",
            (
                (
                    "Deadline",
                    f"{format_long(d.deadline)} ("
                    + (
                        _left(cal.between(as_of, d.deadline))
                        if d.is_deadline
                        else f"{rule.kind.value}: never late"
                    )
                    + ")",
                ),
                (
                    "Trigger",
                    f"{visible(d.trigger.replace('_', ' '))}, {format_long(d.trigger_date)}",
                ),
                ("Force", force_label(rule.force) + _marks(d)),
                ("Edition", visible(d.edition_label)),
                ("Source", visible(str(rule.cites[0]))),
                ("Notes", "\n".join(f"- {visible(n)}" for n in d.notes)),
            ),
            width,
        )
    print_lines(console, lines)


def _print_wide(
    console: Console | PlainConsole, items: Sequence[Deadline], cal: Calendar, as_of: date
) -> None:
    table = make_table(
        console,
        "Rule",
        "Trigger",
        "Deadline",
        "Working days",
        "Force",
        "Edition / source",
        "Notes",
        title=escape_markup(_title(cal, as_of)),
    )
    for d in items:
        rule = d.rule
        left = cal.between(as_of, d.deadline)
        style = "red" if left < 0 else ("yellow" if left <= 5 else "")
        shown = _left(left) if d.is_deadline else f"{rule.kind.value}: never late"
        if not d.is_deadline:
            style = ""
        table.add_row(
            _cell(f"{visible(rule.id)}\n{visible(rule.name)}"),
            _cell(f"{visible(d.trigger.replace('_', ' '))}\n{format_long(d.trigger_date)}"),
            f"[bold]{format_long(d.deadline)}[/bold]",
            f"[{style}]{shown}[/{style}]" if style else shown,
            force_label(rule.force) + _marks(d),
            _cell(f"{visible(d.edition_label)}\n{visible(str(rule.cites[0]))}"),
            _cell("\n".join(f"- {visible(n)}" for n in d.notes)),
        )
    console.print(table)


def _cell(text: str) -> str:
    return escape_markup(text)
