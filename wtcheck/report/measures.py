"""What the report measures for each rule: DfE's duration bands and England's figures.

Both are data. A rule gets DfE's bands, and England's figure beside its own,
only when it measures what DfE measures: the same start, the same end and
the same limit in working days (a rule's ``trigger``, ``completion`` and
``length``). So the assessment figure, which DfE counts from the assessment
start, is never set beside ``sa-45``, which counts from the referral.

Band edges are those of DfE's tables C2 (assessments) and C4 (ICPCs),
``shared/docs/real-data.md`` §5.2-5.3: a band ``(lo, hi)`` holds durations
``lo <= days <= hi`` in working days taken; ``hi`` None means no upper edge.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple

from wtcheck.rules.model import Rule, Unit


class Band(NamedTuple):
    column: str
    """Column name in the summary (``band_1_10``)."""
    label: str
    """As DfE labels it (``1–10``)."""
    lo: int
    hi: int | None


def _band(lo: int, hi: int | None, label: str = "") -> Band:
    if hi is None:
        return Band(f"band_{lo}_plus", label or f"{lo}+", lo, None)
    if lo == hi == 0:
        return Band("band_same_day", label or "same day", 0, 0)
    return Band(f"band_{lo}_{hi}", label or f"{lo}–{hi}", lo, hi)


ASSESSMENT_BANDS: tuple[Band, ...] = tuple(
    _band(lo, hi)
    for lo, hi in (
        (0, 0), (1, 10), (11, 20), (21, 30), (31, 40), (41, 45), (46, 50), (51, 60), (61, None)
    )
)  # fmt: skip
"""DfE C2: same day, 1–10, 11–20, 21–30, 31–40, 41–45, 46–50, 51–60, 61+."""

ICPC_BANDS: tuple[Band, ...] = (_band(0, 10), _band(11, 15), _band(16, 20), _band(21, None))
"""DfE C4: 0–10, 11–15, 16–20, 21+."""

ALL_BANDS: tuple[Band, ...] = ASSESSMENT_BANDS + ICPC_BANDS
"""Every band column the summary can hold, in this order (no two share a column)."""


class Measure(NamedTuple):
    """How DfE measures one timescale: matched on a rule's start, end and limit."""

    bands: tuple[Band, ...]
    triggers: frozenset[str]
    completion: str
    working_days: int


MEASURES: tuple[Measure, ...] = (
    # C2 counts from the assessment start; the bands also describe the same 45 working
    # days counted from the referral (Working Together's wording), so sa-45 gets them
    Measure(
        ASSESSMENT_BANDS, frozenset({"assessment_start", "referral"}), "assessment_authorised", 45
    ),
    Measure(ICPC_BANDS, frozenset({"strategy_discussion"}), "icpc", 15),
)


def bands_for(rule: Rule | None) -> tuple[Band, ...]:
    """DfE's bands for *rule*'s durations; () when DfE publishes none for it."""
    if rule is None or rule.unit is not Unit.WORKING_DAYS:
        return ()
    for m in MEASURES:
        if (
            rule.trigger in m.triggers
            and rule.completion == m.completion
            and rule.length == m.working_days
        ):
            return m.bands
    return ()


class EnglandFigure(NamedTuple):
    """One published England figure, with where it comes from."""

    measure: str
    year: str
    within: int
    total: int
    p25: int
    median: int
    p75: int
    source: str
    trigger: str
    completion: str
    working_days: int

    @property
    def pct(self) -> float:
        """Percentage within the limit, to one decimal place."""
        return round(100 * self.within / self.total, 1)


@cache
def _england() -> tuple[str, tuple[EnglandFigure, ...]]:
    data = tomllib.loads(
        resources.files("wtcheck.report").joinpath("england.toml").read_text("utf-8")
    )
    figures = tuple(
        EnglandFigure(**{k: f[k] for k in EnglandFigure._fields}) for f in data["figure"]
    )
    return str(data["label"]), figures


def england_label() -> str:
    """How every England figure is labelled wherever it is shown."""
    return _england()[0]


def england_figures(rule: Rule | None) -> tuple[EnglandFigure, ...]:
    """England's figures for exactly *rule*'s measure, latest year first; () if none."""
    if rule is None or rule.unit is not Unit.WORKING_DAYS:
        return ()
    found = [
        f
        for f in _england()[1]
        if (f.trigger, f.completion, f.working_days) == (rule.trigger, rule.completion, rule.length)
    ]
    return tuple(sorted(found, key=lambda f: f.year, reverse=True))
