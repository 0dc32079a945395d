"""Editions of *Working Together to Safeguard Children* and when each applied.

wtcheck checks each rule under the edition in force on the rule's **trigger
date** (a referral received on 12 Apr 2013 is checked under WT2010 even if
the assessment ended after 15 Apr 2013); ``--edition`` overrides it.
Dates from ``shared/docs/timescales.md`` §1.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from wtcheck.errors import InputError
from wtcheck.rules.model import Assumed


class Edition(NamedTuple):
    id: str
    title: str
    in_force_from: date
    source: str
    assumed: Assumed | None = None
    """Set when the sources give only a month for the start (wtcheck takes its first day)."""

    @property
    def label(self) -> str:
        return self.title


EDITIONS: tuple[Edition, ...] = (
    Edition("wt2006", "Working Together 2006", date(2006, 4, 1),
            "WT2010 executive summary (seeds/004) gives its 7 WD and 4 months",
            Assumed(date(2006, 4, 1), "Apr 2006", date(2006, 4, 1), date(2006, 4, 30))),
    Edition("wt2006-ch8", "Working Together 2006, revised ch.8", date(2009, 12, 1),
            "WT2010 executive summary (seeds/004): SCRs 4 → 6 months, Dec 2009",
            Assumed(date(2009, 12, 1), "Dec 2009", date(2009, 12, 1), date(2009, 12, 31))),
    Edition("wt2010", "Working Together 2010", date(2010, 4, 1),
            "WT2010 executive summary (seeds/004): in force 1 April 2010"),
    Edition("wt2013", "Working Together 2013", date(2013, 4, 15),
            "Northumberland LSCB keyword page [secondary source]"),
    Edition("wt2015", "Working Together 2015", date(2015, 3, 26),
            "Pan-Dorset, Knowsley, Walsall procedures [secondary source]"),
    Edition("wt2018", "Working Together 2018", date(2018, 6, 29),
            "NSPCC summary of WT2018 (seeds/003); duties commence 29 Jun 2018"),
    Edition("wt2018-dec2020", "Working Together 2018 (re-issued 9 Dec 2020)", date(2020, 12, 9),
            "WT2018 Dec 2020 briefing and amendments list (seeds/000, seeds/002)"),
    Edition("wt2023", "Working Together 2023", date(2023, 12, 15),
            "Cumberland Council bulletin on WT2023 [secondary source]"),
)  # fmt: skip

BY_ID: dict[str, Edition] = {e.id: e for e in EDITIONS}


def edition_for(day: date) -> Edition | None:
    """The edition in force on *day*, or None before April 2006."""
    current = None
    for e in EDITIONS:
        if e.in_force_from <= day:
            current = e
    return current


def in_force_to(edition: Edition) -> date | None:
    """The last day *edition* was in force (None while it still is)."""
    later = [e.in_force_from for e in EDITIONS if e.in_force_from > edition.in_force_from]
    if not later:
        return None
    return date.fromordinal(min(later).toordinal() - 1)


def get_edition(edition_id: str) -> Edition:
    """Look up an edition by id (case-insensitive); InputError if unknown."""
    e = BY_ID.get(edition_id.lower())
    if e is None:
        raise InputError(f"unknown edition {edition_id!r}; expected one of {', '.join(BY_ID)}")
    return e
