"""The TOML configuration file (``--config FILE``, else ``./wtcheck.toml``,
else ``wtcheck.toml`` in the user config folder).

This module is the one place that reads it. Precedence everywhere: a
command-line option, then the config file, then wtcheck's built-in default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    """Settings read from a config file (all optional)."""

    path: Path | None = None
    division: str | None = None
    closures_file: Path | None = None


def load_config(path: Path | None = None) -> Config:
    """The configuration in use (an empty :class:`Config` when there is no file)."""
    return Config()
