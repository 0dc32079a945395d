"""Write the deadline snapshot: every rule x edition x a fixed set of trigger dates.

    python scripts/deadline_snapshot.py          # rewrite tests/data/snapshots/deadlines.jsonl
    python scripts/deadline_snapshot.py --check  # exit 1 if the snapshot is stale

Each line is one case (rule, --edition or "auto", trigger date) and the
results of ``wtcheck deadlines --format json`` for it (the fields that depend
on the case; a rule's name and citations are in docs/rules.md), computed by
``wtcheck.deadlines.compute`` on the England-and-Wales calendar with
--as-of 2026-12-06. Any change to a date, a status or a note reads as a diff
of this file; tests/test_deadline_snapshot.py runs the check.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _generated import write_or_check  # scripts/ is on sys.path when run

from wtcheck.calendar.data import BUNDLED_FILE
from wtcheck.calendar.workdays import Calendar, get_calendar
from wtcheck.deadlines import Options, compute, needed_dates
from wtcheck.paths import bundled_calendars_dir
from wtcheck.render.deadlines_view import as_record
from wtcheck.rules import all_rules
from wtcheck.rules.model import Rule

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "data" / "snapshots" / "deadlines.jsonl"
AS_OF = date(2026, 12, 6)

TRIGGERS = (
    date(2006, 4, 3), date(2009, 12, 14), date(2010, 4, 1), date(2013, 4, 12),
    date(2013, 4, 15), date(2015, 3, 26), date(2018, 4, 3), date(2018, 6, 29),
    date(2018, 10, 1), date(2020, 12, 9), date(2021, 3, 1), date(2023, 12, 15),
    date(2025, 12, 22), date(2026, 5, 1), date(2026, 8, 3),
)  # fmt: skip
"""Edition and commencement boundaries, a Christmas and the 1 May 2026 change."""

KEPT = (
    "rule", "trigger", "trigger_date", "deadline", "deadline_weekday", "length", "kind",
    "working_days_left", "force", "edition", "projected", "verified", "anchor", "threatened",
    "conditional", "notes",
)  # fmt: skip


def _dates(rule: Rule, day: date) -> dict[str, date]:
    dates = {key: day for key in needed_dates(rule)}
    if rule.compare_with:  # a threshold: the assessment 20 days before the trigger
        dates[rule.compare_with] = day - timedelta(days=20)
    return dates


def cases(cal: Calendar) -> Iterator[dict[str, Any]]:
    for rule in all_rules():
        if not rule.computable:
            continue
        for edition in ("auto", *rule.editions):
            opts = Options(edition=None if edition == "auto" else edition)
            for day in TRIGGERS:
                found = compute(rule, _dates(rule, day), cal, opts)
                results = [
                    {k: v for k, v in as_record(d, cal, AS_OF).items() if k in KEPT} for d in found
                ]
                yield {"case": f"{rule.id} {edition} {day.isoformat()}", "results": results}


def render() -> str:
    out = io.StringIO()
    bundled = bundled_calendars_dir() / BUNDLED_FILE  # never a user's imported file
    for case in cases(get_calendar("england-and-wales", calendar_file=bundled)):
        out.write(json.dumps(case, ensure_ascii=False, sort_keys=False) + "\n")
    return out.getvalue()


def main(argv: list[str]) -> int:
    return write_or_check(TARGET, render(), "deadline_snapshot.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
