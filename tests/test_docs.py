"""The documentation cannot drift from the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

from wtcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Flags of other programs that the docs mention (pip, pytest, python, cron, git ...).
NOT_OURS = {"--help", "--upgrade", "--check", "--base", "--change"}


def all_commands() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []

    def walk(cmd: object, path: str) -> None:
        found.append((path, cmd))
        for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
            walk(sub, f"{path} {name}")

    walk(get_command(app), "wtcheck")
    return found


def all_flags() -> set[str]:
    flags: set[str] = set()
    for _, cmd in all_commands():
        for param in getattr(cmd, "params", []):
            flags.update(o for o in (*param.opts, *param.secondary_opts) if o.startswith("--"))
    return flags


def test_cli_reference_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_rules_reference_is_up_to_date() -> None:
    """docs/rules.md is generated from the registry (issue 16 item 9): it cannot call a rule
    verified that the tool prints UNVERIFIED."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rules_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "| `sin-careleaver` | 5 working days after care leaver death aware | deadline | " in text
    assert "| 2023-12-15 to now | UNVERIFIED |" in text


@pytest.mark.parametrize(
    ("path", "cmd"), all_commands(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_command_has_help(path: str, cmd: object) -> None:
    assert (getattr(cmd, "help", None) or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_flag_in_the_docs_exists(doc: Path) -> None:
    known = all_flags() | NOT_OURS
    mentioned = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", doc.read_text(encoding="utf-8")))
    assert sorted(mentioned - known) == []
