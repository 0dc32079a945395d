"""``wtcheck report``: the timeliness figures councils report, by period and group."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from wtcheck.cli.email_opts import StateOpt
from wtcheck.cli.options import (
    OUT,
    WORDS,
    AsOfOpt,
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
)
from wtcheck.errors import InputError
from wtcheck.report.period import Period

if TYPE_CHECKING:
    from datetime import date

    import polars as pl

    from wtcheck.report.pack import Pack


class ReportFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"
    HTML = "html"


def report(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Exports to report on: CSV, workbooks, CIN census XML ('-' reads stdin).",
            show_default=False,
            click_type=WORDS,
        ),
    ],
    as_of: AsOfOpt = None,
    period: Annotated[
        Period,
        typer.Option(
            "--period",
            "-p",
            metavar="month|quarter|year",
            help="Periods of the figures, by completion date: calendar months, quarters of the financial year, or financial years (1 April - 31 March).",
        ),
    ] = Period.MONTH,
    by: ByOpt = [],  # noqa: B006
    rule: RuleOpt = [],  # noqa: B006
    mapping: MappingOpt = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="table|csv|json|xlsx|html",
            help="Output format (xlsx: one sheet per table, needs --output; html: one self-contained page with charts).",
            rich_help_panel=OUT,
        ),
    ] = ReportFormat.TABLE,
    output: OutputOpt = None,
    with_detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="The rows behind each figure (case, dates, working days taken, in or out of time): the CSV or JSON lists them instead of the summary; xlsx adds a Detail sheet.",
            rich_help_panel=OUT,
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
    state: StateOpt = None,
) -> None:
    """Timeliness figures per rule and period: completed, % on time, quartiles of working
    days taken, DfE's bands, open and overdue at each period's end.

    Example:

      wtcheck report examples/cases.csv --as-of 2026-12-01 --period year --by team
    """
    from wtcheck.audit.plan import AuditOptions
    from wtcheck.cli.context import Context
    from wtcheck.deliver import refuse_input_as_output
    from wtcheck.inputs.columns import load_mapping
    from wtcheck.report.pack import build
    from wtcheck.report.source import audit_frame
    from wtcheck.rules import get_rule

    refuse_input_as_output(output, files)
    if fmt is ReportFormat.XLSX and output is None:
        raise InputError("--format xlsx: give --output FILE.xlsx (a workbook is not text)")
    if with_detail and fmt in (ReportFormat.TABLE, ReportFormat.HTML):
        raise InputError(f"--detail: not with --format {fmt.value}; expected csv, json or xlsx")
    ctx = Context.build(
        config=config, division=division, calendar=calendar, closures=closures, as_of=as_of,
        rr_anchor=rr_anchor, count_start_day=count_start_day, clear_days=clear_days,
        inclusive=inclusive,
    )  # fmt: skip
    cfg, day, counting, cal = ctx.config, ctx.as_of, ctx.options, ctx.calendar
    extra = tuple(cfg.local_rules)
    rules = tuple(dict.fromkeys(get_rule(r, extra) for r in rule)) if rule else None
    frame = audit_frame(
        files,
        as_of=day,
        cal=cal,
        options=AuditOptions(
            day, counting=counting, rules=rules, extra_rules=extra, as_of_given=as_of is not None
        ),
        by=tuple(by),
        mapping={**cfg.columns, **(load_mapping(mapping) if mapping else {})} or None,
        notice=_notice,
    )
    pack = build(
        frame,
        cal=cal,
        as_of=day,
        period=period,
        by=by,
        with_detail=with_detail,
        for_html=fmt is ReportFormat.HTML,
        extra_rules=extra,
    )
    heading = (
        f"Timeliness of {', '.join(files)} as of {day:%a} {day.day} {day:%b %Y}, "
        f"by {period.value}" + (f" and {', '.join(by)}" if by else "")
    )
    if state is not None:
        heading += "; " + _since(state, frame, day)
    _emit(pack, fmt, output, heading, with_detail)


def _since(path: Path, frame: pl.DataFrame, day: date) -> str:
    """What changed since the audit run a state file recorded (read only: a report
    records nothing), over the findings an audit lists by default."""
    import polars as pl

    from wtcheck.audit.pipeline import frame_findings
    from wtcheck.findings import DEFAULT_SHOWN
    from wtcheck.state import State

    listed = frame.filter(pl.col("status").is_in([s.value for s in DEFAULT_SHOWN]))
    findings = frame_findings(listed)
    with State.open(path) as opened:
        changes = opened.changes(findings, day)
    new, still, resolved = changes.counts(findings)
    since = (
        f"since the audit as of {changes.previous:%d/%m/%Y}"
        if changes.previous
        else "(no earlier run)"
    )
    return f"{new} new, {still} still open, {resolved} resolved {since}"


def _notice(message: str) -> None:
    typer.echo(f"wtcheck: note: {message}", err=True)


def _emit(pack: Pack, fmt: ReportFormat, output: Path | None, heading: str, detail: bool) -> None:
    import io

    from wtcheck.deliver import write_atomic
    from wtcheck.render.report_view import CONVENTION

    convention = CONVENTION.format(division=pack.division)
    if fmt is ReportFormat.XLSX:
        from wtcheck.render.xlsx import write_xlsx

        assert output is not None
        write_xlsx(output, pack.sections(), notes=pack.notes(heading, convention))
        return
    buffer = io.StringIO() if output else sys.stdout
    if fmt is ReportFormat.CSV:
        from wtcheck.render.delimited import write_csv

        table = pack.detail if detail and pack.detail is not None else pack.summary
        write_csv(buffer, table.columns, table.iter_rows())
    elif fmt is ReportFormat.JSON:
        _write_json(buffer, pack, heading, convention)
    elif fmt is ReportFormat.HTML:
        from wtcheck.render.report_html import render_html

        buffer.write(render_html(pack, heading=heading, convention=convention))
    else:
        from wtcheck.render.console import make_printer
        from wtcheck.render.report_view import print_report

        print_report(
            make_printer(buffer), pack.summary, pack.england, pack.rules, pack.by, heading,
            convention,
        )  # fmt: skip
    if output:
        assert isinstance(buffer, io.StringIO)
        write_atomic(output, buffer.getvalue())


def _write_json(out: TextIO, pack: Pack, heading: str, convention: str) -> None:
    import json
    from datetime import date

    def default(value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    document: dict[str, object] = {
        "heading": heading,
        "as_of": pack.as_of.isoformat(),
        "period": pack.period.value,
        "by": list(pack.by),
        "counting": convention,
        "summary": pack.summary.to_dicts(),
        "england": pack.england.to_dicts(),
    }
    if pack.detail is not None:
        document["detail"] = pack.detail.to_dicts()
    text = json.dumps(document, indent=2, ensure_ascii=False, default=default)
    out.write(text + "\n")
