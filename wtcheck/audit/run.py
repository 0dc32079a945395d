"""An audit run from files to a delivered report: the decisions ``wtcheck audit`` makes.

:func:`run` audits, writes the report and sends the email, in the order that
loses nothing:

1. what can be checked before any work is checked by the caller (settings,
   the input not named as the output, the output's folder);
2. the audit runs; CSV with no email streams each batch's findings straight to
   the output as they are found (flat memory), other formats keep them;
3. ``--output`` is written, atomically, **before** any mail is sent, so a failed
   write never follows a sent message and a rerun sends no duplicate;
4. the email is sent; when it fails the report is already safe and the
   failure is returned in the outcome (the command exits 3);
5. the report is printed, unless ``quiet`` and there is nothing to report, or
   the email carried it (cron mails whatever a job prints).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import polars as pl

from wtcheck.audit.pipeline import AuditResult, Progress, audit_files
from wtcheck.audit.plan import AuditOptions
from wtcheck.errors import DeliveryError
from wtcheck.findings import DEFAULT_SELECTED, Finding, Status

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.calendar.workdays import Calendar
    from wtcheck.mailer import EmailSettings
    from wtcheck.render.plain import PlainConsole
    from wtcheck.state import Changes

Notice = Callable[[str], None]


@dataclass(frozen=True)
class ReportOptions:
    """What to write, where, and when to speak."""

    fmt: str = "table"
    """table, csv, json, ics or xlsx (xlsx only to ``output``)."""
    output: Path | None = None
    quiet: bool = False
    failing: frozenset[Status] = DEFAULT_SELECTED
    """Statuses that make the run reportable (exit 1)."""
    heading: str = ""
    wide: bool = False
    """Piped tables not fitted to a width (``--wide``)."""


@dataclass
class Outcome:
    """What a run came to; the command turns it into an exit status."""

    result: AuditResult
    reportable: bool
    """Some finding has a failing status (exit 1)."""
    failure: DeliveryError | None = None
    """The email could not be sent (exit 3); the report was written first."""
    notes: list[str] = field(default_factory=list)


def run(
    files: Sequence[str],
    cal: Calendar,
    options: AuditOptions,
    report: ReportOptions,
    *,
    notice: Notice,
    say: Notice,
    mapping: Mapping[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
    mail: EmailSettings | None = None,
    state: Path | None = None,
    only_new: bool = False,
    sheet: str | None = None,
) -> Outcome:
    """Audit *files* and deliver the report (see the module docstring).

    *notice* prints a note, *say* the summary line (both to stderr). With
    *mail* and/or *state*, :func:`wtcheck.mail_run.run_delivery` runs the
    sequence: the state is opened (and locked), the report written, the state
    saved, then each message sent and recorded; a :class:`DeliveryError` is
    returned in the outcome. *only_new*: list only findings new since the
    state's previous run.
    """
    notes: list[str] = []
    held = notes.append if report.quiet else notice
    audit = partial(
        audit_files, files, cal, options, mapping=mapping, progress=progress, sheet=sheet
    )
    plain = mail is None and state is None
    if report.fmt == "csv" and plain and (report.output or not report.quiet):
        ctx = _open(report.output)
        with ctx as out:
            writer = _csv_writer(out)
            result = audit(notice=held, sink=writer)
            writer.finish(options.by)
        reportable = any(result.counts[s] for s in report.failing)
        if not report.quiet or reportable:
            for note in notes:
                notice(note)
            say(_summary(result))
        return Outcome(result, reportable, None, notes)

    result = audit(notice=held)
    reportable = any(result.counts[s] for s in report.failing)
    seen: list[Changes | None] = [None]
    said: list[str] = []

    def write(changes: Changes | None) -> None:
        """The report first: --output written before the state is saved or mail sent."""
        seen[0] = changes
        if changes is not None:
            said.append(_changes_line(changes, result))  # of every finding, before --only new
        if changes is not None and only_new:
            from wtcheck.audit.pipeline import findings_frame

            new = changes.select_new(result.findings())
            result.frame = findings_frame(new, options.by)
        if report.output is not None and report.fmt == "xlsx":
            from wtcheck.render.xlsx import write_xlsx

            write_xlsx(report.output, [("Findings", result.frame)], notes=[report.heading])
        elif report.output is not None:
            from wtcheck.deliver import write_atomic

            buffer = io.StringIO()
            render(result, options, report, buffer)
            write_atomic(report.output, buffer.getvalue())

    failure, sent = None, False
    if plain:
        write(None)
    else:
        from wtcheck.mail_run import run_delivery

        try:
            done = run_delivery(
                result.findings(), mail, state, options.as_of, write, files=files,
                selected=report.failing, soon=options.soon, only_new=only_new,
            )  # fmt: skip
            sent = done.delivered is not None and bool(
                done.delivered.sent or done.delivered.already
            )
        except DeliveryError as exc:
            failure = exc
    show = not report.quiet or (reportable and not sent)
    if show:
        for note in notes:
            notice(note)
        for line in said:
            notice(line)
        if report.output is None:
            render(result, options, report, sys.stdout)
        if report.fmt != "table":
            say(_summary(result))
    return Outcome(result, reportable, failure, notes)


def _changes_line(changes: Changes, result: AuditResult) -> str:
    new, still, resolved = changes.counts(result.findings())
    since = (
        f"since the run as of {changes.previous:%d/%m/%Y}" if changes.previous else "(first run)"
    )
    return f"{new} new, {still} still open, {resolved} resolved {since}"


def _open(output: Path | None):  # type: ignore[no-untyped-def]
    from wtcheck.deliver import open_atomic

    return open_atomic(output) if output is not None else nullcontext(sys.stdout)


def _csv_writer(out: TextIO):  # type: ignore[no-untyped-def]
    from wtcheck.render.findings_view import CsvFrameWriter

    return CsvFrameWriter(out)


def _summary(result: AuditResult) -> str:
    from wtcheck.render.audit_view import summary_line

    return summary_line(result.counts, result.rows)


def render(result: AuditResult, options: AuditOptions, report: ReportOptions, out: TextIO) -> None:
    """The report of *result* in *report*'s format, written to *out*."""
    from wtcheck.render import findings_view

    as_of = options.as_of
    if report.fmt == "csv":
        writer = findings_view.CsvFrameWriter(out)
        writer(result.frame)
        writer.finish(options.by)
    elif report.fmt == "json":
        findings_view.write_findings_json(out, _sliced(result), options.by)
    elif report.fmt == "ics":
        from wtcheck.render.ics import iter_finding_events, write_ics

        # one event at a time, the findings made a slice of the frame at a time
        write_ics(
            out, iter_finding_events(_sliced(result), as_of), as_of=as_of, name="wtcheck audit"
        )
    else:
        from wtcheck.render.audit_view import summary_line
        from wtcheck.render.console import make_printer
        from wtcheck.render.safe_text import visible

        # piped: rich's bytes drawn without importing rich (tests/test_plain_render.py)
        console = make_printer(out, wide=report.wide)
        console.print(visible(report.heading), markup=False, highlight=False)
        frame = result.frame
        if options.by:  # a section per group of the first --by column, then the whole
            column = options.by[0]
            for group in sorted(frame[column].unique().to_list()):
                mine = frame.filter(pl.col(column) == group)
                console.print(f"{column}: {visible(group)}", markup=False, highlight=False)
                counts = dict.fromkeys(Status, 0)
                for value, n in mine["status"].value_counts().iter_rows():
                    counts[Status(value)] = n
                _print_statuses(console, result, mine, options, counts, summary=True)
                console.print("")
        else:
            _print_statuses(console, result, frame, options, result.counts, summary=False)
        console.print(summary_line(result.counts, result.rows), markup=False, highlight=False)


def _print_statuses(
    console: Console | PlainConsole,
    result: AuditResult,
    frame: pl.DataFrame,
    options: AuditOptions,
    counts: Mapping[Status, int],
    *,
    summary: bool,
) -> None:
    """One table per status, each made from its own rows of the frame only (the table
    of a large audit never holds every finding at once)."""
    from wtcheck.audit.pipeline import frame_findings
    from wtcheck.findings import STATUS_ORDER
    from wtcheck.render.audit_view import print_findings

    for status in STATUS_ORDER:
        if status not in options.keep:
            continue
        rows = frame.filter(pl.col("status") == status.value)
        if not len(rows):
            continue
        group = frame_findings(rows, result.sources, result.by)
        del rows
        print_findings(
            console, group, counts, frozenset({status}), "", soon=options.soon, summary=False
        )
    if summary:
        from wtcheck.render.audit_view import summary_line

        console.print(summary_line(counts), markup=False, highlight=False)


def _sliced(result: AuditResult) -> Iterator[Finding]:
    """The findings of *result* one at a time, made from slices of its frame."""
    from wtcheck.audit.pipeline import frame_findings

    for part in result.frame.iter_slices(50_000):
        yield from frame_findings(part, result.sources, result.by)
