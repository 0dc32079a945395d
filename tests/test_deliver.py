from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wtcheck.deliver import write_atomic
from wtcheck.errors import InputError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_report_is_private_and_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    write_atomic(target, "a,b\r\n1,2\r\n")
    assert target.read_bytes() == b"a,b\r\n1,2\r\n"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]  # no temp file left


def test_replacing_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o640)


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        write_atomic(tmp_path / "nope" / "r.csv", "x")
    assert (
        str(info.value)
        == f"--output {tmp_path / 'nope' / 'r.csv'}: folder {tmp_path / 'nope'} does not exist"
    )
