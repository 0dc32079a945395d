"""``wtcheck audit``: check case exports for missed and approaching deadlines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from wtcheck.cli.email_opts import (
    EmailAlwaysOpt,
    EmailFromOpt,
    EmailOpt,
    EmailToOpt,
    QuietOpt,
    SmtpCafileOpt,
    SmtpHostOpt,
    SmtpPortOpt,
    SmtpSslOpt,
    SmtpStarttlsOpt,
    SmtpTimeoutOpt,
    SmtpUserOpt,
    StateOpt,
)
from wtcheck.cli.options import (
    COUNT,
    OUT,
    WORDS,
    AsOfOpt,
    AuditFormat,
    ByOpt,
    CalendarFileOpt,
    ClearDaysOpt,
    ClosuresOpt,
    ConfigOpt,
    CountStartDayOpt,
    DivisionOpt,
    InclusiveOpt,
    MappingOpt,
    OutputOpt,
    RRAnchorOpt,
    RuleOpt,
    WideOpt,
)
from wtcheck.errors import InputError
from wtcheck.findings import DEFAULT_SELECTED, DEFAULT_SHOWN, STATUS_ORDER, Status

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from wtcheck.inputs.sources import Source


PROGRESS_BYTES = 8 << 20
"""Files at least this large get a progress bar (when stderr is a terminal)."""


def parse_only(value: str | None) -> tuple[frozenset[Status] | None, bool]:
    """(the statuses --only names, or None when not given; whether it says ``new``).

    A comma-separated list of statuses, or ``all``; ``new`` (with --state) keeps
    only findings new since the previous run, with the statuses given or the default.
    """
    if value is None:
        return None, False
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    new = "new" in names
    names = [n for n in names if n != "new"]
    if names == ["all"]:
        return frozenset(Status), new
    known = {s.value: s for s in Status}
    out = set()
    for n in names:
        if n not in known:
            raise InputError(
                f"--only: unknown status {n!r}; expected all, new or a comma-separated list of "
                + ", ".join(s.value for s in STATUS_ORDER)
            )
        out.add(known[n])
    if not out and not new:
        raise InputError("--only: no status given")
    return (frozenset(out) if out else None), new


def _notice(message: str) -> None:
    typer.echo(f"wtcheck: note: {message}", err=True)


def _progress(source: Source) -> Iterator[Callable[[int], None]]:
    from wtcheck.render.console import _is_terminal

    # rich's progress bar (and console: ~25 ms of imports) only on a terminal
    if not _is_terminal(sys.stderr) or source.size is None or source.size < PROGRESS_BYTES:
        yield lambda _n: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from wtcheck.render.console import make_console

    console = make_console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(source.name, total=source.size)
        yield lambda n: bar.advance(task, n)


def audit(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Exports to audit: CSV, workbooks (.xlsx, .xlsm, .xls, .ods), CIN census XML ('-' reads stdin).",
            show_default=False,
            click_type=WORDS,
        ),
    ],
    as_of: AsOfOpt = None,
    rule: RuleOpt = [],  # noqa: B006
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="STATUSES",
            help="Statuses to show AND that make the exit status 1, comma-separated (overdue,late,due-soon,pending,met,invalid) or 'all'. Default: show overdue, late, due-soon and invalid; exit 1 on overdue or late.",
            rich_help_panel=OUT,
        ),
    ] = None,
    soon: Annotated[
        int,
        typer.Option(
            "--soon",
            metavar="N",
            min=0,
            help="'due-soon' when at most this many working days are left.",
            rich_help_panel=COUNT,
        ),
    ] = 5,
    mapping: MappingOpt = None,
    fmt: Annotated[
        AuditFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="table|csv|json|ics|xlsx",
            help="Output format (ics: an iCalendar file, one all-day event per finding with a deadline; xlsx: an Excel workbook, with --output).",
            rich_help_panel=OUT,
        ),
    ] = AuditFormat.TABLE,
    output: OutputOpt = None,
    by: ByOpt = [],  # noqa: B006
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            metavar="lcs|mosaic",
            help="Also read a case system's warehouse names (Liquidlogic LCS or Mosaic), too generic to be defaults.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            metavar="NAME|N",
            help="In a workbook, audit only this sheet (its name, or its number from 1). Default: every sheet whose headers map.",
        ),
    ] = None,
    show_columns: Annotated[
        bool,
        typer.Option(
            "--show-columns",
            help="Print which header each column matched, and the headers left unused; then exit.",
        ),
    ] = False,
    rr_anchor: RRAnchorOpt = None,
    count_start_day: CountStartDayOpt = False,
    clear_days: ClearDaysOpt = False,
    inclusive: InclusiveOpt = False,
    division: DivisionOpt = None,
    closures: ClosuresOpt = None,
    calendar: CalendarFileOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    email: EmailOpt = False,
    email_to: EmailToOpt = [],  # noqa: B006
    email_from: EmailFromOpt = None,
    smtp_host: SmtpHostOpt = None,
    smtp_port: SmtpPortOpt = None,
    smtp_starttls: SmtpStarttlsOpt = False,
    smtp_ssl: SmtpSslOpt = False,
    smtp_user: SmtpUserOpt = None,
    smtp_cafile: SmtpCafileOpt = None,
    smtp_timeout: SmtpTimeoutOpt = None,
    email_always: EmailAlwaysOpt = False,
    state: StateOpt = None,
    wide: WideOpt = False,
) -> None:
    """Audit case exports: what was met, late, overdue now or due soon, per case and rule.

    Exit status: 0 when no finding has a selected status (default: overdue or
    late), 1 when some have, 2 for unusable input, 3 when the email could not
    be sent (the report is still printed or written). Example:

      wtcheck audit examples/cases.csv --as-of 2026-12-01
    """
    from contextlib import contextmanager

    from wtcheck.audit.plan import AuditOptions
    from wtcheck.audit.run import ReportOptions, run
    from wtcheck.cli.context import Context
    from wtcheck.cli.email_opts import email_settings
    from wtcheck.deliver import refuse_input_as_output
    from wtcheck.inputs.columns import load_mapping
    from wtcheck.mailer import EmailOptions
    from wtcheck.rules import get_rule

    refuse_input_as_output(output, files)
    if fmt is AuditFormat.XLSX and output is None:
        raise InputError("--format xlsx: give --output FILE.xlsx (a workbook is not text)")
    ctx = Context.build(
        config=config, division=division, calendar=calendar, closures=closures, as_of=as_of,
        rr_anchor=rr_anchor, count_start_day=count_start_day, clear_days=clear_days,
        inclusive=inclusive, wide=wide,
    )  # fmt: skip
    cfg = ctx.config
    mail = email_settings(
        EmailOptions(
            tuple(email_to), email_from, smtp_host, smtp_port, smtp_starttls, smtp_ssl,
            smtp_user, smtp_cafile, smtp_timeout, email_always,
        ),
        email,
        cfg,
    )  # fmt: skip
    if mail is not None and mail.routes and not by:
        raise InputError("[email.routes] sends each --by group its own findings; give --by COLUMN")
    if output is not None and not output.parent.is_dir():
        raise InputError(f"--output {output}: folder {output.parent} does not exist")
    extra = tuple(cfg.local_rules)
    columns_map = {**cfg.columns, **(load_mapping(mapping) if mapping else {})} or None
    if show_columns:
        _show_columns(files, columns_map, output)
        return
    selected, only_new = parse_only(only)
    if only_new and state is None:
        raise InputError("--only new needs --state FILE (new since the run it recorded)")
    shown = selected if selected is not None else DEFAULT_SHOWN
    failing = selected if selected is not None else DEFAULT_SELECTED
    day = ctx.as_of
    rules = tuple(dict.fromkeys(get_rule(r, extra) for r in rule)) if rule else None
    options = AuditOptions(
        day, soon, ctx.options, rules, extra, keep=shown, by=tuple(by),
        as_of_given=as_of is not None, preset=preset,
    )  # fmt: skip
    cal = ctx.calendar
    heading = (
        f"Audit of {', '.join(files)} as of {day:%a} {day.day} {day:%b %Y} "
        f"({cal.division}; 'due soon' = {soon} working days or fewer)"
    )
    report = ReportOptions(fmt.value, output, quiet, failing, heading, wide)
    outcome = run(
        files,
        cal,
        options,
        report,
        mapping=columns_map,
        notice=_notice,
        say=lambda line: typer.echo(line, err=True),
        progress=contextmanager(_progress),
        mail=mail,
        state=state,
        only_new=only_new,
        sheet=sheet,
    )
    if outcome.failure:
        raise outcome.failure
    if outcome.reportable:
        raise typer.Exit(1)


def _show_columns(files, mapping, output) -> None:  # type: ignore[no-untyped-def]
    import io

    from wtcheck.audit.plan import needed_keys
    from wtcheck.deliver import write_atomic
    from wtcheck.inputs.columns import match_columns
    from wtcheck.inputs.sources import open_source, read_tables
    from wtcheck.render.audit_view import print_columns
    from wtcheck.render.console import make_console

    buffer = io.StringIO() if output else sys.stdout
    console = make_console(buffer)
    sources = [open_source(n) for n in files]
    try:
        for source in sources:
            for table in read_tables(source, _notice, lambda _n: None):
                columns = match_columns(table.header, mapping, table.name)
                print_columns(console, table.name, columns, needed_keys())
    finally:
        for source in sources:
            source.close()
    if output:
        assert isinstance(buffer, io.StringIO)
        write_atomic(output, buffer.getvalue())
