"""wtcheck.calendar.workdays_array: numpy arrays in, the scalar Calendar's answers out."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.calendar.workdays_array import add_days, sub_days


def _days(values: list[date]) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


def test_add_and_sub_exact_dates() -> None:
    cal = Calendar("england-and-wales")
    # Fri 5 May 2023 + 5 skips Mon 8 May (coronation); from Sat 6 May the first
    # working day is also Tue 9 May, so both end on Mon 15 May
    got = add_days(cal, _days([date(2023, 5, 5), date(2023, 5, 6), date(2023, 5, 9)]), 5)
    assert got.tolist() == [date(2023, 5, 15), date(2023, 5, 15), date(2023, 5, 16)]
    # 7 working days before Tue 2 Jan 2024: New Year's Day, Boxing Day and
    # Christmas Day do not count (29, 28, 27, 22, 21, 20, 19 December)
    assert sub_days(cal, _days([date(2024, 1, 2)]), 7).tolist() == [date(2023, 12, 19)]
    assert add_days(cal, np.array(["2023-05-05"]), 5).tolist() == [date(2023, 5, 15)]


@pytest.mark.parametrize("division", ["england-and-wales", "scotland", "northern-ireland"])
@pytest.mark.parametrize("n", [1, 5, 15, 56])
def test_agrees_with_the_scalar_calendar(division: str, n: int) -> None:
    cal = Calendar(division)
    rng = random.Random(n)
    days = [date(2011, 1, 1) + timedelta(days=rng.randrange(20 * 366)) for _ in range(3000)]
    assert add_days(cal, _days(days), n).tolist() == [cal.add(d, n) for d in days]
    assert sub_days(cal, _days(days), n).tolist() == [cal.sub(d, n) for d in days]


def test_table_rebuilt_for_projected_years_and_back() -> None:
    cal = Calendar("england-and-wales")
    early, late = [date(2020, 12, 24)], [date(2035, 12, 24), date(2009, 12, 24)]
    assert add_days(cal, _days(early), 3).tolist() == [date(2020, 12, 31)]
    assert add_days(cal, _days(late), 3).tolist() == [cal.add(d, 3) for d in late]
    assert add_days(cal, _days(late), 3).tolist()[0] == date(2035, 12, 31)
    assert add_days(cal, _days(early), 3).tolist() == [date(2020, 12, 31)]


def test_nat_stays_nat_and_empty_stays_empty() -> None:
    cal = Calendar("england-and-wales")
    got = add_days(cal, np.array(["2023-05-05", "NaT"], dtype="datetime64[D]"), 5)
    assert got[0] == np.datetime64("2023-05-15") and np.isnat(got[1])
    assert add_days(cal, np.array([], dtype="datetime64[D]"), 5).shape == (0,)
    with pytest.raises(ValueError, match="n must be at least 1, got 0"):
        sub_days(cal, _days([date(2023, 5, 5)]), 0)
