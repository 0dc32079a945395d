"""Which rules can run on a table's columns, and what each one's deadline depends on.

A rule runs when its trigger column is there (or, for an anchored rule, its
anchor's or fallback's), and its completion column unless it is a duty period
(:attr:`Kind.WINDOW`: hl-prev, hl-relief), which has none. Rules that are off
by default run only when named with ``--rule``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from wtcheck.concepts import BY_KEY as CONCEPTS
from wtcheck.deadlines import Options, needed_dates
from wtcheck.errors import ColumnError
from wtcheck.findings import Status
from wtcheck.inputs.columns import CASE_ID, FLAGS, ICPC_NOT_REQUIRED, REFERRAL_NFA, ColumnMap
from wtcheck.rules import all_rules, get_rule
from wtcheck.rules.model import Kind, Rule


@dataclass(frozen=True)
class AuditOptions:
    as_of: date
    soon: int = 5
    counting: Options = field(default_factory=Options)
    rules: tuple[Rule, ...] | None = None
    """Rules to run (None: every auditable rule that is on by default)."""
    extra_rules: tuple[Rule, ...] = ()
    keep: frozenset[Status] = frozenset(Status)
    """Statuses listed (all are counted)."""
    by: tuple[str, ...] = ()
    """Columns of the input whose values group the findings (``--by``)."""
    as_of_given: bool = True
    """False when *as_of* is only a default: a CIN census return's ReferenceDate wins."""
    preset: str | None = None
    """Warehouse names to read (``--preset lcs|mosaic``)."""
    lean: bool = False
    """List findings with only the columns a summary needs (``pipeline.LEAN``)."""


@dataclass
class Plan:
    """How one rule runs on one table's columns."""

    rule: Rule
    keys: tuple[str, ...]
    """Concept keys whose cells the deadline depends on (present in the table);
    the first is the trigger (or anchor)."""
    completion: str | None
    window: bool
    suppress: tuple[str, ...] = ()
    """Flag keys that, when true, mean no finding (ICPC not required, referral NFA)."""
    fallback: int = 0
    """Position in *keys* from which the keys matter only when the first key's
    cell is empty; 0 when the rule has no fallback."""
    stored: str | None = None
    """A column holding the case system's own due date for this rule (icpc_target ...)."""


NO_PLAN_FLAG = "icpc_resulted_in_plan"
NO_PLAN = "icpc_made_no_plan"
"""The derived flag: true where the ICPC-resulted-in-a-plan cell reads no."""


def auditable(rule: Rule) -> bool:
    """True for rules with a length and something to check: a deadline with its
    completion, a duty period, or a check (never information or a bare threshold)."""
    if rule.kind in (Kind.INFORMATION, Kind.THRESHOLD) or not rule.computable:
        return False
    return rule.kind is Kind.WINDOW or rule.completion is not None


def dependencies(rule: Rule, opts: Options, extra: Sequence[Rule]) -> tuple[list[str], list[str]]:
    """(keys the deadline depends on, keys it depends on only through a fallback).

    The first key is the trigger (or chosen anchor's trigger).
    """
    triggers = needed_dates(rule, opts)
    keys = [triggers[0], *(a.trigger for a in rule.anchors if a.name == rule.literal_anchor)]
    keys += [k for k in (rule.edition_date, rule.compare_with) if k]
    if rule.kind is Kind.CHECK and rule.completion:  # a check's outcome places its completion
        keys.append(rule.completion)
    fallback = list(triggers[1:])
    for a in rule.anchors:
        if a.fallback_rule:
            base = get_rule(a.fallback_rule, extra)
            fallback += [base.trigger, *(k for k in (base.edition_date, base.compare_with) if k)]
    primary = list(dict.fromkeys(keys))
    return primary, [k for k in dict.fromkeys(fallback) if k not in primary]


def plan_rules(
    columns: ColumnMap,
    options: AuditOptions,
    name: str,
    notice: Callable[[str], None],
    *,
    part: bool = False,
) -> list[Plan]:
    """The rules that can run on a table with *columns*; notices for the others.

    ColumnError when the table has no case id column or no rule can run.
    """
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
    missing: dict[str, str] = {}
    """Rule id → the first column key it lacks."""
    for rule in rules:
        if not auditable(rule):
            if explicit:
                notice(f"{name}: rule {rule.id} is not audited: it has no deadline to check")
            continue
        triggers = needed_dates(rule, options.counting)
        if not any(t in index for t in triggers):
            missing.setdefault(rule.id, triggers[0])
            skipped.setdefault(" or ".join(CONCEPTS[t].column for t in triggers), []).append(
                rule.id
            )
            continue
        window = rule.kind is Kind.WINDOW
        if not window:
            assert rule.completion is not None
            if rule.completion not in index:
                missing.setdefault(rule.id, rule.completion)
                skipped.setdefault(CONCEPTS[rule.completion].column, []).append(rule.id)
                continue
        primary, fallback = dependencies(rule, options.counting, options.extra_rules)
        keys = tuple(k for k in (*primary, *gate_keys(rule, index)) if k in index)
        fb_keys = tuple(k for k in fallback if k in index and k not in keys)
        fb_at = len(keys) if fb_keys and keys and keys[0] == triggers[0] else 0
        suppress = []
        if ICPC_NOT_REQUIRED in index and "icpc" in (rule.trigger, rule.completion):
            suppress.append(ICPC_NOT_REQUIRED)
        if REFERRAL_NFA in index and rule.trigger == "referral":
            suppress.append(REFERRAL_NFA)
        if NO_PLAN_FLAG in index and rule.lineage == "review-conference":
            suppress.append(NO_PLAN)  # an ICPC that made no plan has no review due
        plans.append(
            Plan(
                rule,
                keys + fb_keys,
                None if window else rule.completion,
                window,
                tuple(suppress),
                fb_at,
                stored_key(columns, None if window else rule.completion),
            )
        )
    if skipped and explicit:  # rules the user asked for: say what is missing
        notice(
            f"{name}: rules skipped, no column for "
            + "; ".join(f"{col}: {', '.join(ids)}" for col, ids in skipped.items())
        )
    elif skipped and not part:  # a sheet of a workbook, a table of a return: too many to say
        ids = [rule_id for group in skipped.values() for rule_id in group]
        notice(
            f"{name}: {len(ids)} rules not checked, their date columns are absent "
            f"({', '.join(ids)}); --rule ID says which column a rule needs"
        )
    if not plans:
        raise ColumnError(
            f"{name}: no usable column: no rule has its trigger and completion columns "
            "(--show-columns shows what was matched)" + _nearest(columns, missing, name)
        )
    return plans


def _nearest(columns: ColumnMap, missing: dict[str, str], name: str) -> str:
    """ "; rule X needs the Y column; tried ...; nearest header ..." for the first rule
    whose missing column has a header near it in the file ("" when none has)."""
    from wtcheck.inputs.columns import missing_column_message, normalise

    for rule_id, key in missing.items():
        dates = [h for h in columns.unused if not normalise(h).endswith("id")]  # not an id
        text = missing_column_message(key, columns.headers, source=name, rule=rule_id, unused=dates)
        if "nearest header in the file" in text:
            return "; " + text.removeprefix(f"{name}: ")
    return ""


def gate_keys(rule: Rule, index: Mapping[str, int]) -> list[str]:
    """The dates of the rule's gates (a care leaver's death: no rapid review...) that the
    table has: a gate whose own date is absent cannot act, and its exceptions do not
    matter (keeping them out keeps the distinct combinations few)."""
    keys: list[str] = []
    for gate in rule.gates:
        if gate.concept in index:
            keys += [gate.concept, *gate.unless]
    return keys


def stored_key(columns: ColumnMap, completion: str | None) -> str | None:
    """The table's stored due-date column for deadlines completed by *completion*."""
    from wtcheck.inputs.columns import STORED_DUE

    for key, concept in STORED_DUE.items():
        if concept == completion and key in columns.index:
            return key
    return None


def needed_keys(options: AuditOptions | None = None) -> set[str]:
    """Every column key some auditable rule (or the audit itself) reads."""
    opts = options.counting if options else Options()
    extra = options.extra_rules if options else ()
    keys = {CASE_ID, *FLAGS}
    for rule in all_rules(extra):
        if auditable(rule):
            primary, fallback = dependencies(rule, opts, extra)
            keys.update(primary, fallback)
            keys.update(k for g in rule.gates for k in (g.concept, *g.unless))
            if rule.completion and rule.kind is not Kind.WINDOW:
                keys.add(rule.completion)
    return keys
