"""The audit: rows of a case export → one finding per case and rule.

For each file, :func:`plan_rules` decides once which rules can run on its
columns (a rule needs its trigger column, or for an anchored rule its anchor
or fallback column, and its completion column unless it is a duty period).
Then each row is a few dictionary look-ups:

* cells are parsed once per distinct string (:class:`DateCache`);
* deadlines come from :func:`wtcheck.deadlines.compute`, the function the
  ``deadlines`` command uses, so both always agree; its result is cached per
  rule and tuple of the raw cells it depends on;
* a finding object is built only for the statuses the caller keeps; every
  status is counted.

Statuses: see :class:`wtcheck.findings.Status`. Duty periods
(:attr:`Kind.WINDOW`: hl-prev, hl-relief) have no completion date: they are
``pending``/``due-soon`` while the period runs and give no finding once it
has ended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

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
from wtcheck.findings import Finding, Status
from wtcheck.rules import all_rules, get_rule
from wtcheck.rules.model import Kind, Rule
from wtcheck.workdays import Calendar

if TYPE_CHECKING:
    from wtcheck.audit.reader import Source

Notice = Callable[[str], None]
Progress = Callable[["Source"], AbstractContextManager[Callable[[int], None]]]

EMPTY_WORDS = frozenset({"", "null", "n/a", "na", "none"})
"""Cells read as empty (SQL and spreadsheet exports write these for 'no date')."""

CACHE_LIMIT = 200_000
"""Entries a cache may hold before it is emptied (keeps memory flat)."""

FIRST_YEAR, LAST_YEAR = 1872, 2100
OUT_OF_RANGE = f"outside the years wtcheck can count ({FIRST_YEAR}–{LAST_YEAR})"

_MISS: Any = object()
_OVERDUE, _LATE, _DUE_SOON, _PENDING, _MET, _INVALID = (s.value for s in Status)


class DateCache:
    """Cell text → date, None (empty) or the DateError, each string parsed once."""

    def __init__(self) -> None:
        self.values: dict[str, date | DateError | None] = {"": None}

    def parse(self, text: str) -> date | DateError | None:
        values = self.values
        v = values.get(text, _MISS)
        if v is not _MISS:
            return v  # type: ignore[no-any-return]
        if len(values) >= CACHE_LIMIT:
            values.clear()
            values[""] = None
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
        values[text] = result
        return result


@dataclass(frozen=True, slots=True)
class Invalid:
    """A cell a rule depends on that is not a date."""

    key: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
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
    get: Callable[[Sequence[str]], Any]
    completion: int | None
    window: bool
    suppress: tuple[int, ...] = ()
    fallback: int = 0
    """Position in *keys* from which the keys matter only when the anchor cell
    (position 0) holds no date; 0 when the rule has no fallback."""
    source: str = ""
    cache: dict[Any, Resolved | Invalid | None] = field(default_factory=dict)


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
    rules = options.rules if explicit else all_rules(options.extra_rules)
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
        get = itemgetter(*idx) if len(idx) > 1 else itemgetter(idx[0])
        plans.append(Plan(rule, keys, get, completion, window, tuple(suppress), fb_at, rule.source))
    if skipped:
        notice(
            f"{name}: rules skipped, no column for "
            + "; ".join(f"{col}: {', '.join(ids)}" for col, ids in skipped.items())
        )
    if not plans:
        raise ColumnError(
            f"{name}: no usable column: no rule has its trigger and completion columns "
            "(--show-columns shows what was matched)"
        )
    return plans


class Engine:
    """Audits rows against plans; counts every status, keeps findings asked for."""

    def __init__(self, cal: Calendar, options: AuditOptions) -> None:
        self.cal = cal
        self.options = options
        self.dates = DateCache()
        self._counts: dict[str, int] = {s.value: 0 for s in Status}
        self.findings: list[Finding] = []
        self._as_of = options.as_of
        self._left: dict[date, int] = {}
        self._bools: dict[str, bool | None] = {}

    # -- per distinct cell combination -----------------------------------
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

    def _flag(self, text: str) -> bool:
        v = self._bools.get(text, _MISS)
        if v is _MISS:
            v = self._bools[text] = parse_bool(text)
        return v is True

    # -- the row loop -------------------------------------------------------
    def run(
        self,
        rows: Iterable[tuple[int, list[str]]],
        columns: ColumnMap,
        plans: Sequence[Plan],
        name: str,
        notice: Notice,
    ) -> None:
        """Audit *rows* of one file.

        The loop is the hot path of the audit: statuses are plain strings
        here (an enum's hash is a Python call), every attribute is bound to a
        local, and a date cell is looked up in the cache before any call.
        """
        width = len(columns.headers)
        case_idx = columns.index[CASE_ID]
        counts = self._counts
        keep = frozenset(s.value for s in self.options.keep)
        keep_invalid = _INVALID in keep
        dvalues = self.dates.values
        parse = self.dates.parse
        days_left = self._days_left
        soon = self.options.soon
        as_of = self._as_of
        padding = [""] * width
        long_noted = False
        resolve = self.resolve
        flag = self._flag
        emit = self._emit
        fast = [
            (p, p.get, p.cache, -1 if p.completion is None else p.completion, p.window, p.suppress, p.fallback,
             ("",) * (len(p.keys) - p.fallback) if p.fallback else ())
            for p in plans
        ]  # fmt: skip
        for lineno, cells in rows:
            n = len(cells)
            if n != width:
                if n < width:
                    cells.extend(padding[n:])
                elif not long_noted:
                    long_noted = True
                    notice(
                        f"{name}: row {lineno} has {n} cells, more than the {width} headers; "
                        "extra cells are ignored (also on later rows)"
                    )
            for plan, get, cache, ci, window, suppress, fb, blanks in fast:
                key = get(cells)
                if fb:
                    # the fallback cells matter only when the anchor cell holds a date
                    first = dvalues.get(key[0], _MISS)
                    if first is _MISS:
                        first = parse(key[0])
                    if first.__class__ is date:
                        key = key[:fb] + blanks
                res = cache.get(key, _MISS)
                if res is _MISS:
                    if len(cache) >= CACHE_LIMIT:
                        cache.clear()
                    res = cache[key] = resolve(plan, key)
                if res is None:
                    continue
                if suppress and any(flag(cells[i]) for i in suppress):
                    continue
                if res.__class__ is Invalid:
                    counts[_INVALID] += 1
                    if keep_invalid:
                        self.findings.append(
                            self._invalid(plan, res, cells[case_idx], lineno, name, columns)
                        )
                    continue
                deadline = res.deadline
                done = None
                if window:
                    if as_of > deadline:
                        continue
                    status = _DUE_SOON if days_left(deadline) <= soon else _PENDING
                else:
                    text = cells[ci]
                    if text:
                        done = dvalues.get(text, _MISS)
                        if done is _MISS:
                            done = parse(text)
                        if done.__class__ is date and done > as_of:
                            done = None  # a planned date: not done as of the as-of date
                    if done is None:
                        if as_of > deadline:
                            status = _OVERDUE
                        else:
                            status = _DUE_SOON if days_left(deadline) <= soon else _PENDING
                    elif done.__class__ is date:
                        status = _MET if done <= deadline else _LATE
                    else:
                        counts[_INVALID] += 1
                        if keep_invalid:
                            assert plan.rule.completion is not None
                            bad = Invalid(plan.rule.completion, text.strip(), done.reason)
                            self.findings.append(
                                self._invalid(plan, bad, cells[case_idx], lineno, name, columns)
                            )
                        continue
                counts[status] += 1
                if status in keep:
                    emit(plan, res, status, done, cells[case_idx], lineno, name)

    @property
    def counts(self) -> dict[Status, int]:
        """Findings per status (every status, shown or not)."""
        return {Status(k): v for k, v in self._counts.items()}

    def _emit(
        self,
        plan: Plan,
        res: Resolved,
        status: str,
        completed: date | None,
        case_id: str,
        row: int,
        name: str,
    ) -> None:
        self.findings.append(
            self._finding(plan, res, Status(status), completed, case_id, row, name)
        )

    # -- building findings (only for kept statuses) ---------------------------
    def _finding(
        self,
        plan: Plan,
        res: Resolved,
        status: Status,
        completed: date | None,
        case_id: str,
        row: int,
        name: str,
    ) -> Finding:
        cal = self.cal
        d = res.item
        if status is Status.MET:
            assert completed is not None
            days = cal.between(completed, d.deadline)
        elif status is Status.LATE:
            assert completed is not None
            days = cal.between(d.deadline, completed)
        elif status is Status.OVERDUE:
            days = cal.between(d.deadline, self._as_of)
        else:
            days = self._days_left(d.deadline)
        rule = plan.rule
        return Finding(
            case_id=case_id.strip(),
            rule=rule.id,
            rule_name=rule.name,
            status=status,
            trigger_date=d.trigger_date,
            deadline=d.deadline,
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
) -> Engine:
    """Audit each file in *names* (``-`` is stdin); InputError for unusable input.

    Every file is checked to exist before the first is read.
    """
    from contextlib import nullcontext

    from wtcheck.audit.columns import match_columns
    from wtcheck.audit.reader import open_source, read_table

    sources = [open_source(n) for n in names]
    engine = Engine(cal, options)
    try:
        for source in sources:
            ctx = progress(source) if progress else nullcontext(_ignore)
            with ctx as advance:
                table = read_table(source, notice, advance)
                columns = match_columns(table.header, mapping)
                plans = plan_rules(columns, options, source.name, notice)
                engine.run(table.rows, columns, plans, source.name, notice)
    finally:
        for source in sources:
            source.close()
    return engine


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
