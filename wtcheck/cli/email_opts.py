"""Email, state and cron options of ``wtcheck audit``.

The command declares these options, calls :func:`email_settings` before it
computes anything (so unusable settings stop the run with exit 2 before any
work), then hands its findings to :func:`wtcheck.mail_run.run_delivery`,
which writes the report, saves the state (``--state``) and sends the mail,
in that order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from wtcheck.config import Config
    from wtcheck.findings import Finding, Status
    from wtcheck.mailer import EmailOptions, EmailSettings

EMAIL = "Email (settings also in the config file's [email] table)"
CRON = "Scheduled runs"

EmailOpt = Annotated[
    bool,
    typer.Option(
        "--email",
        help="Email the report using the config file's [email] settings (implied by --email-to).",
        rich_help_panel=EMAIL,
    ),
]
EmailToOpt = Annotated[
    list[str],
    typer.Option(
        "--email-to",
        metavar="ADDR",
        help="Email the report to this address (repeatable; replaces the config file's 'to').",
        rich_help_panel=EMAIL,
        show_default=False,
    ),
]
EmailFromOpt = Annotated[
    str | None,
    typer.Option("--email-from", metavar="ADDR", help="Sender address.", rich_help_panel=EMAIL),
]
EmailAlwaysOpt = Annotated[
    bool,
    typer.Option(
        "--email-always",
        help="Send the email even when there is nothing to report.",
        rich_help_panel=EMAIL,
    ),
]
SmtpHostOpt = Annotated[
    str | None,
    typer.Option("--smtp-host", metavar="HOST", help="SMTP server.", rich_help_panel=EMAIL),
]
SmtpPortOpt = Annotated[
    int | None,
    typer.Option(
        "--smtp-port",
        metavar="N",
        help="SMTP port (default: 25, 587 with --smtp-starttls, 465 with --smtp-ssl).",
        rich_help_panel=EMAIL,
    ),
]
SmtpStarttlsOpt = Annotated[
    bool,
    typer.Option(
        "--smtp-starttls", help="Upgrade the connection with STARTTLS.", rich_help_panel=EMAIL
    ),
]
SmtpSslOpt = Annotated[
    bool,
    typer.Option("--smtp-ssl", help="Implicit TLS (SMTPS).", rich_help_panel=EMAIL),
]
SmtpUserOpt = Annotated[
    str | None,
    typer.Option(
        "--smtp-user",
        metavar="USER",
        help="Log in as USER; the password comes from WTCHECK_SMTP_PASSWORD or the config file.",
        rich_help_panel=EMAIL,
    ),
]
SmtpCafileOpt = Annotated[
    Path | None,
    typer.Option(
        "--smtp-cafile",
        metavar="FILE",
        help="Trust the TLS certificates signed by the CA(s) in this PEM file.",
        rich_help_panel=EMAIL,
        dir_okay=False,
    ),
]
SmtpTimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--smtp-timeout",
        metavar="SECONDS",
        help="Give up on a message when the exchange with the server takes longer (default 30).",
        rich_help_panel=EMAIL,
    ),
]
StateOpt = Annotated[
    Path | None,
    typer.Option(
        "--state",
        metavar="FILE",
        help=(
            "Keep each run's findings in this SQLite file: the report and the email say what "
            "is new, still open and resolved since the previous run; a rerun for the same "
            "--as-of sends only the messages not yet accepted."
        ),
        rich_help_panel=CRON,
        dir_okay=False,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print nothing when there is nothing to report (for cron's MAILTO).",
        rich_help_panel=CRON,
    ),
]


def email_settings(options: EmailOptions, send: bool, config: Config) -> EmailSettings | None:
    """Checked settings when email was asked for (*send* or --email-to), else None."""
    if not (send or options.to):
        return None
    from wtcheck.mailer import resolve_settings

    return resolve_settings(options, config.email, os.environ, config.path)


def send_if_needed(
    settings: EmailSettings | None,
    findings: Sequence[Finding],
    files: Sequence[str],
    as_of: date,
    selected: frozenset[Status],
    soon: int,
) -> bool:
    """Send the report's messages when asked and there is something to report (or
    --email-always), by :func:`wtcheck.mail_run.deliver` (routes included).

    For a caller that has already written its report and keeps no state; the
    audit calls :func:`wtcheck.mail_run.run_delivery`, which also orders the
    report and the state file. Returns whether a message was sent; raises
    DeliveryError (exit 3) when one could not be.
    """
    if settings is None:
        return False
    from wtcheck.mail_run import deliver, plan_messages

    catch_all = settings.recipients if settings.send_unrouted else ()
    messages = plan_messages(findings, settings.routes, catch_all)
    done = deliver(messages, settings, None, as_of, files=files, selected=selected, soon=soon)
    return bool(done.sent)
