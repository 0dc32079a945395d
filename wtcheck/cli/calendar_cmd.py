"""``wtcheck calendar``: see, check, refresh and extend the bank-holiday data.

Thin commands over :mod:`wtcheck.calendar.report` (list, show, info) and
:mod:`wtcheck.calendar.importer` (import, reset); the views live in
:mod:`wtcheck.render.calendar_view`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from wtcheck.cli.options import (
    OUT,
    WORDS,
    CalendarFileOpt,
    ClosuresOpt,
    ConfigOpt,
    DivisionOpt,
    TableFormat,
    TextFormat,
    TodayOpt,
    WideOpt,
    count_type,
    parse_arg,
)
from wtcheck.errors import CalendarDataError, InputError

app = typer.Typer(
    help=(
        "See, check, refresh and extend the bank-holiday data wtcheck counts on.\n\n"
        "Example: wtcheck calendar list --year 2026"
    ),
    no_args_is_help=True,
)

YesOpt = Annotated[
    bool,
    typer.Option("--yes", "-y", help="Do it without asking (required when not on a terminal)."),
]


@app.command("list")
def list_(
    division: DivisionOpt = None,
    year: Annotated[
        int | None, typer.Option("--year", metavar="YEAR", help="One calendar year.")
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="First day (default: start of the data)."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", help="Last day (default: end of the data's last year)."
        ),
    ] = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: Annotated[
        TableFormat,
        typer.Option(
            "--format", "-f", metavar="table|json|csv", help="Output format.", rich_help_panel=OUT
        ),
    ] = TableFormat.TABLE,
    wide: WideOpt = False,
) -> None:
    r"""Every non-working weekday (bank holidays, closure days) with its name and source.

    The division and closure days are the options', else the config file's \[calendar] ones.

    Example: wtcheck calendar list --year 2026 --division scotland
    """
    from wtcheck.calendar.report import list_range, non_working_weekdays
    from wtcheck.cli.context import Context
    from wtcheck.render import calendar_view

    lo_arg = parse_arg("--from", start) if start else None
    hi_arg = parse_arg("--to", end) if end else None
    ctx = Context.build(
        config=config, division=division, calendar=calendar, closures=closures, wide=wide
    )
    cal = ctx.calendar
    lo, hi = list_range(cal.data, year, lo_arg, hi_arg)
    days = non_working_weekdays(cal, lo, hi)
    if fmt is TableFormat.JSON:
        calendar_view.write_list_json(sys.stdout, days)
    elif fmt is TableFormat.CSV:
        calendar_view.write_list_csv(sys.stdout, days)
    else:
        span = str(year) if year is not None else f"{lo.isoformat()} to {hi.isoformat()}"
        calendar_view.print_list(ctx.console(), days, cal.division, span, len(cal.closures))


_MONTH = re.compile(r"(\d{4})-(\d{1,2})$")


@app.command("show")
def show(
    month: Annotated[
        str | None,
        typer.Argument(
            metavar="MONTH",
            help="First month, YYYY-MM (default: the --as-of month).",
            show_default=False,
            click_type=WORDS,
        ),
    ] = None,
    months: Annotated[
        int,
        typer.Option(
            "--months",
            "-n",
            metavar="N",
            help="How many months to show (1 to 36).",
            click_type=count_type(1, 36),
        ),
    ] = 1,
    as_of: TodayOpt = None,
    division: DivisionOpt = None,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Month grids with weekends (.), bank holidays (*) and closure days (#) marked and named.

    Example: wtcheck calendar show 2025-12 --months 2
    """
    from datetime import date

    from wtcheck.calendar.report import month_grid, months_from
    from wtcheck.cli.context import Context
    from wtcheck.render import calendar_view

    ctx = Context.build(
        config=config, division=division, calendar=calendar, closures=closures, as_of=as_of
    )
    first = ctx.as_of
    if month is not None:
        m = _MONTH.match(month.strip())
        if m is None or not 1 <= int(m[2]) <= 12:
            raise InputError(f"MONTH: {month!r}: expected a month such as 2026-12 (YYYY-MM)")
        from wtcheck.calendar.data import check_year

        check_year(int(m[1]), f"MONTH {month.strip()}")
        first = date(int(m[1]), int(m[2]), 1)
    cal = ctx.calendar
    grids = [month_grid(cal, y, mo) for y, mo in months_from(first, months)]
    calendar_view.print_months(ctx.console(), grids, cal.division, len(cal.closures))


@app.command("info")
def info(
    as_of: TodayOpt = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 when the data ends within 12 months of the as-of date (for cron jobs).",
        ),
    ] = False,
    calendar: CalendarFileOpt = None,
    closures: ClosuresOpt = None,
    config: ConfigOpt = None,
    fmt: Annotated[
        TextFormat,
        typer.Option(
            "--format", "-f", metavar="text|json", help="Output format.", rich_help_panel=OUT
        ),
    ] = TextFormat.TEXT,
    wide: WideOpt = False,
) -> None:
    """The data in use: source, sha256, dates covered, patches, imported file, time left.

    Example (cron, exit 1 when the data needs refreshing): wtcheck calendar info --check
    """
    import json

    from wtcheck.calendar.closures import load_closures
    from wtcheck.calendar.data import load_data
    from wtcheck.calendar.report import data_info
    from wtcheck.cli.context import Context
    from wtcheck.render import calendar_view

    ctx = Context.build(config=config, closures=closures, as_of=as_of)
    closures_path = ctx.closures_path
    result = data_info(
        load_data(calendar),
        ctx.as_of,
        closures=load_closures(closures_path) if closures_path else (),
        closures_file=closures_path,
    )
    if fmt is TextFormat.JSON:
        from wtcheck.render.safe_text import safe_json

        record = calendar_view.info_record(result)
        typer.echo(safe_json(json.dumps(record, ensure_ascii=False, indent=2)))
    else:
        from wtcheck.render.console import text_width
        from wtcheck.render.stacked import hang_wrap

        width = text_width(wide=wide)
        for line in calendar_view.info_lines(result):
            typer.echo("\n".join(hang_wrap(line, width)))
    if check and result.stale:
        raise typer.Exit(1)


def stdin_is_terminal() -> bool:
    """Whether a person can answer a question (tests replace this)."""
    return sys.stdin.isatty()


def _confirm(yes: bool, question: str, flag_hint: str) -> bool:
    """--yes, else ask on a terminal; off a terminal, without --yes, refuse (exit 2)."""
    if yes:
        return True
    if not stdin_is_terminal():
        raise InputError(f"{flag_hint}: stdin is not a terminal, so nothing was changed; add --yes")
    return typer.confirm(question, default=False)


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="A GOV.UK bank-holidays.json you downloaded.", dir_okay=False, show_default=False
        ),
    ],
    yes: YesOpt = False,
) -> None:
    """Check a newer GOV.UK bank-holidays.json, show what changes, and keep it (user data folder).

    Example: wtcheck calendar import ~/Downloads/bank-holidays.json
    """
    from wtcheck.calendar.data import load_data
    from wtcheck.calendar.importer import diff_data, read_candidate, store_import
    from wtcheck.calendar.report import origin_label
    from wtcheck.render.calendar_view import diff_lines

    try:
        raw, new = read_candidate(file)
    except CalendarDataError as exc:
        raise CalendarDataError(f"{exc}; nothing was imported") from None
    old = load_data(None)
    typer.echo(
        f"{file}: valid GOV.UK file, {new.first_date.isoformat()} to {new.last_date.isoformat()}, "
        f"sha256 {new.sha256}"
    )
    typer.echo(
        f"Data in use: {origin_label(old.origin)}, {old.first_date.isoformat()} to "
        f"{old.last_date.isoformat()}"
    )
    if new.sha256 == old.sha256:
        typer.echo("The file is identical to the data in use: nothing to do.")
        return
    typer.echo("Changes (weekdays, per division):")
    typer.echo("\n".join(diff_lines(diff_data(old, new))))
    if new.last_date < old.last_date:
        typer.echo(
            f"Note: this file ends on {new.last_date.isoformat()}, earlier than the data in use."
        )
    if not _confirm(yes, "Import this file?", "import"):
        typer.echo("Not imported; nothing changed.")
        return
    target = store_import(raw)
    typer.echo(
        f"Imported: stored as {target}; every command now uses it. "
        "'wtcheck calendar reset' goes back to the bundled copy."
    )


@app.command("reset")
def reset(yes: YesOpt = False) -> None:
    """Forget the imported file and go back to the copy bundled with wtcheck.

    Example: wtcheck calendar reset --yes
    """
    from wtcheck.calendar.data import imported_path
    from wtcheck.calendar.importer import remove_import

    if not imported_path().is_file():
        typer.echo("No imported file: wtcheck already uses its bundled copy.")
        return
    if not _confirm(yes, f"Remove {imported_path()}?", "reset"):
        typer.echo("Not removed; nothing changed.")
        return
    removed = remove_import()
    typer.echo(f"Removed {removed}; wtcheck uses its bundled copy again.")
