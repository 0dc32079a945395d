"""The real-data vocabulary of wtcheck.inputs.columns: Annex A, CIN census, SSD and the SSD
generator's names, episode ids, presets, suggestions, month-first detection and the
config file's [columns] table."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtcheck.config_reader import columns_from_config
from wtcheck.errors import ColumnError, ConfigError, InputError
from wtcheck.inputs.columns import (
    ALIASES,
    EPISODE_ID,
    KEYS,
    PRESETS,
    ColumnMap,
    load_mapping,
    looks_month_first,
    match_columns,
    missing_column_message,
    normalise,
    own_name,
    preset_mapping,
    suggest,
)


def test_no_alias_belongs_to_two_keys() -> None:
    seen: dict[str, str] = {}
    for key, names in ALIASES.items():
        for name in (*names, own_name(key)):
            n = normalise(name)
            assert seen.setdefault(n, key) == key, (name, key, seen[n])


def test_every_key_has_an_own_name_and_is_listed() -> None:
    assert set(ALIASES) <= set(KEYS)
    assert len({own_name(k) for k in KEYS}) == len(KEYS)
    for key in ("cp_plan_start", "cp_plan_end", "latest_review", "icpc_resulted_in_plan",
                "icpc_target", "review_due", "assessment_due", EPISODE_ID):  # fmt: skip
        assert key in KEYS


@pytest.mark.parametrize(
    ("header", "key"),
    [
        # SSD's Annex A generator (real-data.md §3.4)
        ("ChildUniqueID", "case_id"),
        ("ReferralDate", "referral"),
        ("CINStartDate", "referral"),
        ("ContinuousAssessmentStart", "assessment_start"),
        ("ContinuousAssessmentAuthDate", "assessment_authorised"),
        ("StratDiscussionDate", "strategy_discussion"),
        ("InitialCPConfDate", "icpc"),
        ("InitialCPConfUnnecessary", "icpc_not_required"),
        ("CPConfResultInCPPlan", "icpc_resulted_in_plan"),
        ("DateOfLatestReviewConf", "latest_review"),
        ("ChildProtectionPlanStartDate", "cp_plan_start"),
        ("ChildProtectionPlanEndDate", "cp_plan_end"),
        ("DateOfLastStatutoryVisit", "cp_visit"),
        # Annex A 2023/24 headers (§1.3)
        ("Date of Referral", "referral"),
        ("Child Protection Plan Start Date", "cp_plan_start"),
        ("Child Protection Plan End Date", "cp_plan_end"),
        ("Date of latest review conference", "latest_review"),
        ("Date of the Last Statutory Visit", "cp_visit"),
        ("Did the Initial Child Protection Conference Result in a Child Protection Plan",
         "icpc_resulted_in_plan"),
        # CIN census elements (§2.2)
        ("CPPstartDate", "cp_plan_start"),
        ("CPPendDate", "cp_plan_end"),
        ("CPPreviewDate", "review_conference"),
        ("InitialCPCtarget", "icpc_target"),
        ("CINdetailsID", EPISODE_ID),
        # SSD tables (§3.1, §3.2)
        ("s47e_person_id", "case_id"),
        ("cina_person_id", "case_id"),
        ("cppr_person_id", "case_id"),
        ("cppl_cp_plan_start_date", "cp_plan_start"),
        ("icpc_icpc_target_date", "icpc_target"),
        ("icpc_icpc_outcome_cp_flag", "icpc_resulted_in_plan"),
        ("cppr_cp_review_due", "review_due"),
        ("cppr_cp_review_date", "review_conference"),
        ("s47e_s47_enquiry_id", EPISODE_ID),
        # lower-case LA export names (§1.6)
        ("dateofauthorisation", "assessment_authorised"),
        ("refrl_start_dttm", "referral"),
    ],
)  # fmt: skip
def test_default_alias(header: str, key: str) -> None:
    columns = match_columns([header])
    assert columns.index == {key: 0}


@pytest.mark.parametrize(
    "header",
    [
        "Date of latest review conference", "DateOfLatestReviewConf",  # latest, never the first
        "Assessment completion date",  # List 2: early help
        "START_DTTM", "DUE_DTTM", "STARTED_ON", "COMPLETED_ON",  # warehouse names: presets only
    ],
)  # fmt: skip
def test_not_read_as(header: str) -> None:
    columns = match_columns(["LAchildID", header])
    assert "review_conference" not in columns.index
    assert "assessment_start" not in columns.index
    assert "assessment_authorised" not in columns.index
    assert "strategy_discussion" not in columns.index


def test_list_2_start_header_is_wtchecks_own_name() -> None:
    # "Assessment start date" (List 2, early help) normalises to wtcheck's own
    # assessment_start_date: only the Annex A sheet classifier keeps List 2 out.
    assert match_columns(["Assessment start date"]).index == {"assessment_start": 0}


def test_ssd_generator_list_5_header_row() -> None:
    headers = ["ChildUniqueID", "Gender", "Ethnicity", "DateOfBirth", "Age", "HasDisability",
               "StratDiscussionDate", "InitialCPConfUnnecessary", "InitialCPConfDate",
               "CPConfResultInCPPlan", "NumberS47s12m", "NumberICPCs12m", "AllocatedTeam",
               "AllocatedWorker"]  # fmt: skip
    columns = match_columns(headers)
    assert {k: headers[i] for k, i in columns.index.items()} == {
        "case_id": "ChildUniqueID",
        "strategy_discussion": "StratDiscussionDate",
        "icpc_not_required": "InitialCPConfUnnecessary",
        "icpc": "InitialCPConfDate",
        "icpc_resulted_in_plan": "CPConfResultInCPPlan",
    }


def _episodes(columns: ColumnMap, rows: list[list[str]]) -> list[str]:
    """The audit's episode column for *rows* (cells as c0, c1, ... of the header)."""
    import polars as pl

    from wtcheck.audit.pipeline import episode

    frame = pl.DataFrame(rows, schema=[f"c{i}" for i in range(len(rows[0]))], orient="row")
    return frame.select(episode(columns)).to_series().to_list()


def test_episode_ids_of_a_cin_table_are_all_kept_in_hierarchy_order() -> None:
    headers = ["LAchildID", "CPPID", "CINdetailsID", "CPPstartDate", "CPPreviewDate"]
    columns = match_columns(headers)
    assert columns.index[EPISODE_ID] == 2
    assert columns.episode == (2, 1)  # CINdetailsID, then CPPID
    assert columns.unused == ()
    assert _episodes(columns, [["C1", "1", "2"], ["C1", "", "2"]]) == [
        "CINdetailsID 2, CPPID 1",
        "CINdetailsID 2",
    ]


def test_one_ssd_id_is_its_bare_value_and_a_mapped_episode_column_stands_alone() -> None:
    columns = match_columns(["cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_date"])
    assert columns.episode == (1,)
    assert _episodes(columns, [["P1", " PL0042 "]]) == ["PL0042"]
    mapped = match_columns(["Child", "Plan ref", "CINdetailsID"], {EPISODE_ID: ("Plan ref",)})
    assert mapped.episode == (1,)
    assert mapped.unused == ("Child", "CINdetailsID")


def test_suggest() -> None:
    own = [own_name(k) for k in KEYS]
    assert suggest("referal_date", own) == ["referral_date"]
    assert suggest("referal_date", own, n=2) == ["referral_date", "referral_nfa"]
    assert suggest("Strategy Discusion Date", own) == ["strategy_discussion_date"]
    assert suggest("zzz", own) == []


def test_mapping_key_misspelt_is_suggested(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('[columns]\nstrategy_discusion_date = "Strat"\n')
    with pytest.raises(ConfigError) as err:
        load_mapping(path)
    assert str(err.value).startswith(
        f"--mapping {path}: unknown column 'strategy_discusion_date' "
        "(did you mean 'strategy_discussion_date'?); expected one of case_id, episode_id, "
    )


def test_missing_column_message_names_tried_and_nearest() -> None:
    message = missing_column_message(
        "assessment_authorised",
        ["Child Unique ID", "Continuous Assessment Start Date", "Cont. Assessment Authorisation Dt",
         "Allocated Team"],
        source="list4.csv",
        rule="sa-45",
        unused=["Cont. Assessment Authorisation Dt", "Allocated Team"],
    )  # fmt: skip
    assert message == (
        "list4.csv: rule sa-45 needs the assessment_authorised_date column; tried "
        "assessment_authorised_date, AssessmentAuthorisationDate, "
        "Continuous Assessment Date of Authorisation, ContinuousAssessmentAuthDate, "
        "cina_assessment_auth_date, dateofauthorisation; nearest header in the file: "
        "'Cont. Assessment Authorisation Dt' (map it with --mapping or [columns] in the "
        "config file)"
    )


def test_missing_column_message_with_nothing_close() -> None:
    message = missing_column_message("icpc", ["LAchildID", "Team"], mapping={"icpc": ("ICPC",)})
    assert message == (
        "no icpc_date column; tried ICPC, icpc_date, DateOfInitialCPC, "
        "Date of Initial Child Protection Conference, InitialCPConfDate, icpc_icpc_date; "
        "no header in the file is close (map one with --mapping or [columns])"
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["03/25/2024", "01/02/2024"], True),  # 25 cannot be a month
        (["03/25/2024", "25/03/2024"], False),  # the other way round too: day-first data
        (["13/01/2024"], False),
        (["12/13/2024"], True),  # boundary: first 12, second 13
        (["13/12/2024"], False),
        (["12/12/2024", "01/02/2024"], False),  # ambiguous everywhere: no warning
        (["2024-03-25", "", None, "25 Mar 2024"], False),  # ISO and text months ignored
        (["3-25-24"], True),
        (["03.25.2024 10:00"], True),
    ],
)
def test_looks_month_first(values: list[str | None], expected: bool) -> None:
    assert looks_month_first(values) is expected


def test_config_columns_table_does_what_mapping_does(tmp_path: Path) -> None:
    path = tmp_path / "wtcheck.toml"
    assert columns_from_config({"referral_date": "Ref Date", "icpc": ["ICPC", "Conf"]}, path) == {
        "referral": ("Ref Date",),
        "icpc": ("ICPC", "Conf"),
    }
    with pytest.raises(ConfigError) as err:
        columns_from_config({"refferal_date": "X"}, path, line=4)
    assert str(err.value).startswith(
        f"config file {path}, line 4: [columns]: unknown column 'refferal_date' "
        "(did you mean 'referral_date'?)"
    )
    with pytest.raises(ConfigError) as err:
        columns_from_config({"icpc_date": 3}, path)
    assert str(err.value) == (
        f"config file {path}: [columns]: icpc_date: expected a header name or a list of header names"
    )
    with pytest.raises(ConfigError):
        columns_from_config("Ref Date", path)


@pytest.mark.parametrize(
    ("preset", "headers", "source", "table", "mapping"),
    [
        ("lcs", ["DIM_PERSON_ID", "FACT_CP_PLAN_ID", "START_DTTM", "END_DTTM"], "fact_cp_plan.csv",
         "FACT_CP_PLAN", {"cp_plan_start": ("START_DTTM",), "cp_plan_end": ("END_DTTM",)}),
        ("lcs", ["DIM_PERSON_ID", "FACT_S47_ID", "START_DTTM"], "export.csv",  # by column
         "FACT_S47", {"strategy_discussion": ("START_DTTM",)}),
        ("lcs", ["DIM_PERSON_ID", "FACT_CP_REVIEW_ID", "DUE_DTTM", "MEETING_DTTM"], "x.csv",
         "FACT_CP_REVIEW", {"review_due": ("DUE_DTTM",), "review_conference": ("MEETING_DTTM",)}),
        ("mosaic", ["PERSON_ID", "WORKFLOW_STEP_ID", "STARTED_ON", "COMPLETED_ON"],
         "Assessments 2024.csv", "assessment steps",
         {"assessment_start": ("STARTED_ON",), "assessment_authorised": ("COMPLETED_ON",)}),
        ("MOSAIC", ["PERSON_ID", "WORKFLOW_STEP_ID", "STARTED_ON"], "s47_steps.csv",
         "section 47 steps", {"strategy_discussion": ("STARTED_ON",)}),
    ],
)  # fmt: skip
def test_presets(
    preset: str, headers: list[str], source: str, table: str, mapping: dict[str, tuple[str, ...]]
) -> None:
    got = preset_mapping(preset, headers, source)
    chosen = [t for t in PRESETS[preset.lower()] if t.name == table]
    assert len(chosen) == 1
    assert got == dict(chosen[0].columns)
    assert {k: v for k, v in got.items() if k not in ("case_id", EPISODE_ID)} == mapping
    columns = match_columns(headers, got)
    for key, (header,) in mapping.items():
        assert columns.header_for(key) == header


def test_preset_table_unknown_is_an_error_not_a_guess() -> None:
    with pytest.raises(ColumnError) as err:
        preset_mapping("lcs", ["DIM_PERSON_ID", "START_DTTM"], "extract.csv")
    assert str(err.value).startswith(
        "extract.csv: --preset lcs: cannot tell which table this file holds; name the file "
        "after it (factreferral, factsingleassessment, facts47, "
    )
    with pytest.raises(InputError) as err2:
        preset_mapping("mosiac", [], "")
    assert str(err2.value) == (
        "--preset: unknown preset 'mosiac' (did you mean 'mosaic'?); expected one of lcs, mosaic"
    )


def test_start_dttm_alone_stays_unused_without_a_preset() -> None:
    columns = match_columns(["DIM_PERSON_ID", "START_DTTM", "END_DTTM"])
    assert columns.index == {"case_id": 0}
    assert columns.unused == ("START_DTTM", "END_DTTM")
