"""Peak memory (RSS) and time of ``wtcheck audit``: 10M rows, one huge cell, ICS and JSON.

Three tables, each audit a fresh process whose peak resident set, CPU time
(user + sys, all threads) and wall time come from ``wait4``; the child's
address space is capped (``--limit-mb``) so a run that does not stream fails
instead of exhausting the machine.

1. ``wtcheck audit FILE --as-of 2026-12-01 --format csv --output OUT`` at
   100k, 1M and 10M rows (gen_cases.py; the 10M-row file is about 540 MB: it
   is generated into ``--dir`` and deleted afterwards unless ``--keep``).
   Target: under 1 GiB at 10M rows.
2. One huge cell: 1,000 ordinary rows and one whose case id is 1 MB, then
   10 MB (the row is overdue, so the id is written twice in the findings).
   No work may grow faster than linearly with a cell's size: the 10 MB run
   must cost at most about 10× the 1 MB run's extra time and memory over a
   file without the huge cell.
3. ``--format ics`` and ``--format json`` (findings kept to render them) at
   100k and 1M rows.

Run:  python benchmarks/memory.py [--sizes 100000,1000000,10000000] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, cases_file, header, table, wtcheck_exe

TARGET_MIB = 1024
AS_OF = "2026-12-01"


class Run:
    """One wtcheck process: wall and CPU seconds, peak RSS in MiB."""

    def __init__(self, argv: list[str], limit_mb: int) -> None:
        def cap() -> None:
            if limit_mb:
                resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

        start = time.perf_counter()
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=cap)
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - start
            err.seek(0)
            message = err.read().decode("utf-8", "replace")
        rc = os.waitstatus_to_exitcode(status)
        if rc not in (0, 1):
            sys.exit(f"wtcheck failed (exit {rc}): {' '.join(argv[1:4])}: {message[-1500:]}")
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss = usage.ru_maxrss / 1024

    def cells(self) -> list[str]:
        return [f"{self.rss:,.0f} MiB", f"{self.cpu:.2f} s", f"{self.wall:.2f} s"]


def audit(path: Path, out: Path, limit_mb: int, *extra: str) -> Run:
    argv = [wtcheck_exe(), "audit", str(path), "--as-of", AS_OF, "--output", str(out)]
    return Run([*argv, *extra], limit_mb)


def huge_cell_file(folder: Path, size: int) -> Path:
    """1,000 generated rows, plus (when *size*) one overdue row with a *size*-byte case id."""
    path = folder / f"wtcheck-bench-hugecell-{size}.csv"
    base = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gen_cases.py"), "1000"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    with path.open("w", newline="") as f:
        f.write(base)
        if size:
            f.write("C" + "x" * (size - 1) + ",2026-11-02,,,,,\r\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--formats-sizes", default="100000,1000000")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--limit-mb", type=int, default=6000, help="address-space cap (0: none)")
    parser.add_argument("--keep", action="store_true", help="keep the 10M-row file")
    args = parser.parse_args()
    out = args.dir / "wtcheck-bench-memory-out"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())

    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for rows in sizes:
        path = cases_file(args.dir, rows)
        print(f"auditing {rows:,} rows...", file=sys.stderr)
        try:
            results.append(
                (rows, path.stat().st_size, audit(path, out, args.limit_mb, "--format", "csv"))
            )
        finally:
            if rows >= 10_000_000 and not args.keep:
                path.unlink()

    huge = []
    for size in (0, 1 << 20, 10 << 20):
        path = huge_cell_file(args.dir, size)
        print(f"auditing a file with a {size:,}-byte cell...", file=sys.stderr)
        huge.append((size, audit(path, out, args.limit_mb, "--format", "csv")))
        path.unlink()

    formats = []
    for rows in [int(s) for s in args.formats_sizes.split(",")]:
        path = cases_file(args.dir, rows)
        for fmt in ("csv", "json", "ics"):
            print(f"auditing {rows:,} rows as {fmt}...", file=sys.stderr)
            formats.append((rows, fmt, audit(path, out, args.limit_mb, "--format", fmt)))

    header("Peak memory of `wtcheck audit FILE --as-of 2026-12-01 --format csv --output OUT`")
    print(
        f"One process per row of each table, run one after another. Load average at the start: {load}; at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}.\n"
    )
    print(table(
        ["rows", "file", "peak RSS", "CPU (user+sys)", "wall"],
        [[f"{rows:,}", f"{size / 1e6:,.0f} MB", *run.cells()] for rows, size, run in results],
    ))  # fmt: skip
    peak = results[-1][2].rss
    print(
        f"\nTarget: peak RSS under {TARGET_MIB:,} MiB at {results[-1][0]:,} rows: {peak:,.0f} MiB ({'met' if peak < TARGET_MIB else 'MISSED'})."
    )

    print("\n### One huge cell: 1,000 rows plus one row whose case id is the size shown\n")
    base = huge[0][1]
    print(table(
        ["huge cell", "peak RSS", "CPU (user+sys)", "wall", "extra RSS", "extra CPU"],
        [[f"{size / 2**20:g} MiB" if size else "none", *run.cells(), f"{run.rss - base.rss:+,.0f} MiB", f"{run.cpu - base.cpu:+.2f} s"] for size, run in huge],
    ))  # fmt: skip
    one, ten = huge[1][1], huge[2][1]
    cpu_ratio = (ten.cpu - base.cpu) / max(one.cpu - base.cpu, 0.01)
    rss_ratio = (ten.rss - base.rss) / max(one.rss - base.rss, 1.0)
    print(
        f"\n10 MiB cell ÷ 1 MiB cell, extra CPU: {cpu_ratio:.1f}×; extra RSS: {rss_ratio:.1f}× (linear: about 10×, and the 1 MiB figures are near the noise)."
    )

    print("\n### Output formats (findings kept to render them)\n")
    print(table(
        ["rows", "format", "peak RSS", "CPU (user+sys)", "wall"],
        [[f"{rows:,}", fmt, *run.cells()] for rows, fmt, run in formats],
    ))  # fmt: skip
    for suffix in ("",):
        Path(str(out) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
