"""Child protection review chains: each plan's reviews against the one before.

Working Together (every edition; real-data.md §5.7): the first review
conference within 3 months of the ICPC that made the plan (``rcpc-first``;
a plan starts on the day of that ICPC), each later one not more than 6 months
after the previous (``rcpc-next``), for as long as the plan lasts. A table
holds a chain in one of two shapes:

* **one row per review** (CIN census ``Reviews``, SSD ``cppr``): the plan's
  start and every review date, grouped per child and plan start. The first
  review is judged against the plan start, each later one against the one
  before it, and after the last one the next review is due 6 months on;
* **one row per plan with its latest review** (Annex A List 7): the latest
  review is never read as the first: with one, the next review is due 6 months
  after it; with none, the first review is due 3 months after the start.

A plan's end stops its clock: a review due after the plan ended gives no
finding; one due before the end that never happened is overdue, counted to
the end. A plan with no start date gives nothing. This module only reshapes
the rows into (trigger, completion, end) links; each link's deadline is
computed by :func:`wtcheck.deadlines.compute` and its status decided by
:func:`wtcheck.audit.status.status`, as for every other rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from wtcheck.inputs.columns import CP_PLAN_END, CP_PLAN_START, LATEST_REVIEW, ColumnMap
from wtcheck.rules import get_rule
from wtcheck.rules.model import Rule

NEXT = "__next"
"""The derived completion column: the review that answers the link."""
END = "__end"
"""The derived plan-end column (0: the plan is open)."""
STORED = "__stored"
"""The derived stored due-date column (the case system's own review due date)."""
REVIEW = "review_conference"
ICPC = "icpc"


@dataclass(frozen=True)
class Chain:
    """How a table holds its review chains."""

    latest: bool
    """True: one row per plan with its latest review; False: one row per review."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The date columns the chain reads."""
        return (CP_PLAN_START, CP_PLAN_END, LATEST_REVIEW if self.latest else REVIEW)


def chain_of(columns: ColumnMap, rules: tuple[Rule, ...] | None) -> Chain | None:
    """The chain shape of a table with *columns*, or None when it holds none (a plan
    start, and a latest review or each review). *rules*: the rules asked for (None: all)."""
    index = columns.index
    if CP_PLAN_START not in index:
        return None
    if rules is not None and not {r.id for r in rules} & {"rcpc-first", "rcpc-next"}:
        return None
    if LATEST_REVIEW in index:
        return Chain(latest=True)
    if REVIEW in index:
        return Chain(latest=False)
    return None


def links(chain: Chain, rows: pl.DataFrame, group_columns: list[str]) -> dict[str, pl.DataFrame]:
    """The links of every chain in *rows*, by rule id.

    *rows* has ``case``, ``line``, ``episode``, the *group_columns* and the date
    codes of :attr:`Chain.keys` (0 when empty). Each frame returned has those
    columns but the dates, plus the trigger's column (``icpc`` for rcpc-first,
    ``review_conference`` for rcpc-next), :data:`NEXT` and :data:`END`.
    """
    keep = ["case", "line", "episode", *group_columns]
    stored = STORED in rows.columns
    plans = rows.filter(pl.col(CP_PLAN_START) != 0)
    end = pl.col(CP_PLAN_END).alias(END)
    if chain.latest:
        latest = pl.col(LATEST_REVIEW)
        first = plans.filter(latest == 0).select(
            *keep, pl.col(CP_PLAN_START).alias(ICPC), pl.lit(0, pl.Int32).alias(NEXT), end
        )
        later = plans.filter(latest != 0).select(
            *keep, latest.alias(REVIEW), pl.lit(0, pl.Int32).alias(NEXT), end
        )
        return {"rcpc-first": first, "rcpc-next": later}
    plan_key = ["case", CP_PLAN_START]
    ordered = plans.sort([*plan_key, REVIEW, "line"])
    reviews = ordered.filter(pl.col(REVIEW) > 0)
    # the first review of each plan, against its start (a plan with none: still due)
    firsts = ordered.group_by(plan_key, maintain_order=True).agg(
        pl.col(REVIEW).filter(pl.col(REVIEW) > 0).first().fill_null(0).alias(NEXT),
        # a review row's stored due date is that review's (the first row: the first's)
        *([pl.col(STORED).first()] if stored else []),
        *(pl.col(c).first() for c in keep if c != "case"),
        pl.col(CP_PLAN_END).max().alias(END),
    )
    first = firsts.select(
        *keep, pl.col(CP_PLAN_START).alias(ICPC), NEXT, END, *([STORED] if stored else [])
    )
    # each later review against the one before; after the last, the next is due
    later = reviews.with_columns(
        pl.col(REVIEW).shift(-1).over(plan_key).fill_null(0).alias(NEXT),
        pl.col(CP_PLAN_END).max().over(plan_key).alias(END),
        *([pl.col(STORED).shift(-1).over(plan_key).fill_null(0)] if stored else []),
    ).select(*keep, REVIEW, NEXT, END, *([STORED] if stored else []))
    return {"rcpc-first": first, "rcpc-next": later}


def chain_rules(extra: tuple[Rule, ...] = ()) -> dict[str, Rule]:
    """The two rules of a chain, by id."""
    return {rule_id: get_rule(rule_id, extra) for rule_id in ("rcpc-first", "rcpc-next")}
