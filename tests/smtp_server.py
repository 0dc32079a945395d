"""A real SMTP server on loopback for the email tests (aiosmtpd, trustme).

Nothing here touches the network beyond 127.0.0.1: each server listens on a
free loopback port, runs in a thread, and is stopped by the test's context.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
USER = "alice"
PASSWORD = "s3cret pass"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    tls: bool
    authenticated: bool


@dataclass
class Recorder:
    """aiosmtpd handler that keeps every message; refuses the recipients in *refuse*."""

    refuse: frozenset[str] = frozenset()
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        assert isinstance(msg, EmailMessage)
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                msg,
                tls=server.transport.get_extra_info("ssl_object") is not None,
                authenticated=bool(session.authenticated),
            )
        )
        return "250 Message accepted"


def authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


@dataclass
class Tls:
    """A throw-away CA, a certificate for 127.0.0.1 and the CA file a client trusts."""

    server_context: ssl.SSLContext
    cafile: Path


def make_tls(folder: Path) -> Tls:
    ca = trustme.CA()
    cert = ca.issue_cert(HOST, "localhost")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    cafile = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    return Tls(ctx, cafile)


def tls_auth_server(tls: Tls) -> dict[str, Any]:
    """Server settings: STARTTLS required, then AUTH required (as a council relay would be)."""
    return {
        "tls_context": tls.server_context,
        "require_starttls": True,
        "authenticator": authenticator,
        "auth_required": True,
    }


@contextmanager
def smtp_server(handler: Recorder | None = None, **kwargs: Any) -> Iterator[tuple[int, Recorder]]:
    """Run an aiosmtpd server on 127.0.0.1:<free port>; yields (port, recorder)."""
    rec = handler or Recorder()
    port = free_port()
    controller = Controller(rec, hostname=HOST, port=port, **kwargs)
    controller.start()
    try:
        yield port, rec
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[int]:
    """A loopback socket that accepts connections and never says a word (a hung server)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        s.listen(4)
        yield int(s.getsockname()[1])


def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    return free_port()


@contextmanager
def trickling_server(interval: float = 0.5, lasting: float = 20.0) -> Iterator[int]:
    """A loopback server that sends one ``220-`` continuation line every *interval*
    seconds and never finishes its greeting (it gives up after *lasting* seconds,
    so a client without an overall deadline fails late instead of hanging)."""
    import threading
    import time

    stop = threading.Event()
    with socket.socket() as s:
        s.bind((HOST, 0))
        s.listen(4)
        s.settimeout(0.2)

        def serve() -> None:
            end = time.monotonic() + lasting
            conn: socket.socket | None = None
            while conn is None and not stop.is_set() and time.monotonic() < end:
                try:
                    conn, _ = s.accept()
                except TimeoutError:
                    continue
            if conn is None:
                return
            with conn:
                while not stop.is_set() and time.monotonic() < end:
                    try:
                        conn.sendall(b"220-still warming up\r\n")
                    except OSError:
                        return
                    stop.wait(interval)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            yield int(s.getsockname()[1])
        finally:
            stop.set()
            thread.join()
