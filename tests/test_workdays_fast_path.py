"""The inlined fast paths of Calendar.add/sub give the slow path's answers at every edge.

The table starts with the GOV.UK data's first year (2012) and ends with its
last (2028); answers just inside and just outside either end must be the same
as a day-by-day walk, and an out-of-range index must never wrap around.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wtcheck.calendar.workdays import Calendar


def walk(cal: Calendar, start: date, n: int, step: int) -> date:
    d, left = start, n
    while left:
        d += timedelta(days=step)
        if cal.is_working(d):
            left -= 1
    return d


@pytest.fixture(scope="module")
def reference() -> Calendar:
    cal = Calendar("england-and-wales")
    cal.is_working(date(2009, 1, 1))  # extend both ways once, so walking never rebuilds
    cal.is_working(date(2031, 12, 31))
    return cal


EDGES = [
    date(2012, 1, 1),
    date(2012, 1, 2),
    date(2012, 1, 3),
    date(2012, 1, 20),
    date(2028, 12, 1),
    date(2028, 12, 22),
    date(2028, 12, 29),
    date(2028, 12, 31),
    date(2011, 12, 30),
    date(2029, 1, 2),
]


@pytest.mark.parametrize("start", EDGES)
@pytest.mark.parametrize("n", [1, 5, 15, 40])
def test_fresh_calendar_agrees_with_a_walk_at_the_table_edges(
    start: date, n: int, reference: Calendar
) -> None:
    add_cal, sub_cal = Calendar("england-and-wales"), Calendar("england-and-wales")
    assert add_cal.add(start, n) == walk(reference, start, n, +1)
    assert sub_cal.sub(start, n) == walk(reference, start, n, -1)
    o = start.toordinal()
    fresh = Calendar("england-and-wales")
    assert fresh.add_ordinal(o, n) == walk(reference, start, n, +1).toordinal()
    assert fresh.sub_ordinal(o, n) == walk(reference, start, n, -1).toordinal()


def test_sub_near_the_start_extends_instead_of_wrapping_round() -> None:
    cal = Calendar("england-and-wales")
    # 2012-01-03 Tue; back 2 working days: Mon 2 Jan 2012 is a bank holiday,
    # so the answer is Thu 29 Dec 2011, not a day from the end of the table.
    assert cal.sub(date(2012, 1, 3), 2) == date(2011, 12, 29)
    assert cal.projected_years == frozenset({2011})


@pytest.mark.parametrize("n", [0, -1])
def test_n_below_one_is_refused_by_every_entry_point(n: int) -> None:
    cal = Calendar("england-and-wales")
    o = date(2026, 1, 5).toordinal()
    for call in (
        lambda: cal.add(date(2026, 1, 5), n),
        lambda: cal.sub(date(2026, 1, 5), n),
        lambda: cal.add_ordinal(o, n),
        lambda: cal.sub_ordinal(o, n),
    ):
        with pytest.raises(ValueError, match=f"n must be at least 1, got {n}"):
            call()


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2011, 6, 1), max_value=date(2029, 6, 30)),
    st.integers(min_value=1, max_value=30),
)
def test_add_and_sub_agree_with_a_walk_across_the_edges(start: date, n: int) -> None:
    reference = Calendar("england-and-wales")
    reference.is_working(date(2009, 1, 1))
    reference.is_working(date(2031, 12, 31))
    cal = Calendar("england-and-wales", data=reference.data)
    assert cal.add(start, n) == walk(reference, start, n, +1)
    assert cal.sub(start, n) == walk(reference, start, n, -1)
