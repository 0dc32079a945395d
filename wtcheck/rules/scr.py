"""Serious case reviews and notifications in the LSCB era (timescales.md §4B)."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.model import Cite, DatedNote, Direction, Evidence, Force, Rule, Unit

WT2010_SUMMARY = Cite(
    "Working Together 2010, executive summary",
    "SCRs extended 'from four to six months' in Dec 2009 (shared/seeds/004)",
    Evidence.SEED,
)
UNCHECKED = (
    "Off by default: no source has confirmed this number. Ask for it with --rule or "
    "enable it in the config file."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="scr-complete-4m",
        name="Serious case review completed",
        topic="reviews",
        trigger="lcspr_decision",
        length=4,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(Cite("Working Together 2006", "ch.8", Evidence.SEED), WT2010_SUMMARY),
        in_force_from=date(2006, 4, 1),
        in_force_to=date(2009, 11, 30),
        editions=("wt2006",),
        completion="review_completed",
        lineage="review-completion",
    ),
    Rule(
        id="scr-complete-6m",
        name="Serious case review completed",
        topic="reviews",
        trigger="lcspr_decision",
        length=6,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2006, revised ch.8 (Dec 2009)", "ch.8", Evidence.SEED),
            Cite("Working Together 2010", "ch.8", Evidence.SEED),
            WT2010_SUMMARY,
        ),
        in_force_from=date(2009, 12, 1),
        in_force_to=date(2013, 4, 14),
        editions=("wt2006-ch8", "wt2010"),
        completion="review_completed",
        lineage="review-completion",
        notes=(
            "For SCRs initiated on or after 10 Jun 2010 the overview-report publication rule "
            "changed; the 6 months did not (Knowsley SIRG procedure).",
        ),
    ),
    Rule(
        id="scr-complete-6m-aim",
        name="Serious case review completion target ('aim for' 6 months)",
        topic="reviews",
        trigger="lcspr_decision",
        length=6,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2013", "ch.4", Evidence.UNVERIFIED),
            Cite("Working Together 2015", "ch.4 (~para 19)", Evidence.UNVERIFIED),
        ),
        in_force_from=date(2013, 4, 15),
        in_force_to=date(2018, 6, 28),
        editions=("wt2013", "wt2015"),
        completion="review_completed",
        lineage="review-completion",
        notes=("LSCB SCRs still running in the 2018-19 transition keep this target.",),
    ),
    Rule(
        id="notif-ofsted-2010",
        name="Serious incident notification to Ofsted (and DCSF, later DfE)",
        topic="incidents",
        trigger="aware",
        length=1,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2010", "ch.8", Evidence.UNVERIFIED),
            Cite("Working Together 2013", "ch.4", Evidence.UNVERIFIED),
        ),
        in_force_from=date(2010, 4, 1),
        in_force_to=date(2015, 3, 25),
        editions=("wt2010", "wt2013"),
        verified=False,
        default_off=True,
        completion="notification",
        lineage="incident-notification",
        notes=(
            UNCHECKED,
            "Both the length and the trigger are unchecked against WT2010 ch.8 and WT2013 ch.4.",
        ),
        dated_notes=(
            DatedNote(
                "Recipients: DCSF and the Government Office until 30 Sep 2010.",
                None,
                date(2010, 9, 30),
            ),
            DatedNote(
                "Recipients: DfE from 1 Oct 2010 (Government Office functions passed).",
                date(2010, 10, 1),
            ),
        ),
    ),
    Rule(
        id="notif-ofsted-2015",
        name="Notifiable incident reported to Ofsted and the relevant LSCB(s)",
        topic="incidents",
        trigger="aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite(
                "Working Together 2015",
                "ch.4",
                Evidence.SECONDARY,
                "'promptly, and within five working days' of becoming aware",
            ),
            Cite("Pan-Dorset SCB procedures", "3.2 'Notifiable Incidents'", Evidence.SECONDARY),
            Cite("Knowsley 'Notifiable Incidents Process'", "June 2015", Evidence.SECONDARY),
        ),
        in_force_from=date(2015, 3, 26),
        in_force_to=date(2018, 6, 28),
        editions=("wt2015",),
        completion="notification",
        lineage="incident-notification",
        notes=(
            "From 29 Jun 2018 notifications go to the Panel instead (sin-panel).",
            "Walsall's procedures word the trigger as 'being notified'.",
        ),
    ),
    Rule(
        id="scr-decide-2010",
        name="LSCB decision on whether to hold a serious case review",
        topic="reviews",
        trigger="notification",
        length=1,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(Cite("Working Together 2010", "ch.8", Evidence.UNVERIFIED),),
        in_force_from=date(2010, 4, 1),
        in_force_to=date(2013, 4, 14),
        editions=("wt2010",),
        verified=False,
        default_off=True,
        completion="lcspr_decision",
        notes=(UNCHECKED,),
    ),
    Rule(
        id="scr-prepub-2015",
        name="SCR report and action plan sent to Ofsted, DfE and the national panel before publication",
        topic="reviews",
        trigger="lcspr_publication",
        length=1,
        unit=Unit.WEEKS,
        direction=Direction.BEFORE,
        force=Force.GUIDANCE,
        cites=(Cite("Working Together 2015", "ch.4 ('~1 week')", Evidence.UNVERIFIED),),
        in_force_from=date(2015, 3, 26),
        in_force_to=date(2018, 6, 28),
        editions=("wt2015",),
        verified=False,
        default_off=True,
        completion="lcspr_report_sent",
        lineage="review-prepublication",
        notes=(UNCHECKED, "'About one week' is read as 7 calendar days."),
    ),
)
