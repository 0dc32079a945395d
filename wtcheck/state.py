"""The run state (``--state FILE``): each run's findings and the messages sent, in SQLite.

What it answers: which findings are **new** since the previous run, which are
**still open** and which were **resolved**; and which of this run's messages
the SMTP server has already accepted, so that a rerun sends only the others.

* A finding's identity is :func:`finding_key`: (case id, rule, trigger date,
  episode) -- not the file or row, so renaming or re-sorting the export changes
  nothing. A repeating rule's episodes differ by trigger date; the episode
  part is the finding's anchor (the rapid review's two readings of one
  incident), "" for other rules.
* A run is keyed by its as-of date. Saving a run for an as-of date that is
  already stored replaces its findings (the messages already accepted for it
  stay recorded). The previous run is the latest stored as-of date before
  this one.
* :func:`compare` is the pure comparison: given the previous run's records,
  each finding is new or still open and the records not found now are
  resolved (:class:`Changes`).
* The file: the standard library's :mod:`sqlite3`, WAL journal, schema
  version in ``PRAGMA user_version`` (:data:`SCHEMA_VERSION`), created 0600
  (it holds case ids). One run at a time: :meth:`State.open` takes a lock
  (``FILE.lock``, released by the system when the process ends, even when
  killed) and waits up to *wait* seconds for another run to finish; SQLite's
  own busy timeout is the same. A corrupt, locked, unreadable or newer-schema
  file is one :class:`StateError` line (exit 2) before anything is written or
  sent.

:mod:`sqlite3` is imported inside functions: importing this module costs
nothing at start-up.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wtcheck.errors import InputError

if TYPE_CHECKING:
    import sqlite3
    from types import TracebackType

    from wtcheck.findings import Finding

SCHEMA_VERSION = 1
DEFAULT_WAIT = 30.0
"""Seconds a run waits for another run on the same state file."""

_SCHEMA = (
    """CREATE TABLE runs (
        as_of TEXT PRIMARY KEY,
        saved_at TEXT NOT NULL,
        findings INTEGER NOT NULL)""",
    """CREATE TABLE findings (
        as_of TEXT NOT NULL,
        case_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        trigger_date TEXT NOT NULL,
        episode TEXT NOT NULL,
        rule_name TEXT NOT NULL,
        status TEXT NOT NULL,
        deadline TEXT,
        grp TEXT NOT NULL,
        PRIMARY KEY (as_of, case_id, rule, trigger_date, episode)) WITHOUT ROWID""",
    """CREATE TABLE sent (
        as_of TEXT NOT NULL,
        message TEXT NOT NULL,
        recipients TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        PRIMARY KEY (as_of, message))""",
)


class StateError(InputError):
    """A state file that cannot be used (corrupt, unreadable, newer schema): exit 2."""


class StateLockedError(StateError):
    """Another run holds the state file for longer than this one waits: exit 2."""


Key = tuple[str, str, str, str]
"""(case id, rule, trigger date as ISO or "", episode or "")."""


def finding_key(f: Finding) -> Key:
    """A finding's identity from run to run (not its file or row)."""
    trigger = f.trigger_date.isoformat() if f.trigger_date else ""
    return (f.case_id, f.rule, trigger, f.anchor or "")


def group_of(f: Finding) -> str:
    """The value of the first ``--by`` column ("" without --by): what routing uses."""
    return f.groups[0] if f.groups else ""


class Recorded(NamedTuple):
    """A finding as a previous run stored it."""

    case_id: str
    rule: str
    rule_name: str
    trigger_date: date | None
    status: str
    deadline: date | None
    group: str
    episode: str = ""

    @property
    def key(self) -> Key:
        trigger = self.trigger_date.isoformat() if self.trigger_date else ""
        return (self.case_id, self.rule, trigger, self.episode)


@dataclass(frozen=True)
class Changes:
    """This run against the previous one.

    *previous*: the previous run's as-of date (None: no previous run, so every
    finding is new). *resolved*: its findings not found now, in its order.
    """

    previous: date | None
    previous_keys: frozenset[Key]
    resolved: tuple[Recorded, ...]

    def is_new(self, f: Finding) -> bool:
        return finding_key(f) not in self.previous_keys

    def label(self, f: Finding) -> str:
        """ "new" or "still open" (the table's and the report's column)."""
        return "new" if self.is_new(f) else "still open"

    def select_new(self, findings: Iterable[Finding]) -> list[Finding]:
        """``--only new``: the findings not in the previous run."""
        return [f for f in findings if self.is_new(f)]

    def counts(self, findings: Sequence[Finding]) -> tuple[int, int, int]:
        """(new, still open, resolved) for *findings* (this run's, as compared)."""
        new = sum(1 for f in findings if self.is_new(f))
        return new, len(findings) - new, len(self.resolved)

    def resolved_where(self, keep: Callable[[str], bool]) -> tuple[Recorded, ...]:
        """The resolved findings whose group (first --by value) *keep* accepts."""
        return tuple(r for r in self.resolved if keep(r.group))


def compare(
    findings: Sequence[Finding], previous: date | None, records: Iterable[Recorded]
) -> Changes:
    """Label *findings* against the previous run's *records* (see :class:`Changes`)."""
    records = list(records)
    now = {finding_key(f) for f in findings}
    return Changes(
        previous,
        frozenset(r.key for r in records),
        tuple(r for r in records if r.key not in now),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class _RunLock:
    """An exclusive lock on ``FILE.lock`` held for one run (released on exit or death)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self, wait: float, state: Path) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StateError(
                f"state file {state}: cannot create its lock {self.path} ({exc.strerror or exc})"
            ) from None
        give_up = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= give_up:
                os.close(fd)
                raise StateLockedError(
                    f"state file {state}: in use by another wtcheck run (waited {wait:g} s); "
                    "nothing was written or sent; run again when it has finished"
                )
            time.sleep(0.05)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - tested on Linux
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class State:
    """An open state file, locked for this run. Use :meth:`open` in a ``with``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: _RunLock) -> None:
        self.path = path
        self.conn = conn
        self.lock = lock

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, wait: float = DEFAULT_WAIT) -> State:
        """Lock, open (creating it if missing) and check the state file at *path*."""
        import sqlite3

        lock = _RunLock(path.with_name(path.name + ".lock"))
        lock.acquire(wait, path)
        try:
            if not path.exists():
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                except FileExistsError:
                    pass
                except OSError as exc:
                    raise StateError(
                        f"state file {path}: cannot create ({exc.strerror or exc})"
                    ) from None
            elif not path.is_file():
                raise StateError(f"state file {path}: not a file")
            try:
                conn = sqlite3.connect(path, timeout=wait, isolation_level=None)
            except sqlite3.Error as exc:
                raise StateError(f"state file {path}: cannot open ({exc})") from None
            state = cls(path, conn, lock)
            try:
                state._check_schema()
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        return state

    def __enter__(self) -> State:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self.lock.release()

    def _fail(self, exc: Exception, doing: str) -> StateError:
        import sqlite3

        text = str(exc)
        if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
            return StateLockedError(
                f"state file {self.path}: locked by another program ({doing}); "
                "nothing more was written or sent"
            )
        if isinstance(exc, sqlite3.DatabaseError) and (
            "not a database" in text or "malformed" in text
        ):
            return StateError(
                f"state file {self.path}: not a wtcheck state file or damaged ({text}); "
                "expected an SQLite database written by wtcheck --state"
            )
        return StateError(f"state file {self.path}: cannot be used ({doing}: {text})")

    def _check_schema(self) -> None:
        import sqlite3

        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if version == 0 and not tables:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA:
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self.conn.execute("COMMIT")
                return
            if version > SCHEMA_VERSION:
                raise StateError(
                    f"state file {self.path}: written by a newer wtcheck (schema {version}; "
                    f"this version reads schema {SCHEMA_VERSION}); upgrade wtcheck"
                )
            if version != SCHEMA_VERSION or not {"runs", "findings", "sent"} <= tables:
                raise StateError(
                    f"state file {self.path}: not a wtcheck state file (schema {version}, "
                    f"tables {', '.join(sorted(tables)) or 'none'}); expected a file written "
                    "by wtcheck --state"
                )
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("BEGIN IMMEDIATE")  # can this run write it? (else: locked)
            self.conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise self._fail(exc, "reading its schema") from None

    # -- runs ----------------------------------------------------------------
    def previous_run(self, as_of: date) -> tuple[date | None, list[Recorded]]:
        """The latest stored run before *as_of* and its findings (None, [] if none)."""
        import sqlite3

        try:
            row = self.conn.execute(
                "SELECT as_of FROM runs WHERE as_of < ? ORDER BY as_of DESC LIMIT 1",
                (as_of.isoformat(),),
            ).fetchone()
            if row is None:
                return None, []
            rows = self.conn.execute(
                "SELECT case_id, rule, rule_name, trigger_date, status, deadline, grp, episode "
                "FROM findings WHERE as_of = ? ORDER BY grp, case_id, rule, trigger_date",
                (row[0],),
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._fail(exc, "reading the previous run") from None
        records = [Recorded(c, r, n, _day(t), s, _day(d), g, e) for c, r, n, t, s, d, g, e in rows]
        return date.fromisoformat(row[0]), records

    def changes(self, findings: Sequence[Finding], as_of: date) -> Changes:
        """*findings* against the previous run (see :func:`compare`)."""
        previous, records = self.previous_run(as_of)
        return compare(findings, previous, records)

    def runs(self) -> list[tuple[date, int]]:
        """(as-of date, number of findings) of every stored run, oldest first."""
        rows = self.conn.execute("SELECT as_of, findings FROM runs ORDER BY as_of").fetchall()
        return [(date.fromisoformat(a), n) for a, n in rows]

    def save_run(self, as_of: date, findings: Iterable[Finding]) -> None:
        """Store *findings* as the run of *as_of*, replacing one stored for that date."""
        import sqlite3

        day = as_of.isoformat()
        rows = {
            finding_key(f): (
                f.rule_name,
                f.status.value,
                f.deadline.isoformat() if f.deadline else None,
                group_of(f),
            )
            for f in findings
        }
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute("DELETE FROM findings WHERE as_of = ?", (day,))
                self.conn.executemany(
                    "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((day, *key, *rest) for key, rest in rows.items()),
                )
                self.conn.execute(
                    "INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", (day, _now(), len(rows))
                )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._fail(exc, "saving the run") from None

    # -- messages --------------------------------------------------------------
    def accepted(self, as_of: date) -> set[str]:
        """The messages of the run of *as_of* that the server has accepted."""
        import sqlite3

        try:
            rows = self.conn.execute(
                "SELECT message FROM sent WHERE as_of = ?", (as_of.isoformat(),)
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._fail(exc, "reading the messages sent") from None
        return {r[0] for r in rows}

    def record_accepted(self, as_of: date, message: str, recipients: Sequence[str]) -> None:
        """Record (committed at once) that the server accepted *message*."""
        import sqlite3

        try:
            self.conn.execute(
                "INSERT OR REPLACE INTO sent VALUES (?, ?, ?, ?)",
                (as_of.isoformat(), message, ", ".join(recipients), _now()),
            )
        except sqlite3.Error as exc:
            raise self._fail(exc, "recording a message sent") from None


def _now() -> str:
    """When a run was saved or a message accepted (a record, never a date wtcheck counts from)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
