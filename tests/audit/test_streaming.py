"""Streamed CSV output: the same bytes as the buffered writer, memory held by nobody."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from tests.audit.helpers import AS_OF
from wtcheck.audit.pipeline import AuditResult, audit_files, findings_frame
from wtcheck.audit.plan import AuditOptions
from wtcheck.calendar.workdays import get_calendar
from wtcheck.deliver import open_atomic
from wtcheck.findings import Finding, Status
from wtcheck.render.findings_view import CsvFrameWriter, write_findings_csv

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "cases.csv")


def _audit(sink: object = None) -> AuditResult:
    options = AuditOptions(AS_OF)
    cal = get_calendar("england-and-wales")
    return audit_files([EXAMPLE], cal, options, notice=lambda _m: None, sink=sink)  # type: ignore[arg-type]


def test_a_sink_gets_every_finding_in_order_and_the_result_keeps_none() -> None:
    kept = _audit()
    streamed: list[pl.DataFrame] = []
    left = _audit(streamed.append)
    assert len(left.frame) == 0
    assert pl.concat(streamed).equals(kept.frame)
    assert left.counts == kept.counts
    assert len(kept.frame) == sum(kept.counts.values()) == 41


def test_streamed_csv_is_byte_for_byte_the_csv_of_the_findings() -> None:
    kept = _audit()
    buffered = io.StringIO()
    write_findings_csv(buffered, kept.findings())
    streamed = io.StringIO()
    writer = CsvFrameWriter(streamed)
    _audit(writer)
    writer.finish()
    assert streamed.getvalue() == buffered.getvalue()
    assert streamed.getvalue().startswith("case_id,rule,rule_name,trigger_date,")


def test_the_header_waits_for_the_first_row_or_finish() -> None:
    out = io.StringIO()
    writer = CsvFrameWriter(out)
    assert out.getvalue() == ""
    writer.finish()
    writer.finish()
    assert out.getvalue() == (
        "case_id,rule,rule_name,trigger_date,deadline,completed_date,status,working_days,"
        "edition,source_row,force,anchor,file,projected,column,value,message,episode\r\n"
    )


def test_text_cells_are_neutralised_and_quoted_as_the_csv_module_would() -> None:
    odd = Finding(
        case_id="=HYPERLINK(1)",
        rule="r",
        rule_name="-name",
        status=Status.OVERDUE,
        trigger_date=date(2026, 1, 5),
        deadline=date(2026, 1, 12),
        completed=None,
        days=3,
        edition="e",
        row=2,
        file='a,"b"\nc',
        message="@x",
    )
    out = io.StringIO()
    write_findings_csv(out, [odd, odd._replace(case_id="+1") if hasattr(odd, "_replace") else odd])
    row = out.getvalue().split("\r\n")[1]
    assert row.startswith("'=HYPERLINK(1),r,'-name,2026-01-05,2026-01-12,,overdue,3,e,2,")
    assert ',"a,""b""\nc",false,,,\'@x' in out.getvalue()


@pytest.mark.parametrize(
    ("case_id", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", '"\'\rx"'),  # a line break in a cell is quoted too
        ("a=1", "a=1"),  # only the first character counts
        (" =1", " =1"),
        ("C0001", "C0001"),
        ("", ""),
    ],
)
def test_each_dangerous_first_character_is_neutralised_and_no_other(
    case_id: str, written: str
) -> None:
    odd = Finding(
        case_id=case_id, rule="r", rule_name="n", status=Status.OVERDUE,
        trigger_date=date(2026, 1, 5), deadline=date(2026, 1, 12), completed=None, days=3,
        edition="e", row=2, file="f",
    )  # fmt: skip
    out = io.StringIO()
    writer = CsvFrameWriter(out)
    writer(findings_frame([odd]))
    assert out.getvalue().split("\r\n", 1)[1].startswith(written + ",r,n,2026-01-05,")


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


def test_a_frame_without_text_columns_is_written() -> None:
    """The writer neutralises text cells; a frame with none is written as it is."""
    import io

    import polars as pl

    from wtcheck.render.findings_view import CsvFrameWriter

    out = io.StringIO()
    CsvFrameWriter(out)(pl.DataFrame({"a": [1, 2], "b": [None, None]}))
    assert out.getvalue() == "a,b\r\n1,\r\n2,\r\n"


@pytest.mark.parametrize("size", [1, 2, 3])
def test_findings_listed_in_slices_are_the_findings(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's listed findings go to the sink in slices of SLICE rows (200,000): every
    finding once, in order, whatever the slice size (here a few rows, so that a rule's
    findings of the example span several slices and end in a part-slice)."""
    from wtcheck.audit import pipeline

    whole = _audit().frame
    assert whole.height > 3 * size
    frames: list[pl.DataFrame] = []
    monkeypatch.setattr(pipeline, "SLICE", size)
    _audit(sink=frames.append)
    assert max(f.height for f in frames) == size
    assert pl.concat(frames).equals(whole)
