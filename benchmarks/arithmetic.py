"""Working-day arithmetic: add 5 and 15 working days to 1,000,000 dates.

wtcheck's public library API (Calendar.add, date in/out; and add_ordinal)
against what a user would otherwise write:

* ``holidays``: ``get_nth_working_day`` on ``holidays.GB(subdiv="ENG")``.
  It is slow, so it runs on the first 20,000 dates and is scaled to 1M
  (the table says so).
* ``numpy.busday_offset`` with a prebuilt ``busdaycalendar`` and
  ``roll="backward"`` (the start day never counts, as in wtcheck). Converting
  the ``date`` objects to ``datetime64`` and back is a separate line.
* a plain Python loop (``date`` + ``timedelta`` + a ``set`` of holidays).

The seeded dates are uniform over 2015-01-01..2027-12-31 (England and Wales).
numpy and the loop use the ``holidays`` package's England dates, which equal
GOV.UK's weekday list for these years (docs calendars.md §2), so the script
also cross-checks the data. It ASSERTS that every method gives exactly
wtcheck's answers (all 1M dates for numpy and the loop; the sample for
``holidays``).

Run:  python benchmarks/arithmetic.py [--dates 1000000] [--sample 20000]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import holidays
import numpy as np
from _common import fmt_s, fmt_us, header, median, table, timed

from wtcheck.calendar.workdays import Calendar
from wtcheck.calendar.workdays_array import add_days

FIRST, LAST = date(2015, 1, 1), date(2027, 12, 31)
NS = (5, 15)
TARGET_US = 0.5
TARGET_RATIO = 20.0


def random_dates(count: int, seed: int = 20261122) -> list[date]:
    rng = random.Random(seed)
    lo, hi = FIRST.toordinal(), LAST.toordinal()
    return [date.fromordinal(rng.randint(lo, hi)) for _ in range(count)]


def loop_add(d: date, n: int, off: frozenset[date], one: timedelta = timedelta(days=1)) -> date:
    while n:
        d += one
        if d.weekday() < 5 and d not in off:
            n -= 1
    return d


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    dates = random_dates(args.dates)
    ordinals = [d.toordinal() for d in dates]
    sample = dates[: args.sample]
    scale = len(dates) / len(sample)

    start = time.perf_counter()
    cal = Calendar("england-and-wales")
    build_cal = time.perf_counter() - start
    gb = holidays.GB(subdiv="ENG", years=range(FIRST.year - 1, LAST.year + 3))
    off = frozenset(d for d in gb if d.weekday() < 5)
    start = time.perf_counter()
    bdc = np.busdaycalendar(weekmask="1111100", holidays=sorted(off))
    build_np = time.perf_counter() - start

    conv_times, d64 = timed(lambda: np.array(dates, dtype="datetime64[D]"), args.repeat)

    header(f"Adding 5 and 15 working days to {len(dates):,} dates (England and Wales)")
    rows: list[list[object]] = []
    summary: list[str] = []
    for n in NS:
        add = cal.add
        t_add, got = timed(lambda n=n, add=add: [add(d, n) for d in dates], args.repeat)
        add_o = cal.add_ordinal
        t_ord, got_o = timed(lambda n=n, a=add_o: [a(o, n) for o in ordinals], args.repeat)
        assert got_o == [d.toordinal() for d in got], "add_ordinal disagrees with add"

        nth = gb.get_nth_working_day
        t_hol, got_h = timed(lambda n=n, f=nth: [f(d, n) for d in sample], 1)
        assert got_h == got[: len(sample)], "holidays.get_nth_working_day disagrees"

        t_np, got_np = timed(
            lambda n=n: np.busday_offset(d64, n, roll="backward", busdaycal=bdc), args.repeat
        )
        back_times, got_np_dates = timed(lambda g=got_np: g.tolist(), args.repeat)
        assert got_np_dates == got, "numpy.busday_offset disagrees"
        t_arr, got_arr = timed(lambda n=n: add_days(cal, d64, n), args.repeat)
        assert got_arr.tolist() == got, "wtcheck add_days disagrees"

        t_loop, got_loop = timed(lambda n=n: [loop_add(d, n, off) for d in dates], 1)
        assert got_loop == got, "the plain loop disagrees"

        base = median(t_add)
        hol = t_hol[0] * scale
        for name, secs, note in (
            ("wtcheck `Calendar.add` (date in, date out)", base, ""),
            ("wtcheck `Calendar.add_ordinal` (int in, int out)", median(t_ord), ""),
            (
                "`holidays` `get_nth_working_day`",
                hol,
                f"timed on {len(sample):,} dates, ×{scale:g}",
            ),
            (
                "wtcheck `add_days` (datetime64 in and out, `wtcheck.calendar.workdays_array`)",
                median(t_arr),
                "",
            ),
            ("`numpy.busday_offset` (datetime64 in and out)", median(t_np), ""),
            (
                "numpy, `date` in and out (to datetime64 + offset + `.tolist()`)",
                median(conv_times) + median(t_np) + median(back_times),
                "the like-for-like figure",
            ),
            ("plain Python loop (`date` + `timedelta` + `set`)", t_loop[0], "1 run"),
        ):
            rows.append(
                [n, name, fmt_s(secs), fmt_us(secs / len(dates)), f"{secs / base:.2f}×", note]
            )
        per = base / len(dates) * 1e6
        ratio = hol / base
        summary.append(
            f"- n={n}: Calendar.add {per:.3f} µs per date (target ≤ {TARGET_US} µs: "
            f"{'met' if per <= TARGET_US else 'MISSED'}); holidays is {ratio:.0f}× slower "
            f"(target ≥ {TARGET_RATIO:g}×: {'met' if ratio >= TARGET_RATIO else 'MISSED'})"
        )
    print(
        table(
            [
                "n",
                "method",
                f"total ({len(dates):,} dates)",
                "per date",
                "time ÷ Calendar.add",
                "note",
            ],
            rows,
        )
    )
    print()
    print("Fixed costs, not in the figures above:")
    print(
        f"- building wtcheck's Calendar (load GOV.UK JSON + table 2012–2028): {build_cal * 1e3:.1f} ms"
    )
    print(f"- building numpy's busdaycalendar: {build_np * 1e3:.2f} ms")
    print(
        f"- converting {len(dates):,} `date` objects to datetime64 (`np.array(dates, dtype='datetime64[D]')`): "
        f"{fmt_s(median(conv_times))} ({fmt_us(median(conv_times) / len(dates))} per date)"
    )
    print()
    print("All methods agree exactly with wtcheck (asserted).")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
