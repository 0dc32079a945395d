"""Calendar feeds: deadlines and findings as an RFC 5545 iCalendar file.

One all-day ``VEVENT`` per deadline, on the deadline day (``DTSTART;VALUE=DATE``,
``DTEND`` the day after, as RFC 5545 §3.6.1 asks for a one-day event), marked
free (``TRANSP:TRANSPARENT``) so that it never blocks anyone's diary.

* ``UID``: the SHA-1 of case id, rule and trigger date (and the anchor, when
  the rule has one), ``@wtcheck``. The same case, rule and trigger give the
  same UID on every run, so re-importing a feed updates its events instead of
  duplicating them. A corrected trigger date is a different deadline and
  gives a new event.
* ``DTSTAMP``: midnight UTC at the start of the as-of date, not the wall
  clock, so that the same command with the same ``--as-of`` writes the same
  bytes; runs on later days carry a later stamp, which is what calendar
  programs look at to accept an update of an event they already have.
* Text values are escaped (``\\``, ``;``, ``,``, newlines) and every content
  line is folded at 75 octets without splitting a UTF-8 character; lines end
  with CRLF.

Nothing here opens a file: :func:`iter_ics` yields the text line by line,
:func:`write_ics` writes it to a stream as it goes, :func:`render_ics` joins it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

from wtcheck.calendar.workdays import Calendar
from wtcheck.dates import format_long
from wtcheck.deadlines import Deadline
from wtcheck.findings import Finding
from wtcheck.render.deadlines_view import force_label
from wtcheck.render.finding_words import days_text

PRODID = "-//wtcheck//wtcheck//EN"
MAX_OCTETS = 75


@dataclass(frozen=True, slots=True)
class Event:
    """One all-day calendar event."""

    uid: str
    day: date
    summary: str
    description: str
    categories: tuple[str, ...] = ()


def event_uid(case_id: str, rule: str, trigger_date: date, anchor: str | None = None) -> str:
    """A UID that stays the same for the same case, rule, trigger date (and anchor)."""
    parts = [case_id, rule, trigger_date.isoformat()]
    if anchor:
        parts.append(anchor)
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return f"{digest.hexdigest()}@wtcheck"


_DROP_CONTROLS = {c: None for c in (*range(0x20), 0x7F) if c not in (0x09, 0x0A)}


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value (§3.3.11): backslash, semicolon, comma and newlines escaped.

    Other control characters, which TEXT may not hold, are dropped.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP_CONTROLS)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """*line* folded at 75 octets (§3.1), never inside a UTF-8 character, CRLF-terminated.

    Linear in the line's length: the cuts are found by index, never by re-slicing
    what is left (a 10 MB case id once took minutes).
    """
    raw = line.encode("utf-8")
    if len(raw) <= MAX_OCTETS:
        return line + "\r\n"
    chunks: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while len(raw) - start > limit:
        cut = start + limit
        while cut > start and (raw[cut] & 0xC0) == 0x80:  # continuation byte: back off
            cut -= 1
        chunks.append(raw[start:cut])
        start = cut
        limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
    chunks.append(raw[start:])
    return b"\r\n ".join(chunks).decode("utf-8") + "\r\n"


def _ical_date(d: date) -> str:
    return f"{d:%Y%m%d}"


def iter_ics(events: Iterable[Event], *, as_of: date, name: str) -> Iterator[str]:
    """The VCALENDAR text for *events* (a calendar named *name*), one folded content
    line at a time: write it as it comes and memory stays flat however many events."""
    stamp = f"{_ical_date(as_of)}T000000Z"
    for line in (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ):
        yield fold(line)
    for ev in events:
        yield "BEGIN:VEVENT\r\n"
        yield fold(f"UID:{ev.uid}")
        yield f"DTSTAMP:{stamp}\r\n"
        yield f"DTSTART;VALUE=DATE:{_ical_date(ev.day)}\r\n"
        yield f"DTEND;VALUE=DATE:{_ical_date(ev.day + timedelta(days=1))}\r\n"
        yield fold(f"SUMMARY:{escape_text(ev.summary)}")
        yield fold(f"DESCRIPTION:{escape_text(ev.description)}")
        if ev.categories:
            yield fold("CATEGORIES:" + ",".join(escape_text(c) for c in ev.categories))
        yield "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
    yield "END:VCALENDAR\r\n"


def write_ics(out: TextIO, events: Iterable[Event], *, as_of: date, name: str) -> None:
    """Write the VCALENDAR for *events* to *out* as it is made (no whole-file string)."""
    out.writelines(iter_ics(events, as_of=as_of, name=name))


def render_ics(events: Iterable[Event], *, as_of: date, name: str) -> str:
    """The VCALENDAR text for *events* (a calendar named *name*), as one string."""
    return "".join(iter_ics(events, as_of=as_of, name=name))


def _left(n: int, as_of: date) -> str:
    when = f"as of {format_long(as_of)}"
    if n == 0:
        return f"due today ({when})"
    if n > 0:
        return f"{n} working day{'s' if n != 1 else ''} left {when}"
    return f"overdue by {-n} working day{'s' if n != -1 else ''} {when}"


def deadline_events(
    items: Sequence[Deadline], cal: Calendar, as_of: date, case_id: str = ""
) -> list[Event]:
    """One event per deadline of ``wtcheck deadlines`` (*case_id*: ``--case``, may be empty)."""
    events = []
    for d in items:
        rule = d.rule
        summary = f"{rule.id}: {rule.name}" + (f" (case {case_id})" if case_id else "")
        lines = [f"Case: {case_id}"] if case_id else []
        lines += [
            f"Rule: {rule.id} ({rule.name})",
            f"Trigger: {d.trigger_label}, {format_long(d.trigger_date)}",
            f"Deadline: {format_long(d.deadline)}",
            f"Status: {_left(cal.between(as_of, d.deadline), as_of)}",
            f"Force: {force_label(rule.force)}" + ("" if rule.verified else " [UNVERIFIED]"),
            f"Source: {rule.source}",
            f"Edition: {d.edition_label}",
            f"Calendar: {d.division}",
        ]
        if d.anchor:
            lines.append(f"Anchor: {d.anchor}")
        lines += [f"Note: {n}" for n in d.notes]
        events.append(
            Event(
                uid=event_uid(case_id, rule.id, d.trigger_date, d.anchor),
                day=d.deadline,
                summary=summary,
                description="\n".join(lines),
                categories=(rule.force.value,),
            )
        )
    return events


def finding_events(findings: Iterable[Finding], as_of: date) -> list[Event]:
    """One event per audit finding that has a deadline (invalid rows have none)."""
    return list(iter_finding_events(findings, as_of))


def iter_finding_events(findings: Iterable[Finding], as_of: date) -> Iterator[Event]:
    """:func:`finding_events` one at a time, for :func:`write_ics` on a large audit."""
    for f in findings:
        if f.deadline is None or f.trigger_date is None:
            continue
        lines = [
            f"Case: {f.case_id}",
            f"Rule: {f.rule} ({f.rule_name})",
            f"Trigger: {format_long(f.trigger_date)}",
            f"Deadline: {format_long(f.deadline)}",
            f"Status: {f.status.value} ({days_text(f)}), as of {format_long(as_of)}",
        ]
        if f.completed:
            lines.append(f"Completed: {format_long(f.completed)}")
        if f.force:
            lines.append(f"Force: {f.force}")
        lines += [f"Source: {f.source}", f"Edition: {f.edition}"]
        if f.anchor:
            lines.append(f"Anchor: {f.anchor}")
        where = f"{f.file}, row {f.row}" if f.file else f"row {f.row}"
        lines.append(f"From: {where}")
        if f.episode:
            lines.append(f"Episode: {f.episode}")
        lines += [f"Group: {g}" for g in f.groups]  # --by values
        if f.message:
            lines.append(f"Note: {f.message}")
        yield Event(
            uid=event_uid(f.case_id, f.rule, f.trigger_date, f.anchor),
            day=f.deadline,
            summary=f"[{f.status.value}] {f.rule}: {f.rule_name} (case {f.case_id})",
            description="\n".join(lines),
            categories=(f.status.value,),
        )
