"""The rule registry: every timescale wtcheck knows, in one table.

Rules live in family modules (one per section of ``timescales.md``); this
module gathers them into :data:`RULES` (in order) and :data:`BY_ID`. Adding
a rule is adding one entry to a family module.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from wtcheck.errors import InputError
from wtcheck.rules import (
    assessment,
    child_death,
    fostering,
    governance,
    homelessness,
    incidents,
    scr,
)
from wtcheck.rules.model import Rule

FAMILIES = (incidents, scr, assessment, fostering, homelessness, governance, child_death)

RULES: tuple[Rule, ...] = tuple(rule for family in FAMILIES for rule in family.RULES)
BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

if len(BY_ID) != len(RULES):  # pragma: no cover - a registry bug, caught by the tests
    raise RuntimeError("duplicate rule ids in the registry")


def get_rule(rule_id: str, extra: Iterable[Rule] = ()) -> Rule:
    """The rule with id *rule_id* (case-insensitive); InputError if unknown."""
    key = rule_id.lower()
    for rule in (*extra, *RULES):
        if rule.id == key:
            return rule
    import difflib

    ids = [rule.id for rule in (*extra, *RULES)]
    near = difflib.get_close_matches(key, ids, n=1, cutoff=0.6)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    raise InputError(f"unknown rule {rule_id!r}{hint}; 'wtcheck rules' lists them")


def all_rules(extra: Iterable[Rule] = ()) -> list[Rule]:
    """The registry with *extra* rules (from the config file): an extra rule
    with a registry id replaces that rule in place; new ids come last."""
    by_id = {rule.id: rule for rule in extra}
    merged = [by_id.pop(rule.id, rule) for rule in RULES]
    return merged + list(by_id.values())


def lineage_of(rule: Rule, extra: Iterable[Rule] = ()) -> list[Rule]:
    """The rules sharing *rule*'s lineage, oldest first (just *rule* if none)."""
    if not rule.lineage:
        return [rule]
    found = [r for r in all_rules(extra) if r.lineage == rule.lineage]
    return sorted(found, key=lambda r: (r.in_force_from or date.min, r.id))
