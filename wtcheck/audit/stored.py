"""Stored due dates: where a case system's own due date differs from wtcheck's, and why.

Exports often carry the system's due date beside the event (CIN
``InitialCPCtarget``, SSD ``icpc_icpc_target_date`` and ``cppr_cp_review_due``,
LCS ``DUE_DTTM``; ``wtcheck.inputs.columns.STORED_DUE``). Nobody checks them.
For each finding whose row has one that differs from wtcheck's deadline,
:func:`stored_note` says by how many working days, and which known counting
convention would give the stored date (real-data.md §4, §5.10):

* the trigger day counted as day 1 (``--count-start-day``);
* weekdays only, bank holidays taken as working days;
* 91 or 92 days for 3 months, 182 or 183 for 6 (calendar days for months).

The deadline itself is never changed: this is a note on the finding.
"""

from __future__ import annotations

from datetime import date, timedelta

from wtcheck.calendar.workdays import Calendar
from wtcheck.dates import format_long
from wtcheck.deadlines import Deadline, Options, compute
from wtcheck.rules.model import Unit


def _weekdays_after(start: date, n: int) -> date:
    """The n-th weekday strictly after *start*, bank holidays ignored."""
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def conventions(d: Deadline, stored: date, cal: Calendar, opts: Options) -> list[str]:
    """The known conventions that give *stored* for the deadline *d*."""
    rule = d.rule
    found = []
    if rule.unit is Unit.WORKING_DAYS:
        start_day = compute(
            rule, {d.trigger: d.trigger_date}, cal, opts._replace(count_start_day=True)
        )
        if start_day and start_day[0].deadline == stored:
            found.append(f"counting the {d.trigger.replace('_', ' ')} day as day 1")
        if _weekdays_after(d.trigger_date, d.length) == stored:
            found.append("counting weekdays only (bank holidays as working days)")
    elif rule.unit is Unit.MONTHS:
        days = (stored - d.trigger_date).days
        if (d.length == 3 and days in (91, 92)) or (d.length == 6 and days in (182, 183)):
            found.append(f"{days} calendar days instead of {d.length} months")
    return found


def stored_note(d: Deadline, stored: date, cal: Calendar, opts: Options) -> str:
    """One sentence: how the stored due date differs from wtcheck's deadline, and why."""
    n = cal.between(d.deadline, stored)
    side = "after" if stored > d.deadline else "before"
    size = abs(n)
    gap = (
        f"{size} working day{'s' if size != 1 else ''} {side}"
        if size
        else f"{abs((stored - d.deadline).days)} calendar days {side}"
    )
    why = conventions(d, stored, cal, opts)
    reason = "explained by " + ", or ".join(why) if why else "no known convention explains it"
    return (
        f"Stored due date {format_long(stored)} is {gap} wtcheck's {format_long(d.deadline)}: "
        f"{reason}."
    )
