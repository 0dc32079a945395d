"""Start-up: wall time of short wtcheck commands against importing typer and rich alone.

Each command runs as a fresh process (the installed ``wtcheck`` console
script of this interpreter's venv), N times; the table gives the median,
min and max wall time and the ratio of medians to ``python -c "import
typer, rich"``, the floor for any Typer + rich CLI. Runs are interleaved
(one of each command per round) so a change of the VM's speed state hits
all of them alike.

wtcheck's modules are byte-compiled first (``compileall``), as ``pip
install`` does: the warm-up runs cannot write ``.pyc`` files when
``PYTHONDONTWRITEBYTECODE`` is set, and an editable install ships none, so
without this every run would compile ~40 wtcheck modules from source while
typer and rich load their installed bytecode. One extra row times the same
`deadlines` run from a copy of the package without bytecode, for scale.

Then, in-process, the time of each stage of one `wtcheck deadlines` run.

Run:  python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import fmt_ms, header, table, wtcheck_exe

TARGET = 1.5
AUDIT_TARGET = 5.0
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "cases.csv"
DEADLINES = ["--aware", "22/12/2025", "--incident", "20/12/2025", "--as-of", "2026-01-05"]


# Runs wtcheck from the package copy given as the first argument (no bytecode).
FROM_SOURCE = "import sys; sys.path.insert(0, sys.argv.pop(1)); sys.argv[0] = 'wtcheck'; from wtcheck.cli.app import main; main()"


def commands(source_copy: str) -> list[tuple[str, list[str]]]:
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
        (
            "wtcheck audit examples/cases.csv --as-of 2026-12-01 (imports polars)",
            [exe, "audit", str(EXAMPLE), "--as-of", "2026-12-01"],
        ),
        (
            "wtcheck deadlines … without bytecode (every wtcheck module compiled from source)",
            [py, "-c", FROM_SOURCE, source_copy, "deadlines", *DEADLINES],
        ),
        ('python -c "import holidays" (for scale)', [py, "-c", "import holidays"]),
    ]


# Where `wtcheck deadlines` spends its time, stage by stage, in one fresh
# interpreter (the stages in the order a run meets them). It prints one line
# of milliseconds; the last figure is the part of the wtcheck imports spent
# creating dataclasses (none are left on this path). A piped table does not
# import rich.console and rich.table (wtcheck.render.plain draws it).
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
import wtcheck.deadlines, wtcheck.render.deadlines_view, wtcheck.calendar.staleness, wtcheck.config
t3 = T()
dc = made[0]
cmd = typer.main.get_command(app)
t4 = T()
from wtcheck.calendar.workdays import get_calendar
get_calendar("england-and-wales")
t5 = T()
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cmd.main(["deadlines", *sys.argv[1:]], prog_name="wtcheck")
    except SystemExit:
        pass
t6 = T()
assert "rich.console" not in sys.modules
print(*(round(x * 1e3, 2) for x in (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, dc)))
"""
STAGE_NAMES = [
    "import typer, rich",
    "wtcheck.cli.app + the deadlines command module (registration)",
    "the rest of wtcheck for the run (rules, deadlines, workdays, views)",
    "Typer builds the click command",
    "load the GOV.UK data and build the calendar table",
    "parse, compute and render the table (piped: without rich.console)",
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
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if proc.returncode not in (0, 1):  # audit exits 1 when it finds something to report
        sys.exit(f"{argv} exited {proc.returncode}")
    return time.perf_counter() - start


def heavy_imports(argv: list[str]) -> list[str]:
    """Which of polars, numpy, pandas a command imports (``python -X importtime``)."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    err = subprocess.run(argv, env=env, capture_output=True, text=True).stderr
    seen = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    return [m for m in ("polars", "numpy", "pandas") if m in seen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    package = Path(wtcheck_package())
    compileall.compile_dir(package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(
            package, Path(tmp) / "wtcheck", ignore=shutil.ignore_patterns("__pycache__")
        )
        if (package.parent / "calendars").is_dir():  # a source checkout's data folder
            shutil.copytree(package.parent / "calendars", Path(tmp) / "calendars")
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"  # keep the copy without bytecode
        run(commands(tmp), args.runs)
    stages(args.runs)


def wtcheck_package() -> str:
    """The folder of the wtcheck package the console script runs."""
    out = subprocess.run(
        [sys.executable, "-c", "import os, wtcheck; print(os.path.dirname(wtcheck.__file__))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return out.stdout.strip()


def run(cmds: list[tuple[str, list[str]]], runs: int) -> None:
    """Time *cmds* interleaved, *runs* rounds, and print the table."""
    for _, argv in cmds:  # warm the page cache and .pyc files
        run_once(argv)
    times: dict[str, list[float]] = {name: [] for name, _ in cmds}
    for _ in range(runs):
        for name, argv in cmds:
            times[name].append(run_once(argv))
    header(f"Start-up: {runs} runs of each command, interleaved (wall time)")
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
    audit = statistics.median(times[cmds[7][0]]) / base
    deadlines_heavy = heavy_imports(cmds[4][1])
    print(
        f"\nLoad average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}.\n"
        f"Target: `wtcheck deadlines` within {TARGET}× of importing typer and rich: "
        f"{ratio:.2f}× ({'met' if ratio <= TARGET else 'MISSED'}); "
        f"importing typer, rich.console and rich.table alone: {floor:.2f}×. "
        f"Heavy modules it imports (`-X importtime`): {', '.join(deadlines_heavy) or 'none'} "
        f"({'met' if 'polars' not in deadlines_heavy else 'MISSED'}: polars must not be imported).\n"
        f"Target: `wtcheck audit examples/cases.csv` within {AUDIT_TARGET:g}×: {audit:.2f}× "
        f"({'met' if audit <= AUDIT_TARGET else 'MISSED'}); it imports "
        f"{', '.join(heavy_imports(cmds[7][1])) or 'none of polars, numpy, pandas'}."
    )


if __name__ == "__main__":
    main()
