"""What the homelessness tests mean (issue 16 items 2-5): Housing Act 1996 Part 7."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import Deadline, Options, check_outcome, check_position, compute
from wtcheck.rules import BY_ID
from wtcheck.rules.model import Kind

D = date


def one(rule: str, dates: dict[str, date], cal: Calendar, opts: Options | None = None) -> Deadline:
    found = compute(BY_ID[rule], dates, cal, opts or Options())
    assert len(found) == 1, found
    return found[0]


# -- item 2: homeless already, or the notice expired --------------------------------------


@pytest.mark.parametrize(
    ("homeless", "threatened"),
    [(D(2026, 3, 19), False), (D(2026, 3, 20), True), (D(2026, 5, 15), True)],
)
def test_homeless_before_the_assessment_is_homeless_not_threatened(
    homeless: date, threatened: bool, ew: Calendar
) -> None:
    """s.175(4): 'likely to become homeless within 56 days'. A homelessness date before the
    assessment means the person is homeless: the relief duty (s.189B) is in point."""
    d = one("hl-threat", {"homeless": homeless, "assessment": D(2026, 3, 20)}, ew)
    assert d.threatened is threatened
    relief = any("the relief duty (s.189B, hl-relief) is the one in point" in n for n in d.notes)
    assert relief is not threatened


@pytest.mark.parametrize(
    ("notice", "threatened"),
    [(D(2026, 3, 19), False), (D(2026, 3, 20), True), (D(2026, 5, 15), True)],
)
def test_a_notice_expired_before_the_assessment_fails_s175_5(
    notice: date, threatened: bool, ew: Calendar
) -> None:
    """s.175(5) (from 3 Apr 2018): a valid s.21 notice that 'will expire' within 56 days.
    An expired one fails it; s.175(4) and s.195(6) are named (verification §8.3)."""
    d = one("hl-s21", {"notice": notice, "assessment": D(2026, 3, 20)}, ew)
    assert d.threatened is threatened
    said = any("may still be threatened under s.175(4)" in n and "s.195(6)" in n for n in d.notes)
    assert said is not threatened


def test_the_issue_16_example(ew: Calendar) -> None:
    """--homeless 2026-03-01 --notice 2026-02-10 --assessed 2026-03-20: neither is threatened."""
    dates = {"homeless": D(2026, 3, 1), "notice": D(2026, 2, 10), "assessment": D(2026, 3, 20)}
    assert one("hl-threat", dates, ew).threatened is False
    assert one("hl-s21", dates, ew).threatened is False


# -- item 3: the duty to refer is a check --------------------------------------------------


def test_the_duty_to_refer_is_a_check_from_1_october_2018(ew: Calendar) -> None:
    """s.213B sets no time limit; in force 1 Oct 2018 (SI 2018/223 Part 4; timescales §4E
    HL-REFER: 'a check, not a deadline')."""
    rule = BY_ID["hl-refer"]
    assert (rule.kind, rule.force.value) == (Kind.CHECK, "statutory")
    d = one("hl-refer", {"homeless": D(2026, 3, 1), "referral_to_housing": D(2026, 1, 10)}, ew)
    assert (d.deadline, d.is_deadline) == (D(2026, 1, 4), False)
    assert check_position(d, D(2026, 1, 3)) == "before the window opened"
    assert check_position(d, D(2026, 1, 4)) == "within the window"
    assert check_position(d, D(2026, 3, 1)) == "within the window"
    assert check_position(d, D(2026, 3, 2)) == "after the homelessness date"
    assert d.notes[0] == (
        "Check: the date of the referral to the housing authority on Sat 10 Jan 2026 was "
        "within the window (Sun 4 Jan 2026 to Sun 1 Mar 2026). No time limit applies (a check, "
        "not a deadline): it is never late."
    )


@pytest.mark.parametrize(
    ("as_of", "text"),
    [
        (D(2026, 1, 3), "Check: none recorded; the window opens on Sun 4 Jan 2026."),
        (D(2026, 1, 4), "Check: none recorded and the window is open (Sun 4 Jan 2026 to "
                        "Sun 1 Mar 2026): consider it now."),
        (D(2026, 3, 1), "Check: none recorded and the window is open (Sun 4 Jan 2026 to "
                        "Sun 1 Mar 2026): consider it now."),
        (D(2026, 3, 2), "Check: none recorded; the window (Sun 4 Jan 2026 to Sun 1 Mar 2026) "
                        "has passed."),
    ],
)  # fmt: skip
def test_a_check_with_no_referral_says_whether_the_window_is_open(
    as_of: date, text: str, ew: Calendar
) -> None:
    """timescales §4E HL-REFER: 'flag when the expected homelessness date is <= today + 56
    days and no referral is recorded'; never 'overdue'."""
    d = one("hl-refer", {"homeless": D(2026, 3, 1)}, ew)
    assert check_outcome(d, None, as_of) == text


@pytest.mark.parametrize(
    ("homeless", "opens"),
    [(D(2018, 9, 30), None), (D(2018, 10, 1), D(2018, 10, 1)), (D(2018, 11, 26), D(2018, 10, 1)),
     (D(2018, 11, 27), D(2018, 10, 2))],
)  # fmt: skip
def test_nothing_is_reported_before_the_duty_to_refer(
    homeless: date, opens: date | None, ew: Calendar
) -> None:
    """s.213B commenced 1 Oct 2018: no window before it, and none opens earlier."""
    found = compute(BY_ID["hl-refer"], {"homeless": homeless}, ew)
    assert [d.deadline for d in found] == ([opens] if opens else [])


def test_a_2015_and_a_2017_case_get_nothing(ew: Calendar) -> None:
    for homeless in (D(2015, 6, 1), D(2017, 6, 1)):
        assert compute(BY_ID["hl-refer"], {"homeless": homeless}, ew) == []
    assert check_position(one("hl-refer", {"homeless": D(2018, 10, 20)}, ew), D(2018, 9, 30)) == (
        "before the duty"
    )


def test_thresholds_record_no_completion() -> None:
    """The referral is hl-refer's (a check): the 56-day tests are not deadlines it can miss."""
    assert BY_ID["hl-threat"].completion is None
    assert BY_ID["hl-s21"].completion is None


# -- item 4: --inclusive changes the homelessness tests only -------------------------------


def test_inclusive_does_not_move_pf_28(ew: Calendar) -> None:
    """CA 1989 s.66: 28 days from the start; --inclusive exists for s.175(4)/(5) alone."""
    start = {"fostering_start": D(2024, 1, 1)}
    assert one("pf-28", start, ew, Options(inclusive=True)).deadline == D(2024, 1, 29)
    assert one("pf-28", start, ew).deadline == D(2024, 1, 29)


def test_inclusive_still_moves_the_homelessness_test(ew: Calendar) -> None:
    """timescales §3 rule 4: --inclusive uses assessment + 55."""
    dates = {"homeless": D(2026, 3, 1), "assessment": D(2026, 1, 10)}
    assert one("hl-threat", dates, ew).deadline == D(2026, 1, 4)
    assert one("hl-threat", dates, ew, Options(inclusive=True)).deadline == D(2026, 1, 5)


# -- item 5: the window before 3 April 2018 ------------------------------------------------


@pytest.mark.parametrize(
    ("homeless", "opens", "length"),
    [
        (D(2018, 4, 16), D(2018, 3, 19), 28),  # issue 16's example
        (D(2018, 4, 30), D(2018, 4, 2), 28),  # 2 Apr: last day of the 28-day test
        (D(2018, 5, 1), D(2018, 4, 3), 56),  # 28 days before is 3 Apr: the 56-day test
        (D(2018, 5, 29), D(2018, 4, 3), 56),
        (D(2018, 5, 30), D(2018, 4, 4), 56),
    ],
)
def test_the_window_goes_by_the_application_date_it_would_contain(
    homeless: date, opens: date, length: int, ew: Calendar
) -> None:
    """HA 1996 s.175(4): 28 days for applications before 3 Apr 2018 (HRA 2017), 56 from."""
    d = one("hl-threat", {"homeless": homeless}, ew)
    assert (d.deadline, d.length) == (opens, length)


@pytest.mark.parametrize(
    ("notice", "opens"),
    [(D(2018, 4, 10), D(2018, 4, 3)), (D(2018, 5, 29), D(2018, 4, 3)),
     (D(2018, 5, 30), D(2018, 4, 4))],
)  # fmt: skip
def test_the_notice_window_never_opens_before_s175_5_existed(
    notice: date, opens: date, ew: Calendar
) -> None:
    """s.175(5) was inserted by the HRA 2017 from 3 Apr 2018."""
    assert one("hl-s21", {"notice": notice}, ew).deadline == opens


# -- §12.18: the landlord sector ------------------------------------------------------------


@pytest.mark.parametrize(
    ("landlord", "starts"),
    [
        (None, "Landlord sector not given (--landlord private|social)"),
        ("private", "Private tenancy: from 1 May 2026 s.175(5) uses the date specified"),
        ("social", "Social housing tenancy: the 1 May 2026 change to s.21 notices"),
    ],
)
def test_the_1_may_2026_change_depends_on_the_landlord(
    landlord: str | None, starts: str, ew: Calendar
) -> None:
    """SI 2026/421 reg 2: from 1 May 2026 for assured tenancies that are not social housing
    (verification §12.18)."""
    dates = {"notice": D(2026, 6, 1), "assessment": D(2026, 5, 1)}
    d = one("hl-s21", dates, ew, Options(landlord=landlord))
    assert any(n.startswith(starts) for n in d.notes)
    eve = one("hl-s21", {**dates, "assessment": D(2026, 4, 30)}, ew, Options(landlord=landlord))
    assert not any(n.startswith(starts) for n in eve.notes)
    assert "Valid s.21 notice: compare its expiry date (s.175(5))." in eve.notes


@pytest.mark.parametrize(
    ("landlord", "starts"),
    [
        (None, "Landlord sector not given (--landlord private|social): from 1 May 2026 s.195(6)"),
        ("private", "Private tenancy: s.195(6) as amended by the Renters' Rights Act 2025"),
        ("social", "Social housing tenancy: s.21 notices were not abolished on 1 May 2026"),
    ],
)
def test_the_prevention_duty_bar_depends_on_the_landlord(
    landlord: str | None, starts: str, ew: Calendar
) -> None:
    """s.195(6) (verification §8.3, §8.5) and SI 2026/421 reg 2 (§12.18)."""
    d = one("hl-prev", {"satisfied": D(2026, 5, 1)}, ew, Options(landlord=landlord))
    assert any(n.startswith(starts) for n in d.notes)
    eve = one("hl-prev", {"satisfied": D(2026, 4, 30)}, ew, Options(landlord=landlord))
    assert not any(n.startswith(starts) for n in eve.notes)
    assert eve.notes[0].startswith("Not on the 56-day ground while a valid s.21 notice")
