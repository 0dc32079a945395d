"""Homelessness: Housing Act 1996 Part 7 as amended by the Homelessness
Reduction Act 2017 (timescales.md §4E; verification.md §8).

These rules rest on legislation, not on Working Together, so they go by their
in-force dates and name the Act as their "edition".
"""

from __future__ import annotations

from datetime import date

from wtcheck.rules.common import info
from wtcheck.rules.model import (
    Cite,
    DatedNote,
    Direction,
    Evidence,
    Force,
    Kind,
    Rule,
    Unit,
    Variant,
)

HRA_START = date(2018, 4, 3)

RRA_START = date(2026, 5, 1)
"""Renters' Rights Act 2025 commencement, for assured tenancies that are not
social housing (SI 2026/421 reg 2 heading; verification.md §12.18)."""

NOTICE_NOTES = (
    DatedNote(
        "Valid s.21 notice: compare its expiry date (s.175(5)).",
        HRA_START,
        date(2026, 4, 30),
    ),
    DatedNote(
        "Private tenancy: from 1 May 2026 s.175(5) uses the date specified in a valid s.8 "
        "notice, not a s.21 expiry (Renters' Rights Act 2025) [secondary source].",
        RRA_START,
        None,
        "private",
    ),
    DatedNote(
        "A private tenancy's s.21 notice served before 1 May 2026: apply the s.175(4) "
        "'likely within 56 days' test; the old s.175(5) reading is transitional and "
        "unverified.",
        RRA_START,
        date(2026, 7, 31),
        "private",
    ),
    DatedNote(
        "Private tenancy: an unused s.21 notice can no longer found a possession claim "
        "after 31 Jul 2026.",
        date(2026, 8, 1),
        None,
        "private",
    ),
    DatedNote(
        "Social housing tenancy: the 1 May 2026 change to s.21 notices was commenced for "
        "assured tenancies that are not social housing (SI 2026/421 reg 2); s.21 is not "
        "treated as abolished and s.175(5) is not switched to s.8. Commencement for social "
        "housing: unverified.",
        RRA_START,
        None,
        "social",
    ),
    DatedNote(
        "Landlord sector not given (--landlord private|social): from 1 May 2026 the s.8 "
        "test of s.175(5) applies to private tenancies only (SI 2026/421 reg 2); for social "
        "housing the s.21 test may still apply (unverified). Both readings are open.",
        RRA_START,
        None,
        "unknown",
    ),
)

ALREADY_HOMELESS = (
    "The applicant is homeless, not threatened with homelessness (s.175(4) is 'likely to "
    "become homeless within 56 days'): the relief duty (s.189B, hl-relief) is the one in "
    "point, not the prevention duty."
)
NOTICE_EXPIRED = (
    "The notice expired before the assessment, so the s.175(5) test ('will expire' within "
    "56 days) is not met. The applicant may still be threatened under s.175(4) if likely to "
    "lose the accommodation within 56 days (hl-threat, from the homelessness date), and "
    "s.195(6) stops a prevention duty being ended on the 56-day ground while a valid s.21 "
    "notice, expired or expiring within 56 days, covers the only accommodation "
    "(verification.md §8.3)."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="hl-threat",
        name="Threatened with homelessness: the 56-day window opens",
        topic="homelessness",
        trigger="homeless",
        length=56,
        unit=Unit.CALENDAR_DAYS,
        direction=Direction.BEFORE,
        force=Force.STATUTORY,
        kind=Kind.THRESHOLD,
        cites=(
            Cite(
                "Housing Act 1996",
                "s.175(4) as amended by the Homelessness Reduction Act 2017",
                Evidence.PRIMARY,
            ),
            Cite(
                "Housing Act 1996",
                "s.175(5) (valid notice for the only accommodation)",
                Evidence.PRIMARY,
            ),
            Cite("Homelessness Code of Guidance", "ch.6 para 6.3", Evidence.PRIMARY),
            Cite(
                "Working Together 2018 (re-issued 9 Dec 2020)",
                "ch.1 para 30",
                Evidence.SEED,
            ),
        ),
        variants=(
            Variant(
                28,
                None,
                date(2018, 4, 2),
                "28 days for applications before 3 Apr 2018 "
                "(HA 1996 s.175(4) before the Homelessness Reduction Act 2017)",
            ),
            Variant(56, HRA_START, None),
        ),
        edition_date="assessment",
        compare_with="assessment",
        lineage="threatened",
        inclusive_option=True,
        before_compared_note=ALREADY_HOMELESS,
        notes=(
            "Threatened with homelessness when the expected homelessness date falls within 56 "
            "days of the assessment: on or before assessment + 56 (a valid notice is hl-s21).",
            "Without an assessment date the window opens on the earliest application date "
            "the test, as it stood on that date, would catch (28 days before 3 Apr 2018).",
        ),
    ),
    Rule(
        id="hl-prev",
        name="Prevention duty: 56 days beginning with the day the authority was satisfied",
        topic="homelessness",
        trigger="satisfied",
        length=56,
        unit=Unit.DAYS_BEGINNING_WITH,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        kind=Kind.WINDOW,
        cites=(
            Cite("Housing Act 1996", "s.195(5), (8)(b)", Evidence.PRIMARY),
            Cite("Homelessness Code of Guidance", "ch.14", Evidence.PRIMARY),
        ),
        in_force_from=HRA_START,
        notes=(
            "The duty may be ended by notice once it has been complied with and 56 days have "
            "passed; there is no duty to stop at 56 days.",
        ),
        dated_notes=(
            DatedNote(
                "Not on the 56-day ground while a valid s.21 notice (expiring within 56 "
                "days or expired) covers the only accommodation (s.195(6)).",
                HRA_START,
                date(2026, 4, 30),
            ),
            DatedNote(
                "Private tenancy: s.195(6) as amended by the Renters' Rights Act 2025: "
                "unverified; the s.21 bar is not applied automatically.",
                RRA_START,
                None,
                "private",
            ),
            DatedNote(
                "Social housing tenancy: s.21 notices were not abolished on 1 May 2026 "
                "(SI 2026/421 reg 2), so the s.195(6) bar may still apply while a valid s.21 "
                "notice covers the only accommodation (unverified).",
                RRA_START,
                None,
                "social",
            ),
            DatedNote(
                "Landlord sector not given (--landlord private|social): from 1 May 2026 "
                "s.195(6) as amended is unverified for private tenancies, and the s.21 bar may "
                "still apply to social housing (SI 2026/421 reg 2).",
                RRA_START,
                None,
                "unknown",
            ),
        ),
    ),
    Rule(
        id="hl-relief",
        name="Relief duty: 56 days beginning with the day the authority was satisfied",
        topic="homelessness",
        trigger="satisfied",
        length=56,
        unit=Unit.DAYS_BEGINNING_WITH,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        kind=Kind.WINDOW,
        cites=(
            Cite("Housing Act 1996", "s.189B(4), (7)(b)", Evidence.PRIMARY),
            Cite("Homelessness Code of Guidance", "ch.14 para 14.3", Evidence.PRIMARY),
        ),
        in_force_from=HRA_START,
        notes=(
            "Ends automatically after 56 days where the applicant has priority need and is not "
            "intentionally homeless (s.189B(4)); otherwise may be ended by notice (s.189B(7)(b)).",
        ),
    ),
    Rule(
        id="hl-s21",
        name="Threatened with homelessness by a notice: the notice date falls within 56 days",
        topic="homelessness",
        trigger="notice",
        length=56,
        unit=Unit.CALENDAR_DAYS,
        direction=Direction.BEFORE,
        force=Force.STATUTORY,
        kind=Kind.THRESHOLD,
        cites=(
            Cite(
                "Housing Act 1996",
                "s.175(5) (inserted by the Homelessness Reduction Act 2017)",
                Evidence.PRIMARY,
            ),
            Cite("Homelessness Code of Guidance", "ch.6 para 6.3", Evidence.PRIMARY),
            Cite(
                "Renters' Rights Act 2025",
                "s.175(5) as amended from 1 May 2026",
                Evidence.SECONDARY,
            ),
        ),
        in_force_from=HRA_START,
        edition_date="assessment",
        compare_with="assessment",
        lineage="threatened",
        inclusive_option=True,
        before_compared_note=NOTICE_EXPIRED,
        notes=(
            "Threatened when the notice date is on or after the assessment date and on or "
            "before the assessment date + 56 days.",
            "s.175(5) applies from 3 Apr 2018: the window never opens before that day.",
        ),
        dated_notes=NOTICE_NOTES,
    ),
    Rule(
        id="hl-refer",
        name="Duty to refer to the housing authority (s.213B), with consent: a check",
        topic="homelessness",
        trigger="homeless",
        length=56,
        unit=Unit.CALENDAR_DAYS,
        direction=Direction.BEFORE,
        force=Force.STATUTORY,
        kind=Kind.CHECK,
        force_note=(
            "The duty is statutory; s.213B sets no time limit, so no date is statutory: the "
            "56-day window says from when the person is threatened and so is caught."
        ),
        cites=(
            Cite("Housing Act 1996", "s.213B", Evidence.PRIMARY),
            Cite(
                "Homelessness (Review Procedure etc.) Regulations 2018", "Part 4", Evidence.PRIMARY
            ),
            Cite("Homelessness Code of Guidance", "ch.4 paras 4.1, 4.3", Evidence.PRIMARY),
            Cite("Working Together 2018 (re-issued 9 Dec 2020)", "ch.1 paras 29-34", Evidence.SEED),
        ),
        in_force_from=date(2018, 10, 1),
        completion="referral_to_housing",
        inclusive_option=True,
        notes=(
            "A check, not a deadline: the date is the day the 56-day window opens (the person "
            "is threatened with homelessness from then and must be referred, with consent). "
            "A referral is never late or overdue. Children's social services are specified "
            "public authorities. In force from 1 Oct 2018: nothing is reported before.",
        ),
    ),
    info(
        "hl-flex",
        "Prevention work may start more than 56 days ahead",
        "homelessness",
        "assessment",
        cites=(Cite("Homelessness Code of Guidance", "ch.6/ch.12", Evidence.SECONDARY),),
        in_force_from=HRA_START,
        notes=("For information only.",),
    ),
)
