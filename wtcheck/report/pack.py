"""Everything one report shows, computed once from the findings frame.

:func:`build` takes the frame of :func:`wtcheck.report.source.audit_frame`
(or one built by hand) and returns a :class:`Pack`: the summary by period
and group, the England figures that match its rules, the rows behind each
cell (with ``detail``) and, for the HTML report, the monthly trend, the
figures by group and the band counts over the whole span. Renderers only
lay these out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from wtcheck.calendar.workdays import Calendar
from wtcheck.report.measures import england_label
from wtcheck.report.period import Period
from wtcheck.report.summary import (
    completions,
    detail,
    england_table,
    rules_of,
    summarise,
    totals,
)
from wtcheck.rules.model import Rule


@dataclass(frozen=True)
class Pack:
    as_of: date
    period: Period
    by: tuple[str, ...]
    division: str
    rules: dict[str, Rule | None]
    summary: pl.DataFrame
    england: pl.DataFrame
    detail: pl.DataFrame | None = None
    trend: pl.DataFrame | None = None
    """Per rule and month, every group together (HTML only)."""
    by_group: pl.DataFrame | None = None
    """Per rule and group, the whole span (HTML only; None without --by)."""
    overall: pl.DataFrame | None = None
    """Per rule, the whole span, with its band counts and days taken (HTML only)."""
    days: pl.DataFrame | None = None
    """Per rule and working days taken, how many completions (HTML only)."""

    def sections(self) -> list[tuple[str, pl.DataFrame]]:
        """Named tables for a workbook: Summary, England (if any matched), Detail."""
        out = [("Summary", self.summary)]
        if self.england.height:
            out.append(("England", self.england))
        if self.detail is not None:
            out.append(("Detail", self.detail))
        return out

    def notes(self, heading: str, convention: str) -> list[str]:
        lines = [heading, convention]
        if self.england.height:
            lines.append(
                f"England figures: {england_label()}; shown only beside the rule that "
                "measures the same thing, never as this authority's own."
            )
        return lines


def build(
    frame: pl.DataFrame,
    *,
    cal: Calendar,
    as_of: date,
    period: Period = Period.MONTH,
    by: Sequence[str] = (),
    with_detail: bool = False,
    for_html: bool = False,
    extra_rules: Sequence[Rule] = (),
) -> Pack:
    """The report of *frame* as of *as_of* (see module)."""
    by = tuple(by)
    rules = rules_of(frame, extra_rules)
    summary = summarise(frame, cal=cal, as_of=as_of, period=period, by=by, rules=rules)
    pack = Pack(
        as_of, period, by, cal.division, rules, summary, england_table(rules)
    )  # fmt: skip
    extras: dict[str, pl.DataFrame | None] = {}
    if with_detail or for_html:
        done = completions(frame, cal=cal, period=period, by=by)
        if with_detail:
            extras["detail"] = detail(done, by, period, rules)
        if for_html:
            extras["trend"] = (
                summary
                if period is Period.MONTH and not by
                else summarise(frame, cal=cal, as_of=as_of, period=Period.MONTH, rules=rules)
            )
            if by:
                label = pl.concat_str([pl.col(b) for b in by], separator=" / ")
                extras["by_group"] = totals(done.with_columns(group=label), ["rule", "group"])
            extras["overall"] = totals(done, ["rule"])
            extras["days"] = (
                done.group_by("rule", "days_taken").agg(count=pl.len()).sort("rule", "days_taken")
            )
    if not extras:
        return pack
    from dataclasses import replace

    return replace(pack, **extras)  # type: ignore[arg-type]
