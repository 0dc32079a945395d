"""The rapid review's literal reading under the 9 Dec 2020 re-issue (issue 16 item 8)."""

from __future__ import annotations

from datetime import date

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import compute
from wtcheck.rules import BY_ID

CASE = {"incident": date(2021, 3, 1), "notification": date(2021, 3, 8)}


def test_the_literal_reading_is_in_the_default_results_notes(ew: Calendar) -> None:
    """WT2018 Dec 2020 p.96 table: 15 working days 'of the incident' (seeds/000;
    verification §11 item 2): shown as a warning, the status stays by the default anchor."""
    found = compute(BY_ID["rr-submit"], {**CASE, "rapid_review": date(2021, 3, 25)}, ew)
    assert [(d.anchor, d.deadline) for d in found] == [
        ("notification", date(2021, 3, 29)),
        ("incident (literal reading)", date(2021, 3, 22)),
    ]
    assert found[0].notes[-1] == (
        "Literal reading (Working Together 2018 (re-issued 9 Dec 2020), '15 working days of "
        "the incident'): due Mon 22 Mar 2021, counted from Mon 1 Mar 2021. Late on that "
        "reading: 3 working days after it."
    )


def test_a_review_on_the_literal_day_is_met_on_that_reading(ew: Calendar) -> None:
    found = compute(BY_ID["rr-submit"], {**CASE, "rapid_review": date(2021, 3, 22)}, ew)
    assert found[0].notes[-1].endswith("counted from Mon 1 Mar 2021. Met on that reading too.")
    late = compute(BY_ID["rr-submit"], {**CASE, "rapid_review": date(2021, 3, 23)}, ew)
    assert late[0].notes[-1].endswith("Late on that reading: 1 working day after it.")


def test_no_literal_reading_before_the_re_issue(ew: Calendar) -> None:
    dates = {"incident": date(2020, 12, 1), "notification": date(2020, 12, 8)}
    found = compute(BY_ID["rr-submit"], dates, ew)
    assert [d.anchor for d in found] == ["notification"]
    assert not any(n.startswith("Literal reading") for n in found[0].notes)
