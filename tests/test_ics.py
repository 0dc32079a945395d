"""The iCalendar writer: escaping, folding, UIDs, and findings read back by a real parser."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest

from tests.data.sample_findings import finding
from wtcheck.findings import Status
from wtcheck.render.ics import Event, escape_text, event_uid, finding_events, fold, render_ics


def _physical_lines(text: str) -> list[bytes]:
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    return raw.split(b"\r\n")[:-1]


def test_escape_text_escapes_the_four_specials_and_drops_control_characters() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf\rg\x07h\ti") == "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti"


def test_short_line_is_not_folded() -> None:
    assert fold("SUMMARY:x") == "SUMMARY:x\r\n"
    exact = "X" * 75
    assert fold(exact) == exact + "\r\n"


def test_long_line_folds_at_75_octets_with_a_leading_space() -> None:
    line = "DESCRIPTION:" + "a" * 200
    folded = fold(line)
    parts = _physical_lines(folded)
    assert [len(p) for p in parts] == [75, 75, 1 + 212 - 75 - 74]
    assert all(p.startswith(b" ") for p in parts[1:])
    assert b"".join([parts[0], *(p[1:] for p in parts[1:])]).decode() == line


@pytest.mark.parametrize("offset", range(4))
def test_folding_never_splits_a_utf8_character(offset: int) -> None:
    line = "SUMMARY:" + "x" * offset + "–é😀" * 40
    parts = _physical_lines(fold(line))
    for p in parts:
        assert len(p) <= 75
        p.decode("utf-8")  # raises if a character was cut
    assert "".join(p.decode()[1:] if i else p.decode() for i, p in enumerate(parts)) == line


def test_uid_depends_on_case_rule_trigger_date_and_anchor_only() -> None:
    base = event_uid("C1", "rr-submit", date(2025, 12, 31))
    assert base == event_uid("C1", "rr-submit", date(2025, 12, 31))
    assert base.endswith("@wtcheck") and len(base) == 40 + len("@wtcheck")
    others = {
        event_uid("C2", "rr-submit", date(2025, 12, 31)),
        event_uid("C1", "sin-panel", date(2025, 12, 31)),
        event_uid("C1", "rr-submit", date(2026, 1, 1)),
        event_uid("C1", "rr-submit", date(2025, 12, 31), "awareness (literal reading)"),
        # no ambiguity from joining: ("C1|x", "y") differs from ("C1", "x|y")
        event_uid("C1\x1frr", "submit", date(2025, 12, 31)),
    }
    assert base not in others and len(others) == 5


def test_findings_round_trip_through_a_real_parser() -> None:
    findings = [
        finding(),
        finding(
            case_id="C-8",
            status=Status.LATE,
            completed=date(2026, 12, 1),
            days=1,
            anchor="notification",
            message="Unverified rule",
        ),
        finding(case_id="C-9", status=Status.INVALID, trigger_date=None, deadline=None),
    ]
    text = render_ics(
        finding_events(findings, date(2026, 12, 1)), as_of=date(2026, 12, 1), name="Team audit"
    )
    assert all(len(p) <= 75 for p in _physical_lines(text))
    cal = icalendar.Calendar.from_ical(text.encode())
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Team audit"
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # the invalid row has no deadline to show
    first, second = events
    assert str(first["UID"]) == event_uid("C-7; Smith, J", "sin-panel", date(2026, 11, 20))
    assert first.decoded("DTSTART") == date(2026, 11, 27)
    assert first.decoded("DTEND") == date(2026, 11, 28)
    assert first.decoded("DTSTAMP") == datetime(2026, 12, 1, tzinfo=UTC)
    assert str(first["SUMMARY"]) == (
        "[overdue] sin-panel: Serious incident notification (case C-7; Smith, J)"
    )
    assert str(first["DESCRIPTION"]) == (
        "Case: C-7; Smith, J\n"
        "Rule: sin-panel (Serious incident notification)\n"
        "Trigger: Fri 20 Nov 2026\n"
        "Deadline: Fri 27 Nov 2026\n"
        "Status: overdue (2 working days overdue), as of Tue 1 Dec 2026\n"
        "Force: guidance\n"
        "Source: Working Together 2023, ch.5\n"
        "Edition: wt2023\n"
        "From: cases.csv, row 4"
    )
    assert first["CATEGORIES"].cats == ["overdue"]
    assert str(first["TRANSP"]) == "TRANSPARENT"
    assert str(second["UID"]) == event_uid("C-8", "sin-panel", date(2026, 11, 20), "notification")
    assert str(second["DESCRIPTION"]).splitlines()[4:] == [
        "Status: late (done 1 working day late), as of Tue 1 Dec 2026",
        "Completed: Tue 1 Dec 2026",
        "Force: guidance",
        "Source: Working Together 2023, ch.5",
        "Edition: wt2023",
        "Anchor: notification",
        "From: cases.csv, row 4",
        "Note: Unverified rule",
    ]


@pytest.mark.parametrize(
    ("status", "days", "words"),
    [
        (Status.OVERDUE, 1, "overdue (1 working day overdue)"),
        (Status.LATE, 3, "late (done 3 working days late)"),
        (Status.DUE_SOON, 0, "due-soon (due today)"),
        (Status.DUE_SOON, 2, "due-soon (2 working days left)"),
        (Status.PENDING, 9, "pending (9 working days left)"),
        (Status.MET, 0, "met (met on the day)"),
        (Status.MET, 4, "met (met with 4 working days to spare)"),
    ],
)
def test_status_words(status: Status, days: int, words: str) -> None:
    (ev,) = finding_events([finding(status=status, days=days)], date(2026, 12, 1))
    assert f"Status: {words}, as of Tue 1 Dec 2026" in ev.description.splitlines()


def test_same_input_gives_the_same_bytes() -> None:
    ev = [Event("u@wtcheck", date(2026, 1, 2), "s", "d")]
    a = render_ics(ev, as_of=date(2026, 1, 1), name="n")
    assert a == render_ics(ev, as_of=date(2026, 1, 1), name="n")
    assert "DTSTAMP:20260101T000000Z\r\n" in a
    assert "CATEGORIES" not in a
