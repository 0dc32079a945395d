"""Streamed CSV output: the same bytes as the buffered writer, memory held by nobody."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from tests.audit.helpers import AS_OF
from wtcheck.audit.engine import AuditOptions, audit_files
from wtcheck.deliver import open_atomic
from wtcheck.findings import Finding, Status
from wtcheck.render.findings_view import CsvFindingWriter, write_findings_csv
from wtcheck.workdays import get_calendar

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "cases.csv")


def _audit(sink: object = None) -> tuple[list[Finding], dict[Status, int]]:
    options = AuditOptions(AS_OF)
    cal = get_calendar("england-and-wales")
    engine = audit_files([EXAMPLE], cal, options, notice=lambda _m: None, sink=sink)  # type: ignore[arg-type]
    return engine.findings, engine.counts


def test_a_sink_gets_every_finding_in_order_and_the_engine_keeps_none() -> None:
    kept, counts = _audit()
    streamed: list[Finding] = []
    left, streamed_counts = _audit(streamed.append)
    assert left == []
    assert streamed == kept
    assert streamed_counts == counts
    assert len(kept) == sum(counts.values())


def test_streamed_csv_is_byte_for_byte_the_buffered_csv() -> None:
    kept, _ = _audit()
    buffered = io.StringIO()
    write_findings_csv(buffered, kept)
    streamed = io.StringIO()
    writer = CsvFindingWriter(streamed)
    _audit(writer)
    writer.finish()
    assert streamed.getvalue() == buffered.getvalue()
    assert streamed.getvalue().startswith("case_id,rule,rule_name,trigger_date,")


def test_the_header_waits_for_the_first_row_or_finish() -> None:
    out = io.StringIO()
    writer = CsvFindingWriter(out)
    assert out.getvalue() == ""
    writer.finish()
    writer.finish()
    assert out.getvalue().count("case_id,rule,") == 1


def test_text_cells_are_neutralised_on_the_fast_path() -> None:
    out = io.StringIO()
    writer = CsvFindingWriter(out)
    writer(
        Finding(
            case_id="=HYPERLINK(1)",
            rule="r",
            rule_name="-name",
            status=Status.OVERDUE,
            trigger_date=date(2026, 1, 5),
            deadline=date(2026, 1, 12),
            completed=None,
            days=-3,
            edition="e",
            row=2,
            message="@x",
        )
    )
    row = out.getvalue().splitlines()[1]
    assert row.startswith("'=HYPERLINK(1),r,'-name,2026-01-05,2026-01-12,,overdue,-3,e,2,")
    assert row.endswith(",'@x")


def test_open_atomic_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), open_atomic(target) as fh:
        fh.write("half")
        raise RuntimeError("stop")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]
    with open_atomic(target) as fh:
        fh.write("new\r\n")
    assert target.read_bytes() == b"new\r\n"
