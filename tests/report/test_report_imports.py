"""The report's heavy libraries load only for the runs that need them."""

from __future__ import annotations

from pathlib import Path

from tests.test_imports import imported_by

HEAVY = {"polars", "matplotlib", "xlsxwriter"}
EXAMPLE = str(Path(__file__).parents[2] / "examples" / "annex-a.csv")


def test_help_and_other_commands_do_not_load_them() -> None:
    assert imported_by("--help").isdisjoint(HEAVY)
    assert imported_by("report", "--help").isdisjoint(HEAVY)
    assert imported_by("workdays", "add", "2023-05-05", "5").isdisjoint(HEAVY)


def test_a_csv_report_loads_polars_only() -> None:
    loaded = imported_by("report", EXAMPLE, "--as-of", "2026-12-01", "-f", "csv")
    assert "polars" in loaded
    assert loaded.isdisjoint({"matplotlib", "xlsxwriter"})
