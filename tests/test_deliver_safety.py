"""Where a report goes and what is left behind (issue 17 items 2, 3 and 10).

Signals are sent to a child process that has written part of a report and is
blocked reading its stdin: the test knows the write is under way (the child
says "ready") without any sleep.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import wtcheck.deliver as deliver
from wtcheck.deliver import open_atomic, remove_stale, write_atomic
from wtcheck.errors import InputError

LINUX = sys.platform.startswith("linux")
ROOT = os.name == "posix" and os.geteuid() == 0
HAS_O_TMPFILE = LINUX and hasattr(os, "O_TMPFILE")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- item 2: where the bytes go -------------------------------------------------------

WRITE_STDOUT = (
    "import sys\nfrom pathlib import Path\nfrom wtcheck.deliver import write_atomic\n"
    "write_atomic(Path(sys.argv[1]), 'report\\n')\n"
)


@pytest.mark.skipif(not LINUX, reason="/dev/stdout is a symlink on Linux")
def test_dev_stdout_is_written_to_never_replaced() -> None:
    before = os.lstat("/dev/stdout")
    done = subprocess.run(
        [sys.executable, "-c", WRITE_STDOUT, "/dev/stdout"], capture_output=True, check=True
    )
    assert done.stdout == b"report\n"
    after = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(after.st_mode)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.skipif(os.name != "posix", reason="shell redirection semantics")
def test_dev_stdout_appended_to_a_file_keeps_what_was_there(tmp_path: Path) -> None:
    log = tmp_path / "cron.log"
    log.write_text("earlier run\n")
    with log.open("a") as out:
        subprocess.run([sys.executable, "-c", WRITE_STDOUT, "/dev/stdout"], stdout=out, check=True)
    assert log.read_text() == "earlier run\nreport\n"  # '>>' kept: written to fd 1, not replaced


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_is_written_to_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "a,b\r\n")
    reader.join(timeout=30)
    assert got == [b"a,b\r\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert names(tmp_path) == ["pipe"]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="POSIX devices")
def test_dev_null_stays_a_device() -> None:
    write_atomic(Path("/dev/null"), "x" * 10)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_s_target_is_replaced_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "report.csv"
    target.parent.mkdir()
    target.write_text("old")
    os.chmod(target, 0o644)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert (target.read_text(), mode(target)) == ("new", 0o644)
    assert names(target.parent) == ["report.csv"] and names(tmp_path) == ["link.csv", "shared"]


def test_a_dangling_symlink_gets_a_private_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert ((tmp_path / "new.csv").read_text(), mode(tmp_path / "new.csv")) == ("new", 0o600)


def test_a_new_report_is_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_atomic(tmp_path / "r.csv", "x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "r.csv") == 0o600


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another owner")
def test_replacing_keeps_the_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    os.chmod(target, 0o640)
    write_atomic(target, "new")
    st = target.stat()
    assert (st.st_uid, st.st_gid, mode(target), target.read_text()) == (65534, 65534, 0o640, "new")


def test_a_refused_chown_is_silent_and_the_mode_still_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    real_fstat = os.fstat

    def other_owner(fd: int) -> os.stat_result:  # the temp file looks like someone else's
        st = list(real_fstat(fd))
        st[stat.ST_UID] += 1
        return os.stat_result(st)

    def refuse(*args: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fstat", other_owner)
    monkeypatch.setattr(os, "fchown", refuse)
    write_atomic(target, "new")
    assert (target.read_text(), mode(target)) == ("new", 0o640)


def test_a_folder_as_output_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        write_atomic(tmp_path, "x")
    assert str(err.value) == f"--output {tmp_path}: is a folder; expected a file name"


# -- item 10: OSError as one line ---------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux /dev/full")
@pytest.mark.parametrize("streaming", [False, True])
def test_a_full_disk_is_one_line(streaming: bool) -> None:
    with pytest.raises(InputError) as err:
        if streaming:
            with open_atomic(Path("/dev/full")) as fh:
                fh.write("x" * 100_000)
        else:
            write_atomic(Path("/dev/full"), "x" * 100_000)
    assert str(err.value) == "--output /dev/full: cannot write (No space left on device)"


def test_disk_full_while_streaming_leaves_the_old_report_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    with pytest.raises(InputError) as err, open_atomic(target) as fh:
        fh.write("half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(err.value) == f"--output {target}: cannot write (No space left on device)"
    assert names(tmp_path) == ["report.csv"] and target.read_text() == "old"


def test_a_read_only_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(deliver, "USE_UNNAMED", False)
    monkeypatch.setattr(deliver.tempfile, "mkstemp", read_only)
    with pytest.raises(InputError) as err:
        write_atomic(tmp_path / "r.csv", "x")
    assert str(err.value) == f"--output {tmp_path / 'r.csv'}: cannot write (Read-only file system)"


@pytest.mark.skipif(ROOT or os.name != "posix", reason="root writes into a 0500 folder")
def test_a_folder_without_write_permission_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError) as err:
            write_atomic(folder / "r.csv", "x")
    finally:
        folder.chmod(0o700)
    assert str(err.value) == f"--output {folder / 'r.csv'}: cannot write (Permission denied)"


# -- item 3: nothing left behind ------------------------------------------------------------


@pytest.mark.skipif(not HAS_O_TMPFILE, reason="O_TMPFILE is Linux's")
def test_the_report_has_no_name_until_it_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    with open_atomic(target) as fh:
        fh.write("new")
        fh.flush()
        assert names(tmp_path) == ["report.csv"]
    assert (names(tmp_path), target.read_text()) == (["report.csv"], "new")


def test_linking_refused_falls_back_to_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fd: int, dst: str) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(deliver, "_link", refuse)
    target = tmp_path / "report.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(target, "n" * 3_000_000)
    assert target.read_text() == "n" * 3_000_000 and mode(target) == 0o640
    assert names(tmp_path) == ["report.csv"]


CHILD = """
import sys
from pathlib import Path
import wtcheck.deliver as deliver
deliver.USE_UNNAMED = sys.argv[2] == "unnamed"
if sys.argv[3] == "ignore-hup":
    import signal
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
with deliver.open_atomic(Path(sys.argv[1])) as fh:
    fh.write("case_id,rule\\n" * 10_000)
    fh.flush()
    print("ready", flush=True)
    sys.stdin.readline()
    fh.write("end\\n")
print("done", flush=True)
"""


def start_writer(target: Path, how: str, extra: str = "-") -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), how, extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    return child


def temp_files(folder: Path) -> list[str]:
    return [n for n in names(folder) if n.endswith(".tmp")]


WAYS = ["named", *(["unnamed"] if HAS_O_TMPFILE else [])]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("how", WAYS)
@pytest.mark.parametrize("signum", [signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)])
def test_sigterm_and_sighup_leave_no_temp_file(tmp_path: Path, how: str, signum: int) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    child = start_writer(target, how)
    assert len(temp_files(tmp_path)) == (1 if how == "named" else 0)  # the write is under way
    child.send_signal(signum)
    child.communicate(timeout=60)
    assert child.returncode == -signum  # ended by the signal, as timeout/systemd expect
    assert names(tmp_path) == ["report.csv"] and target.read_text() == "old"


@pytest.mark.skipif(not HAS_O_TMPFILE, reason="only an unnamed file survives SIGKILL cleanly")
def test_sigkill_leaves_nothing_with_an_unnamed_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    child = start_writer(target, "unnamed")
    child.kill()
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert names(tmp_path) == ["report.csv"] and target.read_text() == "old"


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_an_ignored_sighup_stays_ignored(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    child = start_writer(target, "named", "ignore-hup")  # as under nohup
    child.send_signal(signal.SIGHUP)
    out, _ = child.communicate("go\n", timeout=60)
    assert (child.returncode, out) == (0, "done\n")
    assert target.read_text().endswith("case_id,rule\nend\n")
    assert names(tmp_path) == ["report.csv"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_the_next_run_removes_a_killed_run_s_named_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    child = start_writer(target, "named")
    child.kill()
    child.communicate(timeout=60)
    [left] = temp_files(tmp_path)  # SIGKILL cannot be caught: the named file stays
    fresh = tmp_path / ".report.csv.abcd1234.tmp"  # another run's, a minute old
    fresh.write_text("busy")
    now = os.stat(tmp_path / left).st_mtime
    os.utime(tmp_path / left, (now - deliver.STALE_SECONDS - 1,) * 2)
    os.utime(fresh, (now - 60,) * 2)
    write_atomic(target, "new")
    assert names(tmp_path) == [".report.csv.abcd1234.tmp", "report.csv"]
    assert target.read_text() == "new"


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_an_old_temp_file_a_live_writer_holds_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    child = start_writer(target, "named")  # slow: blocked mid-write
    try:
        [busy] = temp_files(tmp_path)
        old = os.stat(tmp_path / busy).st_mtime - deliver.STALE_SECONDS - 60
        os.utime(tmp_path / busy, (old, old))
        assert remove_stale(str(tmp_path), "report.csv") == []
        assert temp_files(tmp_path) == [busy]
    finally:
        out, _ = child.communicate("go\n", timeout=60)
    assert (child.returncode, out) == (0, "done\n")
    assert names(tmp_path) == ["report.csv"]


def test_stale_removal_touches_only_this_target_s_temp_names(tmp_path: Path) -> None:
    kept = [".report.csv.tmp", ".report.csv.ABCD1234.tmp", ".other.csv.abcd1234.tmp", "x.tmp"]
    for name in [*kept, ".report.csv.abcd1234.tmp"]:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (0, 0))
    assert remove_stale(str(tmp_path), "report.csv") == [".report.csv.abcd1234.tmp"]
    assert names(tmp_path) == sorted(kept)
