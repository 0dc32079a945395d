"""The column-wise path (numpy) gives exactly the row-by-row path's output.

Large batches are read column-wise (``wtcheck.audit.vector``,
``wtcheck.audit.columnwise``); small files and batches with quoted cells or
ragged rows row by row. Here both run on the same generated exports (every
auditable rule's columns, every date form the reader knows, unreadable
cells, flags, case ids a spreadsheet would evaluate) and their outputs are
compared byte for byte: CSV, JSON, the summary line and the exit status.
"""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wtcheck.audit import columnwise, reader
from wtcheck.audit.columns import CASE_ID, ICPC_NOT_REQUIRED, REFERRAL_NFA, own_name
from wtcheck.audit.engine import DateCache, needed_keys
from wtcheck.audit.vector import DAY0, NDAYS, DayCoder, layout
from wtcheck.cli.app import app

FLAGS = (ICPC_NOT_REQUIRED, REFERRAL_NFA)
DATE_KEYS = sorted(needed_keys() - {CASE_ID, *FLAGS})
HEADER = [own_name(CASE_ID), *(own_name(k) for k in DATE_KEYS), *(own_name(f) for f in FLAGS)]
ODD = [
    "NULL", "n/a", "none", "31/02/2023", "1066-10-14", "2101-01-01", "2023-13-01",
    "soon", "45051", "00/00/0000", "2023-02-29", "29/02/2024", "2023/05/05", "5-5-23",
]  # fmt: skip
CASES = ["=cmd()", "-5", "+44", "@home", " Zoë ", "C 7", "ab|c", "Łódź-7"]


def _cell(rng: random.Random, day: date) -> str:
    """*day* in one of the forms exports use (mostly ISO), or an empty or odd cell."""
    roll = rng.random()
    if roll < 0.12:
        return ""
    if roll < 0.62:
        return day.isoformat()
    if roll < 0.72:
        return day.strftime("%d/%m/%Y")
    if roll < 0.76:
        return day.strftime(rng.choice(["%d-%m-%Y", "%d.%m.%Y"]))
    if roll < 0.84:
        return rng.choice(
            [f"{day.day} {day:%B %Y}", f"{day:%Y-%m-%d} 00:00:00", f" {day:%Y-%m-%d} ",
             f"{day.day}/{day.month}/{day:%y}", f"{day:%d-%b-%Y}"]
        )  # fmt: skip
    if roll < 0.86:
        return rng.choice(ODD)
    return day.isoformat()


def _export(rows: int, seed: int, sep: str = ",") -> str:
    """A generated case export: dates near each row's own start, some steps missing."""
    rng = random.Random(seed)
    lines = [sep.join(HEADER)]
    for n in range(rows):
        start = date(2014, 1, 1) + timedelta(days=rng.randrange(13 * 365))
        cells = [rng.choice(CASES) if rng.random() < 0.03 else f"C{n:06d}"]
        for _ in DATE_KEYS:
            cells.append(_cell(rng, start + timedelta(days=rng.randrange(-5, 90))))
        cells += [rng.choice(["", "", "Y", "N", "yes", "maybe"]) for _ in FLAGS]
        lines.append(sep.join(cells))
    return "\n".join(lines) + "\n"


def _audit(path: Path, monkeypatch: pytest.MonkeyPatch, vector: bool, *args: str) -> tuple:
    monkeypatch.setattr(reader, "VECTOR_MIN", 0 if vector else 1 << 60)
    out = path.with_suffix(f".{int(vector)}.out")
    result = CliRunner().invoke(app, ["audit", str(path), *args, "--output", str(out)])
    return result.exit_code, result.stderr, out.read_bytes()


EXPORTS = {
    # rows, seed, chunk size, delimiter, encoding, line end
    "one-batch": (2_500, 1, 1 << 20, ",", "utf-8", "\n"),
    "many-batches": (2_500, 2, 16_384, ",", "utf-8", "\n"),
    "semicolon-cp1252-crlf": (800, 3, 8_192, ";", "cp1252", "\r\n"),
    "tab-utf16": (800, 4, 8_192, "\t", "utf-16", "\n"),
}


@pytest.fixture(params=sorted(EXPORTS))
def export(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    rows, seed, chunk, sep, encoding, newline = EXPORTS[request.param]
    monkeypatch.setattr(reader, "CHUNK", chunk)  # small chunks: lines cut across chunks
    path = tmp_path / "export.csv"
    text = _export(rows, seed, sep).replace("\n", newline)
    path.write_bytes(text.encode(encoding, errors="replace"))
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2026-12-01", "--format", "csv", "--only", "all"],
        ["--as-of", "2026-12-01", "--format", "csv"],
        ["--as-of", "2019-03-04", "--format", "json", "--only", "all", "--soon", "10"],
        ["--as-of", "2026-12-01", "--format", "csv", "--only", "invalid,met", "--rule", "ia-10",
         "--rule", "notif-ofsted-2010", "--rule", "hl-prev", "--rule", "icpc-2013"],
    ],
    ids=["csv-all", "csv-default", "json-all", "rules"],
)  # fmt: skip
def test_both_paths_give_the_same_bytes(
    export: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    by_rows = _audit(export, monkeypatch, False, *args)
    by_columns = _audit(export, monkeypatch, True, *args)
    assert by_rows[0] in (0, 1)
    assert by_columns == by_rows
    assert by_rows[2].count(b"\n") > 100  # the comparison covers many findings


def test_rules_left_to_the_row_path_inside_a_laid_out_batch(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule on too many columns runs row by row on a laid-out batch (cells split lazily)."""
    args = ["--as-of", "2026-12-01", "--format", "csv", "--only", "all"]
    by_rows = _audit(export, monkeypatch, False, *args)
    monkeypatch.setattr(columnwise, "MAX_KEYS", 0)
    assert _audit(export, monkeypatch, True, *args) == by_rows


def test_generated_export_reaches_every_status(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, summary, _ = _audit(export, monkeypatch, True, "--as-of", "2026-12-01", "--format", "csv")
    assert code == 1
    counts = dict(
        reversed(part.split(" ", 1)) for part in summary.strip().splitlines()[-1].split(", ")
    )
    assert set(counts) == {"overdue", "late", "due-soon", "pending", "met", "invalid"}
    assert all(int(n) > 0 for n in counts.values()), counts


# -- reading cells -------------------------------------------------------------


def _codes(texts: list[str]) -> tuple[list[int], DayCoder]:
    coder = DayCoder(DateCache().parse)
    lay = layout("\n".join(texts), ",", 1)
    assert lay is not None
    return coder.codes(lay, 0).tolist(), coder


def test_day_codes_of_each_form() -> None:
    may5 = date(2023, 5, 5).toordinal() - DAY0
    texts = ["2023-05-05", "05/05/2023", "05-05-2023", "05.05.2023", "5 May 2023",
             " 2023-05-05", "", "NULL", "31/02/2023", "1066-10-14", "31/02/2023"]  # fmt: skip
    codes, coder = _codes(texts)
    assert codes[:6] == [may5] * 6
    assert codes[6:8] == [0, 0]
    assert codes[8] == codes[10] == NDAYS + 1  # one code per distinct unreadable text
    assert codes[9] == NDAYS + 2
    assert [coder.text(c) for c in codes[8:10]] == ["31/02/2023", "1066-10-14"]
    assert coder.text(may5) == "2023-05-05"
    assert (date(1872, 1, 1).toordinal() - DAY0, date(2100, 12, 31).toordinal() - DAY0) == (
        1,
        NDAYS,
    )


def test_a_ragged_chunk_has_no_layout() -> None:
    assert layout("a,b\nc", ",", 2) is None
    assert layout("a,b\nc,d,e", ",", 2) is None
    lay = layout("a,b\nc,\n,d", ",", 2)
    assert lay is not None
    assert [lay.cell(r, c) for r in range(3) for c in range(2)] == ["a", "b", "c", "", "", "d"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("0123456789-/. aM", min_size=10, max_size=10), min_size=1, max_size=40))
def test_ten_character_cells_read_as_the_row_path_reads_them(texts: list[str]) -> None:
    """The byte arithmetic agrees with DateCache.parse on any 10-character cell."""
    codes, coder = _codes(texts)
    parse = DateCache().parse
    for text, code in zip(texts, codes, strict=True):
        value = parse(text)
        if isinstance(value, date):
            assert code == value.toordinal() - DAY0, text
        elif value is None:
            assert code == 0, text
        else:
            assert code > NDAYS and coder.text(code) == text, text


def test_small_files_do_not_import_numpy(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    probe = (
        "import sys; from wtcheck.cli.app import main\n"
        f"sys.argv = ['wtcheck', 'audit', 'examples/cases.csv', '--as-of', '2026-12-01', "
        f"'-q', '--output', {str(out)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('numpy' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=root)
    assert proc.stdout.strip() == "False", proc.stderr


def test_capped_rule_tables_start_again_with_the_same_output(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a rule's tables pass the cap they are dropped whole (a stale table would
    hand a listed row a result it no longer holds)."""
    args = ["--as-of", "2026-12-01", "--format", "csv", "--only", "all"]
    by_rows = _audit(export, monkeypatch, False, *args)
    monkeypatch.setattr(columnwise, "CACHE_LIMIT", 3)
    assert _audit(export, monkeypatch, True, *args) == by_rows
