"""Whether a rule applies to the case at all: rapid reviews after deaths (issue 16 item 1)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import compute, conditional, context_dates, deadlines_for, excluded
from wtcheck.rules import BY_ID

RR = BY_ID["rr-submit"]


def test_no_rapid_review_after_a_care_leavers_death(ew: Calendar) -> None:
    """timescales §4A SIN-CARELEAVER: no rapid review unless the person was under 18;
    Slough procedures (verification §12.4): it 'does not require a rapid review'."""
    dates = {"care_leaver_death_aware": date(2025, 3, 3), "notification": date(2025, 3, 5)}
    assert compute(RR, dates, ew) == []
    reason = excluded(RR, dates)
    assert reason is not None and reason.startswith("no rapid review follows the death of a care")
    found = deadlines_for(dates, ew)
    assert [(d.rule.id, d.deadline) for d in found] == [("sin-careleaver", date(2025, 3, 10))]
    assert found[0].notes[-1] == f"No rr-submit: {reason}"


def test_a_serious_incident_date_brings_the_rapid_review_back(ew: Calendar) -> None:
    """The other side: with --aware (the serious incident criteria met) the review is due."""
    dates = {
        "care_leaver_death_aware": date(2025, 3, 3),
        "aware": date(2025, 3, 3),
        "notification": date(2025, 3, 5),
    }
    (rr,) = compute(RR, dates, ew)
    assert (rr.deadline, rr.conditional) == (date(2025, 3, 26), "")
    assert excluded(RR, dates) is None


def test_a_looked_after_childs_death_gives_a_conditional_rapid_review(ew: Calendar) -> None:
    """GOV.UK 'Report a serious child safeguarding incident' (verification §12.3): the Panel
    'will not consider the deaths of looked-after children where abuse or neglect is not
    known or suspected'; the data cannot say which, so the review is conditional."""
    dates = {"lac_death_aware": date(2025, 3, 3), "notification": date(2025, 3, 5)}
    (rr,) = compute(RR, dates, ew)
    assert rr.deadline == date(2025, 3, 26)
    assert rr.conditional.startswith("a looked-after child's death gives a rapid review only")
    assert rr.notes[0] == f"Conditional: {rr.conditional}"
    assert conditional(RR, dates) == rr.conditional
    plain = compute(RR, {**dates, "aware": date(2025, 3, 3)}, ew)
    assert plain[0].conditional == ""


@pytest.mark.parametrize(
    ("aware", "deadline"),
    [(date(2025, 3, 3), date(2025, 3, 10)), (date(2025, 3, 7), date(2025, 3, 14))],
)
def test_a_looked_after_childs_death_is_notified_within_5_working_days(
    aware: date, deadline: date, ew: Calendar
) -> None:
    """GOV.UK (verification §12.3): 'You must do this within 5 working days of becoming
    aware', whether or not abuse or neglect is suspected: now verified."""
    rule = BY_ID["sin-lac"]
    (d,) = compute(rule, {"lac_death_aware": aware}, ew)
    assert (d.deadline, rule.verified) == (deadline, True)
    assert rule.cites[0].evidence.value == "primary"


def test_the_audit_is_told_which_dates_the_gates_read() -> None:
    assert context_dates(RR) == [
        "rapid_review",
        "care_leaver_death_aware",
        "lac_death_aware",
        "aware",
    ]
