"""Reading inputs: stray quotes, line ends, rows read, workbooks (safety issue items 5-6;
pipeline issue item 3)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from tests.audit.helpers import audit_bytes, audit_text, brief
from wtcheck.errors import InputError
from wtcheck.findings import Status
from wtcheck.rules import get_rule

H = "case_id,referral_date,assessment_authorised_date\n"
SA = (get_rule("sa-45"),)


def test_a_stray_quote_that_swallows_rows_is_an_error_naming_its_line(tmp_path: Path) -> None:
    text = H + 'C1,"2025-01-06,\n' + "".join(f"C{n},2025-01-06,\n" for n in range(2, 50))
    with pytest.raises(InputError) as err:
        audit_text(tmp_path, text, rules=SA)
    assert str(err.value).endswith(
        "in.csv: line 2: a quoted cell opens here and is never closed (it would swallow the "
        '49 lines to the end); expected a closing quote "'
    )


def test_a_stray_quote_closed_rows_later_is_an_error_too(tmp_path: Path) -> None:
    text = H + 'C1,"2025-01-06,\nC2,2025-01-06,\nC3,2025-01-06,\nC4,x",\nC5,2025-01-06,\n'
    with pytest.raises(InputError) as err:
        audit_text(tmp_path, text, rules=SA)
    assert "in.csv: line 2: a quoted cell opens here and runs over the next 3 lines, which " in str(
        err.value
    )


def test_a_quoted_line_break_is_read_and_counted(tmp_path: Path) -> None:
    text = H + 'C1,2025-01-06,\n"C2\nsecond line",2025-01-06,\nC3,2025-01-06,\n'
    found = audit_text(tmp_path, text, rules=SA, as_of=dt.date(2025, 1, 7))
    assert [(f.case_id, f.row) for f in found.findings] == [
        ("C1", 2),
        ("C2\nsecond line", 3),
        ("C3", 5),
    ]
    assert found.result.rows == 3


def test_rows_read_are_counted_without_blank_lines(tmp_path: Path) -> None:
    text = H + "C1,2025-01-06,\n\n,,\n  \nC2,2025-01-06,\n"
    found = audit_text(tmp_path, text, rules=SA, as_of=dt.date(2025, 1, 7))
    assert found.result.rows == 2
    assert [f.row for f in found.findings] == [2, 6]


def test_a_row_with_only_a_case_id_is_a_row(tmp_path: Path) -> None:
    """Only rows with no text in any cell are blank: a case id alone (no dates yet) is
    read and counted, whitespace alone is not."""
    text = H + "C1,2025-01-06,\nC9,,\n \t,,\nC2,2025-01-06,\n"
    found = audit_text(tmp_path, text, rules=SA, as_of=dt.date(2025, 1, 7))
    assert found.result.rows == 3
    assert [f.row for f in found.findings] == [2, 5]


def test_cr_only_line_ends_are_lines(tmp_path: Path) -> None:
    """Safety issue item 5: an old Mac export is read, not dumped into an error."""
    data = (H + "C1,2025-01-06,\nC2,2025-01-06,2025-01-08\n").replace("\n", "\r").encode()
    notes: list[str] = []
    found = audit_bytes(tmp_path, data, rules=SA, notes=notes, as_of=dt.date(2025, 1, 9))
    # referral Mon 6 Jan 2025 + 45 working days = Mon 10 Mar; C2 met on 8 Jan
    assert brief(found.findings) == [
        ("C1", "sa-45", Status.PENDING, "2025-03-10", 42),
        ("C2", "sa-45", Status.MET, "2025-03-10", 43),
    ]
    assert notes == [
        f"{tmp_path / 'in.csv'}: lines end in CR alone (an old Mac export); reading them so"
    ]


def test_a_huge_header_gives_one_short_line(tmp_path: Path) -> None:
    data = ("x," * 700_000).encode()
    with pytest.raises(InputError) as err:
        audit_bytes(tmp_path, data)
    assert len(str(err.value)) < 200
    assert "no line break in the first 1 MiB; expected a CSV file with a header line" in str(
        err.value
    )


def test_duplicate_headers_are_named_briefly(tmp_path: Path) -> None:
    long = "Referral date " + "x" * 500
    with pytest.raises(InputError) as err:
        audit_text(tmp_path, f"case_id,{long},{long}\nC1,,\n")
    assert len(str(err.value)) < 400


def _workbook(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    notes = book.add_worksheet("Notes")
    notes.write(0, 0, "Annex A extract, synthetic")
    sheet = book.add_worksheet("List 4")
    sheet.write_row(
        0, 0, ["Child Unique ID", "Date of referral", "Continuous Assessment Date of Authorisation"]
    )
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write(1, 0, "C1")
    sheet.write_datetime(1, 1, dt.datetime(2024, 1, 10), day)  # a real date cell
    sheet.write(1, 2, "12/03/2024")  # a text date: 45 working days is Wed 13 Mar 2024
    sheet.write(3, 0, "C2")  # row 3 left empty: C2 is on row 4
    sheet.write_number(3, 1, 45300)  # an Excel serial: Thu 8 Jan 2024 -> Wed 13 Mar? see below
    sheet.write(3, 2, "=HYPERLINK(1)")  # a formula: its cached value, not a date
    sheet.set_row(3, None, None, {"hidden": True})  # hidden rows are audited all the same
    book.close()


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("xlsxwriter")
    path = tmp_path_factory.mktemp("wb") / "annex-a.xlsx"
    _workbook(path)
    return path


def _audit_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wtcheck", "audit", *args], capture_output=True, text=True
    )


def test_a_workbook_is_read_sheet_by_sheet(book: Path) -> None:
    from wtcheck.audit.pipeline import audit_files
    from wtcheck.audit.plan import AuditOptions
    from wtcheck.calendar.workdays import get_calendar

    notes: list[str] = []
    result = audit_files(
        [str(book)],
        get_calendar(),
        AuditOptions(dt.date(2024, 4, 1), rules=SA),
        notice=notes.append,
    )
    got = [(f.file, f.row, f.case_id, f.status, f.deadline, f.days) for f in result.findings()]
    assert got == [
        (f"{book}:List 4", 2, "C1", Status.MET, dt.date(2024, 3, 13), 1),
        (f"{book}:List 4", 4, "C2", Status.INVALID, None, None),
    ]
    assert result.findings()[1].message == (
        "row 4, column 'Continuous Assessment Date of Authorisation': '0': a number, not a date (Excel serials "
        "are read from 36526, 1 Jan 2000, to 73415, 31 Dec 2100); expected a date such as "
        "2023-05-05, 05/05/2023 (day first) or 5 May 2023"
    )
    assert notes == [f"{book}:Notes: not audited: no case id column; expected case_id or "
                     "an alias such as LAchildID, 'Child Unique ID' or pers_person_id (or map "
                     "one with --mapping)"]  # fmt: skip


def test_sheet_option(book: Path) -> None:
    ok = _audit_cli(str(book), "--as-of", "2024-04-01", "--sheet", "2", "-r", "sa-45", "-f", "csv")
    assert ok.returncode == 0, ok.stderr
    assert len(ok.stdout.splitlines()) == 2  # header and the invalid finding (met not shown)
    bad = _audit_cli(str(book), "--as-of", "2024-04-01", "--sheet", "List 9")
    assert bad.returncode == 2
    assert bad.stderr == (
        f"wtcheck: error: {book}: --sheet 'List 9': no such sheet; expected one of 'Notes', "
        "'List 4' or a number 1–2\n"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("fake.xlsx", b"case_id,referral_date\nC1,x\n", "named as a workbook but is not one"),
        ("broken.xlsx", b"PK\x03\x04garbage", "cannot be opened as a workbook"),
        ("bin.csv", b"\x00\x01\x02case_id", "holds binary data (NUL bytes)"),
    ],
)
def test_neither_csv_nor_workbook(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    got = _audit_cli(str(path), "--as-of", "2024-04-01")
    assert got.returncode == 2
    assert got.stderr.startswith(f"wtcheck: error: {path}: {message}")
    assert got.stderr.count("\n") == 1 and "Traceback" not in got.stderr
