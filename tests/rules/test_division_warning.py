"""Working Together deadlines on another division's calendar (issue 16 item 7)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar, get_calendar
from wtcheck.deadlines import compute
from wtcheck.rules import BY_ID

WARNING = (
    "Warning: counted on the {} calendar. Working Together applies in England and its "
    "deadlines use the England-and-Wales bank holidays (timescales §2): this result does not "
    "follow the guidance."
)


@pytest.mark.parametrize(
    ("division", "deadline"),
    [("scotland", date(2026, 6, 22)), ("northern-ireland", date(2026, 6, 19)),
     ("uk-any", date(2026, 6, 22))],
)  # fmt: skip
def test_another_division_is_counted_with_a_warning(division: str, deadline: date) -> None:
    """timescales §2: 'Never use the Scotland or Northern Ireland lists. WT applies to England
    only.' Scotland's 15 Jun 2026 holiday moves the SIN from 19 to 22 Jun."""
    (d,) = compute(BY_ID["sin-panel"], {"aware": date(2026, 6, 12)}, get_calendar(division))
    assert d.deadline == deadline
    assert WARNING.format(division) in d.notes


def test_england_and_wales_has_no_warning(ew: Calendar) -> None:
    (d,) = compute(BY_ID["sin-panel"], {"aware": date(2026, 6, 12)}, ew)
    assert d.deadline == date(2026, 6, 19)
    assert not any(n.startswith("Warning: counted on") for n in d.notes)


def test_legislation_rules_carry_no_working_together_warning() -> None:
    """The Housing Act rules are not Working Together's: no warning."""
    (d,) = compute(BY_ID["hl-relief"], {"satisfied": date(2026, 6, 12)}, get_calendar("scotland"))
    assert not any(n.startswith("Warning: counted on") for n in d.notes)
