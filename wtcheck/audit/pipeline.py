"""The audit: tables of an export → one finding per case and rule, in columns.

One way from a file to findings, whatever its size::

    read (sources) → map headers to concepts (columns) → read each distinct date
    text once (dates.DateCodes) → compute each distinct deadline once through
    deadlines.compute (Resolver) and join it back → decide every status with
    status.status → count them all, list the ones asked for → write

Each batch of rows is a polars frame; what the rules need of it is computed
for whole columns. Python runs once per distinct date text and once per
distinct combination of the dates a deadline depends on — a few thousand per
export, however many rows — never per row.

Findings are listed per batch (a piece of about 64 MiB of a CSV, a whole sheet),
then rule (in registry order), then row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

import polars as pl

from wtcheck.audit import status as st
from wtcheck.audit import texts
from wtcheck.audit.chains import END, REVIEW, STORED, Chain, chain_of
from wtcheck.audit.fields import FIELDS, NO_GROUP
from wtcheck.audit.plan import NO_PLAN, NO_PLAN_FLAG, AuditOptions, Plan, plan_rules, stored_key
from wtcheck.audit.resolve import Resolver
from wtcheck.audit.texts import (
    check_messages,
    stored_messages,
    texts_of,
    unreadable_codes,
    unreadable_text,
)
from wtcheck.calendar.workdays import Calendar
from wtcheck.dates import DateCodes
from wtcheck.errors import ColumnError
from wtcheck.findings import Finding, Status
from wtcheck.inputs.columns import CASE_ID, ColumnMap, match_columns, parse_bool
from wtcheck.inputs.sources import Source, Table, open_source, read_tables

if TYPE_CHECKING:
    from wtcheck.rules.model import Rule

Notice = Callable[[str], None]
Progress = Callable[[Source], AbstractContextManager[Callable[[int], None]]]
Sink = Callable[[pl.DataFrame], None]

SLICE = 200_000
"""Listed findings given their texts and passed on at once, at most."""
EPOCH = date(1970, 1, 1).toordinal()
"""Ordinal of day 0 of polars' Date."""

SCHEMA: dict[str, Any] = {
    "case_id": pl.String, "rule": pl.String, "rule_name": pl.String,
    "trigger_date": pl.Date, "deadline": pl.Date, "completed_date": pl.Date,
    "status": pl.String, "working_days": pl.Int64, "edition": pl.String,
    "source_row": pl.Int64, "force": pl.String, "anchor": pl.String, "file": pl.String,
    "projected": pl.Boolean, "column": pl.String, "value": pl.String, "message": pl.String,
    "episode": pl.String,
}  # fmt: skip


@dataclass
class AuditResult:
    """What an audit found: every status counted, the selected findings listed."""

    counts: dict[Status, int]
    frame: pl.DataFrame
    """The listed findings (:data:`FIELDS`); empty when they went to a sink."""
    rows: int = 0
    """Data rows read, over every table."""
    tables: list[str] = field(default_factory=list)
    """Tables audited (files, or ``file:sheet``)."""
    references: dict[str, date] = field(default_factory=dict)

    sources: dict[str, str] = field(default_factory=dict)
    """Each audited rule's citations, by rule id."""

    by: tuple[str, ...] = ()
    """The ``--by`` group columns (the frame's last columns)."""

    def findings(self) -> list[Finding]:
        """The listed findings as values, for renderers that take them one by one."""
        return frame_findings(self.frame, self.sources, self.by)


def frame_findings(
    frame: pl.DataFrame, sources: Mapping[str, str] | None = None, by: Sequence[str] = ()
) -> list[Finding]:
    """Each row of a findings frame as a :class:`Finding`."""
    sources = sources or {}
    out = []
    for r in frame.iter_rows(named=True):
        out.append(
            Finding(
                case_id=r["case_id"], rule=r["rule"], rule_name=r.get("rule_name", ""),
                status=Status(r["status"]), trigger_date=r["trigger_date"], deadline=r["deadline"],
                completed=r["completed_date"], days=r["working_days"], edition=r.get("edition", ""),
                row=r["source_row"], force=r.get("force", ""), anchor=r.get("anchor"),
                source=sources.get(r["rule"], ""), file=r["file"],
                projected=r.get("projected", False), column=r.get("column"),
                value=r.get("value"), message=r.get("message", ""), episode=r["episode"] or "",
                groups=tuple(r[b] for b in by),
            )
        )  # fmt: skip
    return out


LEAN: tuple[str, ...] = (
    "case_id", "rule", "trigger_date", "deadline", "completed_date", "status", "working_days",
    "source_row", "file", "episode", "anchor",
)  # fmt: skip
"""The columns of a lean findings frame (``AuditOptions.lean``), then the --by groups."""


def findings_frame(findings: Sequence[Finding], by: Sequence[str] = ()) -> pl.DataFrame:
    """A findings frame (:data:`FIELDS`, then the *by* group columns) of finding values."""
    rows = [
        (f.case_id, f.rule, f.rule_name, f.trigger_date, f.deadline, f.completed, f.status.value,
         f.days, f.edition, f.row, f.force, f.anchor, f.file, f.projected, f.column, f.value,
         f.message, f.episode, *f.groups[: len(by)], *([NO_GROUP] * (len(by) - len(f.groups))))
        for f in findings
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=schema(by), orient="row")


def schema(by: Sequence[str] = ()) -> dict[str, Any]:
    """The columns of a findings frame with group columns *by*."""
    return {**SCHEMA, **dict.fromkeys(by, pl.String)}


class Audit:
    """Audits tables against the rules; counts every status, lists those asked for."""

    def __init__(self, cal: Calendar, options: AuditOptions, sink: Sink | None = None) -> None:
        self.cal = cal
        self.options = options
        self.dates = DateCodes()
        self.counts: dict[Status, int] = dict.fromkeys(Status, 0)
        self.frames: list[pl.DataFrame] = []
        self.sink = sink or self.frames.append
        self.rows = 0
        self.tables: list[str] = []
        self.as_of = self.soon_end = 0
        self._set_as_of(options.as_of)
        self.references: dict[str, date] = {}
        self._warned: set[str] = set()
        self.stored_differ: dict[tuple[str, str], int] = {}
        """(table, rule) → rows whose stored due date differs from wtcheck's deadline."""
        self.keep = [st.CODES[s] for s in options.keep]
        self._resolvers: dict[tuple[str, tuple[str, ...]], Resolver] = {}
        self._cum: tuple[int, list[int], pl.Series] | None = None

    def _set_as_of(self, day: date) -> None:
        self.as_of = day.toordinal()
        # due soon: as_of <= deadline < soon_end (at most --soon working days left)
        self.soon_end = self.cal.add_ordinal(self.as_of, self.options.soon + 1)

    def _warn_division(self, rule: Rule, notice: Notice) -> None:
        """Once per rule: a Working Together rule counted on another division's calendar."""
        from wtcheck.deadlines import division_warning

        warning = division_warning(rule, self.cal.division)
        if warning and rule.id not in self._warned:
            self._warned.add(rule.id)
            notice(f"{rule.id}: {warning}")

    def resolver(self, plan: Plan) -> Resolver:
        key = (plan.rule.id, plan.keys)
        got = self._resolvers.get(key)
        if got is None:
            got = self._resolvers[key] = Resolver(plan, self.cal, self.options, self.dates)
        return got

    def result(self) -> AuditResult:
        by = self.options.by
        empty = schema(by) if not self.options.lean else {k: schema(by)[k] for k in (*LEAN, *by)}
        frame = pl.concat(self.frames) if self.frames else pl.DataFrame(schema=empty)
        sources = {r.plan.rule.id: r.plan.rule.source for r in self._resolvers.values()}
        return AuditResult(
            dict(self.counts), frame, self.rows, self.tables, self.references, sources, by
        )

    # -- one table ------------------------------------------------------------
    def run(
        self,
        table: Table,
        columns: ColumnMap,
        plans: Sequence[Plan],
        notice: Notice,
        chain: Chain | None = None,
    ) -> None:
        index = columns.index
        options = self.options
        day = options.as_of
        if table.reference is not None:
            self.references[table.name] = table.reference
            if not options.as_of_given:
                day = table.reference
        self._set_as_of(day)
        for plan in plans:
            self._warn_division(plan.rule, notice)
        date_keys = {k for p in plans for k in (*p.keys, p.completion, p.stored) if k is not None}
        stored_review = stored_key(columns, REVIEW)
        if chain is not None:
            date_keys.update(k for k in chain.keys if k in index)
            if stored_review:
                date_keys.add(stored_review)
        flag_keys = {k for p in plans for k in p.suppress}
        groups = _group_columns(table, options.by, LEAN if options.lean else FIELDS)
        held: list[pl.DataFrame] = []  # a chain's columns, for every row of the table
        first = True
        for batch in table.batches:
            if not len(batch):
                continue
            shapes: dict[str, pl.Series] = {}  # the first batch's date texts, for a warning
            self.dates.trim()
            for resolver in self._resolvers.values():
                resolver.trim()
            work = batch.select(
                pl.col(f"c{index[CASE_ID]}").fill_null("").str.strip_chars().alias("case"),
                pl.col("line"),
                episode(columns).alias("episode"),
                *(_group(f"c{i}").alias(f"g{n}") for n, i in enumerate(groups)),
            )
            work = work.with_columns(
                *(
                    self.dates.read_column(
                        batch[f"c{index[k]}"], partial(shapes.__setitem__, k) if first else None
                    ).alias(k)
                    for k in date_keys
                ),
                *(batch[f"c{index[k]}"].alias(f"t_{k}") for k in date_keys),  # shown if unreadable
                *(
                    _flag(batch[f"c{index[_flag_column(k)]}"], k != NO_PLAN).alias(k)
                    for k in flag_keys
                ),
            )
            if first:
                _warn_month_first(shapes, columns, table.name, notice)
                first = False
            for plan in plans:
                self._plan_batch(plan, work, table.name, columns)
            if chain is not None:
                held.append(
                    work.select(
                        "case",
                        "line",
                        "episode",
                        pl.col("^g[0-9]+$"),
                        *(
                            pl.col(k) if k in index else pl.lit(0, pl.Int32).alias(k)
                            for k in chain.keys
                        ),
                        *([pl.col(stored_review).alias(STORED)] if stored_review else []),
                    )
                )
            del batch, work  # freed before the next piece is read: one piece at a time
        if chain is not None and held:
            self._run_chain(chain, pl.concat(held), table.name, columns, notice, stored_review)
        for (where, rule_id), n in sorted(self.stored_differ.items()):
            if where == table.name and n:
                notice(
                    f"{where}: {n} stored due date{'s' if n != 1 else ''} differ from wtcheck's "
                    f"{rule_id} deadline; each finding's message says by how much and which "
                    "counting convention explains it (--only all lists them all)"
                )
        self.rows += table.count.rows
        self.tables.append(table.name)

    def _run_chain(
        self,
        chain: Chain,
        rows: pl.DataFrame,
        name: str,
        columns: ColumnMap,
        notice: Notice,
        stored: str | None = None,
    ) -> None:
        """The review chains of a table's rows (:mod:`wtcheck.audit.chains`)."""
        from wtcheck.audit.chains import ICPC, NEXT, REVIEW, chain_rules, links

        rules = chain_rules(self.options.extra_rules)
        groups = [c for c in rows.columns if c.startswith("g") and c[1:].isdigit()]
        for rule_id, frame in links(chain, rows, groups).items():
            if not len(frame):
                continue
            rule = rules[rule_id]
            self._warn_division(rule, notice)
            trigger = ICPC if rule_id == "rcpc-first" else REVIEW
            plan = Plan(rule, (trigger,), NEXT, False, stored=STORED if stored else None)
            self._plan_batch(plan, frame.sort("line"), name, columns)

    def _plan_batch(self, plan: Plan, work: pl.DataFrame, name: str, columns: ColumnMap) -> None:
        """Count the statuses of *plan* over a batch's rows; pass those listed to the sink
        (in slices of :data:`SLICE` rows: the texts of an export of unreadable dates,
        a finding on every row, never all in memory at once)."""
        resolver = self.resolver(plan)
        fb = plan.fallback
        keys = work.select(
            pl.col(k)
            if not fb or i < fb
            else pl.when(pl.col(plan.keys[0]) == 0).then(pl.col(k)).otherwise(0).alias(k)
            for i, k in enumerate(plan.keys)
        )
        rid = resolver.ids_of(keys)
        kinds, dls = resolver.columns()
        comp = plan.completion
        rows = work.select(
            "case",
            "line",
            "episode",
            pl.col("^g[0-9]+$"),
            *([pl.col(END)] if END in work.columns else []),
            (pl.col(plan.stored) if plan.stored else pl.lit(0, pl.Int32)).alias("stored"),
            *(pl.col(f"t_{k}") for k in texts_of(plan) if f"t_{k}" in work.columns),
            rid.alias("rid"),
            kinds.gather(rid).alias("kind"),
            dls.gather(rid).alias("dl"),
            (pl.col(comp) if comp else pl.lit(0, pl.Int32)).alias("code"),
            pl.any_horizontal(*(pl.col(k) for k in plan.suppress)).alias("off")
            if plan.suppress
            else pl.lit(False).alias("off"),
        ).with_columns(
            (pl.when(pl.col(END) > 0).then(pl.col(END)) if END in work.columns else pl.lit(None))
            .cast(pl.Int32)
            .alias("ended"),
            pl.when((pl.col("code") > 0) & (pl.col("code") <= self.as_of))
            .then(pl.col("code"))
            .alias("done"),
        )
        rows = rows.with_columns(
            st.status(
                kind=pl.col("kind"),
                deadline=pl.col("dl"),
                done=pl.col("done"),
                done_bad=pl.col("code") < 0,
                window=plan.window,
                suppressed=pl.col("off"),
                as_of=self.as_of,
                soon_end=self.soon_end,
                ended=pl.col("ended") if END in work.columns else None,
            ).alias("status")
        )
        for code, n in rows["status"].drop_nulls().value_counts().iter_rows():
            self.counts[st.BY_CODE[code]] += n
        if plan.stored:
            differ = rows.filter(
                pl.col("status").is_not_null()
                & (pl.col("stored") > 0)
                & (pl.col("stored") != pl.col("dl"))
            ).height
            self.stored_differ[(name, plan.rule.id)] = (
                self.stored_differ.get((name, plan.rule.id), 0) + differ
            )
        kept = rows.filter(pl.col("status").is_in(self.keep))
        for start in range(0, len(kept), SLICE):
            self.sink(self._findings(plan, resolver, kept.slice(start, SLICE), name, columns))

    def _lean(self, plan: Plan, kept: pl.DataFrame, name: str) -> pl.DataFrame:
        """The columns a summary needs (:data:`LEAN`), without the texts that explain a
        finding (rule name, messages, citations): millions of them cost more than the
        figures (``AuditOptions.lean``, the timeliness report)."""
        column = self._columns(plan, name)
        return kept.select(column[c].alias(c) for c in (*LEAN, *self.options.by))

    def _columns(self, plan: Plan, name: str) -> dict[str, pl.Expr]:
        """The finding columns a full and a lean frame share, by name: the identity,
        dates, status, working days, where it is from and the --by groups."""
        names = pl.Series([s.value for s in st.BY_CODE])
        invalid = pl.col("status") == st.CODES[Status.INVALID]
        done = pl.col("status").is_in([st.CODES[Status.MET], st.CODES[Status.LATE]])
        return {
            "case_id": pl.col("case"),
            "rule": pl.lit(plan.rule.id),
            "trigger_date": pl.when(~invalid).then(pl.col("trigger_date")),
            "deadline": pl.when(~invalid).then(_as_date(pl.col("dl"))),
            "completed_date": pl.when(done).then(_as_date(pl.col("done"))),
            "status": pl.col("status").replace_strict(
                list(range(len(names))), names, return_dtype=pl.String
            ),
            "working_days": pl.col("working_days"),
            "source_row": pl.col("line"),
            "file": pl.lit(name),
            "episode": pl.col("episode"),
            "anchor": pl.when(~invalid).then(pl.col("anchor")),
            **{b: pl.col(f"g{n}") for n, b in enumerate(self.options.by)},
        }

    def _cum_table(self, lo: int, hi: int) -> tuple[int, pl.Series]:
        first, cum = self.cal.cum_table(lo, hi)
        if self._cum is None or self._cum[1] is not cum:
            self._cum = (first, cum, pl.Series(cum, dtype=pl.Int32))
        return self._cum[0], self._cum[2]

    def _findings(
        self, plan: Plan, resolver: Resolver, kept: pl.DataFrame, name: str, columns: ColumnMap
    ) -> pl.DataFrame:
        """The findings of the kept rows (columns :data:`FIELDS`)."""
        rule = plan.rule
        ords = pl.concat(
            [kept["dl"].drop_nulls(), kept["done"].drop_nulls(), kept["ended"].drop_nulls()]
        )
        lo, hi = self.as_of, self.as_of
        if len(ords):
            lo, hi = min(lo, int(ords.min())), max(hi, int(ords.max()))  # type: ignore[arg-type]
        first, cum = self._cum_table(lo, hi)

        def at(ordinals: pl.Series) -> pl.Series:
            return cum.gather(ordinals - first)

        kept = kept.with_columns(
            st.working_days(
                pl.col("status"),
                at(kept["dl"]),
                at(kept["done"]),
                # overdue is counted to the as-of date, or to a plan's end if earlier
                at(kept["ended"].fill_null(self.as_of).clip(upper_bound=self.as_of)),
            ).alias("working_days")
        )
        if self.options.lean:  # only the details a lean frame has (trigger date, anchor)
            kept = kept.with_columns(texts.detail(resolver, kept["rid"], LEAN))
            return self._lean(plan, kept, name)
        kept = kept.with_columns(texts.detail(resolver, kept["rid"]))
        checks = check_messages(resolver, kept, date.fromordinal(self.as_of))
        notes = stored_messages(resolver, kept) if plan.stored else None
        if checks is not None:
            kept = kept.join(
                checks, on=["rid", "done"], how="left", maintain_order="left", nulls_equal=True
            ).with_columns(pl.coalesce("check_message", "message").alias("message"))
        kept = kept.with_columns(unreadable_codes(resolver, kept, plan))
        kept = unreadable_text(kept, plan, columns)
        if notes is not None:
            kept = kept.join(notes, on=["rid", "stored"], how="left", maintain_order="left")
            kept = kept.with_columns(
                pl.when(pl.col("stored_note").is_not_null())
                .then(pl.concat_str(["message", "stored_note"], separator=" ").str.strip_chars())
                .otherwise(pl.col("message"))
                .alias("message")
            )
        invalid = pl.col("status") == st.CODES[Status.INVALID]
        column = self._columns(plan, name)
        column.update(
            rule_name=pl.lit(rule.name),
            edition=pl.when(~invalid).then(pl.col("edition")).otherwise(pl.lit("")),
            force=pl.lit(rule.force.value),
            projected=pl.when(~invalid).then(pl.col("projected")).otherwise(pl.lit(False)),
            column=pl.when(invalid).then(pl.col("inv_column")),
            value=pl.when(invalid).then(pl.col("inv_value")),
            message=pl.when(invalid).then(pl.col("inv_message")).otherwise(pl.col("message")),
        )
        return kept.select(column[c].alias(c) for c in (*FIELDS, *self.options.by))


def episode(columns: ColumnMap) -> pl.Expr:
    """The episode of each row: its id, or ``header id, header id`` for several (empty
    ids left out): ``CINdetailsID 2, CPPID 1``; a single id is its bare value."""
    ids = columns.episode
    if not ids:
        return pl.lit("")
    if len(ids) == 1:
        return pl.col(f"c{ids[0]}").fill_null("").str.strip_chars()
    parts = [
        pl.when(pl.col(f"c{i}").str.strip_chars().fill_null("") != "").then(
            pl.lit(columns.headers[i] + " ") + pl.col(f"c{i}").str.strip_chars()
        )
        for i in ids
    ]
    return pl.concat_str(parts, separator=", ", ignore_nulls=True).fill_null("")


def _group(column: str) -> pl.Expr:
    text = pl.col(column).fill_null("").str.strip_chars()
    return pl.when(text == "").then(pl.lit(NO_GROUP)).otherwise(text)


def _group_columns(table: Table, by: Sequence[str], taken: Sequence[str]) -> list[int]:
    """The column index of each ``--by`` name in *table*; ColumnError names a missing one,
    one given twice, or one of the findings' own columns (*taken*: FIELDS, or LEAN)."""
    from wtcheck.inputs.columns import normalise, suggest

    found = {normalise(h): i for i, h in enumerate(table.header) if normalise(h)}
    out = []
    for n, name in enumerate(by):
        if name in taken:
            raise ColumnError(
                f"{table.name}: --by {name!r}: the findings already have a column of that name "
                f"(wtcheck's own: {', '.join(taken)}); group by another column"
            )
        if name in by[:n]:
            raise ColumnError(f"{table.name}: --by {name!r} is given twice")
        i = found.get(normalise(name))
        if i is None:
            near = suggest(name, table.header)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ColumnError(f"{table.name}: --by {name!r}: no such column{hint}")
        out.append(i)
    return out


def _warn_month_first(
    texts: Mapping[str, pl.Series], columns: ColumnMap, name: str, notice: Notice
) -> None:
    """A notice per date column whose values look month-first (never read so); *texts*:
    each column's distinct texts of a date's shape (:meth:`DateCodes.read_column`)."""
    from wtcheck.inputs.columns import looks_month_first

    for key in sorted(texts):
        if looks_month_first(texts[key]):
            notice(
                f"{name}: column {columns.header_for(key)!r} looks month-first (a second field "
                "over 12 and none in the first); wtcheck reads dates day first, always: check "
                "the export's date format"
            )


def _as_date(ordinal: pl.Expr) -> pl.Expr:
    return (ordinal - EPOCH).cast(pl.Date)


def _flag_column(key: str) -> str:
    """The column a flag is read from (the derived no-plan flag: from resulted-in-plan)."""
    return NO_PLAN_FLAG if key == NO_PLAN else key


def _flag(texts: pl.Series, want: bool = True) -> pl.Series:
    """True where a flag cell reads *want* (:func:`parse_bool`), each distinct text once
    (an empty or unreadable cell is never *want*: no finding is dropped on a guess)."""
    distinct = texts.fill_null("").unique()
    values = [parse_bool(t) is want and bool(t.strip()) for t in distinct.to_list()]
    return texts.fill_null("").replace_strict(distinct, pl.Series(values), return_dtype=pl.Boolean)


def _ignore(_: int) -> None:
    return None


def audit_files(
    names: Sequence[str],
    cal: Calendar,
    options: AuditOptions,
    *,
    mapping: Mapping[str, Sequence[str]] | None = None,
    notice: Notice,
    progress: Progress | None = None,
    sink: Sink | None = None,
    sheet: str | None = None,
) -> AuditResult:
    """Audit each file in *names* (``-`` is stdin); InputError for unusable input.

    Every file is checked to exist before the first is read. With *sink*, each
    batch's listed findings are passed to it as soon as they are found instead
    of being kept in the result (memory stays flat for streamed output). In a
    workbook, sheets whose headers map to no rule are named and passed over.
    """
    sources = [open_source(n) for n in names]
    audit = Audit(cal, options, sink)
    try:
        if len(sources) > 1 and not sheet and all(_is_ssd(n) for n in names):
            # an SSD extract: related tables joined first (wtcheck.inputs.ssd)
            from wtcheck.inputs.ssd import combine

            every = [t for src in sources for t in read_tables(src, notice, _ignore)]
            for table in combine(every):
                for plans, columns, chain in _planned(table, every, mapping, options, notice):
                    audit.run(table, columns, plans, notice, chain)
            return audit.result()
        for source in sources:
            ctx = progress(source) if progress else nullcontext(_ignore)
            with ctx as advance:
                tables = read_tables(source, notice, advance, sheet=sheet)
                for table in tables:
                    for plans, columns, chain in _planned(table, tables, mapping, options, notice):
                        audit.run(table, columns, plans, notice, chain)
    finally:
        for source in sources:
            source.close()
    return audit.result()


def _is_ssd(name: str) -> bool:
    """A file of a Standard Safeguarding Dataset extract (``ssd_*.csv``)."""
    from pathlib import Path

    return Path(name).name.lower().startswith("ssd_")


def _planned(
    table: Table,
    tables: list[Table],
    mapping: Mapping[str, Sequence[str]] | None,
    options: AuditOptions,
    notice: Notice,
) -> Iterator[tuple[list[Plan], ColumnMap, Chain | None]]:
    """The plans of *table* (nothing for a workbook's sheet no rule can use)."""
    chain = None
    try:
        if options.preset:
            from wtcheck.inputs.columns import preset_mapping

            mapping = {
                **preset_mapping(options.preset, table.header, table.name),
                **(mapping or {}),
            }
        columns = match_columns(table.header, mapping, table.name)
        chain = chain_of(columns, options.rules)
        part = table.sheet is not None and len(tables) > 1
        yield plan_rules(columns, options, table.name, notice, part=part), columns, chain
    except ColumnError as exc:
        if chain is not None and CASE_ID in columns.index:
            yield [], columns, chain  # the review chains are what this table holds
            return
        if table.sheet is None or len(tables) == 1:
            raise
        why = str(exc).removeprefix(table.name + ": ").split(" (--show-columns")[0]
        notice(f"{table.name}: not audited: {why}")


__all__ = ["FIELDS", "Audit", "AuditOptions", "AuditResult", "Resolver", "audit_files"]
