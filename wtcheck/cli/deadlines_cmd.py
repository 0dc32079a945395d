"""``wtcheck deadlines``: every deadline the given dates determine.

One option per date concept (:mod:`wtcheck.concepts`), generated from that
table, so a new concept gets its option without touching this module.
"""

from __future__ import annotations

import inspect
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from wtcheck.cli.options import (
    OUT,
    AsOfOpt,
    CalendarFileOpt,
    ClearDaysOpt,
    ClosuresOpt,
    ConfigOpt,
    CountStartDayOpt,
    DivisionOpt,
    EditionOpt,
    FeedFormat,
    InclusiveOpt,
    LandlordOpt,
    RRAnchorOpt,
    WideOpt,
    complete_rule_ids,
    parse_arg,
)
from wtcheck.concepts import CONCEPTS
from wtcheck.errors import InputError

DATES = "Dates (day first: 2023-05-05, 05/05/2023, 5 May 2023)"


def deadlines(**kwargs: Any) -> None:
    """Every deadline the given dates determine, with its source and force.

    Give the dates you know; each rule whose trigger date is given (and that was in force on it) is computed. Narrower than 140 columns, each deadline is printed as a stacked entry.

    Example: wtcheck deadlines --aware 22/12/2025 --incident 20/12/2025 --as-of 05/01/2026
    """
    # imported here, not with the module: registering the command (and its
    # --help) needs only the options, built from wtcheck.concepts
    from wtcheck.cli.context import Context
    from wtcheck.deadlines import deadlines_for, excluded, needed_dates
    from wtcheck.render import deadlines_view
    from wtcheck.rules import get_rule

    dates: dict[str, date] = {}
    for c in CONCEPTS:
        value = kwargs.get(c.key)
        if value:
            dates[c.key] = parse_arg(c.option, value)
    ctx = Context.build(
        config=kwargs["config"],
        division=kwargs["division"],
        calendar=kwargs["calendar"],
        closures=kwargs["closures"],
        as_of=kwargs["as_of"],
        rr_anchor=kwargs["rr_anchor"],
        count_start_day=kwargs["count_start_day"],
        clear_days=kwargs["clear_days"],
        inclusive=kwargs["inclusive"],
        edition=kwargs["edition"],
        wide=kwargs["wide"],
    )
    as_of, opts = ctx.as_of, ctx.options
    if kwargs["landlord"]:
        opts = opts._replace(landlord=kwargs["landlord"].value)
    extra = ctx.config.local_rules
    rules = [get_rule(r, extra) for r in kwargs["rule"]] if kwargs["rule"] else None
    if not dates:
        raise InputError("no dates given; 'wtcheck deadlines --help' lists the date options")
    cal = ctx.calendar
    items = deadlines_for(dates, cal, opts, rules, extra)
    if rules:
        for rule in rules:
            if not any(d.rule.id == rule.id for d in items):
                reason = excluded(rule, dates)
                if reason:
                    raise InputError(f"--rule {rule.id}: not computed for this case: {reason}")
                if not rule.computable:
                    raise InputError(
                        f"--rule {rule.id}: no national timescale to compute; "
                        f"set one in the config file ([rules.{rule.id}])"
                    )
                keys = needed_dates(rule, opts)
                options = " or ".join(next(c.option for c in CONCEPTS if c.key == k) for k in keys)
                raise InputError(
                    f"--rule {rule.id}: needs {options} (a date on which the rule was in force)"
                )
    if not items:
        raise InputError("none of the given dates triggers a rule in force on that date")
    fmt = kwargs["format"]
    if fmt is FeedFormat.ICS:
        from wtcheck.render.ics import deadline_events, render_ics

        events = deadline_events(items, cal, as_of, kwargs["case"] or "")
        sys.stdout.write(render_ics(events, as_of=as_of, name="wtcheck deadlines"))
    elif fmt is FeedFormat.JSON:
        deadlines_view.write_json(sys.stdout, items, cal, as_of)
    elif fmt is FeedFormat.CSV:
        deadlines_view.write_deadlines_csv(sys.stdout, items, cal, as_of)
    else:
        deadlines_view.print_table(ctx.printer(), items, cal, as_of)


def _param(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


_PARAMS = [
    _param(
        c.key,
        Annotated[
            str | None,
            typer.Option(
                c.option,
                metavar="DATE",
                help=c.label[0].upper() + c.label[1:] + ".",
                rich_help_panel=DATES,
            ),
        ],
        None,
    )
    for c in CONCEPTS
]
_PARAMS += [
    _param("rule", Annotated[list[str], typer.Option("--rule", "-r", metavar="ID", help="Only this rule (repeatable); 'wtcheck rules' lists ids.", autocompletion=complete_rule_ids)], []),
    _param("rr_anchor", RRAnchorOpt, None),
    _param("edition", EditionOpt, None),
    _param("count_start_day", CountStartDayOpt, False),
    _param("clear_days", ClearDaysOpt, False),
    _param("inclusive", InclusiveOpt, False),
    _param("landlord", LandlordOpt, None),
    _param("as_of", AsOfOpt, None),
    _param("division", DivisionOpt, None),
    _param("calendar", CalendarFileOpt, None),
    _param("closures", ClosuresOpt, None),
    _param("config", ConfigOpt, None),
    _param("format", Annotated[FeedFormat, typer.Option("--format", "-f", metavar="table|json|csv|ics", help="Output format (ics: an iCalendar file for Outlook or Google Calendar).", rich_help_panel=OUT)], FeedFormat.TABLE),
    _param("wide", WideOpt, False),
    _param("case", Annotated[str | None, typer.Option("--case", metavar="REF", help="Case reference, shown in calendar events (--format ics) and part of their UIDs.", rich_help_panel=OUT)], None),
]  # fmt: skip
deadlines.__signature__ = inspect.Signature(_PARAMS)  # type: ignore[attr-defined]
_ = Path  # CalendarFileOpt's annotation refers to Path
