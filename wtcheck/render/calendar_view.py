"""How the ``calendar`` commands show their results: tables, month grids, info, import diffs.

Every view reads the same without colour: marks and words carry the meaning,
colour (on a terminal, unless ``NO_COLOR``) only repeats it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

from wtcheck.calendar.data import Holiday
from wtcheck.calendar.importer import DivisionDiff
from wtcheck.calendar.report import DataInfo, DayCell, DayKind, MonthGrid, origin_label
from wtcheck.dates import format_long
from wtcheck.render.console import make_table
from wtcheck.render.delimited import write_csv
from wtcheck.render.safe_text import safe_json, visible

LIST_FIELDS = ("date", "weekday", "name", "origin", "source", "division", "notes")


def holiday_record(h: Holiday) -> dict[str, Any]:
    """One row of ``calendar list`` (JSON object, CSV row)."""
    return {
        "date": h.date.isoformat(),
        "weekday": f"{h.date:%A}",
        "name": h.title,
        "origin": h.origin,
        "source": origin_label(h.origin),
        "division": h.division,
        "notes": h.notes,
    }


def write_list_json(out: TextIO, days: Sequence[Holiday]) -> None:
    records = [holiday_record(h) for h in days]
    out.write(safe_json(json.dumps(records, ensure_ascii=False, indent=2)))
    out.write("\n")


def write_list_csv(out: TextIO, days: Sequence[Holiday]) -> None:
    write_csv(out, LIST_FIELDS, ([holiday_record(h)[f] for f in LIST_FIELDS] for h in days))


def closures_note(closures: int) -> str:
    """The line every calendar view adds when local closure days were counted."""
    if not closures:
        return "Local closure days: off."
    return f"Local closure days: on ({closures} listed), counted as non-working days."


def print_list(
    console: Console, days: Sequence[Holiday], division: str, span: str, closures: int
) -> None:
    table = make_table(
        console, "Date", "Day", "Name", "Source", title=f"Non-working weekdays, {division}, {span}"
    )
    for h in days:
        table.add_row(
            h.date.isoformat(), f"{h.date:%a}", escape(visible(h.label)), origin_label(h.origin)
        )
    console.print(table)
    console.print(f"{len(days)} non-working weekday{'' if len(days) == 1 else 's'}.")
    console.print(closures_note(closures))


# -- month grids -------------------------------------------------------------------

MARKS = {DayKind.WORKING: " ", DayKind.WEEKEND: ".", DayKind.HOLIDAY: "*", DayKind.CLOSURE: "#"}
STYLES = {DayKind.WEEKEND: "dim", DayKind.HOLIDAY: "bold red", DayKind.CLOSURE: "bold yellow"}
LEGEND = "Key: . weekend   * bank holiday   # local closure day"


def _cell_text(cell: DayCell | None) -> str:
    if cell is None:
        return "    "
    text = f"{cell.date.day:>3}{MARKS[cell.kind]}"
    style = STYLES.get(cell.kind)
    return f"[{style}]{text}[/]" if style else text


def grid_lines(grid: MonthGrid) -> list[str]:
    """The month as rich-markup lines: title, weekday header, weeks, then the days off named."""
    lines = [f"[bold]{grid.title}[/]", " Mon Tue Wed Thu Fri Sat Sun"]
    lines += ["".join(_cell_text(c) for c in week).rstrip() for week in grid.weeks]
    for h in grid.days_off:
        mark = "#" if h.origin == "closure" else "*"
        lines.append(
            f"  {mark} {format_long(h.date)}: {escape(visible(h.label))} ({origin_label(h.origin)})"
        )
    return lines


def print_months(
    console: Console, grids: Sequence[MonthGrid], division: str, closures: int
) -> None:
    console.print(f"Calendar: {division}. {closures_note(closures)}")
    for grid in grids:
        console.print()
        for line in grid_lines(grid):
            console.print(line)
    console.print()
    console.print(LEGEND)


# -- info --------------------------------------------------------------------------


def info_record(info: DataInfo) -> dict[str, Any]:
    """``calendar info --format json``."""
    return {
        "origin": info.origin,
        "source": origin_label(info.origin),
        "path": str(info.path),
        "sha256": info.sha256,
        "first_date": info.first_date.isoformat(),
        "last_date": info.last_date.isoformat(),
        "divisions": [
            {
                "division": d.division,
                "first_holiday": d.first.isoformat(),
                "last_holiday": d.last.isoformat(),
                "weekday_holidays": d.weekday_holidays,
            }
            for d in info.divisions
        ],
        "patches_applied": [_patch(p) for p in info.patches_applied],
        "patches_skipped": [_patch(p) for p in info.patches_skipped],
        "imported": None
        if info.imported is None
        else {
            "path": str(info.imported.path),
            "sha256": info.imported.sha256,
            "in_use": info.imported.in_use,
        },
        "as_of": info.as_of.isoformat(),
        "needed_until": info.needed_until.isoformat(),
        "time_left": info.time_left,
        "stale": info.stale,
        "closures_file": None if info.closures_file is None else str(info.closures_file),
        "closures": [{"date": d.isoformat(), "name": n} for d, n in info.closures],
    }


def _patch(p: Any) -> dict[str, str]:
    return {
        "division": p.division,
        "date": p.date.isoformat(),
        "title": p.title,
        "source": p.source,
    }


def info_lines(info: DataInfo) -> list[str]:
    """``calendar info`` as plain lines (no markup)."""
    lines = [
        f"Bank-holiday data in use: {origin_label(info.origin)}",
        f"  file:    {info.path}",
        f"  sha256:  {info.sha256}",
        f"  covers:  {info.first_date.isoformat()} to {info.last_date.isoformat()}",
        "Per division (weekday bank holidays in the file, with patches):",
    ]
    for d in info.divisions:
        lines.append(
            f"  {d.division:<18} {d.first.isoformat()} to {d.last.isoformat()}"
            f"  {d.weekday_holidays} days"
        )
    lines.append("Patches applied:" + ("" if info.patches_applied else " none"))
    lines += [
        f"  {p.division} {p.date.isoformat()} {visible(p.title)}" for p in info.patches_applied
    ]
    lines.append(
        "Patches skipped (already in the data):" + ("" if info.patches_skipped else " none")
    )
    lines += [
        f"  {p.division} {p.date.isoformat()} {visible(p.title)}" for p in info.patches_skipped
    ]
    if info.imported is None:
        lines.append("Imported file: none (wtcheck calendar import FILE brings one in)")
    else:
        use = "in use" if info.imported.in_use else "not in use for this run (--calendar given)"
        lines.append(f"Imported file: {info.imported.path} ({use})")
        lines.append(f"  sha256:  {info.imported.sha256}")
    if info.closures_file is not None:
        lines.append(f"Local closure days: {info.closures_file} ({len(info.closures)} days)")
        lines += [f"  # {format_long(d)}: {visible(n)}" for d, n in info.closures]
    else:
        lines.append("Local closure days: off (--closures FILE turns them on)")
    lines.append(
        f"As of {info.as_of.isoformat()}: the data runs out in {info.time_left}; "
        f"it must reach {info.needed_until.isoformat()} (12 months ahead)."
    )
    if info.stale:
        lines += [
            f"WARNING: the data ends on {info.last_date.isoformat()}, within 12 months of "
            f"{info.as_of.isoformat()}. Dates after it are projected from rules and miss "
            "one-off bank holidays.",
            "  To refresh: download https://www.gov.uk/bank-holidays.json and run "
            "'wtcheck calendar import bank-holidays.json', or install a newer wtcheck.",
        ]
    else:
        lines.append("OK: the data covers the next 12 months.")
    return lines


# -- import diff ---------------------------------------------------------------------


def diff_lines(diffs: Sequence[DivisionDiff]) -> list[str]:
    """What an import changes, per division, one change a line."""
    lines: list[str] = []
    for d in diffs:
        if d.empty:
            lines.append(f"{d.division}: no change")
            continue
        lines.append(f"{d.division}:")
        lines += [f"  + added    {format_long(h.date)}  {visible(h.title)}" for h in d.added]
        lines += [f"  - removed  {format_long(h.date)}  {visible(h.title)}" for h in d.removed]
        lines += [
            f"  > moved    {format_long(m.old)} -> {format_long(m.new)}  {visible(m.title)}"
            for m in d.moved
        ]
        lines += [
            f"  ~ renamed  {format_long(r.date)}  {visible(repr(r.old))} -> {visible(repr(r.new))}"
            for r in d.renamed
        ]
    return lines
