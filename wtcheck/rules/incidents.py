"""Serious incidents and reviews, 2018 onwards (timescales.md §4A, §5).

Sources: the WT2018 Dec 2020 re-issue's p.96 "How to notify…" table
(seeds/000), the Child Safeguarding Practice Review Panel's guidance as
restated by local partnerships (verification.md §1–2), CA 2004 s.16C.
"""

from __future__ import annotations

from datetime import date

from wtcheck.rules.common import PANEL_START, WT2018_ON, info
from wtcheck.rules.model import (
    Anchor,
    Cite,
    Direction,
    Evidence,
    Force,
    Gate,
    GateEffect,
    Rule,
    Unit,
)

DEC2020_TABLE = Cite(
    "Working Together to Safeguard Children 2018 (re-issued 9 Dec 2020)",
    "p.96 table 'How to notify a serious incident, rapid review, and local child "
    "safeguarding practice review'",
    Evidence.SEED,
)

GOVUK_REPORT = Cite(
    "GOV.UK, 'Report a serious child safeguarding incident'",
    "'You must do this within 5 working days of becoming aware of the incident'",
    Evidence.PRIMARY,
)
"""Read (verification.md §12.1-12.3): the June 2018 text and a later version."""

CARE_LEAVER_NO_RR = (
    "no rapid review follows the death of a care leaver: the rapid review and the local "
    "review are for children (under 18) who meet the serious incident criteria "
    "(timescales §4A SIN-CARELEAVER; Slough procedures: it 'does not require a rapid "
    "review'). A care leaver who died under 18 is a looked-after or serious incident case: "
    "give --aware."
)
LAC_CONDITIONAL = (
    "a looked-after child's death gives a rapid review only where abuse or neglect is known "
    "or suspected; the Panel does not consider the others, which DfE and Ofsted handle "
    "(GOV.UK 'Report a serious child safeguarding incident'; verification.md §12.3). Give "
    "--aware (the serious incident date) when the criteria are met."
)

COVID = "Relaxed (not suspended) for COVID-19 from March 2020 (Trafford SP news, 30 Mar 2020)."

RULES: tuple[Rule, ...] = (
    Rule(
        id="sin-panel",
        name="Serious incident notification to the Child Safeguarding Practice Review Panel",
        topic="incidents",
        trigger="aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        force_note=(
            "The duty to notify is statutory (Children Act 2004 s.16C(1)); the 5-working-day "
            "timing is statutory guidance. GOV.UK's own page says 'must … within 5 working "
            "days'; the Dec 2020 table and the DfE methodology say 'should'."
        ),
        cites=(
            GOVUK_REPORT,
            Cite(
                "Children Act 2004", "s.16C(1) (duty to notify; no time limit)", Evidence.SECONDARY
            ),
            Cite(
                "Working Together 2018",
                "ch.4 'Duty on local authorities to notify incidents' (~paras 12–14, pp.85–86)",
                Evidence.SECONDARY,
            ),
            DEC2020_TABLE,
            Cite("Working Together 2023", "ch.5, same heading", Evidence.SECONDARY),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="notification",
        lineage="incident-notification",
        notes=(
            "Counted from the day the local authority became aware, never from the incident date.",
            "Before 29 Jun 2018 the WT2015 notification to Ofsted applies (notif-ofsted-2015).",
        ),
    ),
    Rule(
        id="rr-submit",
        name="Rapid review sent to the Panel (with the decision on a local review)",
        topic="incidents",
        trigger="notification",
        length=15,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        force_note="A 'non-statutory requirement' (Dec 2020 table); Panel guidance.",
        cites=(
            Cite(
                "Child Safeguarding Practice Review Panel, Practice guidance (Apr 2019)",
                "p.15 'Rapid review timescales': 15 working days; anchor unverified",
                Evidence.SECONDARY,
            ),
            Cite(
                "Child Safeguarding Practice Review Panel, Guidance for safeguarding partners "
                "(Sep 2022, updated to Jun 2025)",
                "15 working days from the date the notification was sent "
                "(as restated by Cambridgeshire & Peterborough SCP)",
                Evidence.SECONDARY,
            ),
            DEC2020_TABLE,
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="rapid_review",
        anchors=(
            Anchor(
                "notification",
                "notification",
                "default: the Panel's guidance and local processes from 2018 count the 15 "
                "working days from the day the notification was sent",
                fallback_rule="sin-panel",
            ),
            Anchor(
                "awareness",
                "aware",
                "chosen with --rr-anchor awareness (the Apr 2019 anchor is unverified)",
            ),
            Anchor(
                "incident",
                "incident",
                "chosen with --rr-anchor incident (the literal wording of the Dec 2020 table)",
            ),
        ),
        default_anchor="notification",
        literal_anchor="incident",
        literal_anchor_editions=("wt2018-dec2020",),
        gates=(
            Gate(
                "care_leaver_death_aware",
                GateEffect.EXCLUDE,
                CARE_LEAVER_NO_RR,
                unless=("aware", "lac_death_aware"),
            ),
            Gate("lac_death_aware", GateEffect.CONDITIONAL, LAC_CONDITIONAL, unless=("aware",)),
        ),
        notes=(
            "WT2023's own wording is unverified; the 15 working days are the Panel's.",
            COVID,
        ),
    ),
    Rule(
        id="lcspr-prepub",
        name="Full review report sent to the Panel and the Secretary of State before publication",
        topic="reviews",
        trigger="lcspr_publication",
        length=7,
        unit=Unit.WORKING_DAYS,
        direction=Direction.BEFORE,
        force=Force.STATUTORY,
        force_note=(
            "'must' in the Dec 2020 table (fn 96); the regulation (SI 2018/789 Part 3, "
            "regs 15–17) is unverified, so no regulation number is given."
        ),
        cites=(
            DEC2020_TABLE,
            Cite(
                "Child Safeguarding Practice Review and Relevant Agency (England) "
                "Regulations 2018 (SI 2018/789)",
                "Part 3, regs 15–17 (exact regulation unverified)",
                Evidence.UNVERIFIED,
            ),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        verified=False,
        completion="lcspr_report_sent",
        lineage="review-prepublication",
        notes=(
            "The 7 working days rest on the Dec 2020 table alone.",
            COVID,
        ),
    ),
    Rule(
        id="lcspr-complete",
        name="Local child safeguarding practice review completed and published",
        topic="reviews",
        trigger="lcspr_decision",
        length=6,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite(
                "Working Together 2018",
                "ch.4 'Local child safeguarding practice reviews' / "
                "'Publication of reports' (~paras 38–47)",
                Evidence.UNVERIFIED,
            ),
            Cite(
                "Trafford Safeguarding Partnership news, 30 Mar 2020",
                "publish within 6 months of initiation",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2023", "ch.5 equivalent", Evidence.UNVERIFIED),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="lcspr_publication",
        lineage="review-completion",
        notes=(
            "If publication is delayed, the Panel and the Secretary of State should be told "
            "the reasons (Dec 2020 table).",
            COVID,
        ),
    ),
    Rule(
        id="sin-partners",
        name="Serious incident reported to the safeguarding partners",
        topic="incidents",
        trigger="aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        force_note=(
            "GOV.UK's own page says 'must' (report to the partners within 5 working days); "
            "Working Together's restatements say 'should'. Guidance, not an Act."
        ),
        cites=(
            Cite(
                "GOV.UK, 'Report a serious child safeguarding incident'",
                "report to the LSCB or the local safeguarding partners: 'You must do this "
                "within 5 working days of becoming aware of the incident'",
                Evidence.PRIMARY,
            ),
            Cite("Working Together 2018", "ch.4 (same paragraph as sin-panel)", Evidence.SECONDARY),
            Cite("Working Together 2023", "ch.5", Evidence.SECONDARY),
            Cite(
                "St Helens SCP; Solihull LSCB procedures",
                "'within the same five working days'",
                Evidence.SECONDARY,
            ),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="partners_notification",
        notes=(
            "Runs on the same clock as sin-panel: its own area's partners and others concerned.",
        ),
    ),
    Rule(
        id="sin-lac",
        name="Death of a looked-after child notified to the Secretary of State and Ofsted",
        topic="incidents",
        trigger="lac_death_aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        force_note=(
            "The notification is statutory; its 5-working-day timing is guidance, worded "
            "'must' on GOV.UK's own page."
        ),
        cites=(
            Cite(
                "GOV.UK, 'Report a serious child safeguarding incident'",
                "'you must notify us of their death whether or not you know or suspect abuse or "
                "neglect. You must do this within 5 working days of becoming aware'",
                Evidence.PRIMARY,
            ),
            Cite("Working Together 2018", "ch.4", Evidence.SECONDARY),
            Cite("Working Together 2023", "ch.5", Evidence.SECONDARY),
            Cite(
                "Wirral; St Helens procedures", "same online form as sin-panel", Evidence.SECONDARY
            ),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="notification",
        notes=(
            "Abuse or neglect need not be suspected.",
            "No rapid review from this notification alone: the Panel does not consider "
            "looked-after deaths where abuse or neglect is not known or suspected; DfE and "
            "Ofsted handle those (GOV.UK).",
        ),
    ),
    Rule(
        id="sin-careleaver",
        name="Death of a care leaver (18-24) notified to the Secretary of State and Ofsted",
        topic="incidents",
        trigger="care_leaver_death_aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        force_note="Non-mandatory reporting (Cumberland Council bulletin on WT2023).",
        cites=(
            Cite(
                "Working Together 2023",
                "ch.5, care leavers up to and including 24",
                Evidence.SECONDARY,
            ),
            Cite(
                "North Yorkshire SCP 'Death of a Care Leaver' one-minute guide",
                "5 working days from awareness (a local reading)",
                Evidence.SECONDARY,
            ),
        ),
        in_force_from=date(2023, 12, 15),
        editions=("wt2023",),
        verified=False,
        completion="notification",
        notes=(
            "Timescale by analogy/local practice: no national number; 5 working days is North "
            "Yorkshire's reading. Set your own in the config file ([rules.sin-careleaver]).",
            "Deaths only, ages 18-24; under-18 looked-after children are sin-lac. No rapid "
            "review or LCSPR unless the criteria are met and the person is under 18.",
        ),
    ),
    info(
        "rr-decision",
        "Safeguarding partners' decision on whether to commission an LCSPR",
        "reviews",
        "notification",
        cites=(
            Cite(
                "Working Together 2018 ch.4 / 2023 ch.5",
                "'Decisions on local and national reviews'",
                Evidence.UNVERIFIED,
            ),
            Cite(
                "Plymouth SCP; Kent KSCMP", "decision by the end of the 15 days", Evidence.SECONDARY
            ),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="lcspr_decision",
        notes=(
            "No separate limit: the decision is due with the rapid review (rr-submit).",
            "The Panel normally replies within about 10 working days (Kent; information only).",
        ),
    ),
    info(
        "lcspr-monitor",
        "Safeguarding partners monitor the time taken and the quality of the review",
        "reviews",
        "lcspr_decision",
        force=Force.STATUTORY,
        cites=(
            Cite(
                "Child Safeguarding Practice Review and Relevant Agency (England) "
                "Regulations 2018 (SI 2018/789)",
                "reg 14",
                Evidence.PRIMARY,
            ),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        notes=("No numeric deadline: 'at regular intervals'.",),
    ),
)
