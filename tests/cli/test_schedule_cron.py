"""Cron-friendliness: no prompt without a terminal, plain output in pipes, NO_COLOR on a terminal.

These run wtcheck as a separate process, as cron does, on a real pipe or pseudo-terminal.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

ARGS = ["deadlines", "--aware", "22/12/2025", "--as-of", "2025-12-23"]
COLOUR = re.compile(r"\x1b\[[0-9;]*?(?:3[0-8]|9[0-7])[;m]")  # a foreground colour SGR code


def run_in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run wtcheck with stdout and stderr on a pseudo-terminal, stdin closed."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wtcheck", *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        env=env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_output_has_colour_and_no_color_removes_it() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, coloured = run_in_terminal(ARGS, env)
    assert code == 0
    assert COLOUR.search(coloured), "expected colour on a terminal"  # the test can fail
    code, plain = run_in_terminal(ARGS, {**env, "NO_COLOR": "1"})
    assert code == 0
    assert "sin-panel" in plain and "4 left" in plain
    assert not COLOUR.search(plain)


def test_piped_run_without_stdin_is_plain_and_never_waits_for_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wtcheck", *ARGS],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout + result.stderr
    assert b"sin-panel" in result.stdout and b"4 left" in result.stdout


def test_unusable_input_is_one_line_and_exit_2_in_a_pipe() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wtcheck", "deadlines", "--aware", "12/31/2025"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().count("\n") == 1
    assert result.stderr.startswith(b"wtcheck: error: --aware: '12/31/2025'")
