"""The delivery sequence against a real SMTP server on loopback: routing, state, failures."""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.data.sample_findings import finding
from tests.smtp_server import HOST, Received, Recorder, closed_port, smtp_server
from wtcheck.errors import DeliveryError, InputError
from wtcheck.findings import Finding, Status
from wtcheck.mail_run import Outcome, plan_messages, run_delivery
from wtcheck.mailer import EmailSettings, Security
from wtcheck.state import Changes, State, StateError, StateLockedError

D1, D2 = date(2026, 12, 1), date(2026, 12, 2)
SELECTED = frozenset({Status.OVERDUE, Status.LATE, Status.DUE_SOON})
ROUTES = (
    ("Team A", ("a@example.org",)),
    ("Team B", ("b@example.org",)),
    ("Team C", ("c1@example.org", "c2@example.org")),
)


def settings(port: int, **kw: object) -> EmailSettings:
    base = EmailSettings(
        sender="wtcheck <wtcheck@example.org>",
        recipients=("all@example.org",),
        host=HOST,
        port=port,
        security=Security.NONE,
        timeout=5,
        subject_prefix="OFFICIAL-SENSITIVE",
        routes=ROUTES,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def team(group: str, *ids: str, **kw: object) -> list[Finding]:
    return [finding(case_id=i, groups=(group, "Worker X"), **kw) for i in ids]


def findings() -> list[Finding]:
    """Teams A (2 overdue), B (1 overdue, 1 due soon), C (1 late); D and an empty team."""
    return [
        *team("Team A", "A1", "A2"),
        *team("Team B", "B1"),
        *team("Team B", "B2", status=Status.DUE_SOON, days=2, deadline=date(2026, 12, 3)),
        *team("Team C", "C1", status=Status.LATE, days=1, completed=date(2026, 11, 30)),
        *team("Team D", "D1"),
        *team("(none)", "N1"),
    ]


class Report:
    """The report the command writes: a file, and what it was given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.changes: list[Changes | None] = []

    def __call__(self, changes: Changes | None) -> None:
        self.changes.append(changes)
        self.path.write_text(f"report {len(self.changes)}\n")


def run(
    s: EmailSettings | None, state: Path | None, report: Report, found: list[Finding], **kw: object
) -> Outcome:
    return run_delivery(
        found, s, state, kw.pop("as_of", D1), report, files=["lcs.csv"], selected=SELECTED, soon=5,
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def cases_of(got: Received) -> list[str]:
    (attachment,) = list(got.message.iter_attachments())
    rows = csv.DictReader(io.StringIO(attachment.get_content()))
    return [r["case_id"] for r in rows]


def by_subject(rec: Recorder) -> dict[str, Received]:
    return {str(r.message["Subject"]): r for r in rec.received}


def test_three_teams_and_a_catch_all_give_four_messages_each_holding_only_its_cases(
    tmp_path: Path,
) -> None:
    with smtp_server() as (port, rec):
        out = run(settings(port), tmp_path / "state.db", Report(tmp_path / "r.txt"), findings())
    assert out.delivered is not None
    assert out.delivered.sent == ("route:Team A", "route:Team B", "route:Team C", "catch-all")
    got = by_subject(rec)
    p = "OFFICIAL-SENSITIVE wtcheck"
    assert sorted(got) == sorted([
        f"{p}: Team A: 2 overdue (2 new) — lcs.csv, as of 2026-12-01",
        f"{p}: Team B: 1 overdue, 1 due within 5 working days (2 new) — lcs.csv, as of 2026-12-01",
        f"{p}: Team C: 1 done late (1 new) — lcs.csv, as of 2026-12-01",
        f"{p}: (none), Team D: 2 overdue (2 new) — lcs.csv, as of 2026-12-01",
    ])  # fmt: skip
    to = {r.rcpt_tos[0]: r for r in rec.received}
    a, b, c, rest = (
        to[x] for x in ("a@example.org", "b@example.org", "c1@example.org", "all@example.org")
    )
    assert (a.rcpt_tos, cases_of(a)) == (["a@example.org"], ["A1", "A2"])
    assert (b.rcpt_tos, cases_of(b)) == (["b@example.org"], ["B1", "B2"])
    assert (c.rcpt_tos, cases_of(c)) == (["c1@example.org", "c2@example.org"], ["C1"])
    assert (rest.rcpt_tos, cases_of(rest)) == (["all@example.org"], ["D1", "N1"])
    text = a.message.get_body(("plain",)).get_content()
    assert "A1 — Serious incident notification [new]" in text
    assert "B1" not in text and "D1" not in text
    assert str(a.message["To"]) == "a@example.org"


def test_unrouted_values_can_go_to_nobody(tmp_path: Path) -> None:
    with smtp_server() as (port, rec):
        out = run(settings(port, send_unrouted=False), None, Report(tmp_path / "r"), findings())
    assert out.delivered is not None and out.delivered.sent == (
        "route:Team A",
        "route:Team B",
        "route:Team C",
    )
    assert sorted(r.rcpt_tos[0] for r in rec.received) == [
        "a@example.org",
        "b@example.org",
        "c1@example.org",
    ]


def test_without_routes_one_message_goes_to_the_to_addresses() -> None:
    (only,) = plan_messages(findings(), (), ("all@example.org",))
    assert (only.key, only.group, only.recipients, len(only.findings)) == (
        "all",
        None,
        ("all@example.org",),
        7,
    )
    assert plan_messages(findings(), (), ()) == []


def test_routes_without_a_by_column_are_refused_before_the_report(tmp_path: Path) -> None:
    report = Report(tmp_path / "r.txt")
    flat = [finding(case_id="A1")]
    with pytest.raises(InputError) as exc:
        run(settings(closed_port()), tmp_path / "state.db", report, flat)
    assert str(exc.value) == (
        "[email.routes]: routes use the first --by column's values, but the audit has no "
        "--by column; add --by COLUMN"
    )
    assert report.changes == [] and not report.path.exists()


def test_a_team_with_nothing_to_report_gets_no_message_unless_always(tmp_path: Path) -> None:
    quiet = [f for f in findings() if f.groups[0] != "Team C"]
    with smtp_server() as (port, rec):
        out = run(settings(port), None, Report(tmp_path / "r"), quiet)
        assert out.delivered is not None and out.delivered.empty == ("route:Team C",)
        assert len(rec.received) == 3
        run(settings(port, always=True), None, Report(tmp_path / "r"), quiet)
        assert len(rec.received) == 7
    assert "Team C: nothing to report" in str(rec.received[-2].message["Subject"])


def test_the_state_over_three_runs_reaches_the_report_and_the_mail(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    report = Report(tmp_path / "r.txt")
    s = lambda port: settings(port, routes=ROUTES[:1], send_unrouted=False)  # noqa: E731
    with smtp_server() as (port, rec):
        run(s(port), state, report, team("Team A", "A1", "A2", "A3"), as_of=D1)
        run(s(port), state, report, team("Team A", "A2", "A3", "A4"), as_of=D2)
        run(s(port), state, report, team("Team A", "A4", "A5"), as_of=date(2026, 12, 3))
    counts = [
        c.counts(found) if c else None
        for c, found in zip(
            report.changes,
            [
                team("Team A", *ids)
                for ids in (("A1", "A2", "A3"), ("A2", "A3", "A4"), ("A4", "A5"))
            ],
            strict=True,
        )
    ]
    assert counts == [(3, 0, 0), (1, 2, 1), (1, 1, 2)]
    subjects = [str(r.message["Subject"]) for r in rec.received]
    assert subjects == [
        f"OFFICIAL-SENSITIVE wtcheck: Team A: {n} overdue ({new} new) — lcs.csv, as of {d}"
        for n, new, d in ((3, 3, "2026-12-01"), (3, 1, "2026-12-02"), (2, 1, "2026-12-03"))
    ]
    last = rec.received[-1].message.get_body(("plain",)).get_content()
    assert "Since the last run (Wed 2 Dec 2026): 1 new, 1 still open, 2 resolved." in last
    assert "Resolved since Wed 2 Dec 2026 (2)" in last
    assert "  A2 — Serious incident notification (was overdue, deadline Fri 27 Nov 2026)" in last
    assert "A4 — Serious incident notification [still open]" in last
    assert "A5 — Serious incident notification [new]" in last


def test_only_new_mails_just_the_new_findings_and_the_state_keeps_them_all(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.db"
    s = lambda port: settings(port, routes=ROUTES[:1], send_unrouted=False)  # noqa: E731
    with smtp_server() as (port, rec):
        run(s(port), state, Report(tmp_path / "r"), team("Team A", "A1"), as_of=D1)
        run(s(port), state, Report(tmp_path / "r"), team("Team A", "A1", "A2"), as_of=D2,
            only_new=True)  # fmt: skip
    assert cases_of(rec.received[-1]) == ["A2"]
    with State.open(state) as st:
        assert st.runs() == [(D1, 1), (D2, 2)]


def test_smtp_down_after_the_report_keeps_report_and_state_and_a_rerun_sends_once(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.db"
    report = Report(tmp_path / "r.txt")
    down = closed_port()
    with pytest.raises(DeliveryError) as exc:
        run(settings(down), state, report, findings())
    assert exc.value.exit_code == 3
    assert str(exc.value) == (
        f"email not sent: could not connect to 127.0.0.1:{down}: connection refused "
        "(the message for Team A; 0 of 4 messages sent, 4 not; the report and the state "
        "are saved; run again with the same --as-of to send the rest)"
    )
    assert report.path.read_text() == "report 1\n"
    with State.open(state) as st:
        assert st.runs() == [(D1, 7)] and st.accepted(D1) == set()
    with smtp_server() as (port, rec):
        out = run(settings(port), state, report, findings())
        assert out.delivered is not None and len(out.delivered.sent) == 4
        again = run(settings(port), state, report, findings())  # a second rerun: nothing
    assert again.delivered is not None and again.delivered.sent == ()
    assert len(again.delivered.already) == 4
    assert len(rec.received) == 4


def test_a_refused_team_stops_the_run_and_the_rerun_sends_only_what_was_not_accepted(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.db"
    with smtp_server(Recorder(refuse=frozenset({"b@example.org"}))) as (port, rec):
        with pytest.raises(DeliveryError) as exc:
            run(settings(port), state, Report(tmp_path / "r"), findings())
        assert "(the message for Team B; 1 of 4 messages sent, 3 not;" in str(exc.value)
        assert [r.rcpt_tos for r in rec.received] == [["a@example.org"]]
    with smtp_server() as (port, rec):
        out = run(settings(port), state, Report(tmp_path / "r"), findings())
    assert out.delivered is not None
    assert out.delivered.already == ("route:Team A",)
    assert [r.rcpt_tos for r in rec.received] == [
        ["b@example.org"],
        ["c1@example.org", "c2@example.org"],
        ["all@example.org"],
    ]


def test_a_corrupt_state_file_stops_the_run_before_the_report_and_the_mail(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.db"
    state.write_bytes(b"\x00garbage" * 100)
    report = Report(tmp_path / "r.txt")
    with smtp_server() as (port, rec), pytest.raises(StateError) as exc:
        run(settings(port), state, report, findings())
    assert exc.value.exit_code == 2
    assert str(exc.value).startswith(f"state file {state}: not a wtcheck state file or damaged")
    assert report.changes == [] and not report.path.exists() and rec.received == []


def test_two_concurrent_runs_one_waits_and_nothing_is_sent_twice(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    inside = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def slow_report(changes: Changes | None) -> None:
        inside.set()
        release.wait(10)

    def first(port: int) -> None:
        try:
            run(settings(port), state, slow_report, findings())  # type: ignore[arg-type]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with smtp_server() as (port, rec):
        thread = threading.Thread(target=first, args=(port,))
        thread.start()
        assert inside.wait(10)
        impatient = Report(tmp_path / "impatient.txt")
        with pytest.raises(StateLockedError) as exc:
            run(settings(port), state, impatient, findings(), wait=0.2)
        assert "in use by another wtcheck run (waited 0.2 s)" in str(exc.value)
        assert impatient.changes == [] and not impatient.path.exists()
        waiting: list[Outcome] = []
        second = threading.Thread(
            target=lambda: waiting.append(
                run(settings(port), state, Report(tmp_path / "w.txt"), findings(), wait=10)
            )
        )
        second.start()
        release.set()
        thread.join(10)
        second.join(10)
    assert errors == []
    (out,) = waiting
    assert out.delivered is not None and out.delivered.sent == ()
    assert len(out.delivered.already) == 4
    assert len(rec.received) == 4
    with State.open(state) as st:
        assert st.runs() == [(D1, 7)]


def test_the_html_marks_new_and_still_open_and_lists_the_resolved(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    s = lambda port: settings(port, routes=ROUTES[:1], send_unrouted=False)  # noqa: E731
    with smtp_server() as (port, rec):
        run(s(port), state, Report(tmp_path / "r"), team("Team A", "A1", "A2"), as_of=D1)
        run(s(port), state, Report(tmp_path / "r"), team("Team A", "A2", "A3"), as_of=D2)
    first = rec.received[0].message.get_body(("plain",)).get_content()
    assert "First run with this state file: 2 new, 0 still open, 0 resolved." in first
    html = rec.received[1].message.get_body(("html",)).get_content()
    assert "<th>Since the last run</th>" in html
    assert "<td>A2</td>" in html and "<td>still open</td>" in html and "<td>new</td>" in html
    assert (
        "<h3>Resolved (1)</h3><ul>\r\n<li>A1 — Serious incident notification "
        "(was overdue, deadline Fri 27 Nov 2026)</li>" in html
    )
