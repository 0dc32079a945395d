"""The timeliness report as people read it: per rule, a table of its periods.

Shared by the terminal table and the HTML report: which columns each rule's
table shows, their headings and how each figure is written. Data from the
input (group values, rule names) is shown as text, never as markup or
terminal control sequences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import polars as pl

from wtcheck.report.measures import Band, bands_for
from wtcheck.rules.model import Rule

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.render.plain import PlainConsole

FIGURES: tuple[tuple[str, str], ...] = (
    ("completed", "Completed"),
    ("on_time", "On time"),
    ("pct_on_time", "% on time"),
    ("q1_days", "Q1"),
    ("median_days", "Median"),
    ("q3_days", "Q3"),
    ("open_at_end", "Open at end"),
    ("overdue_at_end", "Overdue at end"),
)
"""Summary columns of each rule's main table, with their headings."""

CONVENTION = (
    "Working days taken: the working days after the start up to and including the "
    "completion day, bank holidays of {division} excluded (done the same day = 0); "
    "quartiles interpolated linearly. Completions count in the period of their "
    "completion date; financial years run 1 April - 31 March."
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """*text* without control characters (no escape sequence reaches a terminal)."""
    return _CONTROL.sub("\ufffd", text)


def number(value: Any) -> str:
    """A figure as shown: integers plain, others to one decimal place, blank for none."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}" if value != int(value) else f"{value:.0f}"
    return str(value)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%"


def rule_title(rule_id: str, rule: Rule | None) -> str:
    return clean(f"{rule_id}: {rule.name}" if rule else rule_id)


def by_rule(summary: pl.DataFrame) -> Iterator[tuple[str, pl.DataFrame]]:
    """Each rule's rows of the summary, rules in order."""
    for rule_id in summary.get_column("rule").unique().sort().to_list():
        yield rule_id, summary.filter(pl.col("rule") == rule_id)


def main_table(rows: pl.DataFrame, by: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """(headings, cells) of one rule's table: period, groups, then FIGURES."""
    headings = ["Period", *(clean(b) for b in by), *(h for _, h in FIGURES)]
    cells = [
        [
            r["period"],
            *(clean(r[b]) for b in by),
            *(percent(r[c]) if c == "pct_on_time" else number(r[c]) for c, _ in FIGURES),
        ]
        for r in rows.iter_rows(named=True)
    ]
    return headings, cells


def band_table(
    rows: pl.DataFrame, by: Sequence[str], bands: Sequence[Band]
) -> tuple[list[str], list[list[str]]]:
    """(headings, cells) of one rule's DfE bands: period, groups, a column per band."""
    headings = ["Period", *(clean(b) for b in by), *(b.label for b in bands)]
    cells = [
        [r["period"], *(clean(r[b]) for b in by), *(number(r[b.column]) for b in bands)]
        for r in rows.iter_rows(named=True)
    ]
    return headings, cells


def england_line(england: pl.DataFrame, rule_id: str) -> list[str]:
    """One line per England figure of *rule_id*: measure, year, figures, source."""
    return [
        f"{r['label']}: {r['measure']}, {r['year']}: {r['pct_within']:.1f}% "
        f"({r['within']:,} of {r['total']:,}); quartiles {r['q1_days']} / "
        f"{r['median_days']} / {r['q3_days']} working days. Source: {r['source']}."
        for r in england.filter(pl.col("rule") == rule_id).iter_rows(named=True)
    ]


def print_report(
    console: Console | PlainConsole,
    summary: pl.DataFrame,
    england: pl.DataFrame,
    rules: Mapping[str, Rule | None],
    by: Sequence[str],
    heading: str,
    convention: str,
) -> None:
    """Per rule: its title, England's matching figure, its table and its bands."""
    from wtcheck.render.console import make_table
    from wtcheck.render.plain import escape_markup

    console.print(clean(heading), markup=False, highlight=False)
    console.print(convention, markup=False, highlight=False)
    if not summary.height:
        console.print("Nothing completed or open in the findings.", markup=False)
    for rule_id, rows in by_rule(summary):
        console.print("", markup=False)
        console.print(rule_title(rule_id, rules.get(rule_id)), markup=False, highlight=False)
        for line in england_line(england, rule_id):
            console.print(line, markup=False, highlight=False)
        sections = [main_table(rows, by)]
        bands = bands_for(rules.get(rule_id))
        if bands:
            sections.append(band_table(rows, by, bands))
        for n, (headings, cells) in enumerate(sections):
            title = "DfE bands (working days taken)" if n else None
            table = make_table(console, *map(escape_markup, headings), title=title)
            for row in cells:
                table.add_row(*map(escape_markup, row))
            console.print(table)


def long_date(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"
