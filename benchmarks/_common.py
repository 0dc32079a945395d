"""Shared helpers for the benchmark scripts: timing, the machine line, tables.

Not part of wtcheck and never imported by it. Every script prints a
Markdown table (pasteable into docs/performance.md) and its ratios.
"""

from __future__ import annotations

import functools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return platform.processor() or "unknown CPU"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def machine() -> str:
    """One line naming the machine, for the top of every table."""
    return (
        f"{os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[list[float], Any]:
    """Run *fn* *repeat* times; the wall times in seconds and the last result."""
    times: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def median(times: Sequence[float]) -> float:
    return statistics.median(times)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def fmt_us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs"


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def compile_bytecode(folder: Path) -> None:
    """Byte-compile the Python files under *folder*, as ``pip install`` does for a
    package it installs. An editable install (and a shell with
    PYTHONDONTWRITEBYTECODE set, as CI machines often have) leaves none, so every
    run would compile wtcheck's modules again (about 0.05 s) where a user's
    installed copy, or the pip-installed version before the rewrite, does not."""
    import compileall

    compileall.compile_dir(str(folder), quiet=1)


@functools.cache
def wtcheck_exe() -> str:
    """The installed ``wtcheck`` console script of the running interpreter's venv, the
    package it imports byte-compiled once (:func:`compile_bytecode`)."""
    import wtcheck

    compile_bytecode(Path(wtcheck.__file__).parent)
    candidate = Path(sys.executable).parent / "wtcheck"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("wtcheck")
    if found is None:
        sys.exit("benchmark: no wtcheck console script; run `pip install -e '.[bench]'` first")
    return found


def cases_file(folder: Path, rows: int, junk: float = 0.0) -> Path:
    """A generated case export of *rows* rows in *folder*, made once per generator version.

    *junk* is gen_cases.py's ``--junk``: the fraction of filled date cells made unreadable.

    The name carries a hash of gen_cases.py, so a changed generator never
    reuses an old file.
    """
    import hashlib

    gen = ROOT / "benchmarks" / "gen_cases.py"
    tag = hashlib.sha256(gen.read_bytes()).hexdigest()[:8]
    kind = f"-junk{junk:g}" if junk else ""
    path = folder / f"wtcheck-bench-cases-{rows}{kind}-{tag}.csv"
    if not path.exists():
        print(f"generating {path} ({rows:,} rows)...", file=sys.stderr)
        tmp = path.with_suffix(".partial")
        argv = [sys.executable, str(gen), str(rows), "-o", str(tmp)]
        subprocess.run([*argv, "--junk", str(junk)] if junk else argv, check=True)
        tmp.replace(path)
    return path


def header(title: str) -> None:
    print(f"## {title}\n")
    print(f"Machine: {machine()}. Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n")
