"""The mailer: settings, the message, and sending to a real SMTP server on loopback."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.data.sample_findings import AS_OF, sample
from tests.smtp_server import (
    HOST,
    PASSWORD,
    USER,
    Recorder,
    authenticator,
    closed_port,
    make_tls,
    silent_server,
    smtp_server,
    tls_auth_server,
    trickling_server,
)
from wtcheck.errors import ConfigError, DeliveryError, InputError
from wtcheck.findings import Status
from wtcheck.mailer import (
    PASSWORD_ENV,
    EmailOptions,
    EmailSettings,
    Security,
    findings_csv_bytes,
    resolve_settings,
    send_report,
)
from wtcheck.render import mail_view
from wtcheck.render.mail_view import MailReport

SUBJECT = "wtcheck: 3 overdue, 2 due within 5 working days — cases.csv, as of 2026-12-01"
SELECTED = frozenset({Status.OVERDUE, Status.DUE_SOON})


def report() -> MailReport:
    """As ``wtcheck audit data/cases.csv --only overdue,due-soon`` reports the sample."""
    shown = [f for f in sample() if f.status in SELECTED]
    return MailReport(shown, ["data/cases.csv"], AS_OF, SELECTED)


def settings(port: int, **kw: object) -> EmailSettings:
    base = EmailSettings(
        sender="wtcheck <wtcheck@example.org>",
        recipients=("team@example.org", '"Lead, Safeguarding" <lead@example.org>'),
        host=HOST,
        port=port,
        security=Security.NONE,
        timeout=5,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


# --- settings ---------------------------------------------------------------------------

CFG = Path("/etc/wtcheck.toml")
TABLE: dict[str, object] = {
    "to": ["a@example.org", "b@example.org"],
    "from": "wtcheck@example.org",
    "host": "smtp.example.org",
    "security": "starttls",
    "user": "robot",
    "password": "from-config",
}


def test_config_table_alone_gives_settings_with_the_security_default_port() -> None:
    s = resolve_settings(EmailOptions(), TABLE, {}, CFG)
    assert (s.recipients, s.sender, s.host, s.port, s.security) == (
        ("a@example.org", "b@example.org"),
        "wtcheck@example.org",
        "smtp.example.org",
        587,
        Security.STARTTLS,
    )
    assert (s.user, s.password, s.timeout, s.always) == ("robot", "from-config", 30.0, False)
    assert "from-config" not in repr(s)


def test_command_line_wins_and_the_environment_password_wins_over_the_file() -> None:
    cli = EmailOptions(
        to=("x@example.org", "Y <y@example.org>"),
        sender="Me <me@example.org>",
        host="relay.example.org",
        port=2525,
        ssl=True,
        user="me",
        timeout=1.5,
        always=True,
    )
    s = resolve_settings(cli, TABLE, {PASSWORD_ENV: "from-env"}, CFG)
    assert s.recipients == ("x@example.org", "Y <y@example.org>")
    assert (s.sender, s.host, s.port, s.security) == (
        "Me <me@example.org>",
        "relay.example.org",
        2525,
        Security.SSL,
    )
    assert (s.user, s.password, s.timeout, s.always) == ("me", "from-env", 1.5, True)


@pytest.mark.parametrize(("security", "port"), [("none", 25), ("starttls", 587), ("ssl", 465)])
def test_default_port_follows_security(security: str, port: int) -> None:
    table = {"to": "a@example.org", "from": "w@example.org", "host": "h", "security": security}
    assert resolve_settings(EmailOptions(), table, {}).port == port


@pytest.mark.parametrize(
    ("cli", "table", "env", "error", "message"),
    [
        (EmailOptions(), {}, {}, InputError,
         "email: no recipient; give --email-to or set 'to' in the [email] table"),
        (EmailOptions(to=("bob",)), {}, {}, InputError,
         "--email-to: 'bob' is not an email address (expected name@example.org)"),
        (EmailOptions(to=("a@b.org",), sender="x@y.org\r\nBcc: evil@z.org"), {}, {}, InputError,
         "--email-from: 'x@y.org\\r\\nBcc: evil@z.org': an email address cannot contain a line break"),
        (EmailOptions(to=("a@b.org,c@d.org",)), {}, {}, InputError,
         "--email-to: 'a@b.org,c@d.org': give one address per value"),
        (EmailOptions(to=("a@b.org",)), {}, {}, InputError,
         "email: no sender; give --email-from or set 'from' in the [email] table"),
        (EmailOptions(to=("a@b.org",), sender="s@b.org"), {}, {}, InputError,
         "email: no SMTP server; give --smtp-host or set 'host' in [email]"),
        (EmailOptions(starttls=True, ssl=True), TABLE, {}, InputError,
         "--smtp-starttls and --smtp-ssl: choose one"),
        (EmailOptions(), {**TABLE, "port": "587"}, {}, ConfigError,
         "/etc/wtcheck.toml: [email] port: expected a whole number from 1 to 65535, got '587'"),
        (EmailOptions(port=0), TABLE, {}, InputError,
         "--smtp-port: expected a whole number from 1 to 65535, got 0"),
        (EmailOptions(), {**TABLE, "security": "tls"}, {}, ConfigError,
         "/etc/wtcheck.toml: [email] security: expected 'none', 'starttls' or 'ssl', got 'tls'"),
        (EmailOptions(), {**TABLE, "hots": "x"}, {}, ConfigError,
         "/etc/wtcheck.toml: [email] hots: unknown setting; expected one of to, from, host, "
         "port, security, user, password, cafile, timeout, always, subject_prefix, routes, send_unrouted"),
        (EmailOptions(), {**TABLE, "to": ["ok@b.org", 3]}, {}, ConfigError,
         "/etc/wtcheck.toml: [email] to: expected an email address as a string, got 3"),
        (EmailOptions(timeout=0), TABLE, {}, InputError,
         "--smtp-timeout: expected a number of seconds above 0 and at most 600, got 0"),
        (EmailOptions(), {k: v for k, v in TABLE.items() if k != "password"}, {}, InputError,
         "email: a login ('robot') needs a password: set WTCHECK_SMTP_PASSWORD or 'password' "
         "in the [email] table"),
        (EmailOptions(), {**TABLE, "security": "none"}, {}, InputError,
         "email: logging in to smtp.example.org without TLS would send the password in clear; "
         "add --smtp-starttls or --smtp-ssl (security in [email])"),
        (EmailOptions(), {**TABLE, "always": "yes"}, {}, ConfigError,
         "/etc/wtcheck.toml: [email] always: expected true or false, got 'yes'"),
        (EmailOptions(cafile=Path("/nonexistent/ca.pem")), TABLE, {}, InputError,
         "--smtp-cafile: /nonexistent/ca.pem: cannot load CA certificates ([Errno 2] No such "
         "file or directory)"),
    ],
)  # fmt: skip
def test_unusable_settings_are_refused_with_one_clear_line(
    cli: EmailOptions, table: dict[str, object], env: dict[str, str], error: type, message: str
) -> None:
    with pytest.raises(error) as exc:
        resolve_settings(cli, table, env, CFG)
    assert type(exc.value) is error
    assert str(exc.value) == message


def test_clear_text_login_is_allowed_to_a_loopback_relay() -> None:
    table = {**TABLE, "security": "none", "host": "127.0.0.1"}
    assert resolve_settings(EmailOptions(), table, {}).user == "robot"


# --- the message, through a real server -------------------------------------------------


def test_message_headers_bodies_and_attachment_arrive_intact() -> None:
    rep = report()
    with smtp_server() as (port, rec):
        send_report(settings(port), rep)
    (got,) = rec.received
    assert got.mail_from == "wtcheck@example.org"
    assert got.rcpt_tos == ["team@example.org", "lead@example.org"]
    msg = got.message
    assert msg["From"] == "wtcheck <wtcheck@example.org>"
    assert msg["To"] == 'team@example.org, "Lead, Safeguarding" <lead@example.org>'
    assert [a.addr_spec for a in msg["To"].addresses] == ["team@example.org", "lead@example.org"]
    assert msg["Subject"] == SUBJECT
    assert msg["Message-ID"].endswith("@example.org>")
    assert msg.get_content_type() == "multipart/mixed"
    name = "wtcheck-findings-2026-12-01.csv"
    plain = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert plain is not None and html is not None
    # text parts travel with CRLF line ends (RFC 5322); the words are unchanged
    assert plain.get_content().replace("\r\n", "\n") == mail_view.text_body(rep, name)
    assert html.get_content().replace("\r\n", "\n") == mail_view.html_body(rep, name)
    assert plain.get_content_charset() == html.get_content_charset() == "utf-8"
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_content_type() == "text/csv"
    assert attachment.get_filename() == name
    raw = attachment.get_payload(decode=True)
    assert raw == findings_csv_bytes(rep)
    lines = raw.decode().split("\r\n")
    assert lines[0].startswith("case_id,rule,rule_name,trigger_date,deadline,")
    assert len(lines) == 1 + 5 + 1  # header, one row per finding, final ""
    assert lines[5].startswith("'=cmd|' /C calc'!A0,sin-panel,")  # formula neutralised


def test_a_long_subject_arrives_with_single_spaces() -> None:
    # long enough to be folded next to the encoded em dash at 78 characters
    rep = replace(report(), files=["monthly-export.csv"])
    assert len(mail_view.subject(rep)) > 78
    with smtp_server() as (port, rec):
        send_report(settings(port), rep)
    (got,) = rec.received
    assert got.message["Subject"] == (
        "wtcheck: 3 overdue, 2 due within 5 working days — monthly-export.csv, as of 2026-12-01"
    )


def test_text_body_counts_per_rule_then_lists_the_urgent_first_within_80_columns() -> None:
    rep = report()
    text = mail_view.text_body(rep, "f.csv")
    assert text.splitlines() == [
        "wtcheck audit of cases.csv, as of Tue 1 Dec 2026.",
        "3 overdue, 2 due within 5 working days.",
        "",
        "By rule",
        "  Serious incident notification: 3 overdue, 2 due within 5 working days",
        "",
        "Due within 5 working days (2)",
        "  A6 — Serious incident notification",
        "    due today; deadline Tue 1 Dec 2026; Became aware Fri 20 Nov 2026",
        "  A2 — Serious incident notification",
        "    2 working days left; deadline Thu 3 Dec 2026; Became aware Fri 20 Nov 2026",
        "",
        "Overdue (3)",
        "  <b>A4</b> & co — Serious incident notification",
        "    3 working days overdue; deadline Thu 26 Nov 2026;",
        "    Became aware Fri 20 Nov 2026",
        "  =cmd|' /C calc'!A0 — Serious incident notification",
        "    2 working days overdue; deadline Fri 27 Nov 2026;",
        "    Became aware Fri 20 Nov 2026",
        "  A3 — Serious incident notification",
        "    1 working day overdue; deadline Mon 30 Nov 2026;",
        "    Became aware Fri 20 Nov 2026",
        "",
        "All 5 findings are in the attached f.csv.",
        "A missed guidance deadline ('should') is poor practice, not a breach of the law.",
    ]
    assert max(len(line) for line in text.splitlines()) <= 80
    for hidden in ("sin-panel", "cases.csv:", "guidance  ", "wt2023"):  # no Row/Force/Edition
        assert hidden not in text


def test_overdue_longest_first_then_late_and_a_referral_trigger_named() -> None:
    from tests.data.sample_findings import finding

    d = date
    rows = [
        finding(case_id="L1", status=Status.LATE, days=1, completed=d(2026, 11, 30)),
        finding(case_id="O1", days=1, deadline=d(2026, 11, 30)),
        finding(case_id="L4", status=Status.LATE, days=4, completed=d(2026, 11, 30)),
        finding(case_id="O9", days=9, deadline=d(2026, 11, 18)),
        finding(case_id="S3", status=Status.DUE_SOON, days=3, deadline=d(2026, 12, 4)),
        finding(
            case_id="R1",
            rule="sa-45",
            rule_name="Single assessment concluded",
            trigger_date=d(2026, 11, 18),
            status=Status.DUE_SOON,
            days=0,
            deadline=d(2026, 12, 1),
        ),
    ]
    rep = MailReport(rows, ["c.csv"], AS_OF, frozenset(Status))
    order = [f.case_id for f in rep.ordered]
    assert order == ["R1", "S3", "O9", "O1", "L4", "L1"]
    text = mail_view.text_body(rep, "f.csv")
    assert "  R1 — Single assessment concluded\n" in text
    assert "due today; deadline Tue 1 Dec 2026; Referral Wed 18 Nov 2026" in text
    assert "\nDone late (2)\n" in text


def test_html_lists_rule_names_named_triggers_and_escapes_markup() -> None:
    html = mail_view.html_body(report(), "f.csv")
    assert "<li>Serious incident notification: 3 overdue, 2 due within 5 working days</li>" in html
    assert "<th>Status</th><th>Case</th><th>Rule</th><th>Trigger</th><th>Deadline</th>" in html
    assert "<td>Became aware Fri 20 Nov 2026</td>" in html
    assert "Force" not in html and "Row" not in html and "Edition" not in html
    assert "<td>&lt;b&gt;A4&lt;/b&gt; &amp; co</td>" in html and "<b>A4" not in html
    assert html.index("A6") < html.index("A2") < html.index("A4") < html.index("A3")
    assert "A1" not in html and "A5" not in html and "A8" not in html  # not shown


def test_escape_characters_are_shown_not_sent_and_long_values_wrap_at_80() -> None:
    from tests.data.sample_findings import finding

    rows = [
        finding(case_id="C\x1b[2J\x1b]8;;http://x\x07link", rule_name="R" * 120),
        finding(case_id="X" * 130),
    ]
    rep = MailReport(rows, ["c\x1b[31m.csv"], AS_OF)
    text = mail_view.text_body(rep, "f.csv")
    assert "\x1b" not in text and "\x07" not in text
    assert "C\\x1b[2J\\x1b]8;;http://x\\x07link — RRR" in text
    assert "c\\x1b[31m.csv" in text
    assert max(len(line) for line in text.splitlines()) == 80
    assert f"\n  {'X' * 78}\n    {'X' * 52} — Serious incident\n    notification\n" in text


def test_a_file_name_with_a_line_break_reaches_the_subject_on_one_line() -> None:
    rep = MailReport(report().findings, ["evil\r\nBcc: x@evil.example\n.csv"], AS_OF, SELECTED)
    assert mail_view.subject(rep, "OFFICIAL-SENSITIVE") == (
        "OFFICIAL-SENSITIVE wtcheck: 3 overdue, 2 due within 5 working days — "
        "evil Bcc: x@evil.example .csv, as of 2026-12-01"
    )
    with smtp_server() as (port, rec):
        send_report(settings(port, subject_prefix="OFFICIAL-SENSITIVE"), rep)
    (got,) = rec.received
    assert got.message["Subject"] == mail_view.subject(rep, "OFFICIAL-SENSITIVE")
    assert got.message["Bcc"] is None
    assert got.rcpt_tos == ["team@example.org", "lead@example.org"]


def test_bodies_show_at_most_200_rows_and_say_how_many_more() -> None:
    from tests.data.sample_findings import finding

    many = [finding(case_id=f"C{i:03}", row=i) for i in range(205)]
    rep = MailReport(many, ["c.csv"], AS_OF)
    text = mail_view.text_body(rep, "f.csv").splitlines()
    assert sum(1 for line in text if line.startswith("  C")) == 200
    assert text[-3:-1] == ["5 more not shown here.", "All 205 findings are in the attached f.csv."]
    html = mail_view.html_body(rep, "f.csv")
    assert html.count('<tr class="overdue"') == 200
    assert "<p>5 more not shown here.</p>" in html


def test_only_selected_statuses_make_something_to_report() -> None:
    due_soon = [f for f in sample() if f.status is Status.DUE_SOON]
    assert not MailReport(due_soon, ["c.csv"], AS_OF).has_findings  # default: overdue, late
    assert MailReport(due_soon, ["c.csv"], AS_OF, SELECTED).has_findings
    assert MailReport(sample(), ["c.csv"], AS_OF).has_findings
    assert mail_view.subject(MailReport(sample(), ["c.csv"], AS_OF)) == (
        "wtcheck: 3 overdue, 1 done late, 2 due within 5 working days, 1 pending, 1 met "
        "— c.csv, as of 2026-12-01"
    )


def test_nothing_to_report_subject_and_files_label() -> None:
    rep = MailReport([], ["a/x.csv", "b/y.csv", "z.csv"], AS_OF)
    assert not rep.has_findings
    assert mail_view.subject(rep) == (
        "wtcheck: nothing to report — x.csv and 2 more files, as of 2026-12-01"
    )
    assert mail_view.text_body(rep, "f.csv").splitlines() == [
        "wtcheck audit of x.csv and 2 more files, as of Tue 1 Dec 2026.",
        "Nothing to report.",
        "",
        "All 0 findings are in the attached f.csv.",
        "A missed guidance deadline ('should') is poor practice, not a breach of the law.",
    ]
    assert mail_view.files_label(["a/x.csv", "y.csv"]) == "x.csv, y.csv"
    assert mail_view.files_label(["-"]) == "stdin"


# --- TLS and AUTH -----------------------------------------------------------------------


def test_starttls_with_a_self_signed_certificate_trusted_through_cafile(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)
    with smtp_server(tls_context=tls.server_context, require_starttls=True) as (port, rec):
        send_report(settings(port, security=Security.STARTTLS, cafile=tls.cafile), report())
    (got,) = rec.received
    assert got.tls and got.message["Subject"] == SUBJECT


def test_starttls_refuses_an_untrusted_certificate(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)
    server = smtp_server(tls_context=tls.server_context, require_starttls=True)
    with server as (port, rec), pytest.raises(DeliveryError) as exc:
        send_report(settings(port, security=Security.STARTTLS), report())
    assert str(exc.value) == (
        f"email not sent: the TLS certificate of 127.0.0.1:{port} is not trusted "
        "(unable to get local issuer certificate); give its CA with --smtp-cafile "
        "or 'cafile' in [email]"
    )
    assert rec.received == []


def test_starttls_asked_of_a_server_that_does_not_offer_it() -> None:
    with smtp_server() as (port, rec), pytest.raises(DeliveryError) as exc:
        send_report(settings(port, security=Security.STARTTLS), report())
    assert str(exc.value) == f"email not sent: 127.0.0.1:{port} does not offer STARTTLS"
    assert rec.received == []


def test_implicit_tls(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)
    with smtp_server(ssl_context=tls.server_context) as (port, rec):
        send_report(settings(port, security=Security.SSL, cafile=tls.cafile), report())
    (got,) = rec.received
    assert got.tls


def test_auth_after_starttls(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)
    server = tls_auth_server(tls)
    good = settings(0, security=Security.STARTTLS, cafile=tls.cafile, user=USER, password=PASSWORD)
    with smtp_server(**server) as (port, rec):
        send_report(replace(good, port=port), report())
        with pytest.raises(DeliveryError) as exc:
            send_report(replace(good, port=port, password="wrong"), report())
    (got,) = rec.received
    assert got.authenticated and got.tls
    assert str(exc.value) == (
        f"email not sent: 127.0.0.1:{port} refused the login as 'alice': "
        "535 5.7.8 Authentication credentials invalid"
    )


def test_login_to_a_server_without_auth_is_a_delivery_error() -> None:
    with smtp_server() as (port, _rec), pytest.raises(DeliveryError) as exc:
        send_report(settings(port, user=USER, password=PASSWORD), report())
    assert str(exc.value) == f"email not sent: 127.0.0.1:{port} does not offer AUTH (login)"


def test_auth_without_tls_on_loopback(recwarn: pytest.WarningsRecorder) -> None:
    server = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": False}
    with smtp_server(**server) as (port, rec):
        send_report(settings(port, user=USER, password=PASSWORD), report())
    (got,) = rec.received
    assert got.authenticated and not got.tls


# --- failures ---------------------------------------------------------------------------


def test_server_down_is_connection_refused() -> None:
    port = closed_port()
    with pytest.raises(DeliveryError) as exc:
        send_report(settings(port), report())
    assert str(exc.value) == (
        f"email not sent: could not connect to 127.0.0.1:{port}: connection refused"
    )
    assert exc.value.exit_code == 3


@pytest.mark.parametrize("security", [Security.NONE, Security.SSL])
def test_server_that_never_answers_times_out(security: Security) -> None:
    with silent_server() as port:
        start = time.monotonic()
        with pytest.raises(DeliveryError) as exc:
            send_report(settings(port, timeout=0.5, security=security), report())
        elapsed = time.monotonic() - start
    assert str(exc.value) == (
        f"email not sent: 127.0.0.1:{port} did not answer within 0.5 s (connecting)"
    )
    assert elapsed < 10  # bounded: without the timeout this test would hang


def test_recipients_refused() -> None:
    handler = Recorder(refuse=frozenset({"lead@example.org"}))
    with smtp_server(handler) as (port, rec):
        with pytest.raises(DeliveryError) as partial:
            send_report(settings(port), report())
        with pytest.raises(DeliveryError) as every:
            send_report(settings(port, recipients=("lead@example.org",)), report())
    assert str(partial.value) == (
        f"email sent, but 127.0.0.1:{port} refused some recipients: "
        "lead@example.org (550 5.1.1 no such user here)"
    )
    assert str(every.value) == (
        f"email not sent: 127.0.0.1:{port} refused every recipient: "
        "lead@example.org (550 5.1.1 no such user here)"
    )
    assert [r.rcpt_tos for r in rec.received] == [["team@example.org"]]


def test_a_server_trickling_220_continuation_lines_is_bounded_by_the_timeout() -> None:
    """One ``220-`` line every 0.2 s resets a per-read timeout for ever; the
    deadline covers the whole exchange (the server gives up after 20 s, so a
    client without it fails with a different message instead of hanging)."""
    with trickling_server(interval=0.2, lasting=20) as port, pytest.raises(DeliveryError) as exc:
        send_report(settings(port, timeout=1), report())
    assert str(exc.value) == (
        f"email not sent: 127.0.0.1:{port} did not answer within 1 s (connecting)"
    )


# --- routes, subject prefix -------------------------------------------------------------


def test_routes_prefix_and_unrouted_values_from_the_config_table() -> None:
    table = {
        **TABLE,
        "subject_prefix": "OFFICIAL-SENSITIVE",
        "routes": {"Team A": "a@example.org", "Team B": ["b1@example.org", "b2@example.org"]},
        "send_unrouted": False,
    }
    s = resolve_settings(EmailOptions(), table, {}, CFG)
    assert s.subject_prefix == "OFFICIAL-SENSITIVE"
    assert s.routes == (
        ("Team A", ("a@example.org",)),
        ("Team B", ("b1@example.org", "b2@example.org")),
    )
    assert s.send_unrouted is False
    plain = resolve_settings(EmailOptions(), TABLE, {}, CFG)
    assert (plain.subject_prefix, plain.routes, plain.send_unrouted) == ("", (), True)


def test_routes_alone_need_no_catch_all_address_when_unrouted_values_are_not_sent() -> None:
    table = {k: v for k, v in TABLE.items() if k != "to"}
    routed = {**table, "routes": {"Team A": "a@example.org"}, "send_unrouted": False}
    assert resolve_settings(EmailOptions(), routed, {}, CFG).recipients == ()
    with pytest.raises(InputError) as exc:
        resolve_settings(EmailOptions(), {**routed, "send_unrouted": True}, {}, CFG)
    assert str(exc.value) == (
        "email: no recipient; give --email-to or set 'to' in the [email] table"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"subject_prefix": "OFFICIAL\r\nBcc: x@evil.example"},
            "/etc/wtcheck.toml: [email] subject_prefix: 'OFFICIAL\\r\\nBcc: x@evil.example': "
            "a subject prefix cannot hold a line break or control character",
        ),
        (
            {"subject_prefix": 3},
            "/etc/wtcheck.toml: [email] subject_prefix: expected a string such as "
            "'OFFICIAL-SENSITIVE', got 3",
        ),
        (
            {"subject_prefix": "X" * 101},
            "/etc/wtcheck.toml: [email] subject_prefix: expected at most 100 characters, got 101",
        ),
        (
            {"routes": {"Team A": "not an address"}},
            "/etc/wtcheck.toml: [email] routes.'Team A': 'not an address' is not an email "
            "address (expected name@example.org)",
        ),
        (
            {"routes": {"Team A": "a@example.org\r\nBcc: x@evil.example"}},
            "/etc/wtcheck.toml: [email] routes.'Team A': 'a@example.org\\r\\nBcc: "
            "x@evil.example': an email address cannot contain a line break",
        ),
        (
            {"routes": {"Team A": []}},
            "/etc/wtcheck.toml: [email] routes.'Team A': expected at least one email address",
        ),
        (
            {"routes": "a@example.org"},
            "/etc/wtcheck.toml: [email] routes: expected a table such as [email.routes] "
            '"Team A" = "a@example.org"',
        ),
        (
            {"send_unrouted": "no"},
            "/etc/wtcheck.toml: [email] send_unrouted: expected true or false, got 'no'",
        ),
    ],
)
def test_unusable_routes_and_prefix_are_one_config_error_line(
    extra: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as exc:
        resolve_settings(EmailOptions(), {**TABLE, **extra}, {}, CFG)
    assert str(exc.value) == message


def test_the_subject_prefix_reaches_the_subject() -> None:
    with smtp_server() as (port, rec):
        send_report(settings(port, subject_prefix="OFFICIAL-SENSITIVE"), report())
    (got,) = rec.received
    assert got.message["Subject"] == f"OFFICIAL-SENSITIVE {SUBJECT}"
