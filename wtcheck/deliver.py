"""Writing reports safely: atomic file replacement.

:func:`write_atomic` writes to a temporary file in the target's folder and
renames it over the target, so a reader (or a crash half-way) never sees a
half-written report, and an existing report is replaced in one step.

Reports hold child-level data, so a new report is readable by its owner only
(mode 0600); a report that replaces an existing file keeps that file's mode,
so a folder set up for a team keeps working.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from wtcheck.errors import InputError


def refuse_input_as_output(output: Path | None, inputs: Iterable[str]) -> None:
    """InputError when *output* names one of *inputs* (by any spelling, a symlink or a
    hard link): the report must never replace the file it was made from.

    Checked before anything is read, so nothing has been written when it fails.
    """
    if output is None:
        return
    out_real = os.path.realpath(output)
    try:
        out_stat: os.stat_result | None = os.stat(output)
    except OSError:
        out_stat = None
    for name in inputs:
        if name == "-":
            continue
        same = os.path.realpath(name) == out_real
        if not same and out_stat is not None:
            with contextlib.suppress(OSError):
                st = os.stat(name)
                same = (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino)
        if same:
            raise InputError(
                f"--output {output}: is the input file {name}; "
                "expected a different file (wtcheck never writes its input)"
            )


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[int]:
    """A descriptor on a temporary file beside *path* that replaces it when the block ends.

    The replacement keeps an existing file's mode (mkstemp's 0600 otherwise).
    If the block raises, the temporary file is removed and *path* is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"--output {target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        yield fd
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def open_atomic(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream whose contents replace *path* atomically when the block ends.

    The streaming form of :func:`write_atomic` (a report too large to hold in
    memory); no newline translation.
    """
    with _replacing(path) as fd, os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


@contextlib.contextmanager
def open_atomic_bytes(path: Path) -> Iterator[BinaryIO]:
    """A binary stream whose contents replace *path* atomically when the block ends
    (a workbook written as it is built)."""
    with _replacing(path) as fd, os.fdopen(fd, "wb") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Replace *path* with *data* atomically (temp file + fsync + rename)."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with _replacing(path) as fd, os.fdopen(fd, "wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())
