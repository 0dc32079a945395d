"""Consoles that behave in a terminal, in a pipe and in cron.

* On a terminal: rich's colours and box drawing; ``NO_COLOR`` turns colour off.
* Piped or redirected: no colour, no control codes, ASCII table borders and a
  wide line, so the text reads the same in a file, an email or ``less``.

rich is imported when a console or table is made, not with this module:
importing ``rich.console`` and ``rich.table`` costs ~20 ms, which JSON and
CSV output do not need.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(stream: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console for *stream* (stdout by default) that suits where it goes."""
    from rich.console import Console

    target = stream if stream is not None else (sys.stderr if stderr else sys.stdout)
    no_color = bool(os.environ.get("NO_COLOR"))
    if _is_terminal(target):
        return Console(file=target, no_color=no_color, highlight=False)
    width = int(os.environ.get("COLUMNS") or 0) or 200
    return Console(
        file=target,
        no_color=True,
        highlight=False,
        force_terminal=False,
        color_system=None,
        width=width,
        emoji=False,
    )


def make_table(console: Console, *headers: str, title: str | None = None) -> Table:
    """A table styled for *console*: boxed on a terminal, plain ASCII otherwise."""
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
