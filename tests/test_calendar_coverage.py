"""A calendar file whose coverage has a gap or runs past the years wtcheck can
count is refused, naming the event (issue 17 item 9): one mistyped year used to
switch off every projected bank holiday up to it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wtcheck.calendar.data import BUNDLED_FILE, imported_path, parse_govuk
from wtcheck.calendar.importer import read_candidate
from wtcheck.cli.app import app
from wtcheck.errors import CalendarDataError
from wtcheck.paths import bundled_calendars_dir

runner = CliRunner()


def doc_with(division: str, day: str, title: str = "Christmas Day") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((bundled_calendars_dir() / BUNDLED_FILE).read_text("utf-8"))
    doc[division]["events"].append({"title": title, "date": day, "notes": "", "bunting": True})
    return doc


def write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def event_number(doc: dict[str, Any], division: str) -> int:
    return len(doc[division]["events"])


def test_the_issue_s_typo_is_refused_for_one_run_naming_the_event(tmp_path: Path) -> None:
    doc = doc_with("england-and-wales", "2925-12-25")
    path = write(tmp_path, doc)
    result = runner.invoke(app, ["workdays", "add", "24/12/2030", "1", "--calendar", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"wtcheck: error: {path}: england-and-wales event {event_number(doc, 'england-and-wales')} "
        "(2925-12-25 'Christmas Day') is outside 1872–2100, the years wtcheck can count; "
        "expected a year in that range (a mistyped year?)\n"
    )
    assert result.stdout == ""


def test_the_typo_is_not_imported(tmp_path: Path) -> None:
    path = write(tmp_path, doc_with("scotland", "2925-12-25"))
    result = runner.invoke(app, ["calendar", "import", str(path), "--yes"])
    assert result.exit_code == 2
    assert "scotland event" in result.stderr and "(2925-12-25 'Christmas Day')" in result.stderr
    assert not imported_path().exists()
    # the data in use is untouched: Christmas 2030 is still not a working day
    add = runner.invoke(app, ["workdays", "add", "24/12/2030", "1"])
    assert add.stdout == "Fri 27 Dec 2030  (projected calendar: year outside the GOV.UK data)\n"


def test_a_gap_of_whole_years_is_refused_naming_both_events(tmp_path: Path) -> None:
    doc = doc_with("northern-ireland", "2095-12-25")
    events = doc["northern-ireland"]["events"]
    last_before = max(range(len(events) - 1), key=lambda i: events[i]["date"])
    before = events[last_before]
    with pytest.raises(CalendarDataError) as err:
        parse_govuk(json.dumps(doc).encode(), Path("gap.json"), "govuk-file")
    year = int(before["date"][:4])
    assert str(err.value) == (
        f"gap.json: northern-ireland has no events in {year + 1}–2094, between event "
        f"{last_before + 1} ({before['date']} {before['title']!r}) and event {len(events)} "
        "(2095-12-25 'Christmas Day'); expected events in every year from the first to the "
        "last (a mistyped year?)"
    )


def test_one_missing_year_is_named_alone(tmp_path: Path) -> None:
    doc = doc_with("england-and-wales", "2030-12-25")  # the bundled file ends in 2028
    with pytest.raises(CalendarDataError, match=r"has no events in 2029, between event"):
        read_candidate(write(tmp_path, doc))


def test_the_next_year_is_no_gap(tmp_path: Path) -> None:
    doc = doc_with("england-and-wales", "2029-01-01", "New Year’s Day")
    for division in ("scotland", "northern-ireland"):
        doc[division]["events"].append(
            {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": True}
        )
    _, data = read_candidate(write(tmp_path, doc))
    assert data.last_year == 2029


@pytest.mark.parametrize(("day", "ok"), [("2100-12-31", True), ("2101-01-01", False)])
def test_the_last_countable_year_is_2100(day: str, ok: bool) -> None:
    doc = {
        d: {"division": d, "events": [{"title": "Boxing Day", "date": "2099-12-28"},
                                      {"title": "Last", "date": day}]}
        for d in ("england-and-wales", "scotland", "northern-ireland")
    }  # fmt: skip
    raw = json.dumps(doc).encode()
    if ok:
        assert parse_govuk(raw, Path("f.json"), "govuk-file").last_year == 2100
    else:
        with pytest.raises(CalendarDataError, match=r"event 2 \(2101-01-01 'Last'\) is outside"):
            parse_govuk(raw, Path("f.json"), "govuk-file")


@pytest.mark.parametrize(("day", "ok"), [("1872-01-01", True), ("1871-12-31", False)])
def test_the_first_countable_year_is_1872(day: str, ok: bool) -> None:
    doc = {
        d: {"division": d, "events": [{"title": "First", "date": day},
                                      {"title": "Christmas Day", "date": "1872-12-25"}]}
        for d in ("england-and-wales", "scotland", "northern-ireland")
    }  # fmt: skip
    raw = json.dumps(doc).encode()
    if ok:
        assert parse_govuk(raw, Path("f.json"), "govuk-file").first_year == 1872
    else:
        with pytest.raises(CalendarDataError, match=r"event 1 \(1871-12-31 'First'\) is outside"):
            parse_govuk(raw, Path("f.json"), "govuk-file")


def test_the_bundled_file_passes() -> None:
    raw = (bundled_calendars_dir() / BUNDLED_FILE).read_bytes()
    data = parse_govuk(raw, Path(BUNDLED_FILE), "govuk-bundled")
    assert (data.first_year, data.last_year) == (2012, 2028)
