"""DfE's bands and England's figures: matched on the measure, never on a name."""

from __future__ import annotations

from datetime import date

import polars as pl

from wtcheck.report.measures import (
    ASSESSMENT_BANDS,
    ICPC_BANDS,
    bands_for,
    england_figures,
    england_label,
)
from wtcheck.rules import get_rule


def test_band_edges_are_dfes() -> None:
    assert [(b.label, b.lo, b.hi) for b in ASSESSMENT_BANDS] == [
        ("same day", 0, 0), ("1–10", 1, 10), ("11–20", 11, 20), ("21–30", 21, 30),
        ("31–40", 31, 40), ("41–45", 41, 45), ("46–50", 46, 50), ("51–60", 51, 60),
        ("61+", 61, None),
    ]  # fmt: skip
    assert [(b.label, b.lo, b.hi) for b in ICPC_BANDS] == [
        ("0–10", 0, 10), ("11–15", 11, 15), ("16–20", 16, 20), ("21+", 21, None),
    ]  # fmt: skip


def test_which_rules_get_which_bands() -> None:
    assert bands_for(get_rule("sa-45")) == ASSESSMENT_BANDS
    assert bands_for(get_rule("icpc-2013")) == ICPC_BANDS
    assert bands_for(get_rule("icpc-2010")) == ICPC_BANDS
    assert bands_for(get_rule("ia-10")) == ()  # initial assessments: not C2's measure
    assert bands_for(get_rule("rcpc-first")) == ()
    assert bands_for(None) == ()


def test_england_figures_are_computed_from_dfes_counts() -> None:
    icpc = england_figures(get_rule("icpc-2013"))
    assert [(f.year, f.within, f.total, f.pct) for f in icpc] == [
        ("2024-25", 58670, 72090, 81.4),
        ("2022-23", 58330, 74350, 78.5),
    ]
    assert england_label() == (
        "England, computed from DfE's published counts (rounded to the nearest 10)"
    )
    assert all(f.source.startswith("DfE, C4") for f in icpc)


def test_the_assessment_figure_only_beside_a_start_based_rule() -> None:
    sa45 = get_rule("sa-45")
    assert england_figures(sa45) == ()  # counted from the referral: not DfE's measure
    from_start = sa45._replace(id="sa-45-start", trigger="assessment_start")
    (figure,) = england_figures(from_start)
    assert (figure.year, figure.pct, figure.median) == ("2024-25", 85.7, 33)


def test_source_frame_from_the_current_audit(ew: object) -> None:
    from pathlib import Path

    from wtcheck.audit.pipeline import LEAN, SCHEMA
    from wtcheck.audit.plan import AuditOptions
    from wtcheck.report.source import audit_frame

    path = str(Path(__file__).parents[2] / "examples" / "annex-a.csv")
    day = date(2026, 12, 1)
    frame = audit_frame(
        [path],
        as_of=day,
        cal=ew,
        options=AuditOptions(day),
        by=["Allocated Team"],  # type: ignore[arg-type]
    )
    # the lean frame: what a summary needs, without the texts that explain a finding
    assert dict(frame.schema) == {**{k: SCHEMA[k] for k in LEAN}, "Allocated Team": pl.String}
    icpc = frame.filter(pl.col("rule") == "icpc-2013").sort("source_row")
    assert icpc.select("case_id", "trigger_date", "completed_date", "status", "Allocated Team").rows()[0] == (
        "A1002", date(2026, 9, 16), date(2026, 10, 2), "met", "Duty 2",
    )  # fmt: skip


def test_source_frame_keeps_case_ids_as_written(tmp_path: object, ew: object) -> None:
    from pathlib import Path

    from wtcheck.audit.plan import AuditOptions
    from wtcheck.report.source import audit_frame

    path = Path(str(tmp_path)) / "cases.csv"
    path.write_text(
        "case_id,strategy_discussion_date,icpc_date\n-12,10/03/2025,31/03/2025\n=A1,10/03/2025,\n",
        encoding="utf-8",
    )
    day = date(2025, 4, 30)
    frame = audit_frame([str(path)], as_of=day, cal=ew, options=AuditOptions(day))  # type: ignore[arg-type]
    rows = frame.filter(pl.col("rule") == "icpc-2013").sort("source_row")
    assert rows.select("case_id", "status", "completed_date", "working_days").rows() == [
        ("-12", "met", date(2025, 3, 31), 0),
        ("=A1", "overdue", None, 20),  # 22 weekdays in April less Good Friday, Easter Monday
    ]
