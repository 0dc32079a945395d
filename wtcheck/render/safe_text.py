"""Text from data made safe to print: control characters shown, never sent.

A case id, a holiday title, a closure name or a rule's wording from a config
file can hold any character, including ESC: printed raw, ``ESC[2J`` clears
the screen and ``ESC]8;;URL ESC\\`` plants a live hyperlink. Every renderer
that prints data to a terminal or a pipe passes it through :func:`visible`
first (tables, plain text, piped output alike); :func:`clean_text` is for
places where an escape would be read as text, such as an email header.

What counts as a control character: C0 (U+0000-U+001F, tab and line breaks
included), DEL, C1 (U+0080-U+009F, where U+009B is a one-byte CSI), and the
invisible bidirectional controls (U+200E, U+200F, U+202A-U+202E,
U+2066-U+2069) that can make text read in a different order than it is.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """*text* with each control character written as its Python escape.

    ``"C1\\x1b[2J"`` (ESC) prints as ``C1\\x1b[2J``; tab, CR and LF as ``\\t``,
    ``\\r``, ``\\n``; everything else, backslashes included, is unchanged.
    """
    if text.isascii() and text.isprintable():
        return text
    return _CONTROL.sub(_escape, text)


def clean_text(text: str) -> str:
    """*text* on one line with control characters replaced by a space (email headers)."""
    if text.isascii() and text.isprintable():
        return text
    return _CONTROL.sub(" ", text)


def has_control(text: str) -> bool:
    """True if *text* holds a character :func:`visible` would escape."""
    return _CONTROL.search(text) is not None


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with the control characters it leaves raw escaped.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 but writes DEL, C1 (a
    one-byte CSI) and the bidirectional controls as they are. They can only
    occur inside strings, where ``\\u009b`` means the same character: the
    JSON is unchanged as data and safe on a terminal.
    """
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
