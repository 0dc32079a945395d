"""Shared fixtures. No test reads today's date or the network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from wtcheck.calendar.workdays import Calendar, get_calendar

PINNED_TODAY = date(2026, 12, 1)
"""What "today" is for every test (wtcheck.clock.today is pinned to it)."""


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Keep every test away from the real user data and config folders."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("WTCHECK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("WTCHECK_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("wtcheck.clock.today", lambda: PINNED_TODAY)
    _forget_loaded_data()  # the data in use depends on WTCHECK_DATA_DIR (imported file)
    yield
    _forget_loaded_data()


def _forget_loaded_data() -> None:
    from wtcheck.calendar.data import load_data
    from wtcheck.calendar.workdays import clear_calendars

    load_data.cache_clear()
    clear_calendars()


@pytest.fixture(scope="session")
def ew() -> Calendar:
    return get_calendar("england-and-wales")


@pytest.fixture
def data_dir() -> Path:
    return Path(__file__).parent / "data"
