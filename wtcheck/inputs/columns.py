"""Which header holds which date: aliases, normalisation, mapping files.

Headers are matched case-, space- and punctuation-insensitively
(:func:`normalise`): ``Date of referral``, ``date_of_referral`` and
``DATE OF REFERRAL`` are one header. Each concept (:mod:`wtcheck.concepts`)
is found, in order of preference, by the header a mapping file gives it,
by wtcheck's own column name, then by the default aliases below (the CIN
census, Annex A, the Standard Safeguarding Dataset and Liquidlogic LCS
warehouse names; ``shared/docs/peers.md``).

Besides the date concepts the audit reads the case id (``case_id``) and two
flags: ``icpc_not_required`` and ``referral_nfa`` (booleans, see
:func:`parse_bool`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wtcheck.concepts import CONCEPTS
from wtcheck.errors import ColumnError, ConfigError, InputError

if TYPE_CHECKING:
    import polars as pl

CASE_ID = "case_id"
EPISODE_ID = "episode_id"
ICPC_NOT_REQUIRED = "icpc_not_required"
REFERRAL_NFA = "referral_nfa"
ICPC_RESULTED_IN_PLAN = "icpc_resulted_in_plan"
FLAGS = (ICPC_NOT_REQUIRED, REFERRAL_NFA, ICPC_RESULTED_IN_PLAN)

CP_PLAN_START = "cp_plan_start"
CP_PLAN_END = "cp_plan_end"
LATEST_REVIEW = "latest_review"
ICPC_TARGET = "icpc_target"
REVIEW_DUE = "review_due"
ASSESSMENT_DUE = "assessment_due"
EXTRA_DATES: dict[str, str] = {
    CP_PLAN_START: "cp_plan_start_date",
    CP_PLAN_END: "cp_plan_end_date",
    LATEST_REVIEW: "latest_review_date",
    ICPC_TARGET: "icpc_target_date",
    REVIEW_DUE: "review_due_date",
    ASSESSMENT_DUE: "assessment_due_date",
}
"""Date columns the audit reads that are not (yet) concepts of
:mod:`wtcheck.concepts`: key → wtcheck's own header. ``latest_review`` is the
one "date of latest review conference" column of Annex A List 7 and SSD's
Annex A output; it is never read as the first review (``review_conference``).
The last three are a case system's own stored due dates."""

STORED_DUE: dict[str, str] = {
    ICPC_TARGET: "icpc",
    REVIEW_DUE: "review_conference",
    ASSESSMENT_DUE: "assessment_authorised",
}
"""Stored due date key → the concept whose deadline it states."""

SSD_PERSON_IDS: tuple[str, ...] = (
    "pers_person_id", "cine_person_id", "cina_person_id", "s47e_person_id",
    "icpc_person_id", "cppl_person_id", "cppr_person_id", "cppv_person_id",
    "cinv_person_id",
)  # fmt: skip
"""SSD names each table's child column after the table (real-data.md §3.2)."""

EPISODE_IDS: tuple[str, ...] = (
    # CIN census, as the CIN validator and wtcheck.inputs.cin_xml flatten it:
    # the episode first, then the item within it (ids are counters per parent).
    "CINdetailsID", "AssessmentID", "Section47ID", "CPPID",
    # Standard Safeguarding Dataset: each table's own key (the review table's
    # chain is its plan); these ids are unique on their own.
    "cine_referral_id", "cina_assessment_id", "s47e_s47_enquiry_id", "icpc_icpc_id",
    "cppl_cp_plan_id", "cppr_cp_plan_id",
)  # fmt: skip
"""Episode and item ids, in hierarchy order. A file may carry several (the CIN
``Assessments`` table has ``CINdetailsID`` and ``AssessmentID``): the episode
key of a row is all of those present, joined in this order
(:attr:`ColumnMap.episode`, :func:`wtcheck.audit.pipeline.episode`), so two episodes or two
plans of one child never merge."""

ALIASES: dict[str, tuple[str, ...]] = {
    CASE_ID: (
        "case_id", "LAchildID", "Child Unique ID", "ChildUniqueID", *SSD_PERSON_IDS,
        "person_id", "DIM_PERSON_ID", "child_id", "case_ref", "case_reference",
    ),
    EPISODE_ID: EPISODE_IDS,
    "referral": (
        "CINreferralDate", "Date of referral", "CIN Start Date", "ReferralDate",
        "cine_referral_date", "REFRL_START_DTTM", "refrl_start_dttm",
    ),
    "assessment_start": (
        "AssessmentActualStartDate", "Continuous Assessment Start Date",
        "ContinuousAssessmentStart", "cina_assessment_start_date",
    ),
    "assessment_authorised": (
        "AssessmentAuthorisationDate", "Continuous Assessment Date of Authorisation",
        "ContinuousAssessmentAuthDate", "cina_assessment_auth_date", "dateofauthorisation",
    ),
    "strategy_discussion": (
        "S47ActualStartDate", "Strategy discussion initiating Section 47 Enquiry Start Date",
        "StratDiscussionDate", "s47e_s47_start_date",
    ),
    "icpc": (
        "DateOfInitialCPC", "Date of Initial Child Protection Conference", "InitialCPConfDate",
        "icpc_icpc_date",
    ),
    "review_conference": ("CPPreviewDate", "cppr_cp_review_date"),
    "cp_visit": (
        "Date of the Last Statutory Visit", "DateOfLastStatutoryVisit", "cppv_cp_visit_date",
    ),
    CP_PLAN_START: (
        "CPPstartDate", "Child Protection Plan Start Date", "ChildProtectionPlanStartDate",
        "cppl_cp_plan_start_date",
    ),
    CP_PLAN_END: (
        "CPPendDate", "Child Protection Plan End Date", "ChildProtectionPlanEndDate",
        "cppl_cp_plan_end_date",
    ),
    LATEST_REVIEW: ("Date of latest review conference", "DateOfLatestReviewConf"),
    ICPC_TARGET: ("InitialCPCtarget", "icpc_icpc_target_date"),
    REVIEW_DUE: ("cppr_cp_review_due",),
    ASSESSMENT_DUE: (),
    ICPC_NOT_REQUIRED: (
        "ICPCnotRequired",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "InitialCPConfUnnecessary",
    ),
    REFERRAL_NFA: ("ReferralNFA", "Referral NFA?", "cine_referral_nfa"),
    ICPC_RESULTED_IN_PLAN: (
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "CPConfResultInCPPlan", "icpc_icpc_outcome_cp_flag",
    ),
}  # fmt: skip
"""Default aliases by key. The LCS and Mosaic names shared by several tables
(``START_DTTM``, ``DUE_DTTM``, ``STARTED_ON``, ...) are left out: they mean
different dates in different tables, so they need a preset (:data:`PRESETS`)
or a mapping file. The Annex A List 2 headers ``Assessment start date`` and
``Assessment completion date`` are early help dates, not the statutory
assessment, so they are not aliases either."""

KEYS: tuple[str, ...] = (
    CASE_ID, EPISODE_ID, *(c.key for c in CONCEPTS), *EXTRA_DATES, *FLAGS,
)  # fmt: skip
"""Everything the audit can read, in report order."""

_OWN = {
    CASE_ID: CASE_ID,
    EPISODE_ID: EPISODE_ID,
    **{c.key: c.column for c in CONCEPTS},
    **EXTRA_DATES,
    **{f: f for f in FLAGS},
}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def shorten(text: str, limit: int = 60) -> str:
    """*text* cut to *limit* characters (messages that quote a file's data stay short)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def own_name(key: str) -> str:
    """wtcheck's own header for *key* (``referral`` → ``referral_date``)."""
    return _OWN[key]


def normalise(header: str) -> str:
    """*header* for matching: lower case, letters and digits only."""
    return _NON_ALNUM.sub("", header.lower())


_EPISODE_ALIASES = frozenset(normalise(h) for h in EPISODE_IDS)


def _key_for(name: str) -> str | None:
    """The concept key a mapping-file key names (key or own column name)."""
    if name in _OWN:
        return name
    for key, own in _OWN.items():
        if own == name:
            return key
    return None


def load_mapping(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a TOML mapping file: ``[columns] referral_date = "Ref Date"``.

    Keys are concept keys or wtcheck's column names; values are a header or a
    list of headers (the first one present is used). ConfigError names the
    file and the key, and suggests the nearest known key for a misspelt one.
    """
    from wtcheck.config import parse_toml
    from wtcheck.textfile import read_utf8

    where = f"--mapping {path}"
    data = parse_toml(read_utf8(path, where).removeprefix("\ufeff"), where)
    table = data.get("columns")
    if not isinstance(table, dict):
        raise ConfigError(f"--mapping {path}: expected a [columns] table")
    return mapping_from_table(table, f"--mapping {path}")


def mapping_from_table(table: Mapping[str, object], where: str) -> dict[str, tuple[str, ...]]:
    """Check a ``[columns]`` table (of a mapping or config file) and return key → headers.

    *where* starts every error message (``--mapping FILE``, ``config file
    FILE, line 7``).
    """
    mapping: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        key = _key_for(name)
        if key is None:
            hint = suggest(name, [own_name(k) for k in KEYS])
            did = f" (did you mean {' or '.join(repr(h) for h in hint)}?)" if hint else ""
            raise ConfigError(
                f"{where}: unknown column {name!r}{did}; expected one of "
                + ", ".join(own_name(k) for k in KEYS)
            )
        headers = (value,) if isinstance(value, str) else value
        if not isinstance(headers, list | tuple) or not all(isinstance(h, str) for h in headers):
            raise ConfigError(f"{where}: {name}: expected a header name or a list of header names")
        mapping[key] = tuple(headers)
    return mapping


@dataclass(frozen=True)
class ColumnMap:
    """Where each concept is in one file's header."""

    headers: tuple[str, ...]
    index: dict[str, int]
    """Concept key → column index, for the concepts found."""
    unused: tuple[str, ...]
    missing_mapped: tuple[str, ...] = field(default=())
    """Headers the mapping file names that the file does not have."""
    episode: tuple[int, ...] = field(default=())
    """Column indexes of every episode/item id present, in :data:`EPISODE_IDS`
    order (a mapped or own ``episode_id`` column alone when there is one);
    ``index[EPISODE_ID]`` is the first of them."""

    def header_for(self, key: str) -> str | None:
        i = self.index.get(key)
        return None if i is None else self.headers[i]


def match_columns(
    headers: Sequence[str],
    mapping: Mapping[str, Sequence[str]] | None = None,
    source: str = "",
) -> ColumnMap:
    """Match *headers* to concepts; ColumnError names the file and duplicate headers."""
    mapping = mapping or {}
    by_norm: dict[str, int] = {}
    dupes: dict[str, list[str]] = {}
    for i, h in enumerate(headers):
        n = normalise(h)
        if not n:
            continue
        if n in by_norm:
            dupes.setdefault(n, [headers[by_norm[n]]]).append(h)
        else:
            by_norm[n] = i
    if dupes:
        listed = "; ".join(
            " / ".join(repr(shorten(h)) for h in hs) for hs in list(dupes.values())[:5]
        )
        where = f"{source}: " if source else ""
        raise ColumnError(
            f"{where}duplicate column headers (after ignoring case and punctuation): {listed}"
        )
    index: dict[str, int] = {}
    missing_mapped: list[str] = []
    taken: set[int] = set()
    for key in KEYS:
        candidates: list[str] = []
        mapped = mapping.get(key, ())
        for h in mapped:
            if normalise(h) not in by_norm:
                missing_mapped.append(h)
        candidates.extend(mapped)
        candidates.append(own_name(key))
        candidates.extend(ALIASES.get(key, ()))
        for h in candidates:
            found = by_norm.get(normalise(h))
            if found is not None and found not in taken:
                index[key] = found
                taken.add(found)
                break
    episode: list[int] = []
    if EPISODE_ID in index:
        own = index[EPISODE_ID]
        if normalise(headers[own]) in _EPISODE_ALIASES:  # found by alias: take every id
            for h in EPISODE_IDS:
                found = by_norm.get(normalise(h))
                if found is not None and found not in taken - {own}:
                    episode.append(found)
                    taken.add(found)
        else:
            episode.append(own)
        index[EPISODE_ID] = episode[0]
    unused = tuple(h for i, h in enumerate(headers) if i not in taken and h.strip())
    return ColumnMap(tuple(headers), index, unused, tuple(missing_mapped), tuple(episode))


_TRUE = frozenset({"true", "t", "1", "y", "yes", "a) yes", "a)yes"})
_FALSE = frozenset({"false", "f", "0", "n", "no", "b) no", "b)no", ""})


def parse_bool(text: str) -> bool | None:
    """Read a flag cell: true/false, 1/0, Y/N, Yes/No, Annex A ``a) Yes``/``b) No``.

    An empty cell is False; anything else unreadable is None.

    >>> parse_bool("a) Yes"), parse_bool("N"), parse_bool("maybe")
    (True, False, None)
    """
    value = " ".join(text.strip().lower().split())
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


# -- suggestions ---------------------------------------------------------------


def suggest(name: str, candidates: Iterable[str], n: int = 1) -> list[str]:
    """The (at most *n*) *candidates* nearest to *name*, best first; [] if none is close.

    Compared as :func:`normalise` forms (case, spaces and punctuation ignored),
    with :func:`difflib.get_close_matches` (ratio 0.6 or more).

    >>> suggest("referal_date", ["referral_date", "icpc_date"])
    ['referral_date']
    """
    import difflib

    by_norm: dict[str, str] = {}
    for c in candidates:
        by_norm.setdefault(normalise(c), c)
    close = difflib.get_close_matches(normalise(name), list(by_norm), n=n, cutoff=0.6)
    return [by_norm[c] for c in close]


def tried_names(key: str, mapping: Mapping[str, Sequence[str]] | None = None) -> tuple[str, ...]:
    """Every header that would have been taken for *key*, in the order tried."""
    mapped = tuple((mapping or {}).get(key, ()))
    return tuple(dict.fromkeys((*mapped, own_name(key), *ALIASES.get(key, ()))))


def missing_column_message(
    key: str,
    headers: Sequence[str],
    *,
    source: str = "",
    rule: str = "",
    mapping: Mapping[str, Sequence[str]] | None = None,
    unused: Sequence[str] | None = None,
) -> str:
    """One line saying that *key*'s column is missing: the names tried and the nearest header.

    *unused*: the headers no key took (:attr:`ColumnMap.unused`); suggestions
    come from them when given, else from every header.

    For a file ``a.csv`` with headers ``LAchildID, Date of ICPC`` and rule
    icpc-2013: ``a.csv: rule icpc-2013 needs the icpc_date column; tried
    icpc_date, DateOfInitialCPC, ...; nearest header in the file: 'Date of
    ICPC' (map it with --mapping or [columns] in the config file)``.
    """
    tried = tried_names(key, mapping)
    pool = list(unused) if unused is not None else list(headers)
    # compare against every name tried, keep the header nearest to any of them
    best: dict[str, float] = {}
    import difflib

    for h in pool:
        n = normalise(h)
        if not n:
            continue
        score = max(difflib.SequenceMatcher(None, n, normalise(t)).ratio() for t in tried)
        if score >= 0.6:
            best[h] = score
    near = sorted(best, key=lambda h: -best[h])[:2]
    where = f"{source}: " if source else ""
    who = f"rule {rule} needs the" if rule else "no"
    text = f"{where}{who} {own_name(key)} column; tried {', '.join(tried)}"
    if near:
        text += (
            "; nearest header in the file: "
            + " or ".join(repr(h) for h in near)
            + " (map it with --mapping or [columns] in the config file)"
        )
    else:
        text += "; no header in the file is close (map one with --mapping or [columns])"
    return text


# -- month-first dates -------------------------------------------------------------

_NUMERIC_DATE = r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{2}|\d{4})(?:\s|$|T)"


def looks_month_first(values: pl.Series | Iterable[str | None]) -> bool:
    """True when a column's numeric dates look month-first (US ``mm/dd/yyyy``).

    Some value has a second field over 12 with a first field of 12 or less
    (``03/25/2024``), and no value has it the other way round (``25/03/2024``,
    which only day-first can read). wtcheck still reads the column day-first;
    this is for a warning. ISO (``yyyy-mm-dd``) and text months are ignored.
    Over columns: the distinct numeric texts' fields compared at once.

    >>> looks_month_first(["03/25/2024", "01/02/2024"]), looks_month_first(["03/25/2024", "25/03/2024"])
    (True, False)
    """
    import polars as pl

    texts = values if isinstance(values, pl.Series) else pl.Series(list(values), dtype=pl.String)
    fields = (
        texts.filter(texts.str.contains(_NUMERIC_DATE))  # first: junk is mostly distinct
        .unique()
        .str.extract_groups(_NUMERIC_DATE)
        .struct.unnest()
        .select(pl.all().cast(pl.Int32, strict=False))
    )
    first, second = pl.col("1"), pl.col("2")
    day_only, month_only = fields.select(
        ((first > 12) & (second <= 12)).any(), ((second > 12) & (first <= 12)).any()
    ).row(0)
    return bool(month_only) and not day_only


# -- presets -------------------------------------------------------------------------


@dataclass(frozen=True)
class PresetTable:
    """One warehouse table of a preset: how to recognise it and its columns."""

    name: str
    file_words: tuple[str, ...]
    """Words of a file name that say it holds this table (normalised)."""
    columns: Mapping[str, tuple[str, ...]]
    """Key → warehouse column names."""
    signature: tuple[str, ...] = ()
    """Columns that only this table of the preset has; any one recognises it."""


PRESETS: dict[str, tuple[PresetTable, ...]] = {
    "lcs": (
        PresetTable(
            "FACT_REFERRALS", ("factreferral", "referral"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_REFERRAL_ID",),
             "referral": ("REFRL_START_DTTM",)},
            ("REFRL_START_DTTM",),
        ),
        PresetTable(
            "FACT_SINGLE_ASSESSMENT", ("factsingleassessment", "singleassessment", "assessment"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_SINGLE_ASSESSMENT_ID",),
             "assessment_start": ("START_DTTM",)},
            ("FACT_SINGLE_ASSESSMENT_ID",),
        ),
        PresetTable(
            "FACT_S47", ("facts47", "s47", "section47"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_S47_ID",),
             "strategy_discussion": ("START_DTTM",)},
            ("FACT_S47_ID",),
        ),
        PresetTable(
            "FACT_CP_CONFERENCE", ("factcpconference", "cpconference", "icpc", "conference"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_CP_CONFERENCE_ID",),
             ICPC_TARGET: ("DUE_DTTM",), "icpc": ("ACTUAL_MEETING_DTTM",)},
            ("ACTUAL_MEETING_DTTM", "FACT_CP_CONFERENCE_ID"),
        ),
        PresetTable(
            "FACT_CP_PLAN", ("factcpplan", "cpplan", "plan"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_CP_PLAN_ID",),
             CP_PLAN_START: ("START_DTTM",), CP_PLAN_END: ("END_DTTM",)},
        ),
        PresetTable(
            "FACT_CP_REVIEW", ("factcpreview", "cpreview", "review"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_CP_PLAN_ID",),
             REVIEW_DUE: ("DUE_DTTM",), "review_conference": ("MEETING_DTTM",)},
            ("MEETING_DTTM", "FACT_CP_REVIEW_ID"),
        ),
        PresetTable(
            "FACT_CP_VISIT", ("factcpvisit", "cpvisit", "visit"),
            {CASE_ID: ("DIM_PERSON_ID",), EPISODE_ID: ("FACT_CP_PLAN_ID",),
             "cp_visit": ("VISIT_DTTM",)},
            ("VISIT_DTTM",),
        ),
    ),
    "mosaic": (
        PresetTable(
            "referrals", ("referral",),
            {CASE_ID: ("PERSON_ID",), "referral": ("REFERRAL_DATE",)},
            ("REFERRAL_DATE",),
        ),
        PresetTable(
            "assessment steps", ("assessment",),
            {CASE_ID: ("PERSON_ID",), EPISODE_ID: ("WORKFLOW_STEP_ID",),
             "assessment_start": ("STARTED_ON",), "assessment_authorised": ("COMPLETED_ON",)},
        ),
        PresetTable(
            "section 47 steps", ("s47", "section47", "strategy"),
            {CASE_ID: ("PERSON_ID",), EPISODE_ID: ("WORKFLOW_STEP_ID",),
             "strategy_discussion": ("STARTED_ON",)},
        ),
        PresetTable(
            "initial conferences", ("icpc", "initialconference", "initialcp"),
            {CASE_ID: ("PERSON_ID",), EPISODE_ID: ("WORKFLOW_STEP_ID",),
             "icpc": ("CP_CONFERENCE_ACTUAL_DATE",)},
        ),
        PresetTable(
            "review conferences", ("review", "rcpc"),
            {CASE_ID: ("PERSON_ID",), EPISODE_ID: ("WORKFLOW_STEP_ID",),
             "review_conference": ("CP_CONFERENCE_ACTUAL_DATE",),
             REVIEW_DUE: ("CP_CONFERENCE_PLANNED_DATE",)},
            ("CP_CONFERENCE_PLANNED_DATE",),
        ),
        PresetTable(
            "registrations (CP plans)", ("registration", "cpplan", "plan"),
            {CASE_ID: ("PERSON_ID",), EPISODE_ID: ("REGISTRATION_ID",),
             CP_PLAN_START: ("START_DATE",), CP_PLAN_END: ("END_DATE",)},
            ("REGISTRATION_ID",),
        ),
        PresetTable(
            "visits", ("visit",),
            {CASE_ID: ("PERSON_ID",), "cp_visit": ("ACTUAL_DATE",)},
            ("ACTUAL_DATE",),
        ),
    ),
}  # fmt: skip
"""Opt-in warehouse vocabularies (``--preset lcs|mosaic``), as data. Their
names (``START_DTTM``, ``STARTED_ON``) are a different date in each table, so
a preset first decides which table a file is (:func:`preset_mapping`). Sources:
real-data.md §3.3 (SSD's ``cms_path_*`` columns: LCS warehouse; Mosaic
generic and Essex warehouse names)."""


def preset_table(preset: str, headers: Sequence[str], source: str = "") -> PresetTable:
    """Which table of *preset* the file *source* with *headers* holds.

    By a column only that table has, else by a word of the file name
    (``fact_s47.csv``, ``cp_plans.xlsx``); ColumnError when neither tells
    (never a guess).
    """
    tables = _preset(preset)
    have = {normalise(h) for h in headers}
    by_columns = [t for t in tables if any(normalise(c) in have for c in t.signature)]
    if len(by_columns) == 1:
        return by_columns[0]
    stem = normalise(Path(source).stem) if source else ""
    by_name = [t for t in tables if any(w in stem for w in t.file_words)]
    if by_name:
        # the longest (most specific) word wins: "factcpreview" before "review"
        def best(t: PresetTable) -> int:
            return max(len(w) for w in t.file_words if w in stem)

        top = max(best(t) for t in by_name)
        chosen = [t for t in by_name if best(t) == top]
        if len(chosen) == 1:
            return chosen[0]
    where = f"{source}: " if source else ""
    raise ColumnError(
        f"{where}--preset {preset}: cannot tell which table this file holds; name the file "
        "after it (" + ", ".join(t.file_words[0] for t in tables) + ") or map its columns "
        "with --mapping"
    )


def preset_mapping(
    preset: str, headers: Sequence[str], source: str = ""
) -> dict[str, tuple[str, ...]]:
    """The mapping (key → headers) that *preset* gives the file *source*.

    Merge it under a user's own mapping (theirs wins): ``{**preset, **mapping}``.
    """
    return dict(preset_table(preset, headers, source).columns)


def _preset(name: str) -> tuple[PresetTable, ...]:
    tables = PRESETS.get(name.lower())
    if tables is None:
        hint = suggest(name, PRESETS)
        did = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise InputError(
            f"--preset: unknown preset {name!r}{did}; expected one of {', '.join(PRESETS)}"
        )
    return tables
