"""Start-up: wall time of short wtcheck commands against importing typer and rich alone.

Each command runs as a fresh process (the installed ``wtcheck`` console
script of this interpreter's venv), N times; the table gives the median,
min and max wall time and the ratio of medians to ``python -c "import
typer, rich"``, the floor for any Typer + rich CLI. Runs are interleaved
(one of each command per round) so a change of the VM's speed state hits
all of them alike.

Run:  python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import fmt_ms, header, table, wtcheck_exe

TARGET = 1.5


def commands() -> list[tuple[str, list[str]]]:
    exe = wtcheck_exe()
    py = sys.executable
    return [
        ("python -c pass (bare interpreter)", [py, "-c", "pass"]),
        ('python -c "import typer, rich" (baseline)', [py, "-c", "import typer, rich"]),
        (
            'python -c "import typer, rich.console, rich.table" (floor for a rich-table CLI)',
            [py, "-c", "import typer, rich.console, rich.table"],
        ),
        ("wtcheck --help", [exe, "--help"]),
        (
            "wtcheck deadlines --aware 22/12/2025 --incident 20/12/2025 --as-of 2026-01-05",
            [
                exe,
                "deadlines",
                "--aware",
                "22/12/2025",
                "--incident",
                "20/12/2025",
                "--as-of",
                "2026-01-05",
            ],
        ),
        (
            "wtcheck deadlines … --format json (the same, no table: rich.console not imported)",
            [
                exe,
                "deadlines",
                "--aware",
                "22/12/2025",
                "--incident",
                "20/12/2025",
                "--as-of",
                "2026-01-05",
                "--format",
                "json",
            ],
        ),
        ("wtcheck workdays add 2023-05-05 5", [exe, "workdays", "add", "2023-05-05", "5"]),
        ('python -c "import holidays" (for scale)', [py, "-c", "import holidays"]),
    ]


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cmds = commands()
    for _, argv in cmds:  # warm the page cache and .pyc files
        run_once(argv)
    times: dict[str, list[float]] = {name: [] for name, _ in cmds}
    for _ in range(args.runs):
        for name, argv in cmds:
            times[name].append(run_once(argv))
    header(f"Start-up: {args.runs} runs of each command, interleaved (wall time)")
    base = statistics.median(times[cmds[1][0]])
    rows = [
        [
            f"`{name}`",
            fmt_ms(statistics.median(t)),
            fmt_ms(min(t)),
            fmt_ms(max(t)),
            f"{statistics.median(t) / base:.2f}×",
        ]
        for name, t in times.items()
    ]
    print(table(["command", "median", "min", "max", "÷ import typer, rich"], rows))
    ratio = statistics.median(times[cmds[4][0]]) / base
    floor = statistics.median(times[cmds[2][0]]) / base
    print(
        f"\nTarget: `wtcheck deadlines` within {TARGET}× of importing typer and rich: "
        f"{ratio:.2f}× ({'met' if ratio <= TARGET else 'MISSED'}); "
        f"importing typer, rich.console and rich.table alone: {floor:.2f}×."
    )


if __name__ == "__main__":
    main()
