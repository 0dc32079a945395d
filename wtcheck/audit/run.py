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
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wtcheck.audit.pipeline import AuditResult, Progress, audit_files
from wtcheck.audit.plan import AuditOptions
from wtcheck.errors import DeliveryError
from wtcheck.findings import DEFAULT_SELECTED, Status

if TYPE_CHECKING:
    from wtcheck.workdays import Calendar

Notice = Callable[[str], None]


@dataclass(frozen=True)
class ReportOptions:
    """What to write, where, and when to speak."""

    fmt: str = "table"
    """table, csv, json or ics."""
    output: Path | None = None
    quiet: bool = False
    failing: frozenset[Status] = DEFAULT_SELECTED
    """Statuses that make the run reportable (exit 1)."""
    heading: str = ""


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
    send: Callable[[AuditResult], bool] | None = None,
    sheet: str | None = None,
) -> Outcome:
    """Audit *files* and deliver the report (see the module docstring).

    *notice* prints a note, *say* the summary line (both to stderr). *send*,
    when mail is set up, gets the result after ``--output`` is written and
    returns whether a message went out; a :class:`DeliveryError` it raises is
    returned in the outcome.
    """
    notes: list[str] = []
    held = notes.append if report.quiet else notice
    audit = dict(mapping=mapping, progress=progress, sheet=sheet)
    if report.fmt == "csv" and send is None and (report.output or not report.quiet):
        ctx = _open(report.output)
        with ctx as out:
            writer = _csv_writer(out)
            result = audit_files(files, cal, options, notice=held, sink=writer, **audit)  # type: ignore[arg-type]
            writer.finish(options.by)
        reportable = any(result.counts[s] for s in report.failing)
        if not report.quiet or reportable:
            for note in notes:
                notice(note)
            say(_summary(result))
        return Outcome(result, reportable, None, notes)

    result = audit_files(files, cal, options, notice=held, **audit)  # type: ignore[arg-type]
    reportable = any(result.counts[s] for s in report.failing)
    if report.output is not None:
        from wtcheck.deliver import write_atomic

        buffer = io.StringIO()
        render(result, options, report, buffer)
        write_atomic(report.output, buffer.getvalue())
    failure, sent = None, False
    if send is not None:
        try:
            sent = send(result)
        except DeliveryError as exc:
            failure = exc
    show = not report.quiet or (reportable and not sent)
    if show:
        for note in notes:
            notice(note)
        if report.output is None:
            render(result, options, report, sys.stdout)
        if report.fmt != "table":
            say(_summary(result))
    return Outcome(result, reportable, failure, notes)


def _open(output: Path | None):  # type: ignore[no-untyped-def]
    from wtcheck.deliver import open_atomic

    return open_atomic(output) if output is not None else nullcontext(sys.stdout)


def _csv_writer(out: TextIO):  # type: ignore[no-untyped-def]
    from wtcheck.render.findings_view import CsvFrameWriter

    return CsvFrameWriter(out)


def _summary(result: AuditResult) -> str:
    from wtcheck.render.audit_view import summary_line

    return summary_line(result.counts)


def render(result: AuditResult, options: AuditOptions, report: ReportOptions, out: TextIO) -> None:
    """The report of *result* in *report*'s format, written to *out*."""
    from wtcheck.render import findings_view

    as_of = options.as_of
    if report.fmt == "csv":
        writer = findings_view.CsvFrameWriter(out)
        writer(result.frame)
        writer.finish(options.by)
    elif report.fmt == "json":
        findings_view.write_findings_json(out, result.findings(), options.by)
    elif report.fmt == "ics":
        from wtcheck.render.ics import finding_events, render_ics

        events = finding_events(result.findings(), as_of)
        out.write(render_ics(events, as_of=as_of, name="wtcheck audit"))
    else:
        from wtcheck.render.audit_view import print_findings
        from wtcheck.render.console import make_console

        print_findings(
            make_console(out), result.findings(), result.counts, options.keep, report.heading
        )
