"""Serious case reviews and notifications in the LSCB era (timescales.md §4B)."""

from __future__ import annotations

from datetime import date

from wtcheck.rules.model import Cite, Direction, Evidence, Force, Rule, Unit

RULES: tuple[Rule, ...] = (
    Rule(
        id="notif-ofsted-2015",
        name="Notifiable incident reported to Ofsted and the relevant LSCB(s)",
        topic="incidents",
        trigger="aware",
        length=5,
        unit=Unit.WORKING_DAYS,
        direction=Direction.AFTER,
        force=Force.GUIDANCE,
        cites=(
            Cite(
                "Working Together 2015",
                "ch.4",
                Evidence.SECONDARY,
                "'promptly, and within five working days' of becoming aware",
            ),
            Cite("Pan-Dorset SCB procedures", "3.2 'Notifiable Incidents'", Evidence.SECONDARY),
            Cite("Knowsley 'Notifiable Incidents Process'", "June 2015", Evidence.SECONDARY),
        ),
        in_force_from=date(2015, 3, 26),
        in_force_to=date(2018, 6, 28),
        editions=("wt2015",),
        completion="notification",
        notes=(
            "From 29 Jun 2018 notifications go to the Panel instead (sin-panel).",
            "Walsall's procedures word the trigger as 'being notified'.",
        ),
    ),
)
