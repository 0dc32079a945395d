"""Child death review (timescales.md §4G; verification.md §9). No national
numbers: these rules are listed so that a local number can be configured."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.model import Cite, Direction, Evidence, Force, Kind, Rule, Unit

CDR_GUIDANCE = Cite(
    "Child Death Review: Statutory and Operational Guidance (England)",
    "Oct 2018",
    Evidence.SECONDARY,
)
WT2018_ON = ("wt2018", "wt2018-dec2020", "wt2023")


def _info(rule_id: str, name: str, trigger: str, cites: tuple[Cite, ...], **extra: object) -> Rule:
    fields: dict[str, object] = {
        "force": Force.GUIDANCE,
        "in_force_from": date(2018, 6, 29),
        "editions": WT2018_ON,
        **extra,
    }
    return Rule(
        id=rule_id,
        name=name,
        topic="child-death",
        trigger=trigger,
        length=None,
        unit=Unit.NONE,
        direction=Direction.AFTER,
        kind=Kind.INFORMATION,
        cites=cites,
        **fields,  # type: ignore[arg-type]
    )


RULES: tuple[Rule, ...] = (
    _info(
        "cdr-notify",
        "Child death notified to the child death review partners (CDOP)",
        "child_death",
        (
            Cite("Working Together 2018", "ch.5", Evidence.SECONDARY),
            CDR_GUIDANCE,
            Cite("Working Together 2023", "ch.6", Evidence.SECONDARY),
        ),
        completion="cdr_notification",
        notes=(
            "Set locally (e.g. North Yorkshire: within 24 hours); no national number found. "
            "Configure it in the config file.",
        ),
    ),
    _info(
        "cdr-jar",
        "Joint agency response to an unexpected child death",
        "child_death",
        (CDR_GUIDANCE,),
        notes=("The guidance expects a very prompt initial discussion; not computed.",),
    ),
    _info(
        "cdr-report",
        "Child death review partners' report on what they have done",
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
        notes=("Yearly [unverified].",),
    ),
)
