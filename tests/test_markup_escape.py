"""Text in table cells is printed as it is: rich never reads it as a style tag.

rich drops anything like ``[secondary source]`` from a string it prints,
reading it as markup; the views escape the data they put in tables (rule
citations with their evidence label, case ids, cell values, headers), so
both rich's tables (audit, rules) and the piped deadlines table show it.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from wtcheck.cli.app import app


def run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_deadlines_table_shows_the_evidence_label() -> None:
    out = run("deadlines", "--aware", "22/12/2025", "--as-of", "2026-01-05", env={"COLUMNS": "400"})
    # sin-panel and sin-partners cite GOV.UK's own page first (verification.md §12.1-12.2)
    assert "GOV.UK, 'Report a serious child safeguarding incident', 'You must do this" in out
    assert out.count("[primary source]") == 2
    assert "| anchor unverified [secondary source]" in out


def test_audit_table_shows_bracketed_case_ids_and_values(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,aware_date,notification_date\n[A1],2026-11-02,[blank]\n")
    out = run("audit", str(path), "--as-of", "2026-12-01", "--only", "all")
    assert "| [A1] | sin-panel | 2   | notification_date | [blank] |" in out
