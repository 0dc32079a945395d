"""Private fostering: Children Act 1989 Part 9 and the Children (Private
Arrangements for Fostering) Regulations 2005, SI 2005/1533 (timescales.md §4D;
verification.md §5). Legislation, not Working Together: these rules go by
their in-force dates.
"""

from __future__ import annotations

from datetime import date

from wtcheck.rules.model import Cite, Direction, Evidence, Force, Kind, Rule, Unit

SI = "Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)"
REGS_START = date(2005, 7, 1)
WD_DEFINITION = (
    "Working days: the England-and-Wales list is used; the regulations' own reg 2 "
    "definition is expected but unverified."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="pf-28",
        name="Private fostering threshold: the arrangement has lasted 28 days",
        topic="fostering",
        trigger="fostering_start",
        length=28,
        unit=Unit.CALENDAR_DAYS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        kind=Kind.THRESHOLD,
        cites=(
            Cite("Children Act 1989", "s.66(1)-(2), (4)", Evidence.PRIMARY),
            Cite(
                "Working Together 2018 (re-issued 9 Dec 2020)",
                "ch.1 fn 9",
                Evidence.SEED,
            ),
        ),
        notes=(
            "Private fostering once the care (child under 16, or under 18 if disabled) lasts, "
            "or is meant to last, 28 days or more: the intention alone triggers notification.",
        ),
    ),
    Rule(
        id="pf-notify",
        name="Proposed private foster carer notifies the local authority",
        topic="fostering",
        trigger="fostering_start",
        length=6,
        unit=Unit.WEEKS,
        direction=Direction.BEFORE,
        force=Force.STATUTORY,
        cites=(Cite(SI, "reg 3(1) (explanatory note)", Evidence.PRIMARY),),
        in_force_from=REGS_START,
        completion="fostering_notification",
        notes=(
            "At least 6 weeks before the intended start; immediately if the start is less than "
            "6 weeks away. Others involved and the parents notify 'as soon as possible'.",
        ),
    ),
    Rule(
        id="pf-visit1",
        name="First visit by a local authority officer (premises, carer, household and child)",
        topic="fostering",
        trigger="fostering_notification",
        length=7,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        cites=(
            Cite(SI, "reg 4(1) (proposed arrangement)", Evidence.SECONDARY),
            Cite(SI, "reg 7 (arrangement already running; 7 working days unverified)"),
        ),
        in_force_from=REGS_START,
        completion="fostering_visit",
        notes=("Counted from the day the authority received the notification.", WD_DEFINITION),
    ),
    Rule(
        id="pf-visits",
        name="Later private fostering visits, first year (at most every 6 weeks)",
        topic="fostering",
        trigger="fostering_visit",
        length=6,
        unit=Unit.WEEKS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        cites=(Cite(SI, "reg 8(1)", Evidence.PRIMARY),),
        in_force_from=REGS_START,
        repeats=True,
        lineage="fostering-visits",
        notes=(
            "The year runs from when the authority became aware of the arrangement. "
            "After the first year the interval is at most 12 weeks (pf-visits-later).",
        ),
    ),
    Rule(
        id="pf-visits-later",
        name="Later private fostering visits after the first year (at most every 12 weeks)",
        topic="fostering",
        trigger="fostering_visit",
        length=12,
        unit=Unit.WEEKS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        cites=(Cite(SI, "reg 8(6)", Evidence.PRIMARY),),
        in_force_from=REGS_START,
        repeats=True,
        default_off=True,
        lineage="fostering-visits",
        notes=(
            "Off by default (wtcheck does not know when the first year ended, so it checks the "
            "stricter 6 weeks): ask for it with --rule pf-visits-later.",
        ),
    ),
    Rule(
        id="pf-end",
        name="Carer notifies the local authority that the arrangement has ended",
        topic="fostering",
        trigger="fostering_end",
        length=48,
        unit=Unit.HOURS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        cites=(
            Cite(SI, "reg 10 (number unverified)", Evidence.UNVERIFIED),
            Cite(
                "Norfolk MI sheet 18/06",
                "'Within 48 hours of when the child is no longer in their care'",
                Evidence.SECONDARY,
            ),
            Cite(
                "Lincolnshire County Council, 'Private fostering - when you must tell us'",
                "'at least 48 hours before a child leaves your care'",
                Evidence.SECONDARY,
            ),
        ),
        in_force_from=REGS_START,
        completion="fostering_end_notice",
        notes=(
            "Counted in hours from the time the child left (unless expected to return); "
            "the date shown is the calendar day the 48 hours end on when the child left at "
            "the end of the day.",
            "Read two ways by councils until reg 10's own words are read: 48 hours after the "
            "child leaves (Norfolk; the default) or at least 48 hours before (Lincolnshire) "
            "(verification.md §12.15).",
        ),
        readings=(
            (
                "Other reading (Lincolnshire): notice at least 48 hours before the child "
                "leaves, at the latest on",
                -2,
            ),
        ),
    ),
)
