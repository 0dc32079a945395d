"""How a deadline was counted, day by day: the data behind ``wtcheck explain``.

:func:`explain` applies one rule to one trigger date (as :mod:`wtcheck.deadlines`
does) and lays out the weeks involved: which day is the trigger, which days
were counted and with what number, which weekdays were skipped as bank
holidays or closure days, and which day is the deadline. It also says, in
words, what the rule requires and which counting convention was used.
:mod:`wtcheck.render.explain_view` draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from wtcheck.calendar.data import ORIGIN_CLOSURE
from wtcheck.calendar.workdays import Calendar
from wtcheck.concepts import BY_KEY as CONCEPTS
from wtcheck.dates import format_long
from wtcheck.deadlines import Deadline, Options, compute, count, needed_dates
from wtcheck.errors import InputError
from wtcheck.rules import get_rule
from wtcheck.rules.model import Direction, Kind, Rule, Unit

MAX_WEEKS = 12
"""Longer spans show their first and last two weeks, with a gap line between."""
EDGE_WEEKS = 2


@dataclass(frozen=True, slots=True)
class Day:
    """One cell of the calendar."""

    day: date
    working: bool
    weekend: bool
    off_name: str | None
    """The bank holiday or closure day on this weekday, if any."""
    closure: bool
    trigger: bool
    deadline: bool
    number: int | None
    """The day's number in the count (None when it was not counted)."""


@dataclass(frozen=True, slots=True)
class Gap:
    """Weeks left out of a long calendar."""

    weeks: int
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class OffDay:
    day: date
    name: str
    closure: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything ``wtcheck explain`` prints, as data."""

    deadline: Deadline
    rows: tuple[tuple[Day, ...] | Gap, ...]
    off_days: tuple[OffDay, ...]
    counted: str
    """What was counted, in one sentence."""
    wording: str
    """The rule's requirement in words."""
    convention: str
    edition_chosen: str
    """How the edition was chosen."""
    numbered: str
    """What the numbers in the calendar count ("" when nothing is numbered)."""
    date_label: str = "Deadline"
    """What the date is: "Deadline", or "Window opens" for a check or a test."""

    @property
    def rule(self) -> Rule:
        return self.deadline.rule


def wording(rule: Rule, length: int, trigger: str) -> str:
    """The requirement in words: 'within 10 working days of <the trigger>'."""
    what = CONCEPTS[trigger].label if trigger in CONCEPTS else trigger
    if rule.kind is Kind.CHECK:
        return (
            f"{rule.name}: no time limit. The window opens {length} days before the {what}: "
            "from then the person is threatened with homelessness and must be referred "
            "(with consent). A referral is placed before, within or after the window; it is "
            "never late."
        )
    if rule.kind is Kind.THRESHOLD and rule.direction is Direction.BEFORE:
        return (
            f"{rule.name}: a test, not a deadline. The window opens {length} days before the "
            f"{what}; an assessment on or after that day (and not after the {what}) meets it."
        )
    after = rule.direction is Direction.AFTER
    unit = rule.unit
    if unit is Unit.WORKING_DAYS:
        span = f"{length} working day{'s' if length != 1 else ''}"
    elif unit is Unit.DAYS_BEGINNING_WITH:
        return f"{rule.name}: {length} days beginning with the {what}."
    else:
        name = {Unit.CALENDAR_DAYS: "day", Unit.WEEKS: "week", Unit.MONTHS: "month"}.get(
            unit, "hour"
        )
        span = f"{length} {name}{'s' if length != 1 else ''}"
    if after:
        return f"{rule.name}: within {span} of the {what}."
    return f"{rule.name}: no later than {span} before the {what}."


def convention(rule: Rule, opts: Options) -> str:
    """The counting convention used, and the option that changes it."""
    unit, after = rule.unit, rule.direction is Direction.AFTER
    if unit is Unit.WORKING_DAYS and after:
        if opts.count_start_day:
            return (
                "'Within N working days of E': E counts as day 1 when it is a working day "
                "(--count-start-day); the deadline is the N-th working day counting from E."
            )
        return (
            "'Within N working days of E' is the N-th working day strictly after E: E is "
            "day 0 and never counts (--count-start-day makes E day 1 when it is a working day)."
        )
    if unit is Unit.WORKING_DAYS:
        if opts.clear_days:
            return (
                "'No later than N working days before P' with --clear-days: N whole working "
                "days lie strictly between the deadline and P."
            )
        return (
            "'No later than N working days before P': step back N working days from P, P not "
            "counted (--clear-days requires N whole working days strictly between)."
        )
    if unit is Unit.MONTHS:
        return (
            "Calendar months, clamped to the month end (31 Aug + 6 months = 28 or 29 Feb); "
            "'within' means on or before that date."
        )
    if unit is Unit.DAYS_BEGINNING_WITH:
        return "N days beginning with D: D is day 1, so the period ends on D + N - 1."
    if unit is Unit.HOURS:
        return (
            "Counted in hours: the date shown is the calendar day the period ends on, "
            "counting from the end of the trigger day."
        )
    base = "N weeks are 7 x N calendar days" if unit is Unit.WEEKS else "Calendar days"
    sign = "trigger + N" if after else "target - N"
    return f"{base}: {sign}. No source moves a date that falls on a non-working day."


def _numbers(d: Deadline, cal: Calendar, opts: Options) -> tuple[dict[date, int], str]:
    """Each counted day's number, and what the numbers count."""
    rule, start, end = d.rule, d.trigger_date, d.deadline
    step = timedelta(days=1)
    days: list[date] = []
    if rule.unit is Unit.WORKING_DAYS:
        if rule.direction is Direction.AFTER:
            day = start if opts.count_start_day and cal.is_working(start) else start + step
            while day <= end:
                if cal.is_working(day):
                    days.append(day)
                day += step
            return {x: i for i, x in enumerate(days, start=1)}, "working days counted"
        day = start - step
        while day >= end:
            if cal.is_working(day):
                days.append(day)
            day -= step
        return {x: i for i, x in enumerate(days, start=1)}, "working days counted back"
    if rule.unit in (Unit.CALENDAR_DAYS, Unit.WEEKS, Unit.DAYS_BEGINNING_WITH):
        if rule.unit is Unit.DAYS_BEGINNING_WITH:
            first = start
        else:
            first = start + step if rule.direction is Direction.AFTER else start - step
        lo, hi = min(first, end), max(first, end)
        span = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        if rule.direction is Direction.BEFORE:
            span.reverse()
        what = "days counted back" if rule.direction is Direction.BEFORE else "days counted"
        return {x: i for i, x in enumerate(span, start=1)}, what
    return {}, ""


def _counted(d: Deadline, cal: Calendar, opts: Options) -> str:
    rule = d.rule
    plain = count(rule, d.trigger_date, d.length, cal, opts)
    if plain != d.deadline:  # a window that cannot open before its test existed
        return (
            f"{d.length} {rule.unit.value.replace('-', ' ')} before "
            f"{format_long(d.trigger_date)} would be {format_long(plain)}; the window opens on "
            f"{format_long(d.deadline)}, the first day the test applied."
        )
    unit = rule.unit.value.replace("-", " ")
    if rule.unit is Unit.DAYS_BEGINNING_WITH:
        unit = "days beginning with"
    way = "after" if rule.direction is Direction.AFTER else "before"
    if rule.unit is Unit.DAYS_BEGINNING_WITH:
        return (
            f"{d.length} days beginning with {format_long(d.trigger_date)} end on "
            f"{format_long(d.deadline)}."
        )
    return f"{d.length} {unit} {way} {format_long(d.trigger_date)} is {format_long(d.deadline)}."


def explain(
    rule_id: str,
    day: date,
    cal: Calendar,
    opts: Options | None = None,
    extra_rules: Iterable[Rule] = (),
) -> Explanation:
    """Count *rule_id* from the trigger date *day* and lay the count out by week."""
    opts = opts or Options()
    extra = tuple(extra_rules)
    rule = get_rule(rule_id, extra)
    if not rule.computable:
        raise InputError(
            f"{rule.id} has no national timescale to count; set one in the config file "
            f"([rules.{rule.id}] length and unit)"
        )
    trigger = needed_dates(rule, opts)[0]
    found = compute(rule, {trigger: day}, cal, opts, extra)
    if not found:
        raise InputError(_not_in_force(rule, day))
    d = found[0]
    numbers, numbered = _numbers(d, cal, opts)
    lo, hi = min(d.trigger_date, d.deadline), max(d.trigger_date, d.deadline)
    monday = lo - timedelta(days=lo.weekday())
    sunday = hi + timedelta(days=6 - hi.weekday())
    weeks: list[tuple[Day, ...]] = []
    week_start = monday
    while week_start <= sunday:
        weeks.append(tuple(_day(week_start + timedelta(days=i), d, cal, numbers) for i in range(7)))
        week_start += timedelta(days=7)
    rows: list[tuple[Day, ...] | Gap] = list(weeks)
    if len(weeks) > MAX_WEEKS:
        hidden = weeks[EDGE_WEEKS:-EDGE_WEEKS]
        gap = Gap(len(hidden), hidden[0][0].day, hidden[-1][-1].day)
        rows = [*weeks[:EDGE_WEEKS], gap, *weeks[-EDGE_WEEKS:]]
    off = tuple(
        OffDay(h.date, h.title, h.origin == ORIGIN_CLOSURE)
        for h in cal.holidays_between(monday, sunday)
    )
    chosen = (
        "chosen with --edition"
        if opts.edition and rule.editions
        else ("in force on the trigger date" if rule.editions else "the legislation in force")
    )
    return Explanation(
        deadline=d,
        rows=tuple(rows),
        off_days=off,
        counted=_counted(d, cal, opts),
        wording=wording(rule, d.length, d.trigger),
        convention=convention(rule, opts),
        edition_chosen=chosen,
        numbered=numbered,
        date_label=_date_label(d),
    )


def _date_label(d: Deadline) -> str:
    """What the date is: a deadline, the day a window opens, or a threshold reached."""
    if d.is_deadline:
        return "Deadline"
    return "Window opens" if d.rule.direction is Direction.BEFORE else "Threshold"


def _day(day: date, d: Deadline, cal: Calendar, numbers: dict[date, int]) -> Day:
    off = cal.holiday(day)
    return Day(
        day=day,
        working=cal.is_working(day),
        weekend=day.weekday() >= 5,
        off_name=off.title if off else None,
        closure=bool(off and off.origin == ORIGIN_CLOSURE),
        trigger=day == d.trigger_date,
        deadline=day == d.deadline,
        number=numbers.get(day),
    )


def _not_in_force(rule: Rule, day: date) -> str:
    span = ""
    if rule.in_force_from or rule.in_force_to:
        start = format_long(rule.in_force_from) if rule.in_force_from else "the start"
        end = format_long(rule.in_force_to) if rule.in_force_to else "now"
        span = f" (in force {start} to {end})"
    hint = "; --edition counts under another edition" if rule.editions else ""
    return f"{rule.id} did not apply on {format_long(day)}{span}{hint}"
