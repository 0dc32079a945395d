"""Generated CSVs and date strings never produce a traceback: only findings
or a clean InputError."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wtcheck.audit.pipeline import audit_files
from wtcheck.audit.plan import AuditOptions
from wtcheck.calendar.workdays import get_calendar
from wtcheck.dates import NO_SHAPE, DateCodes, read_cell
from wtcheck.errors import DateError, InputError
from wtcheck.findings import Status

HEADERS = ["case_id", "aware_date", "notification_date", "rapid_review_date", "Date of referral",
           "homeless_date", "referral_to_housing_date", "satisfied_date", "x", "CASE ID"]  # fmt: skip
DATEISH = st.one_of(
    st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(date.isoformat),
    st.integers(-5, 3_000_000).map(str),
    st.text(alphabet="0123456789/-. :TAMPamp", max_size=25),
    st.text(max_size=12),
)
CELL = st.one_of(DATEISH, st.just(""), st.text(alphabet=',;\t"\n\r ', max_size=4))


@given(st.lists(DATEISH, max_size=20))
def test_a_column_is_read_as_read_cell_reads_each_cell(values: list[str]) -> None:
    """The bulk path (shape filter, distinct texts) gives read_cell's answer, reason and all."""
    codes = DateCodes()
    got = codes.read_column(pl.Series(values, dtype=pl.String)).to_list()
    for value, code in zip(values, got, strict=True):
        try:
            day = read_cell(value)
        except DateError as exc:
            assert code < 0 and codes.reason(code) == exc.reason
            # texts of no date's shape share one code; the others keep their text
            assert code == NO_SHAPE or codes.bad[-code][0] == value.strip()
        else:
            assert code == (0 if day is None else day.toordinal())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=0, max_size=6),
    rows=st.lists(st.lists(CELL, max_size=8), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_generated_csvs_never_crash(
    header: list[str], rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    text = "\n".join(delimiter.join(r) for r in [header, *rows])
    data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.csv"
        path.write_bytes(data)
        try:
            engine = audit_files(
                [str(path)],
                get_calendar("england-and-wales"),
                AuditOptions(date(2026, 12, 1)),
                notice=lambda _m: None,
            )
        except InputError:
            return
        for f in engine.findings():
            assert f.status in Status
            assert f.row >= 2
