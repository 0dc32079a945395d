"""Each status boundary, on both sides, by exactly one day: moving a boundary fails a test.

sin-panel: notification "within 5 working days" of becoming aware (timescales.md §4A);
aware Fri 6 Nov 2026 gives Fri 13 Nov 2026 (no bank holiday that month).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.audit.helpers import audit_text, brief
from wtcheck.findings import Status
from wtcheck.rules import get_rule

HEAD = "case_id,aware_date,notification_date\n"
SIN = (get_rule("sin-panel"),)
DUE = "2026-11-13"


@pytest.mark.parametrize(
    ("as_of", "soon", "status", "days"),
    [
        (date(2026, 11, 5), 5, Status.PENDING, 6),  # Thu: 6 working days left, soon = 5
        (date(2026, 11, 6), 5, Status.DUE_SOON, 5),  # Fri: exactly --soon left is due soon
        (date(2026, 11, 6), 4, Status.PENDING, 5),  # ...and with --soon 4 it is not
        (date(2026, 11, 12), 0, Status.PENDING, 1),  # --soon 0: only the day itself is soon
        (date(2026, 11, 13), 0, Status.DUE_SOON, 0),  # due today is due soon, not overdue
        (date(2026, 11, 13), 5, Status.DUE_SOON, 0),
        (date(2026, 11, 14), 5, Status.OVERDUE, 1),  # Sat after: a working day overdue
        (date(2026, 11, 16), 5, Status.OVERDUE, 1),  # Mon after: 1
        (date(2026, 11, 17), 5, Status.OVERDUE, 2),
    ],
)
def test_open_case_around_its_deadline(
    tmp_path: Path, as_of: date, soon: int, status: Status, days: int
) -> None:
    found = audit_text(tmp_path, HEAD + "C1,06/11/2026,\n", rules=SIN, as_of=as_of, soon=soon)
    assert brief(found.findings) == [("C1", "sin-panel", status, DUE, days)]


@pytest.mark.parametrize(
    ("done", "status", "days"),
    [
        ("12/11/2026", Status.MET, 1),  # a working day to spare
        ("13/11/2026", Status.MET, 0),  # done on the deadline is met
        ("14/11/2026", Status.LATE, 1),  # Saturday after: still a working day late
        ("16/11/2026", Status.LATE, 1),  # one working day after: late by 1
        ("17/11/2026", Status.LATE, 2),
    ],
)
def test_done_around_its_deadline(tmp_path: Path, done: str, status: Status, days: int) -> None:
    found = audit_text(tmp_path, HEAD + f"C1,06/11/2026,{done}\n", rules=SIN)
    assert brief(found.findings) == [("C1", "sin-panel", status, DUE, days)]


def test_done_after_the_as_of_date_counts_as_not_done(tmp_path: Path) -> None:
    found = audit_text(
        tmp_path, HEAD + "C1,06/11/2026,17/11/2026\n", rules=SIN, as_of=date(2026, 11, 16)
    )
    assert brief(found.findings) == [("C1", "sin-panel", Status.OVERDUE, DUE, 1)]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("05/05-2023", "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
        ("0", "a number, not a date (Excel serials are read from 36526, 1 Jan 2000, to 73415, "
              "31 Dec 2100); expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
        ("2023", "a number, not a date (Excel serials are read from 36526, 1 Jan 2000, to 73415, "
                 "31 Dec 2100); expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
        ("TBC 5 May 2023", "unexpected word 'TBC' before the date; expected a date such as "
                           "2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
    ],
)  # fmt: skip
def test_non_dates_are_invalid_findings(tmp_path: Path, cell: str, reason: str) -> None:
    """Safety issue items 7-8: a non-date in a trigger cell is reported, never read as a date."""
    (f,) = audit_text(tmp_path, HEAD + f"C1,{cell},\n", rules=SIN).findings
    assert (f.status, f.row, f.column, f.value) == (Status.INVALID, 2, "aware_date", cell)
    assert f.message == f"row 2, column 'aware_date': {cell!r}: {reason}"


@pytest.mark.parametrize(
    ("cell", "deadline"),
    [("44927", "2023-01-09"), ("45292", "2024-01-08")],  # Sun 1 Jan 2023; Mon 1 Jan 2024
)
def test_excel_serials_in_a_csv_are_dates(tmp_path: Path, cell: str, deadline: str) -> None:
    (f,) = audit_text(tmp_path, HEAD + f"C1,{cell},\n", rules=SIN).findings
    assert (f.status, f.deadline.isoformat() if f.deadline else None) == (Status.OVERDUE, deadline)
