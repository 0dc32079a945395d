"""The CSV fast path (TemplateSink): rows from cached cells, the same bytes as from findings."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from tests.audit.helpers import AS_OF
from wtcheck.audit.engine import AuditOptions, audit_files
from wtcheck.findings import Finding, Status
from wtcheck.render.findings_view import CsvFindingWriter, write_findings_csv
from wtcheck.workdays import get_calendar

HEADER = "case_id,aware_date,notification_date,rapid_review_date\n"
# met (notified the next working day), late, overdue, due-soon, pending and an
# unreadable completion date, each under a case id the csv module must quote
# or a spreadsheet would evaluate
ROWS = [
    ('"A,1"', "2026-11-02", "2026-11-03"),
    ('"say ""hi"""', "2026-10-01", "2026-10-20"),
    ("=cmd()", "2026-10-01", ""),
    ("-5", "2026-11-25", ""),
    ("", "2026-11-30", ""),
    (" Zoë ", "2026-11-02", "31/02/2026"),
    ('"x\ny"', "2026-11-02", "2026-11-30"),
    ("@home", "2026-11-02", "2026-11-07"),
    ("+44", "2026-11-02", "2026-12-05"),
    ("C 7", "2026-11-02", "2026-11-03"),
]


def _write(tmp_path: Path) -> str:
    path = tmp_path / "cases.csv"
    lines = [HEADER] + [f"{case},{aware},{done},\n" for case, aware, done in ROWS]
    path.write_text("".join(lines), encoding="utf-8")
    return str(path)


def _audit(name: str, sink: object, **kw: object) -> dict[Status, int]:
    options = AuditOptions(AS_OF, keep=frozenset(Status), **kw)  # type: ignore[arg-type]
    engine = audit_files([name], get_calendar(), options, notice=lambda _m: None, sink=sink)  # type: ignore[arg-type]
    return engine.counts


@pytest.mark.parametrize("soon", [5, 20])
def test_templated_rows_are_the_bytes_of_the_findings(tmp_path: Path, soon: int) -> None:
    name = _write(tmp_path)
    findings: list[Finding] = []
    counts = _audit(name, findings.append, soon=soon)
    expected = io.StringIO()
    write_findings_csv(expected, findings)
    streamed = io.StringIO()
    writer = CsvFindingWriter(streamed)
    assert _audit(name, writer, soon=soon) == counts
    writer.finish()
    assert streamed.getvalue() == expected.getvalue()
    # every status and every kind of case id went through the fast path
    assert all(counts[s] for s in (Status.MET, Status.LATE, Status.OVERDUE, Status.INVALID))
    text = streamed.getvalue()
    for cell in ('"A,1"', '"say ""hi"""', "'=cmd()", "'-5", "Zoë", '"x\ny"', "'@home", "'+44"):
        assert f"\r\n{cell}," in text


def test_parts_and_case_cell_make_the_row_the_csv_module_writes() -> None:
    writer = CsvFindingWriter(io.StringIO())
    template = Finding("", "r1", "Rule, one", Status.MET, None, None, None, 0, "wt2023", 0)
    parts = writer.parts(template)
    assert parts == (',r1,"Rule, one",', ",", ",", ",met,", ",wt2023,", ",,,,false,,,\r\n")
    assert [writer.case_cell(c) for c in ("C1", "=1+1", "C 7", 'a"b', "a,b", "x\ny")] == [
        "C1", "'=1+1", "C 7", None, None, None,
    ]  # fmt: skip
    row = "".join(
        f"{v}{p}"
        for v, p in zip(["'=1+1", "2026-12-01", "2026-12-05", "", -2, 13], parts, strict=True)
    )
    assert row == '\'=1+1,r1,"Rule, one",2026-12-01,2026-12-05,,met,-2,wt2023,13,,,,false,,,\r\n'
    full = io.StringIO()
    write_findings_csv(
        full,
        [Finding("=1+1", "r1", "Rule, one", Status.MET, date(2026, 12, 1), date(2026, 12, 5),
                 None, -2, "wt2023", 13)],
    )  # fmt: skip
    assert full.getvalue().split("\r\n", 1)[1] == row


EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "cases.csv")


@pytest.mark.parametrize(
    "keep",
    [
        frozenset({Status.OVERDUE, Status.LATE, Status.DUE_SOON, Status.INVALID}),
        frozenset({Status.INVALID}),
        frozenset({Status.PENDING}),
        frozenset({Status.MET, Status.LATE}),
    ],
)
def test_counting_without_met_findings_finds_what_the_full_pass_finds(
    tmp_path: Path, keep: frozenset[Status]
) -> None:
    # without met in keep, rows done on time are set aside in one C-level pass
    for name in (EXAMPLE, _write(tmp_path)):
        every: list[Finding] = []
        all_counts = _audit(name, every.append)
        kept: list[Finding] = []
        options = AuditOptions(AS_OF, keep=keep)
        engine = audit_files(
            [name], get_calendar(), options, notice=lambda _m: None, sink=kept.append
        )
        assert engine.counts == all_counts
        assert kept == [f for f in every if f.status in keep]
        assert kept
