"""The audit's delivery sequence: check, write the report, save the state, send the mail.

``wtcheck audit`` computes its findings, then makes ONE call::

    from wtcheck import mail_run

    outcome = mail_run.run_delivery(
        findings,              # list[Finding]: what the report shows (every shown status)
        settings,              # EmailSettings | None (mailer.resolve_settings; None: no mail)
        state_path,            # Path | None (--state FILE)
        as_of,                 # date (--as-of)
        write_report,          # Callable[[Changes | None], None]: writes the table/file
        files=files,           # the input file names (for the subject and the body)
        selected=failing,      # frozenset[Status]: the statuses that make exit status 1
        soon=soon,
        only_new=only_new,     # --only new: mail (and, via write_report, the report) new only
    )

In this order, each step only when every earlier one succeeded:

1. **Check** (:class:`~wtcheck.errors.InputError`, exit 2; nothing written
   or sent): the state file is locked for this run, opened and of a known
   schema; the messages are planned (routes need ``--by``). Addresses and
   the config were checked by ``resolve_settings`` before the audit ran; the
   output folder is the command's to check (``write_report`` raising
   InputError stops here too).
2. **Report**: ``write_report(changes)`` -- *changes* is None without
   ``--state``, else a :class:`~wtcheck.state.Changes`: ``changes.label(f)``
   is "new" or "still open", ``changes.resolved`` the previous run's
   findings that are gone, ``changes.counts(findings)`` (new, still open,
   resolved), ``changes.select_new(findings)`` what ``--only new`` shows.
3. **State**: this run's findings (as the report shows them) are saved for
   *as_of*, replacing a run saved for the same date.
4. **Mail**: :func:`plan_messages` (one message per route and one for the
   catch-all), sent in order by :func:`deliver`; each message the server
   accepts is recorded in the state at once, and a rerun for the same as-of
   date sends only the messages not yet accepted. A message with nothing of
   a selected status is not sent unless ``--email-always``. A failed send
   raises :class:`~wtcheck.errors.DeliveryError` (exit 3) saying how many
   were sent; the report and the state stay as written.

The state lock is held from step 1 to the end, so two runs on one state file
never interleave: the second waits (up to ``wait`` seconds) and then finds
the first's messages accepted, or fails with one line, exit 2.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wtcheck.errors import DeliveryError, InputError
from wtcheck.state import DEFAULT_WAIT, Changes, State, group_of

if TYPE_CHECKING:
    from wtcheck.findings import Finding, Status
    from wtcheck.mailer import EmailSettings

ALL = "all"
CATCH_ALL = "catch-all"
MAX_NAMED = 3
"""The catch-all's subject names up to this many unrouted values."""


@dataclass(frozen=True)
class PlannedMessage:
    """One message: who gets it and which findings it holds.

    *key*: its identity in the state ("all", "route:Team A", "catch-all").
    *group*: what its subject names (None: the whole audit, without routes).
    *routed*: the route values it covers (for the resolved findings it lists);
    empty for the whole audit; for the catch-all, every value not routed.
    """

    key: str
    group: str | None
    recipients: tuple[str, ...]
    findings: tuple[Finding, ...]
    keep: Callable[[str], bool]


def plan_messages(
    findings: Sequence[Finding],
    routes: Sequence[tuple[str, Sequence[str]]] | Mapping[str, Sequence[str]],
    catch_all: Sequence[str],
) -> list[PlannedMessage]:
    """One message per route (config order), then one for the catch-all.

    Without *routes*: one message to *catch_all* with every finding. With
    them, a finding goes by its first ``--by`` value (``Finding.groups[0]``);
    values not routed go to *catch_all*, or nowhere when it is empty. Messages
    may hold no finding; the caller decides whether to send those.
    """
    pairs = list(routes.items()) if isinstance(routes, Mapping) else list(routes)
    if not pairs:
        if not catch_all:
            return []
        return [PlannedMessage(ALL, None, tuple(catch_all), tuple(findings), lambda g: True)]
    ungrouped = next((f for f in findings if not f.groups), None)
    if ungrouped is not None:
        raise InputError(
            "[email.routes]: routes use the first --by column's values, but the audit "
            "has no --by column; add --by COLUMN"
        )
    routed = {name for name, _ in pairs}
    out = []
    for name, addresses in pairs:
        mine = tuple(f for f in findings if group_of(f) == name)
        out.append(PlannedMessage(f"route:{name}", name, tuple(addresses), mine, _equal_to(name)))
    if catch_all:
        rest = tuple(f for f in findings if group_of(f) not in routed)
        values = sorted({group_of(f) for f in rest})
        if not values:
            label = "other groups"
        elif len(values) <= MAX_NAMED:
            label = ", ".join(values)
        else:
            label = f"{len(values)} other groups"
        out.append(
            PlannedMessage(CATCH_ALL, label, tuple(catch_all), rest, lambda g: g not in routed)
        )
    return out


def _equal_to(name: str) -> Callable[[str], bool]:
    return lambda group: group == name


@dataclass(frozen=True)
class Delivered:
    """What :func:`deliver` did: message keys sent now, accepted earlier, not needed."""

    sent: tuple[str, ...] = ()
    already: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()


def deliver(
    messages: Sequence[PlannedMessage],
    settings: EmailSettings,
    state: State | None,
    as_of: date,
    *,
    files: Sequence[str],
    selected: frozenset[Status],
    soon: int,
    changes: Changes | None = None,
) -> Delivered:
    """Send *messages* in order, recording each accepted one in *state*.

    Skips messages the state says were accepted for *as_of*, and messages
    with nothing of a *selected* status (unless ``settings.always``). Stops
    at the first failure: :class:`DeliveryError` naming how many were sent.
    """
    from wtcheck.mailer import build_message, findings_csv_bytes, send_message
    from wtcheck.render.mail_view import MailReport

    done = state.accepted(as_of) if state is not None else set()
    sent: list[str] = []
    already: list[str] = []
    empty: list[str] = []
    todo = []
    for m in messages:
        resolved = changes.resolved_where(m.keep) if changes is not None else ()
        report = MailReport(m.findings, files, as_of, selected, soon, m.group, changes, resolved)
        if m.key in done:
            already.append(m.key)
        elif not (report.has_findings or settings.always):
            empty.append(m.key)
        else:
            todo.append((m, report))
    filename = f"wtcheck-findings-{as_of.isoformat()}.csv"
    for number, (m, report) in enumerate(todo):
        try:
            msg = build_message(
                settings, report, findings_csv_bytes(report), filename, m.recipients
            )
        except (ValueError, TypeError) as exc:  # the report is written: never a traceback
            raise DeliveryError(f"email not built ({_message_name(m)}): {exc}") from None
        try:
            send_message(settings, msg, m.recipients)
        except DeliveryError as exc:
            if len(todo) == 1 and state is None:
                raise
            saved = "the report and the state are saved" if state else "the report is saved"
            rerun = "; run again with the same --as-of to send the rest" if state else ""
            raise DeliveryError(
                f"{exc} ({_message_name(m)}; {len(sent)} of {len(todo)} messages sent, "
                f"{len(todo) - number} not; {saved}{rerun})"
            ) from None
        if state is not None:
            state.record_accepted(as_of, m.key, m.recipients)
        sent.append(m.key)
    return Delivered(tuple(sent), tuple(already), tuple(empty))


def _message_name(m: PlannedMessage) -> str:
    return "the message" if m.group is None else f"the message for {m.group}"


@dataclass(frozen=True)
class Outcome:
    """What :func:`run_delivery` did: the comparison shown and the messages."""

    changes: Changes | None
    delivered: Delivered | None


def run_delivery(
    findings: Sequence[Finding],
    settings: EmailSettings | None,
    state_path: Path | None,
    as_of: date,
    write_report: Callable[[Changes | None], None],
    *,
    files: Sequence[str],
    selected: frozenset[Status],
    soon: int,
    only_new: bool = False,
    wait: float = DEFAULT_WAIT,
) -> Outcome:
    """Check, write the report, save the state, send the mail (see the module docstring)."""
    opened = State.open(state_path, wait) if state_path is not None else None
    with opened if opened is not None else nullcontext():
        messages = (
            plan_messages(
                findings,
                settings.routes,
                settings.recipients if settings.send_unrouted else (),
            )
            if settings is not None
            else []
        )
        changes = opened.changes(findings, as_of) if opened is not None else None
        write_report(changes)
        if opened is not None:
            opened.save_run(as_of, findings)
        if settings is None:
            return Outcome(changes, None)
        if only_new and changes is not None:
            messages = [
                replace(m, findings=tuple(changes.select_new(m.findings))) for m in messages
            ]
        delivered = deliver(
            messages,
            settings,
            opened,
            as_of,
            files=files,
            selected=selected,
            soon=soon,
            changes=changes,
        )
        return Outcome(changes, delivered)
