"""How ``wtcheck rules`` shows the registry (table, JSON, CSV, one rule in full)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from wtcheck.concepts import BY_KEY as CONCEPTS
from wtcheck.dates import format_long
from wtcheck.render.console import make_table
from wtcheck.render.delimited import write_csv
from wtcheck.render.plain import escape_markup
from wtcheck.render.safe_text import safe_json, visible
from wtcheck.rules.model import Direction, Force, Rule, Unit
from wtcheck.rules.query import Step, assumed_boundaries, edition_titles

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.render.plain import PlainConsole

FIELDS = (
    "id", "name", "topic", "trigger", "completion", "length", "unit", "direction", "kind",
    "force", "force_note", "source", "in_force_from", "in_force_to", "editions", "verified",
    "local", "default_off", "repeats", "lineage", "fixed_date", "notes",
)  # fmt: skip


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def record(rule: Rule) -> dict[str, Any]:
    """The JSON object for one rule."""
    return {
        "id": rule.id,
        "name": rule.name,
        "topic": rule.topic,
        "trigger": rule.trigger or None,
        "completion": rule.completion,
        "length": rule.length,
        "unit": rule.unit.value,
        "direction": rule.direction.value,
        "kind": rule.kind.value,
        "force": rule.force.value,
        "force_note": rule.force_note,
        "source": rule.source,
        "cites": [
            {"document": c.document, "locator": c.locator, "evidence": c.evidence.value,
             "note": c.note}
            for c in rule.cites
        ],
        "in_force_from": _iso(rule.in_force_from),
        "in_force_to": _iso(rule.in_force_to),
        "editions": list(rule.editions),
        "verified": rule.verified,
        "local": rule.local,
        "default_off": rule.default_off,
        "repeats": rule.repeats,
        "lineage": rule.lineage or None,
        "fixed_date": _iso(rule.fixed_date),
        "variants": [
            {"length": v.length, "in_force_from": _iso(v.in_force_from),
             "in_force_to": _iso(v.in_force_to), "note": v.note}
            for v in rule.variants
        ],
        "notes": list(rule.notes),
    }  # fmt: skip


def write_json(out: TextIO, rules: Sequence[Rule]) -> None:
    out.write(safe_json(json.dumps([record(r) for r in rules], indent=2, ensure_ascii=False)))
    out.write("\n")


def write_rule_json(out: TextIO, rule: Rule, steps: Sequence[Step]) -> None:
    """One rule with its history (``rules show --format json``)."""
    rec = record(rule)
    rec["history"] = [
        {"rule": s.rule.id, "length": s.length, "unit": s.rule.unit.value,
         "in_force_from": _iso(s.in_force_from), "in_force_to": _iso(s.in_force_to),
         "note": s.note}
        for s in steps
    ]  # fmt: skip
    out.write(safe_json(json.dumps(rec, indent=2, ensure_ascii=False)))
    out.write("\n")


def write_rules_csv(out: TextIO, rules: Sequence[Rule]) -> None:
    rows = []
    for rule in rules:
        rec = record(rule)
        rec["editions"] = " ".join(rec["editions"])
        rec["notes"] = " | ".join(rec["notes"])
        rows.append([rec[f] for f in FIELDS])
    write_csv(out, FIELDS, rows)


def timescale(rule: Rule, length: int | None = None) -> str:
    """'10 working days after referral', or why there is no number."""
    n = rule.length if length is None else length
    if rule.fixed_date:
        return f"by {format_long(rule.fixed_date)}"
    if n is None or rule.unit is Unit.NONE:
        return "no national number"
    unit = "days beginning with" if rule.unit is Unit.DAYS_BEGINNING_WITH else rule.unit.value
    unit = unit.replace("-", " ")
    if n == 1 and unit.endswith("s"):
        unit = unit[:-1]
    way = (
        ""
        if rule.unit is Unit.DAYS_BEGINNING_WITH
        else (" after" if rule.direction is Direction.AFTER else " before")
    )
    what = rule.trigger.replace("_", " ")
    again = ", repeating" if rule.repeats else ""
    return f"{n} {unit}{way} {what}{again}"


def force_text(rule: Rule) -> str:
    if rule.force is Force.STATUTORY:
        return "STATUTORY (must)"
    return "guidance (should)"


def _span(start: date | None, end: date | None) -> str:
    a = format_long(start) if start else "..."
    b = format_long(end) if end else "now"
    return f"{a} to {b}"


def status(rule: Rule) -> str:
    marks = ["verified" if rule.verified else "UNVERIFIED"]
    if rule.local:
        marks.append("LOCAL")
    if rule.default_off:
        marks.append("off by default")
    return ", ".join(marks)


STACK_BELOW = 110
"""Narrower than this (80-column terminals, 100-column pipes), rules are stacked entries."""

FOOTNOTE = (
    "STATUTORY: a 'must' in an Act or regulations. guidance: a 'should'; missing it is "
    "poor practice, never unlawful. 'wtcheck rules show ID' prints one rule in full."
)


def print_table(console: Console | PlainConsole, rules: Sequence[Rule], title: str) -> None:
    """The rules as a table (stacked entries when narrow), then what the force words mean."""
    if console.width < STACK_BELOW:
        from wtcheck.render.stacked import entry_lines, print_lines

        lines = entry_lines(title, (), console.width)
        for rule in rules:
            lines.append("")
            lines += entry_lines(
                f"{rule.id}: {rule.name}",
                (
                    ("Timescale", visible(timescale(rule))),
                    ("Force", force_text(rule)),
                    ("In force", _span(rule.in_force_from, rule.in_force_to)),
                    ("Status", status(rule)),
                ),
                console.width,
            )
        lines.append("")
        print_lines(console, lines)
        console.print(FOOTNOTE, markup=False, highlight=False)
        return
    table = make_table(console, "Rule", "Timescale", "Force", "In force", "Status", title=title)
    for rule in rules:
        force = force_text(rule)
        table.add_row(
            escape_markup(f"{visible(rule.id)}\n{visible(rule.name)}"),
            escape_markup(visible(timescale(rule))),
            f"[bold]{force}[/bold]" if rule.force is Force.STATUTORY else force,
            _span(rule.in_force_from, rule.in_force_to),
            status(rule),
        )
    console.print(table)
    console.print(FOOTNOTE, markup=False, highlight=False)


def _concept(key: str | None) -> str:
    if not key:
        return "none"
    c = CONCEPTS.get(key)
    return f"{key} ({c.label}; {c.option}, column {c.column})" if c else key


def show_lines(rule: Rule, steps: Sequence[Step], width: int | None = None) -> list[str]:
    """Everything about one rule, as lines of plain text.

    *width*: a history line longer than this puts its dates on a line of its own.
    """
    out = [f"{rule.id}: {rule.name}"]
    out.append(f"Timescale:  {timescale(rule)}")
    force = force_text(rule)
    if rule.force is Force.GUIDANCE:
        force += ": missing it is poor practice, never unlawful"
    out.append(f"Force:      {force}")
    if rule.force_note:
        out.append(f"            {rule.force_note}")
    out.append(f"Kind:       {rule.kind.value}")
    out.append(f"Trigger:    {_concept(rule.trigger)}")
    out.append(f"Completion: {_concept(rule.completion)}")
    out.append(f"In force:   {_span(rule.in_force_from, rule.in_force_to)}")
    titles = edition_titles(rule)
    out.append(f"Editions:   {', '.join(titles) if titles else 'none (rests on legislation)'}")
    out.append(f"Status:     {status(rule)}")
    out.append("Sources:")
    out += [f"  - {c}" + (f" ({c.note})" if c.note else "") for c in rule.cites]
    notes = [*rule.notes, *(
        f"{n.text} ({_span(n.in_force_from, n.in_force_to)})" for n in rule.dated_notes
    ), *(a.note() for a in assumed_boundaries(rule)), *(
        f"{'Not computed' if g.effect.value == 'exclude' else 'Conditional'} when "
        f"{g.concept} is given{' without ' + ' or '.join(g.unless) if g.unless else ''}: {g.reason}"
        for g in rule.gates
    )]  # fmt: skip
    if notes:
        out.append("Notes:")
        out += [f"  - {n}" for n in notes]
    out.append("History:")
    for step in steps:
        here = ">" if step.rule.id == rule.id else " "
        ts = timescale(step.rule, step.length)
        note = f" ({step.note})" if step.note else ""
        span = _span(step.in_force_from, step.in_force_to)
        line = f" {here} {step.rule.id:<20} {ts:<45} {span}{note}"
        if width is not None and len(line) > width:  # narrow: the dates on a line of their own
            line = f" {here} {step.rule.id}: {ts}\n     {span}{note}"
        out += line.split("\n")
    return out


def print_rule(console: Console, rule: Rule, steps: Sequence[Step]) -> None:
    """One rule in full, long lines wrapped to the console under their text."""
    from rich.text import Text

    from wtcheck.render.stacked import hang_wrap

    for line in map(visible, show_lines(rule, steps, console.width)):
        style = "bold" if line.startswith("Force:      STATUTORY") else ""
        for part in hang_wrap(line, console.width):
            console.print(Text(part, style=style), soft_wrap=True)
