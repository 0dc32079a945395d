from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
CASES = str(EXAMPLES / "cases.csv")
AS_OF = ("--as-of", "2026-12-01")


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


def test_readme_first_command() -> None:
    result = run("audit", CASES, *AS_OF)
    assert result.exit_code == 1
    out = result.stdout
    assert "\x1b[" not in out
    assert out.splitlines()[-1] == (
        "4 overdue, 6 late, 5 due-soon, 6 pending, 11 met, 4 invalid, 5 check; 24 rows read"
    )
    assert out.index("Overdue") < out.index("Late") < out.index("Due soon") < out.index("Invalid")
    assert out.index("Invalid") < out.index("Check:")
    assert "Pending:" not in out and "Met:" not in out
    # the duty to refer (s.213B) has no time limit: a check, never overdue (law issue item 3)
    (row,) = [line for line in out.splitlines() if "| C0017 |" in line]
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert cells[:2] == ["C0017", "hl-refer"]
    assert "none recorded and the window is open" in cells and "overdue" not in row


def test_only_selects_shown_statuses_and_exit_status() -> None:
    result = run("audit", CASES, *AS_OF, "--only", "pending")
    assert result.exit_code == 1
    assert "Pending:" in result.stdout and "Overdue" not in result.stdout
    result = run("audit", CASES, *AS_OF, "--rule", "hl-prev", "--only", "overdue,late")
    assert result.exit_code == 0
    assert (
        result.stdout.splitlines()[-1]
        == "0 overdue, 0 late, 1 due-soon, 1 pending, 0 met, 0 invalid; 24 rows read"
    )


def test_only_rejects_unknown_status() -> None:
    result = run("audit", CASES, *AS_OF, "--only", "overdue,lost")
    assert result.exit_code == 2
    assert result.stderr.startswith("wtcheck: error: --only: unknown status 'lost'")


def test_csv_output_fields_and_rows() -> None:
    result = run("audit", CASES, *AS_OF, "--format", "csv", "--only", "all", "--rule", "sin-panel")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    first = rows[0]
    assert (first["case_id"], first["rule"], first["trigger_date"], first["deadline"]) == (
        "C0001", "sin-panel", "2025-12-22", "2025-12-31",
    )  # fmt: skip
    assert (first["status"], first["working_days"], first["edition"], first["source_row"]) == (
        "met", "0", "wt2023", "2",
    )  # fmt: skip
    assert [r["status"] for r in rows] == [
        "met", "late", "met", "overdue", "due-soon", "met", "met", "invalid", "met", "invalid", "late",
    ]  # fmt: skip
    assert result.stderr.strip().splitlines()[-1] == (
        "1 overdue, 2 late, 1 due-soon, 0 pending, 5 met, 2 invalid; 24 rows read"
    )


def test_json_output() -> None:
    result = run(
        "audit", CASES, *AS_OF, "--format", "json", "--rule", "lcspr-prepub", "--only", "all"
    )
    items = json.loads(result.stdout)
    assert [(i["case_id"], i["status"], i["deadline"], i["working_days"]) for i in items] == [
        ("C0003", "met", "2023-12-11", 1),
        ("C0010", "met", "2026-03-03", 0),
        ("C0012", "late", "2026-04-01", 2),
        ("C0013", "overdue", "2026-11-27", 2),
    ]
    assert result.exit_code == 1


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "evil.csv"
    path.write_text(
        'case_id,aware_date,notification_date\n"=HYPERLINK(""http://x"")",20/11/2026,\n'
    )
    result = run("audit", str(path), *AS_OF, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def test_output_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CSV is streamed into a temporary file that replaces the target at the end
    import wtcheck.deliver as deliver

    calls: list[Path] = []
    real = deliver.open_atomic

    def spy(path: Path, **kw: str) -> Any:
        calls.append(path)
        return real(path, **kw)

    monkeypatch.setattr(deliver, "open_atomic", spy)
    target = tmp_path / "report.csv"
    target.write_text("old report")
    result = run("audit", CASES, *AS_OF, "--format", "csv", "--output", str(target))
    assert result.exit_code == 1
    assert calls == [target]
    assert result.stdout == ""
    assert target.read_text().startswith("case_id,rule,rule_name,")
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_failed_streamed_audit_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old report")
    nocase = tmp_path / "nocase.csv"
    nocase.write_text("aware_date\n2025-01-06\n", encoding="utf-8")
    # the first file gives findings, the second has no case id column: exit 2
    result = run("audit", CASES, str(nocase), *AS_OF, "--format", "csv", "--output", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nocase.csv", "report.csv"]


def test_output_folder_must_exist(tmp_path: Path) -> None:
    result = run("audit", CASES, *AS_OF, "--output", str(tmp_path / "no" / "r.txt"))
    assert result.exit_code == 2
    assert "folder" in result.stderr and "does not exist" in result.stderr


def test_input_file_unchanged_by_a_run(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(Path(CASES).read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    run("audit", str(path), *AS_OF, "--output", str(tmp_path / "out.txt"))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("dir", "is a directory"),
        ("empty", "the file is empty"),
        ("nocase", "no case id column"),
        ("dupes", "duplicate column headers"),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "x.csv"
    if setup == "dir":
        path = tmp_path
    elif setup == "empty":
        path.write_text("")
    elif setup == "nocase":
        path.write_text("aware_date\n20/11/2026\n")
    elif setup == "dupes":
        path.write_text("case_id,CASE ID,aware_date\nC1,C1,20/11/2026\n")
    result = run("audit", str(path), *AS_OF)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wtcheck: error: ") and message in lines[0]
    assert "Traceback" not in result.output


def test_stdin() -> None:
    text = "case_id,aware_date,notification_date\nC1,22/12/2025,31/12/2025\n"
    result = run("audit", "-", *AS_OF, stdin=text)
    assert result.exit_code == 0
    assert (
        result.stdout.splitlines()[-1]
        == "0 overdue, 0 late, 0 due-soon, 0 pending, 1 met, 0 invalid; 1 rows read"
    )


def test_missing_columns_give_one_notice(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("case_id,aware_date,notification_date\n" + "C1,22/12/2025,31/12/2025\n" * 3)
    result = run("audit", str(path), *AS_OF)
    notes = [line for line in result.stderr.splitlines() if line.startswith("wtcheck: note:")]
    assert len(notes) == 1
    assert notes[0].startswith(f"wtcheck: note: {path}: ")
    assert " rules not checked, their date columns are absent (" in notes[0]
    assert "hl-refer" in notes[0] and "sin-panel" not in notes[0]
    assert notes[0].endswith("; --rule ID says which column a rule needs")
    chosen = run(
        "audit",
        str(path),
        *AS_OF,
        "--rule",
        "sin-panel",
        "--rule",
        "hl-refer",
        "--rule",
        "hl-threat",
    )
    notes = [line for line in chosen.stderr.splitlines() if line.startswith("wtcheck: note:")]
    assert notes == [
        # a threshold is a test, not a deadline (law issue item 2): nothing to audit
        f"wtcheck: note: {path}: rule hl-threat is not audited: it has no deadline to check",
        f"wtcheck: note: {path}: rules skipped, no column for homeless_date: hl-refer",
    ]


def test_show_columns_annex_a() -> None:
    result = run("audit", str(EXAMPLES / "annex-a.csv"), "--show-columns")
    assert result.exit_code == 0
    out = result.stdout
    assert "| referral_date " in out and "| Date of referral " in out
    assert "| icpc_date " in out and "Date of Initial Child Protection Conference" in out
    assert out.rstrip().endswith("Headers not used: 'Gender', 'Allocated Team'")


def test_annex_a_example() -> None:
    result = run("audit", str(EXAMPLES / "annex-a.csv"), *AS_OF)
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[-1]
        == "2 overdue, 2 late, 3 due-soon, 3 pending, 9 met, 1 invalid; 9 rows read"
    )
    assert "| A1008 | sa-45 | 9   | Date of referral | 31/09/2026 | no such date" in result.stdout


def test_mapping_option(tmp_path: Path) -> None:
    data = tmp_path / "local.csv"
    data.write_text("Client,Became aware,Notified Panel\nX1,20/11/2026,\n")
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        '[columns]\ncase_id = "Client"\naware_date = "Became aware"\nnotification_date = "Notified Panel"\n'
    )
    result = run("audit", str(data), *AS_OF, "--mapping", str(mapping), "--rule", "sin-panel")
    assert result.exit_code == 1
    assert "| X1   | sin-panel | Fri 20 Nov 2026 | Fri 27 Nov 2026 |" in result.stdout


def test_large_groups_are_printed_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import wtcheck.render.audit_view as view

    monkeypatch.setattr(view, "RICH_ROWS", 1)
    result = run("audit", CASES, *AS_OF, "--only", "overdue")
    lines = result.stdout.splitlines()
    start = lines.index("Overdue: not done, deadline passed (4)")
    assert lines[start + 2].split("|")[1:3] == [" Case  ", " Rule           "]
    assert lines[start + 4] == (
        "| C0011 | lcspr-complete | Fri 31 Oct 2025 | Thu 30 Apr 2026 | 150 overdue  "
        "| wt2023                | 12  |"
    )
    assert lines[-1] == (
        "4 overdue, 6 late, 5 due-soon, 6 pending, 11 met, 4 invalid, 5 check; 24 rows read"
    )


_INPUT = "case_id,referral_date,assessment_authorised_date\nC1,2025-01-06,\n"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "ics"])
@pytest.mark.parametrize("spelling", ["plain", "dotted", "absolute", "symlink", "hardlink"])
def test_output_naming_the_input_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, spelling: str
) -> None:
    """Safety issue item 1: --output naming the input never overwrites it, by any spelling."""
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.csv"
    src.write_text(_INPUT)
    out = {
        "plain": "in.csv",
        "dotted": "./in.csv",
        "absolute": str(src),
        "symlink": "link.csv",
        "hardlink": "hard.csv",
    }[spelling]
    if spelling == "symlink":
        (tmp_path / "link.csv").symlink_to(src)
    if spelling == "hardlink":
        (tmp_path / "hard.csv").hardlink_to(src)
    result = runner.invoke(app, ["audit", "in.csv", *AS_OF, "-f", fmt, "-o", out])
    assert result.exit_code == 2
    assert src.read_text() == _INPUT
    assert f"--output {Path(out)}: is the input file in.csv" in result.output
