"""Which sheet of an Ofsted Annex A workbook is which list, and which lists the audit checks.

An Annex A workbook (real-data.md §1) has eleven lists, one per sheet, named
``List 1`` … ``List 11`` (or as councils rename them: ``List 4 - Assessments``,
``L4``, ``list_4``, ``AA_4_assessments``, ``Assessments``). The header row is
row 1 in an authority's own file and row 2 in Ofsted's ChAT tool (row 1
holds the list's title and period). :func:`classify_sheets` recognises each
sheet by its name, else by its headers, finds its header row, and says
whether the audit can check a timescale on it (Lists 4, 5 and 7) or why not.

This module only classifies; the workbook is opened by the audit's reader
(polars/fastexcel). Nothing here depends on the audit engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wtcheck.inputs.columns import normalise

COMMON = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age")
DISABILITY = "Does the Child have a Disability"
TEAM = ("Allocated Team", "Allocated Worker")

LIST_HEADERS: dict[int, tuple[str, ...]] = {
    1: (*COMMON, "Date of Contact", "Contact Source"),
    2: (*COMMON, "Assessment start date", "Assessment completion date",
        "Organisation completing assessment"),
    3: (*COMMON, "Date of Referral", "Referral Source", "Referral NFA?",
        "Number of Referrals in Last 12 Months", *TEAM),
    4: (*COMMON, DISABILITY, "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?", *TEAM),
    5: (*COMMON, DISABILITY, "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months", *TEAM),
    6: (*COMMON, DISABILITY, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
        "CIN Closure Date", "Reason for Closure", "Case Status", *TEAM),
    7: (*COMMON, DISABILITY, "Child Protection Plan Start Date", "Initial Category of Abuse",
        "Latest Category of Abuse", "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?", "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
        "Months (Y/N)",
        "Number of Previous Child Protection Plans", *TEAM),
    8: (*COMMON, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        DISABILITY, "Date Started to be Looked After", "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last "
        "12 months (Y/N)",
        "Start date of current legal status", "Child's Legal Status",
        "Date of Latest Statutory Review", "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
        "Date of Last Dental Check", "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
        "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
        "months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 "
        "months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        *TEAM),
    9: (*COMMON, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        DISABILITY, *TEAM, "Allocated Personal Advisor", "Eligibility Category",
        "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact",
        "Type of Accommodation", "Suitability of Accommodation", "Activity Status"),
    10: ("Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth",
         "Age of Child (Years)", DISABILITY, "Date the Child Entered Care",
         "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
         "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption",
         "Date of Adoption Order",
         "Date of Decision that Child Should No Longer be Placed for Adoption",
         "Reason Why Child No Longer Placed for Adoption",
         "Date the child was placed for fostering in FFA or concurrent planning placement"),
    11: ("Individual adopter identifier", "Family identifier", "Gender", "Ethnicity",
         "Disability", "Is the (prospective) adopter fostering for adoption?",
         "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
         "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
         "Date application approved", "Date adopter matched with child(ren)",
         "Date child/children placed with adopter(s)", "No. of children placed",
         "Date of Adoption Order", "Date of leaving adoption process",
         "Reason for leaving adoption process"),
}  # fmt: skip
"""The headers of each list, in order, as LIIA's January 2024 sample workbook
has them (real-data.md §1.3; Ofsted's own template was not among the sources)."""

SSD_HEADERS: dict[int, tuple[str, ...]] = {
    1: ("ChildUniqueID", "DateOfContact", "ContactSource"),
    2: ("ChildUniqueID", "AssessmentStartDate", "AssessmentCompletionDate",
        "OrganisationCompletingAssessment"),
    3: ("ChildUniqueID", "ReferralDate", "ReferralSource", "ReferralNFA", "ReferralsLast12Months"),
    4: ("ChildUniqueID", "ContinuousAssessmentStart", "ContinuousAssessmentChildSeen",
        "ContinuousAssessmentAuthDate", "CSCSupportRequired"),
    5: ("ChildUniqueID", "StratDiscussionDate", "InitialCPConfUnnecessary", "InitialCPConfDate",
        "CPConfResultInCPPlan", "NumberS47s12m", "NumberICPCs12m"),
    6: ("ChildUniqueID", "CINStartDate", "PrimaryNeedCode", "DateChildLastSeen", "CINClosureDate",
        "ReasonForClosure", "CaseStatus"),
    7: ("ChildUniqueID", "ChildProtectionPlanStartDate", "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse", "DateOfLastStatutoryVisit", "ChildSeenAlone",
        "DateOfLatestReviewConf", "ChildProtectionPlanEndDate", "ProtectionLastSixMonths",
        "NumberOfPreviousChildProtectionPlans"),
    8: ("ChildUniqueID", "LoookedAfterStartDate", "MostRecentLegalStatusStart",
        "LatestStatutoryReviewDate", "LastSocialWorkVisitDate", "LastIROVisitDate",
        "CeasedLookedAfterDate", "MostRecentPlacementStartDate"),
    9: ("ChildUniqueID", "LatestPathwayPlan", "LatestContact"),
    10: ("ChildUniqueID", "EnteredCareDate", "ADMSHOBPADecisionDate", "PlacementOrderDate",
         "MatchedForAdoptionDate", "PlacedForAdoptionDate", "DecisionReversedDate",
         "DateFFAConsurrencyPlacement"),
    11: ("Stage1StartDate", "Stage1EndDate", "Stage2StartDate", "Stage2EndDate", "MatchedDate",
         "PlacedDate", "AdoptionLeaveDate"),
}  # fmt: skip
"""Headers of the SSD Annex A generator's tables ``AA_1_contacts`` … (real-data.md §3.4)."""

TITLES: dict[int, str] = {
    1: "Contacts", 2: "Early help assessments", 3: "Referrals", 4: "Assessments",
    5: "Section 47 enquiries and ICPCs", 6: "Children in need", 7: "Child protection",
    8: "Children in care", 9: "Care leavers", 10: "Adoption", 11: "Adopters",
}  # fmt: skip

AUDITED: dict[int, tuple[tuple[str, ...], str]] = {
    4: (("sa-45",),
        "assessment start to authorisation, 45 working days (the measure of DfE and ChAT; "
        "List 4 has no referral date, so Working Together's count from the referral cannot "
        "run on it)"),
    5: (("icpc-2013", "icpc-2010"),
        "strategy discussion to initial child protection conference, 15 working days; no "
        "conference is due where one was deemed unnecessary"),
    7: (("rcpc-first", "rcpc-next"),
        "the next review conference from the latest one held (6 months), or from the plan "
        "start if none was held (3 months); the plan end stops the clock. List 7 holds only "
        "the latest review, so earlier reviews cannot be checked"),
}  # fmt: skip
"""Lists with a timescale the audit can check: list → (rule ids, what is checked)."""

NOT_AUDITED: dict[int, str] = {
    1: "contacts: no timescale in wtcheck's rules runs from a contact alone",
    2: "early help assessments: not the statutory assessment; no national timescale",
    3: "referrals: no assessment or decision date on this list, so nothing can be checked",
    6: "children in need: no national timescale for CIN visits or closure",
    8: "children in care: looked-after reviews, visits and health checks are outside "
    "wtcheck's rules",
    9: "care leavers: pathway plan reviews are outside wtcheck's rules",
    10: "adoption: adoption timescales are outside wtcheck's rules",
    11: "adopters: outside wtcheck's rules",
}


@dataclass(frozen=True)
class SheetKind:
    """What one sheet (or one per-list file) of an Annex A workbook is."""

    sheet: str
    list_number: int | None
    """1-11, or None when the sheet is not an Annex A list."""
    title: str
    header_row: int | None
    """Index (0-based) of the header row within the rows given; None if not found."""
    audited: bool
    rules: tuple[str, ...]
    """Rule ids the audit checks on this list (empty when not audited)."""
    reason: str
    """What the audit checks on it, or why it is not audited."""
    recognised_by: str
    """``name``, ``headers`` or ``""`` (not recognised)."""


_NUMBERED = re.compile(
    r"^(?:annex\s*a\s*[-_:]*\s*)?(?:list|l|aa)\s*[-_#.:]*\s*0?(\d{1,2})(?!\d)", re.IGNORECASE
)
_KEYWORDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (2, ("earlyhelp",)),
    (11, ("adopter",)),
    (10, ("adoption",)),
    (9, ("careleaver",)),
    (8, ("childrenincare", "lookedafter", "cla", "lac")),
    (7, ("childprotection", "cpplan")),
    (5, ("section47", "s47", "icpc")),
    (6, ("childreninneed", "childinneed", "cin")),
    (1, ("contact",)),
    (3, ("referral",)),
    (4, ("assessment",)),
)
"""Words of a sheet or file name, tried in this order (``early help assessments`` is List 2,
not List 4; ``adopters`` is List 11, not List 10)."""

_KNOWN = {
    n: frozenset(normalise(h) for h in (*LIST_HEADERS[n], *SSD_HEADERS[n])) for n in LIST_HEADERS
}
_ALL_KNOWN = frozenset().union(*_KNOWN.values())
_DISTINCT = {
    n: _KNOWN[n] - frozenset().union(*(_KNOWN[m] for m in _KNOWN if m != n)) for n in _KNOWN
}


def list_from_name(name: str) -> int | None:
    """The list number a sheet or file name gives (``List 4``, ``l_4``, ``AA_4_assessments``,
    ``Referrals``), or None."""
    stem = name.strip()
    for suffix in (".csv", ".xlsx", ".ods", ".xls"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    m = _NUMBERED.match(stem.strip())
    if m:
        number = int(m[1])
        return number if 1 <= number <= 11 else None
    words = normalise(stem)
    for number, keys in _KEYWORDS:
        if any(_word_in(k, stem, words) for k in keys):
            return number
    return None


def _word_in(key: str, raw: str, words: str) -> bool:
    # short codes (cla, lac, cin, s47, icpc) must be whole words of the name
    if len(key) <= 4:
        return key in re.split(r"[^0-9a-z]+", raw.lower())
    return key in words


def list_from_headers(headers: Sequence[object]) -> int | None:
    """The list whose own headers (those no other list has) *headers* match most, or None."""
    have = {normalise(str(h)) for h in headers if h is not None}
    scores = {n: len(_DISTINCT[n] & have) for n in _DISTINCT}
    best = max(scores.values())
    if best == 0:
        return None
    top = [n for n, s in scores.items() if s == best]
    return top[0] if len(top) == 1 else None


def find_header_row(rows: Sequence[Sequence[object]], scan: int = 5) -> int | None:
    """The first of the first *scan* rows with two or more known Annex A headers."""
    for i, row in enumerate(rows[:scan]):
        cells = {normalise(str(c)) for c in row if c is not None and str(c).strip()}
        if len(cells & _ALL_KNOWN) >= 2:
            return i
    return None


def classify_sheets(
    names: Sequence[str], headers: Sequence[Sequence[Sequence[object]]]
) -> list[SheetKind]:
    """Classify each sheet: *names[i]* is its name, *headers[i]* its first rows (up to 5).

    The name decides the list when it gives one; otherwise the header row does.
    A name and a header row that disagree are reported in *reason* and the sheet
    is not audited (never a guess).
    """
    kinds: list[SheetKind] = []
    for name, rows in zip(names, headers, strict=True):
        header_row = find_header_row(rows)
        by_name = list_from_name(name)
        by_headers = list_from_headers(rows[header_row]) if header_row is not None else None
        number = by_name if by_name is not None else by_headers
        recognised_by = "name" if by_name is not None else ("headers" if by_headers else "")
        if number is None:
            kinds.append(
                SheetKind(name, None, "", header_row, False, (), "not an Annex A list", "")
            )
            continue
        title = f"List {number} ({TITLES[number]})"
        if by_name is not None and by_headers is not None and by_headers != by_name:
            reason = (
                f"the sheet name says List {by_name} but the headers are those of List "
                f"{by_headers}; rename the sheet or fix the headers"
            )
            kinds.append(SheetKind(name, number, title, header_row, False, (), reason, "name"))
            continue
        if header_row is None:
            kinds.append(
                SheetKind(
                    name, number, title, None, False, (),
                    "no header row with Annex A headers in the first 5 rows", recognised_by,
                )
            )  # fmt: skip
            continue
        if number in AUDITED:
            rules, reason = AUDITED[number]
            kinds.append(
                SheetKind(name, number, title, header_row, True, rules, reason, recognised_by)
            )
        else:
            kinds.append(
                SheetKind(
                    name, number, title, header_row, False, (), NOT_AUDITED[number], recognised_by
                )
            )
    return kinds
