"""Generate a synthetic case export for audit benchmarks (no real people).

    python benchmarks/gen_cases.py 1000000 > /tmp/cases-1m.csv
    python benchmarks/gen_cases.py 1000000 --date-format dmy --seed 2 -o /tmp/c.csv

Columns: case_id and six date columns (the serious-incident and review
rules): aware_date, notification_date, rapid_review_date,
lcspr_decision_date, lcspr_publication_date, lcspr_report_sent_date.
Dates fall in 2019–2026; about a fifth of the completion dates are blank
and about one in 10,000 cells is unreadable, so every status occurs.
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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--date-format", choices=("iso", "dmy"), default="iso")
    ap.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    start = date(2019, 1, 1).toordinal()
    span = date(2026, 11, 30).toordinal() - start
    fmt = "%Y-%m-%d" if args.date_format == "iso" else "%d/%m/%Y"
    days = [date.fromordinal(start + i).strftime(fmt) for i in range(span + 60)]

    def maybe(base: int, lo: int, hi: int, blank: float) -> str:
        if rng.random() < blank:
            return ""
        if rng.random() < 0.0001:
            return "not known"
        return days[min(base + rng.randint(lo, hi), len(days) - 1)]

    out = open(args.output, "w", newline="") if args.output else sys.stdout  # noqa: SIM115
    out.write(",".join(HEADER) + "\r\n")
    for n in range(1, args.rows + 1):
        aware = rng.randrange(span)
        decision = aware + rng.randint(10, 40)
        publication = decision + rng.randint(120, 260)
        row = (
            f"C{n:07d}",
            days[aware],
            maybe(aware, 1, 9, 0.1),
            maybe(aware, 10, 30, 0.2),
            maybe(aware, 10, 40, 0.6),
            maybe(decision - aware + aware, 120, 260, 0.7) if decision < span else "",
            maybe(publication - 20, 0, 20, 0.8) if publication < span else "",
        )
        out.write(",".join(row) + "\r\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
