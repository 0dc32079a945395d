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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wtcheck.concepts import CONCEPTS
from wtcheck.errors import ColumnError, ConfigError, InputError

CASE_ID = "case_id"
ICPC_NOT_REQUIRED = "icpc_not_required"
REFERRAL_NFA = "referral_nfa"
FLAGS = (ICPC_NOT_REQUIRED, REFERRAL_NFA)

ALIASES: dict[str, tuple[str, ...]] = {
    CASE_ID: (
        "case_id", "LAchildID", "Child Unique ID", "pers_person_id", "person_id",
        "DIM_PERSON_ID", "child_id", "case_ref", "case_reference",
    ),
    "referral": (
        "CINreferralDate", "Date of referral", "CIN Start Date", "cine_referral_date",
        "REFRL_START_DTTM",
    ),
    "assessment_start": (
        "AssessmentActualStartDate", "Continuous Assessment Start Date",
        "Assessment start date", "cina_assessment_start_date",
    ),
    "assessment_authorised": (
        "AssessmentAuthorisationDate", "Continuous Assessment Date of Authorisation",
        "Assessment completion date", "cina_assessment_auth_date",
    ),
    "strategy_discussion": (
        "S47ActualStartDate", "Strategy discussion initiating Section 47 Enquiry Start Date",
        "s47e_s47_start_date",
    ),
    "icpc": (
        "DateOfInitialCPC", "Date of Initial Child Protection Conference", "icpc_icpc_date",
    ),
    "review_conference": (
        "CPPreviewDate", "Date of latest review conference", "cppr_cp_review_date",
    ),
    ICPC_NOT_REQUIRED: (
        "ICPCnotRequired",
        "Was an Initial Child Protection Conference deemed unnecessary?",
    ),
    REFERRAL_NFA: ("ReferralNFA", "Referral NFA?", "cine_referral_nfa"),
}  # fmt: skip
"""Default aliases by concept key. The LCS names shared by several fact tables
(``START_DTTM``, ``ACTUAL_DTTM``, ``DUE_DTTM``) are left out: they mean
different dates in different tables, so they need a mapping file."""

KEYS: tuple[str, ...] = (CASE_ID, *(c.key for c in CONCEPTS), *FLAGS)
"""Everything the audit can read, in report order."""

_OWN = {CASE_ID: CASE_ID, **{c.key: c.column for c in CONCEPTS}, **{f: f for f in FLAGS}}
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
    file and the key.
    """
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"--mapping {path}: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"--mapping {path}: not valid TOML: {exc}") from None
    table = data.get("columns")
    if not isinstance(table, dict):
        raise ConfigError(f"--mapping {path}: expected a [columns] table")
    mapping: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        key = _key_for(name)
        if key is None:
            raise ConfigError(
                f"--mapping {path}: unknown column {name!r}; expected one of "
                + ", ".join(own_name(k) for k in KEYS)
            )
        headers = (value,) if isinstance(value, str) else value
        if not isinstance(headers, list | tuple) or not all(isinstance(h, str) for h in headers):
            raise ConfigError(
                f"--mapping {path}: {name}: expected a header name or a list of header names"
            )
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
    unused = tuple(h for i, h in enumerate(headers) if i not in taken and h.strip())
    return ColumnMap(tuple(headers), index, unused, tuple(missing_mapped))


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
