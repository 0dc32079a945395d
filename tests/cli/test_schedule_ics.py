"""``wtcheck deadlines --format ics``: the feed read back by a real iCalendar parser."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
from typer.testing import CliRunner

from wtcheck.cli.app import app
from wtcheck.render.ics import event_uid

runner = CliRunner()

ARGS = ("deadlines", "--aware", "22/12/2025", "--as-of", "2025-12-23", "--format", "ics")


def _ics(*extra: str) -> bytes:
    result = runner.invoke(app, [*ARGS, *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_deadlines_ics_has_one_all_day_event_per_deadline() -> None:
    raw = _ics("--case", "C-1")
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["PRODID"]) == "-//wtcheck//wtcheck//EN"
    assert str(cal["METHOD"]) == "PUBLISH"
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]).split(":")[0] for e in events] == [
        "sin-panel",
        "rr-submit",
        "sin-partners",
    ]
    sin, rr = events[:2]

    assert str(sin["UID"]) == event_uid("C-1", "sin-panel", date(2025, 12, 22))
    assert sin.decoded("DTSTART") == date(2025, 12, 31)
    assert sin.decoded("DTEND") == date(2026, 1, 1)
    assert sin.decoded("DTSTAMP") == datetime(2025, 12, 23, tzinfo=UTC)
    assert str(sin["SUMMARY"]) == (
        "sin-panel: Serious incident notification to the Child Safeguarding Practice "
        "Review Panel (case C-1)"
    )
    desc = str(sin["DESCRIPTION"]).splitlines()
    assert desc[:5] == [
        "Case: C-1",
        "Rule: sin-panel (Serious incident notification to the Child Safeguarding "
        "Practice Review Panel)",
        "Trigger: date the local authority became aware of the incident, Mon 22 Dec 2025",
        "Deadline: Wed 31 Dec 2025",
        "Status: 4 working days left as of Tue 23 Dec 2025",
    ]
    assert desc[5] == "Force: guidance (should)"
    assert desc[6].startswith("Source: GOV.UK, 'Report a serious child safeguarding incident'")
    assert desc[7:] == ["Edition: Working Together 2023", "Calendar: england-and-wales"]
    assert sin["CATEGORIES"].cats == ["guidance"]
    assert str(sin["TRANSP"]) == "TRANSPARENT"

    assert str(rr["UID"]) == event_uid("C-1", "rr-submit", date(2025, 12, 31), "notification")
    assert rr.decoded("DTSTART") == date(2026, 1, 22)
    assert rr.decoded("DTEND") == date(2026, 1, 23)
    rr_desc = str(rr["DESCRIPTION"]).splitlines()
    assert rr_desc[2] == "Trigger: date the serious incident notification was sent, Wed 31 Dec 2025"
    assert rr_desc[4] == "Status: 19 working days left as of Tue 23 Dec 2025"
    assert "Anchor: notification" in rr_desc
    assert rr_desc[-1].startswith("Note: No notification date given: counted from the last")


def test_overdue_status_is_worded_in_the_description() -> None:
    raw = _ics("--as-of", "2026-01-02", "--rule", "sin-panel")
    (ev,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert "Status: overdue by 1 working day as of Fri 2 Jan 2026" in str(ev["DESCRIPTION"])
    assert str(ev["SUMMARY"]).endswith("Review Panel")  # no --case: no case in the summary
    assert str(ev["UID"]) == event_uid("", "sin-panel", date(2025, 12, 22))


def test_reimport_is_stable_and_cases_do_not_collide() -> None:
    assert _ics("--case", "C-1") == _ics("--case", "C-1")
    a = icalendar.Calendar.from_ical(_ics("--case", "C-1")).walk("VEVENT")
    b = icalendar.Calendar.from_ical(_ics("--case", "C-2")).walk("VEVENT")
    later = icalendar.Calendar.from_ical(_ics("--case", "C-1", "--as-of", "2025-12-29"))
    assert {str(e["UID"]) for e in a}.isdisjoint(str(e["UID"]) for e in b)
    # a later run updates the same events: same UIDs, later DTSTAMP
    assert [str(e["UID"]) for e in later.walk("VEVENT")] == [str(e["UID"]) for e in a]
    assert later.walk("VEVENT")[0].decoded("DTSTAMP") == datetime(2025, 12, 29, tzinfo=UTC)


def test_other_formats_are_unchanged_and_bad_format_is_refused() -> None:
    ok = runner.invoke(app, [*ARGS[:-1], "csv"])
    assert ok.exit_code == 0 and ok.stdout.startswith("rule,name,trigger,")
    bad = runner.invoke(app, [*ARGS[:-1], "ical"])
    assert bad.exit_code == 2
    assert "'ical' is not one of 'table', 'json', 'csv', 'ics'" in bad.output
