"""Opening the files councils hold as tables of text cells: CSV and workbooks.

Every input becomes one or more :class:`Table` s (a CSV is one; a workbook one
per sheet), each a header and its rows in batches: polars frames of String
columns ``c0``, ``c1``, … (one per header position) and ``line``, the row's
line in the file (header = line 1 when it is the first line) or its row in
the sheet, as a person would look it up.

CSV, as local authorities really have it:

* encodings: UTF-8 with or without a byte-order mark; UTF-16 with a BOM (and
  BOM-less UTF-16 recognised by its zero bytes); a file that is not valid UTF-8
  is read as Windows-1252 (cp1252) from its first byte that is not, with a notice;
* delimiter: comma, semicolon or tab, whichever occurs most in the header line
  (comma on a tie); line ends LF, CRLF or (old Mac exports) CR alone;
* blank lines, and lines of empty cells, are skipped; line numbers stay
  physical; short rows are padded with empty cells; the first long row is
  reported once and extra cells are ignored;
* a quoted cell may hold line breaks: each such record is reported with the
  line where it starts and how many lines it spans, and one whose swallowed
  lines have the shape of whole rows themselves (a stray quote) is an error
  naming its first line;
* read in pieces of :data:`PIECE` bytes: memory stays flat.

Workbooks (``.xlsx``, ``.xlsm``, ``.ods``, and ``.xls``) are read offline by
``fastexcel`` (Rust's calamine): real date cells, Excel serials and text dates
all reach the one date reader as text. With no sheet named, every sheet is a
table; the audit keeps those whose headers map.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from wtcheck.errors import InputError

if TYPE_CHECKING:
    import polars as pl

Notice = Callable[[str], None]

CHUNK = 1 << 20
PIECE = 64 << 20
"""Bytes of a CSV (as UTF-8) parsed at once (cut at a record's end)."""
MAX_HEADER = 1 << 20
DELIMITERS = (",", ";", "\t")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SHOWN = 60
"""Characters of a header or cell shown in an error message before it is cut."""


def shorten(text: str, limit: int = SHOWN) -> str:
    """*text* cut to *limit* characters (for messages that quote data)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Source:
    """An opened input: its display name, binary stream and size (None for stdin)."""

    name: str
    stream: BinaryIO
    size: int | None
    path: Path | None = None

    def close(self) -> None:
        if self.stream is not sys.stdin.buffer:
            self.stream.close()


def open_source(name: str) -> Source:
    """Open *name* (``-`` is stdin) for reading; InputError if it cannot be read."""
    if name == "-":
        return Source("<stdin>", sys.stdin.buffer, None)
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory; expected a CSV file or a workbook")
    try:
        stream = path.open("rb")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    return Source(name, stream, size, path)


@dataclass
class ReadCount:
    """What reading a table found, for the summary and notices."""

    rows: int = 0
    """Data rows read (blank lines not counted)."""
    multiline: list[tuple[int, int]] = field(default_factory=list)
    """(first line, lines spanned) of records whose quoted cells hold line breaks."""


@dataclass
class Table:
    """One table of an input: a CSV, or one sheet of a workbook."""

    name: str
    """Display name: the file, or ``file:sheet``."""
    header: list[str]
    batches: Iterator[pl.DataFrame]
    header_line: int = 1
    count: ReadCount = field(default_factory=ReadCount)
    sheet: str | None = None
    """The sheet (or a CIN return's table) this is, when the file holds several."""
    reference: date | None = None
    """A CIN census return's ReferenceDate: the default as-of date for this table."""


# -- CSV ----------------------------------------------------------------------
def _sniff_encoding(head: bytes) -> tuple[str, int]:
    """(codec, BOM length) for a file starting with *head*."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    sample = head[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # mostly ASCII text in UTF-16 without a BOM: the zero byte is the high byte
        return (
            ("utf-16-le", 0) if sample[1::2].count(0) > sample[::2].count(0) else ("utf-16-be", 0)
        )
    return "utf-8", 0


def _utf8(
    source: Source, head: bytes, notice: Notice, progress: Callable[[int], None]
) -> Iterator[bytes]:
    """The text of *source* (whose first bytes, already read, are *head*) as UTF-8 bytes.

    A UTF-8 file's bytes pass through as they are (checked, not decoded: ASCII, most
    exports, is checked a machine word at a time; a character split between two reads
    is held back until it is whole); other encodings are decoded and encoded again. A
    file that is not valid UTF-8 is UTF-8 up to its first byte that is not, and cp1252
    from there on; one whose lines end in CR alone (:func:`_cr_only`) has its CRs read
    as line breaks. Neither depends on how the file is read (a path or a pipe).
    """
    encoding, bom = _sniff_encoding(head)
    decoder = codecs.getincrementaldecoder(encoding)()
    stream = source.stream
    # a file is read again from its start in reads of a whole piece: a file of up to
    # PIECE bytes is then one bytes object, never joined from reads nor copied
    size = PIECE if source.path is not None and stream.seekable() else CHUNK
    if size == PIECE:
        stream.seek(bom)
        chunk = stream.read(size)
        progress(bom + len(chunk))
    else:
        chunk = head[bom:]
        progress(len(head))
    fallen_back = False
    cr_only: bool | None = None
    while chunk:
        if encoding == "utf-8" and not fallen_back:
            held = decoder.getstate()[0]  # the start of a character the last read split
            try:
                if held or not chunk.isascii():
                    decoder.decode(chunk)  # only a check: the bytes themselves go on
                whole = held + chunk
                out = whole[: len(whole) - len(decoder.getstate()[0])]
            except UnicodeDecodeError as exc:
                notice(f"{source.name}: not valid UTF-8; reading it as Windows-1252 (cp1252)")
                decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")
                fallen_back = True
                read, bad = exc.object, exc.start  # what was read, its first bad byte
                out = read[:bad] + decoder.decode(read[bad:]).encode("utf-8")
        else:
            try:
                out = decoder.decode(chunk).encode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{source.name}: cannot be decoded as {encoding}") from None
        if cr_only is None and out:
            cr_only = _cr_only(out)
            if cr_only:
                notice(f"{source.name}: lines end in CR alone (an old Mac export); reading them so")
        yield out.replace(b"\r", b"\n") if cr_only else out
        chunk = stream.read(size)
        progress(len(chunk))
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(f"{source.name}: ends in the middle of a character") from None
    if tail:
        yield (tail.replace("\r", "\n") if cr_only else tail).encode("utf-8")


def _cr_only(text: bytes) -> bool:
    """Whether the lines of *text* (the start of a file) end in CR alone (an old Mac
    export): its first CHUNK bytes hold a CR and no LF, whatever was read at once."""
    window = text[:CHUNK]
    return b"\r" in window and b"\n" not in window


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that occurs most in the header line (comma on a tie)."""
    return max(DELIMITERS, key=header_line.count)


def _read_csv(
    source: Source, head: bytes, notice: Notice, progress: Callable[[int], None]
) -> Table:
    texts = _utf8(source, head, notice, progress)
    first = b""
    for text in texts:
        first += text
        if b"\n" in first.lstrip(b" \t,;\r\n") or len(first) > MAX_HEADER:
            break
    at, start, end = _header_line(first)
    if at is None:
        raise InputError(f"{source.name}: the file is empty; expected a CSV with a header line")
    if end - start > MAX_HEADER:
        raise InputError(
            f"{source.name}: no line break in the first {MAX_HEADER >> 20} MiB; "
            "expected a CSV file with a header line"
        )
    head_line = first[start:end].rstrip(b"\r").decode("utf-8")  # whole characters
    delimiter = sniff_delimiter(head_line)
    header = _split_line(head_line, delimiter)
    if at:
        notice(f"{source.name}: header found on line {at + 1}")
    count = ReadCount()
    width = len(header)
    body = _Piece(first, min(end + 1, len(first)), at + 1)
    batches = _csv_batches(source.name, body, texts, delimiter, width, at + 1, count, notice)
    return Table(source.name, [h.strip() for h in header], batches, at + 1, count)


def _header_line(text: bytes, limit: int = 200) -> tuple[int | None, int, int]:
    """(index, start, end) of the first of *text*'s first *limit* lines that holds
    more than spaces and delimiters (end: its line break, or the end of *text*)."""
    start = 0
    for at in range(limit):
        end = text.find(b"\n", start)
        if end < 0:
            end = len(text)
        if text[start:end].strip(b" \t,;\r"):
            return at, start, end
        if end == len(text):
            break
        start = end + 1
    return None, 0, 0


def _split_line(line: str, delimiter: str) -> list[str]:
    """The cells of one line (quotes understood where the csv module can)."""
    if '"' in line:
        try:
            return next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            pass
    return line.split(delimiter)


@dataclass
class _Piece:
    """Bytes of a CSV (UTF-8) of which rows start at *start*, after *skip* lines
    (the header's, in the first piece: skipped by the reader, never copied out)."""

    data: bytes
    start: int = 0
    skip: int = 0

    def lines(self, end: int) -> int:
        """Physical lines of its rows, which end at *end*."""
        return self.data.count(b"\n", self.start, end) + 1

    def text(self) -> str:
        """Its rows as text, without the last line break (for the csv module, on the
        rare paths that need it)."""
        data = self.data
        end = len(data) - (2 if data.endswith(b"\r\n") else 1 if data.endswith(b"\n") else 0)
        return data[self.start : end].decode("utf-8")


def _csv_batches(
    name: str,
    body: _Piece,
    texts: Iterator[bytes],
    delimiter: str,
    width: int,
    header_line: int,
    count: ReadCount,
    notice: Notice,
) -> Iterator[pl.DataFrame]:
    """The rows after the header, one frame per piece of about :data:`PIECE` bytes;
    *body* is the text read so far (the header's lines skipped), *texts* the rest."""
    state = _Rows(name, delimiter, width, count, notice)
    line = header_line  # lines before the piece
    parts = [body.data]
    size = len(body.data)
    for text in texts:
        if size >= PIECE:  # a piece's worth before this read: its whole records go now
            pending = b"".join(parts)
            cut = _record_end(pending, body.start)
            if cut < 0:
                parts = [pending]
            else:
                piece = _Piece(pending[:cut], body.start, body.skip)
                rest = pending[cut + 1 :]
                parts, size = [rest], len(rest)
                body = _Piece(b"")
                del pending
                lines = piece.lines(cut)
                frame = state.parse(piece, line + 1, lines)
                del piece
                yield frame
                del frame  # one piece alive at a time: not this one while the next is read
                line += lines
        parts.append(text)
        size += len(text)
    last = _Piece(b"".join(parts), body.start, body.skip)  # one read: itself, no copy
    end = len(last.data)
    while end > last.start and last.data[end - 1] in b"\r\n":
        end -= 1
    if end > last.start:
        # the last line break stays (no copy of the piece) unless blank lines follow or
        # the last line holds a quote: polars reads 'x"y' as a cell, but not 'x"y\n'
        final = max(last.data.rfind(b"\n", last.start, end) + 1, last.start)
        if last.data[end:] not in (b"", b"\n", b"\r\n") or b'"' in last.data[final:end]:
            last.data = last.data[:end]
        yield state.parse(last, line + 1, last.lines(end))


def _record_end(text: bytes, start: int = 0) -> int:
    """The last line break of *text* outside quotes (quotes counted from *start*), or -1."""
    cut = text.rfind(b"\n")
    if cut < start:
        return -1
    quotes = text.count(b'"', start, cut)
    while cut >= start and quotes % 2:
        prev = text.rfind(b"\n", start, cut)
        quotes -= text.count(b'"', prev + 1, cut)
        cut = prev
    return cut


class _Rows:
    """Parses pieces of a CSV's body into frames with physical line numbers."""

    def __init__(self, name: str, delimiter: str, width: int, count: ReadCount, notice: Notice):
        self.name, self.delimiter, self.width = name, delimiter, width
        self.count, self.notice = count, notice
        self.noted_long = False

    def parse(self, piece: _Piece, first_line: int, lines: int) -> pl.DataFrame:
        """The rows of *piece* (UTF-8; its rows are *lines* lines, perhaps followed by a
        line break), whose first row is on line *first_line* of the file."""
        import polars as pl

        width = self.width
        schema = {f"c{i}": pl.String for i in range(width + 1)}  # one more: long rows
        try:
            frame = pl.read_csv(
                piece.data,
                has_header=False,
                skip_lines=piece.skip,
                separator=self.delimiter,
                schema=schema,
                truncate_ragged_lines=True,
                missing_columns="insert",
                extra_columns="ignore",  # a first row longer still: reported as long below
                quote_char='"',
            ).rechunk()  # the reader's threads leave each column in pieces: one copy
            # now, or every later select that adds a column copies the cells again
        except pl.exceptions.PolarsError:
            self._fail_unclosed(piece.text(), first_line)
            raise  # pragma: no cover - _fail_unclosed always raises
        if len(frame) == lines:
            numbers = pl.int_range(first_line, first_line + lines, dtype=pl.Int64, eager=True)
        else:
            starts = self._record_lines(piece.text(), first_line, len(frame))
            numbers = pl.Series(starts, dtype=pl.Int64)
        frame = frame.with_columns(numbers.alias("line"))
        extra = frame.get_column(f"c{width}")
        if not self.noted_long and extra.null_count() < len(frame):
            self.noted_long = True
            at = frame.filter(pl.col(f"c{width}").is_not_null()).row(0, named=True)["line"]
            text = piece.text().split("\n", at - first_line + 1)[at - first_line]
            n_cells = len(_split_line(text.rstrip("\r"), self.delimiter))
            self.notice(
                f"{self.name}: row {at} has {n_cells} cells, more than the {width} headers; "
                "extra cells are ignored (also on later rows)"
            )
        cells = [f"c{i}" for i in range(width)]
        frame = frame.select(*cells, "line")
        # a blank line (or one of delimiters) has no cell but perhaps the first: its text
        # is looked at only when some row has no other cell (most exports have none)
        others = (
            pl.all_horizontal(pl.col(c).is_null() for c in cells[1:]) if width > 1 else pl.lit(True)
        )
        if width == 1 or frame.select(others.any()).item():
            first = pl.col("c0")
            frame = frame.filter(
                ~(others & (first.is_null() | (first.str.strip_chars(" \t") == "")))
            )
        self.count.rows += len(frame)
        return frame

    def _record_lines(self, piece: str, first_line: int, expected: int) -> list[int]:
        """The first line of each record where some quoted cell spans line breaks
        (the csv module counts lines exactly as a reader of the file would)."""
        reader = csv.reader(io.StringIO(piece, newline=""), delimiter=self.delimiter)
        starts: list[int] = []
        at = 0
        shape = self.width - 1
        try:
            for _ in reader:
                start = at + 1
                at = reader.line_num
                starts.append(first_line + start - 1)
                span = at - start + 1
                if span > 1:
                    self._check_span(piece, first_line, start, span, shape)
        except csv.Error:
            starts = []
        if len(starts) != expected:
            raise InputError(
                f"{self.name}: rows from line {first_line} cannot be told apart (a stray "
                'quote?); expected every quoted cell to end with a closing quote "'
            )
        return starts

    def _check_span(self, piece: str, first_line: int, start: int, span: int, shape: int) -> None:
        lines = piece.split("\n", start + span)[start - 1 : start - 1 + span]
        line = first_line + start - 1
        # the last line holds the rest of the record: only whole lines in between can tell
        swallowed = [ln for ln in lines[1:-1] if ln.rstrip("\r").count(self.delimiter) == shape]
        if shape > 0 and swallowed:
            raise InputError(
                f"{self.name}: line {line}: a quoted cell opens here and runs over the next "
                f"{span - 1} lines, which have the shape of whole rows (a stray quote?); "
                'expected a closing quote " on the same line'
            )
        self.count.multiline.append((line, span))

    def _fail_unclosed(self, piece: str, first_line: int) -> None:
        reader = csv.reader(io.StringIO(piece, newline=""), delimiter=self.delimiter)
        at = start = 0
        try:
            for _ in reader:
                start = at + 1
                at = reader.line_num
        except csv.Error:
            start = at + 1
        left = piece.count("\n") + 2 - start
        swallowed = "the line" if left == 1 else f"the {left} lines"
        raise InputError(
            f"{self.name}: line {first_line + start - 1}: a quoted cell opens here and is never "
            f'closed (it would swallow {swallowed} to the end); expected a closing quote "'
        )


# -- workbooks ------------------------------------------------------------------
def _read_workbook(source: Source, sheet: str | None, notice: Notice) -> list[Table]:
    import fastexcel
    import polars as pl

    where = source.path if source.path is not None else source.stream.read()
    try:
        book = fastexcel.read_excel(where)
    except Exception as exc:  # fastexcel's errors carry no stable type across versions
        raise InputError(
            f"{source.name}: cannot be opened as a workbook ({shorten(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 120)}); "
            "expected an .xlsx, .xlsm, .xls or .ods file that is not encrypted"
        ) from None
    names = list(book.sheet_names)
    if sheet is not None:
        chosen = _choose_sheet(source.name, names, sheet)
        names = [chosen]
    frames = {}
    for name in names:
        try:
            frame = book.load_sheet(name, header_row=None, dtypes="string").to_polars()
        except Exception as exc:
            raise InputError(
                f"{source.name}:{name}: cannot be read ({shorten(str(exc), 120)})"
            ) from None
        frames[name] = frame.select(pl.all().cast(pl.String))
    from wtcheck.inputs.annex_a import classify_sheets

    kinds = classify_sheets(names, [frames[n].head(5).rows() for n in names])
    tables = []
    for name, kind in zip(names, kinds, strict=True):
        if kind.list_number is not None and not kind.audited:
            notice(f"{source.name}:{name}: {kind.title}: not audited: {kind.reason}")
            continue
        table = _sheet_table(source.name, name, frames[name], kind.header_row)
        if table is not None:
            tables.append(table)
    if not tables:
        raise InputError(f"{source.name}: no sheet has a table to audit; expected a table of cases")
    return tables


def _choose_sheet(file: str, names: list[str], sheet: str) -> str:
    if sheet in names:
        return sheet
    if sheet.isdigit() and 1 <= int(sheet) <= len(names):
        return names[int(sheet) - 1]
    raise InputError(
        f"{file}: --sheet {sheet!r}: no such sheet; expected one of "
        + ", ".join(repr(n) for n in names)
        + f" or a number 1–{len(names)}"
    )


def _sheet_table(
    file: str, sheet: str, frame: pl.DataFrame, header_row: int | None = None
) -> Table | None:
    """The table of one sheet: row *header_row* (0-based; an Annex A list's, found by
    its headers) or else its first non-empty row is the header."""
    import polars as pl

    if frame.width == 0 or len(frame) == 0:
        return None
    cells = frame.columns
    filled = frame.select(
        pl.sum_horizontal(
            (pl.col(c).is_not_null() & (pl.col(c).str.strip_chars() != "")).cast(pl.Int32)
            for c in cells
        )
    ).to_series()
    nonblank = (filled > 0).arg_true()
    if len(nonblank) == 0:
        return None
    at = int(nonblank[0]) if header_row is None else header_row
    header = [("" if v is None else str(v)).strip() for v in frame.row(at)]
    body = frame.slice(at + 1).rename({c: f"c{i}" for i, c in enumerate(cells)})
    body = body.with_columns(
        pl.int_range(at + 2, at + 2 + len(body), dtype=pl.Int64).alias("line")
    ).filter(filled.slice(at + 1) > 0)
    count = ReadCount(rows=len(body))
    return Table(f"{file}:{sheet}", header, iter([body]), at + 1, count, sheet)


# -- CIN census XML ---------------------------------------------------------------
def _read_xml(source: Source, notice: Notice, sheet: str | None) -> list[Table]:
    """A CIN census return's tables (wtcheck.inputs.cin_xml), each audited on its own."""
    from wtcheck.inputs.cin_xml import LINE, read_cin_xml

    if source.path is None:
        raise InputError(f"{source.name}: an XML return is read from a file, not stdin")
    got = read_cin_xml(source.path)
    names = list(got.tables)
    if sheet is not None:
        names = [_choose_sheet(source.name, names, sheet)]
    tables = []
    for name in names:
        frame = got.tables[name]
        header = [c for c in frame.columns if c != LINE]
        body = frame.rename({c: f"c{i}" for i, c in enumerate(header)}).rename({LINE: "line"})
        count = ReadCount(rows=len(body))
        tables.append(
            Table(f"{source.name}:{name}", header, iter([body]), 0, count, name, got.reference_date)
        )
    if got.reference_date is not None:
        notice(
            f"{source.name}: CIN census return, reference date {got.reference_date:%d/%m/%Y}: "
            "the as-of date unless --as-of is given"
        )
    return tables


# -- any input ------------------------------------------------------------------
def read_tables(
    source: Source,
    notice: Notice,
    progress: Callable[[int], None],
    *,
    sheet: str | None = None,
) -> list[Table]:
    """The tables of *source*: a CSV's one, or a workbook's sheets; InputError (one line)
    for a file that is neither."""
    head = source.stream.read(CHUNK)
    suffix = source.path.suffix.lower() if source.path is not None else ""
    if suffix == ".xml" or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _read_xml(source, notice, sheet)
    if head.startswith((_ZIP, _OLE)) or suffix in WORKBOOK_SUFFIXES:
        if not head.startswith((_ZIP, _OLE)):
            raise InputError(
                f"{source.name}: named as a workbook but is not one (no workbook signature); "
                "expected an .xlsx, .xlsm, .xls or .ods file"
            )
        if source.path is None:
            rest = source.stream.read()
            source = Source(source.name, io.BytesIO(head + rest), None)
        progress(source.size or 0)
        return _read_workbook(source, sheet, notice)
    if sheet is not None:
        raise InputError(f"{source.name}: --sheet given, but this is a CSV file, not a workbook")
    if b"\x00" in head[:4096] and _sniff_encoding(head)[0] == "utf-8":
        raise InputError(
            f"{source.name}: holds binary data (NUL bytes); expected a CSV file or a workbook"
        )
    return [_read_csv(source, head, notice, progress)]
