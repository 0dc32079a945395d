"""The audit's column-wise path: one rule on one batch in a few numpy operations.

For a batch with a byte layout (:class:`wtcheck.audit.vector.Layout`), a
rule's cells become day codes (:class:`wtcheck.audit.vector.DayCoder`),
its deadline codes come from a table filled once per distinct date (or
combination of dates) by the same :meth:`Engine.resolve_primary
<wtcheck.audit.engine.Engine.resolve_primary>` the row-by-row path calls,
and every row's status is chosen by one ``numpy.select`` with the same
conditions, in the same order, as :meth:`Engine._classify
<wtcheck.audit.engine.Engine._classify>`. Python runs per row only for the
findings that are listed, through the engine's own listing code, so the
output is the row-by-row path's, byte for byte (``tests/test_audit_vector.py``
runs both on the same files).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from wtcheck.audit.engine import (
    _FALLBACK,
    _NONE,
    CACHE_LIMIT,
    FALLBACK,
    NOT_DONE,
    UNREADABLE,
    KeptRow,
    Resolved,
    result_code,
)
from wtcheck.audit.vector import CODE_BITS, DAY0, NDAYS, Codes, DayCoder, Layout
from wtcheck.findings import Status

if TYPE_CHECKING:
    from wtcheck.audit.engine import Engine, Plan
    from wtcheck.audit.reader import Batch

MAX_KEYS = 3
"""Rules whose deadline depends on more columns than this take the row-by-row path."""
_UNKNOWN = np.iinfo(np.int64).min
STATUSES: tuple[str | None, ...] = (None, *(s.value for s in Status))
"""Status by code; 0 is "no finding"."""
_CODE = {s: i for i, s in enumerate(STATUSES)}


class _Rule:
    """One rule's look-up tables (deadline code and result by day code or combination)."""

    def __init__(self) -> None:
        self.ords = np.full(NDAYS + 2, _UNKNOWN, np.int64)
        """Deadline code by day code for a one-column rule; the last slot stands for
        every unreadable text (looked up in :attr:`found`)."""
        self.found: dict[int, int] = {}
        """Key (day code or combined codes) → deadline code."""
        self.results: dict[int, Any] = {}
        """Key → result."""
        self.full: dict[int, tuple[int, Any]] = {}
        """Combined codes of all the rule's cells → (deadline code, result), for rows
        whose anchor cell is empty."""

    def store(self, key: int, res: Any) -> int:
        """Record *key*'s result; its deadline code."""
        code = self.found[key] = result_code(res)
        self.results[key] = res
        return code


class _Kept:
    """The listed rows of one rule on one batch, as parallel lists."""

    __slots__ = ("cases", "dones", "index", "lines", "results", "statuses")

    def __init__(
        self,
        index: list[int],
        statuses: list[str],
        results: list[Any],
        dones: list[int],
        cases: list[str],
        lines: list[int],
    ) -> None:
        self.index = index
        self.statuses = statuses
        self.results = results
        self.dones = dones
        self.cases = cases
        self.lines = lines

    def rows(self, start: int, stop: int) -> list[KeptRow]:
        """Rows *start* to *stop* as :meth:`Engine.list_rows` takes them."""
        cut = slice(start, stop)
        return list(
            zip(self.index[cut], self.statuses[cut], self.results[cut], self.dones[cut],
                self.cases[cut], self.lines[cut], strict=True)
        )  # fmt: skip


class ColumnWise:
    """Runs plans on laid-out batches for an :class:`Engine`; one per engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.coder = DayCoder(engine.dates.parse)
        self._rules: dict[int, _Rule] = {}
        self._limit = engine.dates.limit
        self._worked = np.full(NDAYS + 1, _UNKNOWN, np.int64)
        """:meth:`Engine.work` by day code."""
        self._isos = np.full(NDAYS + 1, None, dtype=object)
        """ISO text by day code; "" for 0."""
        self._isos[0] = ""

    def start(self, lay: Layout) -> None:
        """Before each batch: its layout; the unreadable texts forgotten if there are too many."""
        if self.coder.trim():
            self._rules.clear()
        self._lay = lay
        self._codes: dict[int, Codes] = {}

    def codes(self, c: int) -> Codes:
        """The day codes of column *c* of the batch (each column read once)."""
        got = self._codes.get(c)
        if got is None:
            got = self._codes[c] = self.coder.codes(self._lay, c)
        return got

    def supports(self, plan: Plan) -> bool:
        return len(plan.cols) <= MAX_KEYS

    def run(
        self,
        plan: Plan,
        batch: Batch,
        keep: frozenset[str],
        case_idx: int,
        name: str,
        columns: Any,
    ) -> None:
        """Count every status of *plan* on the batch and list the kept findings."""
        lay, codes = self._lay, self.codes
        state = self._rules.get(id(plan))
        if state is None or len(state.found) > CACHE_LIMIT or len(state.full) > CACHE_LIMIT:
            # capped like the engine's caches: start again, tables and all
            state = self._rules[id(plan)] = _Rule()
        keys, dls = self._deadlines(plan, state, [codes(c) for c in plan.primary])
        if not (dls != _NONE).any():
            return
        fallback = np.flatnonzero(dls == _FALLBACK) if plan.fallback else np.empty(0, np.int64)
        full = None
        if len(fallback):
            full = _combine([codes(c)[fallback] for c in plan.cols])
            dls[fallback] = self._resolve_full(plan, state, full)
        ds = None if plan.completion is None else self._done(codes(plan.completion))
        status = self._status(dls, ds)
        if plan.suppress:
            self._suppress(plan, lay, status)
        counts = self.engine.counts_by_value
        tally = np.bincount(status, minlength=len(STATUSES))
        for code, n in enumerate(tally.tolist()[1:], 1):
            if n:
                counts[STATUSES[code]] += n  # type: ignore[index]
        kept_mask = np.array([s is not None and s in keep for s in STATUSES])
        rows = np.flatnonzero(kept_mask[status])
        if not len(rows):
            return
        results = self._results(state, keys[rows].tolist(), rows, fallback, full)
        statuses: list[str] = list(map(STATUSES.__getitem__, status[rows].tolist()))  # type: ignore[arg-type]
        done = ds[rows] if ds is not None else np.full(len(rows), NOT_DONE)
        cases = lay.cells(rows, case_idx)
        linenos = batch.linenos
        lines = (
            (rows + linenos.start).tolist()
            if isinstance(linenos, range)
            else [linenos[i] for i in rows.tolist()]
        )
        kept = _Kept(rows.tolist(), statuses, results, done.tolist(), cases, lines)
        if self.engine.sink is None:
            self.engine.list_rows(plan, kept.rows(0, len(rows)), batch, name, columns)
            return
        self._write(plan, kept, status[rows], dls[rows], done, batch, name, columns)

    # -- listing to a template sink -------------------------------------------
    def _write(
        self,
        plan: Plan,
        kept: _Kept,
        status: Codes,
        dls: Codes,
        done: Codes,
        batch: Batch,
        name: str,
        columns: Any,
    ) -> None:
        """Write the kept rows as text made from the sink's parts, many rows per write.

        The working days and completion dates are worked out per distinct
        date, in the same way :meth:`Engine.list_rows` does per row. A row
        whose parts or case id the sink cannot template (an invalid finding,
        a case id the csv module must quote) goes through
        :meth:`Engine.list_rows`, in its place.
        """
        engine = self.engine
        sink = engine.sink
        assert sink is not None
        parts: list[Any] = list(
            map(engine.parts_cache.get, zip(kept.statuses, kept.results, strict=True))
        )
        for j in [j for j, p in enumerate(parts) if p is None]:
            s, r = kept.statuses[j], kept.results[j]
            if s != "invalid" and r.__class__ is Resolved:
                parts[j] = engine.row_parts(plan, r, s, name)
        case_cell = sink.case_cell
        cases = [c if c.isalnum() else case_cell(c.strip()) for c in kept.cases]
        met, late = status == _CODE["met"], status == _CODE["late"]
        finished = met | late
        valid = (dls > 0) & (dls < _NONE)
        at_deadline = self._work(np.where(valid, dls, engine.as_of_ordinal))
        at_done = self._work(np.where(finished, done, engine.as_of_ordinal))
        days = np.select(
            [met, late, status == _CODE["overdue"]],
            [
                at_deadline - at_done,
                np.maximum(1, at_done - at_deadline),
                np.maximum(1, -at_deadline),
            ],
            at_deadline,
        ).tolist()
        isos = self._iso(np.where(finished, done - DAY0, 0))
        text = [
            f"{c}{p[0]}{iso}{p[1]}{n}{p[2]}{line}{p[3]}" if p is not None and c is not None
            else None
            for c, p, iso, n, line in zip(cases, parts, isos, days, kept.lines, strict=True)
        ]  # fmt: skip
        start = 0
        for j in [j for j, line in enumerate(text) if line is None]:
            if j > start:
                sink.write("".join(text[start:j]))  # type: ignore[arg-type]
            engine.list_rows(plan, kept.rows(j, j + 1), batch, name, columns)
            start = j + 1
        if start < len(text):
            sink.write("".join(text[start:]))  # type: ignore[arg-type]

    def _work(self, ordinals: Codes) -> Codes:
        """:meth:`Engine.work` of each ordinal (a table filled once per date)."""
        code = ordinals - DAY0
        inside = (code >= 1) & (code <= NDAYS)
        slot = np.where(inside, code, 0)
        got = self._worked[slot]
        missing = np.flatnonzero((got == _UNKNOWN) & inside)
        if len(missing):
            work = self.engine.work
            for c in np.unique(code[missing]).tolist():
                self._worked[c] = work(c + DAY0)
            got = self._worked[slot]
        outside = np.flatnonzero(~inside)
        if len(outside):  # a deadline past 2100 (a projected year): one by one
            got[outside] = [self.engine.work(o) for o in ordinals[outside].tolist()]
        return got

    def _iso(self, code: Codes) -> list[str]:
        """ISO text of each day code, "" for 0 (a table filled once per date)."""
        texts = self._isos[code]
        missing = np.flatnonzero(texts == None)  # noqa: E711 - elementwise
        if len(missing):
            for c in np.unique(code[missing]).tolist():
                self._isos[c] = date.fromordinal(c + DAY0).isoformat()
            texts = self._isos[code]
        return texts.tolist()  # type: ignore[no-any-return]

    # -- deadlines ----------------------------------------------------------
    def _deadlines(self, plan: Plan, state: _Rule, cols: list[Codes]) -> tuple[Codes, Codes]:
        """(each row's key, each row's deadline code) for the plan's primary columns."""
        engine, text = self.engine, self.coder.text
        if len(cols) == 1:
            code = cols[0]
            slot = np.minimum(code, NDAYS + 1)
            dls = state.ords[slot]
            missing = np.flatnonzero(dls == _UNKNOWN)
            if len(missing):
                found = state.found
                for u in np.unique(code[missing]).tolist():
                    if u not in found:
                        dl = state.store(u, engine.cached(plan, text(u)))
                        if u <= NDAYS:
                            state.ords[u] = dl
                dls = state.ords[slot]
                bad = np.flatnonzero(code > NDAYS)
                if len(bad):
                    dls[bad] = [found[u] for u in code[bad].tolist()]
            return code, dls
        key = _combine(cols)
        unique, inverse = np.unique(key, return_inverse=True)
        found = state.found
        out = []
        for u in unique.tolist():
            got = found.get(u)
            if got is None:
                got = state.store(u, engine.cached(plan, tuple(map(text, _split(u, len(cols))))))
            out.append(got)
        return key, np.array(out, np.int64)[inverse.ravel()]

    def _resolve_full(self, plan: Plan, state: _Rule, full: Codes) -> Codes:
        """Deadline codes of rows whose anchor cell is empty, resolved on all their cells."""
        engine, text, got = self.engine, self.coder.text, state.full
        unique, inverse = np.unique(full, return_inverse=True)
        out = []
        for u in unique.tolist():
            hit = got.get(u)
            if hit is None:
                res = engine.cached(plan, tuple(map(text, _split(u, len(plan.cols)))), full=True)
                hit = got[u] = (result_code(res), res)
            out.append(hit[0])
        return np.array(out, np.int64)[inverse.ravel()]

    def _results(
        self,
        state: _Rule,
        keys: list[int],
        rows: Codes,
        fallback: Codes,
        full: Codes | None,
    ) -> list[Any]:
        """The result (Resolved or Invalid) of each listed row."""
        results = list(map(state.results.__getitem__, keys))
        if full is not None:
            where = dict(zip(fallback.tolist(), full.tolist(), strict=True))
            for j, (i, res) in enumerate(zip(rows.tolist(), results, strict=True)):
                if res is FALLBACK:
                    results[j] = state.full[where[i]][1]
        return results

    # -- statuses -----------------------------------------------------------
    def _done(self, code: Codes) -> Codes:
        """Completion codes (:attr:`DateCache.ords`) from day codes."""
        o = code + DAY0
        return np.where(
            code == 0,
            NOT_DONE,
            np.where(code > NDAYS, UNREADABLE, np.where(o > self._limit, NOT_DONE, o)),
        )

    def _status(self, dls: Codes, ds: Codes | None) -> Codes:
        """Each row's status code, as :meth:`Engine._classify` decides it."""
        engine = self.engine
        a, soon_end = engine.as_of_ordinal, engine.soon_end
        none = dls == _NONE
        if ds is None:
            conditions = [none, dls < 0, dls < a, dls < soon_end]
            choices = [0, _CODE["invalid"], 0, _CODE["due-soon"]]
        else:
            conditions = [none, ds <= dls, dls < 0, ds < NOT_DONE, ds != NOT_DONE, dls < a,
                          dls < soon_end]  # fmt: skip
            choices = [0, _CODE["met"], _CODE["invalid"], _CODE["late"], _CODE["invalid"],
                       _CODE["overdue"], _CODE["due-soon"]]  # fmt: skip
        return np.select(conditions, choices, _CODE["pending"]).astype(np.intp)

    def _suppress(self, plan: Plan, lay: Layout, status: Codes) -> None:
        """No finding for rows whose flag column says the step was not required."""
        rows = np.flatnonzero(status)
        flag = self.engine.flag
        for j in plan.suppress:
            texts = lay.cells(rows, j)
            off = [i for i, t in zip(rows.tolist(), texts, strict=True) if flag(t)]
            status[off] = 0


def _combine(cols: list[Codes]) -> Codes:
    """One int64 per row from up to three day-code columns."""
    key = cols[0].astype(np.int64)
    for col in cols[1:]:
        key = (key << CODE_BITS) | col
    return key


def _split(key: int, n: int) -> list[int]:
    """The day codes combined in *key* (the inverse of :func:`_combine`)."""
    mask = (1 << CODE_BITS) - 1
    return [(key >> (CODE_BITS * (n - 1 - i))) & mask for i in range(n)]
