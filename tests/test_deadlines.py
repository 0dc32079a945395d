"""The headline rules, with exact dates (verification.md §10 and timescales.md §3)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import Deadline, Options, compute, deadlines_for
from wtcheck.errors import InputError
from wtcheck.rules import BY_ID, RULES


def one(rule: str, dates: dict[str, date], cal: Calendar, opts: Options | None = None) -> Deadline:
    found = compute(BY_ID[rule], dates, cal, opts or Options())
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("aware", "sin", "rr_from_sin", "rr_from_aware"),
    [
        (date(2025, 12, 22), date(2025, 12, 31), date(2026, 1, 22), date(2026, 1, 15)),
        (date(2026, 4, 1), date(2026, 4, 10), date(2026, 5, 1), date(2026, 4, 24)),
        (date(2026, 5, 1), date(2026, 5, 11), date(2026, 6, 2), date(2026, 5, 26)),
    ],
)
def test_worked_examples_of_verification_md(
    aware: date, sin: date, rr_from_sin: date, rr_from_aware: date, ew: Calendar
) -> None:
    assert one("sin-panel", {"aware": aware}, ew).deadline == sin
    rr = one("rr-submit", {"aware": aware}, ew)
    assert (rr.deadline, rr.trigger, rr.trigger_date, rr.anchor) == (
        rr_from_sin,
        "notification",
        sin,
        "notification",
    )
    assert rr.notes[1].startswith(
        "No notification date given: counted from the last permitted day under sin-panel"
    )
    by_awareness = one("rr-submit", {"aware": aware}, ew, Options(rr_anchor="awareness"))
    assert (by_awareness.deadline, by_awareness.anchor) == (rr_from_aware, "awareness")
    assert by_awareness.notes[0] == "Anchor: awareness (chosen with --rr-anchor)."


def test_rapid_review_counts_from_the_actual_notification(ew: Calendar) -> None:
    rr = one("rr-submit", {"aware": date(2025, 12, 22), "notification": date(2025, 12, 23)}, ew)
    assert (rr.trigger_date, rr.deadline) == (date(2025, 12, 23), date(2026, 1, 16))
    assert rr.notes[0].startswith("Anchor: notification (default:")


def test_dec_2020_reissue_also_reports_the_literal_incident_reading(ew: Calendar) -> None:
    found = compute(
        BY_ID["rr-submit"], {"incident": date(2021, 2, 25), "notification": date(2021, 3, 1)}, ew
    )
    assert [(d.anchor, d.trigger_date, d.deadline, d.edition) for d in found] == [
        ("notification", date(2021, 3, 1), date(2021, 3, 22), "wt2018-dec2020"),
        ("incident (literal reading)", date(2021, 2, 25), date(2021, 3, 18), "wt2018-dec2020"),
    ]
    assert (
        found[1]
        .notes[0]
        .startswith("Warning: literal reading of Working Together 2018 (re-issued 9 Dec 2020)")
    )


def test_no_literal_reading_outside_the_dec_2020_reissue(ew: Calendar) -> None:
    found = compute(
        BY_ID["rr-submit"], {"incident": date(2024, 2, 1), "notification": date(2024, 2, 5)}, ew
    )
    assert [(d.anchor, d.edition) for d in found] == [("notification", "wt2023")]


@pytest.mark.parametrize(
    ("aware", "rule", "edition"),
    [
        (date(2015, 3, 25), None, None),
        (date(2015, 3, 26), "notif-ofsted-2015", "wt2015"),
        (date(2018, 6, 28), "notif-ofsted-2015", "wt2015"),
        (date(2018, 6, 29), "sin-panel", "wt2018"),
        (date(2020, 12, 8), "sin-panel", "wt2018"),
        (date(2020, 12, 9), "sin-panel", "wt2018-dec2020"),
        (date(2023, 12, 14), "sin-panel", "wt2018-dec2020"),
        (date(2023, 12, 15), "sin-panel", "wt2023"),
    ],
)
def test_notification_rule_and_edition_by_awareness_date(
    aware: date, rule: str | None, edition: str | None, ew: Calendar
) -> None:
    found = [
        d
        for d in deadlines_for({"aware": aware}, ew)
        if d.rule.id in {"sin-panel", "notif-ofsted-2015"}
    ]
    assert [(d.rule.id, d.edition) for d in found] == ([] if rule is None else [(rule, edition)])


def test_lcspr_prepub_steps_back_and_is_marked_unverified(ew: Calendar) -> None:
    d = one("lcspr-prepub", {"lcspr_publication": date(2024, 2, 15)}, ew)
    assert d.deadline == date(2024, 2, 6)
    assert "Unverified: this timescale has not been checked against its primary source." in d.notes
    assert one(
        "lcspr-prepub", {"lcspr_publication": date(2024, 2, 15)}, ew, Options(clear_days=True)
    ).deadline == date(2024, 2, 5)
    # across the coronation: Mon 15 May 2023 back 7 working days skips Mon 8 May
    assert one("lcspr-prepub", {"lcspr_publication": date(2023, 5, 15)}, ew).deadline == date(
        2023, 5, 3
    )


@pytest.mark.parametrize(
    ("decision", "due"),
    [
        (date(2024, 8, 31), date(2025, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2024, 3, 15), date(2024, 9, 15)),
        (date(2024, 4, 30), date(2024, 10, 30)),
    ],
)
def test_lcspr_complete_months_clamp_to_month_end(decision: date, due: date, ew: Calendar) -> None:
    assert one("lcspr-complete", {"lcspr_decision": decision}, ew).deadline == due


def test_homelessness_threat_window_and_test(ew: Calendar) -> None:
    d = one("hl-threat", {"homeless": date(2026, 3, 1), "assessment": date(2026, 1, 10)}, ew)
    assert (d.deadline, d.threatened, d.length) == (date(2026, 1, 4), True, 56)
    assert (
        "Threatened with homelessness: Sun 1 Mar 2026 is on or before Sat 10 Jan 2026 + 56 days = Sat 7 Mar 2026."
        in d.notes
    )
    # the day a window opens is information: no "previous working day" hint (issue 16 item 3)
    assert not any("is not a working day" in n for n in d.notes)
    (relief,) = compute(BY_ID["hl-relief"], {"satisfied": date(2026, 1, 12)}, ew)
    assert relief.notes[-1] == (
        "Sun 8 Mar 2026 is not a working day; no source moves the date "
        "(previous working day: Fri 6 Mar 2026)"
    )
    # exactly assessment + 56 is within; + 57 is not
    assert (
        one(
            "hl-threat", {"homeless": date(2026, 3, 7), "assessment": date(2026, 1, 10)}, ew
        ).threatened
        is True
    )
    assert (
        one(
            "hl-threat", {"homeless": date(2026, 3, 8), "assessment": date(2026, 1, 10)}, ew
        ).threatened
        is False
    )
    # --inclusive: + 55
    inclusive = one(
        "hl-threat",
        {"homeless": date(2026, 3, 7), "assessment": date(2026, 1, 10)},
        ew,
        Options(inclusive=True),
    )
    assert (inclusive.threatened, inclusive.deadline) == (False, date(2026, 1, 11))


def test_homelessness_threat_was_28_days_before_3_april_2018(ew: Calendar) -> None:
    before = one("hl-threat", {"homeless": date(2018, 4, 20), "assessment": date(2018, 4, 2)}, ew)
    assert (before.length, before.deadline, before.threatened) == (28, date(2018, 3, 23), True)
    after = one("hl-threat", {"homeless": date(2018, 4, 20), "assessment": date(2018, 4, 3)}, ew)
    assert (after.length, after.deadline) == (56, date(2018, 2, 23))


def test_s8_notice_note_from_1_may_2026(ew: Calendar) -> None:
    """Renters' Rights Act 2025, for private tenancies (SI 2026/421 reg 2; verification §12.18)."""
    dates = {"notice": date(2026, 6, 1), "assessment": date(2026, 5, 1)}
    d = one("hl-s21", dates, ew, Options(landlord="private"))
    assert any(
        n.startswith("Private tenancy: from 1 May 2026 s.175(5) uses the date specified")
        for n in d.notes
    )
    assert not any(n.startswith("Valid s.21 notice") for n in d.notes)


@pytest.mark.parametrize("rule", ["hl-prev", "hl-relief"])
def test_56_days_beginning_with_includes_the_first_day(rule: str, ew: Calendar) -> None:
    d = one(rule, {"satisfied": date(2026, 1, 10)}, ew)
    assert d.deadline == date(2026, 3, 6)  # 10 Jan is day 1, 6 Mar is day 56
    assert compute(BY_ID[rule], {"satisfied": date(2018, 4, 2)}, ew) == []  # before the HRA 2017


def test_edition_override_selects_rules_of_that_edition(ew: Calendar) -> None:
    found = deadlines_for({"aware": date(2016, 3, 1)}, ew, Options(edition="wt2023"))
    assert [(d.rule.id, d.edition, d.deadline) for d in found] == [
        ("sin-panel", "wt2023", date(2016, 3, 8)),
        ("rr-submit", "wt2023", date(2016, 3, 31)),  # Easter 2016: 25 and 28 March
        ("sin-partners", "wt2023", date(2016, 3, 8)),
    ]


def test_unknown_anchor(ew: Calendar) -> None:
    with pytest.raises(InputError, match="unknown anchor 'panel' for rr-submit"):
        compute(BY_ID["rr-submit"], {"aware": date(2024, 1, 1)}, ew, Options(rr_anchor="panel"))


def test_every_rule_cites_a_source_and_has_a_force() -> None:
    for rule in RULES:
        assert rule.cites, rule.id
        assert rule.force.value in {"statutory", "guidance"}, rule.id
        assert rule.id == rule.id.lower()
