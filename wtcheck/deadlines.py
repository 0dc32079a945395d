"""Compute deadlines from rules and trigger dates: pure functions, no I/O.

:func:`compute` applies one :class:`~wtcheck.rules.model.Rule` to the dates
known about a case; :func:`deadlines_for` does it for every rule in the
registry (or a selection). The counting conventions are those of
:mod:`wtcheck.calendar.workdays`, with the options of :class:`Options`:

* working days after E: the N-th working day strictly after E
  (``count_start_day``: E is day 1 when it is a working day);
* working days before P: P stepped back N working days
  (``clear_days``: N whole working days strictly between);
* months: calendar months, clamped to the month end;
* "N days beginning with D": D is day 1, the period ends on D + N − 1;
* calendar days before/after: P − N / E + N; the homelessness "within 56
  days" test is on or before assessment + 56 (``inclusive``: + 55).

A calendar-day deadline that falls on a non-working day is reported as it
is, with the previous working day as a hint: no source moves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from wtcheck.calendar.workdays import Calendar, add_workdays, sub_workdays
from wtcheck.concepts import BY_KEY as CONCEPTS
from wtcheck.dates import format_long
from wtcheck.editions import BY_ID as EDITIONS
from wtcheck.editions import edition_for
from wtcheck.errors import InputError
from wtcheck.rules import all_rules, get_rule
from wtcheck.rules.model import (
    NOT_A_DEADLINE,
    Anchor,
    Direction,
    GateEffect,
    Kind,
    Rule,
    Unit,
)
from wtcheck.rules.query import assumed_boundaries

RR_ANCHORS = ("incident", "awareness", "notification")
LANDLORDS = ("private", "social")
"""Landlord sectors (the 1 May 2026 change to s.21 notices is for private tenancies)."""
GUIDANCE_DIVISION = "england-and-wales"
"""Working Together applies in England; its deadlines use this calendar (timescales §2)."""


class Options(NamedTuple):
    """Counting choices. The defaults are wtcheck's convention."""

    count_start_day: bool = False
    clear_days: bool = False
    inclusive: bool = False
    rr_anchor: str | None = None
    edition: str | None = None
    landlord: str | None = None
    """"private" or "social" (the tenancy the notice is for); None: not known."""


class Deadline(NamedTuple):
    """One rule applied to one trigger date."""

    rule: Rule
    trigger: str
    trigger_date: date
    deadline: date
    length: int
    edition: str
    edition_label: str
    division: str
    projected: bool
    anchor: str | None = None
    notes: tuple[str, ...] = ()
    threatened: bool | None = None
    conditional: str = ""
    """Non-empty when the rule applies only if a fact the dates cannot show
    holds: the reason (e.g. a rapid review after a looked-after child's death
    only where abuse or neglect is known or suspected)."""

    @property
    def is_deadline(self) -> bool:
        """False for checks and thresholds: their date is never late or overdue."""
        return self.rule.kind not in NOT_A_DEADLINE

    @property
    def trigger_label(self) -> str:
        return CONCEPTS[self.trigger].label


def _add_months(d: date, n: int) -> date:
    # imported here: dateutil costs ~3 ms of start-up and only month rules need it
    from dateutil.relativedelta import relativedelta

    return d + relativedelta(months=n)


def count(rule: Rule, start: date, length: int, cal: Calendar, opts: Options) -> date:
    """The date *length* units after (or before) *start*, by the rule's unit."""
    after = rule.direction is Direction.AFTER
    unit = rule.unit
    if unit is Unit.WORKING_DAYS:
        if after:
            return add_workdays(cal, start, length, count_start_day=opts.count_start_day)
        return sub_workdays(cal, start, length, clear_days=opts.clear_days)
    if unit is Unit.MONTHS:
        return _add_months(start, length if after else -length)
    if unit is Unit.DAYS_BEGINNING_WITH:
        days = length - 1
    elif unit is Unit.WEEKS:
        days = 7 * length
    elif unit is Unit.HOURS:
        days = -(-length // 24)  # the calendar day the period ends on
    elif unit is Unit.CALENDAR_DAYS:
        days = length - 1 if opts.inclusive and rule.inclusive_option else length
    else:
        raise InputError(f"rule {rule.id} has no length to count")
    return start + timedelta(days=days if after else -days)


def _choose_anchor(rule: Rule, opts: Options) -> Anchor | None:
    if not rule.anchors:
        return None
    name = opts.rr_anchor or rule.default_anchor
    for anchor in rule.anchors:
        if anchor.name == name:
            return anchor
    raise InputError(
        f"unknown anchor {name!r} for {rule.id}; expected one of "
        + ", ".join(a.name for a in rule.anchors)
    )


def _edition(rule: Rule, on: date, opts: Options) -> tuple[str, str] | None:
    """(edition id, label) for *rule* on *on*, or None when it does not apply."""
    if rule.editions:
        if opts.edition:
            if opts.edition not in rule.editions:
                return None
            return opts.edition, EDITIONS[opts.edition].title
        if not rule.in_force_on(on):
            return None
        e = edition_for(on)
        return (e.id, e.title) if e else None
    if not rule.in_force_on(on):
        return None
    return "statute", rule.cites[0].document


def _hint(rule: Rule, deadline: date, cal: Calendar) -> str | None:
    if rule.unit is Unit.WORKING_DAYS or rule.kind in NOT_A_DEADLINE or cal.is_working(deadline):
        return None  # a test's or a check's date is information: nothing to move
    prev = cal.on_or_before(deadline)
    return (
        f"{format_long(deadline)} is not a working day; no source moves the date "
        f"(previous working day: {format_long(prev)})"
    )


def division_warning(rule: Rule, division: str) -> str | None:
    """The warning every output carries when a Working Together or Panel rule
    is counted on a calendar other than England and Wales's (None otherwise)."""
    if not rule.editions or division == GUIDANCE_DIVISION:
        return None
    return (
        f"Warning: counted on the {division} calendar. Working Together applies in "
        "England and its deadlines use the England-and-Wales bank holidays "
        "(timescales §2): this result does not follow the guidance."
    )


def excluded(rule: Rule, dates: Mapping[str, date]) -> str | None:
    """Why *rule* does not apply to a case with these *dates* (None: it may apply).

    :func:`compute` returns nothing for such a rule; this gives the reason
    (e.g. no rapid review after a care leaver's death).
    """
    for gate in rule.gates:
        if gate.effect is GateEffect.EXCLUDE and gate.acts(dates):
            return gate.reason
    return None


def conditional(rule: Rule, dates: Mapping[str, date]) -> str:
    """The condition the dates cannot show on which *rule* applies ("" if none)."""
    return " ".join(
        g.reason for g in rule.gates if g.effect is GateEffect.CONDITIONAL and g.acts(dates)
    )


def context_dates(rule: Rule) -> list[str]:
    """Every concept key :func:`compute` reads for *rule* besides its triggers:
    the edition date, the compared date, the completion and the gates. A caller
    (the audit) passes these too, or the gates cannot act."""
    keys = [rule.edition_date, rule.compare_with, rule.completion, *(g.concept for g in rule.gates)]
    keys += [k for g in rule.gates for k in g.unless]
    return list(dict.fromkeys(k for k in keys if k))


def _opening(
    rule: Rule, target: date, cal: Calendar, opts: Options
) -> tuple[date, int, str] | None:
    """The first day of a 'within N days before P' window when no application
    date decides the length: the earliest application date that the test, as
    it stood on that date, would catch.

    Each length (a variant, else the rule's own) counts only for application
    dates it applied to: before 3 Apr 2018 the s.175(4) test was 28 days, and
    s.175(5) did not exist (timescales §4E). Returns (opening, length, note).
    """
    spans = [(v.length, v.in_force_from, v.in_force_to, v.note) for v in rule.variants]
    if not spans and rule.length is not None:
        spans = [(rule.length, rule.in_force_from, rule.in_force_to, "")]
    best: tuple[date, int, str] | None = None
    for length, lo, hi, vnote in spans:
        plain = count(rule, target, length, cal, opts)
        first = max(plain, lo) if lo else plain
        if first > target or (hi is not None and first > hi):
            continue
        note = vnote
        if first != plain:
            note = (
                f"The window opens on {format_long(first)}, not {format_long(plain)}: "
                f"{rule.id} applies from {format_long(first)}."
            )
        elif vnote:
            note = f"{vnote}: the window opens on {format_long(first)}."
        if best is None or first < best[0]:
            best = (first, length, note)
    return best


def check_position(d: Deadline, done: date) -> str:
    """Where a completion (a referral) fell relative to a check's window:
    "before the duty", "before the window opened", "within the window" or
    "after the homelessness date". Never late: a check has no time limit."""
    rule = d.rule
    if rule.in_force_from and done < rule.in_force_from:
        return "before the duty"
    if done < d.deadline:
        return "before the window opened"
    if done <= d.trigger_date:
        return "within the window"
    return f"after the {CONCEPTS[d.trigger].label.split(',')[0].replace('expected ', '')}"


def check_outcome(d: Deadline, done: date | None, as_of: date) -> str:
    """The sentence a check reports for a case: where the completion fell
    (:func:`check_position`), or, with none recorded, whether the window is
    open on *as_of* (timescales §4E HL-REFER: flag an open window with no
    referral). Never 'late' or 'overdue': a check has no time limit."""
    what = CONCEPTS[d.rule.completion or d.trigger].label.split(" (")[0]
    span = f"{format_long(d.deadline)} to {format_long(d.trigger_date)}"
    if done is not None:
        return f"Check: the {what} on {format_long(done)} was {check_position(d, done)} ({span})."
    if as_of < d.deadline:
        return f"Check: none recorded; the window opens on {format_long(d.deadline)}."
    if as_of <= d.trigger_date:
        return f"Check: none recorded and the window is open ({span}): consider it now."
    return f"Check: none recorded; the window ({span}) has passed."


def _one(
    rule: Rule,
    trigger: str,
    start: date,
    dates: Mapping[str, date],
    cal: Calendar,
    opts: Options,
    anchor: str | None,
    notes: list[str],
) -> Deadline | None:
    on = dates.get(rule.edition_date or "", start)
    edition = _edition(rule, on, opts)
    if edition is None:
        return None
    length = rule.length_on(on)
    if length is None or not rule.computable:
        return None
    notes = list(notes)
    window = (
        rule.direction is Direction.BEFORE
        and rule.kind in (Kind.THRESHOLD, Kind.CHECK)
        and rule.unit is Unit.CALENDAR_DAYS
        and (rule.edition_date is None or rule.edition_date not in dates)
    )
    if window:
        opened = _opening(rule, start, cal, opts)
        if opened is None:
            return None
        deadline, length, why = opened
        if why:
            notes.append(why)
    else:
        deadline = count(rule, start, length, cal, opts)
        for v in rule.variants:
            if v.applies(on) and v.note:
                notes.append(v.note)
    threatened: bool | None = None
    for dn in rule.dated_notes:
        if dn.applies(on, opts.landlord):
            notes.append(dn.text)
    if rule.kind is Kind.THRESHOLD and rule.compare_with and rule.compare_with in dates:
        threatened = _threatened(rule, start, dates[rule.compare_with], length, opts, notes)
    if rule.kind is Kind.CHECK and rule.completion and rule.completion in dates:
        bare = Deadline(rule, trigger, start, deadline, length, "", "", "", False)
        notes.append(
            check_outcome(bare, dates[rule.completion], start)
            + " No time limit applies (a check, not a deadline): it is never late."
        )
    for label, offset in rule.readings:
        other = start + timedelta(days=offset)
        notes.append(f"{label} {format_long(other)}.")
    for boundary in assumed_boundaries(rule):
        if boundary.span_from <= on <= boundary.span_to:
            notes.append(boundary.note())
    off_guidance = division_warning(rule, cal.division)
    if off_guidance:
        notes.append(off_guidance)
    if not rule.verified:
        notes.append("Unverified: this timescale has not been checked against its primary source.")
    hint = _hint(rule, deadline, cal)
    if hint:
        notes.append(hint)
    projected = rule.unit is Unit.WORKING_DAYS and cal.is_projected(start, deadline)
    if projected:
        notes.append(
            "Projected calendar: a year outside the GOV.UK data was counted from the "
            "holidays package's rules, not from official announcements."
        )
    if cal.closures and rule.unit is Unit.WORKING_DAYS:
        notes.append("Counted with local closure days as non-working days.")
    if (
        opts.count_start_day
        and rule.unit is Unit.WORKING_DAYS
        and rule.direction is Direction.AFTER
    ):
        notes.append("--count-start-day: the trigger day counts as day 1 when it is a working day.")
    if opts.clear_days and rule.unit is Unit.WORKING_DAYS and rule.direction is Direction.BEFORE:
        notes.append("--clear-days: whole working days strictly between the two dates.")
    cond = conditional(rule, dates)
    if cond:
        notes.insert(0, f"Conditional: {cond}")
    return Deadline(
        rule=rule,
        trigger=trigger,
        trigger_date=start,
        deadline=deadline,
        length=length,
        edition=edition[0],
        edition_label=edition[1],
        division=cal.division,
        projected=projected,
        anchor=anchor,
        notes=tuple(notes),
        threatened=threatened,
        conditional=cond,
    )


def _threatened(
    rule: Rule, start: date, compared: date, length: int, opts: Options, notes: list[str]
) -> bool:
    """The 'within N days' test of a threshold rule, with its note.

    A trigger date before the compared date (homeless before the assessment;
    a notice already expired) fails the test: *rule.before_compared_note* says
    what applies instead (HA 1996 s.175(4), (5); verification §8.3).
    """
    if start < compared and rule.before_compared_note:
        notes.append(
            f"Not threatened: {format_long(start)} is before the "
            f"{CONCEPTS[rule.compare_with or ''].label.split(' (')[0]}, "
            f"{format_long(compared)}. {rule.before_compared_note}"
        )
        return False
    days = length - 1 if opts.inclusive and rule.inclusive_option else length
    limit = compared + timedelta(days=days)
    threatened = start <= limit
    notes.append(
        f"{'Threatened' if threatened else 'Not threatened'} with homelessness: "
        f"{format_long(start)} is {'on or before' if threatened else 'after'} "
        f"{format_long(compared)} + {days} days = {format_long(limit)}."
    )
    return threatened


def compute(
    rule: Rule,
    dates: Mapping[str, date],
    cal: Calendar,
    opts: Options = Options(),
    extra_rules: Iterable[Rule] = (),
) -> list[Deadline]:
    """Apply *rule* to the known *dates* (concept key → date).

    Returns no result when the rule's trigger date is missing or the rule did
    not apply on it; two results for a rule that also reports a literal
    reading (the rapid review under the Dec 2020 re-issue of WT2018), whose
    date is also in the first result's notes. No result for a rule another
    date of the case excludes (:func:`excluded` says why).
    """
    if excluded(rule, dates):
        return []
    anchor = _choose_anchor(rule, opts)
    if anchor is None:
        if rule.trigger not in dates:
            return []
        found = _one(rule, rule.trigger, dates[rule.trigger], dates, cal, opts, None, [])
        return [found] if found else []

    explicit = opts.rr_anchor is not None
    why = (
        f"Anchor: {anchor.name} ({anchor.reason})."
        if not explicit
        else (f"Anchor: {anchor.name} (chosen with --rr-anchor).")
    )
    results: list[Deadline] = []
    trigger = anchor.trigger
    if trigger in dates:
        first = _one(rule, trigger, dates[trigger], dates, cal, opts, anchor.name, [why])
    elif anchor.fallback_rule:
        base_rule = get_rule(anchor.fallback_rule, extra_rules)
        base = compute(base_rule, dates, cal, opts, extra_rules)
        if not base:
            return []
        b = base[0]
        note = (
            f"No {trigger.replace('_', ' ')} date given: counted from the last permitted day "
            f"under {base_rule.id}, {format_long(b.deadline)} ({b.trigger.replace('_', ' ')} "
            f"date {format_long(b.trigger_date)} + {b.length} working days)."
        )
        trigger = base_rule.completion or trigger
        first = _one(rule, trigger, b.deadline, dates, cal, opts, anchor.name, [why, note])
    else:
        return []
    if first is None:
        return []
    results.append(first)
    literal = rule.literal_anchor
    if literal and literal != anchor.name and first.edition in rule.literal_anchor_editions:
        lit = next(a for a in rule.anchors if a.name == literal)
        if lit.trigger in dates:
            warn = (
                f"Warning: literal reading of {first.edition_label}: "
                f"'{rule.length} working days of the {lit.name}'. Earlier than the default "
                "anchor; shown so that the stricter reading is not missed."
            )
            second = _one(
                rule,
                lit.trigger,
                dates[lit.trigger],
                dates,
                cal,
                opts,
                f"{lit.name} (literal reading)",
                [warn],
            )
            if second:
                results[0] = first._replace(
                    notes=(*first.notes, _literal_note(first, second, rule, dates, cal))
                )
                results.append(second)
    return results


def _literal_note(
    first: Deadline, second: Deadline, rule: Rule, dates: Mapping[str, date], cal: Calendar
) -> str:
    """The literal reading, in the default result's notes (the audit shows it
    without changing the status)."""
    text = (
        f"Literal reading ({first.edition_label}, '{rule.length} working days of the "
        f"{second.trigger}'): due {format_long(second.deadline)}, counted from "
        f"{format_long(second.trigger_date)}."
    )
    done = dates.get(rule.completion or "")
    if done is None:
        return text
    return f"{text} {literal_outcome(second.deadline, done, cal)}"


def literal_outcome(literal: date, done: date, cal: Calendar) -> str:
    """Whether *done* meets the literal reading's deadline *literal* (the audit adds
    this to a finding's note without changing its status)."""
    if done <= literal:
        return "Met on that reading too."
    late = cal.between(literal, done)
    return f"Late on that reading: {late} working day{'s' if late != 1 else ''} after it."


def deadlines_for(
    dates: Mapping[str, date],
    cal: Calendar,
    opts: Options = Options(),
    rules: Iterable[Rule] | None = None,
    extra_rules: Iterable[Rule] = (),
) -> list[Deadline]:
    """Every deadline the known *dates* determine, in registry order.

    Without *rules*, every rule not switched off by default (:attr:`Rule.default_off`);
    *extra_rules* (local rules and overrides from the config file) replace
    registry rules with the same id.
    """
    if rules is not None:
        selected = list(rules)
    else:
        selected = [r for r in all_rules(extra_rules) if not r.default_off]
    out: list[Deadline] = []
    why_not: list[tuple[Rule, str]] = []
    for rule in selected:
        reason = excluded(rule, dates)
        if reason:
            why_not.append((rule, reason))
        out.extend(compute(rule, dates, cal, opts, extra_rules))
    for rule, reason in why_not:
        gates = {g.concept for g in rule.gates}
        out = [
            d._replace(notes=(*d.notes, f"No {rule.id}: {reason}")) if d.trigger in gates else d
            for d in out
        ]
    return out


def needed_dates(rule: Rule, opts: Options = Options()) -> list[str]:
    """Concept keys any one of which lets *rule* be computed (for error messages)."""
    anchor = _choose_anchor(rule, opts)
    if anchor is None:
        return [rule.trigger]
    keys = [anchor.trigger]
    if anchor.fallback_rule:
        keys.append(get_rule(anchor.fallback_rule).trigger)
    return keys
