"""The TOML configuration file (``--config FILE``, else ``./wtcheck.toml``,
else ``wtcheck.toml`` in the user config folder).

This module and :mod:`wtcheck.config_reader` (imported only when a file is
read) are the one place that reads it. Precedence everywhere: a
command-line option, then the config file, then wtcheck's built-in default.

Sections (every key optional; anything else is an error naming the file, the
key and its line)::

    [defaults]                 # division, rr_anchor, count_start_day, clear_days, inclusive
    [calendar]                 # division, closures = "path" (relative to this file)
    [rules.<id>]               # a local rule, or a local number for a registry rule
    [email]                    # kept as read; checked by the command that sends mail

Heavy imports (tomllib, the rule model) happen inside :func:`load_config`:
this module is imported at start-up by the shared options.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from wtcheck.errors import ConfigError

if TYPE_CHECKING:
    from wtcheck.rules.model import Rule

FILE_NAME = "wtcheck.toml"


class Config(NamedTuple):
    """Settings read from a config file (all optional)."""

    path: Path | None = None
    division: str | None = None
    closures_file: Path | None = None
    rr_anchor: str | None = None
    count_start_day: bool = False
    clear_days: bool = False
    inclusive: bool = False
    local_rules: tuple[Rule, ...] = ()
    """Rules added by the file, and registry rules it changed (same id)."""
    email: Mapping[str, object] = MappingProxyType({})
    """The raw ``[email]`` table, validated by the command that sends mail."""
    columns: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    """``[columns]``: your headers for wtcheck's columns, as a ``--mapping`` file gives them
    (a --mapping file wins, key by key)."""


def find_config(path: Path | None = None) -> Path | None:
    """The config file in use: *path*, else ./wtcheck.toml, else the user's; None if none."""
    if path is not None:
        return path
    from wtcheck.paths import user_config_dir

    for candidate in (Path.cwd() / FILE_NAME, user_config_dir() / FILE_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None = None) -> Config:
    """The configuration in use (an empty :class:`Config` when there is no file)."""
    found = find_config(path)
    if found is None:
        return Config()
    from wtcheck.textfile import read_utf8

    where = f"config file {found}"
    text = read_utf8(found, where, ConfigError)
    data = parse_toml(text, where)
    from wtcheck.config_reader import Reader

    return Reader(found, text).read(data)


def parse_toml(text: str, where: str) -> dict[str, Any]:
    """*text* parsed as TOML; ConfigError naming *where* if it is not usable TOML.

    Beyond syntax errors: a number too long for Python to read (over 4,300
    digits) and nesting deep enough to exhaust the parser's recursion are
    refused in the same one line.
    """
    import tomllib  # only when there is a file to read (start-up of every command)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(
            f"{where}: invalid TOML: arrays or tables nested too deeply; "
            "expected a flat file of tables and keys"
        ) from None
    except ValueError:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        raise ConfigError(
            f"{where}: invalid TOML: a number too long to read (more than 4,300 digits)"
        ) from None
