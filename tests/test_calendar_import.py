"""Importing a newer GOV.UK file: validation, the per-division diff, storing, resetting."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wtcheck.calendar.data import BUNDLED_FILE, Holiday, imported_path, load_data
from wtcheck.calendar.importer import (
    Moved,
    Renamed,
    diff_data,
    diff_division,
    read_candidate,
    remove_import,
    store_import,
)
from wtcheck.calendar.workdays import get_calendar
from wtcheck.errors import CalendarDataError
from wtcheck.paths import bundled_calendars_dir

Edit = Callable[[dict[str, Any]], None]


def bundled_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((bundled_calendars_dir() / BUNDLED_FILE).read_text("utf-8"))
    return doc


def write_doc(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def newer_file(tmp_path: Path) -> Path:
    """The bundled file plus 2029 in every division, and Scotland 2026-06-15."""
    doc = bundled_doc()
    for division in doc:
        doc[division]["events"].append(
            {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": True}
        )
    doc["scotland"]["events"].append(
        {"title": "World Cup bank holiday", "date": "2026-06-15", "notes": "", "bunting": True}
    )
    return write_doc(tmp_path / "bank-holidays.json", doc)


def h(d: str, title: str) -> Holiday:
    return Holiday(date.fromisoformat(d), title, "govuk-bundled", "england-and-wales")


def test_diff_division_each_kind() -> None:
    old = [
        h("2027-05-31", "Spring bank holiday"),
        h("2026-08-31", "Summer bank holiday"),
        h("2026-12-28", "Boxing Day"),
        h("2026-12-25", "Christmas Day"),
    ]
    new = [
        h("2027-06-01", "Spring bank holiday"),  # moved: same title, same year
        h("2026-08-31", "August bank holiday"),  # renamed: same date
        h("2026-12-25", "Christmas Day"),  # unchanged
        h("2029-01-01", "New Year’s Day"),  # added
        h("2028-05-31", "Boxing Day"),  # same title, other year: not a move
    ]
    diff = diff_division("england-and-wales", old, new)
    assert [x.date for x in diff.added] == [date(2028, 5, 31), date(2029, 1, 1)]
    assert [x.date for x in diff.removed] == [date(2026, 12, 28)]
    assert diff.moved == [Moved("Spring bank holiday", date(2027, 5, 31), date(2027, 6, 1))]
    assert diff.renamed == [
        Renamed(date(2026, 8, 31), "Summer bank holiday", "August bank holiday")
    ]
    assert not diff.empty
    assert diff_division("scotland", old, old).empty


def test_read_candidate_newer_file(tmp_path: Path) -> None:
    _raw, new = read_candidate(newer_file(tmp_path))
    assert new.origin == "govuk-imported"
    assert new.last_date == date(2029, 1, 1)
    # the file has the Scottish date itself, so the patch is skipped
    assert [p.date for p in new.patches_skipped] == [date(2026, 6, 15)]
    assert new.patches_applied == ()
    diffs = diff_data(load_data(), new)
    assert [(d.division, [x.date for x in d.added]) for d in diffs] == [
        ("england-and-wales", [date(2029, 1, 1)]),
        ("scotland", [date(2029, 1, 1)]),
        ("northern-ireland", [date(2029, 1, 1)]),
    ]
    assert all(not (d.removed or d.moved or d.renamed) for d in diffs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[]", "expected an object keyed by division, got list"),
        ('{"england-and-wales": {}}', "division 'england-and-wales' is missing or has no 'events'"),
    ],
)
def test_read_candidate_malformed(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarDataError, match=message):
        read_candidate(path)


def test_read_candidate_refuses_divisions_covering_different_years(tmp_path: Path) -> None:
    doc = bundled_doc()
    doc["england-and-wales"]["events"].append(
        {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": True}
    )
    path = write_doc(tmp_path / "uneven.json", doc)
    with pytest.raises(
        CalendarDataError,
        match=r"the divisions cover different years \(england-and-wales 2012–2029, "
        r"scotland 2012–2028, northern-ireland 2012–2028\)",
    ):
        read_candidate(path)


def test_store_then_every_calendar_uses_it_then_reset(tmp_path: Path) -> None:
    raw, _ = read_candidate(newer_file(tmp_path))
    assert get_calendar("england-and-wales").is_working(date(2029, 1, 1)) is False  # projected
    assert get_calendar("england-and-wales").is_projected(date(2029, 1, 1))
    target = store_import(raw)
    assert target == imported_path()
    assert target.read_bytes() == raw  # stored byte for byte
    data = load_data()
    assert (data.origin, data.last_date) == ("govuk-imported", date(2029, 1, 1))
    cal = get_calendar("england-and-wales")
    assert not cal.is_projected(date(2029, 1, 1))
    holiday = cal.holiday(date(2029, 1, 1))
    assert holiday is not None and holiday.origin == "govuk-imported"
    assert remove_import() == target
    assert not target.exists()
    assert load_data().origin == "govuk-bundled"
    assert remove_import() is None
