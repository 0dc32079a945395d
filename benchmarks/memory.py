"""Peak memory (RSS) of ``wtcheck audit`` at 100k, 1M and 10M rows.

Each size is a file from gen_cases.py (generated once into --dir, about
52 bytes a row: 10M rows is about 520 MB and takes a minute or two to
write). Each audit runs in its own wrapper process, which reports
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of that one child: the peak
resident set of ``wtcheck audit FILE --as-of 2026-12-01 --format csv
--output OUT``. The child's address space is capped (--limit-mb, default
6000) so that a run that does not stream fails instead of exhausting the
machine.

Run:  python benchmarks/memory.py [--sizes 100000,1000000,10000000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import cases_file, fmt_s, header, table, wtcheck_exe

TARGET_GROWTH_MB = 50

WRAPPER = """
import json, resource, subprocess, sys, time
limit = int(sys.argv[1]) << 20
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.perf_counter()
proc = subprocess.run(sys.argv[2:], preexec_fn=cap, capture_output=True, text=True)
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": proc.returncode, "wall": wall, "peak_kb": peak_kb, "err": proc.stderr[-500:]}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--limit-mb", type=int, default=6000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    out = args.dir / "wtcheck-bench-memory-out.csv"
    results = []
    for rows in sizes:
        path = cases_file(args.dir, rows)
        argv = [wtcheck_exe(), "audit", str(path), "--as-of", "2026-12-01", "--format", "csv"]
        argv += ["--output", str(out)]
        print(f"auditing {rows:,} rows...", file=sys.stderr)
        wrapper = [sys.executable, "-c", WRAPPER, str(args.limit_mb), *argv]
        report = json.loads(
            subprocess.run(wrapper, capture_output=True, text=True, check=True).stdout
        )
        if report["rc"] not in (0, 1):
            sys.exit(
                f"wtcheck audit failed at {rows:,} rows (exit {report['rc']}): {report['err']}"
            )
        results.append((rows, path.stat().st_size, report["peak_kb"] / 1024, report["wall"]))

    header("Peak memory of `wtcheck audit … --format csv --output FILE`")
    base = results[0][2]
    rows_out = [
        [
            f"{rows:,}",
            f"{size / 1e6:.0f} MB",
            f"{peak:.1f} MiB",
            f"{peak - base:+.1f} MiB",
            fmt_s(wall),
        ]
        for rows, size, peak, wall in results
    ]
    print(table(["rows", "file", "peak RSS", "vs smallest", "wall time"], rows_out))
    growth = results[-1][2] - base
    print(
        f"\nTarget: peak RSS grows by < {TARGET_GROWTH_MB} MB from {results[0][0]:,} to "
        f"{results[-1][0]:,} rows: {growth:+.1f} MiB "
        f"({'met' if growth * 1.048576 < TARGET_GROWTH_MB else 'MISSED'})."
    )


if __name__ == "__main__":
    main()
