"""wtcheck.inputs.annex_a: lists recognised by sheet name and header row; which are audited."""

from __future__ import annotations

import pytest

from wtcheck.inputs.annex_a import (
    AUDITED,
    LIST_HEADERS,
    NOT_AUDITED,
    SSD_HEADERS,
    classify_sheets,
    find_header_row,
    list_from_headers,
    list_from_name,
)
from wtcheck.inputs.columns import match_columns
from wtcheck.rules import BY_ID


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("List 1", 1), ("List 11", 11), ("List1", 1), ("list_4", 4), ("LIST-5", 5), ("L7", 7),
        ("List 07", 7), ("List 7 - Child Protection", 7), ("Annex A List 10", 10),
        ("AA_4_assessments", 4), ("list_5.csv", 5), ("List 3 Referrals.xlsx", 3),
        ("Early Help Assessments", 2), ("Assessments", 4), ("Adopters", 11), ("Adoption", 10),
        ("CLA", 8), ("Looked after children", 8), ("Section 47", 5), ("ICPCs", None),
        ("Children in Need", 6), ("Care Leavers", 9), ("Contacts", 1), ("Referrals", 3),
        ("Child Protection Plans", 7),
        ("List 12", None), ("List 0", None), ("Sheet1", None), ("Lists", None), ("Notes", None),
        ("Clarity", None),  # "cla" only as a whole word
    ],
)  # fmt: skip
def test_list_from_name(name: str, number: int | None) -> None:
    assert list_from_name(name) == number


def test_every_list_is_recognised_by_its_headers_alone() -> None:
    for number, headers in LIST_HEADERS.items():
        assert list_from_headers(headers) == number
        assert list_from_headers(SSD_HEADERS[number]) == number
    assert list_from_headers(["Child Unique ID", "Gender"]) is None  # common to all


def test_header_row_one_or_two_chat_title_row() -> None:
    assert find_header_row([list(LIST_HEADERS[4]), ["A1", "b) Female"]]) == 0
    chat = [["List 4: Assessments (01/01/2024 - 30/06/2024)"], list(LIST_HEADERS[4])]
    assert find_header_row(chat) == 1
    assert find_header_row([["x"], ["y"], ["z"], ["w"], ["v"], list(LIST_HEADERS[4])]) is None
    assert find_header_row([[None, "Child Unique ID", 44090, "Gender"]]) == 0


def test_classify_a_workbook() -> None:
    names = [f"List {n}" for n in range(1, 12)] + ["Notes"]
    rows = [[list(LIST_HEADERS[n])] for n in range(1, 12)] + [[["Read me"]]]
    kinds = classify_sheets(names, rows)
    assert [k.list_number for k in kinds] == [*range(1, 12), None]
    assert [k.list_number for k in kinds if k.audited] == [4, 5, 7]
    assert {k.list_number: k.rules for k in kinds if k.audited} == {
        4: ("sa-45",),
        5: ("icpc-2013", "icpc-2010"),
        7: ("rcpc-first", "rcpc-next"),
    }
    assert all(k.header_row == 0 and k.recognised_by == "name" for k in kinds[:11])
    assert kinds[6].title == "List 7 (Child protection)"
    assert kinds[1].reason == (
        "early help assessments: not the statutory assessment; no national timescale"
    )
    assert kinds[11].reason == "not an Annex A list"


def test_audited_rule_ids_exist_and_every_list_has_a_reason() -> None:
    for rules, _ in AUDITED.values():
        for rule_id in rules:
            assert rule_id in BY_ID
    assert sorted([*AUDITED, *NOT_AUDITED]) == list(range(1, 12))


def test_recognised_by_headers_when_the_name_says_nothing() -> None:
    chat = [["Section 47 and ICPC, 6 months to 30/06/2025"], list(SSD_HEADERS[5])]
    (kind,) = classify_sheets(["Sheet3"], [chat])
    assert (kind.list_number, kind.header_row, kind.recognised_by, kind.audited) == (
        5, 1, "headers", True,
    )  # fmt: skip


def test_name_and_headers_disagree_is_not_audited() -> None:
    (kind,) = classify_sheets(["List 4"], [[list(LIST_HEADERS[7])]])
    assert not kind.audited
    assert kind.reason == (
        "the sheet name says List 4 but the headers are those of List 7; "
        "rename the sheet or fix the headers"
    )


def test_list_without_a_header_row() -> None:
    (kind,) = classify_sheets(["List 5"], [[["a", "b"], ["c"]]])
    assert (kind.list_number, kind.header_row, kind.audited) == (5, None, False)
    assert kind.reason == "no header row with Annex A headers in the first 5 rows"


def test_audited_lists_headers_match_the_columns_their_rules_need() -> None:
    found = {n: set(match_columns(LIST_HEADERS[n]).index) for n in AUDITED}
    assert {"case_id", "assessment_start", "assessment_authorised"} <= found[4]
    assert "referral" not in found[4]
    assert {"case_id", "strategy_discussion", "icpc", "icpc_not_required",
            "icpc_resulted_in_plan"} <= found[5]  # fmt: skip
    assert {"case_id", "cp_plan_start", "cp_plan_end", "latest_review", "cp_visit"} <= found[7]
    assert "review_conference" not in found[7]
    for n in AUDITED:
        assert set(match_columns(SSD_HEADERS[n]).index) == found[n]
