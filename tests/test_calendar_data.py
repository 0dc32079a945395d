from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from wtcheck.calendar.data import load_data, parse_govuk
from wtcheck.errors import CalendarDataError
from wtcheck.paths import bundled_calendars_dir

BUNDLED_SHA256 = "1dce6df4476b5c311a9ea63d3237c78188da20d718d073c0667b236e3b9a23a7"


def test_bundled_files_are_found_and_unchanged() -> None:
    folder = bundled_calendars_dir()
    raw = (folder / "bank-holidays.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == BUNDLED_SHA256
    assert (folder / "patches.json").is_file()
    data = load_data()
    assert (data.origin, data.sha256, data.first_date, data.last_date) == (
        "govuk-bundled", BUNDLED_SHA256, date(2012, 1, 2), date(2028, 12, 26),
    )  # fmt: skip
    assert {d: len(v) for d, v in data.events.items()} == {
        "england-and-wales": 140,
        "scotland": 158,  # 157 in the file + the 2026-06-15 patch
        "northern-ireland": 174,
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{", "not valid JSON"),
        (b"[]", "expected an object keyed by division, got list"),
        (b'{"england-and-wales": {"events": []}}', "division 'england-and-wales' has no events"),
        (
            b'{"england-and-wales": {}}',
            "division 'england-and-wales' is missing or has no 'events' list",
        ),
    ],
)
def test_malformed_files_are_refused_with_a_reason(raw: bytes, message: str) -> None:
    with pytest.raises(CalendarDataError) as info:
        parse_govuk(raw, Path("bad.json"), "govuk-file")
    assert str(info.value).startswith("bad.json: " + message)


def test_bad_event_date_names_division_and_event() -> None:
    good = '{"title": "x", "date": "2026-01-01"}'
    raw = (
        '{"england-and-wales": {"events": [' + good + ', {"title": "y", "date": "01/02/2026"}]},'
        ' "scotland": {"events": [' + good + ']}, "northern-ireland": {"events": [' + good + "]}}"
    ).encode()
    with pytest.raises(CalendarDataError) as info:
        parse_govuk(raw, Path("f.json"), "govuk-file")
    assert (
        str(info.value)
        == "f.json: england-and-wales event 2 has date '01/02/2026', expected YYYY-MM-DD"
    )
