from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.audit.helpers import audit_text, brief
from wtcheck.calendar.workdays import get_calendar
from wtcheck.deadlines import Options, compute
from wtcheck.errors import ColumnError
from wtcheck.findings import Status
from wtcheck.rules import get_rule

HEAD = "case_id,aware_date,notification_date,rapid_review_date\n"


def test_each_status_for_the_notification_rule(tmp_path: Path) -> None:
    text = HEAD + (
        "C1,2025-12-22,2025-12-31,\n"  # deadline Wed 31 Dec 2025 (Christmas week): met on the day
        "C2,2026-04-01,2026-04-13,\n"  # Easter 2026: deadline Fri 10 Apr, done Mon 13: 1 late
        "C3,2026-11-20,,\n"  # deadline Fri 27 Nov: 2 working days overdue on Tue 1 Dec
        "C4,2026-11-26,,\n"  # deadline Thu 3 Dec: 2 left, due soon
        "C5,2026-11-30,,\n"  # deadline Mon 7 Dec: 4 left, due soon
        "C6,31/02/2026,,\n"  # no such date
    )
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"),))
    assert brief(engine.findings) == [
        ("C1", "sin-panel", Status.MET, "2025-12-31", 0),
        ("C2", "sin-panel", Status.LATE, "2026-04-10", 1),
        ("C3", "sin-panel", Status.OVERDUE, "2026-11-27", 2),
        ("C4", "sin-panel", Status.DUE_SOON, "2026-12-03", 2),
        ("C5", "sin-panel", Status.DUE_SOON, "2026-12-07", 4),
        ("C6", "sin-panel", Status.INVALID, None, None),
    ]
    bad = engine.findings[-1]
    assert (bad.row, bad.column, bad.value) == (7, "aware_date", "31/02/2026")
    assert (
        bad.message
        == "row 7, column 'aware_date': '31/02/2026': no such date (day 31, month 2, year 2026)"
    )


def test_pending_and_soon_threshold(tmp_path: Path) -> None:
    text = HEAD + "C1,2026-11-30,,\n"  # deadline Mon 7 Dec: 4 working days left
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"),), soon=3)
    assert brief(engine.findings) == [("C1", "sin-panel", Status.PENDING, "2026-12-07", 4)]


def test_coronation_week_and_edition(tmp_path: Path) -> None:
    engine = audit_text(
        tmp_path, HEAD + "C1,2023-05-05,2023-05-16,\n", rules=(get_rule("sin-panel"),)
    )
    (f,) = engine.findings
    # Fri 5 May 2023 + 5 working days skips the coronation holiday Mon 8 May
    assert (f.deadline, f.status, f.days, f.edition) == (
        date(2023, 5, 15), Status.LATE, 1, "wt2018-dec2020",
    )  # fmt: skip


def test_audit_agrees_with_deadlines_compute(tmp_path: Path) -> None:
    cal = get_calendar("england-and-wales")
    text = HEAD + "C1,2025-12-22,,\nC2,2025-12-22,2026-01-02,\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("rr-submit"),))
    rule = get_rule("rr-submit")
    for f, dates in zip(
        engine.findings,
        [
            {"aware": date(2025, 12, 22)},
            {"aware": date(2025, 12, 22), "notification": date(2026, 1, 2)},
        ],
        strict=True,
    ):
        expected = compute(rule, dates, cal, Options())[0]
        assert (f.deadline, f.anchor, f.trigger_date) == (
            expected.deadline, expected.anchor, expected.trigger_date,
        )  # fmt: skip
    assert [f.status for f in engine.findings] == [Status.OVERDUE, Status.OVERDUE]


def test_rr_anchor_option_changes_the_deadline(tmp_path: Path) -> None:
    text = HEAD + "C1,2026-11-02,2026-11-09,2026-11-25\n"
    default = audit_text(tmp_path, text, rules=(get_rule("rr-submit"),))
    aware = audit_text(
        tmp_path, text, rules=(get_rule("rr-submit"),), counting=Options(rr_anchor="awareness")
    )
    assert brief(default.findings) == [("C1", "rr-submit", Status.MET, "2026-11-30", 3)]
    assert brief(aware.findings) == [("C1", "rr-submit", Status.LATE, "2026-11-23", 2)]
    assert aware.findings[0].anchor == "awareness"


def test_completion_after_as_of_is_not_done(tmp_path: Path) -> None:
    text = "case_id,lcspr_decision_date,lcspr_publication_date\nC1,2026-06-10,2026-12-08\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("lcspr-complete"),))
    (f,) = engine.findings
    assert (f.status, f.deadline, f.completed, f.days) == (
        Status.PENDING,
        date(2026, 12, 10),
        None,
        7,
    )


def test_window_rules_report_only_while_open(tmp_path: Path) -> None:
    text = "case_id,satisfied_date\nC1,2026-10-12\nC2,2026-10-20\nC3,2026-08-01\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("hl-prev"),))
    assert brief(engine.findings) == [
        ("C1", "hl-prev", Status.DUE_SOON, "2026-12-06", 3),
        ("C2", "hl-prev", Status.PENDING, "2026-12-14", 9),
    ]
    assert sum(engine.counts.values()) == 2


def test_the_duty_to_refer_is_a_check_never_late(tmp_path: Path) -> None:
    """HA 1996 s.213B sets no time limit (in force 1 Oct 2018; timescales §4E HL-REFER): the
    56-day window says from when a referral is due, a referral is never late or overdue, and
    nothing is reported for a homelessness date before 1 Oct 2018."""
    text = (
        "case_id,assessment_date,homeless_date,referral_to_housing_date\n"
        "C1,2026-03-02,2026-04-20,2026-02-20\n"  # window Mon 23 Feb - Mon 20 Apr: before it
        "C2,2026-09-01,2026-10-12,2026-08-20\n"  # window from Mon 17 Aug: within it
        "C3,2026-11-25,2027-01-22,\n"  # window opened Fri 27 Nov: none recorded, open
        "C4,2017-06-01,2017-07-20,\n"  # before s.213B was in force: nothing
        "C5,2026-01-10,2026-03-01,2026-03-05\n"  # after the homelessness date
    )
    found = audit_text(tmp_path, text, rules=(get_rule("hl-refer"),))
    assert [(f.case_id, f.status, f.deadline, f.days) for f in found.findings] == [
        ("C1", Status.CHECK, date(2026, 2, 23), None),
        ("C2", Status.CHECK, date(2026, 8, 17), None),
        ("C3", Status.CHECK, date(2026, 11, 27), None),
        ("C5", Status.CHECK, date(2026, 1, 4), None),  # 1 Mar - 56 days
    ]
    messages = [f.message.split(" (")[0] for f in found.findings]
    assert messages == [
        "Check: the date of the referral to the housing authority on Fri 20 Feb 2026 was "
        "before the window opened",
        "Check: the date of the referral to the housing authority on Thu 20 Aug 2026 was "
        "within the window",
        "Check: none recorded and the window is open",
        "Check: the date of the referral to the housing authority on Thu 5 Mar 2026 was "
        "after the homelessness date",
    ]
    assert found.counts[Status.LATE] == found.counts[Status.OVERDUE] == 0


def test_a_threshold_is_not_audited(tmp_path: Path) -> None:
    """hl-threat is the s.175(4) test, not a deadline: asked for, it is named and skipped."""
    text = "case_id,assessment_date,homeless_date,referral_to_housing_date\nC1,2026-03-02,2026-04-20,\n"
    with pytest.raises(ColumnError, match="no usable column"):
        audit_text(tmp_path, text, rules=(get_rule("hl-threat"),))


def test_invalid_completion_and_other_rules_still_run(tmp_path: Path) -> None:
    text = HEAD + "C1,2026-06-01,next week,\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"), get_rule("rr-submit")))
    assert [(f.rule, f.status, f.column, f.value) for f in engine.findings] == [
        ("sin-panel", Status.INVALID, "notification_date", "next week"),
        ("rr-submit", Status.INVALID, "notification_date", "next week"),
    ]
    text = "case_id,aware_date,notification_date,lcspr_decision_date,lcspr_publication_date\nC1,bad,,2026-01-20,2026-04-14\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"), get_rule("lcspr-complete")))
    assert [(f.rule, f.status) for f in engine.findings] == [
        ("sin-panel", Status.INVALID),
        ("lcspr-complete", Status.MET),
    ]


def test_only_kept_statuses_are_built_but_all_are_counted(tmp_path: Path) -> None:
    text = HEAD + "C1,2025-12-22,2025-12-31,\nC2,2026-11-20,,\n"
    engine = audit_text(
        tmp_path, text, rules=(get_rule("sin-panel"),), keep=frozenset({Status.OVERDUE})
    )
    assert [f.case_id for f in engine.findings] == ["C2"]
    assert engine.counts[Status.MET] == 1 and engine.counts[Status.OVERDUE] == 1


def test_flags_skip_rules(tmp_path: Path) -> None:
    text = (
        "Child Unique ID,Date of referral,Referral NFA?,Continuous Assessment Date of Authorisation,"
        "Strategy discussion initiating Section 47 Enquiry Start Date,"
        "Was an Initial Child Protection Conference deemed unnecessary?,"
        "Date of Initial Child Protection Conference\n"
        "A1,05/10/2026,a) Yes,,01/10/2026,a) Yes,\n"
        "A2,05/10/2026,b) No,,01/10/2026,b) No,\n"
    )
    engine = audit_text(tmp_path, text, rules=(get_rule("sa-45"), get_rule("icpc-2013")))
    assert [(f.case_id, f.rule, f.status) for f in engine.findings] == [
        ("A2", "sa-45", Status.DUE_SOON),
        ("A2", "icpc-2013", Status.OVERDUE),
    ]


def test_findings_carry_row_file_and_source(tmp_path: Path) -> None:
    text = "\n" + HEAD + "\n,,,\nC1,2026-11-20,,\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"),))
    (f,) = engine.findings
    assert f.row == 5
    assert f.file.endswith("in.csv")
    assert f.source == get_rule("sin-panel").source
    assert f.force == "guidance"


@pytest.mark.parametrize(
    "cell",
    ["2026-11-20", "20/11/2026", "20/11/26", "20-11-2026", "20 Nov 2026", "20 November 2026",
     "20/11/2026 00:00:00", "2026-11-20T00:00:00", "46346", "46346.0", " 20/11/2026 "],
)  # fmt: skip
def test_date_forms(tmp_path: Path, cell: str) -> None:
    engine = audit_text(tmp_path, HEAD + f'C1,"{cell}",,\n', rules=(get_rule("sin-panel"),))
    (f,) = engine.findings
    assert (f.trigger_date, f.status) == (date(2026, 11, 20), Status.OVERDUE)


@pytest.mark.parametrize("cell", ["NULL", "n/a", "  "])
def test_empty_words_are_empty(tmp_path: Path, cell: str) -> None:
    engine = audit_text(tmp_path, HEAD + f"C1,2026-11-20,{cell},\n", rules=(get_rule("sin-panel"),))
    assert [f.status for f in engine.findings] == [Status.OVERDUE]


def test_dates_outside_the_calendar_are_invalid_not_fatal(tmp_path: Path) -> None:
    text = HEAD + "C1,31/12/2100,,\nC2,01/01/1800,,\nC3,2026-11-20,01/01/1801,\n"
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"),))
    assert [(f.case_id, f.status, f.column) for f in engine.findings] == [
        ("C1", Status.INVALID, "aware_date"),
        ("C2", Status.INVALID, "aware_date"),
        ("C3", Status.INVALID, "notification_date"),
    ]
    assert engine.findings[1].message.endswith("outside the years wtcheck can count (1872–2100)")


def test_an_icpc_that_made_no_plan_has_no_review_due(tmp_path: Path) -> None:
    """Real-data issue item 4: no first review is due after an ICPC that made no plan."""
    text = (
        "case_id,icpc_date,review_conference_date,icpc_resulted_in_plan\n"
        "C1,2026-06-01,,b) No\n"  # no plan: nothing due
        "C2,2026-06-01,,a) Yes\n"  # a plan: first review due Tue 1 Sep 2026, overdue
        "C3,2026-06-01,,\n"  # not recorded: the review is still due
    )
    found = audit_text(tmp_path, text, rules=(get_rule("rcpc-first"),))
    assert [(f.case_id, f.status, f.deadline) for f in found.findings] == [
        ("C2", Status.OVERDUE, date(2026, 9, 1)),
        ("C3", Status.OVERDUE, date(2026, 9, 1)),
    ]


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("13/07/2026", []),  # the plan ended the day before the review fell due: nothing
        ("14/07/2026", []),  # ended on the due day: its clock stopped with it
        ("15/07/2026", [(Status.OVERDUE, date(2026, 7, 14), 1)]),  # missed, counted to the end
        ("", [(Status.OVERDUE, date(2026, 7, 14), 99)]),  # open: counted to the as-of date
        ("15/12/2026", [(Status.OVERDUE, date(2026, 7, 14), 99)]),  # ends after the as-of date
    ],
)
def test_a_plans_end_stops_its_review_clock(
    tmp_path: Path, end: str, expected: list[tuple[Status, date, int]]
) -> None:
    """Real-data issue item 4 (real-data.md §5.7): reviews are due only while the plan
    lasts. Latest review Wed 14 Jan 2026: the next is due 6 months on, Tue 14 Jul 2026."""
    text = (
        "case_id,cp_plan_start_date,cp_plan_end_date,latest_review_date\n"
        f"C1,15/10/2025,{end},14/01/2026\n"
    )
    found = audit_text(tmp_path, text, rules=(get_rule("rcpc-next"),))
    assert [(f.status, f.deadline, f.days) for f in found.findings] == expected


def test_an_unreadable_cell_is_shown_as_python_shows_it(tmp_path: Path) -> None:
    """The value column holds the cell's text (stripped); the message shows it as repr
    does: plain ASCII in single quotes, anything else (a quote, a backslash, a control
    character, non-ASCII) as Python escapes it."""
    from wtcheck.dates import EXPECTED

    cells = ["unknown", "it's", "a\\b", "x\x01y", "café", " spaced\u00a0"]
    text = "case_id,aware_date,notification_date\n" + "".join(
        f'C{n},"{c}",\n' for n, c in enumerate(cells)
    )
    engine = audit_text(tmp_path, text, rules=(get_rule("sin-panel"),))
    assert [(f.row, f.value, f.message) for f in engine.findings] == [
        (2, "unknown", f"row 2, column 'aware_date': 'unknown': {EXPECTED}"),
        (3, "it's", f"row 3, column 'aware_date': \"it's\": {EXPECTED}"),
        (4, "a\\b", f"row 4, column 'aware_date': 'a\\\\b': {EXPECTED}"),
        (5, "x\x01y", f"row 5, column 'aware_date': 'x\\x01y': {EXPECTED}"),
        (6, "café", f"row 6, column 'aware_date': 'café': {EXPECTED}"),
        (7, "spaced", f"row 7, column 'aware_date': 'spaced': {EXPECTED}"),
    ]
    # only plain texts: the same messages, without a single lookup of an escaped form
    plain = audit_text(
        tmp_path,
        "case_id,aware_date,notification_date\nC0,unknown,\n",
        rules=(get_rule("sin-panel"),),
    )
    assert [f.message for f in plain.findings] == [
        f"row 2, column 'aware_date': 'unknown': {EXPECTED}"
    ]
