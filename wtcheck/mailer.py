"""Sending the audit report by email: settings, the message, SMTP.

* :func:`resolve_settings` merges the command-line options
  (:class:`EmailOptions`), the config file's ``[email]`` table and the
  environment into checked :class:`EmailSettings`. The command line wins over
  the config file; the password comes only from ``WTCHECK_SMTP_PASSWORD`` or
  the config file. A setting that cannot work raises
  :class:`~wtcheck.errors.InputError` (exit 2) naming the option or key,
  before anything is computed or sent.
* :func:`build_message` makes one ``multipart/mixed`` message with the
  standard library's :mod:`email` package: text/plain and text/html
  alternatives and the findings CSV attached, byte for byte.
* :func:`send_message` sends it with :mod:`smtplib`: plain SMTP, STARTTLS or
  implicit TLS, optional AUTH, every network step bounded by a timeout.
  Every failure is one :class:`~wtcheck.errors.DeliveryError` (exit 3).

:mod:`email`, :mod:`smtplib` and :mod:`ssl` are imported inside functions,
so importing this module costs nothing at start-up.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from wtcheck.errors import ConfigError, DeliveryError, InputError

if TYPE_CHECKING:
    import smtplib
    from collections.abc import Callable
    from email.message import EmailMessage
    from typing import Any

    from wtcheck.render.mail_view import MailReport

PASSWORD_ENV = "WTCHECK_SMTP_PASSWORD"
DEFAULT_TIMEOUT = 30.0


class Security(StrEnum):
    NONE = "none"
    """Plain SMTP (a relay on this machine or a trusted network)."""
    STARTTLS = "starttls"
    """Plain connection upgraded with STARTTLS before anything else is said."""
    SSL = "ssl"
    """Implicit TLS from the first byte (SMTPS, usually port 465)."""


DEFAULT_PORTS = {Security.NONE: 25, Security.STARTTLS: 587, Security.SSL: 465}

CONFIG_KEYS = (
    "to", "from", "host", "port", "security", "user", "password", "cafile", "timeout", "always",
    "subject_prefix", "routes", "send_unrouted",
)  # fmt: skip
MAX_PREFIX = 100
"""The longest ``subject_prefix`` (a protective marking such as ``OFFICIAL-SENSITIVE``)."""


@dataclass(frozen=True)
class EmailOptions:
    """What the command line said about email (None / empty: not given)."""

    to: tuple[str, ...] = ()
    sender: str | None = None
    host: str | None = None
    port: int | None = None
    starttls: bool = False
    ssl: bool = False
    user: str | None = None
    cafile: Path | None = None
    timeout: float | None = None
    always: bool = False


@dataclass(frozen=True)
class EmailSettings:
    """Checked settings for one email: addresses, server, security, login."""

    sender: str
    recipients: tuple[str, ...]
    host: str
    port: int
    security: Security
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    always: bool = False
    subject_prefix: str = ""
    """Put before every subject (``[email] subject_prefix``), e.g. ``OFFICIAL-SENSITIVE``."""
    routes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``[email.routes]``: (value of the first --by column, its addresses), in file order."""
    send_unrouted: bool = True
    """Values not in *routes* go to *recipients* (the catch-all); False: to nobody."""

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


class _Source:
    """Where a setting came from, to name it in an error message."""

    def __init__(self, config_path: Path | None) -> None:
        self.config_path = config_path

    def key(self, key: str) -> str:
        where = str(self.config_path) if self.config_path else "the config file"
        return f"{where}: [email] {key}"


def _address(value: object, name: str, *, config: bool) -> str:
    """A checked address ("a@b.org" or "Name <a@b.org>"), formatted for a header."""
    error: type[InputError] = ConfigError if config else InputError
    if not isinstance(value, str):
        raise error(f"{name}: expected an email address as a string, got {value!r}")
    if any(ch in value for ch in "\r\n\0"):
        raise error(f"{name}: {value!r}: an email address cannot contain a line break")
    from email.utils import formataddr, getaddresses

    pairs = getaddresses([value])
    if len(pairs) > 1:
        raise error(f"{name}: {value!r}: give one address per value")
    display, addr = pairs[0] if pairs else ("", "")
    local, at, domain = addr.rpartition("@")
    if not (at and local and domain) or " " in addr or domain.startswith(".") or ".." in domain:
        raise error(f"{name}: {value!r} is not an email address (expected name@example.org)")
    return formataddr((display, addr))


def envelope_address(header_value: str) -> str:
    """The bare address of a checked header value."""
    from email.utils import parseaddr

    return parseaddr(header_value)[1]


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _int(value: object, name: str, lo: int, hi: int, *, config: bool) -> int:
    error: type[InputError] = ConfigError if config else InputError
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise error(f"{name}: expected a whole number from {lo} to {hi}, got {value!r}")
    return value


def _timeout(value: object, name: str, *, config: bool) -> float:
    error: type[InputError] = ConfigError if config else InputError
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 600:
        raise error(f"{name}: expected a number of seconds above 0 and at most 600, got {value!r}")
    return float(value)


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{name}: expected a non-empty string, got {value!r}")
    return value


def _recipients(cli: EmailOptions, table: Mapping[str, object], src: _Source) -> tuple[str, ...]:
    if cli.to:
        return tuple(_address(v, "--email-to", config=False) for v in cli.to)
    raw = table.get("to")
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    return tuple(_address(v, src.key("to"), config=True) for v in items)


def resolve_settings(
    cli: EmailOptions,
    table: Mapping[str, object],
    env: Mapping[str, str],
    config_path: Path | None = None,
) -> EmailSettings:
    """Checked settings from the command line, then the config file, then the environment.

    Called only when email was asked for (``--email`` or ``--email-to``).
    """
    src = _Source(config_path)
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigError(
            f"{src.key(unknown[0])}: unknown setting; expected one of " + ", ".join(CONFIG_KEYS)
        )
    recipients = _recipients(cli, table, src)
    routes = _routes(table.get("routes", {}), src)
    send_unrouted = table.get("send_unrouted", True)
    if not isinstance(send_unrouted, bool):
        raise ConfigError(
            f"{src.key('send_unrouted')}: expected true or false, got {send_unrouted!r}"
        )
    if not recipients and not (routes and not send_unrouted):
        raise InputError("email: no recipient; give --email-to or set 'to' in the [email] table")
    prefix = _prefix(table.get("subject_prefix", ""), src)
    if cli.sender is not None:
        sender = _address(cli.sender, "--email-from", config=False)
    elif "from" in table:
        sender = _address(table["from"], src.key("from"), config=True)
    else:
        raise InputError("email: no sender; give --email-from or set 'from' in the [email] table")
    if cli.host is not None:
        host = cli.host.strip()
        if not host:
            raise InputError("--smtp-host: expected a host name or address, got ''")
    elif "host" in table:
        host = _text(table["host"], src.key("host")).strip()
    else:
        raise InputError("email: no SMTP server; give --smtp-host or set 'host' in [email]")

    if cli.starttls and cli.ssl:
        raise InputError("--smtp-starttls and --smtp-ssl: choose one")
    if cli.starttls or cli.ssl:
        security = Security.STARTTLS if cli.starttls else Security.SSL
    elif "security" in table:
        raw = table["security"]
        if raw not in [s.value for s in Security]:
            raise ConfigError(
                f"{src.key('security')}: expected 'none', 'starttls' or 'ssl', got {raw!r}"
            )
        security = Security(str(raw))
    else:
        security = Security.NONE

    if cli.port is not None:
        port = _int(cli.port, "--smtp-port", 1, 65535, config=False)
    elif "port" in table:
        port = _int(table["port"], src.key("port"), 1, 65535, config=True)
    else:
        port = DEFAULT_PORTS[security]

    if cli.timeout is not None:
        timeout = _timeout(cli.timeout, "--smtp-timeout", config=False)
    elif "timeout" in table:
        timeout = _timeout(table["timeout"], src.key("timeout"), config=True)
    else:
        timeout = DEFAULT_TIMEOUT

    cafile: Path | None = cli.cafile
    if cafile is None and "cafile" in table:
        cafile = Path(_text(table["cafile"], src.key("cafile"))).expanduser()
        if not cafile.is_absolute() and config_path is not None:
            cafile = config_path.parent / cafile  # like every path in the file
    if cafile is not None:
        name = "--smtp-cafile" if cli.cafile is not None else src.key("cafile")
        if security is Security.NONE:
            raise InputError(
                f"{name}: only used with STARTTLS or SSL; add --smtp-starttls or --smtp-ssl "
                "(security in [email])"
            )
        _check_cafile(cafile, name)

    user = cli.user if cli.user is not None else table.get("user")
    password: str | None = None
    if user is not None:
        user = _text(user, "--smtp-user" if cli.user is not None else src.key("user"))
        password = env.get(PASSWORD_ENV) or None
        if password is None and "password" in table:
            password = _text(table["password"], src.key("password"))
        if password is None:
            raise InputError(
                f"email: a login ({user!r}) needs a password: set {PASSWORD_ENV} "
                "or 'password' in the [email] table"
            )
        if security is Security.NONE and not _is_loopback(host):
            raise InputError(
                f"email: logging in to {host} without TLS would send the password in clear; "
                "add --smtp-starttls or --smtp-ssl (security in [email])"
            )

    always = cli.always or table.get("always", False)
    if not isinstance(always, bool):
        raise ConfigError(f"{src.key('always')}: expected true or false, got {always!r}")
    return EmailSettings(
        sender=sender,
        recipients=recipients,
        host=host,
        port=port,
        security=security,
        user=user,
        password=password,
        cafile=cafile,
        timeout=timeout,
        always=always,
        subject_prefix=prefix,
        routes=routes,
        send_unrouted=send_unrouted,
    )


def _prefix(value: object, src: _Source) -> str:
    name = src.key("subject_prefix")
    if not isinstance(value, str):
        raise ConfigError(f"{name}: expected a string such as 'OFFICIAL-SENSITIVE', got {value!r}")
    if any(not ch.isprintable() for ch in value):
        raise ConfigError(
            f"{name}: {value!r}: a subject prefix cannot hold a line break or control character"
        )
    if len(value) > MAX_PREFIX:
        raise ConfigError(f"{name}: expected at most {MAX_PREFIX} characters, got {len(value)}")
    return value.strip()


def _routes(value: object, src: _Source) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[email.routes]``: "Team A" = "a@example.org" (or a list of addresses)."""
    if not isinstance(value, Mapping):
        raise ConfigError(
            f'{src.key("routes")}: expected a table such as [email.routes] "Team A" = "a@example.org"'
        )
    out = []
    for group, raw in value.items():
        name = src.key(f"routes.{group!r}")
        if not str(group).strip():
            raise ConfigError(
                f"{name}: expected a value of the first --by column, got an empty name"
            )
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            raise ConfigError(f"{name}: expected at least one email address")
        out.append((str(group), tuple(_address(v, name, config=True) for v in items)))
    return tuple(out)


def _check_cafile(path: Path, name: str) -> None:
    import ssl

    try:
        ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise InputError(f"{name}: {path}: cannot load CA certificates ({exc})") from None


def build_message(
    settings: EmailSettings,
    report: MailReport,
    csv_bytes: bytes,
    filename: str,
    recipients: Sequence[str] | None = None,
) -> EmailMessage:
    """One message: subject with the counts, text and HTML bodies, the CSV attached.

    *recipients*: the checked addresses of this message (default: the settings').
    Every value that reaches a header is on one line (:func:`mail_view.header_text`).
    """
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    from wtcheck.render import mail_view

    msg = EmailMessage()
    msg["From"] = settings.sender
    msg["To"] = ", ".join(settings.recipients if recipients is None else recipients)
    msg["Subject"] = mail_view.subject(report, settings.subject_prefix)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=envelope_address(settings.sender).rpartition("@")[2])
    msg.set_content(mail_view.text_body(report, filename))
    msg.add_alternative(mail_view.html_body(report, filename), subtype="html")
    msg.add_attachment(
        csv_bytes, maintype="text", subtype="csv", filename=mail_view.header_text(filename)
    )
    # The bodies are encoded by now (base64 lines of 76). Headers are folded when the
    # message is written: the standard library's folder can leave a space on both sides
    # of a fold next to an encoded word, which unfolds to a double space in the subject;
    # RFC 5322's hard limit (998) keeps any sensible subject on one line.
    msg.policy = msg.policy.clone(max_line_length=998)
    return msg


def _one_line(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())


def _who(refused: Mapping[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{addr} ({code} {_one_line(text)})" for addr, (code, text) in refused.items())


def _why(exc: Exception, s: EmailSettings, stage: str) -> str:
    """One line on why sending failed at *stage* (connecting, STARTTLS, login, sending)."""
    import smtplib
    import socket
    import ssl

    where = s.server
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(
        exc.__context__, TimeoutError
    ):
        exc = exc.__context__  # smtplib wraps a read timeout
    if isinstance(exc, ConnectionRefusedError):
        return f"could not connect to {where}: connection refused"
    if isinstance(exc, TimeoutError):
        return f"{where} did not answer within {s.timeout:g} s ({stage})"
    if isinstance(exc, socket.gaierror):
        return f"unknown SMTP host {s.host!r} ({exc.strerror})"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (
            f"the TLS certificate of {where} is not trusted ({exc.verify_message}); "
            "give its CA with --smtp-cafile or 'cafile' in [email]"
        )
    if isinstance(exc, ssl.SSLError):
        return f"TLS with {where} failed ({exc.reason or exc})"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"{where} does not offer {'STARTTLS' if stage == 'STARTTLS' else 'AUTH (login)'}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"{where} refused every recipient: {_who(exc.recipients)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = f"{exc.smtp_code} {_one_line(exc.smtp_error)}"
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return f"{where} refused the login as {s.user!r}: {reply}"
        if isinstance(exc, smtplib.SMTPSenderRefused):
            return f"{where} refused the sender {exc.sender}: {reply}"
        return f"{where} answered {reply} ({stage})"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"{where} closed the connection ({stage}): {_one_line(exc) or 'no reason given'}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"{where}: {_one_line(exc.strerror)} ({stage})"
    return f"{where}: {_one_line(exc)} ({stage})"


def _bounded_client(security: Security) -> type[smtplib.SMTP]:
    """An :mod:`smtplib` client class whose whole exchange ends by a deadline.

    A socket timeout alone bounds each read, so a server that sends one
    ``220-`` continuation line a second would keep a run alive for ever.
    Here every read and write gets only the time left until the deadline
    (``--smtp-timeout`` after the connection starts), then fails with
    :class:`TimeoutError`.
    """
    import io
    import smtplib
    import socket
    import time

    class _Raw(io.RawIOBase):
        """The socket as a raw stream; each read waits at most the time left."""

        def __init__(self, sock: socket.socket, left: Callable[[], float]) -> None:
            self.sock, self.left = sock, left

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            self.sock.settimeout(self.left())
            return self.sock.recv_into(buffer)

    base: type[smtplib.SMTP] = smtplib.SMTP_SSL if security is Security.SSL else smtplib.SMTP

    class Bounded(base):  # type: ignore[valid-type,misc]
        deadline = 0.0

        def left(self) -> float:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the SMTP exchange took longer than the timeout")
            return remaining

        def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
            return super()._get_socket(host, port, min(timeout, self.left()))  # type: ignore[no-any-return]

        def send(self, s: str | bytes) -> None:
            if self.sock is not None:
                try:
                    self.sock.settimeout(self.left())
                except TimeoutError as exc:
                    self.close()
                    raise smtplib.SMTPServerDisconnected(str(exc)) from exc
                except OSError:
                    pass  # a closed socket: the send below says so, as smtplib does
            super().send(s)

        def getreply(self) -> tuple[int, bytes]:
            if self.file is None and self.sock is not None:  # type: ignore[has-type]
                self.file = io.BufferedReader(_Raw(self.sock, self.left))
            return super().getreply()  # type: ignore[no-any-return]

    return Bounded


def send_message(
    settings: EmailSettings, msg: EmailMessage, recipients: Sequence[str] | None = None
) -> None:
    """Send *msg* to *recipients* (default: the settings'); any failure is one
    :class:`DeliveryError` line.

    The whole exchange, from connecting to the server's answer to QUIT, ends
    within ``settings.timeout`` seconds.
    """
    import smtplib
    import ssl
    import time

    s = settings
    to = s.recipients if recipients is None else tuple(recipients)
    stage = "connecting"
    try:
        context = (
            ssl.create_default_context(cafile=str(s.cafile) if s.cafile else None)
            if s.security is not Security.NONE
            else None
        )
        cls = _bounded_client(s.security)
        cls.deadline = time.monotonic() + s.timeout  # type: ignore[attr-defined]
        client: smtplib.SMTP
        if s.security is Security.SSL:
            client = cls(s.host, s.port, timeout=s.timeout, context=context)  # type: ignore[call-arg]
        else:
            client = cls(s.host, s.port, timeout=s.timeout)
        with client:
            if s.security is Security.STARTTLS:
                stage = "STARTTLS"
                client.starttls(context=context)
            if s.user is not None:
                stage = "login"
                client.login(s.user, s.password or "")
            stage = "sending"
            refused = client.send_message(
                msg,
                from_addr=envelope_address(s.sender),
                to_addrs=[envelope_address(r) for r in to],
            )
    except (smtplib.SMTPException, OSError) as exc:  # ssl.SSLError and timeouts are OSErrors
        raise DeliveryError(f"email not sent: {_why(exc, s, stage)}") from None
    if refused:
        raise DeliveryError(f"email sent, but {s.server} refused some recipients: {_who(refused)}")


def findings_csv_bytes(report: MailReport) -> bytes:
    """The attachment: exactly what ``write_findings_csv`` writes for the report's findings."""
    import io

    from wtcheck.render.findings_view import write_findings_csv

    buf = io.StringIO()
    write_findings_csv(buf, report.findings)
    return buf.getvalue().encode("utf-8")


def send_report(
    settings: EmailSettings, report: MailReport, csv_bytes: bytes | None = None
) -> None:
    """Build and send the report email (the caller decides whether there is anything to send).

    *csv_bytes*: the attachment, when the caller already has it; else
    :func:`findings_csv_bytes`.
    """
    if csv_bytes is None:
        csv_bytes = findings_csv_bytes(report)
    filename = f"wtcheck-findings-{report.as_of.isoformat()}.csv"
    send_message(settings, build_message(settings, report, csv_bytes, filename))
