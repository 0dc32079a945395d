"""How ``-f ics`` scales with one cell's length: fold() and escape_text() on a
case id of 1 MB and of 10 MB. Linear work gives a ratio near 10; the old fold
(re-slicing what was left at every 75-octet cut) gave a ratio near 100.

    python benchmarks/ics_fold.py [--sizes 1000000 10000000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from _common import machine

from wtcheck.render.ics import Event, render_ics


def seconds(size: int) -> float:
    event = Event(uid="x@wtcheck", day=date(2026, 1, 5), summary="C" * size, description="d")
    start = time.perf_counter()
    text = render_ics([event], as_of=date(2026, 1, 1), name="bench")
    elapsed = time.perf_counter() - start
    assert text.count("\r\n ") >= size // 75 - 1  # every cut made
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs=2, default=[1_000_000, 10_000_000])
    small, large = parser.parse_args().sizes
    print(machine())
    print()
    print("| case id length | render_ics (s) |")
    print("|---:|---:|")
    times = {n: min(seconds(n) for _ in range(3)) for n in (small, large)}
    for n, t in times.items():
        print(f"| {n:,} | {t:.3f} |")
    ratio = times[large] / times[small]
    print(
        f"\nratio {ratio:.1f} for {large / small:.0f}x the length (linear: about {large / small:.0f})"
    )


if __name__ == "__main__":
    main()
