"""Audit a generated 1,000,000-row case export: wtcheck against two pandas pipelines.

* ``wtcheck audit FILE --as-of 2026-12-01 --format csv --output OUT``, end to
  end in a subprocess (interpreter start, imports, reading, rules, writing).
* pandas: ``read_csv`` (C engine, string columns) → ``to_datetime`` →
  ``numpy.busday_offset`` / ``busday_count`` on a prebuilt ``busdaycalendar``
  → the same statuses with ``numpy.select``. Timed in this process, without
  and with the cost of ``import pandas`` (measured in a fresh interpreter).
* pandas + ``CustomBusinessDay`` (the CIN census validator's way of adding
  working days): the same pipeline with the offsets applied by pandas. It is
  about 100× slower, so it runs on the first 50,000 rows and is scaled.

The rules are the four that the file's six date columns drive (sin-panel,
rr-submit with its default notification anchor and its fallback to the
sin-panel deadline, lcspr-prepub, lcspr-complete). The script ASSERTS that
both pipelines find exactly what wtcheck reports: the same rows (case id,
rule, status, deadline) for every status the CSV lists, and the same
counts per status for met and pending (from wtcheck's summary line).

Run:  python benchmarks/audit.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import cases_file, fmt_s, fmt_us, header, median, table, wtcheck_exe

AS_OF = "2026-12-01"
SOON = 5
TARGET_S_PER_M = 1.0
SAMPLE = 50_000
COLS = [
    "case_id",
    "aware_date",
    "notification_date",
    "rapid_review_date",
    "lcspr_decision_date",
    "lcspr_publication_date",
    "lcspr_report_sent_date",
]
SHOWN = ("overdue", "late", "due-soon", "invalid")
CODES = ["overdue", "late", "due-soon", "pending", "met", "invalid"]

Finding = tuple[str, str, str, str]  # case id, rule, status, deadline (ISO or "")


# -- wtcheck -------------------------------------------------------------------


def run_wtcheck(path: Path, out: Path, *extra: str) -> tuple[float, str]:
    argv = [wtcheck_exe(), "audit", str(path), "--as-of", AS_OF, "--format", "csv", *extra]
    start = time.perf_counter()
    proc = subprocess.run([*argv, "--output", str(out)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"wtcheck audit failed ({proc.returncode}): {proc.stderr}")
    return elapsed, proc.stderr


def read_wtcheck(out: Path, summary: str) -> tuple[Counter[Finding], Counter[str]]:
    with out.open(newline="", encoding="utf-8") as f:
        rows = Counter(
            (r["case_id"], r["rule"], r["status"], r["deadline"]) for r in csv.DictReader(f)
        )
    line = summary.strip().splitlines()[-1]
    totals = Counter({s: int(n) for n, s in re.findall(r"(\d+) ([a-z-]+)", line)})
    return rows, totals


# -- pandas ----------------------------------------------------------------------


def pandas_audit(
    path: str, nrows: int | None, offsets: str, out: str | None
) -> tuple[Any, Counter[str]]:
    """The four rules on the file, in pandas; *offsets* is 'numpy' or 'cbd'.

    Returns the listed findings (a DataFrame: case_id, rule, status,
    deadline) and the count per status; writes the findings as CSV to *out*.
    """
    import holidays
    import numpy as np
    import pandas as pd
    from pandas.tseries.offsets import CustomBusinessDay

    hols = sorted(d for d in holidays.GB(subdiv="ENG", years=range(2012, 2029)) if d.weekday() < 5)
    bdc = np.busdaycalendar(weekmask="1111100", holidays=hols)
    cbd = CustomBusinessDay(holidays=hols)
    as_of = np.datetime64(AS_OF, "D")
    nat = np.datetime64("NaT", "D")

    df = pd.read_csv(path, usecols=COLS, dtype=str, keep_default_na=False, nrows=nrows)
    ids = df["case_id"].to_numpy()
    val: dict[str, np.ndarray] = {}
    bad: dict[str, np.ndarray] = {}
    for c in COLS[1:]:
        text = df[c]  # the generated cells carry no padding, so no str.strip (0.3 s)
        parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        val[c] = parsed.to_numpy().astype("datetime64[D]")
        bad[c] = (text != "").to_numpy() & np.isnat(val[c])

    if offsets == "numpy":

        def add(d: np.ndarray, n: int) -> np.ndarray:
            return np.busday_offset(d, n, roll="backward", busdaycal=bdc)

        def sub(d: np.ndarray, n: int) -> np.ndarray:
            return np.busday_offset(d, -n, roll="forward", busdaycal=bdc)

    else:

        def add(d: np.ndarray, n: int) -> np.ndarray:
            s = pd.Series(d.astype("datetime64[ns]")) + n * cbd
            return s.to_numpy().astype("datetime64[D]")

        def sub(d: np.ndarray, n: int) -> np.ndarray:
            s = pd.Series(d.astype("datetime64[ns]")) - n * cbd
            return s.to_numpy().astype("datetime64[D]")

    def months(d: np.ndarray, n: int) -> np.ndarray:
        s = pd.Series(d.astype("datetime64[ns]")) + pd.DateOffset(months=n)
        return s.to_numpy().astype("datetime64[D]")

    parts: list[pd.DataFrame] = []
    totals: Counter[str] = Counter()

    def judge(
        rule: str, has: np.ndarray, invalid: np.ndarray, deadline: np.ndarray, done: str
    ) -> None:
        """Statuses as wtcheck defines them (docs/audit.md).

        An unreadable trigger or completion cell wins (invalid); a completion
        date on or before the as-of date decides met/late; otherwise overdue
        past the deadline, due-soon within SOON working days, else pending.
        """
        completed, done_bad = val[done], bad[done]
        done = ~np.isnat(completed) & (completed <= as_of)  # a date after as-of: not done yet
        left = np.busday_count(
            as_of + 1, np.where(np.isnat(deadline), as_of, deadline) + 1, busdaycal=bdc
        )
        code = np.select(
            [~has & ~invalid, invalid | done_bad, done & (completed <= deadline), done, as_of > deadline, left <= SOON],
            [-1, CODES.index("invalid"), CODES.index("met"), CODES.index("late"), CODES.index("overdue"), CODES.index("due-soon")],
            CODES.index("pending"),
        )  # fmt: skip
        counts = np.bincount(code + 1, minlength=len(CODES) + 1)[1:]
        totals.update({s: int(n) for s, n in zip(CODES, counts, strict=True) if n})
        keep = np.isin(code, [CODES.index(s) for s in SHOWN])
        parts.append(
            pd.DataFrame(
                {
                    "case_id": ids[keep],
                    "rule": rule,
                    "status": pd.Categorical.from_codes(code[keep], CODES),
                    "deadline": np.where(code[keep] == CODES.index("invalid"), nat, deadline[keep]),
                }
            )
        )

    aware, notified = val["aware_date"], val["notification_date"]
    sin = add(aware, 5)
    has_aware = ~np.isnat(aware)
    judge("sin-panel", has_aware, bad["aware_date"], sin, "notification_date")

    # rr-submit: 15 working days from the notification; with no notification
    # date, from the last permitted day under sin-panel. A bad notification
    # cell is invalid; with a blank one, a bad awareness cell is.
    has_notified, bad_notified = ~np.isnat(notified), bad["notification_date"]
    blank_notified = ~has_notified & ~bad_notified
    rr = np.where(has_notified, add(notified, 15), add(sin, 15))
    rr_has = has_notified | (blank_notified & has_aware)
    rr_bad = bad_notified | (blank_notified & bad["aware_date"])
    judge("rr-submit", rr_has, rr_bad, rr, "rapid_review_date")

    for rule, trigger, deadline_of, done in (
        ("lcspr-prepub", "lcspr_publication_date", lambda d: sub(d, 7), "lcspr_report_sent_date"),
        ("lcspr-complete", "lcspr_decision_date", lambda d: months(d, 6), "lcspr_publication_date"),
    ):
        start = val[trigger]
        judge(rule, ~np.isnat(start), bad[trigger], deadline_of(start), done)
    found = pd.concat(parts, ignore_index=True)
    if out is not None:
        found.to_csv(out, index=False)
    return found, totals


def as_findings(found: Any) -> Counter[Finding]:
    """The pandas result as the same (case id, rule, status, deadline) tuples."""
    iso = found["deadline"].dt.strftime("%Y-%m-%d").fillna("")
    return Counter(
        zip(found["case_id"], found["rule"], found["status"].astype(str), iso, strict=True)
    )


def import_cost(module: str, repeat: int) -> float:
    """Median wall time of importing *module* in a fresh interpreter, less a bare one."""

    def wall(code: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return median(times)

    return wall(f"import {module}") - wall("pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    path = cases_file(args.dir, args.rows)
    out = args.dir / "wtcheck-bench-audit-out.csv"
    pd_out = args.dir / "wtcheck-bench-pandas-out.csv"

    runs = [run_wtcheck(path, out) for _ in range(args.repeat)]
    t_wt = median([t for t, _ in runs])
    wt_rows, wt_totals = read_wtcheck(out, runs[-1][1])
    # the same audit listing only invalid findings: reading + rules + counting,
    # with almost no output (every status is still counted)
    quiet = [run_wtcheck(path, out, "--only", "invalid") for _ in range(args.repeat)]
    t_quiet = median([t for t, _ in quiet])
    _, quiet_totals = read_wtcheck(out, quiet[-1][1])
    assert quiet_totals == wt_totals, "--only changed the counts"

    import_pd = import_cost("pandas", 5)
    import warnings

    import pandas  # imported once here, so the timings below exclude it

    warnings.simplefilter("ignore", pandas.errors.PerformanceWarning)  # CustomBusinessDay's

    np_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        found, pd_totals = pandas_audit(str(path), None, "numpy", str(pd_out))
        np_times.append(time.perf_counter() - start)
    pd_rows = as_findings(found)
    t_np = median(np_times)
    assert pd_totals == wt_totals, f"pandas+numpy counts {pd_totals} != wtcheck {wt_totals}"
    assert pd_rows == wt_rows, "pandas+numpy rows differ from wtcheck's"

    nrows = min(args.sample, args.rows)
    start = time.perf_counter()
    found, _ = pandas_audit(str(path), nrows, "cbd", str(pd_out))
    t_cbd = (time.perf_counter() - start) * args.rows / nrows
    cbd_rows = as_findings(found)
    sample_ids = {f"C{n:07d}" for n in range(1, nrows + 1)}
    want = Counter({k: v for k, v in wt_rows.items() if k[0] in sample_ids})
    assert cbd_rows == want, "pandas+CustomBusinessDay rows differ from wtcheck's"

    per_m = 1_000_000 / args.rows
    header(f"Auditing a {args.rows:,}-row case export (6 date columns, 4 rules), as of {AS_OF}")
    rows = [
        ["wtcheck audit … --format csv --output FILE (subprocess, end to end)", fmt_s(t_wt), fmt_s(t_wt * per_m), fmt_us(t_wt / args.rows), "1.0×", f"median of {args.repeat}"],
        [f"the same with `--only invalid` (every status counted, {wt_totals['invalid']:,} listed)", fmt_s(t_quiet), fmt_s(t_quiet * per_m), fmt_us(t_quiet / args.rows), f"{t_quiet / t_wt:.2f}×", f"median of {args.repeat}"],
        ["pandas read_csv + numpy busday_offset (work only)", fmt_s(t_np), fmt_s(t_np * per_m), fmt_us(t_np / args.rows), f"{t_np / t_wt:.2f}×", f"median of {args.repeat}; in-process"],
        ["the same + `import pandas`", fmt_s(t_np + import_pd), fmt_s((t_np + import_pd) * per_m), fmt_us((t_np + import_pd) / args.rows), f"{(t_np + import_pd) / t_wt:.2f}×", f"import pandas = {import_pd:.2f} s"],
        ["pandas + CustomBusinessDay (CIN validator's way), scaled", fmt_s(t_cbd), fmt_s(t_cbd * per_m), fmt_us(t_cbd / args.rows), f"{t_cbd / t_wt:.1f}×", f"timed on {nrows:,} rows, ×{args.rows / nrows:g}; excludes import"],
    ]  # fmt: skip
    print(table(["pipeline", "total", "per 1M rows", "per row", "time ÷ wtcheck", "note"], rows))
    print()
    print(f"Findings (wtcheck's summary): {', '.join(f'{n} {s}' for s, n in wt_totals.items())}.")
    print(
        f"Both pandas pipelines agree exactly with wtcheck (asserted): {sum(wt_rows.values()):,} "
        f"listed findings (rows), and the met/pending counts."
    )
    verdict = "met" if t_wt * per_m <= TARGET_S_PER_M else "MISSED"
    faster = t_wt < t_np and t_wt < t_cbd
    print(
        f"Target ≤ {TARGET_S_PER_M} s per million rows: {t_wt * per_m:.2f} s ({verdict}); "
        f"{t_quiet * per_m:.2f} s when only invalid findings are listed."
    )
    print(f"Faster than both pandas pipelines (work only): {'yes' if faster else 'NO'}.")


if __name__ == "__main__":
    main()
