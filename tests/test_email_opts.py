"""The audit's email glue: when settings are resolved, and when a message goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.data.sample_findings import AS_OF, sample
from tests.smtp_server import HOST, smtp_server
from wtcheck.cli.email_opts import email_settings, send_if_needed
from wtcheck.config import Config, load_config
from wtcheck.errors import ConfigError, InputError
from wtcheck.findings import DEFAULT_SELECTED, Status
from wtcheck.mailer import EmailOptions, Security


def config(email: dict[str, object] | None = None) -> Config:
    return Config(path=Path("/srv/wtcheck/wtcheck.toml"), email=email or {})


TABLE: dict[str, object] = {"to": "team@example.org", "from": "w@example.org", "host": HOST}


def test_no_email_unless_asked_even_with_an_email_table() -> None:
    assert email_settings(EmailOptions(), False, config(TABLE)) is None


def test_email_flag_uses_the_config_table_and_names_the_file_in_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WTCHECK_SMTP_PASSWORD", raising=False)
    with pytest.raises(InputError) as plain:
        email_settings(EmailOptions(), True, config({**TABLE, "cafile": "ca.pem"}))
    assert str(plain.value) == (
        "/srv/wtcheck/wtcheck.toml: [email] cafile: only used with STARTTLS or SSL; "
        "add --smtp-starttls or --smtp-ssl (security in [email])"
    )
    with pytest.raises(ConfigError) as exc:
        email_settings(EmailOptions(), True, config({**TABLE, "port": 0}))
    assert str(exc.value) == (
        "/srv/wtcheck/wtcheck.toml: [email] port: expected a whole number from 1 to 65535, got 0"
    )


def test_email_to_alone_asks_for_email_and_overrides_the_table() -> None:
    s = email_settings(EmailOptions(to=("x@example.org",)), False, config(TABLE))
    assert s is not None
    assert (s.recipients, s.sender, s.host, s.security) == (
        ("x@example.org",),
        "w@example.org",
        HOST,
        Security.NONE,
    )


def test_settings_from_a_real_config_file(tmp_path: Path) -> None:
    from tests.smtp_server import make_tls

    tls = make_tls(tmp_path)
    path = tmp_path / "wtcheck.toml"
    path.write_text(
        "[email]\n"
        'to = ["team@example.org", "Lead <lead@example.org>"]\n'
        'from = "wtcheck@example.org"\n'
        'host = "smtp.example.org"\n'
        'security = "ssl"\n'
        f'cafile = "{tls.cafile.name}"\n'  # relative to the config file
        "timeout = 5\n",
        encoding="utf-8",
    )
    s = email_settings(EmailOptions(), True, load_config(path))
    assert s is not None
    assert s.recipients == ("team@example.org", "Lead <lead@example.org>")
    assert (s.host, s.port, s.security, s.cafile, s.timeout) == (
        "smtp.example.org",
        465,
        Security.SSL,
        tls.cafile,
        5.0,
    )


def test_send_only_when_a_selected_status_occurs() -> None:
    due_soon = [f for f in sample() if f.status is Status.DUE_SOON]
    with smtp_server() as (port, rec):
        s = email_settings(EmailOptions(port=port), True, config(TABLE))
        assert send_if_needed(None, sample(), ["c.csv"], AS_OF, DEFAULT_SELECTED, 5) is False
        assert send_if_needed(s, due_soon, ["c.csv"], AS_OF, DEFAULT_SELECTED, 5) is False
        assert send_if_needed(s, sample(), ["c.csv"], AS_OF, DEFAULT_SELECTED, 5) is True
        always = email_settings(EmailOptions(port=port, always=True), True, config(TABLE))
        assert send_if_needed(always, due_soon, ["c.csv"], AS_OF, DEFAULT_SELECTED, 5) is True
    assert [r.message["Subject"] for r in rec.received] == [
        "wtcheck: 3 overdue, 1 done late, 2 due within 5 working days, 1 pending, 1 met "
        "— c.csv, as of 2026-12-01",
        "wtcheck: 2 due within 5 working days — c.csv, as of 2026-12-01",
    ]


def test_routes_and_prefix_from_a_real_config_file(tmp_path: Path) -> None:
    path = tmp_path / "wtcheck.toml"
    path.write_text(
        "[email]\n"
        'to = "duty-desk@example.org"\n'
        'from = "wtcheck@example.org"\n'
        'host = "smtp.example.org"\n'
        'subject_prefix = "OFFICIAL-SENSITIVE"\n'
        "\n"
        "[email.routes]\n"
        '"CIN North" = "north@example.org"\n'
        '"CIN South" = ["south@example.org", "Deputy <deputy@example.org>"]\n',
        encoding="utf-8",
    )
    s = email_settings(EmailOptions(), True, load_config(path))
    assert s is not None
    assert (s.recipients, s.subject_prefix, s.send_unrouted) == (
        ("duty-desk@example.org",),
        "OFFICIAL-SENSITIVE",
        True,
    )
    assert s.routes == (
        ("CIN North", ("north@example.org",)),
        ("CIN South", ("south@example.org", "Deputy <deputy@example.org>")),
    )
