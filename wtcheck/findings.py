"""Audit findings: one per case and rule, as plain values.

A :class:`Finding` says what happened to one rule on one case: met, late,
overdue, due soon, pending, or invalid (a date in the row that could not be
read; the finding names the row, the column and the value). Findings are
values that renderers and deliverers take as they are; nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol


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


STATUS_ORDER: tuple[Status, ...] = tuple(Status)
"""Display order: overdue first."""

DEFAULT_SELECTED: frozenset[Status] = frozenset({Status.OVERDUE, Status.LATE})
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


RowEmitter = Callable[[str, str, str, str, int, int], None]
"""Writes one finding from a template: (trigger date, deadline, case id, completion
date, working days, row); dates as ISO text, "" for none."""


class TemplateSink(Protocol):
    """A finding sink with a fast path for findings that differ only in dates and row.

    The audit engine lists millions of findings that share everything but the
    case id, trigger date, deadline, completion date, working days and source
    row. It calls :meth:`template` once per shared part (a finding whose case
    id is ``""``, dates None, days 0 and row 0) and the returned emitter once
    per row, instead of building a :class:`Finding` per row. The emitter's
    output must be exactly what calling the sink with the full finding would
    give.
    """

    def __call__(self, finding: Finding, /) -> None: ...

    def template(self, finding: Finding, /) -> RowEmitter: ...

    def parts(self, finding: Finding, /) -> tuple[str, str, str, str, str, str] | None:
        """The fixed text after each varying cell (case id, trigger date, deadline,
        completion date, days, row) of the template's rows, for writing many rows
        as one text; None if this template's rows must go through its emitter."""
        ...

    def case_cell(self, case_id: str, /) -> str | None:
        """The case id as written between the parts; None: use the emitter."""
        ...

    def write(self, text: str, /) -> None:
        """Rows made of :meth:`parts`, written as they are."""
        ...
