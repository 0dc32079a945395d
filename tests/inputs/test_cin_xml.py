"""wtcheck.inputs.cin_xml: the CIN census return flattened, and every way a file can be refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wtcheck.errors import InputError
from wtcheck.inputs.cin_xml import LINE, TABLES, read_cin_xml

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2025</Year>
      <ReferenceDate>2025-03-31</ReferenceDate>
    </CollectionDetails>
  </Header>
  <Children>
"""
FOOTER = """  </Children>
</Message>
"""

TWO_PLANS = """    <Child>
      <ChildIdentifiers>
        <LAchildID>C1</LAchildID>
        <PersonBirthDate>2015-01-01</PersonBirthDate>
        <GenderCurrent>1</GenderCurrent>
      </ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2023-01-09</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <Assessments>
          <AssessmentActualStartDate>2023-01-10</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2023-02-20</AssessmentAuthorisationDate>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2023-01-11</S47ActualStartDate>
          <DateOfInitialCPC>2023-02-01</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2023-02-01</CPPstartDate>
          <CPPendDate>2023-09-01</CPPendDate>
          <Reviews>
            <CPPreviewDate>2023-04-28</CPPreviewDate>
            <CPPreviewDate>2023-09-01</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
        <ChildProtectionPlans>
          <CPPstartDate>2024-06-03</CPPstartDate>
          <Reviews>
            <CPPreviewDate>2024-08-30</CPPreviewDate>
            <CPPreviewDate>2025-02-27</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2025-01-06</CINreferralDate>
        <Assessments>
          <AssessmentActualStartDate>2025-01-07</AssessmentActualStartDate>
        </Assessments>
        <Assessments>
          <AssessmentActualStartDate>2025-02-03</AssessmentActualStartDate>
        </Assessments>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
    </Child>
"""


def write(tmp_path: Path, text: str, name: str = "return.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_and_every_repeated_element(tmp_path: Path) -> None:
    text = HEADER + TWO_PLANS + FOOTER
    ret = read_cin_xml(write(tmp_path, text))
    assert ret.reference_date == date(2025, 3, 31)
    assert (ret.collection, ret.year) == ("CIN", "2025")
    assert set(ret.tables) == set(TABLES)
    lines = text.splitlines()

    def line_of(fragment: str, nth: int = 1) -> int:
        hits = [i for i, t in enumerate(lines, start=1) if fragment in t]
        return hits[nth - 1]

    episodes = ret.tables["CINdetails"]
    assert episodes.select(
        "LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"
    ).rows() == [
        ("C1", "1", "2023-01-09", "false"),
        ("C1", "2", "2025-01-06", "0"),
    ]
    assert episodes[LINE].to_list() == [line_of("<CINdetails>"), line_of("<CINdetails>", 2)]
    assessments = ret.tables["Assessments"]
    assert assessments.select(
        "CINdetailsID", "AssessmentID", "CINreferralDate", "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
    ).rows() == [
        ("1", "1", "2023-01-09", "2023-01-10", "2023-02-20"),
        ("2", "1", "2025-01-06", "2025-01-07", None),
        ("2", "2", "2025-01-06", "2025-02-03", None),
    ]  # fmt: skip
    assert assessments[LINE].to_list() == [line_of("<Assessments>", n) for n in (1, 2, 3)]
    plans = ret.tables["ChildProtectionPlans"]
    assert plans.select("CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate").rows() == [
        ("1", "1", "2023-02-01", "2023-09-01"),
        ("1", "2", "2024-06-03", None),
    ]
    reviews = ret.tables["Reviews"]
    assert reviews.select(
        "LAchildID", "CINdetailsID", "CPPID", "ReviewID", "CPPstartDate", "CPPendDate",
        "CPPreviewDate",
    ).rows() == [
        ("C1", "1", "1", "1", "2023-02-01", "2023-09-01", "2023-04-28"),
        ("C1", "1", "1", "2", "2023-02-01", "2023-09-01", "2023-09-01"),
        ("C1", "1", "2", "1", "2024-06-03", None, "2024-08-30"),
        ("C1", "1", "2", "2", "2024-06-03", None, "2025-02-27"),
    ]  # fmt: skip
    assert reviews[LINE].to_list() == [line_of("<CPPreviewDate>", n) for n in (1, 2, 3, 4)]
    s47 = ret.tables["Section47"]
    assert s47.select("LAchildID", "CINdetailsID", "Section47ID", "ICPCnotRequired").rows() == [
        ("C1", "1", "1", "false")
    ]
    child = ret.tables["ChildIdentifiers"]
    assert child.select("LAchildID", "GenderCurrent", "Sex", LINE).rows() == [
        ("C1", "1", None, line_of("<Child>"))
    ]
    for name, frame in ret.tables.items():
        assert frame.columns == [*TABLES[name], LINE]
        assert all(str(t) == "String" for t in frame.dtypes[:-1])


def test_ids_count_per_parent_and_children_do_not_mix(tmp_path: Path) -> None:
    second = TWO_PLANS.replace("<LAchildID>C1<", "<LAchildID>C2<")
    ret = read_cin_xml(write(tmp_path, HEADER + TWO_PLANS + second + FOOTER))
    plans = ret.tables["ChildProtectionPlans"]
    assert plans.select("LAchildID", "CINdetailsID", "CPPID").rows() == [
        ("C1", "1", "1"), ("C1", "1", "2"), ("C2", "1", "1"), ("C2", "1", "2"),
    ]  # fmt: skip
    assert ret.tables["Reviews"].height == 8
    assert ret.tables["CINdetails"]["CINdetailsID"].to_list() == ["1", "2", "1", "2"]


def test_namespace_prefix_unknown_elements_and_cin_plan_dates(tmp_path: Path) -> None:
    text = """<?xml version="1.0"?>
<c:Message xmlns:c="urn:example">
 <c:Children><c:Child>
  <c:ChildIdentifiers><c:LAchildID>N1</c:LAchildID><c:Sex>F</c:Sex></c:ChildIdentifiers>
  <c:CINdetails><c:CINreferralDate>2025-01-02</c:CINreferralDate>
   <c:CINPlanDates><c:CINPlanStartDate>2025-02-01</c:CINPlanStartDate></c:CINPlanDates>
   <c:PreProceedingsandFGDM><c:PPStartDate>2025-02-03</c:PPStartDate></c:PreProceedingsandFGDM>
  </c:CINdetails>
 </c:Child></c:Children>
</c:Message>
"""
    ret = read_cin_xml(write(tmp_path, text))
    assert ret.reference_date is None
    assert ret.tables["CINplanDates"].select(
        "LAchildID", "CINdetailsID", "CINreferralDate", "CINPlanStartDate", "CINPlanEndDate"
    ).rows() == [("N1", "1", "2025-01-02", "2025-02-01", None)]
    assert ret.tables["CINdetails"]["CINreferralDate"].to_list() == ["2025-01-02"]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE Message [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&b;</LAchildID></ChildIdentifiers>
</Child></Children></Message>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE Message SYSTEM "http://127.0.0.1:9/cin.dtd">
<Message><Children/></Message>
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + "    <Child>\n      <ChildIdentifiers>\n" + FOOTER,
         "line 13: not well-formed XML: mismatched tag"),
        ("", "line 1: not well-formed XML: no element found"),
        ("not xml at all\n", "line 1: not well-formed XML: syntax error"),
        (BOMB, "line 2: a DOCTYPE is not allowed in a CIN census return "
               "(wtcheck reads XML without DTDs or entities)"),
        (EXTERNAL, "line 2: a DOCTYPE is not allowed in a CIN census return "
                   "(wtcheck reads XML without DTDs or entities)"),
        ("<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID>"
         "</ChildIdentifiers></Child></Children></Message>",
         "line 1: not well-formed XML: undefined entity"),
        ('<?xml version="1.0"?>\n<CLA><Children/></CLA>\n',
         "line 2: not a CIN census return: the root element is <CLA>, expected <Message>"),
        (HEADER.replace("<Collection>CIN<", "<Collection>School Census<") + FOOTER,
         "line 5: this is a 'School Census' return, not a CIN census return (Collection 'CIN')"),
        (HEADER.replace("<Collection>CIN<", "<Collection>SSDA903<").replace("  <Children>\n", "")
         + "</Message>\n",
         "line 5: this is a 'SSDA903' return, not a CIN census return (Collection 'CIN')"),
        (HEADER.replace("2025-03-31", "31/13/2025") + FOOTER, "line 7: ReferenceDate '31/13/2025': "),
        (HEADER + "    <Child>\n      <ChildIdentifiers/>\n    </Child>\n" + FOOTER,
         "line 11: a <Child> without an <LAchildID>"),
    ],
    ids=["mismatched", "empty", "text", "entity-bomb", "external-dtd", "undefined-entity",
         "wrong-root", "other-collection", "other-collection-no-children", "reference-date",
         "no-child-id"],
)  # fmt: skip
def test_refused_with_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        read_cin_xml(path)
    assert str(err.value).startswith(f"{path}, {message}")
    assert "\n" not in str(err.value)


def test_no_children_element(tmp_path: Path) -> None:
    path = write(tmp_path, "<Message><Header/></Message>")
    with pytest.raises(InputError) as err:
        read_cin_xml(path)
    assert str(err.value) == f"{path}: not a CIN census return: no <Children> element"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.xml"
    with pytest.raises(InputError) as err:
        read_cin_xml(path)
    assert str(err.value) == f"{path}: No such file or directory"


def test_external_dtd_is_never_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the reader opened a connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    with pytest.raises(InputError):
        read_cin_xml(write(tmp_path, EXTERNAL))


def test_the_file_is_not_written(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + TWO_PLANS + FOOTER)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_cin_xml(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
