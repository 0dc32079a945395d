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
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wtcheck.errors import InputError

CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

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


def iter_lines(chunks: Iterator[str]) -> Iterator[str]:
    """Lines of the text (without line ends; CRLF and LF alike)."""
    rest = ""
    for text in chunks:
        parts = (rest + text).replace("\r\n", "\n").split("\n")
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest.rstrip("\r")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that occurs most in the header line (comma on a tie)."""
    return max(DELIMITERS, key=header_line.count)


def _parse_quoted(line: str, delimiter: str) -> list[str]:
    import csv

    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


@dataclass
class Table:
    """An opened CSV: its header, delimiter and an iterator of (line number, cells)."""

    header: list[str]
    delimiter: str
    rows: Iterator[tuple[int, list[str]]]


def read_table(source: Source, notice: Notice, progress: Callable[[int], None]) -> Table:
    """Open *source* as a CSV; InputError (one line) if it is empty."""
    lines = iter_lines(iter_text(source, notice, progress))
    lineno = 0
    for line in lines:
        lineno += 1
        if line.strip(" \t,;"):
            break
    else:
        raise InputError(f"{source.name}: the file is empty; expected a CSV with a header line")
    delimiter = sniff_delimiter(line)
    header_no = lineno
    while line.count('"') % 2:
        nxt = next(lines, None)
        if nxt is None:
            break
        lineno += 1
        line += "\n" + nxt
    header = [h.strip() for h in _parse_quoted(line, delimiter)]
    if header_no > 1:
        notice(f"{source.name}: header found on line {header_no}")
    return Table(header, delimiter, _records(lines, delimiter, lineno))


def _records(lines: Iterator[str], delimiter: str, lineno: int) -> Iterator[tuple[int, list[str]]]:
    blank = " \t" + delimiter
    for line in lines:
        lineno += 1
        if not line or (line[0] in blank and not line.strip(blank)):
            continue
        if '"' in line:
            start = lineno
            while line.count('"') % 2:
                nxt = next(lines, None)
                if nxt is None:
                    break
                lineno += 1
                line += "\n" + nxt
            yield start, _parse_quoted(line, delimiter)
        else:
            yield lineno, line.split(delimiter)
