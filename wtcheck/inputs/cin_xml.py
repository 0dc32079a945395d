"""Read a CIN census XML return into tables, one per entity, without fetching anything.

The return (real-data.md §2) is a ``<Message>`` with a ``<Header>`` (whose
``CollectionDetails/ReferenceDate`` is the census end) and ``<Children>``,
one ``<Child>`` each with ``<ChildIdentifiers>`` and one ``<CINdetails>`` per
episode of need. Inside an episode, every ``<Assessments>``, ``<Section47>``,
``<CINPlanDates>`` and ``<ChildProtectionPlans>`` element is ONE item (the
plural names are the repeating elements), and a plan's single ``<Reviews>``
block holds one ``<CPPreviewDate>`` per review.

:func:`read_cin_xml` flattens it as the DfE CIN validator does (tables
``ChildIdentifiers``, ``CINdetails``, ``Assessments``, ``CINplanDates``,
``Section47``, ``ChildProtectionPlans``, ``Reviews``), with three differences:
every review date is a row (the validator keeps only the first of a block),
each Section47 gets a positional ``Section47ID`` (the validator gives none), a
plan with no review yet has one ``Reviews`` row with an empty ``CPPreviewDate``
(so that its first review, still due, is part of the review chain),
and the episode's ``CINreferralDate`` (and a review's plan dates) are carried
down so that no join is needed. Ids are counters within this file: ``CINdetailsID``
per child, ``AssessmentID``/``Section47ID``/``CPPID`` per episode, ``ReviewID``
per plan, all from 1 in document order. Every value is the element's text
(String); each row also has ``line``, the line of its element in the file.

Parsing uses the standard library's expat directly: the reader refuses any
``DOCTYPE`` (so no DTD is read and no entity is declared or expanded), refuses
entity declarations, never resolves external entities, and so never opens a
network connection or another file. (``defusedxml`` would refuse the same
constructs; expat with these handlers does it without a further dependency,
and gives each element's line.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from xml.parsers import expat

from wtcheck.errors import InputError

if TYPE_CHECKING:
    import polars as pl

CHILD_COLUMNS = (
    "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
    "GenderCurrent", "Sex", "PersonDeathDate",
)  # fmt: skip
EPISODE_FIELDS = (
    "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
    "DateOfInitialCPC", "ReferralNFA",
)  # fmt: skip
ASSESSMENT_FIELDS = (
    "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
    "AssessmentFactors",
)  # fmt: skip
CIN_PLAN_FIELDS = ("CINPlanStartDate", "CINPlanEndDate")
S47_FIELDS = ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired")
PLAN_FIELDS = (
    "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
)  # fmt: skip

TABLES: dict[str, tuple[str, ...]] = {
    "ChildIdentifiers": CHILD_COLUMNS,
    "CINdetails": ("LAchildID", "CINdetailsID", *EPISODE_FIELDS),
    "Assessments": ("LAchildID", "CINdetailsID", "AssessmentID", "CINreferralDate",
                    *ASSESSMENT_FIELDS),
    "CINplanDates": ("LAchildID", "CINdetailsID", "CINreferralDate", *CIN_PLAN_FIELDS),
    "Section47": ("LAchildID", "CINdetailsID", "Section47ID", "CINreferralDate", *S47_FIELDS),
    "ChildProtectionPlans": ("LAchildID", "CINdetailsID", "CPPID", "CINreferralDate",
                             *PLAN_FIELDS),
    "Reviews": ("LAchildID", "CINdetailsID", "CPPID", "ReviewID", "CPPstartDate", "CPPendDate",
                "CPPreviewDate"),
}  # fmt: skip
"""Table name → its String columns, in order (each table also has ``line``)."""

LINE = "line"

# Item elements directly inside <CINdetails>: table, id column, own fields.
_ITEMS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "Assessments": ("Assessments", "AssessmentID", ASSESSMENT_FIELDS),
    "CINPlanDates": ("CINplanDates", None, CIN_PLAN_FIELDS),
    "Section47": ("Section47", "Section47ID", S47_FIELDS),
    "ChildProtectionPlans": ("ChildProtectionPlans", "CPPID", PLAN_FIELDS),
}
_HEADER_FIELDS = ("Collection", "Year", "ReferenceDate")


@dataclass
class CinReturn:
    """One CIN census return, flattened."""

    path: Path
    reference_date: date | None
    """``Header/CollectionDetails/ReferenceDate``: the census end, the default as-of date."""
    collection: str | None
    year: str | None
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)


class _Item:
    """A row being built: its values, its table and its element's line."""

    __slots__ = ("line", "table", "values")

    def __init__(self, table: str, line: int, values: dict[str, str | None]) -> None:
        self.table = table
        self.line = line
        self.values = values


class _Flattener:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.stack: list[str] = []
        self.text: list[str] = []
        self.header: dict[str, str] = {}
        self.header_line: dict[str, int] = {}
        self.children_seen = False
        self.child: dict[str, str | None] | None = None
        self.child_line = 0
        self.child_rows: list[tuple[str, _Item]] = []  # rows waiting for this child's id
        self.episode: _Item | None = None
        self.episodes = 0
        self.counters: dict[str, int] = {}
        self.item: _Item | None = None
        self.plan: _Item | None = None
        self.reviews = 0
        self.line = 0
        self.parser: Any = None

    # -- errors ---------------------------------------------------------------
    def fail(self, message: str, line: int | None = None) -> InputError:
        at = line if line is not None else self.parser.CurrentLineNumber
        return InputError(f"{self.name}, line {at}: {message}")

    # -- handlers -------------------------------------------------------------
    def doctype(self, name: str, *_: Any) -> None:
        raise self.fail(
            "a DOCTYPE is not allowed in a CIN census return "
            "(wtcheck reads XML without DTDs or entities)"
        )

    def entity(self, name: str, *_: Any) -> None:
        raise self.fail(f"an entity declaration ({name}) is not allowed in a CIN census return")

    def start(self, tag: str, _attrs: dict[str, str]) -> None:
        tag = tag.rpartition(":")[2]
        line = self.parser.CurrentLineNumber
        if not self.stack and tag != "Message":
            raise self.fail(
                f"not a CIN census return: the root element is <{tag}>, expected <Message>",
                line,
            )
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        self.text = []
        if tag == "Children" and parent == "Message":
            self.children_seen = True
            self.check_collection(line)
        elif tag == "Child" and parent == "Children":
            self.child = {c: None for c in CHILD_COLUMNS}
            self.child_line = line
            self.child_rows = []
            self.episodes = 0
        elif tag == "CINdetails" and parent == "Child":
            self.episodes += 1
            self.counters = {}
            values: dict[str, str | None] = {"CINdetailsID": str(self.episodes)}
            self.episode = _Item("CINdetails", line, values)
        elif parent == "CINdetails" and tag in _ITEMS and self.episode is not None:
            table, id_col, _ = _ITEMS[tag]
            values = {"CINdetailsID": self.episode.values["CINdetailsID"]}
            if id_col is not None:
                n = self.counters[id_col] = self.counters.get(id_col, 0) + 1
                values[id_col] = str(n)
            self.item = _Item(table, line, values)
            if tag == "ChildProtectionPlans":
                self.plan = self.item
                self.reviews = 0
        elif tag == "CPPreviewDate" and parent == "Reviews":
            self.line = line

    def end(self, tag: str) -> None:
        tag = tag.rpartition(":")[2]
        self.stack.pop()
        parent = self.stack[-1] if self.stack else ""
        text = "".join(self.text).strip() or None
        self.text = []
        if tag in _HEADER_FIELDS and parent == "CollectionDetails":
            if text is not None and tag not in self.header:
                self.header[tag] = text
                self.header_line[tag] = self.parser.CurrentLineNumber
        elif parent == "ChildIdentifiers" and self.child is not None:
            if tag in self.child and self.child[tag] is None:
                self.child[tag] = text
        elif tag == "CPPreviewDate" and parent == "Reviews" and self.plan is not None:
            self.reviews += 1
            review = _Item(
                "Reviews",
                self.line,
                {
                    "CINdetailsID": self.plan.values["CINdetailsID"],
                    "CPPID": self.plan.values["CPPID"],
                    "ReviewID": str(self.reviews),
                    "CPPreviewDate": text,
                },
            )
            self.child_rows.append(("Reviews", review))
        elif tag == "AssessmentFactors" and self.item is not None:
            if text is not None:
                old = self.item.values.get("AssessmentFactors")
                self.item.values["AssessmentFactors"] = f"{old} {text}" if old else text
        elif self.item is not None and parent in _ITEMS and parent == self.stack_item_tag():
            if tag in _ITEMS[parent][2]:
                self.item.values.setdefault(tag, text)
        elif parent == "CINdetails" and tag in _ITEMS and self.item is not None:
            self.child_rows.append((self.item.table, self.item))
            if tag == "ChildProtectionPlans" and self.plan is not None and not self.reviews:
                # a plan with no review yet is a chain too: its first review is still due
                values = {"CINdetailsID": self.plan.values["CINdetailsID"],
                          "CPPID": self.plan.values["CPPID"], "ReviewID": None,
                          "CPPreviewDate": None}  # fmt: skip
                self.child_rows.append(("Reviews", _Item("Reviews", self.plan.line, values)))
            self.item = None
            if tag == "ChildProtectionPlans":
                self.plan = None
        elif parent == "CINdetails" and self.episode is not None and tag in EPISODE_FIELDS:
            self.episode.values.setdefault(tag, text)
        elif tag == "CINdetails" and self.episode is not None:
            self.child_rows.append(("CINdetails", self.episode))
            self.episode = None
        elif tag == "Child" and self.child is not None:
            self.close_child()

    def stack_item_tag(self) -> str:
        """The item element (Assessments, ...) the current element is directly inside."""
        if len(self.stack) >= 2 and self.stack[-2] == "CINdetails" and self.stack[-1] in _ITEMS:
            return self.stack[-1]
        return ""

    def chars(self, data: str) -> None:
        self.text.append(data)

    # -- building -------------------------------------------------------------
    def check_collection(self, line: int) -> None:
        collection = self.header.get("Collection")
        if collection is not None and collection.strip().upper() != "CIN":
            raise self.fail(
                f"this is a {collection!r} return, not a CIN census return (Collection 'CIN')",
                self.header_line.get("Collection", line),
            )

    def close_child(self) -> None:
        assert self.child is not None
        child_id = self.child.get("LAchildID")
        if not child_id:
            raise self.fail("a <Child> without an <LAchildID>", self.child_line)
        self.rows["ChildIdentifiers"].append({**self.child, LINE: self.child_line})
        referral: dict[str, str | None] = {}
        plans: dict[tuple[str | None, str | None], dict[str, str | None]] = {}
        for table, item in self.child_rows:
            if table == "CINdetails":
                referral[item.values["CINdetailsID"] or ""] = item.values.get("CINreferralDate")
            elif table == "ChildProtectionPlans":
                key = (item.values["CINdetailsID"], item.values["CPPID"])
                plans[key] = item.values
        for table, item in self.child_rows:
            values: dict[str, Any] = dict(item.values)
            values["LAchildID"] = child_id
            if "CINreferralDate" in TABLES[table] and table != "CINdetails":
                values["CINreferralDate"] = referral.get(values["CINdetailsID"] or "")
            if table == "Reviews":
                plan = plans.get((values["CINdetailsID"], values["CPPID"]), {})
                values["CPPstartDate"] = plan.get("CPPstartDate")
                values["CPPendDate"] = plan.get("CPPendDate")
            values[LINE] = item.line
            self.rows[table].append(values)
        self.child = None
        self.child_rows = []


def read_cin_xml(path: Path | str) -> CinReturn:
    """Read the CIN census return at *path*.

    Raises InputError (one line: the file, the line and what is wrong) for a
    file that cannot be read, malformed XML, a DOCTYPE or entity declaration,
    a root other than ``<Message>``, a return of another collection, a return
    with no ``<Children>``, or an unreadable ``ReferenceDate``.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            flat = _parse(fh, str(path))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return _build(path, flat)


def _parse(fh: BinaryIO, name: str) -> _Flattener:
    flat = _Flattener(name)
    parser = expat.ParserCreate()
    flat.parser = parser
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = flat.doctype
    parser.EntityDeclHandler = flat.entity
    parser.StartElementHandler = flat.start
    parser.EndElementHandler = flat.end
    parser.CharacterDataHandler = flat.chars
    parser.buffer_text = True
    try:
        while chunk := fh.read(1 << 20):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code] if exc.code else str(exc)
        raise InputError(f"{name}, line {exc.lineno}: not well-formed XML: {reason}") from None
    flat.check_collection(1)
    if not flat.children_seen:
        raise InputError(f"{name}: not a CIN census return: no <Children> element")
    return flat


def _build(path: Path, flat: _Flattener) -> CinReturn:
    import polars as pl

    from wtcheck.dates import parse_date
    from wtcheck.errors import DateError

    reference: date | None = None
    text = flat.header.get("ReferenceDate")
    if text is not None:
        try:
            reference = parse_date(text)
        except DateError as exc:
            line = flat.header_line.get("ReferenceDate")
            raise InputError(f"{path}, line {line}: ReferenceDate {text!r}: {exc.reason}") from None
    tables = {}
    for table, columns in TABLES.items():
        schema: dict[str, Any] = {c: pl.String for c in columns}
        schema[LINE] = pl.Int64
        tables[table] = pl.DataFrame(flat.rows[table], schema=schema)
    return CinReturn(
        path=path,
        reference_date=reference,
        collection=flat.header.get("Collection"),
        year=flat.header.get("Year"),
        tables=tables,
    )
