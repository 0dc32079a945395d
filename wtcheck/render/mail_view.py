"""The audit email's words: subject, text/plain body and text/html body.

A team manager reads the message at a glance: the counts per rule first (rule
names, not ids), then the findings the audit reports, the ones that can still
be acted on first: due soon (nearest deadline first), then overdue (longest
overdue first), then done late, then the rest. Each finding names its trigger
("Referral Wed 18 Nov 2026"); the Row, Force and Edition columns stay in the
attached CSV. With a state file (``--state``) each finding says whether it is
new since the previous run, and the findings resolved since then are listed.

The text part fits 80 columns (values that are longer wrap, never cut). At
most :data:`MAX_ROWS` findings are listed; every one of them is in the
attached CSV. Every value is shown with its control and escape characters
visibly escaped (:func:`visible`), and every value that reaches a header is
on one line (:func:`header_text`). HTML is built by hand from escaped values,
so a case id or a cell can never inject markup. Nothing here does I/O.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from wtcheck.dates import format_long
from wtcheck.findings import DEFAULT_SELECTED, STATUS_ORDER, Finding, Status
from wtcheck.render.finding_words import days_text, status_phrase

if TYPE_CHECKING:
    from wtcheck.state import Changes, Recorded

MAX_ROWS = 200
"""Findings listed in the body; the rest are only in the attachment."""

WIDTH = 80
"""The text part's width."""

SECTION_ORDER: tuple[Status, ...] = (
    Status.DUE_SOON,
    Status.OVERDUE,
    Status.LATE,
    Status.INVALID,
    Status.PENDING,
    Status.MET,
)
"""Sections of the bodies: what can still be acted on first."""

COLUMNS = ("Status", "Case", "Rule", "Trigger", "Deadline", "Working days")


# -- safe text ----------------------------------------------------------------------------
# A private stand-in for the shared wtcheck/render/safe_text.py (the ux branch), with the
# same names and the same characters: when that is merged, replace this block with
# ``from wtcheck.render.safe_text import clean_text, visible``.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def visible(text: str) -> str:
    r"""*text* with each control character (C0, DEL, C1, bidi controls) written as its
    escape: ESC as ``\x1b``, a line feed as ``\n``."""
    return _CONTROL.sub(_escape, text)


def clean_text(text: str) -> str:
    """*text* with each control character replaced by a space."""
    return _CONTROL.sub(" ", text)


def header_text(text: str) -> str:
    """*text* on one line for a header: control characters (line breaks included)
    become spaces, runs of spaces one space."""
    return " ".join(clean_text(text).split())


# -- the report ---------------------------------------------------------------------------
@dataclass(frozen=True)
class MailReport:
    """What one message has to say.

    *findings*: what the audit reports for this message's recipients, as it
    writes them (the statuses it shows); the attachment is exactly their CSV.
    *selected*: the statuses that make something to report (those that make
    the audit exit 1); a message goes only when one of them occurs, unless
    ``--email-always``. *group*: the ``--by`` value(s) this message is for
    (None: the whole audit). *changes*: since the previous run, from the
    state file (None without ``--state``); *resolved*: the previous run's
    findings of this group that are gone.
    """

    findings: Sequence[Finding]
    files: Sequence[str]
    as_of: date
    selected: frozenset[Status] = DEFAULT_SELECTED
    soon: int = 5
    group: str | None = None
    changes: Changes | None = None
    resolved: Sequence[Recorded] = ()
    ordered: list[Finding] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", urgent_first(self.findings))

    @property
    def has_findings(self) -> bool:
        """True when a finding has a selected status (the audit's exit status 1)."""
        return any(f.status in self.selected for f in self.findings)

    def counts(self) -> list[tuple[Status, int]]:
        """(status, count) for each status present, overdue first."""
        return _counts(self.findings)

    def new_count(self) -> int:
        changes = self.changes
        return 0 if changes is None else sum(1 for f in self.findings if changes.is_new(f))


def _counts(findings: Sequence[Finding]) -> list[tuple[Status, int]]:
    out = []
    for status in STATUS_ORDER:
        n = sum(1 for f in findings if f.status is status)
        if n:
            out.append((status, n))
    return out


def urgent_first(findings: Sequence[Finding]) -> list[Finding]:
    """Due soon (nearest deadline first), overdue (longest first), late (latest first),
    then the rest; ties by deadline, case and rule."""

    def key(f: Finding) -> tuple[int, int, date, str, str]:
        by_days = f.status in (Status.OVERDUE, Status.LATE)
        return (
            SECTION_ORDER.index(f.status),
            -(f.days or 0) if by_days else 0,
            f.deadline or date.max,
            f.case_id,
            f.rule,
        )

    return sorted(findings, key=key)


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


def subject(report: MailReport, prefix: str = "") -> str:
    """E.g. "OFFICIAL-SENSITIVE wtcheck: Team A: 3 overdue (1 new) — cases.csv, as of
    2026-12-01", on one line whatever the file names, group and prefix hold."""
    group = f"{report.group}: " if report.group is not None else ""
    new = f" ({report.new_count()} new)" if report.changes is not None else ""
    text = (
        f"{prefix} wtcheck: {group}{summary_line(report)}{new} — "
        f"{files_label(report.files)}, as of {report.as_of.isoformat()}"
    )
    return header_text(text)


_ACRONYMS = frozenset({"icpc", "lcspr", "cp", "cdr", "lac"})
_SHORT = {
    "aware": "Became aware",
    "assessment": "Housing assessment",
    "homeless": "Homeless date",
    "lac_death_aware": "Aware of LAC death",
    "care_leaver_death_aware": "Aware of care leaver death",
}


def trigger_name(concept_key: str) -> str:
    """ "referral" -> "Referral", "icpc" -> "ICPC", "strategy_discussion" ->
    "Strategy discussion" (a few keys read better spelt out: "Became aware")."""
    if concept_key in _SHORT:
        return _SHORT[concept_key]
    words = [w.upper() if w in _ACRONYMS else w for w in concept_key.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _trigger_key(f: Finding) -> str | None:
    """The concept the finding's trigger date is: the rule's trigger, or its anchor's."""
    from wtcheck.rules import BY_ID

    rule = BY_ID.get(f.rule.lower())
    if rule is None:
        return None
    for anchor in rule.anchors:
        if anchor.name == f.anchor:
            return anchor.trigger
    return rule.trigger or None


def trigger_text(f: Finding) -> str:
    """ "Referral Wed 18 Nov 2026" (the finding's trigger date, named); "" when none."""
    if f.trigger_date is None:
        return ""
    key = _trigger_key(f)
    return f"{trigger_name(key) if key else 'Trigger'} {format_long(f.trigger_date)}"


def _rule(f: Finding | Recorded) -> str:
    return visible(f.rule_name or f.rule)


def _change(report: MailReport, f: Finding) -> str:
    changes = report.changes
    if changes is None:
        return ""
    return "new" if changes.is_new(f) else "still open"


def _detail(f: Finding) -> list[str]:
    """What the finding says after its case and rule: days, deadline, trigger."""
    parts = [visible(days_text(f))]
    if f.deadline is not None:
        parts.append(f"deadline {format_long(f.deadline)}")
    parts.append(trigger_text(f))
    return [p for p in parts if p]


def _parts_lines(parts: list[str], indent: str) -> list[str]:
    """*parts* joined with "; ", a new line rather than splitting a part (a date)."""
    lines: list[str] = []
    current = ""
    for part in parts:
        joined = f"{current}; {part}" if current else part
        if current and len(indent) + len(joined) > WIDTH:
            lines += _wrap(current + ";", indent, indent)
            current = part
        else:
            current = joined
    return lines + (_wrap(current, indent, indent) if current else [])


def _wrap(text: str, indent: str, more: str) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=more,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _intro(report: MailReport) -> list[str]:
    group = f" for {visible(report.group)}" if report.group is not None else ""
    lines = [
        f"wtcheck audit of {visible(files_label(report.files))}{group}, "
        f"as of {format_long(report.as_of)}.",
        summary_line(report).capitalize() + ".",
    ]
    changes = report.changes
    if changes is not None:
        since = (
            f"Since the last run ({format_long(changes.previous)})"
            if changes.previous
            else "First run with this state file"
        )
        new = report.new_count()
        lines.append(
            f"{since}: {new} new, {len(report.findings) - new} still open, "
            f"{len(report.resolved)} resolved."
        )
    return lines


def rule_counts(report: MailReport) -> list[tuple[str, str]]:
    """(rule name, "3 overdue, 1 due within 5 working days") per rule, most findings first."""
    by_rule: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_rule.setdefault(_rule(f), []).append(f)
    ordered = sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [
        (name, ", ".join(status_phrase(s, n, report.soon) for s, n in _counts(fs)))
        for name, fs in ordered
    ]


def _section_title(status: Status, count: int, soon: int) -> str:
    titles = {
        Status.DUE_SOON: f"Due within {soon} working day{'s' if soon != 1 else ''}",
        Status.OVERDUE: "Overdue",
        Status.LATE: "Done late",
        Status.INVALID: "Could not be checked",
        Status.PENDING: "Pending",
        Status.MET: "Met",
        Status.CHECK: "To check (no time limit)",
        Status.CONDITIONAL: "Conditional",
    }
    return f"{titles[status]} ({count})"


def _sections(report: MailReport) -> list[tuple[Status, list[Finding]]]:
    shown = report.ordered[:MAX_ROWS]
    return [
        (s, [f for f in shown if f.status is s])
        for s in SECTION_ORDER
        if any(f.status is s for f in shown)
    ]


def _resolved_line(r: Recorded) -> str:
    was = f"was {r.status}" + (f", deadline {format_long(r.deadline)}" if r.deadline else "")
    return f"{visible(r.case_id)} — {visible(r.rule_name or r.rule)} ({was})"


def _footer(report: MailReport, attachment: str) -> list[str]:
    lines = []
    hidden = len(report.ordered) - MAX_ROWS
    if hidden > 0:
        lines.append(f"{hidden} more not shown here.")
    lines += [
        f"All {len(report.findings)} findings are in the attached {visible(attachment)}.",
        "A missed guidance deadline ('should') is poor practice, not a breach of the law.",
    ]
    return lines


def text_body(report: MailReport, attachment: str) -> str:
    """The text/plain body, within :data:`WIDTH` columns."""
    lines: list[str] = []
    for line in _intro(report):
        lines += _wrap(line, "", "")
    counts = rule_counts(report)
    if counts:
        lines += ["", "By rule"]
        for name, text in counts:
            lines += _wrap(f"{name}: {text}", "  ", "    ")
    for status, fs in _sections(report):
        lines += [
            "",
            _section_title(status, sum(f.status is status for f in report.findings), report.soon),
        ]
        for f in fs:
            change = _change(report, f)
            head = f"{visible(f.case_id)} — {_rule(f)}" + (f" [{change}]" if change else "")
            lines += _wrap(head, "  ", "    ")
            lines += _parts_lines(_detail(f), "    ")
    if report.resolved:
        since = (
            format_long(report.changes.previous)
            if report.changes and report.changes.previous
            else "the last run"
        )
        lines += ["", f"Resolved since {since} ({len(report.resolved)})"]
        for r in report.resolved[:MAX_ROWS]:
            lines += _wrap(_resolved_line(r), "  ", "    ")
    lines.append("")
    for line in _footer(report, attachment):
        lines += _wrap(line, "", "")
    return "\n".join(lines) + "\n"


_STATUS_COLOUR = {Status.OVERDUE: "#b00020", Status.LATE: "#8a4b00", Status.INVALID: "#555555"}


def _cells(report: MailReport, f: Finding) -> tuple[str, ...]:
    cells = (
        f.status.value,
        visible(f.case_id),
        _rule(f),
        trigger_text(f),
        format_long(f.deadline) if f.deadline else "",
        visible(days_text(f)),
    )
    return (*cells, _change(report, f)) if report.changes is not None else cells


def html_body(report: MailReport, attachment: str) -> str:
    """The text/html body: the same content as :func:`text_body`, every value escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"><title>wtcheck audit</title></head><body>',
        *(f"<p>{e(line)}</p>" for line in _intro(report)),
    ]
    counts = rule_counts(report)
    if counts:
        parts.append("<h3>By rule</h3><ul>")
        parts += [f"<li>{e(name)}: {e(text)}</li>" for name, text in counts]
        parts.append("</ul>")
    if report.ordered:
        columns = (*COLUMNS, "Since the last run") if report.changes is not None else COLUMNS
        parts.append('<table border="1" cellpadding="4" cellspacing="0">')
        parts.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>")
        for f in report.ordered[:MAX_ROWS]:
            colour = _STATUS_COLOUR.get(f.status)
            style = f' style="color:{colour}"' if colour else ""
            cells = "".join(f"<td>{e(c)}</td>" for c in _cells(report, f))
            parts.append(f'<tr class="{e(f.status.value)}"{style}>{cells}</tr>')
        parts.append("</table>")
    if report.resolved:
        parts.append(f"<h3>Resolved ({len(report.resolved)})</h3><ul>")
        parts += [f"<li>{e(_resolved_line(r))}</li>" for r in report.resolved[:MAX_ROWS]]
        parts.append("</ul>")
    parts += [f"<p>{e(line)}</p>" for line in _footer(report, attachment)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
