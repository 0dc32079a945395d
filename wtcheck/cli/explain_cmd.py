"""``wtcheck explain RULE DATE``: show how one deadline is counted, day by day."""

from __future__ import annotations

from typing import Annotated

import typer

from wtcheck.cli.options import (
    WORDS,
    CalendarFileOpt,
    ClearDaysOpt,
    ClosuresOpt,
    ConfigOpt,
    CountStartDayOpt,
    DivisionOpt,
    EditionOpt,
    InclusiveOpt,
    LandlordOpt,
    RRAnchorOpt,
    WideOpt,
    complete_rule_ids,
    parse_arg,
)


def explain(
    rule: Annotated[
        str,
        typer.Argument(
            metavar="RULE",
            help="Rule id ('wtcheck rules' lists them).",
            click_type=WORDS,
            autocompletion=complete_rule_ids,
        ),
    ],
    day: Annotated[
        str,
        typer.Argument(metavar="DATE", help="The trigger date (day first).", click_type=WORDS),
    ],
    division: DivisionOpt = None,
    edition: EditionOpt = None,
    rr_anchor: RRAnchorOpt = None,
    count_start_day: CountStartDayOpt = False,
    clear_days: ClearDaysOpt = False,
    inclusive: InclusiveOpt = False,
    landlord: LandlordOpt = None,
    closures: ClosuresOpt = None,
    calendar: CalendarFileOpt = None,
    config: ConfigOpt = None,
    wide: WideOpt = False,
) -> None:
    """Show how a deadline is counted, day by day, with the rule's wording and source.

    A compact calendar of the weeks involved: the trigger marked, each counted working day numbered, bank holidays and closure days named, the deadline starred. Then the rule's wording, force, sources and the counting convention used.

    Example: wtcheck explain sin-panel 22/12/2025
    """
    from wtcheck.cli.context import Context
    from wtcheck.explain import explain as build
    from wtcheck.render.explain_view import print_explanation

    trigger = parse_arg("DATE", day)
    ctx = Context.build(
        config=config,
        division=division,
        calendar=calendar,
        closures=closures,
        as_of=trigger,  # the data-freshness warning is about the dates counted
        rr_anchor=rr_anchor,
        count_start_day=count_start_day,
        clear_days=clear_days,
        inclusive=inclusive,
        edition=edition,
        wide=wide,
    )
    opts = ctx.options
    if landlord:
        opts = opts._replace(landlord=landlord.value)
    expl = build(rule, trigger, ctx.calendar, opts, ctx.config.local_rules)
    print_explanation(ctx.console(), expl)
