"""Draws an :class:`~wtcheck.explain.Explanation`: a week-by-week calendar,
then the rule's wording, source and counting convention.

Readable without colour: ``[T]`` marks the trigger, numbers the counted days,
``*`` the deadline, ``BH``/``CL`` bank holidays and closure days, ``-``
weekends. On a terminal the same cells are also styled (weekends dim, the
deadline reversed).
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wtcheck.dates import format_long
from wtcheck.explain import Day, Explanation, Gap
from wtcheck.render.rules_view import force_text
from wtcheck.render.safe_text import visible
from wtcheck.rules.model import Force

CELL = 8
LABEL = 13
HEADER = "Week of".ljust(LABEL) + "".join(
    d.ljust(CELL) for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
)


def _mark(day: Day) -> str:
    if day.trigger:
        mark = "[T]" + (str(day.number) if day.number is not None else "")
    elif day.number is not None:
        mark = str(day.number)
    elif day.off_name:
        mark = "CL" if day.closure else "BH"
    elif day.weekend:
        mark = "-"
    else:
        mark = ""
    if day.deadline:
        mark += "*"
    return mark


def _style(day: Day) -> str:
    if day.deadline:
        return "bold reverse"
    if day.trigger:
        return "bold"
    if day.off_name:
        return "yellow"
    if day.weekend:
        return "dim"
    return ""


def _week(days: tuple[Day, ...]) -> Text:
    line = Text(f"{days[0].day.day} {days[0].day:%b %Y}".ljust(LABEL))
    for day in days:
        line.append(f"{day.day.day:>2} {_mark(day)}".ljust(CELL), style=_style(day))
    line.rstrip()
    return line


def _legend(expl: Explanation) -> str:
    parts = ["[T] trigger day"]
    if expl.numbered:
        parts.append(f"1, 2, ... {expl.numbered}")
    parts += ["* deadline", "BH bank holiday", "CL closure day", "- weekend"]
    return "Key: " + "   ".join(parts)


def lines(expl: Explanation) -> list[Text]:
    """The explanation as lines of (styled) text; data shown with control characters escaped."""
    d = expl.deadline
    rule = d.rule
    out: list[Text] = []
    title = Text(f"{visible(rule.id)}: {visible(rule.name)}", style="bold")
    if rule.local:
        title.append("  [LOCAL]")
    if not rule.verified:
        title.append("  [UNVERIFIED]")
    out.append(title)
    out.append(Text(f"Trigger:  {format_long(d.trigger_date)}, the {visible(d.trigger_label)}"))
    label = f"{expl.date_label}:"
    out.append(Text(f"{label:<9} {format_long(d.deadline)}", style="bold"))
    out.append(Text(f"Counted:  {expl.counted}"))
    out.append(Text(f"Edition:  {visible(d.edition_label)} ({expl.edition_chosen})"))
    out.append(Text(f"Calendar: {d.division} bank holidays" + _closures(expl)))
    out.append(Text(""))
    out.append(Text(HEADER.rstrip()))
    for row in expl.rows:
        if isinstance(row, Gap):
            out.append(
                Text(
                    f"{'':{LABEL}}... {row.weeks} weeks not shown "
                    f"({format_long(row.first)} to {format_long(row.last)}) ..."
                )
            )
        else:
            out.append(_week(row))
    out.append(Text(_legend(expl)))
    if expl.off_days:
        out.append(Text(""))
        out.append(Text("Not working days:"))
        for off in expl.off_days:
            kind = "closure day" if off.closure else "bank holiday"
            out.append(Text(f"  {format_long(off.day):<16} {visible(off.name)} ({kind})"))
    out.append(Text(""))
    out.append(Text(f"Rule:       {visible(expl.wording)}"))
    force = force_text(rule)
    if rule.force is Force.GUIDANCE:
        force += ": missing it is poor practice, not unlawful"
    out.append(
        Text(f"Force:      {force}" + (f". {visible(rule.force_note)}" if rule.force_note else ""))
    )
    out.append(Text("Source:"))
    for cite in rule.cites:
        extra = f" ({cite.note})" if cite.note else ""
        out.append(Text(f"  - {visible(str(cite))}{visible(extra)}"))
    out.append(Text(f"Convention: {expl.convention}"))
    notes = [*rule.notes, *d.notes]
    if notes:
        out.append(Text("Notes:"))
        for note in notes:
            out.append(Text(f"  - {visible(note)}"))
    return out


def _closures(expl: Explanation) -> str:
    return " and local closure days" if any(o.closure for o in expl.off_days) else ""


def print_explanation(console: Console, expl: Explanation) -> None:
    """The explanation; long lines of text wrapped to the console under their text."""
    from wtcheck.render.stacked import hang_wrap

    for line in lines(expl):
        if line.spans or len(line.plain) <= console.width:
            console.print(line, soft_wrap=True)
            continue
        for part in hang_wrap(line.plain, console.width):
            console.print(Text(part, style=line.style), soft_wrap=True)
