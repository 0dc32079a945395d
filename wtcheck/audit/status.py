"""The status of a finding and its working days: decided here, once, over columns.

:func:`status` is the one place the audit decides what a rule found on a row;
it reads like the table of statuses in docs/audit.md, top to bottom, the first
line that holds wins:

============================================  =========================
the row                                        status
============================================  =========================
no deadline (trigger empty, rule not in force,  no finding
a flag says not required)
a date the deadline depends on is unreadable   ``invalid``
a check (a duty with no time limit)            ``check``
a duty period (no completion) that has ended   no finding
done on or before the deadline                 ``met``
the completion cell is unreadable              ``invalid``
not done on time, the duty only conditional    ``conditional``
done after the deadline                        ``late``
not done, the plan ended before it was due     no finding (a plan's end stops its clock)
not done, deadline before the as-of date       ``overdue`` (counted to the plan's end, if earlier)
not done, at most --soon working days left     ``due-soon``
not done, otherwise                            ``pending``
============================================  =========================

A completion date after the as-of date counts as not done (the export was
taken before it). :func:`working_days` gives the finding's number: working days
to spare (met), late (late; at least 1: done on a weekend just after the
deadline is a working day late), overdue (at least 1) or left (0 = due today).
"""

from __future__ import annotations

import polars as pl

from wtcheck.findings import Status

NONE, OK, BAD, CONDITIONAL, CHECK = 0, 1, 2, 3, 4
"""What a rule's deadline came to for a row (column ``kind``): no deadline, a
deadline, an unreadable date it depends on, a deadline that applies only on a
condition the data cannot show, or a check (a date that is never late)."""

CODES: dict[Status, int] = {s: i for i, s in enumerate(Status)}
"""Each status as the small integer :func:`status` gives (strings only for listed rows)."""
BY_CODE: tuple[Status, ...] = tuple(Status)


def _code(s: Status) -> pl.Expr:
    return pl.lit(CODES[s], pl.Int8)


def status(
    *,
    kind: pl.Expr,
    deadline: pl.Expr,
    done: pl.Expr,
    done_bad: pl.Expr,
    window: bool,
    suppressed: pl.Expr,
    as_of: int,
    soon_end: int,
    ended: pl.Expr | None = None,
) -> pl.Expr:
    """The status (:data:`CODES`, Int8; null: no finding) of each row.

    *deadline* and *done* are ordinals (*done* null when not done by the as-of
    date); *done_bad* is true when the completion cell is unreadable;
    *soon_end* is the first day that is more than --soon working days away;
    *ended*: the day a child protection plan ended (null while open), which stops
    its review clock.
    """
    s = (
        pl.when(suppressed | (kind == NONE))
        .then(None)
        .when(kind == BAD)
        .then(_code(Status.INVALID))
        .when(kind == CHECK)
        .then(_code(Status.CHECK))
    )
    if window:
        s = s.when(deadline < as_of).then(None)
    return (
        s.when(done <= deadline)
        .then(_code(Status.MET))
        .when(done_bad)
        .then(_code(Status.INVALID))
        .when(kind == CONDITIONAL)
        .then(_code(Status.CONDITIONAL))
        .when(done.is_not_null())
        .then(_code(Status.LATE))
        .when(ended <= deadline if ended is not None else pl.lit(False))
        .then(None)
        .when(deadline < as_of)
        .then(_code(Status.OVERDUE))
        .when(deadline < soon_end)
        .then(_code(Status.DUE_SOON))
        .otherwise(_code(Status.PENDING))
    )


def working_days(
    status: pl.Expr,
    at_deadline: pl.Expr | pl.Series,
    at_done: pl.Expr | pl.Series,
    at_as_of: pl.Expr | pl.Series,
) -> pl.Expr:
    """The finding's working days from the counts of working days up to each date
    (``cum`` of :meth:`wtcheck.calendar.workdays.Calendar.cum_table`); *status* as :data:`CODES`."""
    return (
        pl.when(status == CODES[Status.MET])
        .then(at_deadline - at_done)
        .when(status == CODES[Status.LATE])
        .then(pl.max_horizontal(pl.lit(1), at_done - at_deadline))
        .when(status == CODES[Status.OVERDUE])
        .then(pl.max_horizontal(pl.lit(1), at_as_of - at_deadline))
        .when(status.is_in([CODES[Status.INVALID], CODES[Status.CHECK], CODES[Status.CONDITIONAL]]))
        .then(None)
        .otherwise(at_deadline - at_as_of)
        .cast(pl.Int64)
    )
