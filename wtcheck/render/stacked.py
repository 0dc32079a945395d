"""Stacked entries: a table's rows as labelled lines, for narrow terminals and pipes.

A table of seven columns at 80 columns wraps every cell into a tower and cuts
ids with an ellipsis. Below a view's width threshold its rows are printed as
entries instead::

    sin-panel: Serious incident notification to the Child Safeguarding
        Practice Review Panel
      Deadline  Wed 31 Dec 2025 (2 overdue)
      Trigger   aware, Mon 22 Dec 2025

Lines are wrapped at spaces only, so an id or a date is never cut or folded
(a word longer than the line is left whole). Text is taken as data: control
characters are shown escaped (:func:`wtcheck.render.safe_text.visible`) and
nothing is read as markup.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wtcheck.render.safe_text import visible

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.render.plain import PlainConsole

INDENT = "  "
HEAD_INDENT = "    "


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """*text* wrapped at spaces after *first*, its later lines after *rest*."""
    lines = textwrap.wrap(
        text,
        width=max(width, len(first) + 1),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def entry_lines(head: str, fields: Sequence[tuple[str, str]], width: int) -> list[str]:
    """One entry: *head* wrapped with a hanging indent, then ``label  value`` lines.

    Labels are padded to the longest; a value's own line breaks start new
    lines under the value (a line starting "- " is a bullet, its later lines
    indented under its text); an empty value is left out.
    """
    lines = _wrap(visible(head), width, "", HEAD_INDENT) if head else []
    shown = [(label, value) for label, value in fields if value]
    pad = max((len(label) for label, _ in shown), default=0)
    for label, value in shown:
        first = f"{INDENT}{label:<{pad}}  "
        rest = " " * len(first)
        for number, part in enumerate(value.split("\n")):
            # a "- " bullet's later lines line up with its text
            hang = rest + "  " if part.startswith("- ") else rest
            lines += _wrap(visible(part), width, first if number == 0 else rest, hang)
    return lines


def print_lines(console: Console | PlainConsole, lines: Sequence[str]) -> None:
    """Print *lines* as they are: no markup, no highlighting, no re-wrapping."""
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


_HANG = re.compile(r"\s*(?:- |[>] |[A-Z][A-Za-z ]{0,15}:\s+)?")


def hang_wrap(line: str, width: int) -> list[str]:
    """*line* wrapped at spaces to *width*, later lines indented under its text.

    The text starts after the line's indent and a leading ``- `` bullet or
    ``Label:`` (``Force:      guidance`` wraps under ``guidance``). Words are
    never cut; a line that fits is returned as it is.
    """
    if len(line) <= width:
        return [line]
    match = _HANG.match(line)
    hang = " " * (match.end() if match else 0)
    if len(hang) > width // 2:
        hang = ""
    return textwrap.wrap(
        line,
        width=width,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
        drop_whitespace=True,
    ) or [line]
