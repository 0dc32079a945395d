"""Generate a synthetic case export for audit benchmarks (no real people).

    python benchmarks/gen_cases.py 1000000 > /tmp/cases-1m.csv
    python benchmarks/gen_cases.py 1000000 --date-format dmy --seed 2 -o /tmp/c.csv

Columns: case_id and six date columns (the serious-incident and review
rules): aware_date, notification_date, rapid_review_date,
lcspr_decision_date, lcspr_publication_date, lcspr_report_sent_date.
Awareness dates fall in 2019–2026; most deadlines are met, some are late,
recent cases are still open, and about one in 10,000 cells is unreadable, so
every status occurs in proportions like a real export's.

``--junk 0.8`` makes that fraction of the filled date cells unreadable: half of
them repeated notes ("not known", "TBC", ...), half unique to their cell
("awaiting 123-4"), for the invalid-heavy benchmark. It draws from its own
random stream, so the dates are those of the file without ``--junk``.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date

HEADER = (
    "case_id", "aware_date", "notification_date", "rapid_review_date",
    "lcspr_decision_date", "lcspr_publication_date", "lcspr_report_sent_date",
)  # fmt: skip
REPEATED_JUNK = ("not known", "TBC", "TBA", "unknown", "awaiting", "?", "see notes", "pending")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--date-format", choices=("iso", "dmy"), default="iso")
    ap.add_argument(
        "--junk",
        type=float,
        default=0.0,
        metavar="FRACTION",
        help="make this fraction of the filled date cells unreadable",
    )
    ap.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    junk_rng = random.Random(args.seed + 1_000_003)
    start = date(2019, 1, 1).toordinal()
    span = date(2026, 11, 30).toordinal() - start
    fmt = "%Y-%m-%d" if args.date_format == "iso" else "%d/%m/%Y"
    days = [date.fromordinal(start + i).strftime(fmt) for i in range(span + 60)]

    last = len(days) - 61  # 30 Nov 2026, the last day of the export

    def after(base: int, lo: int, hi: int, blank: float) -> str:
        """A completion date lo..hi days after *base*; blank when not done yet or not applicable."""
        day = base + rng.randint(lo, hi)
        if day > last or rng.random() < blank:
            return ""
        if rng.random() < 0.0001:
            return "not known"
        return days[day]

    out = open(args.output, "w", newline="") if args.output else sys.stdout  # noqa: SIM115
    out.write(",".join(HEADER) + "\r\n")
    for n in range(1, args.rows + 1):
        aware = rng.randrange(span)
        notified = aware + rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 9))
        review = notified + rng.randint(8, 22)
        decision = review + rng.randint(0, 10)
        reviewed = rng.random() < 0.3  # a local review in about 3 cases out of 10
        publication = decision + rng.randint(120, 190)
        row = (
            f"C{n:07d}",
            days[aware],
            after(aware, notified - aware, notified - aware, 0.01),
            after(notified, review - notified, review - notified, 0.01),
            days[decision] if reviewed and decision <= last else "",
            days[publication] if reviewed and decision <= last and publication <= last + 60 else "",
            after(publication, -20, -9, 0.05) if reviewed and decision <= last else "",
        )
        if args.junk:
            row = spoil(row, n, args.junk, junk_rng)
        out.write(",".join(row) + "\r\n")
    if out is not sys.stdout:
        out.close()


def spoil(row: tuple[str, ...], n: int, fraction: float, rng: random.Random) -> tuple[str, ...]:
    """*row* with *fraction* of its filled date cells unreadable, half repeated, half unique."""
    cells = list(row)
    for i in range(1, len(cells)):
        if cells[i] and rng.random() < fraction:
            if rng.random() < 0.5:
                cells[i] = rng.choice(REPEATED_JUNK)
            else:
                cells[i] = f"awaiting {n}-{i}"
    return tuple(cells)


if __name__ == "__main__":
    main()
