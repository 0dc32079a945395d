"""--by groups (reporting issue item 1) and --format xlsx for the audit (item 3)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()
AS_OF = ("--as-of", "2026-12-01")
TEXT = (
    "case_id,aware_date,notification_date,Team\n"
    "C1,20/11/2026,,Team A\n"  # sin-panel due Fri 27 Nov: overdue on Tue 1 Dec
    "C2,20/11/2026,,\n"  # no team: the (none) group
    "C3,26/11/2026,, Team B \n"  # due Thu 3 Dec: due soon
)


def _file(tmp_path: Path) -> str:
    path = tmp_path / "cases.csv"
    path.write_text(TEXT)
    return str(path)


def test_by_adds_a_column_with_none_for_empty_cells(tmp_path: Path) -> None:
    got = runner.invoke(
        app, ["audit", _file(tmp_path), *AS_OF, "-r", "sin-panel", "--by", "team", "-f", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(got.stdout)))
    assert list(rows[0])[-2:] == ["episode", "team"]
    assert [(r["case_id"], r["status"], r["team"]) for r in rows] == [
        ("C1", "overdue", "Team A"),
        ("C2", "overdue", "(none)"),
        ("C3", "due-soon", "Team B"),
    ]


def test_by_gives_the_table_a_section_per_group(tmp_path: Path) -> None:
    got = runner.invoke(app, ["audit", _file(tmp_path), *AS_OF, "-r", "sin-panel", "--by", "Team"])
    out = got.stdout
    assert out.index("Team: (none)") < out.index("Team: Team A") < out.index("Team: Team B")
    section_a = out[out.index("Team: Team A") : out.index("Team: Team B")]
    assert "C1" in section_a and "C2" not in section_a and "C3" not in section_a
    assert (
        out.splitlines()[-1]
        == "2 overdue, 0 late, 1 due-soon, 0 pending, 0 met, 0 invalid; 3 rows read"
    )


def test_by_a_missing_column_says_which_is_near(tmp_path: Path) -> None:
    got = runner.invoke(app, ["audit", _file(tmp_path), *AS_OF, "--by", "teem"])
    assert got.exit_code == 2
    assert got.stderr.endswith("--by 'teem': no such column; did you mean 'Team'?\n")


@pytest.mark.parametrize("name", ["case_id", "status", "file"])
def test_by_a_name_the_findings_already_have_is_refused(tmp_path: Path, name: str) -> None:
    """A group column named like one of wtcheck's own would make two columns of one name
    (it was an internal error); the input's header is matched, the name clashes."""
    path = tmp_path / "cases.csv"
    path.write_text(TEXT.replace(",Team\n", f",{name}\n", 1) if name != "case_id" else TEXT)
    got = runner.invoke(app, ["audit", str(path), *AS_OF, "--by", name])
    assert got.exit_code == 2
    assert got.stderr.endswith(
        f"cases.csv: --by {name!r}: the findings already have a column of that name "
        "(wtcheck's own: case_id, rule, rule_name, trigger_date, deadline, completed_date, "
        "status, working_days, edition, source_row, force, anchor, file, projected, column, "
        "value, message, episode); group by another column\n"
    )


def test_by_the_same_column_twice_is_refused(tmp_path: Path) -> None:
    got = runner.invoke(app, ["audit", _file(tmp_path), *AS_OF, "--by", "team", "--by", "team"])
    assert got.exit_code == 2
    assert got.stderr.endswith("cases.csv: --by 'team' is given twice\n")


def test_xlsx_output(tmp_path: Path) -> None:
    import fastexcel

    out = tmp_path / "findings.xlsx"
    got = runner.invoke(
        app,
        [
            "audit",
            _file(tmp_path),
            *AS_OF,
            "-r",
            "sin-panel",
            "--by",
            "Team",
            "-f",
            "xlsx",
            "-o",
            str(out),
        ],
    )
    assert got.exit_code == 1, got.output
    book = fastexcel.read_excel(str(out))
    assert book.sheet_names == ["About", "Findings"]
    frame = book.load_sheet("Findings").to_polars()
    assert frame["case_id"].to_list() == ["C1", "C2", "C3"]
    assert str(frame["deadline"][0]).startswith("2026-11-27")  # a real date cell, not text
    assert frame["deadline"].dtype != pl.String
    assert frame["working_days"].to_list() == [2, 2, 2]  # numbers: 2 overdue, 2 overdue, 2 left
    assert frame["Team"].to_list() == ["Team A", "(none)", "Team B"]
    nofile = runner.invoke(app, ["audit", _file(tmp_path), *AS_OF, "-f", "xlsx"])
    assert nofile.exit_code == 2
    assert "--format xlsx: give --output FILE.xlsx" in nofile.stderr


def test_columns_table_in_the_config_file_maps_headers(tmp_path: Path) -> None:
    """Real-data issue item 7: [columns] in the config file does what --mapping does."""
    config = tmp_path / "wtcheck.toml"
    config.write_text('[columns]\nreferral_date = "Ref Date"\n')
    data = tmp_path / "rd.csv"
    data.write_text("case_id,Ref Date,assessment_authorised_date\nC1,2025-01-06,\n")
    args = ["audit", str(data), "--as-of", "2025-01-09", "--config", str(config), "-f", "csv"]
    got = runner.invoke(app, [*args, "--only", "pending", "-r", "sa-45"])
    assert got.exit_code == 1
    assert [r["deadline"] for r in csv.DictReader(io.StringIO(got.stdout))] == ["2025-03-10"]
    config.write_text('[columns]\nreferal_date = "Ref Date"\n')
    bad = runner.invoke(app, args)
    assert bad.exit_code == 2
    assert "[columns]: unknown column 'referal_date' (did you mean 'referral_date'?)" in bad.stderr


def test_no_usable_column_names_the_nearest_header(tmp_path: Path) -> None:
    """Real-data issue item 7: which column, which names were tried, the nearest header."""
    data = tmp_path / "x.csv"
    data.write_text("case_id,Date of refferal,Date assessment authorised\nC1,2025-01-06,\n")
    got = runner.invoke(app, ["audit", str(data), "--as-of", "2025-01-09"])
    assert got.exit_code == 2
    line = got.stderr.strip().splitlines()[-1]
    assert (
        "no usable column" in line and "needs the referral_date column; tried referral_date" in line
    )
    assert line.endswith(
        "nearest header in the file: 'Date of refferal' (map it with --mapping or [columns] in "
        "the config file)"
    )


def test_state_file_says_what_is_new_and_resolved(tmp_path: Path) -> None:
    """Team-email issue item 3 through the command: two runs on one state file."""
    state = tmp_path / "state.sqlite"
    data = Path(_file(tmp_path))
    base = ["audit", str(data), "-r", "sin-panel", "--state", str(state), "-f", "csv"]
    first = runner.invoke(app, [*base, "--as-of", "2026-12-01"])
    assert "wtcheck: note: 3 new, 0 still open, 0 resolved (first run)" in first.stderr
    # C2 done on its deadline (met: no longer listed), C4 new and overdue
    data.write_text(
        TEXT.replace("C2,20/11/2026,,", "C2,20/11/2026,27/11/2026,") + "C4,19/11/2026,,Team A\n"
    )
    second = runner.invoke(app, [*base, "--as-of", "2026-12-02", "--only", "new"])
    assert (
        "wtcheck: note: 1 new, 2 still open, 1 resolved since the run as of 01/12/2026"
        in second.stderr
    )
    rows = list(csv.DictReader(io.StringIO(second.stdout)))
    assert [(r["case_id"], r["status"]) for r in rows] == [("C4", "overdue")]
    no_state = runner.invoke(app, ["audit", str(data), "--only", "new"])
    assert no_state.exit_code == 2 and "--only new needs --state FILE" in no_state.stderr


def test_report_says_what_changed_since_the_audit_run_a_state_file_recorded(
    tmp_path: Path,
) -> None:
    """Team-email issue item 3: the report reads the state (and records nothing)."""
    state = tmp_path / "state.sqlite"
    data = Path(_file(tmp_path))
    runner.invoke(app, ["audit", str(data), "-r", "sin-panel", "--state", str(state),
                        "--as-of", "2026-12-01", "-f", "csv"])  # fmt: skip
    data.write_text(TEXT.replace("C2,20/11/2026,,", "C2,20/11/2026,27/11/2026,"))
    args = ["report", str(data), "-r", "sin-panel", "--state", str(state), "--as-of", "2026-12-02"]
    got = runner.invoke(app, args)
    assert got.stdout.startswith("Timeliness of ")
    assert "2 still open, 1 resolved since the audit as of 01/12/2026" in " ".join(
        got.stdout.split()
    )
    again = runner.invoke(app, args)  # nothing was recorded by the first report
    assert " ".join(again.stdout.split()) == " ".join(got.stdout.split())
