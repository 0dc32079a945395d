"""Start-up: wall time of short wtcheck commands against importing typer and rich alone.

Each command runs as a fresh process (the installed ``wtcheck`` console
script of this interpreter's venv), N times; the table gives the median,
min and max wall time and the ratio of medians to ``python -c "import
typer, rich"``, the floor for any Typer + rich CLI. Runs are interleaved
(one of each command per round) so a change of the VM's speed state hits
all of them alike.

Then, in-process, the time of each stage of one `wtcheck deadlines` run.

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
DEADLINES = ["--aware", "22/12/2025", "--incident", "20/12/2025", "--as-of", "2026-01-05"]


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
        (f"wtcheck deadlines {' '.join(DEADLINES)}", [exe, "deadlines", *DEADLINES]),
        (
            "wtcheck deadlines … --format json (the same, no table: rich.console not imported)",
            [exe, "deadlines", *DEADLINES, "--format", "json"],
        ),
        ("wtcheck workdays add 2023-05-05 5", [exe, "workdays", "add", "2023-05-05", "5"]),
        ('python -c "import holidays" (for scale)', [py, "-c", "import holidays"]),
    ]


# Where `wtcheck deadlines` spends its time, stage by stage, in one fresh
# interpreter (the stages in the order a run meets them). It prints one line
# of milliseconds; the last figure is the part of the wtcheck imports spent
# creating dataclasses.
STAGES = """
import contextlib, dataclasses, io, sys, time
T = time.perf_counter
made = [0.0]
process_class = dataclasses._process_class
def timed_process_class(*a, **k):
    t = T(); r = process_class(*a, **k); made[0] += T() - t; return r
dataclasses._process_class = timed_process_class
t0 = T()
import typer, rich
t1 = T()
from wtcheck.cli.app import build_app
app = build_app("deadlines")
t2 = T()
import wtcheck.deadlines, wtcheck.render.deadlines_view, wtcheck.staleness, wtcheck.config
t3 = T()
dc = made[0]
import rich.console, rich.table
t4 = T()
cmd = typer.main.get_command(app)
t5 = T()
from wtcheck.workdays import get_calendar
get_calendar("england-and-wales")
t6 = T()
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cmd.main(["deadlines", *sys.argv[1:]], prog_name="wtcheck")
    except SystemExit:
        pass
t7 = T()
print(*(round(x * 1e3, 2) for x in (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, dc)))
"""
STAGE_NAMES = [
    "import typer, rich",
    "wtcheck.cli.app + the deadlines command module (registration)",
    "the rest of wtcheck for the run (rules, deadlines, workdays, views)",
    "import rich.console, rich.table",
    "Typer builds the click command",
    "load the GOV.UK data and build the calendar table",
    "parse, compute and render the table",
    "(of the wtcheck imports above: creating dataclasses)",
]


def stages(runs: int) -> None:
    got = [
        [float(x) for x in subprocess.run(
            [sys.executable, "-c", STAGES, *DEADLINES], capture_output=True, text=True, check=True
        ).stdout.split()]
        for _ in range(runs)
    ]  # fmt: skip
    print(f"\n### Where `wtcheck deadlines` spends its time (in-process, median of {runs})\n")
    rows = [[name, f"{statistics.median(r[i] for r in got):.1f} ms"] for i, name in enumerate(STAGE_NAMES)]  # fmt: skip
    print(table(["stage", "time"], rows))


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
    stages(args.runs)


if __name__ == "__main__":
    main()
