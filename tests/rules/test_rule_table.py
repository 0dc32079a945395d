"""Every computable rule, in every edition it belongs to, with exact dates.

Expected dates were counted by hand from the England-and-Wales bank-holiday
lists of calendars.md §3 (2009: 10, 13 Apr, 4, 25 May, 31 Aug, 25, 28 Dec;
2010: 1 Jan, 2, 5 Apr, 3, 31 May, 30 Aug, 27, 28 Dec; 2013: 29 Mar, 1 Apr,
6, 27 May; 2015: 3, 6 Apr; 2018: 7 May, 25, 26 Dec; 2019: 1 Jan;
2020: 25, 28 Dec; 2021: 1 Jan; 2023: 25, 26 Dec; 2024: 1 Jan), with the
trigger never counted. Each edition boundary has a case on both sides.
"""

from __future__ import annotations

from datetime import date

import pytest

from wtcheck.calendar.workdays import Calendar
from wtcheck.deadlines import Options, compute, deadlines_for
from wtcheck.rules import BY_ID, RULES
from wtcheck.rules.model import Kind, Unit

D = date

# (rule, trigger concept, trigger date, edition, deadline); edition None: not in force.
CASES: list[tuple[str, str, date, str | None, date | None]] = [
    # SCR completion: 4 months until 30 Nov 2009, 6 months from 1 Dec 2009.
    ("scr-complete-4m", "lcspr_decision", D(2009, 11, 30), "wt2006", D(2010, 3, 30)),
    ("scr-complete-4m", "lcspr_decision", D(2009, 12, 1), None, None),
    ("scr-complete-6m", "lcspr_decision", D(2009, 11, 30), None, None),
    ("scr-complete-6m", "lcspr_decision", D(2009, 12, 1), "wt2006-ch8", D(2010, 6, 1)),
    ("scr-complete-6m", "lcspr_decision", D(2010, 8, 31), "wt2010", D(2011, 2, 28)),
    ("scr-complete-6m", "lcspr_decision", D(2013, 4, 12), "wt2010", D(2013, 10, 12)),
    ("scr-complete-6m", "lcspr_decision", D(2013, 4, 15), None, None),
    ("scr-complete-6m-aim", "lcspr_decision", D(2013, 4, 12), None, None),
    ("scr-complete-6m-aim", "lcspr_decision", D(2013, 4, 15), "wt2013", D(2013, 10, 15)),
    ("scr-complete-6m-aim", "lcspr_decision", D(2018, 6, 28), "wt2015", D(2018, 12, 28)),
    ("scr-complete-6m-aim", "lcspr_decision", D(2018, 6, 29), None, None),
    # 1 Apr 2010: initial assessment 7 -> 10 working days (Easter 2 and 5 Apr 2010).
    ("ia-7", "referral", D(2010, 3, 31), "wt2006-ch8", D(2010, 4, 13)),
    ("ia-7", "referral", D(2009, 11, 30), "wt2006", D(2009, 12, 9)),
    ("ia-7", "referral", D(2010, 4, 1), None, None),
    ("ia-10", "referral", D(2010, 3, 31), None, None),
    ("ia-10", "referral", D(2010, 4, 1), "wt2010", D(2010, 4, 19)),
    ("ia-10", "referral", D(2013, 4, 12), "wt2010", D(2013, 4, 26)),
    ("ia-10", "referral", D(2013, 4, 15), None, None),
    ("ca-35", "assessment_start", D(2010, 3, 31), "wt2006-ch8", D(2010, 5, 24)),
    ("ca-35", "assessment_start", D(2013, 4, 12), "wt2010", D(2013, 6, 4)),
    ("ca-35", "assessment_start", D(2013, 4, 15), None, None),
    ("cg-first", "icpc", D(2010, 3, 31), None, None),
    ("cg-first", "icpc", D(2010, 4, 1), "wt2010", D(2010, 4, 19)),
    ("cg-first", "icpc", D(2013, 4, 15), "wt2013", D(2013, 4, 29)),
    ("notif-ofsted-2010", "aware", D(2010, 3, 31), None, None),
    ("notif-ofsted-2010", "aware", D(2010, 4, 1), "wt2010", D(2010, 4, 6)),
    ("notif-ofsted-2010", "aware", D(2015, 3, 25), "wt2013", D(2015, 3, 26)),
    ("notif-ofsted-2010", "aware", D(2015, 3, 26), None, None),
    ("scr-decide-2010", "notification", D(2010, 4, 1), "wt2010", D(2010, 5, 1)),
    ("scr-decide-2010", "notification", D(2013, 4, 15), None, None),
    # 15 Apr 2013: single assessment; ICPC anchor changes (May Day 6 May, 27 May 2013).
    ("sa-45", "referral", D(2013, 4, 12), None, None),
    ("sa-45", "referral", D(2013, 4, 15), "wt2013", D(2013, 6, 19)),
    ("sa-45", "referral", D(2023, 12, 14), "wt2018-dec2020", D(2024, 2, 20)),
    ("sa-45", "referral", D(2023, 12, 15), "wt2023", D(2024, 2, 21)),
    # DfE's measure from the assessment start (real-data §5.2): from 2013-14 only
    ("sa-45-start", "assessment_start", D(2013, 4, 12), None, None),
    ("sa-45-start", "assessment_start", D(2013, 4, 15), "wt2013", D(2013, 6, 19)),
    ("sa-45-start", "assessment_start", D(2024, 12, 16), "wt2023", D(2025, 2, 20)),
    ("icpc-2010", "strategy_discussion", D(2013, 4, 12), "wt2010", D(2013, 5, 3)),
    ("icpc-2010", "strategy_discussion", D(2013, 4, 15), None, None),
    ("icpc-2013", "strategy_discussion", D(2013, 4, 12), None, None),
    ("icpc-2013", "strategy_discussion", D(2013, 4, 15), "wt2013", D(2013, 5, 7)),
    ("icpc-2013", "strategy_discussion", D(2023, 12, 15), "wt2023", D(2024, 1, 10)),
    ("ref-decide", "referral", D(2013, 4, 12), "wt2010", D(2013, 4, 15)),
    ("ref-decide", "referral", D(2006, 3, 31), None, None),
    ("rcpc-first", "icpc", D(2013, 4, 14), "wt2010", D(2013, 7, 14)),
    ("rcpc-first", "icpc", D(2013, 4, 15), "wt2013", D(2013, 7, 15)),
    ("rcpc-next", "review_conference", D(2023, 8, 31), "wt2018-dec2020", D(2024, 2, 29)),
    # 26 Mar 2015: notifiable incidents to Ofsted and the LSCB (Easter 3 and 6 Apr 2015).
    ("notif-ofsted-2015", "aware", D(2015, 3, 25), None, None),
    ("notif-ofsted-2015", "aware", D(2015, 3, 26), "wt2015", D(2015, 4, 2)),
    ("notif-ofsted-2015", "aware", D(2015, 4, 1), "wt2015", D(2015, 4, 10)),
    ("notif-ofsted-2015", "aware", D(2018, 6, 28), "wt2015", D(2018, 7, 5)),
    ("notif-ofsted-2015", "aware", D(2018, 6, 29), None, None),
    ("scr-prepub-2015", "lcspr_publication", D(2015, 3, 25), None, None),
    ("scr-prepub-2015", "lcspr_publication", D(2015, 3, 26), "wt2015", D(2015, 3, 19)),
    ("scr-prepub-2015", "lcspr_publication", D(2018, 6, 28), "wt2015", D(2018, 6, 21)),
    # 29 Jun 2018: the Panel.
    ("sin-panel", "aware", D(2018, 6, 28), None, None),
    ("sin-panel", "aware", D(2018, 6, 29), "wt2018", D(2018, 7, 6)),
    ("sin-partners", "aware", D(2018, 6, 29), "wt2018", D(2018, 7, 6)),
    ("sin-partners", "aware", D(2018, 6, 28), None, None),
    ("sin-lac", "lac_death_aware", D(2018, 6, 29), "wt2018", D(2018, 7, 6)),
    ("rr-submit", "notification", D(2018, 6, 29), "wt2018", D(2018, 7, 20)),
    ("lcspr-complete", "lcspr_decision", D(2018, 6, 29), "wt2018", D(2018, 12, 29)),
    ("lcspr-complete", "lcspr_decision", D(2018, 6, 28), None, None),
    ("lcspr-prepub", "lcspr_publication", D(2018, 6, 29), "wt2018", D(2018, 6, 20)),
    # 9 Dec 2020: the re-issue (Christmas 2020: 25 and 28 Dec; 1 Jan 2021).
    ("rr-submit", "notification", D(2020, 12, 8), "wt2018", D(2020, 12, 31)),
    ("rr-submit", "notification", D(2020, 12, 9), "wt2018-dec2020", D(2021, 1, 4)),
    ("sin-panel", "aware", D(2020, 12, 9), "wt2018-dec2020", D(2020, 12, 16)),
    # 15 Dec 2023: WT2023.
    ("sin-panel", "aware", D(2023, 12, 14), "wt2018-dec2020", D(2023, 12, 21)),
    ("sin-panel", "aware", D(2023, 12, 15), "wt2023", D(2023, 12, 22)),
    ("sin-careleaver", "care_leaver_death_aware", D(2023, 12, 14), None, None),
    ("sin-careleaver", "care_leaver_death_aware", D(2023, 12, 15), "wt2023", D(2023, 12, 22)),
    # Governance.
    ("yr-report", "partnership_report", D(2019, 6, 28), None, None),
    ("yr-report", "partnership_report", D(2019, 6, 29), "wt2018", D(2020, 6, 29)),
    ("yr-report-send", "partnership_report", D(2019, 6, 29), "wt2018", D(2019, 7, 6)),
    ("yr-report-3m", "reporting_period_end", D(2023, 12, 31), None, None),
    ("yr-report-3m", "reporting_period_end", D(2024, 3, 31), "wt2023", D(2024, 6, 30)),
    # Private fostering: legislation, no edition (Christmas 2018, New Year 2019).
    ("pf-visit1", "fostering_notification", D(2018, 12, 20), "statute", D(2019, 1, 3)),
    ("pf-visit1", "fostering_notification", D(2005, 6, 30), None, None),
    ("pf-notify", "fostering_start", D(2019, 7, 1), "statute", D(2019, 5, 20)),
    ("pf-visits", "fostering_visit", D(2019, 1, 1), "statute", D(2019, 2, 12)),
    ("pf-visits-later", "fostering_visit", D(2019, 1, 1), "statute", D(2019, 3, 26)),
    ("pf-end", "fostering_end", D(2024, 5, 24), "statute", D(2024, 5, 26)),
    ("pf-28", "fostering_start", D(2024, 2, 1), "statute", D(2024, 2, 29)),
]


@pytest.mark.parametrize(("rule", "trigger", "day", "edition", "deadline"), CASES)
def test_rule_in_its_edition(
    rule: str, trigger: str, day: date, edition: str | None, deadline: date | None, ew: Calendar
) -> None:
    assert BY_ID[rule].trigger == trigger
    found = compute(BY_ID[rule], {trigger: day}, ew)
    got = [(d.edition, d.deadline) for d in found]
    assert got == ([(edition, deadline)] if edition else [])


def test_every_computable_rule_has_a_case() -> None:
    covered = {case[0] for case in CASES} | {
        "hl-threat", "hl-prev", "hl-relief", "hl-s21", "hl-refer",
    }  # fmt: skip
    computable = {r.id for r in RULES if r.computable}
    assert computable - covered == set()


@pytest.mark.parametrize(
    ("rule", "day", "edition", "deadline"),
    [
        # --edition overrides the edition in force on the trigger date.
        ("ia-10", D(2013, 4, 15), "wt2010", D(2013, 4, 29)),
        ("sa-45", D(2013, 4, 12), "wt2013", D(2013, 6, 18)),
        ("ia-10", D(2013, 4, 12), "wt2013", None),
        ("sa-45", D(2013, 4, 15), "wt2010", None),
        ("ia-7", D(2010, 4, 1), "wt2006", D(2010, 4, 14)),  # Easter: 2, 5 Apr
    ],
)
def test_edition_override(
    rule: str, day: date, edition: str, deadline: date | None, ew: Calendar
) -> None:
    found = compute(BY_ID[rule], {"referral": day}, ew, Options(edition=edition))
    assert [(d.edition, d.deadline) for d in found] == ([(edition, deadline)] if deadline else [])


def test_lcspr_prepub_with_clear_days(ew: Calendar) -> None:
    found = compute(
        BY_ID["lcspr-prepub"], {"lcspr_publication": D(2018, 6, 29)}, ew, Options(clear_days=True)
    )
    assert [d.deadline for d in found] == [D(2018, 6, 19)]


def test_hl_s21_compares_the_notice_with_the_assessment(ew: Calendar) -> None:
    dates = {"notice": D(2018, 6, 1), "assessment": D(2018, 4, 10)}
    (d,) = compute(BY_ID["hl-s21"], dates, ew)
    assert (d.deadline, d.threatened) == (D(2018, 4, 6), True)
    assert "Valid s.21 notice: compare its expiry date (s.175(5))." in d.notes
    late = compute(
        BY_ID["hl-s21"],
        {"notice": D(2026, 6, 1), "assessment": D(2026, 5, 1)},
        ew,
        Options(landlord="private"),
    )
    assert any("s.8 notice" in n for n in late[0].notes)
    assert (
        compute(BY_ID["hl-s21"], {"notice": D(2018, 5, 1), "assessment": D(2018, 4, 2)}, ew) == []
    )


def test_unconfirmed_rules_are_off_unless_asked_for(ew: Calendar) -> None:
    off = sorted(r.id for r in RULES if r.default_off)
    assert off == [
        "notif-ofsted-2010",
        "pf-visits-later",
        "scr-decide-2010",
        "scr-prepub-2015",
        "yr-report-3m",
        "yr-report-send",
    ]
    assert all(not BY_ID[r].verified for r in off if r != "pf-visits-later")
    assert deadlines_for({"aware": D(2010, 4, 1)}, ew) == []
    asked = deadlines_for({"aware": D(2010, 4, 1)}, ew, rules=[BY_ID["notif-ofsted-2010"]])
    assert [d.deadline for d in asked] == [D(2010, 4, 6)]
    assert "Unverified: this timescale has not been checked against its primary source." in (
        asked[0].notes
    )


def test_information_rules_are_listed_not_computed(ew: Calendar) -> None:
    info = sorted(r.id for r in RULES if r.kind is Kind.INFORMATION)
    assert info == [
        "cdr-jar", "cdr-notify", "cdr-report", "cp-visits", "hl-flex",
        "lcspr-monitor", "lscb-annual", "masa-2024", "masa-live-2019", "masa-pub-2019",
        "rr-decision", "strat",
    ]  # fmt: skip
    for rule_id in info:
        rule = BY_ID[rule_id]
        assert (rule.unit, rule.length, rule.computable) == (Unit.NONE, None, False)
    assert deadlines_for({"referral": D(2024, 1, 8), "child_death": D(2024, 1, 8)}, ew)[
        0
    ].rule.id == ("ref-decide")


def test_careleaver_says_the_timescale_is_by_analogy() -> None:
    rule = BY_ID["sin-careleaver"]
    assert rule.notes[0].startswith("Timescale by analogy/local practice")
    assert rule.force_note == "Non-mandatory reporting (Cumberland Council bulletin on WT2023)."


def test_every_rule_cites_a_source_and_names_known_dates() -> None:
    from wtcheck.concepts import BY_KEY

    for rule in RULES:
        assert rule.cites, rule.id
        assert rule.trigger in BY_KEY or (rule.trigger == "" and rule.kind is Kind.INFORMATION)
        assert rule.completion is None or rule.completion in BY_KEY, rule.id


def test_the_unverified_rules_are_exactly_those_timescales_md_marks() -> None:
    """verification.md §11 / timescales.md §7: these numbers or sources are not yet checked.

    sin-lac left the list: GOV.UK 'Report a serious child safeguarding incident' states
    the 5 working days for a looked-after child's death (verification.md §12.3)."""
    from wtcheck.rules import RULES

    assert sorted(r.id for r in RULES if not r.verified) == [
        "lcspr-prepub",  # 7 WD rests on the Dec 2020 table alone; regulation unverified
        "masa-2024",  # 31 Dec 2024 unverified
        "notif-ofsted-2010",  # 1 WD unverified
        "scr-complete-6m-aim",  # WT2013/2015 ch.4 wording unverified
        "scr-decide-2010",  # 1 month unverified
        "scr-prepub-2015",  # ~1 week unverified
        "sin-careleaver",  # 5 WD is a local reading, no national number
        "yr-report-3m",
        "yr-report-send",
    ]
