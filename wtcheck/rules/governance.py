"""Partnership governance: arrangements and yearly reports (timescales.md §4F;
verification.md §6)."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.common import PANEL_START, UNCHECKED, WT2018_ON, info
from wtcheck.rules.model import Assumed, Cite, Direction, Evidence, Force, Rule, Unit

NURSERY_WORLD = Cite(
    "WT2018 transitional guidance", "as restated by Nursery World", Evidence.SECONDARY
)

RULES: tuple[Rule, ...] = (
    info(
        "masa-pub-2019",
        "Safeguarding partners publish their arrangements (by 29 Jun 2019)",
        "governance",
        "",
        (NURSERY_WORLD,),
        fixed_date=date(2019, 6, 29),
        in_force_from=PANEL_START,
        in_force_to=date(2019, 6, 29),
        force_note="Statutory duty to publish; the date comes from transitional guidance.",
    ),
    info(
        "masa-live-2019",
        "Safeguarding partners' arrangements in place (by 29 Sep 2019)",
        "governance",
        "",
        (NURSERY_WORLD,),
        fixed_date=date(2019, 9, 29),
        in_force_from=PANEL_START,
        in_force_to=date(2019, 9, 29),
        force_note="Statutory duty; the date comes from transitional guidance.",
    ),
    info(
        "masa-2024",
        "Arrangements revised and published under Working Together 2023 (by Dec 2024)",
        "governance",
        "",
        (
            Cite("Working Together 2023", "ch.2", Evidence.UNVERIFIED),
            Cite(
                "Cornwall & Isles of Scilly SCP",
                "'implementation date of December 2024'",
                Evidence.SECONDARY,
            ),
        ),
        fixed_date=date(2024, 12, 31),
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
        assumed=(Assumed(date(2019, 6, 29), "2019 →", date(2019, 6, 29), date(2019, 12, 31)),),
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
        assumed=(Assumed(date(2024, 1, 1), "2024 →", date(2024, 1, 1), date(2024, 12, 31)),),
        verified=False,
        default_off=True,
        completion="partnership_report",
        lineage="yearly-report",
        notes=(UNCHECKED,),
    ),
    info(
        "lscb-annual",
        "LSCB annual report on the effectiveness of local safeguarding",
        "governance",
        "partnership_report",
        force=Force.STATUTORY,
        cites=(
            Cite("Children Act 2004", "s.14A (from 2010)", Evidence.UNVERIFIED),
            Cite(
                "Working Together 2010, executive summary",
                "the 'requirement' to produce and publish an annual report",
                Evidence.SEED,
            ),
            Cite("Working Together 2010", "ch.3", Evidence.UNVERIFIED),
        ),
        in_force_from=date(2010, 4, 1),
        in_force_to=date(2019, 9, 28),
        editions=("wt2010", "wt2013", "wt2015", "wt2018"),
        lineage="yearly-report",
        notes=("Annual; LSCB era only.",),
    ),
)
