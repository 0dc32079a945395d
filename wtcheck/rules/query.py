"""Questions about the registry: which rules apply to an edition, a topic or a
date, and how a duty changed across editions (its lineage)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from wtcheck.editions import BY_ID as EDITIONS
from wtcheck.editions import edition_for, get_edition, in_force_to
from wtcheck.errors import InputError
from wtcheck.rules import all_rules
from wtcheck.rules.model import Assumed, Rule


def _overlaps(rule: Rule, start: date, end: date | None) -> bool:
    begins_before_end = end is None or rule.in_force_from is None or rule.in_force_from <= end
    ends_after_start = rule.in_force_to is None or rule.in_force_to >= start
    return begins_before_end and ends_after_start


def select(
    rules: Iterable[Rule],
    *,
    edition: str | None = None,
    topic: str | None = None,
    on: date | None = None,
) -> list[Rule]:
    """The rules of *edition* (or, for rules resting on legislation, in force
    during it), of *topic*, in force on *on*; every filter optional."""
    chosen = list(rules)
    if topic is not None:
        topics = sorted({r.topic for r in chosen})
        if topic not in topics:
            raise InputError(
                f"--topic: unknown topic {topic!r}; expected one of {', '.join(topics)}"
            )
        chosen = [r for r in chosen if r.topic == topic]
    if edition is not None:
        ed = get_edition(edition)
        end = in_force_to(ed)
        chosen = [
            r
            for r in chosen
            if (ed.id in r.editions if r.editions else _overlaps(r, ed.in_force_from, end))
        ]
    if on is not None:
        chosen = [r for r in chosen if r.in_force_on(on)]
    return chosen


@dataclass(frozen=True, slots=True)
class Step:
    """One stage in a duty's history."""

    rule: Rule
    length: int | None
    in_force_from: date | None
    in_force_to: date | None
    note: str = ""


def history(rule: Rule, extra: Iterable[Rule] = ()) -> list[Step]:
    """How the duty *rule* belongs to changed over time, oldest first: every
    rule of its lineage, each length variant a step of its own."""
    steps: list[Step] = []
    family = [r for r in all_rules(extra) if rule.lineage and r.lineage == rule.lineage]
    for r in family or [rule]:
        if r.variants:
            steps += [Step(r, v.length, v.in_force_from, v.in_force_to, v.note) for v in r.variants]
        else:
            steps.append(Step(r, r.length, r.in_force_from, r.in_force_to))
    return sorted(steps, key=lambda s: (s.in_force_from or date.min, s.rule.id))


def edition_titles(rule: Rule) -> list[str]:
    return [EDITIONS[e].title for e in rule.editions if e in EDITIONS]


def assumed_boundaries(rule: Rule) -> list[Assumed]:
    """The boundaries of *rule* that are assumptions: its own, then its editions'
    (where a source gives only a month, wtcheck takes its first day)."""
    found = list(rule.assumed)
    for edition_id in rule.editions:
        assumed = EDITIONS[edition_id].assumed
        if assumed is None or assumed in found:
            continue
        before = edition_for(assumed.day - timedelta(days=1))
        if before is None or before.id not in rule.editions:  # the boundary changes this rule
            found.append(assumed)
    return found
