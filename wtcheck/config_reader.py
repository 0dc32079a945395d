"""Reads a parsed config file into a :class:`~wtcheck.config.Config`: every
key checked, every error located (file, line, key). Imported only when a
config file is read."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wtcheck.config import Config
from wtcheck.errors import ConfigError
from wtcheck.rules.model import Rule

DEFAULT_KEYS: dict[str, type] = {
    "division": str,
    "rr_anchor": str,
    "count_start_day": bool,
    "clear_days": bool,
    "inclusive": bool,
}
CALENDAR_KEYS: dict[str, type] = {"division": str, "closures": str}
RULE_KEYS = (
    "name", "trigger", "length", "unit", "direction", "force", "completion", "source",
    "topic", "repeats", "enabled", "notes", "in_force_from", "in_force_to",
)  # fmt: skip
SECTIONS = ("defaults", "calendar", "rules", "email", "columns")
MAX_LENGTH = 9999
"""The largest number a local rule may give: counted from any date wtcheck can count
on (1872-2100), 9,999 of any unit stays within the years a date can hold."""


def shown(value: Any, limit: int = 60) -> str:
    """*value*'s repr for an error message: one line, cut to *limit* characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_PLAIN = re.compile(r"[A-Za-z0-9_-]{1,60}")
_HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_.-]+))\s*=""")


def _header_path(raw: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in raw.split("."))


def line_of(text: str, table: tuple[str, ...], key: str | None) -> int | None:
    """The line (1-based) where *key* is set in *table* (or the table's header)."""
    current: tuple[str, ...] = ()
    header_line = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = _HEADER.match(line)
        if m:
            current = _header_path(m[1])
            if current == table and header_line is None:
                header_line = number
            if key is not None and current[: len(table) + 1] == (*table, key):
                return number  # [table.key] or [table.key.sub]: a sub-table
            continue
        k = _KEY.match(line)
        if k and key is not None:
            name = k[1] if k[1] is not None else (k[2] if k[2] is not None else k[3])
            dotted = (*current, *_header_path(name))
            if dotted == (*table, key):
                return number
    return header_line


class Reader:
    """Turns a parsed TOML document into a :class:`Config`, with located errors."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, table: tuple[str, ...], key: str | None, message: str) -> ConfigError:
        parts = (*table, key) if key else table
        where = ".".join(p if _PLAIN.fullmatch(p) else shown(p) for p in parts)
        line = line_of(self.text, table, key)
        at = f", line {line}" if line else ""
        return ConfigError(f"config file {self.path}{at}: {where}: {message}")

    def table(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail((), name, "expected a table ([" + name + "])")
        return value

    def typed(self, table: tuple[str, ...], values: dict[str, Any], keys: dict[str, type]) -> None:
        for key, value in values.items():
            expected = keys.get(key)
            if expected is None:
                raise self.fail(table, key, f"unknown key; expected one of {', '.join(keys)}")
            if not isinstance(value, expected):
                kind = "true or false" if expected is bool else "a string"
                raise self.fail(table, key, f"expected {kind}, got {shown(value)}")

    def read(self, data: dict[str, Any]) -> Config:
        for key in data:
            if key not in SECTIONS:
                raise self.fail((), key, f"unknown section; expected one of {', '.join(SECTIONS)}")
        defaults = self.table(data, "defaults")
        calendar = self.table(data, "calendar")
        self.typed(("defaults",), defaults, DEFAULT_KEYS)
        self.typed(("calendar",), calendar, CALENDAR_KEYS)
        division = self.division(defaults, calendar)
        rr_anchor = defaults.get("rr_anchor")
        if rr_anchor is not None:
            from wtcheck.deadlines import RR_ANCHORS

            if rr_anchor not in RR_ANCHORS:
                raise self.fail(
                    ("defaults",),
                    "rr_anchor",
                    f"expected one of {', '.join(RR_ANCHORS)}, got {shown(rr_anchor)}",
                )
        closures = calendar.get("closures")
        closures_file = (self.path.parent / closures) if closures else None
        if closures_file is not None and not closures_file.is_file():
            named = str(closures_file)
            named = named if named.isprintable() else repr(named)
            raise self.fail(("calendar",), "closures", f"no such file: {named}")
        rules = self.table(data, "rules")
        local = tuple(self.rule(rule_id, table) for rule_id, table in rules.items())
        return Config(
            path=self.path,
            division=division,
            closures_file=closures_file,
            rr_anchor=rr_anchor,
            count_start_day=defaults.get("count_start_day", False),
            clear_days=defaults.get("clear_days", False),
            inclusive=defaults.get("inclusive", False),
            local_rules=local,
            email=dict(self.table(data, "email")),
            columns=columns_from_config(data["columns"], self.path) if "columns" in data else {},
        )

    def division(self, defaults: dict[str, Any], calendar: dict[str, Any]) -> str | None:
        from wtcheck.calendar.data import DIVISIONS

        found: str | None = None
        for name, table in (("defaults", defaults), ("calendar", calendar)):
            value = table.get("division")
            if value is None:
                continue
            if value not in DIVISIONS:
                raise self.fail(
                    (name,),
                    "division",
                    f"expected one of {', '.join(DIVISIONS)}, got {shown(value)}",
                )
            if found is not None and value != found:
                raise self.fail(
                    (name,), "division", f"conflicts with the other division {shown(found)}"
                )
            found = value
        return found

    # -- rules -------------------------------------------------------------
    def choice(self, table: tuple[str, ...], key: str, value: Any, enum: Any) -> Any:
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise self.fail(table, key, f"expected one of {allowed}, got {shown(value)}") from None

    def day(self, table: tuple[str, ...], key: str, value: Any) -> date:
        from wtcheck.dates import parse_date
        from wtcheck.errors import DateError

        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return parse_date(value)
            except DateError as exc:
                raise self.fail(table, key, f"{shown(value)}: {exc.reason}") from None
        raise self.fail(table, key, f"expected a date such as 2024-01-31, got {shown(value)}")

    def rule(self, rule_id: str, values: Any) -> Rule:
        from wtcheck.concepts import BY_KEY
        from wtcheck.rules import BY_ID
        from wtcheck.rules.model import Cite, Direction, Evidence, Force, Kind, Rule, Unit

        table = ("rules", rule_id)
        if not isinstance(values, dict):
            shown_id = rule_id if _PLAIN.fullmatch(rule_id) else "<id>"
            raise self.fail(("rules",), rule_id, f"expected a table ([rules.{shown_id}])")
        for key in values:
            if key not in RULE_KEYS:
                raise self.fail(table, key, f"unknown key; expected one of {', '.join(RULE_KEYS)}")
        for key in ("name", "trigger", "completion", "source", "topic"):
            if key in values and not isinstance(values[key], str):
                raise self.fail(table, key, f"expected a string, got {shown(values[key])}")
        for key in ("repeats", "enabled"):
            if key in values and not isinstance(values[key], bool):
                raise self.fail(table, key, f"expected true or false, got {shown(values[key])}")
        notes = values.get("notes", [])
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            raise self.fail(table, "notes", "expected a list of strings")
        for key in ("trigger", "completion"):
            if key in values and values[key] not in BY_KEY:
                raise self.fail(
                    table,
                    key,
                    f"unknown date {shown(values[key])}; expected a date name such as "
                    "referral, strategy_discussion, icpc (the CSV column without '_date')",
                )
        length = values.get("length")
        if length is not None and (
            isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= MAX_LENGTH
        ):
            raise self.fail(
                table,
                "length",
                f"expected a whole number from 1 to {MAX_LENGTH}, got {shown(length)}",
            )
        unit = self.choice(table, "unit", values["unit"], Unit) if "unit" in values else None
        changes: dict[str, Any] = {"local": True}
        for key, enum in (("direction", Direction), ("force", Force)):
            if key in values:
                changes[key] = self.choice(table, key, values[key], enum)
        for key in ("in_force_from", "in_force_to"):
            if key in values:
                changes[key] = self.day(table, key, values[key])
        for key in ("name", "trigger", "completion", "topic", "repeats"):
            if key in values:
                changes[key] = values[key]
        if "enabled" in values:
            changes["default_off"] = not values["enabled"]
        local_note = f"Local setting from {self.path.name}."
        source = values.get("source", "")
        local_cite = Cite(f"Local setting ({self.path.name})", source, Evidence.LOCAL)
        base = BY_ID.get(rule_id.lower())
        if base is None:
            missing = [k for k in ("name", "trigger", "length", "unit") if k not in values]
            if missing:
                raise self.fail(
                    table,
                    None,
                    f"a new local rule needs {', '.join(missing)}"
                    " (or use the id of a rule 'wtcheck rules' lists)",
                )
            if unit is Unit.NONE:
                raise self.fail(table, "unit", "a local rule needs a unit other than none")
            return Rule(
                id=rule_id.lower(),
                name=values["name"],
                topic=values.get("topic", "local"),
                trigger=values["trigger"],
                length=length,
                unit=unit,  # type: ignore[arg-type]
                direction=changes.get("direction", Direction.AFTER),
                force=changes.get("force", Force.GUIDANCE),
                cites=(local_cite,),
                in_force_from=changes.get("in_force_from"),
                in_force_to=changes.get("in_force_to"),
                completion=values.get("completion"),
                repeats=values.get("repeats", False),
                default_off=changes.get("default_off", False),
                notes=(local_note, *notes),
                local=True,
            )
        if length is not None:
            new_unit = unit or base.unit
            if new_unit is Unit.NONE:
                raise self.fail(table, "unit", f"{base.id} has no national unit; give one")
            changes.update(length=length, unit=new_unit, variants=())
            if base.kind is Kind.INFORMATION:
                changes["kind"] = Kind.DEADLINE
        elif unit is not None:
            if base.length is None:
                raise self.fail(table, "length", f"{base.id} has no national number; give one")
            changes["unit"] = unit
        changed = [k for k in values if k not in ("enabled", "source", "notes")]
        extra = (f"{local_note} Changed: {', '.join(changed)}.",) if changed else ()
        changes["notes"] = (*base.notes, *extra, *notes)
        changes["cites"] = (*base.cites, local_cite) if source or changed else base.cites
        if not changed:
            changes["local"] = base.local
        return base._replace(**changes)


def columns_from_config(
    table: object, path: Path, line: int | None = None
) -> dict[str, tuple[str, ...]]:
    """The ``[columns]`` table of a config file, checked as ``--mapping`` checks its own.

    Returns key → headers, as :func:`wtcheck.inputs.columns.load_mapping` does;
    ConfigError names the file (and *line*, the table's line, when given).
    """
    from wtcheck.inputs.columns import mapping_from_table

    where = f"config file {path}" + (f", line {line}" if line else "") + ": [columns]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of column = header")
    return mapping_from_table(table, where)
