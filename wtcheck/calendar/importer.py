"""Bringing in a newer GOV.UK file: what it changes, storing it, going back.

wtcheck never downloads anything. The user downloads ``bank-holidays.json``
from GOV.UK; ``wtcheck calendar import FILE`` validates it, shows
:func:`diff_data` against the data in use and :func:`store_import` keeps the
file, byte for byte, in the user data folder
(:func:`~wtcheck.calendar.data.imported_path`), where
:func:`~wtcheck.calendar.data.load_data` picks it up before the bundled copy.
:func:`remove_import` goes back to the bundled copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wtcheck.calendar.data import (
    GOVUK_DIVISIONS,
    ORIGIN_IMPORTED,
    Holiday,
    HolidayData,
    apply_patches,
    imported_path,
    load_data,
    load_patches,
    parse_govuk,
)
from wtcheck.calendar.workdays import clear_calendars
from wtcheck.deliver import write_atomic
from wtcheck.errors import CalendarDataError, InputError


def read_candidate(path: Path) -> tuple[bytes, HolidayData]:
    """The raw bytes of *path* and its data, validated and patched as it would be used.

    Raises :class:`CalendarDataError` (exit 2) naming the fault; nothing is stored.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CalendarDataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    data = parse_govuk(raw, path, ORIGIN_IMPORTED)
    check_same_years(data)
    return raw, apply_patches(data, load_patches())


def check_same_years(data: HolidayData) -> None:
    """Refuse a file whose divisions cover different years.

    wtcheck treats every year from the file's first to its last as known, so a
    division that stops a year early would count that year as having no bank
    holidays at all.
    """
    spans = {
        d: (data.events[d][0].date.year, data.events[d][-1].date.year) if data.events[d] else None
        for d in GOVUK_DIVISIONS
    }
    if len(set(spans.values())) > 1:
        listed = ", ".join(
            f"{d} {s[0]}–{s[1]}" if s else f"{d} no weekday dates" for d, s in spans.items()
        )
        raise CalendarDataError(
            f"{data.path}: the divisions cover different years ({listed}); "
            "expected the same years in each, as GOV.UK publishes them"
        )


def store_import(raw: bytes) -> Path:
    """Keep *raw* (an already validated GOV.UK file) as the imported data, atomically."""
    target = imported_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {target.parent} ({exc.strerror or exc})") from None
    write_atomic(target, raw, what="calendar import")
    _forget_loaded()
    return target


def remove_import() -> Path | None:
    """Delete the imported file (back to the bundled copy); its path, or None if none."""
    target = imported_path()
    if not target.is_file():
        return None
    try:
        target.unlink()
    except OSError as exc:
        raise InputError(f"cannot remove {target} ({exc.strerror or exc})") from None
    _forget_loaded()
    return target


def _forget_loaded() -> None:
    load_data.cache_clear()
    clear_calendars()


@dataclass(frozen=True, slots=True)
class Moved:
    title: str
    old: date
    new: date


@dataclass(frozen=True, slots=True)
class Renamed:
    date: date
    old: str
    new: str


@dataclass(frozen=True)
class DivisionDiff:
    """What importing a file changes in one division (weekdays only)."""

    division: str
    added: list[Holiday]
    removed: list[Holiday]
    moved: list[Moved]
    renamed: list[Renamed]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.moved or self.renamed)


def diff_division(division: str, old: Iterable[Holiday], new: Iterable[Holiday]) -> DivisionDiff:
    """Compare two holiday lists of one division.

    * renamed: the same date in both, with a different title;
    * moved: a date only in the old list and one only in the new list with the
      same title in the same year (paired in date order);
    * added / removed: every other date only in the new / old list.
    """
    old_by_date = {h.date: h for h in old}
    new_by_date = {h.date: h for h in new}
    renamed = [
        Renamed(d, old_by_date[d].title, new_by_date[d].title)
        for d in sorted(old_by_date.keys() & new_by_date.keys())
        if old_by_date[d].title != new_by_date[d].title
    ]
    gone = [old_by_date[d] for d in sorted(old_by_date.keys() - new_by_date.keys())]
    came = [new_by_date[d] for d in sorted(new_by_date.keys() - old_by_date.keys())]
    moved: list[Moved] = []
    for h in list(gone):
        match = next((n for n in came if n.title == h.title and n.date.year == h.date.year), None)
        if match is not None:
            moved.append(Moved(h.title, h.date, match.date))
            gone.remove(h)
            came.remove(match)
    return DivisionDiff(division, came, gone, moved, renamed)


def diff_data(old: HolidayData, new: HolidayData) -> list[DivisionDiff]:
    """Per GOV.UK division, what changes when *new* replaces *old* (both patched)."""
    return [diff_division(d, old.events[d], new.events[d]) for d in GOVUK_DIVISIONS]
