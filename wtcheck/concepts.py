"""The dates wtcheck knows about: one vocabulary for rules, options and columns.

Each :class:`Concept` is a kind of date (the day the local authority became
aware of an incident, a referral, an ICPC, ...). Rules name their trigger and
completion dates by concept key; the ``deadlines`` command takes one option
per concept; the audit reads one column per concept (wtcheck's own header
name, plus the aliases in :mod:`wtcheck.inputs.columns`).
"""

from __future__ import annotations

from typing import NamedTuple


class Concept(NamedTuple):
    key: str
    column: str
    option: str
    label: str


CONCEPTS: tuple[Concept, ...] = (
    Concept("incident", "incident_date", "--incident", "date of the serious incident"),
    Concept("aware", "aware_date", "--aware", "date the local authority became aware of the incident"),
    Concept("notification", "notification_date", "--notified", "date the serious incident notification was sent"),
    Concept("rapid_review", "rapid_review_date", "--rapid-review", "date the rapid review was sent to the Panel"),
    Concept("lcspr_decision", "lcspr_decision_date", "--decision", "date of the decision to initiate the review"),
    Concept("lcspr_publication", "lcspr_publication_date", "--publication", "(planned) publication date of the review"),
    Concept("lcspr_report_sent", "lcspr_report_sent_date", "--report-sent", "date the full report was sent to the Panel and the Secretary of State"),
    Concept("assessment", "assessment_date", "--assessed", "date of the homelessness assessment (or application)"),
    Concept("homeless", "homeless_date", "--homeless", "expected homelessness date"),
    Concept("referral_to_housing", "referral_to_housing_date", "--referred-to-housing", "date of the referral to the housing authority (duty to refer)"),
    Concept("satisfied", "satisfied_date", "--satisfied", "date the housing authority was first satisfied (threatened / homeless and eligible)"),
    Concept("referral", "referral_date", "--referral", "date the referral to children's social care was received"),
    Concept("assessment_start", "assessment_start_date", "--assessment-start", "date the assessment started"),
    Concept("assessment_authorised", "assessment_authorised_date", "--assessment-authorised", "date the assessment was completed (authorised)"),
    Concept("strategy_discussion", "strategy_discussion_date", "--strategy-discussion", "date of the strategy discussion (that started s.47 enquiries)"),
    Concept("icpc", "icpc_date", "--icpc", "date of the initial child protection conference"),
    Concept("review_conference", "review_conference_date", "--review-conference", "date of the (latest) child protection review conference"),
    Concept("partners_notification", "partners_notification_date", "--partners-notified", "date the safeguarding partners were told of the serious incident"),
    Concept("lac_death_aware", "lac_death_aware_date", "--lac-death-aware", "date the local authority became aware of the death of a looked-after child"),
    Concept("care_leaver_death_aware", "care_leaver_death_aware_date", "--care-leaver-death-aware", "date the local authority became aware of the death of a care leaver (18-24)"),
    Concept("review_completed", "review_completed_date", "--review-completed", "date the serious case review was completed"),
    Concept("referral_decision", "referral_decision_date", "--referral-decision", "date of the decision on the type of response to a referral"),
    Concept("core_group", "core_group_date", "--core-group", "date of the first core group meeting"),
    Concept("cp_visit", "cp_visit_date", "--cp-visit", "date of the latest child protection visit"),
    Concept("fostering_start", "fostering_start_date", "--fostering-start", "(intended) start date of the private fostering arrangement"),
    Concept("fostering_notification", "fostering_notification_date", "--fostering-notice", "date the local authority received the private fostering notification"),
    Concept("fostering_visit", "fostering_visit_date", "--fostering-visit", "date of the (latest) private fostering visit"),
    Concept("fostering_end", "fostering_end_date", "--fostering-ended", "date the privately fostered child left the carer"),
    Concept("fostering_end_notice", "fostering_end_notice_date", "--fostering-end-notice", "date the carer told the local authority the arrangement had ended"),
    Concept("notice", "notice_date", "--notice", "s.21 notice expiry date, or (from 1 May 2026) the date specified in a s.8 notice"),
    Concept("partnership_report", "partnership_report_date", "--partnership-report", "publication date of the safeguarding partners' yearly report"),
    Concept("partnership_report_sent", "partnership_report_sent_date", "--partnership-report-sent", "date the yearly report was sent to the Panel and the What Works Centre"),
    Concept("reporting_period_end", "reporting_period_end_date", "--reporting-period-end", "last day of the yearly report's 12-month period"),
    Concept("child_death", "child_death_date", "--child-death", "date of the child's death"),
    Concept("cdr_notification", "cdr_notification_date", "--cdr-notified", "date the death was notified to the child death review partners"),
)  # fmt: skip

BY_KEY: dict[str, Concept] = {c.key: c for c in CONCEPTS}
BY_COLUMN: dict[str, Concept] = {c.column: c for c in CONCEPTS}
