"""The summary's figures against the hand count of tests/report/fixture.py.

Each expected row below was counted by hand from the fixture's comments:
moving a period boundary, a band edge or the overdue test by one day changes
at least one of them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from tests.report.fixture import AS_OF, DAYS, ROWS, d, findings_frame
from wtcheck.calendar.workdays import Calendar
from wtcheck.report.measures import ASSESSMENT_BANDS, ICPC_BANDS
from wtcheck.report.period import Period
from wtcheck.report.summary import completions, detail, summarise

FIGURES = ("completed", "on_time", "pct_on_time", "q1_days", "median_days", "q3_days")
ENDS = ("open_at_end", "overdue_at_end")
ICPC = [b.column for b in ICPC_BANDS]
ASSESS = [b.column for b in ASSESSMENT_BANDS]


def rows(table: pl.DataFrame, rule: str, *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in table.filter(pl.col("rule") == rule).select(columns).iter_rows()]


@pytest.fixture
def frame() -> pl.DataFrame:
    return findings_frame()


def test_working_days_taken_are_the_hand_count(frame: pl.DataFrame, ew: Calendar) -> None:
    done = completions(frame, cal=ew, period=Period.MONTH)
    assert dict(done.select("case_id", "days_taken").iter_rows()) == DAYS


def test_icpc_by_month_and_team(frame: pl.DataFrame, ew: Calendar) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.MONTH, by=["team"])
    assert rows(table, "icpc-2013", "period", "team", *FIGURES, *ENDS) == [
        # 31 Mar: N2-N5 and X2 open; N5 (due 28 Mar) and X2 (24 Mar) overdue, N3/N4 due that day
        ("2025-03", "(none)", 1, 0, 0.0, 16.0, 16.0, 16.0, 1, 1),
        ("2025-03", "North", 1, 1, 100.0, 15.0, 15.0, 15.0, 4, 1),
        ("2025-04", "(none)", 1, 0, 0.0, 22.0, 22.0, 22.0, 0, 0),
        ("2025-04", "North", 4, 1, 25.0, 15.75, 16.5, 17.25, 0, 0),
        # Sat 31 May ends May: S1 done that Saturday counts in May; S2 and S3 open then
        ("2025-05", "South", 1, 1, 100.0, 9.0, 9.0, 9.0, 2, 0),
        ("2025-06", "South", 1, 1, 100.0, 10.0, 10.0, 10.0, 1, 1),
        ("2025-07", "South", 0, 0, None, None, None, None, 1, 1),
        ("2025-08", "South", 0, 0, None, None, None, None, 1, 1),
        ("2025-09", "South", 0, 0, None, None, None, None, 1, 1),  # at the as-of date
    ]
    assert rows(table, "icpc-2013", "period", "team", *ICPC) == [
        ("2025-03", "(none)", 0, 0, 1, 0),
        ("2025-03", "North", 0, 1, 0, 0),
        ("2025-04", "(none)", 0, 0, 0, 1),
        ("2025-04", "North", 0, 1, 3, 0),
        ("2025-05", "South", 1, 0, 0, 0),
        ("2025-06", "South", 1, 0, 0, 0),
        ("2025-07", "South", 0, 0, 0, 0),
        ("2025-08", "South", 0, 0, 0, 0),
        ("2025-09", "South", 0, 0, 0, 0),
    ]


def test_financial_year_splits_31_march_from_1_april(frame: pl.DataFrame, ew: Calendar) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.YEAR)
    assert rows(table, "icpc-2013", "period", "period_start", "period_end", *FIGURES, *ENDS) == [
        # N1 (Mon 31 Mar) and X1; open on 31 Mar: N2-N5, X2; overdue: N5, X2
        ("2024-25", d("2024-04-01"), d("2025-03-31"), 2, 1, 50.0, 15.25, 15.5, 15.75, 5, 2),
        # N2 (Tue 1 Apr) and the rest; at the as-of date S3 is open and overdue
        ("2025-26", d("2025-04-01"), d("2026-03-31"), 7, 3, 42.9, 12.5, 16.0, 17.5, 1, 1),
    ]
    assert rows(table, "icpc-2013", "period", *ICPC) == [
        ("2024-25", 0, 1, 1, 0),
        ("2025-26", 2, 1, 3, 1),
    ]


def test_quarters_of_the_financial_year(frame: pl.DataFrame, ew: Calendar) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.QUARTER)
    assert rows(
        table, "icpc-2013", "period", "period_start", "period_end", "counted_to", "completed", *ENDS
    ) == [
        ("2024-25 Q4", d("2025-01-01"), d("2025-03-31"), d("2025-03-31"), 2, 5, 2),
        ("2025-26 Q1", d("2025-04-01"), d("2025-06-30"), d("2025-06-30"), 7, 1, 1),
        ("2025-26 Q2", d("2025-07-01"), d("2025-09-30"), AS_OF, 0, 1, 1),
    ]


def test_every_assessment_band_edge(frame: pl.DataFrame, ew: Calendar) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.MONTH)
    assert rows(table, "sa-45", "period", *FIGURES, *ENDS) == [
        ("2025-06", 5, 5, 100.0, 1.0, 10.0, 11.0, 12, 0),
        ("2025-07", 5, 5, 100.0, 30.0, 31.0, 40.0, 7, 0),
        # day 45 (Mon 4 Aug) met, 46 late; open AOP overdue from 5 Aug
        ("2025-08", 6, 1, 16.7, 47.0, 50.5, 57.75, 1, 1),
        ("2025-09", 0, 0, None, None, None, None, 1, 1),
    ]
    # same day | 1–10 | 11–20 | 21–30 | 31–40 | 41–45 | 46–50 | 51–60 | 61+
    assert rows(table, "sa-45", "period", *ASSESS) == [
        ("2025-06", 1, 2, 2, 0, 0, 0, 0, 0, 0),
        ("2025-07", 0, 0, 0, 2, 2, 1, 0, 0, 0),
        # Tue 26 Aug is day 60 because Mon 25 Aug is a bank holiday; Wed 27 Aug is 61
        ("2025-08", 0, 0, 0, 0, 0, 1, 2, 2, 1),
        ("2025-09", 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ]
    year = summarise(frame, cal=ew, as_of=AS_OF, period=Period.YEAR)
    assert rows(year, "sa-45", "completed", "on_time", "pct_on_time", *ASSESS) == [
        (16, 11, 68.8, 1, 2, 2, 2, 2, 2, 2, 2, 1)
    ]


def test_bands_only_for_the_rules_dfe_publishes_them_for(frame: pl.DataFrame, ew: Calendar) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.YEAR)
    assert table.columns[:3] == ["rule", "period", "period_start"]
    assert set(rows(table, "sa-45", *ICPC)) == {(None, None, None, None)}
    assert set(rows(table, "icpc-2013", *ASSESS)) == {(None,) * 9}


def test_england_figure_only_beside_the_measure_it_matches(
    frame: pl.DataFrame, ew: Calendar
) -> None:
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.YEAR)
    # C4 counts ICPCs from the s47 start: icpc-2013's measure
    assert set(rows(table, "icpc-2013", "england_pct_on_time", "england_year")) == {
        (81.4, "2024-25")
    }
    # C2 counts from the assessment start, sa-45 from the referral: nothing beside it
    assert set(rows(table, "sa-45", "england_pct_on_time", "england_year")) == {(None, None)}


def test_no_matching_rule_no_england_columns(ew: Calendar) -> None:
    only_sa = findings_frame([r for r in ROWS if r[1] == "sa-45"])
    table = summarise(only_sa, cal=ew, as_of=AS_OF, period=Period.YEAR)
    assert "england_pct_on_time" not in table.columns
    assert not any(c.startswith("band_0_10") for c in table.columns)


def test_completion_before_its_trigger_counts_but_has_no_duration(ew: Calendar) -> None:
    # an ICPC dated before the s47 start: DfE keeps it in the count, not in the durations
    rows_ = [
        ("B1", "icpc-2013", "North", "2025-03-10", "2025-03-31", "2025-03-07", "met"),  # -1
        ("B2", "icpc-2013", "North", "2025-03-10", "2025-03-31", "2025-03-17", "met"),  # 5
    ]
    table = summarise(findings_frame(rows_), cal=ew, as_of=date(2025, 3, 31))
    assert rows(table, "icpc-2013", "completed", "median_days", *ICPC, *ENDS) == [
        (2, 5.0, 1, 0, 0, 0, 0, 0)
    ]


def test_detail_lists_the_rows_behind_a_cell(frame: pl.DataFrame, ew: Calendar) -> None:
    done = completions(frame, cal=ew, period=Period.MONTH, by=["team"])
    rows_ = detail(done, ["team"], Period.MONTH).filter(
        (pl.col("rule") == "icpc-2013")
        & (pl.col("period") == "2025-04")
        & (pl.col("team") == "North")
    )
    assert rows_.select(
        "case_id", "trigger_date", "completed_date", "working_days_taken", "band", "in_time"
    ).rows() == [
        ("N2", d("2025-03-11"), d("2025-04-01"), 15, "11–15", "in time"),
        ("N3", d("2025-03-10"), d("2025-04-01"), 16, "16–20", "out of time"),
        ("N4", d("2025-03-10"), d("2025-04-02"), 17, "16–20", "out of time"),
        ("N5", d("2025-03-07"), d("2025-04-02"), 18, "16–20", "out of time"),
    ]
    assert rows_.get_column("source_row").to_list() == [3, 4, 5, 6]


def test_groups_with_two_columns_and_invalid_rows_ignored(
    frame: pl.DataFrame, ew: Calendar
) -> None:
    frame = frame.with_columns(worker=pl.when(pl.col("case_id") == "N1").then(pl.lit("Ann")))
    table = summarise(frame, cal=ew, as_of=AS_OF, period=Period.YEAR, by=["team", "worker"])
    assert rows(table, "icpc-2013", "period", "team", "worker", "completed", *ENDS) == [
        ("2024-25", "(none)", "(none)", 1, 1, 1),
        ("2024-25", "North", "(none)", 0, 4, 1),
        ("2024-25", "North", "Ann", 1, 0, 0),
        ("2025-26", "(none)", "(none)", 1, 0, 0),
        ("2025-26", "North", "(none)", 4, 0, 0),
        ("2025-26", "South", "(none)", 2, 1, 1),
    ]


def test_empty_frame_gives_an_empty_summary(ew: Calendar) -> None:
    table = summarise(findings_frame([]), cal=ew, as_of=AS_OF)
    assert table.height == 0
