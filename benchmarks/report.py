"""The timeliness report of a generated case export against the audit of the same file.

* ``wtcheck audit FILE --as-of 2026-12-01 --format csv --output OUT`` and
  ``wtcheck report FILE --as-of 2026-12-01 --format csv --output OUT`` (by
  month, then by financial year), end to end in subprocesses.
* The summary alone (``wtcheck.report.summary.summarise``) on the findings
  frame, timed in this process: what the report adds to obtaining the frame.

Target: the report within 1.5x of the audit. The report's frame is the audit
pipeline's own (``wtcheck.report.source.audit_frame``), every status kept.

Run:  python benchmarks/report.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from _common import cases_file, fmt_s, header, median, table, timed, wtcheck_exe

AS_OF = "2026-12-01"
TARGET_RATIO = 1.5


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = Path(tempfile.gettempdir())
    cases = cases_file(folder, args.rows)
    out = folder / "wtcheck-bench-report.out"
    exe = wtcheck_exe()

    def run(*argv: str) -> None:
        subprocess.run([exe, *argv], check=False, capture_output=True)

    audit, _ = timed(
        lambda: run("audit", str(cases), "--as-of", AS_OF, "-f", "csv", "-o", str(out)),
        args.repeat,
    )
    month, _ = timed(
        lambda: run("report", str(cases), "--as-of", AS_OF, "-f", "csv", "-o", str(out)),
        args.repeat,
    )
    year, _ = timed(
        lambda: run(
            "report", str(cases), "--as-of", AS_OF, "-p", "year", "-f", "csv", "-o", str(out)
        ),
        args.repeat,
    )

    from wtcheck.audit.plan import AuditOptions
    from wtcheck.calendar.workdays import get_calendar
    from wtcheck.report.period import Period
    from wtcheck.report.source import audit_frame
    from wtcheck.report.summary import summarise

    day = date.fromisoformat(AS_OF)
    cal = get_calendar()
    frame = audit_frame([str(cases)], as_of=day, cal=cal, options=AuditOptions(day))
    summary, _ = timed(
        lambda: summarise(frame, cal=cal, as_of=day, period=Period.MONTH), args.repeat
    )

    header(f"wtcheck report vs audit, {args.rows:,} rows ({frame.height:,} findings)")
    base = median(audit)
    rows = [
        ("audit --format csv", fmt_s(base), "1.00x"),
        ("report --format csv (by month)", fmt_s(median(month)), f"{median(month) / base:.2f}x"),
        ("report --format csv --period year", fmt_s(median(year)), f"{median(year) / base:.2f}x"),
        ("summary alone, in process (by month)", fmt_s(median(summary)), f"{median(summary) / base:.2f}x"),
    ]  # fmt: skip
    print(table(("run", "median", "vs audit"), rows))
    ratio = median(month) / base
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"\nreport / audit = {ratio:.2f} ({verdict} the {TARGET_RATIO}x target)")


if __name__ == "__main__":
    main()
