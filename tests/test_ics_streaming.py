"""``-f ics`` without work growing with the square of a cell's length, and written
as it is made (issue 17 item 11). Speed itself is shown by benchmarks/ics_fold.py."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.data.sample_findings import finding
from wtcheck.render.ics import (
    MAX_OCTETS,
    Event,
    escape_text,
    finding_events,
    fold,
    iter_finding_events,
    iter_ics,
    render_ics,
    write_ics,
)

AS_OF = date(2026, 12, 1)


def reference_fold(line: str) -> str:
    """RFC 5545 §3.1 folding written plainly (the previous implementation)."""
    raw = line.encode("utf-8")
    chunks: list[bytes] = []
    limit = MAX_OCTETS
    while len(raw) > limit:
        cut = limit
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:
            cut -= 1
        chunks.append(raw[:cut])
        raw = raw[cut:]
        limit = MAX_OCTETS - 1
    chunks.append(raw)
    return "\r\n ".join(c.decode("utf-8") for c in chunks) + "\r\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aé€😀;,\\ "), max_size=400))
def test_fold_cuts_exactly_where_the_plain_fold_cuts(line: str) -> None:
    assert fold(line) == reference_fold(line)


def test_a_one_megabyte_cell_folds_into_75_octet_lines() -> None:
    folded = fold("SUMMARY:" + "é" * 500_000)
    lines = folded.removesuffix("\r\n").split("\r\n")
    assert len(lines[0].encode()) == 74  # "SUMMARY:" + 33 é: a 34th é would need octet 76
    assert all(len(part.encode()) <= 75 for part in lines)
    assert all(part.startswith(" ") for part in lines[1:])
    assert (
        "".join(p.removeprefix(" ") for p in lines[1:]).count("é") + lines[0].count("é") == 500_000
    )


def events(n: int, produced: list[int]) -> Iterator[Event]:
    for i in range(n):
        produced.append(i)
        yield Event(uid=f"{i}@wtcheck", day=date(2026, 12, 1 + i), summary=f"S{i}", description="d")


class Recorder(io.StringIO):
    """A stream that notes how many events had been made at each write."""

    def __init__(self, produced: list[int]) -> None:
        super().__init__()
        self.produced = produced
        self.seen: list[int] = []

    def write(self, s: str) -> int:
        self.seen.append(len(self.produced))
        return super().write(s)


def test_write_ics_writes_each_event_before_the_next_is_made() -> None:
    produced: list[int] = []
    out = Recorder(produced)
    write_ics(out, events(3, produced), as_of=AS_OF, name="wtcheck audit")
    assert out.seen[0] == 0  # the header before any event exists
    assert 1 in out.seen and 2 in out.seen  # written while events were still to come
    assert out.getvalue() == render_ics(events(3, []), as_of=AS_OF, name="wtcheck audit")


def test_iter_ics_is_render_ics_line_by_line() -> None:
    parts = list(iter_ics(events(2, []), as_of=AS_OF, name="x"))
    assert all(p.endswith("\r\n") for p in parts)
    assert "".join(parts) == render_ics(events(2, []), as_of=AS_OF, name="x")
    assert parts[0] == "BEGIN:VCALENDAR\r\n" and parts[-1] == "END:VCALENDAR\r\n"


def test_iter_finding_events_is_lazy_and_equals_finding_events() -> None:
    items = [finding(case_id="C1"), finding(case_id="C2")]
    lazy = iter_finding_events(iter(items), AS_OF)
    assert next(lazy).summary.endswith("(case C1)")
    assert list(iter_finding_events(items, AS_OF)) == finding_events(items, AS_OF)


def reference_escape(value: str) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x200), max_size=60))
def test_escape_text_equals_the_plain_escape(value: str) -> None:
    assert escape_text(value) == reference_escape(value)
