"""Consoles that behave in a terminal, in a pipe and in cron.

* On a terminal: rich's colours and box drawing; ``NO_COLOR`` turns colour off.
* Piped or redirected: no colour, no control codes, ASCII table borders and
  lines of at most :data:`PIPED_WIDTH` columns (``COLUMNS`` when set; any
  width with ``--wide``), so the text reads the same in a file, an email or
  ``less``.

rich is imported when a console or table is made, not with this module:
importing ``rich.console`` and ``rich.table`` costs ~20 ms, which JSON and
CSV output do not need. Views that print only strings and tables take a
:func:`make_printer` console: piped, it draws rich's output without importing
rich (wtcheck.render.plain).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO, overload

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from wtcheck.render.plain import PlainConsole, PlainTable


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(
    stream: TextIO | None = None, *, stderr: bool = False, wide: bool = False
) -> Console:
    """A console for *stream* (stdout by default) that suits where it goes.

    *wide* (``--wide``): piped output is not fitted to a width (lines as
    long as their content); on a terminal it changes nothing.
    """
    from rich.console import Console

    target = _target(stream, stderr)
    if _is_terminal(target):
        return Console(file=target, no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    return piped_console(target, piped_width(wide=wide))


def make_printer(stream: TextIO | None = None, *, wide: bool = False) -> Console | PlainConsole:
    """Like make_console, for views that print only strings and make_table tables.

    Piped, a :class:`~wtcheck.render.plain.PlainConsole`: the same bytes as
    rich's piped console, without importing rich.
    """
    target = _target(stream, False)
    if _is_terminal(target):
        return make_console(target)
    from wtcheck.render.plain import PlainConsole

    return PlainConsole(target, piped_width(wide=wide))


def _target(stream: TextIO | None, stderr: bool) -> TextIO:
    return stream if stream is not None else (sys.stderr if stderr else sys.stdout)


def text_width(stream: TextIO | None = None, *, wide: bool = False) -> int:
    """The columns plain text (not drawn by a console) should keep within on *stream*.

    A terminal: its width (``COLUMNS`` if set); piped: :func:`piped_width`.
    """
    target = _target(stream, False)
    if _is_terminal(target):
        import shutil

        return shutil.get_terminal_size().columns
    return piped_width(wide=wide)


PIPED_WIDTH = 100
"""The width of output that is not a terminal (a file, cron's mail, ``less``)."""

WIDE_WIDTH = 10_000
"""``--wide``: wider than any line wtcheck writes, so nothing is wrapped or dropped."""


def piped_width(*, wide: bool = False) -> int:
    """Columns for piped output: ``--wide`` unlimited, else ``COLUMNS`` if set, else 100."""
    if wide:
        return WIDE_WIDTH
    try:
        columns = int(os.environ.get("COLUMNS") or 0)
    except ValueError:
        columns = 0
    return columns if columns > 0 else PIPED_WIDTH


def piped_console(target: TextIO, width: int) -> Console:
    """rich's console for output that is not a terminal: no colour, *width* columns."""
    from rich.console import Console

    return Console(
        file=target,
        no_color=True,
        highlight=False,
        force_terminal=False,
        color_system=None,
        width=width,
        emoji=False,
    )


@overload
def make_table(console: Console, *headers: str, title: str | None = None) -> Table: ...
@overload
def make_table(console: PlainConsole, *headers: str, title: str | None = None) -> PlainTable: ...
def make_table(
    console: Console | PlainConsole, *headers: str, title: str | None = None
) -> Table | PlainTable:
    """A table styled for *console*: boxed on a terminal, plain ASCII otherwise."""
    from wtcheck.render.plain import PlainConsole, PlainTable

    if isinstance(console, PlainConsole):
        return PlainTable(*headers, title=title)
    from rich import box
    from rich.table import Table

    table = Table(
        *headers,
        title=title,
        box=box.ROUNDED if console.is_terminal else box.ASCII,
        show_lines=False,
        title_justify="left",
        header_style="bold" if console.is_terminal else "",
    )
    return table
