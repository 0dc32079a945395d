"""Local closure days: extra non-working days on top of the bank holidays.

Off unless the user turns them on (``--closures FILE`` or the config file).
Statutory working-day definitions do not exclude them; some authorities
count them anyway (an office closed between Christmas and New Year). Every
result computed with closures says so.

File format: UTF-8 text, one day per line, a date (day first or ISO) and an
optional name after a comma or whitespace; ``#`` starts a comment::

    # Council office closure
    2026-12-29, Christmas closure
    30/12/2026  Christmas closure
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from wtcheck.dates import parse_date
from wtcheck.errors import DateError, InputError

_SPLIT = re.compile(r"^(\S+(?:\s+[A-Za-z]+\s+\d{4})?)\s*(?:[,;\t]\s*|\s+)?(.*)$")


def parse_closures(text: str, source: str = "<closures>") -> list[tuple[date, str]]:
    """Read closure days from *text*; InputError names the file, line and value."""
    days: list[tuple[date, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, rest = line.partition(",")
        try:
            day = parse_date(head)
            name = rest.strip()
        except DateError:
            m = _SPLIT.match(line)
            try:
                if m is None:
                    raise DateError(line)
                day = parse_date(m[1].rstrip(",;"))
                name = m[2].strip()
            except DateError as exc:
                raise InputError(f"{source}, line {number}: {exc.value!r}: {exc.reason}") from None
        days.append((day, name or "Local closure day"))
    return days


def load_closures(path: Path) -> list[tuple[date, str]]:
    """Read a closures file; InputError if it cannot be read or parsed."""
    from wtcheck.textfile import read_utf8

    return parse_closures(read_utf8(path, f"--closures {path}"), str(path))
