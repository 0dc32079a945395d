"""The private-fostering end notice, read two ways (verification §12.15)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import compute
from wtcheck.rules import BY_ID


@pytest.mark.parametrize(
    ("left", "after", "before"),
    [(date(2024, 3, 6), date(2024, 3, 8), date(2024, 3, 4)),
     (date(2024, 3, 1), date(2024, 3, 3), date(2024, 2, 28))],
)  # fmt: skip
def test_both_readings_are_shown(left: date, after: date, before: date, ew: Calendar) -> None:
    """Norfolk MI sheet 18/06: 'Within 48 hours of when the child is no longer in their care';
    Lincolnshire: 'at least 48 hours before a child leaves your care'. SI 2005/1533 reg 10's
    own words are unread, so both are shown; the default stays 'after'."""
    (d,) = compute(BY_ID["pf-end"], {"fostering_end": left}, ew)
    assert d.deadline == after
    assert d.notes[0] == (
        "Other reading (Lincolnshire): notice at least 48 hours before the child leaves, at "
        f"the latest on {before:%a} {before.day} {before:%b %Y}."
    )
