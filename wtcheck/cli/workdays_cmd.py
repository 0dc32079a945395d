"""``wtcheck workdays``: working-day arithmetic for any local timescale."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wtcheck.cli.options import (
    WORDS,
    CalendarFileOpt,
    ClearDaysOpt,
    ClosuresOpt,
    ConfigOpt,
    CountStartDayOpt,
    DivisionOpt,
    TextFormat,
    count_type,
    parse_arg,
)
from wtcheck.dates import format_long
from wtcheck.render.safe_text import safe_json, visible

if TYPE_CHECKING:
    from wtcheck.calendar.workdays import Calendar

app = typer.Typer(
    help=(
        "Working-day arithmetic: add, sub, between, is. The start date never counts. "
        "The calendar is --division and --closures, else the config file's \\[calendar] "
        "division and closures, else england-and-wales.\n\n"
        "Example: wtcheck workdays add 22/12/2025 5"
    ),
    no_args_is_help=True,
)

DateArg = Annotated[
    str,
    typer.Argument(
        metavar="DATE",
        help="A date, day first (2023-05-05, 05/05/2023, 5 May 2023).",
        show_default=False,
        click_type=WORDS,
    ),
]
CountArg = Annotated[
    int,
    typer.Argument(
        metavar="N",
        help="Number of working days (1 or more).",
        show_default=False,
        click_type=count_type(1),
    ),
]
FormatOpt = Annotated[
    TextFormat, typer.Option("--format", "-f", metavar="text|json", help="Output format.")
]


def _emit(fmt: TextFormat, record: dict[str, Any], text: str) -> None:
    if fmt is TextFormat.JSON:
        typer.echo(safe_json(json.dumps(record, ensure_ascii=False)))
    else:
        typer.echo(text)


def _projected_text(projected: bool) -> str:
    return "  (projected calendar: year outside the GOV.UK data)" if projected else ""


def _emit_date(
    fmt: TextFormat, cal: Calendar, given: tuple[str, date], result: date, extra: dict[str, Any]
) -> None:
    """Print a computed date (text, or JSON echoing the inputs)."""
    projected = cal.is_projected(given[1], result)
    record = {
        "date": result.isoformat(),
        given[0]: given[1].isoformat(),
        **extra,
        "division": cal.division,
        "projected": projected,
    }
    _emit(fmt, record, f"{format_long(result)}{_projected_text(projected)}")


@app.command("add")
def add(
    start: DateArg,
    n: CountArg,
    count_start_day: CountStartDayOpt = False,
    division: DivisionOpt = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = TextFormat.TEXT,
) -> None:
    """The N-th working day strictly after DATE ('within N working days of DATE').

    Example: wtcheck workdays add 22/12/2025 5  (prints Wed 31 Dec 2025)
    """
    from wtcheck.calendar.workdays import add_workdays
    from wtcheck.cli.context import Context

    d = parse_arg("DATE", start)
    ctx = Context.build(
        config=config,
        division=division,
        calendar=calendar,
        closures=closures,
        count_start_day=count_start_day,
    )
    cal = ctx.calendar
    first = ctx.options.count_start_day
    result = add_workdays(cal, d, n, count_start_day=first)
    _emit_date(fmt, cal, ("start", d), result, {"n": n, "count_start_day": first})


@app.command("sub")
def sub(
    target: DateArg,
    n: CountArg,
    clear_days: ClearDaysOpt = False,
    division: DivisionOpt = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = TextFormat.TEXT,
) -> None:
    """DATE stepped back N working days ('no later than N working days before DATE').

    Example: wtcheck workdays sub 05/01/2026 3  (prints Tue 30 Dec 2025)
    """
    from wtcheck.calendar.workdays import sub_workdays
    from wtcheck.cli.context import Context

    d = parse_arg("DATE", target)
    ctx = Context.build(
        config=config,
        division=division,
        calendar=calendar,
        closures=closures,
        clear_days=clear_days,
    )
    cal = ctx.calendar
    clear = ctx.options.clear_days
    result = sub_workdays(cal, d, n, clear_days=clear)
    _emit_date(fmt, cal, ("target", d), result, {"n": n, "clear_days": clear})


@app.command("between")
def between(
    start: Annotated[
        str,
        typer.Argument(
            metavar="A", help="First date (not counted).", show_default=False, click_type=WORDS
        ),
    ],
    end: Annotated[
        str,
        typer.Argument(
            metavar="B", help="Second date (counted).", show_default=False, click_type=WORDS
        ),
    ],
    division: DivisionOpt = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = TextFormat.TEXT,
) -> None:
    """Working days in (A, B]: A excluded, B included; negative when B is before A.

    Example: wtcheck workdays between 22/12/2025 31/12/2025  (prints 5)
    """
    from wtcheck.cli.context import Context

    a = parse_arg("A", start)
    b = parse_arg("B", end)
    cal = Context.build(
        config=config, division=division, calendar=calendar, closures=closures
    ).calendar
    n = cal.between(a, b)
    projected = cal.is_projected(a, b)
    record = {
        "count": n,
        "start": a.isoformat(),
        "end": b.isoformat(),
        "division": cal.division,
        "counted": "start excluded, end included",
        "projected": projected,
    }
    _emit(fmt, record, f"{n}{_projected_text(projected)}")


@app.command("is")
def is_(
    day: DateArg,
    division: DivisionOpt = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = TextFormat.TEXT,
) -> None:
    """Whether DATE is a working day, and if not, why. Exit 0 either way.

    Example: wtcheck workdays is 26/12/2025
    """
    from wtcheck.cli.context import Context

    d = parse_arg("DATE", day)
    cal = Context.build(
        config=config, division=division, calendar=calendar, closures=closures
    ).calendar
    working = cal.is_working(d)
    holiday = cal.holiday(d)
    if working:
        reason = "working day"
    elif d.weekday() >= 5:
        reason = f"{d:%A}"
    else:
        reason = (
            f"bank holiday: {holiday.label}"
            if holiday and holiday.origin != "closure"
            else (f"closure day: {holiday.title}" if holiday else "non-working day")
        )
    projected = cal.is_projected(d)
    record = {
        "date": d.isoformat(),
        "working": working,
        "reason": reason,
        "division": cal.division,
        "projected": projected,
    }
    word = "a working day" if working else f"not a working day ({visible(reason)})"
    _emit(fmt, record, f"{format_long(d)} is {word}{_projected_text(projected)}")
