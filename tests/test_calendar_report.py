"""Listings, month grids, data info and the staleness threshold (fixed dates only)."""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.data import load_data
from wtcheck.calendar.report import (
    DayKind,
    data_info,
    list_range,
    month_grid,
    months_from,
    non_working_weekdays,
    origin_label,
    time_left,
)
from wtcheck.calendar.staleness import is_stale, needed_until, stale_warning
from wtcheck.calendar.workdays import Calendar
from wtcheck.errors import InputError

END = date(2028, 12, 26)  # last date of the bundled GOV.UK data


@pytest.mark.parametrize(
    ("as_of", "stale"),
    [
        (date(2026, 11, 22), False),
        (date(2027, 12, 25), False),
        (date(2027, 12, 26), False),  # + 12 months = 2028-12-26, still covered
        (date(2027, 12, 27), True),  # + 12 months = 2028-12-27, one day past the data
        (date(2028, 6, 1), True),
        (date(2029, 3, 1), True),  # data already over
    ],
)
def test_stale_boundary(as_of: date, stale: bool) -> None:
    assert is_stale(END, as_of) is stale


def test_needed_until_clamps_month_end() -> None:
    assert needed_until(date(2028, 2, 29)) == date(2029, 2, 28)
    assert needed_until(date(2027, 12, 26)) == date(2028, 12, 26)
    # data ending 2029-02-28 is fresh on 29 Feb 2028 (needs exactly 2029-02-28)
    assert not is_stale(date(2029, 2, 28), date(2028, 2, 29))
    assert is_stale(date(2029, 2, 27), date(2028, 2, 29))


def test_stale_warning_text() -> None:
    assert stale_warning(END, date(2027, 12, 26)) is None
    assert stale_warning(END, date(2028, 1, 5)) == (
        "the bank-holiday data ends on 2028-12-26, within 12 months of 2028-01-05; "
        "'wtcheck calendar info' says how to refresh it"
    )


@pytest.mark.parametrize(
    ("as_of", "text"),
    [
        (date(2026, 11, 22), "2 years, 1 month and 4 days (765 days)"),
        (date(2027, 12, 26), "1 year (366 days)"),
        (date(2028, 12, 25), "1 day"),
        (date(2028, 12, 26), "ends today"),
        (date(2029, 1, 5), "ended 10 days ago"),
    ],
)
def test_time_left(as_of: date, text: str) -> None:
    assert time_left(as_of, END) == text


def test_origin_labels() -> None:
    assert [
        origin_label(o)
        for o in ("govuk-bundled", "govuk-imported", "govuk-file", "patch", "projected", "closure")
    ] == [
        "GOV.UK bundled",
        "GOV.UK imported",
        "GOV.UK file",
        "patch",
        "projected",
        "local closure",
    ]


def test_list_range() -> None:
    data = load_data()
    assert list_range(data, 2026, None, None) == (date(2026, 1, 1), date(2026, 12, 31))
    assert list_range(data, None, None, None) == (date(2012, 1, 1), date(2028, 12, 31))
    assert list_range(data, None, date(2027, 3, 1), None) == (date(2027, 3, 1), date(2028, 12, 31))
    with pytest.raises(InputError, match="either --year or --from/--to"):
        list_range(data, 2026, date(2026, 1, 1), None)
    with pytest.raises(InputError, match="--to 2026-01-01 is before --from 2026-02-01"):
        list_range(data, None, date(2026, 2, 1), date(2026, 1, 1))


def test_non_working_weekdays_with_origins() -> None:
    cal = Calendar(
        "scotland",
        closures=[(date(2026, 6, 16), "Office move"), (date(2026, 6, 20), "Saturday: ignored")],
    )
    days = non_working_weekdays(cal, date(2026, 5, 25), date(2026, 6, 30))
    assert [(h.date, h.title, h.origin) for h in days] == [
        (date(2026, 5, 25), "Spring bank holiday", "govuk-bundled"),
        (date(2026, 6, 15), "World Cup bank holiday", "patch"),
        (date(2026, 6, 16), "Office move", "closure"),
    ]


def test_projected_year_listed_as_projected() -> None:
    days = non_working_weekdays(Calendar("england-and-wales"), date(2030, 1, 1), date(2030, 12, 31))
    assert [h.date.strftime("%m-%d") for h in days] == [
        "01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26",
    ]  # fmt: skip
    assert {h.origin for h in days} == {"projected"}


def test_month_grid_marks_each_kind() -> None:
    cal = Calendar("england-and-wales", closures=[(date(2026, 12, 29), "Christmas closure")])
    grid = month_grid(cal, 2026, 12)
    assert grid.title == "December 2026"
    assert grid.weeks[0][0] is None  # 1 Dec 2026 is a Tuesday
    cells = {c.date.day: c.kind for week in grid.weeks for c in week if c is not None}
    assert len(cells) == 31
    assert [d for d, k in cells.items() if k is DayKind.HOLIDAY] == [25, 28]
    assert [d for d, k in cells.items() if k is DayKind.CLOSURE] == [29]
    assert [d for d, k in cells.items() if k is DayKind.WEEKEND] == [5, 6, 12, 13, 19, 20, 26, 27]
    assert [h.title for h in grid.days_off] == ["Christmas Day", "Boxing Day", "Christmas closure"]


def test_months_from_crosses_year() -> None:
    assert months_from(date(2026, 11, 22), 3) == [(2026, 11), (2026, 12), (2027, 1)]


def test_data_info_bundled() -> None:
    info = data_info(load_data(), date(2027, 12, 27))
    assert (info.origin, info.first_date, info.last_date) == (
        "govuk-bundled",
        date(2012, 1, 2),
        END,
    )
    assert info.sha256 == "1dce6df4476b5c311a9ea63d3237c78188da20d718d073c0667b236e3b9a23a7"
    assert [(d.division, d.weekday_holidays) for d in info.divisions] == [
        ("england-and-wales", 140),
        ("scotland", 158),
        ("northern-ireland", 174),
    ]
    assert [(p.division, p.date) for p in info.patches_applied] == [("scotland", date(2026, 6, 15))]
    assert info.patches_skipped == ()
    assert info.imported is None
    assert (info.stale, info.needed_until) == (True, date(2028, 12, 27))
