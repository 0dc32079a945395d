"""Partnership governance: arrangements and yearly reports (timescales.md §4F;
verification.md §6)."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.model import Cite, Direction, Evidence, Force, Kind, Rule, Unit

WT2018_ON = ("wt2018", "wt2018-dec2020", "wt2023")
UNCHECKED = (
    "Off by default: no source has confirmed this number. Ask for it with --rule or "
    "enable it in the config file."
)


def _fixed(rule_id: str, name: str, due: date, cites: tuple[Cite, ...], **extra: object) -> Rule:
    """A one-off duty due on a fixed date (listed, not computed from a trigger)."""
    return Rule(
        id=rule_id,
        name=name,
        topic="governance",
        trigger="",
        length=None,
        unit=Unit.NONE,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        kind=Kind.INFORMATION,
        cites=cites,
        fixed_date=due,
        **extra,  # type: ignore[arg-type]
    )


NURSERY_WORLD = Cite(
    "WT2018 transitional guidance", "as restated by Nursery World", Evidence.SECONDARY
)

RULES: tuple[Rule, ...] = (
    _fixed(
        "masa-pub-2019",
        "Safeguarding partners publish their arrangements (by 29 Jun 2019)",
        date(2019, 6, 29),
        (NURSERY_WORLD,),
        in_force_from=date(2018, 6, 29),
        in_force_to=date(2019, 6, 29),
        force_note="Statutory duty to publish; the date comes from transitional guidance.",
    ),
    _fixed(
        "masa-live-2019",
        "Safeguarding partners' arrangements in place (by 29 Sep 2019)",
        date(2019, 9, 29),
        (NURSERY_WORLD,),
        in_force_from=date(2018, 6, 29),
        in_force_to=date(2019, 9, 29),
        force_note="Statutory duty; the date comes from transitional guidance.",
    ),
    _fixed(
        "masa-2024",
        "Arrangements revised and published under Working Together 2023 (by Dec 2024)",
        date(2024, 12, 31),
        (
            Cite("Working Together 2023", "ch.2", Evidence.UNVERIFIED),
            Cite(
                "Cornwall & Isles of Scilly SCP",
                "'implementation date of December 2024'",
                Evidence.SECONDARY,
            ),
        ),
        in_force_from=date(2023, 12, 15),
        in_force_to=date(2024, 12, 31),
        verified=False,
        notes=("'31 Dec 2024' is unverified: the source says 'December 2024'.",),
    ),
    Rule(
        id="yr-report",
        name="Safeguarding partners' yearly report (at least once in every 12 months)",
        topic="governance",
        trigger="partnership_report",
        length=12,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        cites=(
            Cite("Children Act 2004", "s.16G(4) (subsection unverified)", Evidence.UNVERIFIED),
            Cite(
                "Working Together 2018",
                "ch.3 'at least once in every 12 month period'",
                Evidence.SECONDARY,
            ),
            Cite("Working Together 2023", "ch.2", Evidence.SECONDARY),
        ),
        in_force_from=date(2019, 6, 29),
        editions=WT2018_ON,
        repeats=True,
        lineage="yearly-report",
        notes=("Counted from the previous report (or the start of the reporting period).",),
    ),
    Rule(
        id="yr-report-send",
        name="Copy of the yearly report sent to the Panel and the What Works Centre",
        topic="governance",
        trigger="partnership_report",
        length=7,
        unit=Unit.CALENDAR_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite("Working Together 2018", "ch.3 (~para 42)", Evidence.UNVERIFIED),
            Cite(
                "Working Together 2023",
                "ch.2 (the Panel, Foundations and DfE)",
                Evidence.UNVERIFIED,
            ),
        ),
        in_force_from=date(2019, 6, 29),
        editions=WT2018_ON,
        verified=False,
        default_off=True,
        completion="partnership_report_sent",
        notes=(UNCHECKED, "Calendar days ('seven days'), not working days [unverified]."),
    ),
    Rule(
        id="yr-report-3m",
        name="Yearly report published within 3 months of the end of its 12-month period",
        topic="governance",
        trigger="reporting_period_end",
        length=3,
        unit=Unit.MONTHS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(Cite("Working Together 2023", "ch.2", Evidence.UNVERIFIED),),
        in_force_from=date(2024, 1, 1),
        editions=("wt2023",),
        verified=False,
        default_off=True,
        completion="partnership_report",
        lineage="yearly-report",
        notes=(UNCHECKED,),
    ),
    Rule(
        id="lscb-annual",
        name="LSCB annual report on the effectiveness of local safeguarding",
        topic="governance",
        trigger="partnership_report",
        length=None,
        unit=Unit.NONE,
        direction=Direction.AFTER,
        force=Force.STATUTORY,
        kind=Kind.INFORMATION,
        cites=(
            Cite("Children Act 2004", "s.14A (from 2010)", Evidence.UNVERIFIED),
            Cite("Working Together 2010", "ch.3 (shared/seeds/004)", Evidence.SEED),
        ),
        in_force_from=date(2010, 4, 1),
        in_force_to=date(2019, 9, 28),
        editions=("wt2010", "wt2013", "wt2015", "wt2018"),
        lineage="yearly-report",
        notes=("Annual; LSCB era only.",),
    ),
)
