"""The working-day engine, against the calendars.md anchor lists and at every edge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.data.anchors import ANCHORS
from wtcheck.calendar.data import DIVISIONS, load_data
from wtcheck.calendar.workdays import Calendar, add_workdays, get_calendar, sub_workdays
from wtcheck.errors import CalendarRangeError, InputError


def weekday_holidays(cal: Calendar, year: int) -> list[str]:
    return [
        f"{d:%m-%d}"
        for d in (date(year, 1, 1) + timedelta(days=i) for i in range(366))
        if d.year == year and d.weekday() < 5 and not cal.is_working(d)
    ]


@pytest.mark.parametrize("division", ["england-and-wales", "scotland", "northern-ireland"])
@pytest.mark.parametrize("year", range(2010, 2031))
def test_every_weekday_bank_holiday_matches_the_anchor_list(division: str, year: int) -> None:
    assert weekday_holidays(get_calendar(division), year) == list(ANCHORS[division][year])


def test_uk_any_is_the_union_never_the_intersection() -> None:
    cal = get_calendar("uk-any")
    expected = sorted({d for div in ANCHORS for d in ANCHORS[div][2026]})
    assert weekday_holidays(cal, 2026) == expected
    assert len(expected) == 14  # calendars.md: union 13 + Scotland 06-15
    assert not cal.is_working(date(2026, 8, 3))  # Scotland's August bank holiday
    assert not cal.is_working(date(2026, 7, 13))  # Northern Ireland, Battle of the Boyne


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (date(2012, 6, 4), "Spring bank holiday"),
        (date(2012, 6, 5), "Queen’s Diamond Jubilee"),
        (date(2020, 5, 8), "Early May bank holiday (VE day)"),
        (date(2022, 6, 2), "Spring bank holiday"),
        (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ],
)
def test_one_off_days_are_holidays_everywhere(day: date, title: str) -> None:
    for division in DIVISIONS:
        cal = get_calendar(division)
        assert not cal.is_working(day), division
    holiday = get_calendar("england-and-wales").holiday(day)
    assert holiday is not None and holiday.title == title


@pytest.mark.parametrize("day", [date(2012, 5, 28), date(2020, 5, 4), date(2022, 5, 30)])
def test_rule_dates_moved_away_are_working_days(day: date) -> None:
    assert get_calendar("england-and-wales").is_working(day)


def test_scotland_2026_06_15_is_patched_in_and_recorded() -> None:
    cal = get_calendar("scotland")
    assert not cal.is_working(date(2026, 6, 15))
    holiday = cal.holiday(date(2026, 6, 15))
    assert holiday is not None and holiday.origin == "patch"
    assert [p.date for p in load_data().patches_applied] == [date(2026, 6, 15)]
    assert get_calendar("england-and-wales").is_working(date(2026, 6, 15))


@pytest.mark.parametrize(
    ("year", "christmas", "boxing"),
    [
        (2016, date(2016, 12, 27), date(2016, 12, 26)),  # Christmas on a Sunday: sub is Tue 27
        (2022, date(2022, 12, 27), date(2022, 12, 26)),
        (2021, date(2021, 12, 27), date(2021, 12, 28)),  # Christmas on a Saturday
        (2027, date(2027, 12, 27), date(2027, 12, 28)),
    ],
)
def test_christmas_and_boxing_day_substitutes(year: int, christmas: date, boxing: date) -> None:
    cal = get_calendar("england-and-wales")
    assert not cal.is_working(christmas) and not cal.is_working(boxing)
    assert cal.is_working(date(year, 12, 29)) or date(year, 12, 29).weekday() >= 5


@pytest.mark.parametrize("day", [date(2022, 1, 4), date(2023, 1, 3), date(2028, 1, 4)])
def test_scottish_2_january_substitutes(day: date) -> None:
    assert not get_calendar("scotland").is_working(day)
    assert get_calendar("england-and-wales").is_working(day)


# --- the convention ---------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 12, 24), 1, date(2026, 12, 29)),  # Fri before Christmas
        (date(2026, 12, 26), 1, date(2026, 12, 29)),  # Saturday start: still the next working day
        (date(2026, 12, 25), 1, date(2026, 12, 29)),  # start on a bank holiday never counts
        (date(2023, 5, 5), 5, date(2023, 5, 15)),  # skips the coronation
        (date(2025, 12, 22), 5, date(2025, 12, 31)),
        (date(2025, 12, 31), 15, date(2026, 1, 22)),
        (date(2026, 4, 1), 5, date(2026, 4, 10)),  # Good Friday, Easter Monday
        (date(2026, 5, 1), 5, date(2026, 5, 11)),
        (date(2026, 5, 11), 15, date(2026, 6, 2)),
        (date(2026, 11, 23), 1, date(2026, 11, 24)),
    ],
)
def test_add_is_the_nth_working_day_strictly_after(
    start: date, n: int, expected: date, ew: Calendar
) -> None:
    assert ew.add(start, n) == expected


@pytest.mark.parametrize(
    ("target", "n", "expected"),
    [
        (date(2024, 2, 15), 7, date(2024, 2, 6)),  # Thu 15 → Tue 6
        (date(2026, 12, 29), 1, date(2026, 12, 24)),
        (
            date(2026, 12, 26),
            1,
            date(2026, 12, 24),
        ),  # P on a Saturday: P−1 is the working day before
        (date(2023, 5, 15), 5, date(2023, 5, 5)),
    ],
)
def test_sub_steps_back_from_target(target: date, n: int, expected: date, ew: Calendar) -> None:
    assert ew.sub(target, n) == expected


def test_clear_days_requires_whole_days_between(ew: Calendar) -> None:
    assert sub_workdays(ew, date(2024, 2, 15), 7) == date(2024, 2, 6)
    assert sub_workdays(ew, date(2024, 2, 15), 7, clear_days=True) == date(2024, 2, 5)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 2, 5), 5, date(2024, 2, 9)),  # Mon is day 1 → Fri
        (date(2024, 2, 5), 1, date(2024, 2, 5)),
        (date(2024, 2, 3), 5, date(2024, 2, 9)),  # a Saturday start is still not counted
        (date(2026, 12, 25), 1, date(2026, 12, 29)),
    ],
)
def test_count_start_day_option(start: date, n: int, expected: date, ew: Calendar) -> None:
    assert add_workdays(ew, start, n, count_start_day=True) == expected


def test_between_counts_start_excluded_end_included(ew: Calendar) -> None:
    assert ew.between(date(2026, 11, 23), date(2026, 11, 27)) == 4
    assert ew.between(date(2026, 11, 27), date(2026, 11, 23)) == -4
    assert ew.between(date(2026, 11, 23), date(2026, 11, 23)) == 0
    assert ew.between(date(2026, 12, 24), date(2026, 12, 29)) == 1


def test_next_previous_and_rolls(ew: Calendar) -> None:
    assert ew.next_working(date(2026, 12, 24)) == date(2026, 12, 29)
    assert ew.previous_working(date(2026, 12, 29)) == date(2026, 12, 24)
    assert ew.on_or_after(date(2026, 12, 26)) == date(2026, 12, 29)
    assert ew.on_or_after(date(2026, 12, 24)) == date(2026, 12, 24)
    assert ew.on_or_before(date(2026, 12, 27)) == date(2026, 12, 24)


def test_n_below_one_is_refused(ew: Calendar) -> None:
    with pytest.raises(ValueError, match="n must be at least 1, got 0"):
        ew.add(date(2026, 1, 5), 0)


# --- outside the GOV.UK years ------------------------------------------------


def test_projected_years_are_flagged() -> None:
    cal = Calendar("england-and-wales")
    assert not cal.is_projected(date(2028, 12, 20))
    assert cal.add(date(2028, 12, 22), 5) == date(2029, 1, 3)
    assert cal.is_projected(date(2028, 12, 22), date(2029, 1, 3))
    holiday = cal.holiday(date(2029, 1, 1))
    assert holiday is not None and holiday.origin == "projected"
    assert cal.add(date(2011, 4, 28), 1) == date(2011, 5, 3)  # royal wedding, early May
    assert cal.projected_years == frozenset({2011, 2029})


def test_past_2100_is_a_clear_error() -> None:
    cal = Calendar("england-and-wales")
    with pytest.raises(CalendarRangeError, match="2101 is outside the years wtcheck can count"):
        cal.add(date(2100, 12, 30), 5)


def test_unknown_division() -> None:
    with pytest.raises(InputError, match="unknown division 'wales'"):
        Calendar("wales")


def test_closures_are_non_working_and_named() -> None:
    cal = Calendar("england-and-wales", closures=[(date(2026, 12, 29), "Christmas closure")])
    assert not cal.is_working(date(2026, 12, 29))
    assert cal.add(date(2026, 12, 24), 1) == date(2026, 12, 30)
    holiday = cal.holiday(date(2026, 12, 29))
    assert holiday is not None and (holiday.origin, holiday.title) == (
        "closure",
        "Christmas closure",
    )


# --- properties ---------------------------------------------------------------

DATES = st.dates(min_value=date(2012, 1, 1), max_value=date(2028, 10, 1))
NS = st.integers(min_value=1, max_value=60)


@settings(max_examples=300, deadline=None)
@given(DATES, NS)
def test_add_then_count_back(start: date, n: int) -> None:
    cal = get_calendar("england-and-wales")
    end = cal.add(start, n)
    assert cal.between(start, end) == n
    assert cal.is_working(end)
    assert cal.sub(end, n) == cal.on_or_before(start) or not cal.is_working(start)
    if cal.is_working(start):
        assert cal.sub(end, n) == start


@settings(max_examples=300, deadline=None)
@given(DATES, DATES, NS)
def test_deadlines_move_monotonically_with_the_trigger(a: date, b: date, n: int) -> None:
    cal = get_calendar("scotland")
    if a <= b:
        assert cal.add(a, n) <= cal.add(b, n)
        assert cal.sub(a, n) <= cal.sub(b, n)


@settings(max_examples=200, deadline=None)
@given(DATES, NS)
def test_add_agrees_with_a_plain_loop(start: date, n: int) -> None:
    cal = get_calendar("northern-ireland")
    d, left = start, n
    while left:
        d += timedelta(days=1)
        if cal.is_working(d):
            left -= 1
    assert cal.add(start, n) == d


def test_a_failed_extension_leaves_the_calendar_usable() -> None:
    cal = Calendar("england-and-wales")
    with pytest.raises(CalendarRangeError):
        cal.add(date(2100, 12, 30), 5)
    assert cal.add(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert cal.sub(date(2012, 1, 3), 1) == date(2011, 12, 30)
    assert weekday_holidays(cal, 2011) == list(ANCHORS["england-and-wales"][2011])
