"""Pieces the family modules share: edition groups, start dates, stock notes
and the builder for information-only rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from wtcheck.rules.model import Cite, Direction, Force, Kind, Rule, Unit

PANEL_START = date(2018, 6, 29)
"""WT2018 duties commence and the Panel operates."""
WT2006_START = date(2006, 4, 1)
WT2013_START = date(2013, 4, 15)
WT2013_EVE = date(2013, 4, 14)

WT2018_ON = ("wt2018", "wt2018-dec2020", "wt2023")
TO_2013 = ("wt2006", "wt2006-ch8", "wt2010")
FROM_2013 = ("wt2013", "wt2015", *WT2018_ON)
EVERY = (*TO_2013, *FROM_2013)

UNCHECKED = (
    "Off by default: no source has confirmed this number. Ask for it with --rule or "
    "enable it in the config file."
)
LOCAL_RULE = "No national number: set one in the config file to have it computed."


def info(
    rule_id: str, name: str, topic: str, trigger: str, cites: tuple[Cite, ...], **extra: Any
) -> Rule:
    """A rule with no computable national timescale: listed, not counted.

    Defaults: guidance, counted after the trigger; *extra* sets any other field.
    """
    fields: dict[str, Any] = {"force": Force.GUIDANCE, "direction": Direction.AFTER, **extra}
    return Rule(
        id=rule_id,
        name=name,
        topic=topic,
        trigger=trigger,
        length=None,
        unit=Unit.NONE,
        kind=Kind.INFORMATION,
        cites=cites,
        **fields,
    )
