"""Bank-holiday data: the bundled GOV.UK file, patches, imports and projection.

Sources, in the order wtcheck picks them:

1. a file given for one run (``--calendar FILE``): origin ``govuk-file``;
2. a file the user imported (``wtcheck calendar import``), kept in the user
   data folder: origin ``govuk-imported``;
3. the copy bundled with wtcheck, ``calendars/bank-holidays.json``: origin
   ``govuk-bundled`` (GOV.UK via govuk-bank-holidays 0.19, Open Government
   Licence v3.0).

On top of the file, ``calendars/patches.json`` adds the dates the bundled
copy lacks (Scotland 2026-06-15, proclaimed 3 Feb 2026), each recorded with
its source; a patch already present in the file is skipped.

Years outside the file are *projected* from the rules of the ``holidays``
package (subdiv ENG, SCT, NIR), imported lazily, only then, and corrected by
``calendars/projection-patches.json`` (each correction recorded with its
source: Scotland 30 Nov 2006 was not yet St Andrew's Day bank holiday). Only weekdays
matter for working-day arithmetic, so weekend entries are dropped everywhere
(GOV.UK lists substitute days instead).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from wtcheck.errors import CalendarDataError, CalendarRangeError
from wtcheck.paths import bundled_calendars_dir, user_data_dir

GOVUK_DIVISIONS: tuple[str, ...] = ("england-and-wales", "scotland", "northern-ireland")
"""The three divisions of the GOV.UK feed."""

DIVISIONS: tuple[str, ...] = (*GOVUK_DIVISIONS, "uk-any")
"""Every division wtcheck counts on. ``uk-any`` is the union of the three (a
bank holiday anywhere in the UK, as FOIA 2000 s.10(6) counts); wtcheck never
uses the intersection."""

DEFAULT_DIVISION = "england-and-wales"

HOLIDAYS_SUBDIV = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

PROJECTION_FIRST_YEAR = 1872
PROJECTION_LAST_YEAR = 2100
"""The years the ``holidays`` package has UK rules for."""

BUNDLED_FILE = "bank-holidays.json"
PATCHES_FILE = "patches.json"
PROJECTION_PATCHES_FILE = "projection-patches.json"
IMPORTED_FILE = "bank-holidays.json"

ORIGIN_BUNDLED = "govuk-bundled"
ORIGIN_IMPORTED = "govuk-imported"
ORIGIN_FILE = "govuk-file"
ORIGIN_PATCH = "patch"
ORIGIN_PROJECTED = "projected"
ORIGIN_CLOSURE = "closure"


class Holiday(NamedTuple):
    """One non-working weekday, with where wtcheck learned of it."""

    date: date
    title: str
    origin: str
    division: str
    notes: str = ""

    @property
    def label(self) -> str:
        """The title, with "(substitute day)" when GOV.UK marks it as one."""
        if self.notes.strip().lower() == "substitute day":
            return f"{self.title} (substitute day)"
        return self.title


class Patch(NamedTuple):
    """A date added on top of the GOV.UK file, with its source."""

    division: str
    date: date
    title: str
    source: str


class HolidayData(NamedTuple):
    """A loaded GOV.UK file plus the patches applied to it.

    ``events`` maps each GOV.UK division to its weekday holidays, sorted.
    ``first_year``/``last_year`` are the whole years the file covers; dates
    in other years are projected. ``raw`` is the file's bytes, as read.
    """

    path: Path
    origin: str
    raw: bytes
    events: dict[str, tuple[Holiday, ...]]
    first_date: date
    last_date: date
    patches_applied: tuple[Patch, ...] = ()
    patches_skipped: tuple[Patch, ...] = ()

    def __repr__(self) -> str:  # without the file's bytes
        return f"HolidayData(path={self.path!r}, origin={self.origin!r})"

    @property
    def sha256(self) -> str:
        """The SHA-256 of the file, hex (computed when asked: only ``calendar``
        commands show it, and ``hashlib`` costs a few ms of start-up)."""
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @property
    def first_year(self) -> int:
        return self.first_date.year

    @property
    def last_year(self) -> int:
        return self.last_date.year

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def holidays_in(self, division: str, year: int) -> list[Holiday]:
        """Weekday holidays of *division* in *year* from the file (+ patches)."""
        if division == "uk-any":
            return _union(self.holidays_in(d, year) for d in GOVUK_DIVISIONS)
        return [h for h in self.events[division] if h.date.year == year]


def _union(lists: Iterable[list[Holiday]]) -> list[Holiday]:
    merged: dict[date, Holiday] = {}
    for items in lists:
        for h in items:
            if h.date in merged:
                old = merged[h.date]
                if h.title != old.title:
                    merged[h.date] = Holiday(
                        h.date, f"{old.title}; {h.title}", old.origin, "uk-any"
                    )
            else:
                merged[h.date] = Holiday(h.date, h.title, h.origin, "uk-any", h.notes)
    return [merged[d] for d in sorted(merged)]


def parse_govuk(raw: bytes, path: Path, origin: str) -> HolidayData:
    """Validate and read a GOV.UK ``bank-holidays.json`` document.

    Raises :class:`CalendarDataError` naming the file and the fault.
    """
    where = str(path)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalendarDataError(f"{where}: not valid JSON ({exc})") from None
    except RecursionError:
        raise CalendarDataError(f"{where}: not valid JSON (nested too deeply)") from None
    except ValueError:  # int(): more than 4,300 digits
        raise CalendarDataError(
            f"{where}: not valid JSON (a number too long to read: more than 4,300 digits)"
        ) from None
    if not isinstance(doc, dict):
        raise CalendarDataError(
            f"{where}: expected an object keyed by division, got {type(doc).__name__}"
        )
    events: dict[str, tuple[Holiday, ...]] = {}
    firsts: list[date] = []
    lasts: list[date] = []
    for division in GOVUK_DIVISIONS:
        block = doc.get(division)
        if not isinstance(block, dict) or not isinstance(block.get("events"), list):
            raise CalendarDataError(
                f"{where}: division {division!r} is missing or has no 'events' list"
            )
        items: list[Holiday] = []
        for i, ev in enumerate(block["events"]):
            if (
                not isinstance(ev, dict)
                or not isinstance(ev.get("date"), str)
                or not isinstance(ev.get("title"), str)
            ):
                raise CalendarDataError(
                    f"{where}: {division} event {i + 1} needs a 'title' and a 'date' string"
                )
            try:
                d = date.fromisoformat(ev["date"])
            except ValueError:
                raise CalendarDataError(
                    f"{where}: {division} event {i + 1} has date {ev['date']!r}, expected YYYY-MM-DD"
                ) from None
            if d.weekday() < 5:
                items.append(Holiday(d, ev["title"], origin, division, str(ev.get("notes") or "")))
        if not block["events"]:
            raise CalendarDataError(f"{where}: division {division!r} has no events")
        all_dates = [date.fromisoformat(ev["date"]) for ev in block["events"]]
        _check_coverage(where, division, all_dates, block["events"])
        firsts.append(min(all_dates))
        lasts.append(max(all_dates))
        items.sort(key=lambda h: h.date)
        events[division] = tuple(items)
    return HolidayData(
        path=path,
        origin=origin,
        raw=raw,
        events=events,
        first_date=min(firsts),
        last_date=max(lasts),
    )


def _check_coverage(
    where: str, division: str, dates: list[date], events: list[dict[str, Any]]
) -> None:
    """Refuse a division whose events leave a whole year out or fall outside 1872–2100.

    wtcheck takes every year from a file's first event to its last as known, so
    one mistyped year (2925-12-25) would otherwise switch off the projected bank
    holidays of every year up to it. The message names the event.
    """

    def event(i: int) -> str:
        title = repr(events[i]["title"])
        title = title if len(title) <= 60 else title[:59] + "…"
        return f"event {i + 1} ({dates[i].isoformat()} {title})"

    for i, d in enumerate(dates):
        if not PROJECTION_FIRST_YEAR <= d.year <= PROJECTION_LAST_YEAR:
            raise CalendarDataError(
                f"{where}: {division} {event(i)} is outside {PROJECTION_FIRST_YEAR}–{PROJECTION_LAST_YEAR}, "
                "the years wtcheck can count; expected a year in that range (a mistyped year?)"
            )
    order = sorted(range(len(dates)), key=dates.__getitem__)
    for before, after in itertools.pairwise(order):
        if dates[after].year - dates[before].year > 1:
            missing = f"{dates[before].year + 1}–{dates[after].year - 1}"
            if dates[after].year - dates[before].year == 2:
                missing = str(dates[before].year + 1)
            raise CalendarDataError(
                f"{where}: {division} has no events in {missing}, between {event(before)} "
                f"and {event(after)}; expected events in every year from the first to the "
                "last (a mistyped year?)"
            )


def load_patches() -> tuple[Patch, ...]:
    """The recorded patches shipped with wtcheck (``calendars/patches.json``)."""
    path = bundled_calendars_dir() / PATCHES_FILE
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Patch(p["division"], date.fromisoformat(p["date"]), p["title"], p["source"])
        for p in doc["patches"]
    )


class ProjectionPatch(NamedTuple):
    """A correction to a projected year: *action* "remove" or "add"."""

    action: str
    division: str
    date: date
    title: str
    source: str


@lru_cache(maxsize=1)
def load_projection_patches() -> tuple[ProjectionPatch, ...]:
    """The recorded corrections to projected years (``calendars/projection-patches.json``)."""
    path = bundled_calendars_dir() / PROJECTION_PATCHES_FILE
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        ProjectionPatch(
            p["action"], p["division"], date.fromisoformat(p["date"]), p["title"], p["source"]
        )
        for p in doc["patches"]
    )


def apply_patches(data: HolidayData, patches: Iterable[Patch]) -> HolidayData:
    """Add each patch the file lacks; record which were applied and skipped."""
    events = dict(data.events)
    applied: list[Patch] = []
    skipped: list[Patch] = []
    for p in patches:
        existing = {h.date for h in events[p.division]}
        if p.date in existing or not data.covers(p.date.year):
            skipped.append(p)
            continue
        added = Holiday(p.date, p.title, ORIGIN_PATCH, p.division, p.source)
        events[p.division] = tuple(sorted((*events[p.division], added), key=lambda h: h.date))
        applied.append(p)
    return HolidayData(
        path=data.path,
        origin=data.origin,
        raw=data.raw,
        events=events,
        first_date=data.first_date,
        last_date=data.last_date,
        patches_applied=tuple(applied),
        patches_skipped=tuple(skipped),
    )


def read_file(path: Path, origin: str) -> HolidayData:
    """Read and validate a GOV.UK file; raise :class:`CalendarDataError` if unusable."""
    try:
        raw = path.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) else "a NUL in the name"
        raise CalendarDataError(f"{path}: cannot read ({reason or exc})") from None
    return parse_govuk(raw, path, origin)


def imported_path() -> Path:
    """Where ``wtcheck calendar import`` stores a user's newer GOV.UK file."""
    return user_data_dir() / IMPORTED_FILE


@lru_cache(maxsize=8)
def load_data(calendar_file: Path | None = None) -> HolidayData:
    """The holiday data in use, patched: *calendar_file*, else imported, else bundled."""
    if calendar_file is not None:
        data = read_file(calendar_file, ORIGIN_FILE)
    elif imported_path().is_file():
        try:
            data = read_file(imported_path(), ORIGIN_IMPORTED)
        except CalendarDataError as exc:
            raise CalendarDataError(
                f"{exc} (the imported file; 'wtcheck calendar reset' goes back to the bundled copy)"
            ) from None
    else:
        data = read_file(bundled_calendars_dir() / BUNDLED_FILE, ORIGIN_BUNDLED)
    return apply_patches(data, load_patches())


def check_year(year: int, what: str = "") -> None:
    """CalendarRangeError (exit 2) unless *year* is one wtcheck can count on (1872–2100).

    *what* names where the year came from (``--year``, ``DATE``), for the message.
    """
    if not PROJECTION_FIRST_YEAR <= year <= PROJECTION_LAST_YEAR:
        raise CalendarRangeError(
            f"{what}{': ' if what else ''}{year} is outside the years wtcheck can count "
            f"working days for ({PROJECTION_FIRST_YEAR}–{PROJECTION_LAST_YEAR}: GOV.UK data, "
            "then the rules of the holidays package)"
        )


def project_year(division: str, year: int) -> list[Holiday]:
    """Weekday bank holidays of *division* in *year*, from the ``holidays`` rules.

    Used only for years outside the GOV.UK data; every result is marked
    ``projected``. Raises :class:`CalendarRangeError` outside 1872–2100.
    """
    check_year(year)
    if division == "uk-any":
        return _union(project_year(d, year) for d in GOVUK_DIVISIONS)
    import holidays  # lazy: ~90 ms of import, needed only for projected years

    found = holidays.country_holidays("GB", subdiv=HOLIDAYS_SUBDIV[division], years=year)
    fixes = [p for p in load_projection_patches() if p.division == division and p.date.year == year]
    removed = {p.date for p in fixes if p.action == "remove"}
    days = {d: name for d, name in found.items() if d not in removed}
    days.update({p.date: p.title for p in fixes if p.action == "add"})
    items = [
        Holiday(d, name, ORIGIN_PROJECTED, division)
        for d, name in sorted(days.items())
        if d.weekday() < 5 and d.year == year
    ]
    return items
