"""Referral, assessment and child protection (timescales.md §4C; verification.md §4)."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.common import (
    EVERY,
    FROM_2013,
    LOCAL_RULE,
    TO_2013,
    WT2006_START,
    WT2013_EVE,
    WT2013_START,
    info,
)
from wtcheck.rules.model import Cite, Direction, Evidence, Force, Rule, Unit

WT2010_SUMMARY = Cite(
    "Working Together 2010, executive summary",
    "initial assessment 'from seven to ten working days' from 1 April 2010 (WT2010 executive summary)",
    Evidence.SEED,
)


def _wd(
    rule_id: str,
    name: str,
    trigger: str,
    length: int,
    completion: str | None,
    cites: tuple[Cite, ...],
    editions: tuple[str, ...],
    **extra: object,
) -> Rule:
    """A 'within N working days of E' guidance rule of this chapter."""
    return Rule(
        id=rule_id,
        name=name,
        topic="assessment" if trigger in ("referral", "assessment_start") else "child-protection",
        trigger=trigger,
        length=length,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=cites,
        editions=editions,
        completion=completion,
        **extra,  # type: ignore[arg-type]
    )


RULES: tuple[Rule, ...] = (
    _wd(
        "ref-decide",
        "Referral: decision on the type of response and acknowledgement to the referrer",
        "referral",
        1,
        "referral_decision",
        (
            Cite("Working Together 2010", "ch.5", Evidence.UNVERIFIED),
            Cite("Working Together 2013/2015", "ch.1 (~para 31 in 2013)", Evidence.UNVERIFIED),
            Cite("Working Together 2018", "ch.1 flow chart 1 (p.35)", Evidence.UNVERIFIED),
            Cite("Working Together 2023", "ch.3", Evidence.UNVERIFIED),
            Cite("Sussex; Cambridgeshire & Peterborough procedures", "", Evidence.SECONDARY),
        ),
        EVERY,
        in_force_from=WT2006_START,
        notes=("Some authorities use '24 hours' or 'same day' locally.",),
    ),
    _wd(
        "ia-7",
        "Initial assessment completed",
        "referral",
        7,
        "assessment_authorised",
        (WT2010_SUMMARY, Cite("Working Together 2006", "ch.5", Evidence.UNVERIFIED)),
        ("wt2006", "wt2006-ch8"),
        in_force_from=WT2006_START,
        in_force_to=date(2010, 3, 31),
        lineage="initial-assessment",
        notes=("From the date of referral (or of new information on an open case).",),
    ),
    _wd(
        "ia-10",
        "Initial assessment completed (maximum)",
        "referral",
        10,
        "assessment_authorised",
        (
            WT2010_SUMMARY,
            Cite("Working Together 2010", "ch.5", Evidence.UNVERIFIED),
            Cite(
                "Lexology, note on Working Together 2013",
                "'The 10-day target to complete initial assessments is also removed'",
                Evidence.SECONDARY,
            ),
        ),
        ("wt2010",),
        in_force_from=date(2010, 4, 1),
        in_force_to=WT2013_EVE,
        lineage="initial-assessment",
        notes=("DfE defines the start as the point of referral (LG Inform 2234).",),
    ),
    _wd(
        "ca-35",
        "Core assessment completed",
        "assessment_start",
        35,
        "assessment_authorised",
        (
            Cite("Working Together 2006/2010", "ch.5", Evidence.UNVERIFIED),
            Cite("Community Care, 12 Jun 2012", "'core assessments within 35'", Evidence.SECONDARY),
        ),
        TO_2013,
        in_force_from=WT2006_START,
        in_force_to=WT2013_EVE,
        lineage="core-assessment",
        notes=(
            "The start of the core assessment is an input: usually when a strategy discussion "
            "starts s.47 enquiries, or at the end of the initial assessment.",
        ),
    ),
    _wd(
        "sa-45",
        "Single (child and family) assessment concluded (maximum)",
        "referral",
        45,
        "assessment_authorised",
        (
            Cite("Working Together 2013", "ch.1", Evidence.SECONDARY),
            Cite("Working Together 2015", "ch.1", Evidence.SECONDARY),
            Cite(
                "Working Together 2018",
                "ch.1 'Timeliness' (~paras 81-83, p.33)",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2023", "ch.3", Evidence.SECONDARY),
        ),
        FROM_2013,
        in_force_from=WT2013_START,
        lineage="initial-assessment",
        notes=(
            "The clock starts at the point of referral, not at acceptance.",
            "If it runs over, the social worker should record why.",
        ),
    ),
    _wd(
        "sa-45-start",
        "Single assessment within 45 working days of its start (DfE's published measure)",
        "assessment_start",
        45,
        "assessment_authorised",
        (
            Cite(
                "DfE, Characteristics of children in need (Explore education statistics), "
                "table C2 'Completed assessments by duration'",
                "from AssessmentActualStartDate to AssessmentAuthorisationDate; bands from "
                "'Same day' to '61+ days'",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2013-2023", "as sa-45 (45 working days)", Evidence.SECONDARY),
        ),
        FROM_2013,
        in_force_from=WT2013_START,
        lineage="assessment-from-start",
        notes=(
            "The measure DfE publishes (and ChAT-style tools compute) counts from the "
            "assessment's actual start; Working Together's own wording counts from the "
            "referral (sa-45). Both are audited where the columns allow, each named as what "
            "it is: this one matches the published statistics.",
        ),
    ),
    info(
        "strat",
        "Strategy discussion",
        "child-protection",
        "referral",
        cites=(
            Cite("Working Together 2010", "ch.5", Evidence.UNVERIFIED),
            Cite("Working Together 2013-2023", "", Evidence.UNVERIFIED),
        ),
        editions=EVERY,
        in_force_from=WT2006_START,
        completion="strategy_discussion",
        notes=(
            "'Promptly', when there is reasonable cause to suspect significant harm. "
            "Local procedures add numbers (e.g. Bexley: within 3 days).",
            LOCAL_RULE,
        ),
    ),
    _wd(
        "icpc-2010",
        "Initial child protection conference",
        "strategy_discussion",
        15,
        "icpc",
        (
            Cite("Working Together 2006/2010", "ch.5", Evidence.UNVERIFIED),
            Cite("Isle of Man procedures", "'the last strategy discussion'", Evidence.SECONDARY),
        ),
        TO_2013,
        in_force_from=WT2006_START,
        in_force_to=WT2013_EVE,
        lineage="icpc",
        notes=(
            "Counted from the last strategy discussion if there were several: give that date. "
            "The WT2010 anchor is unverified.",
        ),
    ),
    _wd(
        "icpc-2013",
        "Initial child protection conference",
        "strategy_discussion",
        15,
        "icpc",
        (
            Cite("Working Together 2013/2015", "ch.1", Evidence.SECONDARY),
            Cite(
                "Working Together 2018",
                "ch.1 flow chart 4 (p.44), 'Initial child protection conferences' (p.49)",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2023", "ch.3", Evidence.SECONDARY),
        ),
        FROM_2013,
        in_force_from=WT2013_START,
        lineage="icpc",
        notes=(
            "Counted from the strategy discussion at which s.47 enquiries were initiated "
            "(if there were several).",
        ),
    ),
    _wd(
        "cg-first",
        "First core group meeting",
        "icpc",
        10,
        "core_group",
        (
            Cite("Working Together 2010", "ch.5", Evidence.UNVERIFIED),
            Cite("Working Together 2013-2023", "paragraph unverified", Evidence.UNVERIFIED),
            Cite("Sefton SCP 6.1.4; East Riding; Newcastle 1.4.5; Medway", "", Evidence.SECONDARY),
        ),
        ("wt2010", *FROM_2013),
        in_force_from=date(2010, 4, 1),
        notes=("Later core groups are set locally (4-weekly in Sefton and Newcastle).",),
    ),
    Rule(
        id="rcpc-first",
        name="First child protection review conference",
        topic="child-protection",
        trigger="icpc",
        length=3,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2010", "ch.5", Evidence.SECONDARY),
            Cite(
                "Working Together 2013-2018",
                "'Child protection review conference' (WT2018 p.53, flow chart 5 p.54)",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2023", "ch.3", Evidence.SECONDARY),
        ),
        editions=EVERY,
        in_force_from=WT2006_START,
        completion="review_conference",
        lineage="review-conference",
        notes=(
            "After a pre-birth ICPC local rules apply (e.g. London: review or core group within "
            "10 days of birth); add one in the config file.",
        ),
    ),
    Rule(
        id="rcpc-next",
        name="Later child protection review conferences (not more than 6 months apart)",
        topic="child-protection",
        trigger="review_conference",
        length=6,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2010-2023", "as rcpc-first", Evidence.SECONDARY),
            Cite("London procedures via Bromley", "'not more than six months'", Evidence.SECONDARY),
        ),
        editions=EVERY,
        in_force_from=WT2006_START,
        repeats=True,
        lineage="review-conference",
        notes=("Restarts from each review conference while the plan lasts.",),
    ),
    info(
        "cp-visits",
        "Child protection visits by the social worker",
        "child-protection",
        "cp_visit",
        cites=(
            Cite("Working Together (every edition)", "no national number", Evidence.UNVERIFIED),
        ),
        editions=EVERY,
        in_force_from=WT2006_START,
        repeats=True,
        notes=(
            "Frequency set locally or in the child protection plan (e.g. every 10 working days).",
            LOCAL_RULE,
            "Visits to looked-after children (CPPCR 2010 reg 28) are out of scope.",
        ),
    ),
)
