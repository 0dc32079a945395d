"""Reading case exports as local authorities really have them, one row at a time.

* Encodings: UTF-8 with or without a byte-order mark; UTF-16 with a BOM (and
  BOM-less UTF-16 recognised by its zero bytes); anything that is not valid
  UTF-8 is read as Windows-1252 (cp1252) from the first chunk that fails,
  with a notice.
* Delimiter: comma, semicolon or tab, whichever occurs most in the header
  line (comma on a tie).
* Blank lines (and lines of empty cells) are skipped; line numbers stay
  physical, so a finding's row is the line a text editor shows (header = 1).
* Lines without a quote are split with ``str.split``; lines with quotes go
  through the :mod:`csv` module, joined with the following lines while a
  quoted cell spans a line break.

Memory stays flat: the file is read in chunks of 1 MiB.

Large batches are laid out column-wise with numpy (:func:`wtcheck.audit.vector.layout`:
byte offsets instead of a Python string per cell) unless *vector_min* is None;
the engine reads their date columns in C (see :mod:`wtcheck.audit.columnwise`).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from wtcheck.errors import InputError

if TYPE_CHECKING:
    from wtcheck.audit.vector import Layout

CHUNK = 1 << 20
MAX_RECORD = 1 << 20
"""A quoted cell left open for longer than this is taken as a stray quote."""
DELIMITERS = (",", ";", "\t")
_ROW_END = "\x00"
"""The cell that ends each row of a flat batch (a text with a NUL takes the slow path)."""
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
VECTOR_MIN = 1 << 18
"""Batches of at least this many characters are laid out with numpy (smaller files never
import it: its ~0.1 s import is more than reading them costs)."""

Notice = Callable[[str], None]


@dataclass
class Source:
    """An opened input: its display name, binary stream and size (None for stdin)."""

    name: str
    stream: BinaryIO
    size: int | None

    def close(self) -> None:
        if self.stream is not sys.stdin.buffer:
            self.stream.close()


def open_source(name: str) -> Source:
    """Open *name* (``-`` is stdin) for reading; InputError if it cannot be read."""
    if name == "-":
        return Source("<stdin>", sys.stdin.buffer, None)
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory; expected a CSV file")
    try:
        stream = path.open("rb")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    return Source(name, stream, size)


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


def iter_text(source: Source, notice: Notice, progress: Callable[[int], None]) -> Iterator[str]:
    """The decoded text of *source*, chunk by chunk."""
    read = source.stream.read
    head = read(CHUNK)
    encoding, bom = _sniff_encoding(head)
    decoder = codecs.getincrementaldecoder(encoding)()
    chunk = head[bom:]
    progress(len(head))
    fallen_back = False
    while chunk:
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError:
            if fallen_back or encoding != "utf-8":
                raise InputError(f"{source.name}: cannot be decoded as {encoding}") from None
            pending = decoder.getstate()[0]
            notice(f"{source.name}: not valid UTF-8; reading it as Windows-1252 (cp1252)")
            decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")
            fallen_back = True
            text = decoder.decode(pending + chunk)
        yield text
        chunk = read(CHUNK)
        progress(len(chunk))
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(f"{source.name}: ends in the middle of a character") from None
    if tail:
        yield tail


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that occurs most in the header line (comma on a tie)."""
    return max(DELIMITERS, key=header_line.count)


def _parse_quoted(line: str, delimiter: str) -> list[str]:
    import csv

    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


class Batch:
    """The rows of one chunk of the file, with their line numbers.

    Three layouts: *flat* (every line had exactly the header's number of cells
    and no quote: ``flat[r * stride + c]``, so a column is one slice; the
    stride is the width plus one, a row separator cell), *rows* (a list of
    cell lists, padded to the header's width), or *layout* (a flat batch as
    byte offsets, :class:`wtcheck.audit.vector.Layout`; its cells are split
    into strings only if some code asks for a whole column).
    """

    __slots__ = ("_text", "delimiter", "flat", "layout", "linenos", "rows", "stride")

    def __init__(
        self,
        linenos: Sequence[int],
        stride: int,
        flat: list[str] | None = None,
        rows: list[list[str]] | None = None,
        layout: Layout | None = None,
        text: str = "",
        delimiter: str = ",",
    ) -> None:
        self.linenos = linenos
        self.stride = stride
        self.flat = flat
        self.rows = rows
        self.layout = layout
        self._text = text
        self.delimiter = delimiter

    def __len__(self) -> int:
        return len(self.linenos)

    def column(self, c: int) -> list[str]:
        """Column *c* of every row."""
        if self.flat is None and self.layout is not None:
            self.flat = _flat(_lf(self._text), self.delimiter)
        if self.flat is not None:
            return self.flat[c :: self.stride]
        assert self.rows is not None
        return [row[c] for row in self.rows]

    def cell(self, r: int, c: int) -> str:
        if self.flat is not None:
            return self.flat[r * self.stride + c]
        if self.layout is not None:
            return self.layout.cell(r, c)
        assert self.rows is not None
        return self.rows[r][c]


def _lf(text: str) -> str:
    """*text* with CRLF line ends as LF (the CR before a cut at a line end too)."""
    if "\r" not in text:  # a search is much faster than a replace that finds nothing
        return text
    text = text.replace("\r\n", "\n")
    return text[:-1] if text.endswith("\r") else text


def _flat(body: str, delimiter: str) -> list[str]:
    """The cells of *body*, each line's followed by a row-end cell."""
    return body.replace("\n", delimiter + _ROW_END + delimiter).split(delimiter)


@dataclass
class Table:
    """An opened CSV: its header, delimiter and the rows, a chunk at a time."""

    header: list[str]
    delimiter: str
    batches: Iterator[Batch]
    header_line: int = 1


class _Shape:
    """The header's width, once known, and whether a long row was reported."""

    def __init__(self, name: str, notice: Notice) -> None:
        self.width = 0
        self.name = name
        self.notice = notice
        self.noted = False

    def fit(self, linenos: Sequence[int], rows: list[list[str]]) -> Batch:
        """Pad short rows with empty cells; report the first long row once."""
        width = self.width
        for i, row in enumerate(rows):
            n = len(row)
            if n < width:
                row.extend([""] * (width - n))
            elif n > width and not self.noted:
                self.noted = True
                self.notice(
                    f"{self.name}: row {linenos[i]} has {n} cells, more than the {width} "
                    "headers; extra cells are ignored (also on later rows)"
                )
        return Batch(linenos, width, rows=rows)


def read_table(
    source: Source, notice: Notice, progress: Callable[[int], None], *, vector: bool = False
) -> Table:
    """Open *source* as a CSV; InputError (one line) if it is empty.

    With *vector*, batches of :data:`VECTOR_MIN` characters or more get a numpy layout.
    """
    chunks = iter_text(source, notice, progress)
    first = ""
    for text in chunks:
        first += text
        if "\n" in first.lstrip(" \t,;\r\n"):
            break
    lines = first.split("\n")
    at = next((i for i, ln in enumerate(lines) if ln.strip(" \t,;\r")), None)
    if at is None:
        raise InputError(f"{source.name}: the file is empty; expected a CSV with a header line")
    head = lines[at]
    delimiter = sniff_delimiter(head)
    shape = _Shape(source.name, notice)
    if '"' not in head and at + 1 < len(lines):
        # a plain header line: the rows after it are batched like every later chunk
        header = head.rstrip("\r").split(delimiter)
        shape.width = len(header)
        if at:
            notice(f"{source.name}: header found on line {at + 1}")
        after = "\n".join(lines[at + 1 :])
        batches = _batches(chain([after], chunks), delimiter, shape, vector, at + 1)
        return Table([h.strip() for h in header], delimiter, batches, at + 1)
    batches = _batches(chain([first], chunks), delimiter, shape, vector)
    for batch in batches:
        if len(batch):
            break
    else:  # pragma: no cover - head was a non-blank line
        raise InputError(f"{source.name}: the file is empty; expected a CSV with a header line")
    assert batch.rows is not None
    header = [h.strip() for h in batch.rows[0]]
    shape.width = len(header)
    rest = shape.fit(batch.linenos[1:], batch.rows[1:])
    if batch.linenos[0] > 1:
        notice(f"{source.name}: header found on line {batch.linenos[0]}")
    return Table(header, delimiter, chain([rest], batches), batch.linenos[0])


def _batches(
    chunks: Iterable[str], delimiter: str, shape: _Shape, vector: bool = False, lineno: int = 0
) -> Iterator[Batch]:
    """Rows of the text after line *lineno*, one batch per chunk (a quoted line break
    may carry over)."""
    pending = ""
    for text in chunks:
        buf = pending + text
        cut = buf.rfind("\n")
        if cut < 0:
            pending = buf
            continue
        pending = buf[cut + 1 :]
        batch, lineno, carry = _split(buf[:cut], lineno, delimiter, shape, False, vector)
        if carry:
            pending = carry + "\n" + pending
        yield batch
    pending = pending.rstrip("\r")
    if pending:
        yield _split(pending, lineno, delimiter, shape, True, vector)[0]


def _split(
    body: str, lineno: int, delimiter: str, shape: _Shape, final: bool, vector: bool = False
) -> tuple[Batch, int, str]:
    """(batch, lines consumed, text of an unfinished quoted record to carry over)."""
    width = shape.width
    if width > 1 and '"' not in body and _ROW_END not in body:
        stride = width + 1
        if vector and len(body) >= VECTOR_MIN:
            from wtcheck.audit.vector import layout

            lay = layout(body, delimiter, width)  # CRLF line ends are cut there
            if lay is not None:
                n = len(lay)
                numbers = range(lineno + 1, lineno + n + 1)
                batch = Batch(numbers, stride, layout=lay, text=body, delimiter=delimiter)
                return batch, lineno + n, ""
        body = _lf(body)
        # every line has the header's width exactly when the row-end cells,
        # one per line break, are every (width + 1)-th cell: all in C
        n = body.count("\n") + 1
        flat = _flat(body, delimiter)
        if len(flat) == stride * n - 1 and flat[width::stride].count(_ROW_END) == n - 1:
            return Batch(range(lineno + 1, lineno + n + 1), stride, flat=flat), lineno + n, ""
    lines = _lf(body).split("\n")
    parsed, rows, consumed, carry = _parse(lines, lineno, delimiter, final)
    batch = shape.fit(parsed, rows) if width else Batch(parsed, 0, rows=rows)
    return batch, consumed, carry


def _parse(
    lines: list[str], lineno: int, delimiter: str, final: bool
) -> tuple[list[int], list[list[str]], int, str]:
    """Line by line: blank lines skipped, quoted records through the csv module."""
    blank = " \t" + delimiter
    n = len(lines)
    out: list[list[str]] = []
    nums: list[int] = []
    i = 0
    while i < n:
        line = lines[i]
        start = lineno + i + 1
        i += 1
        if not line.strip(blank):
            continue
        if '"' in line:
            while line.count('"') % 2 and i < n:
                line += "\n" + lines[i]
                i += 1
            if line.count('"') % 2 and not final and len(line) < MAX_RECORD:
                return nums, out, start - 1, line
            out.append(_parse_quoted(line, delimiter))
        else:
            out.append(line.split(delimiter))
        nums.append(start)
    return nums, out, lineno + n, ""
