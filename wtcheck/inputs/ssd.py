"""Standard Safeguarding Dataset extracts: related tables joined as the timescales need.

An SSD extract is one CSV per table, and the dates a timescale joins are in
different tables (real-data.md §3): the assessment's referral date is in
``ssd_cin_episodes``, the strategy discussion that starts an ICPC's clock in
``ssd_s47_enquiry``, a review's plan start in ``ssd_cp_plans``. Audited
together (``wtcheck audit ssd_*.csv``), each pair is joined on its ids, as
the SSD defines them, and audited as one table:

=============================  ==============================  =====================
table                          joined with, on                 gives
=============================  ==============================  =====================
``ssd_cin_assessments``        ``ssd_cin_episodes``, referral  sa-45 (from referral)
``ssd_s47_enquiry``            ``ssd_initial_cp_conference``,  icpc-2013, its stored
                               s47 enquiry id                  target date
``ssd_cp_plans``               ``ssd_cp_reviews``, plan id     review chains, stored
                               (plans with no review kept)     review due dates
=============================  ==============================  =====================

A joined row keeps the file and line of its first table's row. A table given
without its partner is audited alone, as any CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from wtcheck.inputs.sources import ReadCount, Table


@dataclass(frozen=True)
class Join:
    left: str
    """A column only the left table has (it names the table)."""
    right: str
    """A column only the right table has."""
    left_on: str
    right_on: str


JOINS: tuple[Join, ...] = (
    Join(
        "cina_assessment_start_date", "cine_referral_date", "cina_referral_id", "cine_referral_id"
    ),
    Join("s47e_s47_start_date", "icpc_icpc_date", "s47e_s47_enquiry_id", "icpc_s47_enquiry_id"),
    Join("cppl_cp_plan_start_date", "cppr_cp_review_date", "cppl_cp_plan_id", "cppr_cp_plan_id"),
)


def _frame(table: Table) -> pl.DataFrame:
    """The whole table with its own headers (the batches read now: SSD tables are small)."""
    batches = list(table.batches)
    if not batches:
        return pl.DataFrame(schema={**{h: pl.String for h in table.header}, "line": pl.Int64})
    body = pl.concat(batches)
    return body.rename({f"c{i}": h for i, h in enumerate(table.header)})


def _has(table: Table, column: str) -> bool:
    return any(h.strip().lower() == column for h in table.header)


def combine(tables: list[Table]) -> list[Table]:
    """*tables* with each SSD pair present replaced by their join (see the module)."""
    out = list(tables)
    for join in JOINS:
        left = next((t for t in out if _has(t, join.left) and _has(t, join.left_on)), None)
        right = next((t for t in out if _has(t, join.right) and _has(t, join.right_on)), None)
        if left is None or right is None or left is right:
            continue
        lf, rf = _frame(left), _frame(right)
        lf = lf.rename({c: c.strip().lower() for c in lf.columns if c != "line"})
        rf = rf.rename({c: c.strip().lower() for c in rf.columns if c != "line"})
        # the left table names the child: the right's person id would be empty where no
        # right row matched (a plan with no review yet)
        rf = rf.drop("line", *(c for c in rf.columns if c.endswith("_person_id")))
        joined = lf.join(rf, left_on=join.left_on, right_on=join.right_on, how="left")
        joined = joined.sort("line", maintain_order=True)
        header = [c for c in joined.columns if c != "line"]
        body = joined.select(
            *(pl.col(c).cast(pl.String).alias(f"c{i}") for i, c in enumerate(header)), "line"
        )
        name = f"{left.name} (with {right.name})"
        merged = Table(name, header, iter([body]), left.header_line, ReadCount(rows=len(body)))
        out = [merged if t is left else t for t in out if t is not right]
    return out
