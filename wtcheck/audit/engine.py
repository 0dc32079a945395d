"""The audit: rows of a case export → one finding per case and rule.

For each file, :func:`plan_rules` decides once which rules can run on its
columns (a rule needs its trigger column, or for an anchored rule its anchor
or fallback column, and its completion column unless it is a duty period).
Then each row is a few dictionary look-ups:

* cells are parsed once per distinct string (:class:`DateCache`);
* deadlines come from :func:`wtcheck.deadlines.compute`, the function the
  ``deadlines`` command uses, so both always agree; its result is cached per
  rule and tuple of the raw cells it depends on;
* a finding is listed only for the statuses the caller keeps; every status
  is counted. A sink with a fast path (:class:`wtcheck.findings.TemplateSink`,
  the streamed CSV) gives the fixed text of each shape of finding once, and
  rows are joined from it, with no :class:`Finding` built per row.

Large batches take the column-wise path (:mod:`wtcheck.audit.columnwise`,
numpy), which reaches the same results through the same methods.

Statuses: see :class:`wtcheck.findings.Status`. Duty periods
(:attr:`Kind.WINDOW`: hl-prev, hl-relief) have no completion date: they are
``pending``/``due-soon`` while the period runs and give no finding once it
has ended.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from operator import gt
from typing import TYPE_CHECKING, Any, cast

from wtcheck.audit.columns import (
    CASE_ID,
    ICPC_NOT_REQUIRED,
    REFERRAL_NFA,
    ColumnMap,
    own_name,
    parse_bool,
)
from wtcheck.concepts import BY_KEY as CONCEPTS
from wtcheck.dates import parse_date
from wtcheck.deadlines import Deadline, Options, compute, needed_dates
from wtcheck.errors import CalendarRangeError, ColumnError, DateError
from wtcheck.findings import Finding, Status, TemplateSink
from wtcheck.rules import all_rules, get_rule
from wtcheck.rules.model import Kind, Rule
from wtcheck.workdays import Calendar

if TYPE_CHECKING:
    from wtcheck.audit.columnwise import ColumnWise
    from wtcheck.audit.reader import Batch, Source

Notice = Callable[[str], None]
Progress = Callable[["Source"], AbstractContextManager[Callable[[int], None]]]

EMPTY_WORDS = frozenset({"", "null", "n/a", "na", "none"})
"""Cells read as empty (SQL and spreadsheet exports write these for 'no date')."""

CACHE_LIMIT = 200_000
"""Entries a cache may hold before it is emptied (keeps memory flat)."""

FIRST_YEAR, LAST_YEAR = 1872, 2100
OUT_OF_RANGE = f"outside the years wtcheck can count ({FIRST_YEAR}–{LAST_YEAR})"

_MISS: Any = object()
_STATUS: dict[str, Status] = {s.value: s for s in Status}
"""Status by value: a dict look-up instead of ``Status(value)`` (an Enum call) per finding."""
NOT_DONE = 1 << 23
"""Completion code (:attr:`DateCache.ords`) of an empty cell or a date after the as-of date.
Above every date ordinal (date.max is 3,652,059)."""
UNREADABLE = NOT_DONE + 1
"""Completion code of a cell that is not a date."""
_NONE, _BAD, _FALLBACK = 1 << 24, -2, -3
"""Deadline codes (:attr:`Plan.ords`) besides ordinals: no finding (above every
completion code, so ``done <= deadline`` holds), invalid, anchor cell empty."""
FALLBACK: object = object()
"""Result of a primary key whose anchor cell is empty (see Engine.resolve_primary)."""
_OVERDUE, _LATE, _DUE_SOON, _PENDING, _MET, _INVALID = (s.value for s in Status)


class DateCache:
    """Cell text → date, None (empty) or the DateError, each string parsed once."""

    def __init__(self, as_of: date | None = None) -> None:
        self.values: dict[str, date | DateError | None] = {"": None}
        self.ords: dict[str, int] = {"": NOT_DONE}
        """Text → ordinal, NOT_DONE when empty or after *as_of*, UNREADABLE when invalid."""
        self.limit = as_of.toordinal() if as_of else date.max.toordinal()
        """Completion dates after this ordinal are not done yet."""

    def trim(self) -> None:
        """Empty the cache when it has grown past CACHE_LIMIT (between batches only:
        a batch's look-ups rely on the strings it has parsed)."""
        if len(self.values) >= CACHE_LIMIT:
            self.values.clear()
            self.values[""] = None
            self.ords.clear()
            self.ords[""] = NOT_DONE

    def parse(self, text: str) -> date | DateError | None:
        values = self.values
        v = values.get(text, _MISS)
        if v is not _MISS:
            return v  # type: ignore[no-any-return]
        value = text.strip()
        result: date | DateError | None
        if value.lower() in EMPTY_WORDS:
            result = None
        else:
            try:
                result = (
                    date.fromisoformat(value)
                    if len(value) == 10 and value[4] == "-"
                    else parse_date(value, excel_serials=True)
                )
            except DateError as exc:
                result = exc
            except ValueError:
                try:
                    result = parse_date(value, excel_serials=True)
                except DateError as exc:
                    result = exc
            if isinstance(result, date) and not FIRST_YEAR <= result.year <= LAST_YEAR:
                result = DateError(value, OUT_OF_RANGE)
            elif isinstance(result, DateError):
                # kept as a value: without its traceback (the frames of parse_date and
                # their locals) and the ValueError before it, ~3 KB per unreadable text
                result = DateError(result.value, result.reason)
        values[text] = result
        if isinstance(result, date):
            o = result.toordinal()
            self.ords[text] = o if o <= self.limit else NOT_DONE
        else:
            self.ords[text] = NOT_DONE if result is None else UNREADABLE
        return result


@dataclass(frozen=True, slots=True, eq=False)
class Invalid:
    """A cell a rule depends on that is not a date."""

    key: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True, eq=False)
class Resolved:
    """A rule's deadline for one combination of cells."""

    deadline: date
    item: Deadline
    message: str


@dataclass
class Plan:
    """How one rule runs on one file's columns."""

    rule: Rule
    keys: tuple[str, ...]
    """Concept keys whose cells the deadline depends on (present in the file)."""
    cols: tuple[int, ...]
    """Column index of each key."""
    completion: int | None
    window: bool
    suppress: tuple[int, ...] = ()
    fallback: int = 0
    """Position in *keys* from which the keys matter only when the anchor cell
    (position 0) holds no date; 0 when the rule has no fallback."""
    source: str = ""
    cache: dict[Any, Resolved | Invalid | None] = field(default_factory=dict)
    ords: dict[Any, int] = field(default_factory=dict)
    """The same keys → deadline ordinal, or _NONE (no finding), _BAD (invalid),
    _FALLBACK (anchor cell empty: resolve the row's full key)."""
    live: set[Any] = field(default_factory=set)
    """Keys whose result is not 'no finding'."""

    @property
    def primary(self) -> tuple[int, ...]:
        """The columns of the cache key (the fallback columns only when needed)."""
        return self.cols[: self.fallback] if self.fallback else self.cols


def result_code(res: Resolved | Invalid | object | None) -> int:
    """The deadline code (:attr:`Plan.ords`) of a result."""
    if res is None:
        return _NONE
    if res is FALLBACK:
        return _FALLBACK
    if isinstance(res, Invalid):
        return _BAD
    assert isinstance(res, Resolved)
    return res.deadline.toordinal()


RowParts = tuple[str, str, str, str]
"""See :meth:`Engine.row_parts`."""
KeptRow = tuple[int, str, Any, int, str, int]
"""A finding to list: (row in batch, status, result, completion code, case id, line)."""


@dataclass(frozen=True)
class AuditOptions:
    as_of: date
    soon: int = 5
    counting: Options = field(default_factory=Options)
    rules: tuple[Rule, ...] | None = None
    """Rules to run (None: every auditable rule)."""
    extra_rules: tuple[Rule, ...] = ()
    keep: frozenset[Status] = frozenset(Status)
    """Statuses for which finding objects are built (all are counted)."""


def auditable(rule: Rule) -> bool:
    """True for rules with a length and something to check (not information only)."""
    if rule.kind is Kind.INFORMATION or not rule.computable:
        return False
    return rule.kind is Kind.WINDOW or rule.completion is not None


def _dependencies(rule: Rule, opts: Options, extra: Sequence[Rule]) -> tuple[list[str], list[str]]:
    """(keys the deadline depends on, keys it depends on only through a fallback).

    The first key is the trigger (or chosen anchor's trigger).
    """
    triggers = needed_dates(rule, opts)
    keys = [triggers[0], *(a.trigger for a in rule.anchors if a.name == rule.literal_anchor)]
    keys += [k for k in (rule.edition_date, rule.compare_with) if k]
    fallback = list(triggers[1:])
    for a in rule.anchors:
        if a.fallback_rule:
            base = get_rule(a.fallback_rule, extra)
            fallback += [base.trigger, *(k for k in (base.edition_date, base.compare_with) if k)]
    primary = list(dict.fromkeys(keys))
    return primary, [k for k in dict.fromkeys(fallback) if k not in primary]


def plan_rules(columns: ColumnMap, options: AuditOptions, name: str, notice: Notice) -> list[Plan]:
    """The rules that can run on a file with *columns*; notices for the others."""
    if CASE_ID not in columns.index:
        raise ColumnError(
            f"{name}: no case id column; expected case_id or an alias such as LAchildID, "
            "'Child Unique ID' or pers_person_id (or map one with --mapping)"
        )
    explicit = options.rules is not None
    rules = (
        options.rules
        if explicit
        else [r for r in all_rules(options.extra_rules) if not r.default_off]
    )
    assert rules is not None
    index = columns.index
    plans: list[Plan] = []
    skipped: dict[str, list[str]] = {}
    for rule in rules:
        if not auditable(rule):
            if explicit:
                notice(f"{name}: rule {rule.id} is not audited: it has no deadline to check")
            continue
        triggers = needed_dates(rule, options.counting)
        if not any(t in index for t in triggers):
            skipped.setdefault(" or ".join(CONCEPTS[t].column for t in triggers), []).append(
                rule.id
            )
            continue
        window = rule.kind is Kind.WINDOW
        completion = None
        if not window:
            assert rule.completion is not None
            completion = index.get(rule.completion)
            if completion is None:
                skipped.setdefault(CONCEPTS[rule.completion].column, []).append(rule.id)
                continue
        primary, fallback = _dependencies(rule, options.counting, options.extra_rules)
        keys = tuple(k for k in primary if k in index)
        fb_keys = tuple(k for k in fallback if k in index and k not in keys)
        fb_at = len(keys) if fb_keys and keys and keys[0] == triggers[0] else 0
        keys += fb_keys
        suppress = []
        if ICPC_NOT_REQUIRED in index and "icpc" in (rule.trigger, rule.completion):
            suppress.append(index[ICPC_NOT_REQUIRED])
        if REFERRAL_NFA in index and rule.trigger == "referral":
            suppress.append(index[REFERRAL_NFA])
        idx = [index[k] for k in keys]
        plans.append(
            Plan(rule, keys, tuple(idx), completion, window, tuple(suppress), fb_at, rule.source)
        )
    if skipped and options.rules is not None:  # rules the user asked for: say what is missing
        notice(
            f"{name}: rules skipped, no column for "
            + "; ".join(f"{col}: {', '.join(ids)}" for col, ids in skipped.items())
        )
    elif skipped:
        ids = [rule_id for group in skipped.values() for rule_id in group]
        notice(
            f"{name}: {len(ids)} rules not checked, their date columns are absent "
            f"({', '.join(ids)}); --rule ID says which column a rule needs"
        )
    if not plans:
        raise ColumnError(
            f"{name}: no usable column: no rule has its trigger and completion columns "
            "(--show-columns shows what was matched)"
        )
    return plans


class Engine:
    """Audits rows against plans; counts every status, keeps findings asked for."""

    def __init__(
        self, cal: Calendar, options: AuditOptions, sink: Callable[[Finding], None] | None = None
    ) -> None:
        self.cal = cal
        self.options = options
        self.dates = DateCache(options.as_of)
        self.counts_by_value: dict[str, int] = {s.value: 0 for s in Status}
        self.findings: list[Finding] = []
        self._emit = sink or self.findings.append
        """Where each kept finding goes: *sink* (streamed output) or :attr:`findings`."""
        self.sink: TemplateSink | None = (
            cast("TemplateSink", sink) if hasattr(sink, "parts") else None
        )
        """The sink's fast path (:class:`wtcheck.findings.TemplateSink`), if it has one."""
        self._shapes: dict[tuple[object, ...], Any] = {}
        """The sink's parts by everything a finding's cells hold but its dates and row."""
        self._done_texts: dict[int, str] = {}
        self._as_of = options.as_of
        self._left: dict[date, int] = {}
        self.as_of_ordinal = options.as_of.toordinal()
        # due soon: a <= deadline < soon_end (at most --soon working days left)
        self.soon_end = cal.add_ordinal(self.as_of_ordinal, options.soon + 1)
        self._bools: dict[str, bool | None] = {}
        self._wise: ColumnWise | None = None
        self.parts_cache: dict[tuple[str, Resolved], RowParts | None] = {}
        self._worked: dict[int, int] = {}

    # -- per distinct cell combination -----------------------------------
    def resolve_primary(self, plan: Plan, key: Any) -> Resolved | Invalid | object | None:
        """:meth:`resolve` for a cache key of the plan's primary columns.

        For a rule with a fallback (the rapid review counted from the last
        notification day when the notification date is missing), the
        fallback cells matter only when the anchor cell is empty: then this
        returns :data:`FALLBACK` and the row is resolved on all its cells.
        """
        fb = plan.fallback
        if not fb:
            return self.resolve(plan, key)
        cells = (key,) if fb == 1 else key
        if self.dates.parse(cells[0]) is None:
            return FALLBACK
        return self.resolve(plan, (*cells, *("",) * (len(plan.keys) - fb)))

    def cached(self, plan: Plan, key: Any, *, full: bool = False) -> Any:
        """:meth:`resolve_primary` (or with *full*, :meth:`resolve`) of *key*, through
        the plan's cache that the row-by-row path shares."""
        res = plan.cache.get(key, _MISS)
        if res is _MISS:
            if len(plan.cache) >= CACHE_LIMIT:
                plan.cache.clear()
                plan.ords.clear()
                plan.live.clear()
            res = self.resolve(plan, key) if full else self.resolve_primary(plan, key)
            self._store(plan, key, res)
        return res

    def resolve(self, plan: Plan, key: Any) -> Resolved | Invalid | None:
        """The deadline (or the unreadable cell) for one combination of cells."""
        cells = (key,) if len(plan.keys) == 1 else key
        dates: dict[str, date] = {}
        bad: dict[str, Invalid] = {}
        for k, text in zip(plan.keys, cells, strict=True):
            v = self.dates.parse(text)
            if isinstance(v, date):
                dates[k] = v
            elif v is not None:
                bad[k] = Invalid(k, text.strip(), v.reason)
        rule = plan.rule
        opts = self.options.counting
        triggers = needed_dates(rule, opts)
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
        first = found[0]
        notes = list(first.notes)
        for extra in found[1:]:
            notes.append(
                f"{extra.anchor}: deadline {extra.deadline.isoformat()} "
                f"(from {extra.trigger_date.isoformat()})."
            )
        return Resolved(first.deadline, first, " ".join(notes))

    def _days_left(self, deadline: date) -> int:
        n = self._left.get(deadline)
        if n is None:
            n = self._left[deadline] = self.cal.between(self._as_of, deadline)
        return n

    def flag(self, text: str) -> bool:
        v = self._bools.get(text, _MISS)
        if v is _MISS:
            v = self._bools[text] = parse_bool(text)
        return v is True

    # -- the row loop -------------------------------------------------------
    def run(
        self, batches: Iterable[Batch], columns: ColumnMap, plans: Sequence[Plan], name: str
    ) -> None:
        """Audit the rows of one file, a batch (one chunk of the file) at a time.

        Column-wise: for each plan, the cells it needs are taken from every
        row of the batch as one list (a slice of the flat layout), mapped to
        deadline and completion codes through the caches (each new distinct
        value resolved once), and the two code lists compared: in C for the
        rows done on time (:meth:`_scan`), in one list comprehension when
        every status is needed (:meth:`_classify`). Python code runs per row
        only for the rows that are not met and the findings kept. The cyclic
        garbage collector is paused
        meanwhile: the rows are strings, which cannot form cycles, and
        scanning them would cost more than the audit itself.
        """
        with _gc_paused():
            self._run(batches, columns, plans, name)

    def _run(
        self, batches: Iterable[Batch], columns: ColumnMap, plans: Sequence[Plan], name: str
    ) -> None:
        case_idx = columns.index[CASE_ID]
        keep = frozenset(s.value for s in self.options.keep)
        dates = self.dates
        for batch in batches:
            n = len(batch)
            if not n:
                continue
            dates.trim()
            cols: dict[int, list[str]] = {}
            done_ords: dict[int, list[int]] = {}
            ds: list[int] | None = None

            def column(
                c: int, batch: Batch = batch, cols: dict[int, list[str]] = cols
            ) -> list[str]:
                got = cols.get(c)
                if got is None:
                    got = cols[c] = batch.column(c)
                return got

            wise = None
            if batch.layout is not None:
                wise = self._columnwise()
                wise.start(batch.layout)
            for plan in plans:
                if wise is not None and wise.supports(plan):
                    wise.run(plan, batch, keep, case_idx, name, columns)
                    continue
                primary = plan.primary
                keys: list[Any] = (
                    column(primary[0])
                    if len(primary) == 1
                    else list(zip(*(column(c) for c in primary), strict=True))
                )
                dls = self._deadlines(plan, keys)
                if not plan.live or dls.count(_NONE) == n:
                    continue  # no row of this batch gives a finding for this rule
                cache, ords = plan.cache, plan.ords
                if plan.fallback and _FALLBACK in dls:
                    for i in range(n):
                        if dls[i] == _FALLBACK:
                            full = tuple(batch.cell(i, c) for c in plan.cols)
                            if full not in cache:
                                self._store(plan, full, self.resolve(plan, full))
                            dls[i] = ords[full]
                ci = plan.completion
                if ci is None:
                    ds = None
                else:
                    ds = done_ords.get(ci)
                    if ds is None:
                        ds = done_ords[ci] = self._completions(column(ci))
                kept = (
                    self._scan(dls, ds, keep)
                    if ds is not None and not plan.suppress and _MET not in keep
                    else self._classify(plan, batch, dls, ds, keep)
                )
                if not kept:
                    continue
                cases, linenos = column(case_idx), batch.linenos
                rows = (
                    (i, status, self._result(plan, batch, keys, i),
                     ds[i] if ds is not None else NOT_DONE, cases[i], linenos[i])
                    for i, status in kept
                )  # fmt: skip
                self.list_rows(plan, rows, batch, name, columns)

    def _columnwise(self) -> ColumnWise:
        """The column-wise path (imports numpy), made on the first laid-out batch."""
        if self._wise is None:
            from wtcheck.audit.columnwise import ColumnWise

            self._wise = ColumnWise(self)
        return self._wise

    def _deadlines(self, plan: Plan, keys: list[Any]) -> list[int]:
        """The deadline code (:attr:`Plan.ords`) of every key, new keys resolved first.

        Most batches hold no key the plan has not seen: one C-level map, no
        set of the batch's keys (that is built only when a look-up fails).
        """
        ords = plan.ords
        try:
            return list(map(ords.__getitem__, keys))
        except KeyError:
            pass
        cache = plan.cache
        distinct = set(keys)
        new = distinct.difference(cache)
        if len(cache) + len(new) > CACHE_LIMIT:
            cache.clear()
            ords.clear()
            plan.live.clear()
            new = distinct
        for key in new:
            self._store(plan, key, self.resolve_primary(plan, key))
        return list(map(ords.__getitem__, keys))

    def _completions(self, texts: list[str]) -> list[int]:
        """The completion code (:attr:`DateCache.ords`) of every cell, new cells parsed first."""
        ords = self.dates.ords
        try:
            return list(map(ords.__getitem__, texts))
        except KeyError:
            pass
        for text in set(texts).difference(ords):
            self.dates.parse(text)
        return list(map(ords.__getitem__, texts))

    def _scan(self, dls: list[int], ds: list[int], keep: frozenset[str]) -> list[tuple[int, str]]:
        """Count the statuses of a rule with a completion column; the kept (row, status).

        The fast path when met findings are only counted (the default): the
        rows done on time and those without a finding are both
        ``done <= deadline`` (a missing deadline is _NONE, above every
        completion code), so one C-level pass over the two columns sets them
        aside and Python looks only at the others (late, not done, invalid).
        """
        flags = list(map(gt, ds, dls))
        rest = list(compress(range(len(dls)), flags)) if True in flags else []
        counts = self.counts_by_value
        counts[_MET] += len(dls) - len(rest) - dls.count(_NONE)
        if not rest:
            return []
        a, soon_end = self.as_of_ordinal, self.soon_end
        statuses = [
            _INVALID if dl < 0
            else _LATE if d < NOT_DONE
            else _INVALID if d != NOT_DONE
            else _OVERDUE if dl < a else _DUE_SOON if dl < soon_end else _PENDING
            for dl, d in zip(map(dls.__getitem__, rest), map(ds.__getitem__, rest), strict=True)
        ]  # fmt: skip
        for status, count in Counter(statuses).items():
            counts[status] += count
        return [(i, s) for i, s in zip(rest, statuses, strict=True) if s in keep]

    def _classify(
        self,
        plan: Plan,
        batch: Batch,
        dls: list[int],
        ds: list[int] | None,
        keep: frozenset[str],
    ) -> list[tuple[int, str]]:
        """Every row's status (None: no finding); count them; the kept (row, status)."""
        a, soon_end = self.as_of_ordinal, self.soon_end
        statuses: list[str | None]
        if ds is None:
            statuses = [
                None if dl == _NONE else _INVALID if dl < 0
                else None if dl < a else _DUE_SOON if dl < soon_end else _PENDING
                for dl in dls
            ]  # fmt: skip
        else:
            statuses = [
                None if dl == _NONE
                else _MET if d <= dl
                else _INVALID if dl < 0
                else _LATE if d < NOT_DONE
                else _INVALID if d != NOT_DONE
                else _OVERDUE if dl < a else _DUE_SOON if dl < soon_end else _PENDING
                for dl, d in zip(dls, ds, strict=True)
            ]  # fmt: skip
        if plan.suppress:
            for i in range(len(statuses)):
                if statuses[i] is not None and any(
                    self.flag(batch.cell(i, j)) for j in plan.suppress
                ):
                    statuses[i] = None
        tally = Counter(statuses)
        tally.pop(None, None)
        counts = self.counts_by_value
        for status, count in tally.items():
            counts[status] += count  # type: ignore[index]
        if keep.isdisjoint(tally):
            return []
        rows = compress(range(len(dls)), map(keep.__contains__, statuses))
        return [(i, cast(str, statuses[i])) for i in rows]

    @staticmethod
    def _result(plan: Plan, batch: Batch, keys: Sequence[Any], i: int) -> Resolved | Invalid | None:
        """The cached result for row *i* (resolved on all its cells after a FALLBACK)."""
        res = plan.cache[keys[i]]
        if res is FALLBACK:
            res = plan.cache[tuple(batch.cell(i, c) for c in plan.cols)]
        return res

    def list_rows(
        self, plan: Plan, rows: Iterable[KeptRow], batch: Batch, name: str, columns: ColumnMap
    ) -> None:
        """Send the kept rows to the sink: findings, or rows of text for a template sink.

        A template sink (the streamed CSV, :class:`wtcheck.findings.TemplateSink`)
        gets no Finding per row: each row is the sink's fixed text for its
        (result, status) (:meth:`row_parts`) around the case id, the completion
        date, the working days and the line number. Working days are
        differences of per-date counts from the as-of date (:meth:`work`).
        Invalid findings (their message names the row), and rows whose case id
        the csv module must quote, are built as findings (:meth:`_keep`).
        """
        ci = plan.completion
        sink = self.sink
        out: list[str] = []
        for i, status, res, d, case_id, row in rows:
            parts = case = None
            if sink is not None and status != _INVALID and res.__class__ is Resolved:
                parts = self.row_parts(plan, res, status, name)
                case = sink.case_cell(case_id.strip())
            if parts is None or case is None:
                if out:
                    sink.write("".join(out))  # type: ignore[union-attr]
                    out.clear()
                text = batch.cell(i, ci) if ci is not None else ""
                self._keep(plan, res, text, status, case_id, row, name, columns)
                continue
            at_deadline = self.work(res.deadline.toordinal())
            iso = ""
            if status in (_MET, _LATE):
                iso, at_done = self.done_text(d), self.work(d)
                # met: working days to spare; late: at least one working day late
                # (done on a weekend or holiday just after the deadline)
                days = at_deadline - at_done if status == _MET else max(1, at_done - at_deadline)
            else:
                days = max(1, -at_deadline) if status == _OVERDUE else at_deadline
            out.append(f"{case}{parts[0]}{iso}{parts[1]}{days}{parts[2]}{row}{parts[3]}")
        if out:
            sink.write("".join(out))  # type: ignore[union-attr]

    def done_text(self, o: int) -> str:
        """The ISO text of completion ordinal *o*, cached."""
        got = self._done_texts.get(o)
        if got is None:
            if len(self._done_texts) >= CACHE_LIMIT:
                self._done_texts.clear()
            got = self._done_texts[o] = date.fromordinal(o).isoformat()
        return got

    def _work(self, o: int) -> int:
        """Working days from the as-of date to ordinal *o* (negative before it):
        ``cal.between(x, y) == _work(y) - _work(x)``."""
        return self.cal.between_ordinals(self.as_of_ordinal, o)

    def row_parts(self, plan: Plan, res: Resolved, status: str, name: str) -> RowParts | None:
        """The fixed text of a templated row of *res* with *status*: (everything from
        after the case id to the completion date, after it, after the days, after the
        row), as :meth:`list_rows` joins them; None if the sink cannot cut them
        (such rows are built as findings)."""
        parts = self.parts_cache.get((status, res), _MISS)
        if parts is not _MISS:
            return parts  # type: ignore[no-any-return]
        assert self.sink is not None
        if len(self.parts_cache) >= CACHE_LIMIT:
            self.parts_cache.clear()
        d = res.item
        shape = (status, name, plan.rule.id, plan.source, d.edition, d.anchor, d.projected,
                 res.message)  # fmt: skip
        cut = self._shapes.get(shape, _MISS)
        if cut is _MISS:
            if len(self._shapes) >= CACHE_LIMIT:  # messages may name dates: cap it too
                self._shapes.clear()
            template = self._finding(plan, res, _STATUS[status], None, 0, "", 0, name, dated=False)
            cut = self._shapes[shape] = self.sink.parts(template)
        got = None
        if cut is not None:
            p = cast(tuple[str, str, str, str, str, str], cut)
            head = f"{p[0]}{d.trigger_date.isoformat()}{p[1]}{d.deadline.isoformat()}{p[2]}"
            got = (head, p[3], p[4], p[5])
        self.parts_cache[(status, res)] = got
        return got

    def work(self, o: int) -> int:
        """:meth:`_work`, cached per ordinal."""
        got = self._worked.get(o)
        if got is None:
            if len(self._worked) >= CACHE_LIMIT:
                self._worked.clear()
            got = self._worked[o] = self._work(o)
        return got

    def _store(self, plan: Plan, key: Any, res: Resolved | Invalid | object | None) -> None:
        plan.cache[key] = res  # type: ignore[assignment]
        plan.ords[key] = result_code(res)
        if res is not None:
            plan.live.add(key)

    def _keep(
        self,
        plan: Plan,
        res: Resolved | Invalid | None,
        text: str,
        status: str | None,
        case_id: str,
        row: int,
        name: str,
        columns: ColumnMap,
    ) -> None:
        """Build the finding of one kept row."""
        assert res is not None and status is not None
        if isinstance(res, Invalid):
            self._emit(self._invalid(plan, res, case_id, row, name, columns))
            return
        done = self.dates.parse(text) if text else None
        if isinstance(done, DateError):
            assert plan.rule.completion is not None
            bad = Invalid(plan.rule.completion, text.strip(), done.reason)
            self._emit(self._invalid(plan, bad, case_id, row, name, columns))
            return
        completed = done if isinstance(done, date) and done <= self._as_of else None
        kind = _STATUS[status]
        days = self._days(res.deadline, kind, completed)
        self._emit(self._finding(plan, res, kind, completed, days, case_id.strip(), row, name))

    def _days(self, deadline: date, status: Status, completed: date | None) -> int:
        """The finding's working days (see :class:`wtcheck.findings.Finding`)."""
        cal = self.cal
        if status is Status.MET:
            assert completed is not None
            return cal.between(completed, deadline)
        if status is Status.LATE:
            # done on a weekend or holiday just after the deadline is still a working day late
            assert completed is not None
            return max(1, cal.between(deadline, completed))
        if status is Status.OVERDUE:
            return max(1, cal.between(deadline, self._as_of))
        return self._days_left(deadline)

    @property
    def counts(self) -> dict[Status, int]:
        """Findings per status (every status, shown or not)."""
        return {Status(k): v for k, v in self.counts_by_value.items()}

    # -- building findings (only for kept statuses) ---------------------------
    def _finding(
        self,
        plan: Plan,
        res: Resolved,
        status: Status,
        completed: date | None,
        days: int,
        case_id: str,
        row: int,
        name: str,
        *,
        dated: bool = True,
    ) -> Finding:
        """The finding of *res* (without its trigger date and deadline unless *dated*)."""
        d = res.item
        rule = plan.rule
        return Finding(
            case_id=case_id,
            rule=rule.id,
            rule_name=rule.name,
            status=status,
            trigger_date=d.trigger_date if dated else None,
            deadline=d.deadline if dated else None,
            completed=completed,
            days=days,
            edition=d.edition,
            row=row,
            force=rule.force.value,
            anchor=d.anchor,
            source=plan.source,
            file=name,
            projected=d.projected,
            message=res.message,
        )

    def _invalid(
        self, plan: Plan, bad: Invalid, case_id: str, row: int, name: str, columns: ColumnMap
    ) -> Finding:
        rule = plan.rule
        header = columns.header_for(bad.key) or own_name(bad.key)
        return Finding(
            case_id=case_id.strip(),
            rule=rule.id,
            rule_name=rule.name,
            status=Status.INVALID,
            trigger_date=None,
            deadline=None,
            completed=None,
            days=None,
            edition="",
            row=row,
            force=rule.force.value,
            source=plan.source,
            file=name,
            column=header,
            value=bad.value,
            message=f"row {row}, column {header!r}: {bad.value!r}: {bad.reason}",
        )


def audit_files(
    names: Sequence[str],
    cal: Calendar,
    options: AuditOptions,
    *,
    mapping: Mapping[str, Sequence[str]] | None = None,
    notice: Notice,
    progress: Progress | None = None,
    sink: Callable[[Finding], None] | None = None,
    vector: bool = True,
) -> Engine:
    """Audit each file in *names* (``-`` is stdin); InputError for unusable input.

    Large batches take the column-wise path (numpy) unless *vector* is False;
    both paths give the same findings. Every file is checked to exist before the first is read. With *sink*,
    each kept finding is passed to it as soon as it is found instead of being
    kept in ``Engine.findings`` (memory stays flat for streamed output).
    """
    from contextlib import nullcontext

    from wtcheck.audit.columns import match_columns
    from wtcheck.audit.reader import open_source, read_table

    sources = [open_source(n) for n in names]
    engine = Engine(cal, options, sink)
    try:
        for source in sources:
            ctx = progress(source) if progress else nullcontext(_ignore)
            with ctx as advance:
                table = read_table(source, notice, advance, vector=vector)
                columns = match_columns(table.header, mapping, source.name)
                plans = plan_rules(columns, options, source.name, notice)
                engine.run(table.batches, columns, plans, source.name)
    finally:
        for source in sources:
            source.close()
    return engine


@contextmanager
def _gc_paused() -> Iterator[None]:
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _ignore(_: int) -> None:
    return None


def needed_keys(options: AuditOptions | None = None) -> set[str]:
    """Every column key some auditable rule (or the audit itself) reads."""
    from wtcheck.audit.columns import FLAGS

    opts = options.counting if options else Options()
    extra = options.extra_rules if options else ()
    keys = {CASE_ID, *FLAGS}
    for rule in all_rules(extra):
        if auditable(rule):
            primary, fallback = _dependencies(rule, opts, extra)
            keys.update(primary, fallback)
            if rule.completion and rule.kind is not Kind.WINDOW:
                keys.add(rule.completion)
    return keys
