"""Input as local authorities really have it: encodings, delimiters, quirks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.audit.helpers import audit_bytes, audit_text
from wtcheck.errors import ColumnError, InputError
from wtcheck.findings import Status
from wtcheck.rules import get_rule

SIN = (get_rule("sin-panel"),)
ROWS = "case_id,aware_date,notification_date\r\nC1,20/11/2026,\r\nC2,22/12/2025,31/12/2025\r\n"


def _statuses(engine: object) -> list[tuple[str, Status]]:
    return [(f.case_id, f.status) for f in engine.findings]  # type: ignore[attr-defined]


EXPECTED = [("C1", Status.OVERDUE), ("C2", Status.MET)]


@pytest.mark.parametrize(
    "data",
    [
        ROWS.encode("utf-8"),
        ROWS.encode("utf-8-sig"),
        ROWS.encode("utf-16"),
        ROWS.encode("utf-16-le"),
        ROWS.replace(",", ";").encode(),
        ROWS.replace(",", "\t").encode(),
        ROWS.replace("\r\n", "\n").encode(),
        ROWS.replace("\r\n", "\n\n  \n,,\n").encode(),
    ],
    ids=["utf8", "bom", "utf16", "utf16-no-bom", "semicolon", "tab", "lf", "blank-lines"],
)
def test_encodings_delimiters_and_blank_lines(tmp_path: Path, data: bytes) -> None:
    notes: list[str] = []
    assert _statuses(audit_bytes(tmp_path, data, rules=SIN, notes=notes)) == EXPECTED
    assert notes == []


def test_cp1252_fallback_is_announced(tmp_path: Path) -> None:
    text = "case_id,Team,aware_date,notification_date\nC1,Café ‘North’,20/11/2026,\n"
    notes: list[str] = []
    engine = audit_bytes(tmp_path, text.encode("cp1252"), rules=SIN, notes=notes)
    assert _statuses(engine) == [("C1", Status.OVERDUE)]
    assert len(notes) == 1 and notes[0].endswith(
        "in.csv: not valid UTF-8; reading it as Windows-1252 (cp1252)"
    )


def test_ragged_rows(tmp_path: Path) -> None:
    text = "case_id,aware_date,notification_date\nC1,20/11/2026\nC2,22/12/2025,31/12/2025,extra,more\nC3,22/12/2025,31/12/2025,x\n"
    notes: list[str] = []
    engine = audit_text(tmp_path, text, rules=SIN, notes=notes)
    assert _statuses(engine) == [*EXPECTED, ("C3", Status.MET)]
    assert len(notes) == 1 and "row 3 has 5 cells, more than the 3 headers" in notes[0]


def test_quoted_cells_with_delimiters_and_line_breaks(tmp_path: Path) -> None:
    text = (
        "case_id,note,aware_date,notification_date\n"
        'C1,"Smith, J said ""no""",20/11/2026,\n'
        'C2,"two\nlines",22/12/2025,31/12/2025\n'
        "C3,plain,20/11/2026,\n"
    )
    engine = audit_text(tmp_path, text, rules=SIN)
    assert [(f.case_id, f.row) for f in engine.findings] == [("C1", 2), ("C2", 3), ("C3", 5)]


def test_duplicate_headers_are_named(tmp_path: Path) -> None:
    text = "case_id,Aware Date,aware_date\nC1,20/11/2026,20/11/2026\n"
    with pytest.raises(ColumnError) as err:
        audit_text(tmp_path, text)
    assert str(err.value) == (
        f"{tmp_path / 'in.csv'}: duplicate column headers (after ignoring case and punctuation): "
        "'Aware Date' / 'aware_date'"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty; expected a CSV with a header line"),
        (b"\n\n  \n", "the file is empty; expected a CSV with a header line"),
        (b"name,age\nx,1\n", "no case id column"),
        (b"case_id,team\nC1,x\n", "no usable column"),
    ],
)
def test_unusable_files(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        audit_bytes(tmp_path, data)
    assert message in str(err.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    from wtcheck.inputs.sources import open_source

    with pytest.raises(InputError, match=r"nope\.csv: no such file$"):
        open_source(str(tmp_path / "nope.csv"))
    with pytest.raises(InputError, match=r"is a directory; expected a CSV file or a workbook$"):
        open_source(str(tmp_path))


def test_excel_serial_and_time_parts(tmp_path: Path) -> None:
    text = "case_id,aware_date,notification_date\nC1,46346,27/11/2026 00:00:00\n"
    (f,) = audit_text(tmp_path, text, rules=SIN).findings
    assert (f.trigger_date, f.completed, f.status) == (
        date(2026, 11, 20),
        date(2026, 11, 27),
        Status.MET,
    )


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    import os

    path = tmp_path / "in.csv"
    path.write_bytes(ROWS.encode())
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    audit_bytes(tmp_path, ROWS.encode(), rules=SIN)
    path.write_bytes(ROWS.encode())
    os.utime(path, (1_000_000_000, 1_000_000_000))
    from wtcheck.audit.pipeline import audit_files
    from wtcheck.audit.plan import AuditOptions
    from wtcheck.calendar.workdays import get_calendar

    audit_files(
        [str(path)], get_calendar(), AuditOptions(date(2026, 12, 1)), notice=lambda _m: None
    )
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_small_chunks_give_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows, quoted line breaks, CRLF pairs and blank lines split across chunk boundaries."""
    import wtcheck.inputs.sources as sources

    lines = ["case_id,note,aware_date,notification_date"]
    for n in range(60):
        note = f'"line one\r\nline, two {n}"' if n % 7 == 0 else f"note {n}"
        lines.append(f"C{n},{note},{1 + n % 28:02d}/11/2026,{'' if n % 3 else '27/11/2026'}")
        if n % 11 == 0:
            lines.append("")
        if n % 13 == 0:
            lines.append(f"C{n}x,short")
    data = "\r\n".join(lines).encode()
    whole = audit_bytes(tmp_path, data, rules=SIN).findings
    for size in (7, 64, 100):
        monkeypatch.setattr(sources, "CHUNK", size)
        monkeypatch.setattr(sources, "PIECE", size)
        assert audit_bytes(tmp_path, data, rules=SIN).findings == whole
    physical = data.decode().split("\r\n")  # quoted line breaks count as lines
    assert len(whole) == 60 and whole[-1].row == len(physical) == 81


def _case_ids(
    tmp_path: Path,
    data: bytes,
    notes: list[str] | None = None,
    via: str = "file",
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> list[str]:
    """The case ids of the findings of *data*, read from a file or (*via* "stdin")
    from standard input, which is read in CHUNK bytes, a file in PIECE."""
    if via == "stdin":
        import io
        import sys
        import types

        from wtcheck.audit.pipeline import audit_files
        from wtcheck.audit.plan import AuditOptions
        from wtcheck.calendar.workdays import get_calendar

        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
        sink = notes if notes is not None else []
        options = AuditOptions(date(2026, 12, 1), rules=SIN)
        found = audit_files(["-"], get_calendar(), options, notice=sink.append).findings()
        return [f.case_id for f in found]
    return [f.case_id for f in audit_bytes(tmp_path, data, rules=SIN, notes=notes).findings]


@pytest.mark.parametrize("via", ["file", "stdin"])
@pytest.mark.parametrize("size", range(1, 9))
def test_a_character_split_between_reads_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, via: str
) -> None:
    """UTF-8 bytes pass through unread: a character that one read of *size* bytes cuts
    (2, 3 and 4 bytes: é, ‘, 𝒞) is held back until whole; the file is never taken for
    cp1252."""
    import wtcheck.inputs.sources as sources

    ids = ["Cé", "C‘1’", "C𝒞", "Cé𝒞‘"]
    rows = "".join(f"{c},20/11/2026,\n" for c in ids)
    data = ("case_id,aware_date,notification_date\n" + rows).encode()
    monkeypatch.setattr(sources, "CHUNK", size)  # reads of stdin
    monkeypatch.setattr(sources, "PIECE", size)  # reads of a file, and pieces
    notes: list[str] = []
    assert _case_ids(tmp_path, data, notes, via, monkeypatch) == ids
    assert notes == []


@pytest.mark.parametrize("via", ["file", "stdin"])
@pytest.mark.parametrize(
    ("chunk", "piece"), [(1, 1), (2, 60), (3, 61), (60, 7), (1 << 20, 1 << 26)]
)
def test_cp1252_after_utf8_in_a_later_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, piece: int, via: str
) -> None:
    """A byte that is not UTF-8 late in the file (cp1252's ‘ right after a UTF-8 é, at
    offsets 59-61): everything before it is read as UTF-8 and everything from it as
    cp1252, announced once, however the file is read (a path or a pipe, reads and
    pieces of any size, ending before, inside or after é)."""
    import wtcheck.inputs.sources as sources

    head = b"case_id,aware_date,notification_date\nC1-padded,20/11/2026,\n"
    assert len(head) == 59
    data = head + "é".encode() + "‘2’,20/11/2026,\n".encode("cp1252") + "Cé,".encode()
    data += b"20/11/2026,\n"  # after the bad byte: cp1252 even where UTF-8 would read
    monkeypatch.setattr(sources, "CHUNK", chunk)  # reads of stdin
    monkeypatch.setattr(sources, "PIECE", piece)  # reads of a file, and pieces
    notes: list[str] = []
    got = _case_ids(tmp_path, data, notes, via, monkeypatch)
    assert got == ["C1-padded", "é‘2’", "CÃ©"]
    assert [n.split(": ", 1)[1] for n in notes] == [
        "not valid UTF-8; reading it as Windows-1252 (cp1252)"
    ]


def test_cp1252_after_the_first_mib_keeps_what_came_before(tmp_path: Path) -> None:
    """The file's own read size (a whole piece) does not move where cp1252 starts."""
    rows = b"Cx,20/11/2026,2026-11-20\n" * 50_000  # 1.25 MB of met rows
    data = b"case_id,aware_date,notification_date\nC\xc3\xa9,20/11/2026,\n" + rows
    got = _case_ids(tmp_path, data + b"C\x922,20/11/2026,\n")
    assert (got[0], got[-1]) == ("Cé", "C’2")


@pytest.mark.parametrize("via", ["file", "stdin"])
@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_a_stray_quote_in_the_last_row_is_a_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, via: str, ending: str
) -> None:
    """x"y in the last row is read as the text it is (here an unreadable date), with or
    without a line break after it, as in any other row."""
    data = f'case_id,aware_date,notification_date\nC1,20/11/2026,\nC2,20/11/2026,x"y{ending}'
    found = audit_bytes(tmp_path, data.encode(), rules=SIN).findings
    if via == "stdin":
        assert _case_ids(tmp_path, data.encode(), None, via, monkeypatch) == ["C1", "C2"]
    assert [(f.case_id, f.status, f.value) for f in found] == [
        ("C1", Status.OVERDUE, None),
        ("C2", Status.INVALID, 'x"y'),
    ]


@pytest.mark.parametrize("via", ["file", "stdin"])
def test_cr_only_with_a_line_feed_inside_a_quoted_cell_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, via: str
) -> None:
    """Old Mac Excel ends lines with CR alone and writes a line break inside a cell as
    LF: the file's first CHUNK bytes (here 64) decide, however much of the file is
    read at once (a file: all of it here)."""
    import wtcheck.inputs.sources as sources

    rows = "".join(f"C{n},20/11/2026,2026-11-20,North\r" for n in range(5))
    data = (
        "case_id,aware_date,notification_date,team\r" + rows + 'C9,20/11/2026,,"one\ntwo"\r'
    ).encode()
    monkeypatch.setattr(sources, "CHUNK", 64)
    notes: list[str] = []
    got = _case_ids(tmp_path, data, notes, via, monkeypatch)
    assert got == [*(f"C{n}" for n in range(5)), "C9"]
    assert [n.split(": ", 1)[1] for n in notes] == [
        "lines end in CR alone (an old Mac export); reading them so"
    ]


def test_a_header_with_no_line_break_in_max_header_bytes_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit is in bytes: a header of 37 bytes and 21 €s (100 bytes in all) is read;
    one € more (103 bytes, 59 characters) is over a limit of 100."""
    import wtcheck.inputs.sources as sources

    monkeypatch.setattr(sources, "MAX_HEADER", 100)
    names = "case_id,aware_date,notification_date,"
    ok = (names + "€" * 21 + "\nC1,20/11/2026,\n").encode()
    assert _case_ids(tmp_path, ok) == ["C1"]
    data = (names + "€" * 22 + "\nC1,20/11/2026,\n").encode()
    with pytest.raises(InputError, match=r"in\.csv: no line break in the first 0 MiB"):
        audit_bytes(tmp_path, data, rules=SIN)


def test_a_first_row_two_cells_longer_than_the_header_is_reported_as_long(
    tmp_path: Path,
) -> None:
    notes: list[str] = []
    data = b"case_id,aware_date,notification_date\nC1,20/11/2026,,x,y\nC2,20/11/2026,\n"
    assert _case_ids(tmp_path, data, notes) == ["C1", "C2"]
    assert [n.split(": ", 1)[1] for n in notes] == [
        "row 2 has 5 cells, more than the 3 headers; extra cells are ignored (also on later rows)"
    ]


@pytest.mark.parametrize(
    "ending", ["", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n,,\n", "\r", "\r\n\r"]
)
@pytest.mark.parametrize("before", ["", "\n", ",,\n \n"])
def test_blank_lines_before_the_header_and_after_the_last_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str, ending: str
) -> None:
    """The header's lines are skipped where the rows start (not copied out), and however
    the file ends (no line break, one, blank lines), the same rows on the same lines;
    with PIECE patched to 16 bytes, the same again in pieces."""
    import wtcheck.inputs.sources as sources

    rows = "C1,20/11/2026,\nC2,22/12/2025,31/12/2025"
    data = f"{before}case_id,aware_date,notification_date\n{rows}{ending}".encode()
    header = before.count("\n") + 1
    want = [("C1", Status.OVERDUE, header + 1), ("C2", Status.MET, header + 2)]
    for piece in (1 << 26, 16):
        monkeypatch.setattr(sources, "PIECE", piece)
        found = audit_bytes(tmp_path, data, rules=SIN).findings
        assert [(f.case_id, f.status, f.row) for f in found] == want


def test_a_file_ending_inside_a_character_is_one_line(tmp_path: Path) -> None:
    data = b"case_id,aware_date,notification_date\nC1,20/11/2026,\n" + "é".encode()[:1]
    with pytest.raises(InputError, match=r"in\.csv: ends in the middle of a character$"):
        audit_bytes(tmp_path, data, rules=SIN)


def test_rules_off_by_default_run_only_when_chosen(tmp_path: Path) -> None:
    # notif-ofsted-2010 (1 working day, unverified) is off unless asked for by --rule
    text = "case_id,aware_date,notification_date\nC1,01/05/2012,\n"
    assert audit_text(tmp_path, text).findings == []
    chosen = audit_text(tmp_path, text, rules=(get_rule("notif-ofsted-2010"),))
    assert [(f.case_id, f.rule, f.status, f.deadline) for f in chosen.findings] == [
        ("C1", "notif-ofsted-2010", Status.OVERDUE, date(2012, 5, 2))
    ]


def test_past_the_deadline_on_a_weekend_is_at_least_one_working_day(tmp_path: Path) -> None:
    # aware Fri 13 Nov 2026: sin-panel due Fri 20 Nov; done (or checked) on Sat 21 Nov
    text = "case_id,aware_date,notification_date\nC1,13/11/2026,21/11/2026\nC2,13/11/2026,\n"
    engine = audit_text(tmp_path, text, as_of=date(2026, 11, 21), rules=(get_rule("sin-panel"),))
    assert [(f.case_id, f.status, f.deadline, f.days) for f in engine.findings] == [
        ("C1", Status.LATE, date(2026, 11, 20), 1),
        ("C2", Status.OVERDUE, date(2026, 11, 20), 1),
    ]


MONTH_FIRST = (
    "{path}: column 'notification_date' looks month-first (a second field over 12 and none "
    "in the first); wtcheck reads dates day first, always: check the export's date format"
)


@pytest.mark.parametrize(
    ("cells", "warned"),
    [
        (["11/20/2026", " 11/25/2026 ", "11/02/2026"], True),  # 20 and 25 cannot be months
        (["11/12/2026", "12/13/2026"], True),  # boundary: a second field of 13
        (["11/12/2026", "12/12/2026"], False),  # 12 can be either: no warning
        (["11/20/2026", "21/11/2026"], False),  # 21/11 can only be day first
        (["11/20/2026", "13/11/2026"], False),  # boundary: a first field of 13 is a day
        (["11/20/2026", "12/11/2026"], True),  # and 12 may be a month: no contradiction
        (["2026-11-20", "not known", ""], False),  # ISO and junk: nothing to say
    ],
)
def test_a_month_first_column_is_named_once(tmp_path: Path, cells: list[str], warned: bool) -> None:
    rows = "".join(f"C{n},20/11/2026,{c}\n" for n, c in enumerate(cells))
    notes: list[str] = []
    audit_text(tmp_path, "case_id,aware_date,notification_date\n" + rows, rules=SIN, notes=notes)
    expected = [MONTH_FIRST.format(path=tmp_path / "in.csv")] if warned else []
    assert [n for n in notes if "month-first" in n] == expected
