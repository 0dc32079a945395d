"""The shape of a rule: data, not code.

A :class:`Rule` says what starts the clock (a concept key, see
:mod:`wtcheck.concepts`), how long it runs (length and :class:`Unit`), which
way it counts (:class:`Direction`), whether it is law or guidance
(:class:`Force`), where it comes from (:class:`Cite`, with an evidence
level), when it applied (in-force dates and Working Together editions) and
what records its completion. :mod:`wtcheck.deadlines` turns a rule and a
trigger date into a deadline; nothing about a particular rule is coded
anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class Unit(StrEnum):
    WORKING_DAYS = "working-days"
    """Counted on the division's working days; the trigger never counts."""
    CALENDAR_DAYS = "calendar-days"
    """Trigger + N (or P − N for a 'before' rule)."""
    DAYS_BEGINNING_WITH = "days-beginning-with"
    """N days beginning with the trigger day: it is day 1, the period ends on trigger + N − 1."""
    WEEKS = "weeks"
    """N × 7 calendar days."""
    MONTHS = "months"
    """Calendar months with dateutil's relativedelta, clamped to the month end."""
    HOURS = "hours"
    """Counted in hours; wtcheck reports the calendar day the period ends on."""
    NONE = "none"
    """No national number: information only, or a local rule without a length."""


class Direction(StrEnum):
    AFTER = "after"
    """Deadline after the trigger ("within N of E")."""
    BEFORE = "before"
    """Latest day before a target date ("no later than N before P")."""


class Force(StrEnum):
    STATUTORY = "statutory"
    """A "must" in an Act or statutory instrument (or a WT "must" restating one)."""
    GUIDANCE = "guidance"
    """A "should", or non-statutory: missing it is poor practice, never unlawful."""


class Kind(StrEnum):
    DEADLINE = "deadline"
    """Something must happen by the date; a completion date decides met/late."""
    WINDOW = "window"
    """A period that runs from the trigger (a duty lasts N days); the date is its last day."""
    THRESHOLD = "threshold"
    """A test: the date before which a window opens (e.g. 56 days before homelessness)."""
    INFORMATION = "information"
    """No computable national timescale; listed so users can set a local one."""
    CHECK = "check"
    """A duty with no time limit: the date is information (a window that opens),
    and a completion is placed relative to it, never late or overdue."""


NOT_A_DEADLINE = (Kind.THRESHOLD, Kind.CHECK, Kind.INFORMATION)
"""Kinds whose date is never 'late' or 'overdue'."""


class GateEffect(StrEnum):
    EXCLUDE = "exclude"
    """The rule does not apply to the case: no deadline is computed."""
    CONDITIONAL = "conditional"
    """The rule applies only if a fact the dates cannot show holds."""


class Evidence(StrEnum):
    PRIMARY = "primary"
    """Checked against legislation.gov.uk, GOV.UK or the Panel's own pages."""
    SEED = "seed"
    """Checked against a seed document (shared/seeds/)."""
    SECONDARY = "secondary"
    """Restated by local procedures, partnerships or commentators."""
    UNVERIFIED = "unverified"
    """From knowledge of the document, not yet checked against it."""
    LOCAL = "local"
    """Set by the user's configuration file (a local procedure, not national)."""

    @property
    def label(self) -> str:
        """How output names the evidence level (JSON keeps the short value)."""
        return _EVIDENCE_LABELS[self]


_EVIDENCE_LABELS = {
    Evidence.PRIMARY: "primary source",
    Evidence.SEED: "document text checked",
    Evidence.SECONDARY: "secondary source",
    Evidence.UNVERIFIED: "unverified",
    Evidence.LOCAL: "local",
}


class Cite(NamedTuple):
    """Where a rule, or part of it, comes from."""

    document: str
    locator: str = ""
    evidence: Evidence = Evidence.UNVERIFIED
    note: str = ""

    def __str__(self) -> str:
        text = f"{self.document}, {self.locator}" if self.locator else self.document
        return f"{text} [{self.evidence.label}]"


class Variant(NamedTuple):
    """A length that applied for part of a rule's life (e.g. 28 days before 3 Apr 2018)."""

    length: int
    in_force_from: date | None
    in_force_to: date | None
    note: str = ""

    def applies(self, day: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )


class DatedNote(NamedTuple):
    """A note that applies only when the rule's edition date falls in a range."""

    text: str
    in_force_from: date | None = None
    in_force_to: date | None = None
    landlord: str | None = None
    """Only for this landlord sector ("private", "social", or "unknown" when
    none was given); None: whatever the sector."""

    def applies(self, day: date, landlord: str | None = None) -> bool:
        if self.landlord is not None and self.landlord != (landlord or "unknown"):
            return False
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )


class Gate(NamedTuple):
    """Another date of the case that decides whether the rule applies at all.

    When *concept* is among the case's dates and none of *unless* is, the
    rule is excluded (no deadline) or conditional (a deadline flagged
    ``conditional`` with *reason*), by *effect*.
    """

    concept: str
    effect: GateEffect
    reason: str
    unless: tuple[str, ...] = ()

    def acts(self, keys: Iterable[str]) -> bool:
        present = set(keys)
        return self.concept in present and not present.intersection(self.unless)


class Assumed(NamedTuple):
    """A boundary date wtcheck takes as exact where its source gives less (a month)."""

    day: date
    source_says: str
    span_from: date
    span_to: date
    """Trigger dates in this span may fall on either side of the true boundary."""

    def note(self) -> str:
        return (
            f"Assumed boundary: the sources give '{self.source_says}'; wtcheck takes "
            f"{_short(self.day)}. A date from {_short(self.span_from)} to "
            f"{_short(self.span_to)} may fall on the other side (use --edition to compare)."
        )


def _short(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


class Anchor(NamedTuple):
    """One possible start date for a rule whose anchor is a user choice.

    *fallback_rule*: when this anchor's date is missing, count from that
    rule's deadline instead (a rapid review anchored on the notification
    counts from the last permitted notification day when only the awareness
    date is known).
    """

    name: str
    trigger: str
    reason: str = ""
    fallback_rule: str | None = None


class Rule(NamedTuple):
    """One timescale. Ids are the ids of ``shared/docs/timescales.md``, lower-cased."""

    id: str
    name: str
    topic: str
    trigger: str
    length: int | None
    unit: Unit
    direction: Direction
    force: Force
    cites: tuple[Cite, ...]
    in_force_from: date | None = None
    in_force_to: date | None = None
    editions: tuple[str, ...] = ()
    """Working Together editions the rule belongs to; empty for rules that
    rest on legislation alone (they go by their in-force dates)."""
    verified: bool = True
    completion: str | None = None
    kind: Kind = Kind.DEADLINE
    force_note: str = ""
    notes: tuple[str, ...] = ()
    dated_notes: tuple[DatedNote, ...] = ()
    variants: tuple[Variant, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    default_anchor: str | None = None
    literal_anchor: str | None = None
    """An anchor whose reading is also reported (as a warning) under the
    editions in *literal_anchor_editions*."""
    literal_anchor_editions: tuple[str, ...] = ()
    edition_date: str | None = None
    """Concept whose date decides the edition and the variant (default: the trigger)."""
    compare_with: str | None = None
    """For threshold rules: the concept tested against the threshold (the assessment date)."""
    repeats: bool = False
    """True when the period restarts from each occurrence (review conferences, visits)."""
    local: bool = False
    lineage: str = ""
    """Rules that are successive versions of one duty share a lineage key
    (``initial-assessment``: ia-7 → ia-10 → sa-45); ``wtcheck rules show``
    prints a rule's history from it."""
    default_off: bool = False
    """Not computed unless asked for by id (``--rule``) or enabled in the
    config file: rules whose number no source has confirmed."""
    fixed_date: date | None = None
    """For one-off duties due on a fixed date (no trigger: *trigger* is "")."""
    gates: tuple[Gate, ...] = ()
    """Dates of the case that exclude the rule or make it conditional."""
    inclusive_option: bool = False
    """``--inclusive`` (+ 55 rather than + 56) applies to this rule: the
    homelessness 'within 56 days' tests only."""
    before_compared_note: str = ""
    """For threshold rules: what it means when the trigger date is before the
    compared date (already homeless; a notice already expired)."""
    assumed: tuple[Assumed, ...] = ()
    """Boundaries of this rule that are assumptions (the source gives a month)."""
    readings: tuple[tuple[str, int], ...] = ()
    """Other readings shown beside the default: (label, signed day offset
    from the trigger), e.g. 48 hours *before* the child leaves."""

    def in_force_on(self, day: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )

    def length_on(self, day: date) -> int | None:
        """The length that applied on *day* (variants first, else :attr:`length`)."""
        for v in self.variants:
            if v.applies(day):
                return v.length
        return self.length

    @property
    def source(self) -> str:
        """All citations on one line."""
        return "; ".join(str(c) for c in self.cites)

    @property
    def computable(self) -> bool:
        return self.length is not None and self.unit is not Unit.NONE
