"""Options shared by several commands, defined once (Annotated aliases)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer._click import core as click_core
from typer._click import types as click_types  # typer 0.28 vendors click (pyproject pins <0.29)

from wtcheck import clock
from wtcheck.calendar.data import DEFAULT_DIVISION
from wtcheck.config import Config
from wtcheck.dates import parse_date
from wtcheck.errors import DateError, InputError

if TYPE_CHECKING:
    from wtcheck.calendar.workdays import Calendar
    from wtcheck.deadlines import Options


class Division(StrEnum):
    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"
    UK_ANY = "uk-any"


class TableFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class TextFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


CAL = "Calendar"
COUNT = "Counting"
OUT = "Output"

DivisionOpt = Annotated[
    Division | None,
    typer.Option(
        "--division",
        "-d",
        metavar="DIVISION",
        help="Bank-holiday calendar: GOV.UK division, or uk-any (a holiday anywhere in the UK). Default: england-and-wales, or the config file's.",
        rich_help_panel=CAL,
    ),
]

ClosuresOpt = Annotated[
    Path | None,
    typer.Option(
        "--closures",
        metavar="FILE",
        help="Treat the days listed in this file as non-working (local closure days; off by default).",
        rich_help_panel=CAL,
        dir_okay=False,
    ),
]

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Configuration file (default: ./wtcheck.toml, else the user config folder's).",
        dir_okay=False,
    ),
]

CalendarFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--calendar",
        metavar="FILE",
        help="Use this GOV.UK bank-holidays.json for this run only.",
        rich_help_panel=CAL,
        dir_okay=False,
    ),
]

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Count working days left from this date instead of today (reproducible runs).",
        rich_help_panel=COUNT,
    ),
]

TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Take this date as today (the default month; the data-freshness check).",
        rich_help_panel=COUNT,
    ),
]

WideOpt = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="Piped or redirected: do not fit the output to 100 columns (or COLUMNS); full tables, long lines.",
        rich_help_panel=OUT,
    ),
]


class _Words(click_types.StringParamType):
    """Text typed by hand: its help shows the argument's name only (no "<str>")."""

    def get_metavar(self, param: click_core.Parameter, ctx: click_core.Context) -> str | None:
        return ""


class _Count(click_types.IntRange):
    """A whole number of at least 1, shown as its name only (no "<int range>")."""

    def get_metavar(self, param: click_core.Parameter, ctx: click_core.Context) -> str | None:
        return ""


WORDS = _Words()
"""click_type= for typed-by-hand arguments (help shows "DATE", not "DATE <str>")."""


def count_type(low: int = 1, high: int | None = None) -> click_types.IntRange:
    """click_type= for a count argument or option (help shows its name and range only)."""
    return _Count(low, high)


def complete_rule_ids(incomplete: str) -> list[str]:
    """Shell completion: the rule ids starting with what has been typed (local rules too)."""
    from wtcheck.config import load_config
    from wtcheck.rules import all_rules

    try:
        local = load_config(None).local_rules
    except Exception:  # a broken config file must not break completion
        local = ()
    return [r.id for r in all_rules(local) if r.id.startswith(incomplete)]


def complete_editions(incomplete: str) -> list[str]:
    """Shell completion: the Working Together edition ids."""
    from wtcheck.editions import EDITIONS

    return [e.id for e in EDITIONS if e.id.startswith(incomplete)]


CountStartDayOpt = Annotated[
    bool,
    typer.Option(
        "--count-start-day",
        metavar="",
        help="'Within N working days of E': E is day 1 when it is a working day (default: E never counts).",
        rich_help_panel=COUNT,
    ),
]

ClearDaysOpt = Annotated[
    bool,
    typer.Option(
        "--clear-days",
        metavar="",
        help="'No later than N working days before P': N whole working days strictly between (default: step back N from P).",
        rich_help_panel=COUNT,
    ),
]


def parse_arg(name: str, value: str) -> date:
    """Parse a date given on the command line; InputError names the argument.

    A date outside the years wtcheck can count on (1872–2100) is refused here,
    so no command does date arithmetic past the year 9999.
    """
    from wtcheck.calendar.data import check_year

    try:
        day = parse_date(value)
    except DateError as exc:
        raise InputError(f"{name}: {exc.value!r}: {exc.reason}") from None
    check_year(day.year, f"{name} {day.isoformat()}")
    return day


def as_of_date(value: str | None) -> date:
    """The --as-of date, or today."""
    return parse_arg("--as-of", value) if value else clock.today()


def open_calendar(
    division: Division | None,
    calendar_file: Path | None,
    closures_file: Path | None,
    config: Config | None = None,
    as_of: date | None = None,
) -> Calendar:
    """The calendar a command counts on: options first, then the config file, then defaults.

    Every command opens its calendar here, so closures, imported data and the
    stale-data warning behave the same everywhere: when the data in use ends
    within 12 months of *as_of* (default today), one line goes to stderr, once
    per run (:mod:`wtcheck.calendar.staleness` defines the threshold).
    """
    from wtcheck.calendar.staleness import stale_warning
    from wtcheck.calendar.workdays import get_calendar

    cfg = config or Config()
    name = division.value if division else (cfg.division or DEFAULT_DIVISION)
    closures_path = closures_file or cfg.closures_file
    closures: list[tuple[date, str]] = []
    if closures_path:
        from wtcheck.calendar.closures import load_closures

        closures = load_closures(closures_path)
    cal = get_calendar(name, calendar_file=calendar_file, closures=closures)
    warning = stale_warning(cal.data.last_date, as_of or clock.today())
    if warning and warning not in _WARNED:
        _WARNED.add(warning)
        typer.echo(f"wtcheck: warning: {warning}", err=True)
    return cal


_WARNED: set[str] = set()
"""Warnings already printed in this run (each is printed once)."""


def reset_warnings() -> None:
    """Start a run afresh: warnings print again (the root command calls this)."""
    _WARNED.clear()


EditionOpt = Annotated[
    str | None,
    typer.Option(
        "--edition",
        metavar="EDITION",
        help="Count under this Working Together edition (wt2006, wt2006-ch8, wt2010, wt2013, wt2015, wt2018, wt2018-dec2020, wt2023) instead of the one in force on the trigger date.",
        rich_help_panel=COUNT,
        autocompletion=complete_editions,
    ),
]


def edition_arg(value: str | None) -> str | None:
    """The --edition value checked against the known editions (None if not given)."""
    if value is None:
        return None
    from wtcheck.editions import get_edition

    try:
        return get_edition(value).id
    except InputError as exc:
        raise InputError(f"--edition: {exc}") from None


class FeedFormat(StrEnum):
    """Formats of the commands that list deadlines: TableFormat plus an iCalendar feed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    ICS = "ics"


class AuditFormat(StrEnum):
    """The audit's formats: FeedFormat plus an Excel workbook."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    ICS = "ics"
    XLSX = "xlsx"


class RRAnchor(StrEnum):
    """Where the rapid-review clock starts (wtcheck.deadlines.RR_ANCHORS)."""

    INCIDENT = "incident"
    AWARENESS = "awareness"
    NOTIFICATION = "notification"


RRAnchorOpt = Annotated[
    RRAnchor | None,
    typer.Option(
        "--rr-anchor",
        metavar="incident|awareness|notification",
        help="Rapid review: start the clock from this date (default: the notification, as the Panel counts).",
        rich_help_panel=COUNT,
    ),
]

InclusiveOpt = Annotated[
    bool,
    typer.Option(
        "--inclusive",
        metavar="",
        help="Homelessness 'within 56 days': count the assessment day as day 1 (+55).",
        rich_help_panel=COUNT,
    ),
]


def counting_options(
    cfg: Config,
    *,
    rr_anchor: RRAnchor | None,
    count_start_day: bool,
    clear_days: bool,
    inclusive: bool,
    edition: str | None = None,
) -> Options:
    """The counting choices: each option if given, else the config file's, else the default."""
    from wtcheck.deadlines import Options

    return Options(
        count_start_day=count_start_day or cfg.count_start_day,
        clear_days=clear_days or cfg.clear_days,
        inclusive=inclusive or cfg.inclusive,
        rr_anchor=rr_anchor.value if rr_anchor else cfg.rr_anchor,
        edition=edition,
    )


class Landlord(StrEnum):
    PRIVATE = "private"
    SOCIAL = "social"


LandlordOpt = Annotated[
    Landlord | None,
    typer.Option(
        "--landlord",
        metavar="private|social",
        help="Landlord of the tenancy a notice (--notice) is for: from 1 May 2026 the s.21 change applies to private tenancies only.",
        rich_help_panel=COUNT,
    ),
]


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to this file (atomically) instead of stdout.",
        rich_help_panel=OUT,
        dir_okay=False,
    ),
]
RuleOpt = Annotated[
    list[str],
    typer.Option(
        "--rule",
        "-r",
        metavar="ID",
        help="Only this rule (repeatable); default: every rule the columns allow.",
    ),
]
MappingOpt = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        metavar="FILE",
        help='TOML file mapping wtcheck\'s columns to your headers (\\[columns] referral_date = "Ref Date"); a \\[columns] table in the config file does the same.',
        dir_okay=False,
    ),
]
ByOpt = Annotated[
    list[str],
    typer.Option(
        "--by",
        metavar="COLUMN",
        help="Group by this column of the input (repeatable: team, worker, ...); empty cells are the group '(none)'.",
        rich_help_panel=OUT,
    ),
]
