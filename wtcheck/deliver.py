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
from pathlib import Path

from wtcheck.errors import InputError


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Replace *path* with *data* atomically (temp file + fsync + rename)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"--output {target}: folder {folder} does not exist")
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
