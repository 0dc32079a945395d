"""Writing reports safely: atomic file replacement, nothing left behind.

:func:`write_atomic` and :func:`open_atomic` write to a temporary file in the
target's folder and rename it over the target, so a reader (or a crash half-way)
never sees a half-written report, and an existing report is replaced in one step.

* **Where the bytes go.** A path naming a descriptor (``/dev/stdout``,
  ``/dev/stderr``, ``/dev/fd/N``, ``/proc/self/fd/N``) is written to that
  descriptor; an existing file that is not a regular file (a terminal, a FIFO,
  ``/dev/null``) is written to directly. Neither is ever replaced. A symlink is
  followed: its *target* is replaced and the link stays.
* **Mode and owner.** Reports hold child-level data, so a new report is readable
  by its owner only (mode 0600); a report that replaces an existing file keeps
  that file's mode and, where the system allows (as root), its owner and group,
  so a folder set up for a team keeps working.
* **Nothing left behind.** On Linux the report is written to an unnamed file
  (``O_TMPFILE``) that is linked into place only when complete: a process killed
  mid-write, even by SIGKILL, leaves nothing. Elsewhere (or on a filesystem that
  refuses ``O_TMPFILE``) a named ``.NAME.XXXXXXXX.tmp`` file is used; SIGTERM and
  SIGHUP remove it as SIGINT does (then the process ends by that signal, as its
  sender expects), and each run removes its target's temp files left by a run
  killed outright (older than :data:`STALE_SECONDS`, and not locked by a live
  writer).
* **Errors.** A folder that is missing or read-only, a full disk: one line naming
  the file (:class:`~wtcheck.errors.InputError`, exit 2); the target is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import BinaryIO, TextIO

from wtcheck.errors import InputError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale files go by age alone
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 10 * 60
"""A temp file of this target untouched for this long, and not locked, is a dead run's."""

USE_UNNAMED = True
"""Write through an unnamed ``O_TMPFILE`` file where possible (tests switch it off to
exercise the named fallback)."""

_O_TMPFILE: int = getattr(os, "O_TMPFILE", 0)
_O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"  # tempfile's own alphabet
_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_STD_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}
"""errnos of a failed write to the report (a full disk or quota), never of reading input."""


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


# -- where the bytes go ------------------------------------------------------------


def _descriptor(path: Path) -> int | None:
    """The descriptor *path* names (``/dev/stdout``, ``/dev/fd/3``, possibly through
    symlinks), or None."""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on symlink hops
        if current in _STD_STREAMS:
            return _STD_STREAMS[current]
        m = _DESCRIPTOR.fullmatch(current)
        if m:
            return int(m[1])
        try:
            link = os.readlink(current)
        except (OSError, ValueError):
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _cannot_write(what: str, path: Path | str, exc: OSError) -> InputError:
    return InputError(f"{what} {path}: cannot write ({exc.strerror or exc})")


@contextlib.contextmanager
def _direct(fd: int, what: str, path: Path) -> Iterator[int]:
    """*fd* as the report's descriptor, closed afterwards; a failed write is one line."""
    try:
        yield fd
    except OSError as exc:
        if exc.errno in _WRITE_ERRNOS or exc.errno == errno.EBADF:
            raise _cannot_write(what, path, exc) from None
        raise
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


# -- temp files ----------------------------------------------------------------------


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(f".{name}.") + r"[a-z0-9_]{8}\.tmp")


def _lock(fd: int) -> None:
    """Mark *fd*'s file as a live writer's (released when the process ends, however)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(path: str) -> bool:
    """True unless a live process holds *path*'s lock."""
    if fcntl is None:
        return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | _O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def remove_stale(folder: str, name: str, *, now: float | None = None) -> list[str]:
    """Remove temp files of target *name* in *folder* that a killed run left behind.

    Only this user's regular files named ``.NAME.XXXXXXXX.tmp``, untouched for
    :data:`STALE_SECONDS` and not locked by a live writer. Returns the names removed.
    """
    pattern = _temp_pattern(name)
    now = time.time() if now is None else now
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if (
                not stat.S_ISREG(st.st_mode)
                or (uid is not None and st.st_uid != uid)
                or now - st.st_mtime < STALE_SECONDS
                or not _abandoned(entry.path)
            ):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return removed


def _open_temp(folder: str, name: str) -> tuple[int, str | None]:
    """A descriptor on a new temp file in *folder*, and its name (None if unnamed)."""
    if USE_UNNAMED and _O_TMPFILE:
        try:
            # read-write: its bytes can still be copied if linking it is refused
            fd = os.open(folder, _O_TMPFILE | os.O_RDWR | _O_CLOEXEC, 0o600)
        except OSError:
            pass  # EOPNOTSUPP, EISDIR (old kernel), ...: the named file says what is wrong
        else:
            return fd, None
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, tmp


def _linkat_empty_path(fd: int, dst: str) -> None:
    """``linkat(fd, "", AT_FDCWD, dst, AT_EMPTY_PATH)``: Linux 6.10+ lets the opener do
    this; older kernels only with CAP_DAC_READ_SEARCH (OSError otherwise)."""
    import ctypes  # only here: a few ms, on the systems where /proc linking fails

    try:
        linkat = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        raise OSError(errno.ENOSYS, "linkat is not available", dst) from None
    at_fdcwd, at_empty_path = -100, 0x1000
    if linkat(fd, b"", at_fdcwd, os.fsencode(dst), at_empty_path) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), dst)


def _link(fd: int, dst: str) -> None:
    """Give the unnamed file *fd* the name *dst*, the two ways Linux allows."""
    try:
        os.link(f"/proc/self/fd/{fd}", dst, follow_symlinks=True)
    except FileExistsError:
        raise
    except OSError:  # EXDEV, ENOENT, EPERM: some kernels and sandboxes refuse this one
        _linkat_empty_path(fd, dst)


def _temp_name(folder: str, name: str) -> str:
    token = "".join(secrets.choice(_TOKEN_CHARS) for _ in range(8))
    return os.path.join(folder, f".{name}.{token}.tmp")


def _name_unnamed(fd: int, folder: str, name: str) -> tuple[int, str]:
    """The unnamed file *fd* under a temp name in *folder* (to rename over the target).

    Where the system refuses to link it, its bytes are copied to a named temp file:
    the descriptor returned is then that file's (*fd* is closed).
    """
    for _ in range(100):
        tmp = _temp_name(folder, name)
        try:
            _link(fd, tmp)
        except FileExistsError:
            continue
        except OSError:
            break
        return fd, tmp
    new_fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        _lock(new_fd)
        offset = 0
        while chunk := os.pread(fd, 1 << 20, offset):
            view = memoryview(chunk)
            while view:
                view = view[os.write(new_fd, view) :]
            offset += len(chunk)
        os.fsync(new_fd)
    except BaseException:
        os.close(new_fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return new_fd, tmp


def _keep_mode_and_owner(fd: int, tmp: str | None, existing: os.stat_result | None) -> None:
    """A new report 0600; a replacement the existing file's mode, owner and group."""
    mode = 0o600 if existing is None else stat.S_IMODE(existing.st_mode)
    if existing is not None and hasattr(os, "fchown"):
        own = os.fstat(fd)
        if (own.st_uid, own.st_gid) != (existing.st_uid, existing.st_gid):
            with contextlib.suppress(OSError):  # only root may give a file away: keep quiet
                os.fchown(fd, existing.st_uid, existing.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)  # after chown, which clears set-id bits
    elif tmp is not None:  # Windows (Python < 3.13)
        os.chmod(tmp, mode)


def _sync_folder(folder: str) -> None:
    with contextlib.suppress(OSError, AttributeError):
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


# -- signals ---------------------------------------------------------------------------


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a temp file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise _Terminated(signum)


@contextlib.contextmanager
def _signals_clean_up() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP unwind it (removing the temp file) and
    then end the process by that signal. A signal someone chose to ignore (``nohup``)
    or to handle stays as it was."""
    installed: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for sig_name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, sig_name, None)
            if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
                installed[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    except _Terminated as exc:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)
        installed.clear()
        os.kill(os.getpid(), exc.signum)  # end as the sender expects (status 128 + signal)
        raise SystemExit(128 + exc.signum) from None  # only if the signal is blocked
    finally:
        for signum, previous in installed.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]


# -- replacing -------------------------------------------------------------------------


@contextlib.contextmanager
def _replacing(path: Path, what: str = "--output") -> Iterator[int]:
    """A descriptor whose bytes become *path* when the block ends (see the module doc).

    If the block raises, the temp file is removed and *path* is left as it was.
    The descriptor is closed here: callers wrap it with ``closefd=False``.
    """
    target = Path(path)
    fd_number = _descriptor(target)
    if fd_number is not None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            fd = os.dup(fd_number)
        except OSError as exc:
            raise _cannot_write(what, target, exc) from None
        with _direct(fd, what, target):
            yield fd
        return
    real = os.path.realpath(target)
    try:
        existing: os.stat_result | None = os.stat(real)
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise InputError(f"{what} {target}: is a folder; expected a file name")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        try:  # a terminal, a FIFO, /dev/null: write to it, never replace it
            fd = os.open(real, os.O_WRONLY | _O_CLOEXEC)
        except OSError as exc:
            raise _cannot_write(what, target, exc) from None
        with _direct(fd, what, target):
            yield fd
        return
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        shown = target.parent if str(target.parent) else Path(".")
        raise InputError(f"{what} {target}: folder {shown} does not exist")
    name = os.path.basename(real)
    remove_stale(folder, name)
    with _signals_clean_up():
        try:
            fd, tmp = _open_temp(folder, name)
        except OSError as exc:
            raise _cannot_write(what, target, exc) from None
        try:
            _lock(fd)
            yield fd
            try:
                os.fsync(fd)
                if tmp is None:
                    fd, tmp = _name_unnamed(fd, folder, name)
                _keep_mode_and_owner(fd, tmp, existing)
                os.replace(tmp, real)
            except OSError as exc:
                raise _cannot_write(what, target, exc) from None
            _sync_folder(folder)
        except BaseException as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
                raise _cannot_write(what, target, exc) from None
            raise
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)


@contextlib.contextmanager
def open_atomic(path: Path, *, encoding: str = "utf-8", what: str = "--output") -> Iterator[TextIO]:
    """A text stream whose contents replace *path* atomically when the block ends.

    The streaming form of :func:`write_atomic` (a report too large to hold in
    memory); no newline translation. *what* names the file in error messages.
    """
    with (
        _replacing(path, what) as fd,
        os.fdopen(fd, "w", encoding=encoding, newline="", closefd=False) as fh,
    ):
        yield fh


@contextlib.contextmanager
def open_atomic_bytes(path: Path, *, what: str = "--output") -> Iterator[BinaryIO]:
    """A binary stream whose contents replace *path* atomically when the block ends
    (a workbook written as it is built)."""
    with _replacing(path, what) as fd, os.fdopen(fd, "wb", closefd=False) as fh:
        yield fh


def write_atomic(
    path: Path, data: str | bytes, *, encoding: str = "utf-8", what: str = "--output"
) -> None:
    """Replace *path* with *data* atomically (temp file + fsync + rename)."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with _replacing(path, what) as fd, os.fdopen(fd, "wb", closefd=False) as fh:
        fh.write(raw)
