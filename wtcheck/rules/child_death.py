"""Child death review (timescales.md §4G; verification.md §9). No national
numbers: these rules are listed so that a local number can be configured."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.common import PANEL_START, WT2018_ON, info
from wtcheck.rules.model import Cite, Evidence, Force, Rule

CDR_GUIDANCE = Cite(
    "Child Death Review: Statutory and Operational Guidance (England)",
    "Oct 2018",
    Evidence.SECONDARY,
)

RULES: tuple[Rule, ...] = (
    info(
        "cdr-notify",
        "Child death notified to the child death review partners (CDOP)",
        "child-death",
        "child_death",
        (
            Cite("Working Together 2018", "ch.5", Evidence.SECONDARY),
            CDR_GUIDANCE,
            Cite("Working Together 2023", "ch.6", Evidence.SECONDARY),
        ),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        completion="cdr_notification",
        notes=(
            "Set locally (e.g. North Yorkshire: within 24 hours); no national number found. "
            "Configure it in the config file.",
        ),
    ),
    info(
        "cdr-jar",
        "Joint agency response to an unexpected child death",
        "child-death",
        "child_death",
        (CDR_GUIDANCE,),
        in_force_from=PANEL_START,
        editions=WT2018_ON,
        notes=("The guidance expects a very prompt initial discussion; not computed.",),
    ),
    info(
        "cdr-report",
        "Child death review partners' report on what they have done",
        "child-death",
        "",
        (
            Cite(
                "Children Act 2004 (as amended 2017); Working Together 2018",
                "ch.5",
                Evidence.SECONDARY,
            ),
        ),
        force=Force.STATUTORY,
        force_note="The duty to report is statutory; its frequency (yearly) is unverified.",
        in_force_from=date(2019, 4, 1),
        editions=WT2018_ON,
        notes=("Yearly [unverified].",),
    ),
)
