"""The run state file: new / still open / resolved over runs, reruns, bad files, locking."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.data.sample_findings import finding
from wtcheck.findings import Finding, Status
from wtcheck.state import (
    SCHEMA_VERSION,
    Changes,
    State,
    StateError,
    StateLockedError,
    compare,
    finding_key,
)

D1, D2, D3 = date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)


def cases(*ids: str, **kw: object) -> list[Finding]:
    return [finding(case_id=i, groups=("Team A",), **kw) for i in ids]


def changes_of(path: Path, as_of: date, found: list[Finding]) -> Changes:
    """One run: compare with the previous run, then save this one."""
    with State.open(path) as state:
        changes = state.changes(found, as_of)
        state.save_run(as_of, found)
    return changes


def test_three_runs_new_still_open_and_resolved_with_exact_counts(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    run1 = cases("A", "B", "C")
    first = changes_of(path, D1, run1)
    assert first.previous is None
    assert first.counts(run1) == (3, 0, 0)

    run2 = cases("B", "C", "D")
    second = changes_of(path, D2, run2)
    assert second.previous == D1
    assert second.counts(run2) == (1, 2, 1)
    assert [second.label(f) for f in run2] == ["still open", "still open", "new"]
    assert [r.case_id for r in second.resolved] == ["A"]
    assert second.select_new(run2) == run2[2:]

    run3 = cases("C", "D", "E", "F")
    third = changes_of(path, D3, run3)
    assert third.previous == D2
    assert third.counts(run3) == (2, 2, 1)
    assert [third.label(f) for f in run3] == ["still open", "still open", "new", "new"]
    (gone,) = third.resolved
    assert (gone.case_id, gone.rule, gone.trigger_date, gone.status, gone.group) == (
        "B",
        "sin-panel",
        date(2026, 11, 20),
        "overdue",
        "Team A",
    )
    with State.open(path) as state:
        assert state.runs() == [(D1, 3), (D2, 3), (D3, 4)]


def test_rerunning_an_as_of_date_replaces_that_run_and_compares_with_the_one_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.db"
    changes_of(path, D1, cases("A", "B"))
    changes_of(path, D2, cases("A"))
    again = changes_of(path, D2, cases("A", "C"))  # the same as-of date, data corrected
    assert again.previous == D1
    assert again.counts(cases("A", "C")) == (1, 1, 1)
    with State.open(path) as state:
        assert state.runs() == [(D1, 2), (D2, 2)]
        # a run before both compares with nothing
        assert state.changes(cases("A"), date(2026, 11, 30)).previous is None


def test_a_finding_is_the_same_whatever_its_file_row_or_status_but_not_its_trigger() -> None:
    before = finding(case_id="A", file="old.csv", row=4, status=Status.DUE_SOON)
    moved = finding(case_id="A", file="new.csv", row=90, status=Status.OVERDUE)
    other_episode = finding(case_id="A", trigger_date=date(2026, 11, 23))
    other_reading = finding(case_id="A", anchor="incident")
    assert finding_key(before) == finding_key(moved) == ("A", "sin-panel", "2026-11-20", "")
    assert finding_key(other_episode) == ("A", "sin-panel", "2026-11-23", "")
    assert finding_key(other_reading) == ("A", "sin-panel", "2026-11-20", "incident")
    from wtcheck.state import Recorded

    prev = [Recorded("A", "sin-panel", "n", date(2026, 11, 20), "due-soon", None, "")]
    changes = compare([moved, other_episode], D1, prev)
    assert [changes.label(f) for f in (moved, other_episode)] == ["still open", "new"]
    assert changes.resolved == ()


def test_the_file_is_sqlite_wal_schema_versioned_and_private(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    changes_of(path, D1, cases("A"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_accepted_messages_are_kept_per_as_of_date_across_a_rerun(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with State.open(path) as state:
        state.save_run(D1, cases("A"))
        state.record_accepted(D1, "route:Team A", ["a@example.org"])
        state.save_run(D1, cases("A", "B"))  # rerun: the run is replaced, the record stays
        assert state.accepted(D1) == {"route:Team A"}
        assert state.accepted(D2) == set()


def test_a_corrupt_state_file_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StateError) as exc:
        State.open(path)
    assert str(exc.value) == (
        f"state file {path}: not a wtcheck state file or damaged (file is not a database); "
        "expected an SQLite database written by wtcheck --state"
    )
    assert exc.value.exit_code == 2
    assert path.read_bytes() == garbage


def test_a_state_file_of_a_newer_schema_or_another_program_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    changes_of(newer, D1, cases("A"))
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StateError) as exc:
        State.open(newer)
    assert str(exc.value) == (
        f"state file {newer}: written by a newer wtcheck (schema {SCHEMA_VERSION + 1}; "
        f"this version reads schema {SCHEMA_VERSION}); upgrade wtcheck"
    )
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE children (name TEXT)")
    with pytest.raises(StateError) as exc:
        State.open(other)
    assert str(exc.value) == (
        f"state file {other}: not a wtcheck state file (schema 0, tables children); "
        "expected a file written by wtcheck --state"
    )


def test_a_folder_or_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StateError) as exc:
        State.open(tmp_path)
    assert str(exc.value) == f"state file {tmp_path}: not a file"
    missing = tmp_path / "no" / "state.db"
    with pytest.raises(StateError) as exc:
        State.open(missing)
    assert str(exc.value) == (
        f"state file {missing}: cannot create its lock {missing}.lock (No such file or directory)"
    )


def test_a_second_run_waits_then_fails_clearly_while_the_first_holds_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.db"
    with State.open(path) as first:
        first.save_run(D1, cases("A"))
        with pytest.raises(StateLockedError) as exc:
            State.open(path, wait=0.2)
        assert str(exc.value) == (
            f"state file {path}: in use by another wtcheck run (waited 0.2 s); "
            "nothing was written or sent; run again when it has finished"
        )
    with State.open(path, wait=0.2) as second:  # free again once the first has ended
        assert second.runs() == [(D1, 1)]


def test_a_state_file_locked_by_another_program_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    changes_of(path, D1, cases("A"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    try:
        with pytest.raises(StateLockedError) as exc:
            State.open(path, wait=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(exc.value) == (
        f"state file {path}: locked by another program (reading its schema); "
        "nothing more was written or sent"
    )
