"""Where wtcheck keeps and finds files: bundled data, user data, user config.

No third-party dependency: the XDG rules on Unix, ``%APPDATA%`` on Windows,
and two environment variables that override both (handy in tests and in
locked-down installs): ``WTCHECK_DATA_DIR`` and ``WTCHECK_CONFIG_DIR``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_calendars_dir() -> Path:
    """The folder holding the bundled GOV.UK file and its patches.

    In an installed wheel it is ``wtcheck/_calendars``; in a source checkout
    (or an editable install) it is the top-level ``calendars/`` folder.
    """
    installed = _PACKAGE / "_calendars"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "calendars"


def _base(env: str, xdg: str, fallback: str) -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    return Path(os.environ.get(xdg) or Path.home() / fallback)


def user_data_dir() -> Path:
    """Per-user data folder (imported bank-holiday files live here)."""
    override = os.environ.get("WTCHECK_DATA_DIR")
    if override:
        return Path(override)
    return _base("APPDATA", "XDG_DATA_HOME", ".local/share") / "wtcheck"


def user_config_dir() -> Path:
    """Per-user configuration folder (``wtcheck.toml`` may live here)."""
    override = os.environ.get("WTCHECK_CONFIG_DIR")
    if override:
        return Path(override)
    return _base("APPDATA", "XDG_CONFIG_HOME", ".config") / "wtcheck"
