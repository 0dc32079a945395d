"""Write docs/cli.md from the commands' own --help (run after changing options).

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is stale

tests/test_docs.py runs the check, so the reference can never drift from the code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from _generated import write_or_check  # scripts/ is on sys.path when run
from typer.main import get_command
from typer.testing import CliRunner

from wtcheck.cli.app import app

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = "100"


def command_paths() -> Iterator[list[str]]:
    """Every command path, depth first: [], ['deadlines'], ['workdays', 'add'], ..."""

    def walk(cmd: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        commands = getattr(cmd, "commands", None) or {}
        for name in sorted(commands):
            yield from walk(commands[name], [*path, name])

    yield from walk(get_command(app), [])


def help_text(path: list[str]) -> str:
    env = {"COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, [*path, "--help"], env=env, catch_exceptions=False)
    lines = [line.rstrip() for line in result.output.splitlines()]
    return "\n".join(lines).strip("\n")


def render() -> str:
    parts = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `scripts/cli_reference.py`; "
        "`tests/test_docs.py` fails when it is out of date. Do not edit by hand.",
    ]
    for path in command_paths():
        title = " ".join(["wtcheck", *path])
        parts += ["", f"## `{title}`", "", "```text", help_text(path), "```"]
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    os.environ["COLUMNS"] = WIDTH
    return write_or_check(TARGET, render(), "cli_reference.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
