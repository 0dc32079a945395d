"""What a finding says beyond its dates: the deadline's details, a check's outcome,
the literal rapid-review reading, a stored due date's difference, an unreadable cell.

Each is computed once per distinct result (or per distinct pair with a completion
or stored date) among the listed rows and joined back; an unreadable cell's value
and message are built over columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl

from wtcheck.audit.plan import Plan
from wtcheck.audit.resolve import Invalid, Resolved, Resolver
from wtcheck.inputs.columns import ColumnMap, own_name


def detail(
    resolver: Resolver, rid: pl.Series, names: Iterable[str] | None = None
) -> list[pl.Series]:
    """Per row (its result id *rid*): what a finding shows of its deadline, or of the
    unreadable date it depends on (the *names* of :data:`DETAIL`), gathered from a
    table of every result, each result's row built once (:meth:`Resolver.table`)."""
    table = resolver.table(DETAIL, _detail_row)
    return [table[c].gather(rid) for c in (names or DETAIL) if c in DETAIL]


def _detail_row(res: object) -> tuple[Any, ...]:
    if isinstance(res, Resolved):
        d = res.item
        return (d.trigger_date, d.edition, d.anchor, d.projected, res.message, None, None)
    if isinstance(res, Invalid):
        return (None, "", None, False, "", res.key, res.reason)
    return (None,) * len(DETAIL)


def check_messages(resolver: Resolver, kept: pl.DataFrame, as_of: date) -> pl.DataFrame | None:
    """Per (result id, completion) among *kept*, where the message depends on the
    completion: a check's outcome (where the event fell relative to its window,
    :func:`wtcheck.deadlines.check_outcome`), or the literal reading met or late."""
    from wtcheck.deadlines import check_outcome, literal_outcome

    check = resolver.plan.rule.kind.value == "check"
    if not check and not any(isinstance(r, Resolved) and r.literal for r in resolver.results):
        return None
    rows = []
    for rid, done in kept.select("rid", "done").unique().iter_rows():
        res = resolver.results[rid]
        if not isinstance(res, Resolved):
            continue
        day = date.fromordinal(done) if done is not None else None
        if check and day is None:  # compute placed a recorded event itself, in the notes
            text = " ".join((check_outcome(res.item, None, as_of), *res.item.notes))
        elif res.literal is not None and day is not None:
            text = f"{res.message} {literal_outcome(res.literal, day, resolver.cal)}"
        else:
            continue
        rows.append((rid, done, text))
    return pl.DataFrame(
        rows, schema={"rid": pl.Int32, "done": pl.Int32, "check_message": pl.String}, orient="row"
    )


def stored_messages(resolver: Resolver, kept: pl.DataFrame) -> pl.DataFrame:
    """Per (result id, stored due date) among *kept*, where they differ: the note."""
    from wtcheck.audit.stored import stored_note

    rows = []
    for rid, stored in (
        kept.filter(pl.col("stored") > 0).select("rid", "stored").unique().iter_rows()
    ):
        res = resolver.results[rid]
        if isinstance(res, Resolved) and res.deadline.toordinal() != stored:
            note = stored_note(
                res.item, date.fromordinal(stored), resolver.cal, resolver.options.counting
            )
            rows.append((rid, stored, note))
    return pl.DataFrame(
        rows, schema={"rid": pl.Int32, "stored": pl.Int32, "stored_note": pl.String}, orient="row"
    )


def unreadable_codes(resolver: Resolver, kept: pl.DataFrame, plan: Plan) -> list[pl.Expr]:
    """inv_key and inv_reason completed for rows whose completion is unreadable (code
    < 0): its column key and reason, each distinct code's reason looked up once."""
    codes = (
        kept["code"].filter(kept["code"] < 0).unique().to_list()
        if plan.completion is not None
        else []
    )
    if not codes:
        return []
    reasons = [resolver.dates.reason(code) for code in codes]
    unreadable = pl.col("code").is_in(codes)
    return [
        pl.coalesce("inv_key", pl.when(unreadable).then(pl.lit(plan.completion))),
        pl.coalesce(
            "inv_reason",
            pl.col("code").replace_strict(codes, reasons, default=None, return_dtype=pl.String),
        ),
    ]


_PLAIN = r"^[ -&(-\[\]-~]*$"
"""Printable ASCII but ' and \\: what repr() shows as the text in single quotes."""


def header_of(columns: ColumnMap, key: str) -> str:
    """The file's header for *key*, else wtcheck's own name for it."""
    try:
        return columns.header_for(key) or own_name(key)
    except KeyError:  # a review chain's derived column
        return key.strip("_")


def texts_of(plan: Plan) -> list[str]:
    """The keys whose cell text an invalid finding of *plan* may show."""
    return list(dict.fromkeys([*plan.keys, *([plan.completion] if plan.completion else [])]))


def unreadable_text(kept: pl.DataFrame, plan: Plan, columns: ColumnMap) -> pl.DataFrame:
    """The column, value and message of each invalid row (null elsewhere): built over
    the invalid rows alone where they are few (a clean export), else over every row
    (an export of junk: picking most rows out and putting them back costs more)."""
    keys = [k for k in texts_of(plan) if f"t_{k}" in kept.columns]
    bad = kept["inv_key"].is_not_null()
    if bad.sum() * 4 > len(kept):
        return _unreadable(kept, keys, plan, columns)
    at = bad.arg_true()
    rows = kept.select("line", "inv_key", "inv_reason", *(f"t_{k}" for k in keys))[at]
    found = _unreadable(rows, keys, plan, columns)
    nulls = pl.repeat(None, len(kept), dtype=pl.String, eager=True)
    return kept.with_columns(
        nulls.scatter(at, found[c]).alias(c) for c in ("inv_value", "inv_column", "inv_message")
    )


def _unreadable(
    kept: pl.DataFrame, keys: list[str], plan: Plan, columns: ColumnMap
) -> pl.DataFrame:
    """*kept* with inv_value, inv_column and inv_message: the value is the cell's own
    text (stripped), shown as Python's repr shows it."""
    from wtcheck.dates import _SPACE

    value: pl.Expr = pl.lit(None, pl.String)
    for k in keys:
        value = pl.when(pl.col("inv_key") == k).then(pl.col(f"t_{k}")).otherwise(value)
    value = value.str.strip_chars(_SPACE)
    names = {k: header_of(columns, k) for k in {*keys, *texts_of(plan)}}
    header = pl.col("inv_key").replace_strict(
        list(names), list(names.values()), default=pl.col("inv_key"), return_dtype=pl.String
    )
    header_repr = pl.col("inv_key").replace_strict(
        list(names), [repr(h) for h in names.values()], default=None, return_dtype=pl.String
    )
    kept = kept.with_columns(value.alias("inv_value"), header.alias("inv_column"))
    # the value as repr() shows it: a plain one in single quotes (every row at once),
    # the few others by repr() itself, put in their place
    shown = kept.select(pl.lit("'") + pl.col("inv_value") + pl.lit("'")).to_series()
    odd = kept.select(
        pl.col("inv_key").is_not_null() & ~pl.col("inv_value").str.contains(_PLAIN).fill_null(True)
    ).to_series()
    if odd.any():  # most exports: every unreadable text is plain ASCII
        at = odd.arg_true()
        texts = kept["inv_value"].gather(at)
        reprs = {v: repr(v) for v in texts.drop_nulls().unique().to_list()}
        shown = shown.scatter(at, texts.replace_strict(list(reprs), list(reprs.values())))
    message = pl.format(
        "row {}, column {}: {}: {}", "line", header_repr, pl.lit(shown), "inv_reason"
    )
    return kept.with_columns(message.alias("inv_message"))


DETAIL = {
    "trigger_date": pl.Date, "edition": pl.String, "anchor": pl.String,
    "projected": pl.Boolean, "message": pl.String, "inv_key": pl.String,
    "inv_reason": pl.String,
}  # fmt: skip
"""The columns :func:`detail` gives each finding, by result."""
