"""Audit a generated 1,000,000-row case export: wtcheck against the pipelines an analyst would write.

Contenders, each a fresh process, run interleaved (one of each per round):

* ``wtcheck audit FILE --as-of 2026-12-01 --format csv --output OUT`` (this
  checkout: the one polars pipeline), end to end;
* today's wtcheck: the same command from the last commit before the rewrite
  (``--old-wtcheck``, a console script installed in its own venv);
* pandas ``read_csv`` (C engine) + ``to_datetime`` + numpy
  ``busday_offset`` on a prebuilt ``busdaycalendar``;
* polars: every date cell parsed once (``str.to_date``), working days by
  gathering from the calendar's own tables (``Calendar.cum_table``: ``cum[d]``
  = working days up to and including day d; ``cal._wd[k]`` = the (k+1)-th
  working day), statuses with one ``when`` chain;
* DuckDB SQL: ``read_csv`` (all text) + ``try_strptime``, a day table with the
  same two tables' answers, joined on each date;
* wtcheck's own pipeline called as a library (``audit_files`` with
  ``AuditOptions(lean=True)``), writing the four columns the pipelines above
  write: the engine's cost apart from the CLI and its 18-column CSV (not a
  contender for the target: it is wtcheck).

The rules are the four that the file's six date columns drive (sin-panel,
rr-submit with its default notification anchor and its fallback to the
sin-panel deadline, lcspr-prepub, lcspr-complete). The script ASSERTS that
every contender lists exactly wtcheck's findings (case id, rule, status,
deadline) for the statuses the CSV lists and the same count of every status
(wtcheck's summary line).

For each process: wall time, CPU time (user + sys of all its threads, from
``wait4``) and peak RSS; medians over ``--repeat`` rounds. Every contender pays
its own interpreter start and imports.

``--junk 0.8`` adds a second table: wtcheck on a file of the same size where
80 % of the filled date cells are unreadable (gen_cases.py ``--junk``), against
the clean file, CPU per row (target: at most 3×), with the polars and DuckDB
pipelines on the same junk file (their findings asserted too).

Run:  python benchmarks/audit.py [--rows 1000000] [--repeat 3] [--old-wtcheck PATH] [--junk 0.8]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from _common import cases_file, compile_bytecode, header, median, table, wtcheck_exe

AS_OF = "2026-12-01"
SOON = 5
JUNK_TARGET = 3.0
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
EPOCH = date(1970, 1, 1).toordinal()
# the working-day tables cover these days (every date of the export and its deadlines)
FIRST, LAST = date(2018, 1, 1).toordinal(), date(2028, 12, 31).toordinal()

Finding = tuple[str, str, str, str]  # case id, rule, status, deadline (ISO or "")


class Run:
    """One finished process: wall and CPU seconds, peak RSS in MiB, stderr."""

    def __init__(self, argv: list[str], ok: tuple[int, ...] = (0, 1)) -> None:
        start = time.perf_counter()
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            self.stderr = err.read().decode("utf-8", "replace")
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss = usage.ru_maxrss / 1024
        if proc.returncode not in ok:
            sys.exit(f"{argv[:4]} failed ({proc.returncode}): {self.stderr[-2000:]}")


# -- wtcheck -------------------------------------------------------------------


def wtcheck_argv(exe: str, path: Path, out: Path) -> list[str]:
    return [exe, "audit", str(path), "--as-of", AS_OF, "--format", "csv", "--output", str(out)]


def read_wtcheck(out: Path, summary: str) -> tuple[Counter[Finding], Counter[str]]:
    with out.open(newline="", encoding="utf-8") as f:
        rows = Counter(
            (r["case_id"], r["rule"], r["status"], r["deadline"]) for r in csv.DictReader(f)
        )
    line = summary.strip().splitlines()[-1].split(";")[0]  # not the "; N rows read"
    totals = Counter({s: int(n) for n, s in re.findall(r"(\d+) ([a-z-]+)", line)})
    return rows, totals


def read_contender(out: Path) -> tuple[Counter[Finding], Counter[str]]:
    with out.open(newline="", encoding="utf-8") as f:
        rows = Counter(
            (r["case_id"], r["rule"], r["status"], r["deadline"]) for r in csv.DictReader(f)
        )
    totals = json.loads(out.with_suffix(".counts.json").read_text())
    return rows, Counter({k: v for k, v in totals.items() if v})


# -- pandas + numpy ---------------------------------------------------------------


def pandas_audit(path: str, out: str) -> dict[str, int]:
    """The four rules in pandas and numpy; writes the listed findings to *out*."""
    import holidays
    import numpy as np
    import pandas as pd

    hols = sorted(d for d in holidays.GB(subdiv="ENG", years=range(2012, 2029)) if d.weekday() < 5)
    bdc = np.busdaycalendar(weekmask="1111100", holidays=hols)
    as_of = np.datetime64(AS_OF, "D")
    nat = np.datetime64("NaT", "D")

    df = pd.read_csv(path, usecols=COLS, dtype=str, keep_default_na=False)
    ids = df["case_id"].to_numpy()
    val: dict[str, Any] = {}
    bad: dict[str, Any] = {}
    for c in COLS[1:]:
        text = df[c]  # the generated cells carry no padding, so no str.strip
        parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        val[c] = parsed.to_numpy().astype("datetime64[D]")
        bad[c] = (text != "").to_numpy() & np.isnat(val[c])

    def add(d: Any, n: int) -> Any:
        return np.busday_offset(d, n, roll="backward", busdaycal=bdc)

    def sub(d: Any, n: int) -> Any:
        return np.busday_offset(d, -n, roll="forward", busdaycal=bdc)

    def months(d: Any, n: int) -> Any:
        s = pd.Series(d.astype("datetime64[ns]")) + pd.DateOffset(months=n)
        return s.to_numpy().astype("datetime64[D]")

    parts: list[Any] = []
    totals: Counter[str] = Counter()

    def judge(rule: str, has: Any, invalid: Any, deadline: Any, done_col: str) -> None:
        """Statuses as wtcheck defines them (docs/audit.md)."""
        completed, done_bad = val[done_col], bad[done_col]
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
        dl = np.where(code[keep] == CODES.index("invalid"), nat, deadline[keep])
        parts.append(
            pd.DataFrame(
                {
                    "case_id": ids[keep],
                    "rule": rule,
                    "status": pd.Categorical.from_codes(code[keep], CODES),
                    "deadline": pd.Series(dl).dt.strftime("%Y-%m-%d"),
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
    for rule, trigger, deadline_of, done_col in (
        ("lcspr-prepub", "lcspr_publication_date", lambda d: sub(d, 7), "lcspr_report_sent_date"),
        ("lcspr-complete", "lcspr_decision_date", lambda d: months(d, 6), "lcspr_publication_date"),
    ):
        start = val[trigger]
        judge(rule, ~np.isnat(start), bad[trigger], deadline_of(start), done_col)
    pd.concat(parts, ignore_index=True).to_csv(out, index=False)
    return dict(totals)


# -- polars --------------------------------------------------------------------


def polars_audit(path: str, out: str) -> dict[str, int]:
    """The four rules in polars, working days gathered from the calendar's tables."""
    import polars as pl

    from wtcheck.calendar.workdays import get_calendar

    cal = get_calendar("england-and-wales")
    lo, cum_list = cal.cum_table(FIRST, LAST + 60)
    cum = pl.Series(cum_list, dtype=pl.Int32)  # cum[day - lo]
    wd = pl.Series([o - EPOCH for o in cal._wd], dtype=pl.Int32)  # wd[k]: (k+1)-th working day
    as_of = date.fromisoformat(AS_OF).toordinal() - EPOCH
    soon_end = cal.add_ordinal(as_of + EPOCH, SOON + 1) - EPOCH  # due soon: deadline before it
    lo -= EPOCH

    df = pl.read_csv(path, columns=COLS, infer_schema=False)
    day: dict[str, pl.Series] = {}
    bad: dict[str, pl.Series] = {}
    for c in COLS[1:]:
        parsed = df[c].str.to_date("%Y-%m-%d", strict=False)
        day[c] = parsed.cast(pl.Int32)  # days since 1970-01-01
        bad[c] = df[c].is_not_null() & parsed.is_null()

    def add(d: pl.Series, n: int) -> pl.Series:  # the n-th working day after d
        return wd.gather(cum.gather(d - lo) + (n - 1))

    def sub(d: pl.Series, n: int) -> pl.Series:  # n working days back from d
        return wd.gather(cum.gather(d - 1 - lo) - n)

    def months(d: pl.Series, n: int) -> pl.Series:
        return d.cast(pl.Date).dt.offset_by(f"{n}mo").cast(pl.Int32)

    frames: list[pl.DataFrame] = []
    totals: Counter[str] = Counter()

    def judge(rule: str, has: pl.Series, invalid: pl.Series, dl: pl.Series, done_col: str) -> None:
        f = pl.DataFrame(
            {"case_id": df["case_id"], "has": has, "bad": invalid, "dl": dl,
             "done": day[done_col], "done_bad": bad[done_col]}
        )  # fmt: skip
        done = pl.col("done").is_not_null() & (pl.col("done") <= as_of)
        f = f.select(
            "case_id",
            "dl",
            pl.when(~pl.col("has") & ~pl.col("bad")).then(None)
            .when(pl.col("bad") | pl.col("done_bad")).then(pl.lit("invalid"))
            .when(done & (pl.col("done") <= pl.col("dl"))).then(pl.lit("met"))
            .when(done).then(pl.lit("late"))
            .when(pl.col("dl") < as_of).then(pl.lit("overdue"))
            .when(pl.col("dl") < soon_end).then(pl.lit("due-soon"))
            .otherwise(pl.lit("pending"))
            .alias("status"),
        )  # fmt: skip
        totals.update(dict(f["status"].drop_nulls().value_counts().iter_rows()))
        frames.append(
            f.filter(pl.col("status").is_in(SHOWN)).select(
                "case_id",
                pl.lit(rule).alias("rule"),
                "status",
                pl.when(pl.col("status") != "invalid").then(pl.col("dl").cast(pl.Date)).alias("deadline"),
            )
        )  # fmt: skip

    aware, notified = day["aware_date"], day["notification_date"]
    sin = add(aware, 5)
    judge("sin-panel", aware.is_not_null(), bad["aware_date"], sin, "notification_date")
    blank_notified = notified.is_null() & ~bad["notification_date"]
    rr = add(notified.fill_null(sin), 15)
    rr_has = notified.is_not_null() | (blank_notified & aware.is_not_null())
    rr_bad = bad["notification_date"] | (blank_notified & bad["aware_date"])
    judge("rr-submit", rr_has, rr_bad, rr, "rapid_review_date")
    pub, decision = day["lcspr_publication_date"], day["lcspr_decision_date"]
    judge("lcspr-prepub", pub.is_not_null(), bad["lcspr_publication_date"], sub(pub, 7), "lcspr_report_sent_date")  # fmt: skip
    judge("lcspr-complete", decision.is_not_null(), bad["lcspr_decision_date"], months(decision, 6), "lcspr_publication_date")  # fmt: skip
    pl.concat(frames).write_csv(out)
    return dict(totals)


# -- DuckDB ----------------------------------------------------------------------


def duckdb_audit(path: str, out: str) -> dict[str, int]:
    """The four rules in DuckDB SQL, working days from a day table joined on each date."""
    import duckdb

    from wtcheck.calendar.workdays import get_calendar

    cal = get_calendar("england-and-wales")
    lo, cum = cal.cum_table(FIRST, LAST + 60)  # room for the deadlines of the last days
    wd = cal._wd
    as_of = date.fromisoformat(AS_OF)
    soon_end = date.fromordinal(cal.add_ordinal(as_of.toordinal(), SOON + 1))
    # per day: +5 and +15 working days after it, 7 working days back from it
    days = [
        (date.fromordinal(o), date.fromordinal(wd[c + 4]), date.fromordinal(wd[c + 14]),
         date.fromordinal(wd[prev - 7]))
        for o, c, prev in zip(range(lo + 1, lo + len(cum)), cum[1:], cum[:-1], strict=False)
        if lo + 1 <= o <= LAST
    ]  # fmt: skip
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE cal AS SELECT unnest($1) AS d, unnest($2) AS plus5, unnest($3) AS plus15,"
        " unnest($4) AS minus7",
        [list(col) for col in zip(*days, strict=True)],
    )
    con.execute(
        f"""
        CREATE TABLE raw AS SELECT * FROM read_csv('{path}', all_varchar = true, header = true);
        CREATE TABLE t AS SELECT case_id,
          {", ".join(f"try_strptime({c}, '%Y-%m-%d')::DATE AS {c}, ({c} IS NOT NULL AND try_strptime({c}, '%Y-%m-%d') IS NULL) AS {c}_bad" for c in COLS[1:])}
        FROM raw;
        """
    )  # fmt: skip
    status = f"""CASE
        WHEN NOT has AND NOT bad THEN NULL
        WHEN bad OR done_bad THEN 'invalid'
        WHEN done <= DATE '{as_of}' AND done <= dl THEN 'met'
        WHEN done <= DATE '{as_of}' THEN 'late'
        WHEN dl < DATE '{as_of}' THEN 'overdue'
        WHEN dl < DATE '{soon_end}' THEN 'due-soon'
        ELSE 'pending' END"""
    con.execute(
        f"""
        CREATE TABLE judged AS
        WITH r AS (
          SELECT t.*, a.plus5 AS sin, n.plus15 AS rr_n, s.plus15 AS rr_s, p.minus7 AS prepub
          FROM t
          LEFT JOIN cal a ON a.d = t.aware_date
          LEFT JOIN cal n ON n.d = t.notification_date
          LEFT JOIN cal s ON s.d = a.plus5
          LEFT JOIN cal p ON p.d = t.lcspr_publication_date
        ), j AS (
          SELECT case_id, 'sin-panel' AS rule, aware_date IS NOT NULL AS has, aware_date_bad AS bad,
                 sin AS dl, notification_date AS done, notification_date_bad AS done_bad FROM r
          UNION ALL
          SELECT case_id, 'rr-submit',
                 notification_date IS NOT NULL OR (NOT notification_date_bad AND aware_date IS NOT NULL),
                 notification_date_bad OR (notification_date IS NULL AND aware_date_bad),
                 coalesce(rr_n, rr_s), rapid_review_date, rapid_review_date_bad FROM r
          UNION ALL
          SELECT case_id, 'lcspr-prepub', lcspr_publication_date IS NOT NULL, lcspr_publication_date_bad,
                 prepub, lcspr_report_sent_date, lcspr_report_sent_date_bad FROM r
          UNION ALL
          SELECT case_id, 'lcspr-complete', lcspr_decision_date IS NOT NULL, lcspr_decision_date_bad,
                 (lcspr_decision_date + INTERVAL 6 MONTH)::DATE, lcspr_publication_date,
                 lcspr_publication_date_bad FROM r
        )
        SELECT case_id, rule, {status} AS status, dl FROM j
        """
    )
    totals = dict(con.execute("SELECT status, count(*) FROM judged WHERE status IS NOT NULL GROUP BY status").fetchall())  # fmt: skip
    shown = ", ".join(f"'{s}'" for s in SHOWN)
    con.execute(
        f"""COPY (SELECT case_id, rule, status,
                 CASE WHEN status <> 'invalid' THEN strftime(dl, '%Y-%m-%d') END AS deadline
                 FROM judged WHERE status IN ({shown})) TO '{out}' (HEADER, DELIMITER ',')"""
    )
    return totals


# -- wtcheck's own pipeline, listing what the others list ----------------------------


def wtcheck_lean_audit(path: str, out: str) -> dict[str, int]:
    """wtcheck's pipeline called as a library (no CLI), listing the four columns the
    other contenders list: what the engine costs apart from its 18-column CSV."""
    import polars as pl

    from wtcheck.audit.pipeline import audit_files
    from wtcheck.audit.plan import AuditOptions
    from wtcheck.calendar.workdays import get_calendar
    from wtcheck.findings import Status

    frames: list[pl.DataFrame] = []
    options = AuditOptions(
        as_of=date.fromisoformat(AS_OF),
        soon=SOON,
        keep=frozenset(Status(s) for s in SHOWN),
        lean=True,
    )
    result = audit_files(
        [path], get_calendar("england-and-wales"), options, notice=_quiet, sink=frames.append
    )
    listed = pl.concat(frames) if frames else result.frame
    listed.select("case_id", "rule", "status", "deadline").write_csv(out)
    return {s.value: n for s, n in result.counts.items() if n}


def _quiet(_: str) -> None:
    """The audit's notes (rules it cannot check) are not printed."""


CONTENDERS: dict[str, Callable[[str, str], dict[str, int]]] = {
    "wtcheck-lean": wtcheck_lean_audit,
    "pandas": pandas_audit,
    "polars": polars_audit,
    "duckdb": duckdb_audit,
}
LABELS = {
    "wtcheck-lean": "wtcheck's pipeline as a library, listing the same four columns",
    "pandas": "pandas (read_csv, C engine) + numpy busday_offset",
    "polars": "polars, working days gathered from the calendar's tables",
    "duckdb": "DuckDB SQL, a day table joined on each date",
}


def contender_main(name: str, path: str, out: str) -> None:
    """Run one contender in this process (the benchmark starts one process per run)."""
    totals = CONTENDERS[name](path, out)
    Path(out).with_suffix(".counts.json").write_text(json.dumps(totals))


# -- the benchmark -----------------------------------------------------------------


def compare(
    runs: dict[str, list[Run]], outs: dict[str, Path], base: str
) -> tuple[Counter[str], int]:
    """Assert every contender found what *base* (wtcheck) found; its counts and rows listed."""
    want_rows, want_totals = read_wtcheck(outs[base], runs[base][-1].stderr)
    for name, out in outs.items():
        if name == base:
            continue
        if name not in CONTENDERS:  # a wtcheck command line: counts from its summary
            rows, totals = read_wtcheck(out, runs[name][-1].stderr)
        else:
            rows, totals = read_contender(out)
        assert totals == want_totals, (
            f"{name}: counts {dict(totals)} != wtcheck's {dict(want_totals)}"
        )
        assert rows == want_rows, f"{name}: listed findings differ from wtcheck's"
    return want_totals, sum(want_rows.values())


def measure(argvs: dict[str, list[str]], repeat: int) -> dict[str, list[Run]]:
    """Every contender *repeat* times, interleaved (one of each per round)."""
    runs: dict[str, list[Run]] = {name: [] for name in argvs}
    for r in range(repeat):
        for name, argv in argvs.items():
            print(f"round {r + 1}: {name}...", file=sys.stderr)
            runs[name].append(Run(argv, (0, 1) if name.startswith("wtcheck") else (0,)))
    return runs


def result_table(
    runs: dict[str, list[Run]], labels: dict[str, str], rows_in: int, base: str
) -> str:
    cpu0 = median([r.cpu for r in runs[base]])
    wall0 = median([r.wall for r in runs[base]])
    out = []
    for name, rs in runs.items():
        wall, cpu, rss = (median([getattr(r, k) for r in rs]) for k in ("wall", "cpu", "rss"))
        out.append([
            labels[name], f"{wall:.2f} s", f"{cpu:.2f} s", f"{cpu / rows_in * 1e6:.2f} µs",
            f"{rss:,.0f} MiB", f"{wall / wall0:.2f}×", f"{cpu / cpu0:.2f}×",
        ])  # fmt: skip
    return table(
        [
            "contender",
            "wall",
            "CPU (user+sys)",
            "CPU per row",
            "peak RSS",
            "wall ÷ wtcheck",
            "CPU ÷ wtcheck",
        ],
        out,
    )


def loadavg() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--contender":
        contender_main(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument(
        "--old-wtcheck", help="console script of today's wtcheck (before the rewrite)"
    )
    parser.add_argument("--old-label", default="today's wtcheck (before the rewrite)")
    parser.add_argument("--junk", type=float, default=0.0, help="also time an invalid-heavy file")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated contenders besides wtcheck, which always runs (default: all)",
    )
    args = parser.parse_args()
    path = cases_file(args.dir, args.rows)
    # each contender imports this module, byte-compiled like wtcheck (compile_bytecode):
    # a script run by path is compiled afresh on every run
    here = Path(__file__).resolve().parent
    compile_bytecode(here)
    boot = f"import sys; sys.path.insert(0, {str(here)!r}); import audit; audit.main()"
    me = [sys.executable, "-c", boot, "--contender"]

    def argvs_for(
        file: Path, tag: str, names: list[str]
    ) -> tuple[dict[str, list[str]], dict[str, Path]]:
        argvs: dict[str, list[str]] = {}
        outs: dict[str, Path] = {}
        for name in names:
            out = outs[name] = args.dir / f"wtcheck-bench-audit-{tag}-{name}.csv"
            if name == "wtcheck":
                argvs[name] = wtcheck_argv(wtcheck_exe(), file, out)
            elif name == "wtcheck-old":
                argvs[name] = wtcheck_argv(args.old_wtcheck, file, out)
            else:
                argvs[name] = [*me, name, str(file), str(out)]
        return argvs, outs

    names = ["wtcheck", *(["wtcheck-old"] if args.old_wtcheck else []), *CONTENDERS]
    if args.only:
        asked = args.only.split(",")
        unknown = [n for n in asked if n not in names]
        if unknown:
            parser.error(
                f"--only: no contender {', '.join(unknown)}; expected some of {', '.join(names)}"
            )
        # wtcheck always runs: every other contender's findings are checked against its own
        names = ["wtcheck", *(n for n in names if n in asked and n != "wtcheck")]
    labels = {
        "wtcheck": "wtcheck (this checkout: one polars pipeline)",
        "wtcheck-old": args.old_label,
        **LABELS,
    }
    load_before = loadavg()
    argvs, outs = argvs_for(path, "clean", names)
    runs = measure(argvs, args.repeat)
    totals, listed = compare(runs, outs, "wtcheck")

    header(f"Auditing a {args.rows:,}-row case export (6 date columns, 4 rules), as of {AS_OF}")
    print(
        f"Each contender a fresh process (start-up and imports included), {args.repeat} interleaved rounds, medians. Load average before / after: {load_before} / {loadavg()}.\n"
    )
    print(result_table(runs, labels, args.rows, "wtcheck"))
    print(f"\nFindings (wtcheck's summary): {', '.join(f'{n:,} {s}' for s, n in totals.items())}.")
    print(
        f"Every contender agrees exactly with wtcheck (asserted): the {listed:,} listed findings (case, rule, status, deadline) and the count of every status."
    )
    cpu = {n: median([r.cpu for r in rs]) for n, rs in runs.items()}
    others = [n for n in cpu if n not in ("wtcheck", "wtcheck-lean")]  # not wtcheck itself
    beaten = [labels[n] for n in others if cpu[n] < cpu["wtcheck"]]
    print(
        f"Target: wtcheck's CPU at or below every contender's: {'met' if not beaten else 'MISSED (below it: ' + '; '.join(beaten) + ')'}."
    )

    if args.junk:
        junk = cases_file(args.dir, args.rows, args.junk)
        jnames = [n for n in ("wtcheck", "wtcheck-lean", "polars", "duckdb") if n in names]
        jargvs, jouts = argvs_for(junk, "junk", jnames)
        jruns = measure(jargvs, args.repeat)
        jtotals, jlisted = compare(jruns, jouts, "wtcheck")
        print(
            f"\n### An invalid-heavy export: {args.junk:.0%} of the filled date cells unreadable ({args.rows:,} rows)\n"
        )
        print(
            f'Half the unreadable cells repeat a few notes ("not known", "TBC", ...), half are unique to their cell. Load average after: {loadavg()}.\n'
        )
        both = {"clean": runs["wtcheck"], **{f"junk-{n}": r for n, r in jruns.items()}}
        jlabels = {
            "clean": "wtcheck, the clean file (above)",
            **{f"junk-{n}": f"{labels[n]}, invalid-heavy file" for n in jruns},
        }
        print(result_table(both, jlabels, args.rows, "clean"))
        print(
            f"\nFindings: {', '.join(f'{n:,} {s}' for s, n in jtotals.items())}; {jlisted:,} listed, the same in every contender (asserted)."
        )
        ratio = median([r.cpu for r in jruns["wtcheck"]]) / median([r.cpu for r in runs["wtcheck"]])
        print(
            f"Target: CPU per row on the invalid-heavy file at most {JUNK_TARGET:g}× the clean file's: {ratio:.2f}× ({'met' if ratio <= JUNK_TARGET else 'MISSED'})."
        )


if __name__ == "__main__":
    main()
