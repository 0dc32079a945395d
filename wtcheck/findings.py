"""Audit findings: one per case and rule, as plain values.

A :class:`Finding` says what happened to one rule on one case: met, late,
overdue, due soon, pending, or invalid (a date in the row that could not be
read; the finding names the row, the column and the value). Findings are
values that renderers and deliverers take as they are; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    OVERDUE = "overdue"
    """Not done, and the as-of date is past the deadline."""
    LATE = "late"
    """Done after the deadline."""
    DUE_SOON = "due-soon"
    """Not done; the deadline is within --soon working days (default 5)."""
    PENDING = "pending"
    """Not done; not yet due."""
    MET = "met"
    """Done on or before the deadline."""
    INVALID = "invalid"
    """A date in the row could not be read; the rule could not be checked."""
    CHECK = "check"
    """A duty with no time limit (the duty to refer): where the event fell relative to
    its window, or that none is recorded. Never late or overdue."""
    CONDITIONAL = "conditional"
    """Not done, and the duty applies only if a fact the data cannot show holds (a
    rapid review after a looked-after child's death: only where abuse or neglect is
    known or suspected)."""


STATUS_ORDER: tuple[Status, ...] = tuple(Status)
"""Display order: overdue first."""

DEFAULT_SELECTED: frozenset[Status] = frozenset({Status.OVERDUE, Status.LATE})
DEFAULT_SHOWN: frozenset[Status] = frozenset(
    {Status.OVERDUE, Status.LATE, Status.DUE_SOON, Status.INVALID, Status.CHECK, Status.CONDITIONAL}
)
"""Statuses an audit lists when --only does not say (met and pending are counted only)."""
"""Statuses that make the audit exit 1 unless --only says otherwise."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule found on one case.

    *days*: for ``late`` the working days late (positive); for ``overdue``
    the working days overdue as of the as-of date (positive); for
    ``due-soon``/``pending`` the working days left (0 = due today); for
    ``met`` the working days to spare; None for ``invalid``.
    """

    case_id: str
    rule: str
    rule_name: str
    status: Status
    trigger_date: date | None
    deadline: date | None
    completed: date | None
    days: int | None
    edition: str
    row: int
    force: str = ""
    anchor: str | None = None
    source: str = ""
    file: str = ""
    projected: bool = False
    column: str | None = None
    value: str | None = None
    message: str = ""
    groups: tuple[str, ...] = ()  # values of the --by columns, in order ("(none)" when empty)
    episode: str = ""
    """The episode or item the row belongs to (CIN episode, plan, assessment ids)."""
