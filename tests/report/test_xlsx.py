"""Workbooks read back as Excel sees them (openpyxl): sheets, dates, numbers, text, panes."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from wtcheck.render.xlsx import EXCEL_ROWS, sheet_name, write_xlsx


def frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "case_id": ['=HYPERLINK("http://x")', "+44 1234", "C3", "@SUM(A1)"],
            "completed_date": [date(2025, 3, 31), None, date(2025, 4, 1), date(2024, 2, 29)],
            "working_days_taken": [15, 16, None, -1],
            "pct_on_time": [42.9, None, 100.0, 0.0],
            "projected": [True, False, None, False],
        },
        schema_overrides={"working_days_taken": pl.Int64},
    )


def test_cells_are_typed_dates_numbers_and_neutralised_text(tmp_path: Path) -> None:
    out = tmp_path / "pack.xlsx"
    write_xlsx(out, [("Detail", frame())])
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Detail"]
    sheet = book["Detail"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values == [
        ["case_id", "completed_date", "working_days_taken", "pct_on_time", "projected"],
        ['\'=HYPERLINK("http://x")', datetime(2025, 3, 31), 15, 42.9, True],
        ["'+44 1234", None, 16, None, False],
        ["C3", datetime(2025, 4, 1), None, 100, None],
        ["'@SUM(A1)", datetime(2024, 2, 29), -1, 0, False],
    ]
    assert sheet["B2"].is_date and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["A2"].data_type == "s"  # text, never a formula
    assert sheet["C2"].data_type == "n" and sheet["D2"].data_type == "n"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E5"
    assert sheet["A1"].font.b
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert 24 <= widths["A"] <= 28  # the longest case id, 23 characters, plus a margin
    assert 12 <= widths["B"] <= 17  # "completed_date"


def test_a_section_longer_than_a_sheet_continues_and_the_first_sheet_says_so(
    tmp_path: Path,
) -> None:
    out = tmp_path / "pack.xlsx"
    big = pl.DataFrame({"n": list(range(7))})
    write_xlsx(out, [("Summary", big.head(2)), ("Detail", big)], notes=["as of"], max_rows=4)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["About", "Summary", "Detail", "Detail (2)", "Detail (3)"]
    about = [r[0] for r in book["About"].iter_rows(values_only=True)]
    assert about == [
        "as of",
        "Detail: 7 rows, more than a sheet holds (3); continued on sheets Detail (2), Detail (3).",
    ]
    parts = [[r[0] for r in book[s].iter_rows(values_only=True)] for s in book.sheetnames[2:]]
    assert parts == [["n", 0, 1, 2], ["n", 3, 4, 5], ["n", 6]]
    assert all(book[s].freeze_panes == "A2" for s in book.sheetnames[1:])


def test_excel_row_limit() -> None:
    assert EXCEL_ROWS == 1_048_576


def test_sheet_names_are_valid_and_unique() -> None:
    assert sheet_name("a/b:c*d?[e]\\f") == "a_b_c_d__e__f"
    assert sheet_name("x" * 40, 12) == "x" * 26 + " (12)"
    assert sheet_name("Summary", taken=["summary"]) == "Summary 2"


def test_written_atomically_and_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pack.xlsx"
    write_xlsx(out, [("Detail", frame())])
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["pack.xlsx"]
    out.write_bytes(b"old")

    def boom(*_a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("wtcheck.render.xlsx._write_sheet", boom)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx(out, [("Detail", frame())])
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.xlsx"]
