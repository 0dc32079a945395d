"""``wtcheck explain RULE DATE``: show how one deadline is counted, day by day."""

from __future__ import annotations

from typing import Annotated

import typer

from wtcheck.cli.options import (
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
    counting_options,
    edition_arg,
    open_calendar,
    parse_arg,
)


def explain(
    rule: Annotated[
        str, typer.Argument(metavar="RULE", help="Rule id ('wtcheck rules' lists them).")
    ],
    day: Annotated[str, typer.Argument(metavar="DATE", help="The trigger date (day first).")],
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
) -> None:
    """Show how a deadline is counted, day by day, with the rule's wording and source.

    A compact calendar of the weeks involved: the trigger marked, each counted working
    day numbered, bank holidays and closure days named, the deadline starred. Then the
    rule's wording, force, sources and the counting convention used.

      wtcheck explain sin-panel 22/12/2025
    """
    from wtcheck.config import load_config
    from wtcheck.explain import explain as build
    from wtcheck.render.console import make_console
    from wtcheck.render.explain_view import print_explanation

    trigger = parse_arg("DATE", day)
    cfg = load_config(config)
    opts = counting_options(
        cfg,
        rr_anchor=rr_anchor,
        count_start_day=count_start_day,
        clear_days=clear_days,
        inclusive=inclusive,
        edition=edition_arg(edition),
    )
    if landlord:
        opts = opts._replace(landlord=landlord.value)
    cal = open_calendar(division, calendar, closures, cfg, as_of=trigger)
    print_explanation(make_console(), build(rule, trigger, cal, opts, cfg.local_rules))
