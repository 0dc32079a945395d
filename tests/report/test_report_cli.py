"""``wtcheck report`` end to end: the audit's inputs in, each format out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()

# Two ICPCs either side of the financial year end (Mon 31 Mar / Tue 1 Apr 2025), one
# late, one open; teams North, South and none. Days counted by hand (E&W calendar):
# R1: strategy Mon 10 Mar, ICPC Mon 31 Mar = 15 working days (met, 11-15)
# R2: strategy Tue 11 Mar, ICPC Tue 1 Apr = 15 (met), R3: Mon 10 Mar -> Wed 2 Apr = 17 (late)
# R4: strategy Mon 12 May, no ICPC: due Tue 3 Jun (Mon 26 May a bank holiday), overdue
CSV = """case_id,strategy_discussion_date,icpc_date,team
R1,10/03/2025,31/03/2025,North
R2,11/03/2025,01/04/2025,South
R3,10/03/2025,02/04/2025,South
R4,12/05/2025,,
"""
ARGS = ("--as-of", "2025-06-30", "--rule", "icpc-2013")


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_csv_by_year_and_team(cases: Path) -> None:
    result = run("report", str(cases), *ARGS, "--period", "year", "--by", "team", "-f", "csv")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    got = [
        (r["period"], r["team"], r["completed"], r["on_time"], r["pct_on_time"],
         r["band_11_15"], r["band_16_20"], r["open_at_end"], r["overdue_at_end"],
         r["england_pct_on_time"])
        for r in rows
    ]  # fmt: skip
    assert got == [
        ("2024-25", "North", "1", "1", "100.0", "1", "0", "0", "0", "81.4"),
        ("2024-25", "South", "0", "0", "", "0", "0", "2", "0", "81.4"),  # R2, R3 open 31 Mar
        ("2025-26", "(none)", "0", "0", "", "0", "0", "1", "1", "81.4"),  # R4 overdue
        ("2025-26", "South", "2", "1", "50.0", "1", "1", "0", "0", "81.4"),
    ]


def test_detail_lists_the_rows_behind_the_figures(cases: Path) -> None:
    result = run(
        "report", str(cases), *ARGS, "--period", "year", "--by", "team", "-f", "csv", "--detail"
    )
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    assert [
        (r["period"], r["team"], r["case_id"], r["trigger_date"], r["completed_date"],
         r["working_days_taken"], r["band"], r["in_time"])
        for r in rows
    ] == [
        ("2024-25", "North", "R1", "2025-03-10", "2025-03-31", "15", "11–15", "in time"),
        ("2025-26", "South", "R2", "2025-03-11", "2025-04-01", "15", "11–15", "in time"),
        ("2025-26", "South", "R3", "2025-03-10", "2025-04-02", "17", "16–20", "out of time"),
    ]  # fmt: skip


def test_json_has_the_summary_and_england_with_its_source(cases: Path) -> None:
    result = run("report", str(cases), *ARGS, "--period", "quarter", "-f", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert doc["as_of"] == "2025-06-30" and doc["period"] == "quarter"
    assert [
        (r["period"], r["period_start"], r["completed"], r["open_at_end"]) for r in doc["summary"]
    ] == [
        ("2024-25 Q4", "2025-01-01", 1, 2),
        ("2025-26 Q1", "2025-04-01", 2, 1),
    ]
    england = doc["england"][0]
    assert england["year"] == "2024-25" and england["pct_within"] == 81.4
    assert england["label"] == (
        "England, computed from DfE's published counts (rounded to the nearest 10)"
    )
    assert england["source"].startswith("DfE, C4")


def test_table_shows_england_beside_the_rule(cases: Path) -> None:
    result = run("report", str(cases), *ARGS, "--period", "year")
    out = result.stdout  # type: ignore[attr-defined]
    assert result.exit_code == 0
    assert "icpc-2013: Initial child protection conference" in out
    assert "England, computed from DfE's published counts (rounded to the nearest 10)" in out
    assert (
        "| 2024-25 | 1         | 1       | 100.0%    | 15   | 15     | 15   | 2           | 0              |"
        in out
    )
    assert (
        "| 2025-26 | 2         | 1       | 50.0%     | 15.5 | 16     | 16.5 | 1           | 1              |"
        in out
    )
    assert "| 0–10 | 11–15 | 16–20 | 21+ |" in out


def test_xlsx_workbook(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.xlsx"
    result = run(
        "report", str(cases), *ARGS, "--by", "team", "-f", "xlsx", "-o", str(out), "--detail"
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["About", "Summary", "England", "Detail"]
    about = [r[0] for r in book["About"].iter_rows(values_only=True)]
    assert about[0].startswith("Timeliness of ")
    assert about[1].startswith("Working days taken: the working days after the start")
    summary = book["Summary"]
    header = [c.value for c in summary[1]]
    row = dict(zip(header, [c.value for c in summary[2]], strict=True))
    assert (row["period"], row["team"], row["completed"], row["pct_on_time"]) == (
        "2025-03",
        "North",
        1,
        100,
    )
    assert summary.cell(2, header.index("period_end") + 1).is_date


def test_html_file(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", str(cases), *ARGS, "--by", "team", "-f", "html", "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="chart-') == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("-f", "xlsx"),
            "wtcheck: error: --format xlsx: give --output FILE.xlsx (a workbook is not text)\n",
        ),
        (
            ("--detail",),
            "wtcheck: error: --detail: not with --format table; expected csv, json or xlsx\n",
        ),
        (
            ("--by", "tem"),
            "wtcheck: error: {cases}: --by 'tem': no such column; did you mean 'team'?\n",
        ),
    ],
)
def test_bad_requests_exit_2_with_one_line(
    cases: Path, args: tuple[str, ...], message: str
) -> None:
    result = runner.invoke(app, ["report", str(cases), *ARGS, *args])
    assert result.exit_code == 2
    assert result.stderr == message.format(cases=cases)  # type: ignore[attr-defined]


def test_never_writes_its_input(cases: Path) -> None:
    result = runner.invoke(app, ["report", str(cases), *ARGS, "-f", "csv", "-o", str(cases)])
    assert result.exit_code == 2
    assert cases.read_text(encoding="utf-8") == CSV


# docs/report.md's worked example: five ICPCs, 100 % on time as wtcheck counts,
# 60 % with the start day as day 1 (E2 and E4 completed on wtcheck's day 15)
EXAMPLE = """case_id,strategy_discussion_date,icpc_date
E1,20/12/2024,13/01/2025
E2,03/03/2025,24/03/2025
E3,10/04/2025,01/05/2025
E4,02/06/2025,23/06/2025
E5,01/07/2025,14/07/2025
"""


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ((), [("2024-25", "2", "2", "14.0"), ("2025-26", "3", "3", "13.0")]),
        (("--count-start-day",), [("2024-25", "2", "1", "14.0"), ("2025-26", "3", "2", "13.0")]),
    ],
)
def test_docs_worked_example(
    tmp_path: Path, option: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    path = tmp_path / "example.csv"
    path.write_text(EXAMPLE, encoding="utf-8")
    result = run("report", str(path), "--as-of", "2025-07-31", "--rule", "icpc-2013",
                 "--period", "year", "-f", "csv", "--detail", *option)  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    assert [r["working_days_taken"] for r in rows] == ["13", "15", "13", "15", "9"]
    summary = run("report", str(path), "--as-of", "2025-07-31", "--rule", "icpc-2013",
                  "--period", "year", "-f", "csv", *option)  # fmt: skip
    got = list(csv.DictReader(io.StringIO(summary.stdout)))  # type: ignore[attr-defined]
    assert [(r["period"], r["completed"], r["on_time"], r["median_days"]) for r in got] == expected


def test_group_values_are_neutralised_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(CSV.replace("North", "=HYPERLINK(1)"), encoding="utf-8")
    result = run("report", str(path), *ARGS, "--by", "team", "-f", "csv", "--period", "year")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    assert rows[0]["team"] == "'=HYPERLINK(1)"


def test_no_escape_sequence_from_data_reaches_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(CSV.replace("North", "N\x1b[2Jorth"), encoding="utf-8")
    result = run("report", str(path), *ARGS, "--by", "team", "--period", "year")
    out = result.stdout  # type: ignore[attr-defined]
    assert "\x1b" not in out
    assert "| 2024-25 | N\ufffd[2Jorth |" in out


@pytest.mark.parametrize("name", ["force", "message"])
def test_by_a_column_only_the_audit_s_full_findings_have(tmp_path: Path, name: str) -> None:
    """The report's findings are lean: a group named like a column only the audit's full
    findings have (force, message) is a group here, not a clash."""
    path = tmp_path / "cases.csv"
    path.write_text(CSV.replace(",team\n", f",{name}\n", 1), encoding="utf-8")
    result = run("report", str(path), *ARGS, "--period", "year", "--by", name, "-f", "csv")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # type: ignore[attr-defined]
    assert [(r["period"], r[name], r["completed"]) for r in rows] == [
        ("2024-25", "North", "1"),
        ("2024-25", "South", "0"),
        ("2025-26", "(none)", "0"),
        ("2025-26", "South", "2"),
    ]


@pytest.mark.parametrize("name", ["period", "completed", "band_11_15", "bucket", "status"])
def test_by_a_name_the_report_or_its_findings_have_is_refused(tmp_path: Path, name: str) -> None:
    """Two columns of one name would be an internal error: one line and exit 2 instead."""
    path = tmp_path / "cases.csv"
    path.write_text(CSV.replace(",team\n", f",{name}\n", 1), encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), *ARGS, "--by", name])
    assert result.exit_code == 2
    err = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(err) == 1
    start = (
        f"wtcheck: error: {path}: --by {name!r}: the findings already have a column of that name"
        if name == "status"
        else f"wtcheck: error: --by {name!r}: the report already has a column of that name"
    )
    assert err[0].startswith(start)
    assert err[0].endswith("; group by another column")
