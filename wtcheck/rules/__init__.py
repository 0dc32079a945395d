"""The rule registry: every timescale wtcheck knows, in one table.

Rules live in family modules (one per section of ``timescales.md``); this
module gathers them into :data:`RULES` (in order) and :data:`BY_ID`. Adding
a rule is adding one entry to a family module.
"""

from __future__ import annotations

from collections.abc import Iterable

from wtcheck.errors import InputError
from wtcheck.rules import homelessness, incidents, scr
from wtcheck.rules.model import Rule

FAMILIES = (incidents, scr, homelessness)

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
    raise InputError(f"unknown rule {rule_id!r}; 'wtcheck rules' lists them")
