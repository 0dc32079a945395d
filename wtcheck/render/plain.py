"""Tables and text for a pipe without importing rich: rich's piped output, byte for byte.

Piped, rich draws a table with ASCII borders and no colour. Importing
``rich.console`` and ``rich.table`` to do so costs ~20 ms, a sixth of a short
run, so output that is not a terminal is drawn here instead. This is a port of
the parts of rich 15 the views use, with rich's own names:

* a column's width range (``Table._measure_column``: the longest line and the
  longest word of each cell, plus the padding of one space each side),
  shrinking the widest columns first when the table is wider than the console
  (``Table._collapse_widths``, ``rich._ratio.ratio_reduce``), then measuring
  again at the new widths;
* word wrapping (``rich._wrap.divide_line``, ``Text.wrap``): words move to the
  next line, a word longer than the line is folded, trailing spaces beyond the
  width are dropped, table cells are padded with spaces to their width;
* ``box.ASCII`` borders, a left-justified title padded to the table's width,
  header cells aligned to the bottom of the header row, body cells to the top;
* console markup reduced to its text (``rich.markup.render``) for simple
  ``[style]...[/style]`` tags; styles are dropped, as rich does without colour.

Anything else is handed to rich so the output never differs: a character
that rich may not measure as one cell (tabs, CJK, combining marks, emoji:
see ``_ONE_CELL``), markup this does not read (``@``
tags, a closing tag that does not close the latest tag), or an object that
is not a string or a :class:`PlainTable`.
tests/test_plain_render.py compares this module with rich, on the views' output
and on generated tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# Characters rich measures as one cell each: printable ASCII and the rest of
# its fast-path set (rich.cells._SINGLE_CELL_UNICODE_RANGES), plus punctuation
# and currency signs (U+2010-2027, U+2030-205E, U+20A0-20C0: dashes, quotes,
# ellipsis...) that rich's slower path also measures as one cell each, with
# no grapheme joining and no whitespace among them. (A range check, not a
# regular expression: compiling this class costs ~1 ms at start-up.)
_ONE_CELL = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2010, 0x2027),
    (0x2030, 0x205E), (0x20A0, 0x20C0), (0x2500, 0x25FC), (0x2800, 0x28FF),
)  # fmt: skip


def _one_cell_each(text: str) -> bool:
    """True if rich measures each character of *text* as one cell (line breaks aside)."""
    if text.isascii():
        return text.replace("\n", "").isprintable()
    return all(
        char == "\n" or any(low <= ord(char) <= high for low, high in _ONE_CELL) for char in text
    )


_MARKUP_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")  # rich.markup.RE_TAGS
_BRACKET = re.compile(r"(\\*)\[(?=([a-z#/@][^[]*?\])?)")
"""A ``[``, the backslashes before it, and whether rich reads it as a tag."""
_WORD = re.compile(r"\s*\S+\s*")  # rich._wrap.re_word
_TRAILING_SPACE = re.compile(r"\s+$")  # rich.text._re_whitespace
_PADDING = 2  # rich's default table padding: one space left and right


def escape_markup(text: str) -> str:
    """*text* escaped so that rich prints it exactly (like ``rich.markup.escape``,
    without importing rich, and also for a backslash before a ``[`` that is not a
    tag): data in a cell, such as "[primary source]" or a case id, is never read
    as a style tag."""
    return _BRACKET.sub(_escape_bracket, text)


def _escape_bracket(match: re.Match[str]) -> str:
    """Backslashes for one ``[`` and the *k* backslashes before it: 2k + 1 before a
    tag (k printed, the tag escaped), k + 1 before any other ``[`` when k > 0 (rich
    prints ``\\[`` in plain text as ``[``)."""
    k = len(match[1])
    if match[2] is not None:
        return "\\" * (2 * k + 1) + "["
    return "\\" * (k + 1 if k else 0) + "["


def plain_markup(text: str) -> str | None:
    """The text rich's console markup leaves of *text*; None if only rich can tell.

    rich reads any ``[`` followed by a lower-case letter, ``#``, ``/`` or ``@``
    up to the next ``]`` as a tag and drops it, unless a backslash escapes it
    (:func:`escape_markup`). Without colour a tag changes nothing else,
    except that a closing tag that closes nothing is an error: this handles
    opening tags, escaped tags and closing tags that close the latest open
    tag (``rich.markup._parse`` and ``render``), and leaves ``@`` tags to rich.
    """
    if "[" not in text:
        return text
    pieces: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in _MARKUP_TAG.finditer(text):
        whole, escapes, tag = match.groups()
        start, end = match.span()
        if start > position:
            pieces.append(text[position:start].replace("\\[", "["))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            pieces.append("\\" * backslashes)
            if escaped:
                pieces.append(whole[len(escapes) :].replace("\\[", "["))
                continue
        if tag.startswith("@"):
            return None
        name = tag.partition("=")[0]
        if not tag.startswith("/"):
            open_tags.append(name)
        elif open_tags and name[1:] in (open_tags[-1], ""):
            open_tags.pop()
        else:
            return None
    pieces.append(text[position:].replace("\\[", "["))
    return "".join(pieces)


def _plain(text: str, markup: bool) -> str | None:
    """*text* as printed (markup applied), or None if rich must print it."""
    plain = plain_markup(text) if markup else text
    if plain is None or not _one_cell_each(plain):
        return None
    return plain


def _plain_all(texts: Iterable[str], markup: bool) -> list[str] | None:
    """Each of *texts* as printed, or None if rich must print any of them."""
    out: list[str] = []
    for text in texts:
        plain = _plain(text, markup)
        if plain is None:
            return None
        out.append(plain)
    return out


def divide_line(text: str, width: int, *, fold: bool) -> list[int]:
    """Where rich breaks *text* into lines of *width* cells (rich._wrap.divide_line).

    A word longer than a line is folded over lines of *width* if *fold*, else
    left whole on a line of its own (to be cut short with an ellipsis).
    """
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        word_length = len(word.rstrip())
        if width - offset >= word_length:
            offset += len(word)
        elif word_length > width and fold:
            folded = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in folded:
                if start:
                    breaks.append(start)
                start += len(piece)
            offset = len(folded[-1])
        elif word_length > width:
            if start:
                breaks.append(start)
            offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap(text: str, width: int, *, pad: bool, fold: bool = True) -> list[str]:
    """The lines rich's ``Text.wrap`` makes of *text*.

    *pad*: justify "left" (lines padded to *width*), else rich's default.
    *fold*: overflow "fold" (long words folded), else "ellipsis" (a line
    too long ends in "…"), as in table cells.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        for start, end in pairwise([0, *divide_line(line, width, fold=fold), len(line)]):
            piece = line[start:end]
            if len(piece) > width:  # Text.rstrip_end
                space = _TRAILING_SPACE.search(piece)
                if space is not None:
                    piece = piece[: len(piece) - min(len(space.group(0)), len(piece) - width)]
            if len(piece) > width:  # Text.truncate
                piece = piece[:width] if fold else piece[: width - 1] + "\u2026"
            lines.append(piece.ljust(width) if pad else piece)
    return lines


def _cell_maximum(text: str, max_width: int) -> int:
    """The widest a padded cell holding *text* wants to be, at most *max_width*.

    rich's ``Measurement.get`` of ``Padding(Text, (0, 1))``: the longest line
    plus the padding. (rich also measures the longest word, the minimum, which
    a table that does not expand never uses.)
    """
    if max_width < 1:
        return 0
    if max_width - _PADDING < 1:
        return max_width
    lines = text.splitlines()
    longest = min(max(map(len, lines)) if lines else 0, max_width)
    return min(longest + _PADDING, max_width)


def _column_maximum(cells: list[str], max_width: int) -> int:
    """The widest a column of *cells* wants to be, at most *max_width* (Table._measure_column)."""
    if max_width < 1:
        return 0
    return min(max(_cell_maximum(cell, max_width) for cell in cells), max_width)


def ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """Take *total* off *values* in proportion to *ratios* (rich._ratio.ratio_reduce)."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def collapse_widths(widths: list[int], max_width: int) -> list[int]:
    """Narrow the widest columns until the table fits (Table._collapse_widths, all wrapable)."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max(width if width != widest else 0 for width in widths)
        difference = widest - second
        if not difference:
            break
        ratios = [1 if width == widest else 0 for width in widths]
        widths = ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def column_widths(columns: list[list[str]], max_width: int) -> list[int]:
    """Each column's width, padding included, borders not (Table._calculate_column_widths)."""
    widths = [_column_maximum(cells, max_width) or 1 for cells in columns]
    if sum(widths) > max_width:
        widths = collapse_widths(widths, max_width)
        if sum(widths) > max_width:  # last resort, reduce columns evenly
            widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        widths = [
            _column_maximum(cells, width) for cells, width in zip(columns, widths, strict=True)
        ]
    return widths


class PlainTable:
    """The rows of a table for a pipe; :class:`PlainConsole` draws it (see make_table)."""

    def __init__(self, *headers: str, title: str | None = None) -> None:
        self.headers = headers
        self.title = title
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str, style: str | None = None) -> None:
        """Add a row; *style* is accepted as rich's is and ignored (piped: no colour)."""
        if len(cells) > len(self.headers):
            raise ValueError(
                f"a row of {len(cells)} cells in a table of {len(self.headers)} columns"
            )
        self.rows.append(cells + ("",) * (len(self.headers) - len(cells)))

    def lines(self, console_width: int, *, markup: bool = True) -> list[str] | None:
        """The table drawn as rich draws it at *console_width*, or None if only rich can.

        *markup* applies to the cells; rich always reads the title as markup.
        """
        title = _plain(self.title, True) if self.title else ""
        cells = _plain_all([cell for row in (self.headers, *self.rows) for cell in row], markup)
        if console_width < 1 or title is None or cells is None:
            return None
        count = len(self.headers)
        rows = [cells[start : start + count] for start in range(0, len(cells), count)]
        columns = [list(column) for column in zip(*rows, strict=True)]
        widths = column_widths(columns, console_width - len(columns) - 1)
        table_width = sum(widths) + len(widths) + 1
        out = wrap(title, table_width, pad=True) if self.title else []
        rule = "-" * (table_width - 2)
        out.append(f"+{rule}+")
        out.extend(_draw_row(rows[0], widths, header=True))
        out.append("|" + "+".join("-" * width for width in widths) + "|")
        for row in rows[1:]:
            out.extend(_draw_row(row, widths, header=False))
        out.append(f"+{rule}+")
        return [line[:console_width] for line in out]  # the console crops what it cannot fit


def _draw_row(cells: list[str], widths: list[int], *, header: bool) -> Iterator[str]:
    """One table row's lines: each cell wrapped and padded, headers aligned to the bottom.

    A column with no room inside its padding shows nothing, as in rich.
    """
    wrapped = [
        [f" {line} " for line in wrap(cell, width - _PADDING, pad=True, fold=False)]
        if width > _PADDING
        else []
        for cell, width in zip(cells, widths, strict=True)
    ]
    height = max(1, *map(len, wrapped))
    for index, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
        blank = [" " * width] * (height - len(lines))
        wrapped[index] = blank + lines if header else lines + blank
    for line in zip(*wrapped, strict=True):
        yield "|" + "|".join(line) + "|"


class PlainConsole:
    """Prints strings and :class:`PlainTable` as rich's piped console would, without rich.

    The subset of ``rich.console.Console.print`` the views use; anything else
    goes to a rich console made for the same stream and width.
    """

    is_terminal = False

    def __init__(self, file: TextIO, width: int) -> None:
        self.file = file
        self.width = width
        self._rich: Console | None = None

    def print(
        self,
        *objects: object,
        markup: bool | None = None,
        highlight: bool | None = None,
        soft_wrap: bool | None = None,
    ) -> None:
        text = self._render(objects, markup is not False, bool(soft_wrap))
        if text is not None:
            self.file.write(text)
            return
        rich = self._rich_console()
        rich.print(
            *(self._for_rich(rich, obj) for obj in objects),
            markup=markup,
            highlight=highlight,
            soft_wrap=soft_wrap,
        )

    def _render(self, objects: tuple[object, ...], markup: bool, soft_wrap: bool) -> str | None:
        if len(objects) == 1 and isinstance(objects[0], PlainTable):
            lines = objects[0].lines(self.width, markup=markup)
            return None if lines is None else "".join(f"{line}\n" for line in lines)
        strings = [obj for obj in objects if isinstance(obj, str)]
        plain = _plain_all(strings, markup)
        if plain is None or len(strings) < len(objects) or self.width < 1:
            return None
        joined = " ".join(plain)
        if soft_wrap:
            return joined + "\n"
        return "".join(f"{line}\n" for line in wrap(joined, self.width, pad=False))

    def _rich_console(self) -> Console:
        """rich's piped console for this stream, for what the port does not draw."""
        from wtcheck.render.console import piped_console

        if self._rich is None:
            self._rich = piped_console(self.file, self.width)
        return self._rich

    @staticmethod
    def _for_rich(rich: Console, obj: object) -> object:
        """*obj* as rich prints it: a :class:`PlainTable` becomes rich's table."""
        if not isinstance(obj, PlainTable):
            return obj
        from wtcheck.render.console import make_table

        table = make_table(rich, *obj.headers, title=obj.title)
        for row in obj.rows:
            table.add_row(*row)
        return table
