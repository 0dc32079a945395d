from __future__ import annotations

from pathlib import Path

import pytest

from wtcheck.errors import ConfigError
from wtcheck.inputs.columns import load_mapping, match_columns, normalise, parse_bool


def test_normalise_ignores_case_space_and_punctuation() -> None:
    assert normalise(" Date of Referral ") == normalise("date_of_referral") == "dateofreferral"
    assert normalise("Referral NFA?") == "referralnfa"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (  # CIN census
            ["LAchildID", "CINreferralDate", "AssessmentActualStartDate", "AssessmentAuthorisationDate",
             "S47ActualStartDate", "DateOfInitialCPC", "CPPreviewDate", "ICPCnotRequired", "ReferralNFA"],
            ["case_id", "referral", "assessment_start", "assessment_authorised", "strategy_discussion",
             "icpc", "review_conference", "icpc_not_required", "referral_nfa"],
        ),
        (  # Annex A
            ["Child Unique ID", "Date of referral", "Continuous Assessment Start Date",
             "Continuous Assessment Date of Authorisation",
             "Strategy discussion initiating Section 47 Enquiry Start Date",
             "Date of Initial Child Protection Conference", "Date of latest review conference",
             "Was an Initial Child Protection Conference deemed unnecessary?", "Referral NFA?"],
            # "latest review" is never read as the first review (real-data issue)
            ["case_id", "referral", "assessment_start", "assessment_authorised", "strategy_discussion",
             "icpc", "latest_review", "icpc_not_required", "referral_nfa"],
        ),
        (  # Standard Safeguarding Dataset
            ["pers_person_id", "cine_referral_date", "cina_assessment_start_date",
             "cina_assessment_auth_date", "s47e_s47_start_date", "icpc_icpc_date",
             "cppr_cp_review_date", "cine_referral_nfa"],
            ["case_id", "referral", "assessment_start", "assessment_authorised", "strategy_discussion",
             "icpc", "review_conference", "referral_nfa"],
        ),
        (  # Liquidlogic LCS warehouse
            ["DIM_PERSON_ID", "REFRL_START_DTTM", "START_DTTM"],
            ["case_id", "referral"],
        ),
        (  # wtcheck's own names, any case
            ["Case ID", "AWARE DATE", "notification-date", "homeless_date"],
            ["case_id", "aware", "notification", "homeless"],
        ),
    ],
    ids=["cin", "annex-a", "ssd", "lcs", "own"],
)  # fmt: skip
def test_alias_families(headers: list[str], expected: list[str]) -> None:
    columns = match_columns(headers)
    assert list(columns.index) == [k for k in columns.index if k in expected]
    assert sorted(columns.index) == sorted(expected)
    for key in expected:
        assert columns.header_for(key) in headers


def test_unused_headers_are_reported() -> None:
    columns = match_columns(["case_id", "Team", "aware_date", "START_DTTM"])
    assert columns.unused == ("Team", "START_DTTM")


def test_mapping_file(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('[columns]\nreferral_date = "Ref Date"\ncase_id = ["Client", "Person"]\n')
    mapping = load_mapping(path)
    assert mapping == {"referral": ("Ref Date",), "case_id": ("Client", "Person")}
    columns = match_columns(["Person", "ref date", "LAchildID", "Gone"], mapping)
    assert columns.header_for("case_id") == "Person"
    assert columns.header_for("referral") == "ref date"
    assert columns.missing_mapped == ("Client",)
    assert columns.unused == ("LAchildID", "Gone")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[columns]\nref = "X"\n', "unknown column 'ref'"),
        ("[columns]\nreferral_date = 3\n", "referral_date: expected a header name"),
        ('columns = "x"\n', "expected a [columns] table"),
        ("[columns\n", "invalid TOML"),
    ],
)
def test_bad_mapping_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "map.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_mapping(path)


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("1", True), ("Y", True), ("Yes", True), ("a) Yes", True), ("A)  yes", True),
     ("false", False), ("0", False), ("n", False), ("No", False), ("b) No", False), ("", False),
     ("maybe", None), ("2", None)],
)  # fmt: skip
def test_parse_bool(text: str, value: bool | None) -> None:
    assert parse_bool(text) is value
