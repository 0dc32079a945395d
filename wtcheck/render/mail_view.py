"""The audit email's words: subject, text/plain body and text/html body.

The bodies show the findings the audit reports, overdue first, at most
:data:`MAX_ROWS` of them; every one of them is in the attached CSV. HTML is built by hand from escaped values, so a
case id or a cell can never inject markup. Nothing here does I/O.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from wtcheck.dates import format_long
from wtcheck.findings import DEFAULT_SELECTED, STATUS_ORDER, Finding, Status
from wtcheck.render.finding_words import days_text, overdue_first, status_phrase

MAX_ROWS = 200
"""Rows shown in the body; the rest are only in the attachment."""

COLUMNS = ("Status", "Case", "Rule", "Trigger", "Deadline", "Working days", "Force", "Row")


@dataclass(frozen=True)
class MailReport:
    """What one audit run has to say, as the email sees it.

    *findings*: what the audit reports, as it writes them (the statuses it
    shows); the attachment is exactly their CSV and the bodies list them,
    overdue first. *selected*: the statuses that make something to report
    (those that make the audit exit 1); the email goes only when one of
    them occurs, unless ``--email-always``.
    """

    findings: Sequence[Finding]
    files: Sequence[str]
    as_of: date
    selected: frozenset[Status] = DEFAULT_SELECTED
    soon: int = 5
    ordered: list[Finding] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", overdue_first(self.findings))

    @property
    def has_findings(self) -> bool:
        """True when a finding has a selected status (the audit's exit status 1)."""
        return any(f.status in self.selected for f in self.findings)

    def counts(self) -> list[tuple[Status, int]]:
        """(status, count) for each status present, overdue first."""
        out = []
        for status in STATUS_ORDER:
            n = sum(1 for f in self.findings if f.status is status)
            if n:
                out.append((status, n))
        return out


def files_label(files: Sequence[str]) -> str:
    """ "cases.csv", "a.csv, b.csv" or "a.csv and 2 more files" (base names)."""
    names = [PurePath(f).name if f != "-" else "stdin" for f in files] or ["(no file)"]
    if len(names) <= 2:
        return ", ".join(names)
    return f"{names[0]} and {len(names) - 1} more files"


def summary_line(report: MailReport) -> str:
    """ "3 overdue, 2 due within 5 working days" or "nothing to report"."""
    parts = [status_phrase(s, n, report.soon) for s, n in report.counts()]
    return ", ".join(parts) if parts else "nothing to report"


def subject(report: MailReport) -> str:
    """E.g. "wtcheck: 3 overdue, 2 due within 5 working days — cases.csv, as of 2026-12-01"."""
    return (
        f"wtcheck: {summary_line(report)} — {files_label(report.files)}, "
        f"as of {report.as_of.isoformat()}"
    )


def _cells(f: Finding, *, names: bool) -> tuple[str, ...]:
    """The row of *f*; *names*: the rule's name after its id (the HTML table has room)."""
    return (
        f.status.value,
        f.case_id,
        f"{f.rule} ({f.rule_name})" if names and f.rule_name else f.rule,
        format_long(f.trigger_date) if f.trigger_date else "",
        format_long(f.deadline) if f.deadline else "",
        days_text(f),
        f.force,
        f"{PurePath(f.file).name}:{f.row}" if f.file else str(f.row),
    )


def _intro(report: MailReport) -> list[str]:
    return [
        f"wtcheck audit of {files_label(report.files)}, as of {format_long(report.as_of)}.",
        summary_line(report).capitalize() + ".",
    ]


def _footer(report: MailReport, attachment: str) -> list[str]:
    lines = []
    hidden = len(report.ordered) - MAX_ROWS
    if hidden > 0:
        lines.append(f"{hidden} more not shown here.")
    lines += [
        f"All {len(report.findings)} findings are in the attached {attachment}.",
        "A missed guidance deadline ('should') is poor practice, not a breach of the law.",
    ]
    return lines


def text_body(report: MailReport, attachment: str) -> str:
    """The text/plain body: a fixed-width table, overdue first (rule ids, to stay narrow)."""
    rows = [COLUMNS, *(_cells(f, names=False) for f in report.ordered[:MAX_ROWS])]
    lines = [*_intro(report), ""]
    if report.ordered:
        widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
        for r in rows:
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        lines.append("")
    lines += _footer(report, attachment)
    return "\n".join(lines) + "\n"


_STATUS_COLOUR = {Status.OVERDUE: "#b00020", Status.LATE: "#8a4b00", Status.INVALID: "#555555"}


def html_body(report: MailReport, attachment: str) -> str:
    """The text/html body: the same content as :func:`text_body`, every value escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"><title>wtcheck audit</title></head><body>',
        *(f"<p>{e(line)}</p>" for line in _intro(report)),
    ]
    if report.ordered:
        parts.append('<table border="1" cellpadding="4" cellspacing="0">')
        parts.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in COLUMNS) + "</tr>")
        for f in report.ordered[:MAX_ROWS]:
            colour = _STATUS_COLOUR.get(f.status)
            style = f' style="color:{colour}"' if colour else ""
            cells = "".join(f"<td>{e(c)}</td>" for c in _cells(f, names=True))
            parts.append(f'<tr class="{e(f.status.value)}"{style}>{cells}</tr>')
        parts.append("</table>")
    parts += [f"<p>{e(line)}</p>" for line in _footer(report, attachment)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
