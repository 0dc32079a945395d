"""``wtcheck audit`` in cron: exit statuses, --quiet, email through a real loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.smtp_server import (
    HOST,
    PASSWORD,
    USER,
    closed_port,
    make_tls,
    silent_server,
    smtp_server,
    tls_auth_server,
)
from wtcheck.cli.app import app

runner = CliRunner()

CASES = (
    "case_id,aware_date,notification_date\r\n"
    "A1,2026-11-20,\r\n"  # sin-panel due Fri 27 Nov: overdue on 1 Dec
    "A2,2026-11-26,\r\n"  # due Thu 3 Dec: due soon
    "A3,2026-10-01,2026-10-05\r\n"  # met
    "A4,2026-10-01,2026-10-20\r\n"  # late
    "A5,2026-11-30,\r\n"  # due Mon 7 Dec: due soon
)
QUIET_CASES = (
    "case_id,aware_date,notification_date\r\nA2,2026-11-26,\r\nA3,2026-10-01,2026-10-05\r\n"
)
SUBJECT = (
    "wtcheck: 1 overdue, 1 done late, 2 due within 5 working days — cases.csv, as of 2026-12-01"
)


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(CASES, encoding="utf-8")
    return path


@pytest.fixture
def quiet_cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(QUIET_CASES, encoding="utf-8")
    return path


def audit(path: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(
        app, ["audit", str(path), "--as-of", "2026-12-01", *args], env=env, catch_exceptions=False
    )


def mail_args(port: int, *extra: str) -> list[str]:
    return [
        "--email-to", "team@example.org", "--email-to", "lead@example.org",
        "--email-from", "wtcheck@example.org", "--smtp-host", HOST, "--smtp-port", str(port),
        *extra,
    ]  # fmt: skip


def test_email_with_findings_carries_the_exact_audit_csv(cases: Path) -> None:
    csv_run = audit(cases, "--format", "csv")
    assert csv_run.exit_code == 1
    with smtp_server() as (port, rec):
        result = audit(cases, *mail_args(port))
    assert result.exit_code == 1, result.output
    assert "A1" in result.stdout  # the report is printed as well
    (got,) = rec.received
    assert got.rcpt_tos == ["team@example.org", "lead@example.org"]
    msg = got.message
    assert msg["Subject"] == SUBJECT
    assert msg["From"] == "wtcheck@example.org"
    assert msg["To"] == "team@example.org, lead@example.org"
    plain = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert plain is not None and html is not None
    text = plain.get_content().splitlines()
    assert text[:2] == [
        "wtcheck audit of cases.csv, as of Tue 1 Dec 2026.",
        "1 overdue, 1 done late, 2 due within 5 working days.",
    ]
    entries = [line.split()[0] for line in text if line.startswith("  ") and "—" in line]
    assert entries == ["A2", "A5", "A1", "A4"]  # due soon, overdue, late
    assert "<td>A1</td>" in html.get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "wtcheck-findings-2026-12-01.csv"
    assert attachment.get_payload(decode=True) == csv_run.stdout_bytes


def test_nothing_to_report_sends_nothing_unless_always(quiet_cases: Path) -> None:
    with smtp_server() as (port, rec):
        result = audit(quiet_cases, *mail_args(port))
        assert result.exit_code == 0 and rec.received == []
        always = audit(quiet_cases, *mail_args(port, "--email-always"))
    assert always.exit_code == 0
    (got,) = rec.received
    assert got.message["Subject"] == (
        "wtcheck: 1 due within 5 working days — cases.csv, as of 2026-12-01"
    )


def test_only_decides_what_is_worth_an_email(quiet_cases: Path) -> None:
    with smtp_server() as (port, rec):
        result = audit(quiet_cases, "--only", "overdue,due-soon", *mail_args(port))
    assert result.exit_code == 1
    (got,) = rec.received
    assert got.message["Subject"].startswith("wtcheck: 1 due within 5 working days")


def test_quiet_prints_nothing_when_there_is_nothing_to_report(quiet_cases: Path) -> None:
    result = audit(quiet_cases, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    loud = audit(quiet_cases)
    assert loud.exit_code == 0 and "A2" in loud.stdout and "wtcheck: note:" in loud.stderr


def test_quiet_still_prints_findings_that_were_not_emailed(cases: Path) -> None:
    result = audit(cases, "--quiet", "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.startswith("case_id,rule,")
    assert "wtcheck: note:" in result.stderr  # notes kept for when there is something to read


def test_quiet_with_email_sent_prints_nothing(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    with smtp_server() as (port, rec):
        result = audit(cases, "--quiet", "--format", "csv", "--output", str(out), *mail_args(port))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    assert len(rec.received) == 1
    assert out.read_bytes() == audit(cases, "--format", "csv").stdout_bytes


def test_email_failure_exits_3_and_the_report_is_not_lost(cases: Path, tmp_path: Path) -> None:
    port = closed_port()
    result = audit(cases, "--quiet", *mail_args(port))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        f"wtcheck: error: email not sent: could not connect to 127.0.0.1:{port}: connection refused"
    )
    assert "A1" in result.stdout  # printed although --quiet: it was not delivered
    out = tmp_path / "report.csv"
    written = audit(cases, "--format", "csv", "--output", str(out), *mail_args(port))
    assert written.exit_code == 3
    assert out.read_bytes() == audit(cases, "--format", "csv").stdout_bytes


def test_hung_server_times_out_with_exit_3(cases: Path) -> None:
    with silent_server() as port:
        result = audit(cases, *mail_args(port, "--smtp-timeout", "0.5"))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        f"wtcheck: error: email not sent: 127.0.0.1:{port} did not answer within 0.5 s (connecting)"
    )


def test_starttls_and_login_with_the_password_from_the_environment(
    cases: Path, tmp_path: Path
) -> None:
    tls = make_tls(tmp_path)
    server = tls_auth_server(tls)
    with smtp_server(**server) as (port, rec):
        args = mail_args(port, "--smtp-starttls", "--smtp-cafile", str(tls.cafile))
        result = audit(cases, *args, "--smtp-user", USER, env={"WTCHECK_SMTP_PASSWORD": PASSWORD})
        no_password = audit(cases, *args, "--smtp-user", USER, env={"WTCHECK_SMTP_PASSWORD": ""})
    assert result.exit_code == 1, result.output
    (got,) = rec.received
    assert got.tls and got.authenticated
    assert no_password.exit_code == 2
    assert no_password.stderr == (
        "wtcheck: error: email: a login ('alice') needs a password: set WTCHECK_SMTP_PASSWORD "
        "or 'password' in the [email] table\n"
    )
    assert no_password.stdout == ""  # refused before the audit ran


def test_no_password_option(cases: Path) -> None:
    result = audit(cases, "--smtp-password", "x")
    assert result.exit_code == 2
    assert "No such option: --smtp-password" in result.output


def test_bad_address_is_unusable_input(cases: Path) -> None:
    result = audit(cases, "--email-to", "bob", "--email-from", "w@example.org", "--smtp-host", HOST)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wtcheck: error: --email-to: 'bob' is not an email address (expected name@example.org)\n"
    )


def test_audit_ics_feed(cases: Path) -> None:
    import icalendar

    result = audit(cases, "--format", "ics")
    assert result.exit_code == 1
    events = icalendar.Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert [(str(e["SUMMARY"]).split()[0], e.decoded("DTSTART").isoformat()) for e in events] == [
        ("[overdue]", "2026-11-27"),
        ("[due-soon]", "2026-12-03"),
        ("[late]", "2026-10-08"),
        ("[due-soon]", "2026-12-07"),
    ]


def test_email_settings_from_the_config_file_and_the_command_line_wins(
    cases: Path, tmp_path: Path
) -> None:
    with smtp_server() as (port, rec):
        cfg = tmp_path / "wtcheck.toml"
        cfg.write_text(
            "[email]\n"
            'to = ["team@example.org"]\n'
            'from = "wtcheck <wtcheck@example.org>"\n'
            f'host = "{HOST}"\n'
            f"port = {port}\n",
            encoding="utf-8",
        )
        from_file = audit(cases, "--config", str(cfg), "--email", "--quiet")
        override = audit(cases, "--config", str(cfg), "--email-to", "other@example.org")
        without_flag = audit(cases, "--config", str(cfg))
    assert (from_file.exit_code, from_file.stdout, from_file.stderr) == (1, "", "")
    assert override.exit_code == without_flag.exit_code == 1
    assert [r.rcpt_tos for r in rec.received] == [["team@example.org"], ["other@example.org"]]
    assert rec.received[0].message["From"] == "wtcheck <wtcheck@example.org>"


def test_bad_email_table_in_the_config_file_is_exit_2(cases: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "wtcheck.toml"
    cfg.write_text(
        '[email]\nto = "t@example.org"\nfrom = "w@example.org"\nhost = "h"\nsecurity = "tls"\n',
        encoding="utf-8",
    )
    result = audit(cases, "--config", str(cfg), "--email")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wtcheck: error: {cfg}: [email] security: expected 'none', 'starttls' or 'ssl', "
        "got 'tls'\n"
    )


def test_cron_run_as_a_separate_process_without_stdin(quiet_cases: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "wtcheck", "audit", str(quiet_cases), "--as-of", "2026-12-01", "-q"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_streamed_csv_with_quiet_prints_only_when_there_is_something_to_report(
    tmp_path: Path,
) -> None:
    # CSV with --output and no email is streamed; --quiet behaves as for the other formats
    calm_cases, busy_cases = tmp_path / "calm.csv", tmp_path / "busy.csv"
    calm_cases.write_text(QUIET_CASES, encoding="utf-8")
    busy_cases.write_text(CASES, encoding="utf-8")
    out = tmp_path / "report.csv"
    calm = audit(calm_cases, "--quiet", "--format", "csv", "--output", str(out))
    assert (calm.exit_code, calm.stdout, calm.stderr) == (0, "", "")
    assert out.read_bytes() == audit(calm_cases, "--format", "csv").stdout_bytes
    busy = audit(busy_cases, "--quiet", "--format", "csv", "--output", str(out))
    assert (busy.exit_code, busy.stdout) == (1, "")
    assert "wtcheck: note:" in busy.stderr
    assert (
        busy.stderr.splitlines()[-1]
        == "1 overdue, 1 late, 2 due-soon, 0 pending, 1 met, 0 invalid; 5 rows read"
    )
    assert out.read_bytes() == audit(busy_cases, "--format", "csv").stdout_bytes


def test_a_file_name_with_a_line_break_reaches_the_subject_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cases\r\nBcc: x@evil.example\r\n.csv"
    path.write_text(CASES, encoding="utf-8")
    with smtp_server() as (port, rec):
        result = audit(path, *mail_args(port))
    assert result.exit_code == 1, result.output
    assert "A1" in result.stdout  # the report is printed
    (got,) = rec.received
    assert got.message["Subject"] == SUBJECT.replace("cases.csv", "cases Bcc: x@evil.example .csv")
    assert got.message["Bcc"] is None
    assert got.rcpt_tos == ["team@example.org", "lead@example.org"]
