"""Each distinct combination of a rule's dates resolved once into its deadline.

:class:`Resolver` maps rows' date codes (:class:`wtcheck.dates.DateCodes`) to
result ids: one or two codes are packed into one Int64 so that finding the
distinct combinations is one hash of integers; each new one is resolved by
:func:`wtcheck.deadlines.compute` (the function ``wtcheck deadlines`` uses, so
both always agree) and the ids are joined back to the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, NamedTuple

import polars as pl

from wtcheck.audit import status as st
from wtcheck.audit.plan import AuditOptions, Plan
from wtcheck.calendar.workdays import Calendar
from wtcheck.dates import DateCodes
from wtcheck.deadlines import Deadline, compute, needed_dates
from wtcheck.errors import CalendarRangeError


class Resolved(NamedTuple):
    """A rule's deadline for one combination of dates."""

    deadline: date
    item: Deadline
    message: str
    literal: date | None = None
    """The literal reading's deadline (the rapid review under the Dec 2020 re-issue)."""


class Invalid(NamedTuple):
    """A cell a rule depends on that is not a date."""

    key: str
    value: str
    reason: str


Result = Resolved | Invalid | None


class Resolver:
    """One rule's deadlines, each distinct combination of date codes resolved once
    (across batches and files) by :func:`wtcheck.deadlines.compute`."""

    def __init__(self, plan: Plan, cal: Calendar, options: AuditOptions, dates: DateCodes):
        self.plan, self.cal, self.options, self.dates = plan, cal, options, dates
        self.triggers = needed_dates(plan.rule, options.counting)
        self.ids: dict[object, int] = {}
        self.results: list[Result] = [None]
        self._tables: dict[Callable[[Result], tuple[Any, ...]], pl.DataFrame] = {}

    def ids_of(self, keys: pl.DataFrame) -> pl.Series:
        """The result id of every row of *keys* (the codes of the plan's key columns),
        each distinct combination resolved once.

        One code is its own key, mapped back through a table indexed by code;
        two are packed into one Int64 (a code fits in 22 bits: ordinals are below
        2^20, unreadable codes small negatives), so finding the distinct ones and
        mapping them back is one hash of integers; more go through a join on the
        columns.
        """
        width = keys.width
        if width <= 2:
            packed = keys.to_series() if width == 1 else _pack(keys)
            distinct = packed.unique()
            get, rids = self.ids.get, []
            values = distinct.to_list()
            for pack in values:
                rid = get(pack)
                rids.append(self._id(pack, _unpack(pack, width)) if rid is None else rid)
            found = pl.Series(rids, dtype=pl.Int32)
            lo = min(values, default=0)
            if width == 1 and max(values, default=0) - lo < _LOOKUP:
                # one date column: its codes index a table of ids (a gather, no hashing)
                lookup = pl.repeat(0, max(values, default=0) - lo + 1, dtype=pl.Int32, eager=True)
                return lookup.scatter(distinct - lo, found).gather(packed - lo).rename("rid")
            return packed.replace_strict(distinct, found, return_dtype=pl.Int32).rename("rid")
        rows = keys.unique()
        rids = [self._id(row, row) for row in rows.iter_rows()]
        table = rows.with_columns(pl.Series("rid", rids, dtype=pl.Int32))
        return keys.join(table, on=keys.columns, how="left", maintain_order="left")["rid"]

    def _id(self, key: object, codes: tuple[int, ...]) -> int:
        rid = self.ids.get(key)
        if rid is None:
            self.results.append(self.resolve(codes))
            rid = self.ids[key] = len(self.results) - 1
        return rid

    def trim(self) -> None:
        """Start afresh past :data:`wtcheck.dates.CACHE_LIMIT` combinations (between
        batches only: a batch's ids index :attr:`results`); memory stays flat."""
        from wtcheck.dates import CACHE_LIMIT

        if len(self.results) > CACHE_LIMIT // 4:
            self.ids.clear()
            del self.results[1:]
            self._tables.clear()

    def columns(self) -> tuple[pl.Series, pl.Series]:
        """(kind, deadline ordinal) by result id."""
        table = self.table(_STATUS, _status_row)
        return table["kind"], table["dl"]

    def table(
        self, schema: Mapping[str, Any], row: Callable[[Result], tuple[Any, ...]]
    ) -> pl.DataFrame:
        """A frame of *schema* with one row per result id (its index), *row* of each
        result; kept, and only the rows of results new since the last call built."""
        old = self._tables.get(row)
        done = len(old) if old is not None else 0
        if done < len(self.results):
            new = pl.DataFrame(
                [row(r) for r in self.results[done:]], schema=dict(schema), orient="row"
            )
            old = new if old is None else pl.concat([old, new]).rechunk()
            self._tables[row] = old
        assert old is not None
        return old

    def resolve(self, codes: tuple[int, ...]) -> Result:
        """The deadline (or the unreadable cell) for one combination of date codes."""
        plan = self.plan
        dates: dict[str, date] = {}
        bad: dict[str, Invalid] = {}
        for k, code in zip(plan.keys, codes, strict=True):
            if code > 0:
                dates[k] = date.fromordinal(code)
            elif code < 0:
                text, reason = self.dates.bad[-code]
                bad[k] = Invalid(k, text, reason)
        rule = plan.rule
        opts = self.options.counting
        triggers = self.triggers
        for t in triggers:
            if t in bad:
                # a rule that ended in an earlier edition may never have applied: the
                # unreadable date is what would tell, so only current rules report it
                if rule.in_force_to is not None and self.options.rules is None:
                    return None
                return bad[t]
            if t in dates:
                break
        else:
            return None
        for other in (rule.edition_date, rule.compare_with):
            if other and other in bad:
                return bad[other]
        if (
            not rule.anchors
            and not rule.edition_date
            and opts.edition is None
            and not rule.in_force_on(dates[rule.trigger])
        ):
            return None  # what compute() finds too, without building its notes
        try:
            found = compute(rule, dates, self.cal, opts, self.options.extra_rules)
        except CalendarRangeError as exc:
            key = next(t for t in triggers if t in dates)
            return Invalid(key, dates[key].strftime("%d/%m/%Y"), str(exc))
        if not found:
            return None
        first = found[0]  # the literal rapid-review reading is in its notes
        literal = found[1].deadline if len(found) > 1 else None
        return Resolved(first.deadline, first, " ".join(first.notes), literal)


_BITS, _BIAS = 22, 1 << 21
"""A date code (an ordinal below 2^20, 0, or a small negative) in 22 bits."""
_LOOKUP = 1 << 22
"""The widest span of one column's codes looked up in a table (16 MiB of ids at most)."""


def _pack(keys: pl.DataFrame) -> pl.Series:
    """The codes of each row of *keys* (one or two columns) as one Int64."""
    expr = pl.lit(0, pl.Int64)
    for c in keys.columns:
        expr = expr * (1 << _BITS) + (pl.col(c).cast(pl.Int64) + _BIAS)
    return keys.select(expr.alias("pack")).to_series()


def _unpack(pack: int, width: int) -> tuple[int, ...]:
    if width == 1:
        return (pack,)  # one column is not packed: the code itself
    codes = []
    for _ in range(width):
        codes.append((pack & ((1 << _BITS) - 1)) - _BIAS)
        pack >>= _BITS
    return tuple(reversed(codes))


_STATUS = {"kind": pl.Int8, "dl": pl.Int32}
"""What a result gives a status: its kind and deadline (an ordinal)."""


def _status_row(res: Result) -> tuple[int, int | None]:
    return _kind(res), res.deadline.toordinal() if isinstance(res, Resolved) else None


def _kind(res: Result) -> int:
    """What a result means for the status (:data:`status.NONE` ...)."""
    if res is None:
        return st.NONE
    if isinstance(res, Invalid):
        return st.BAD
    if not res.item.is_deadline:
        return st.CHECK
    return st.CONDITIONAL if res.item.conditional else st.OK
