"""Where the report's findings come from: the ONE function that runs the audit for it.

:func:`audit_frame` returns the audit's findings as a polars DataFrame (the
columns of :data:`wtcheck.audit.pipeline.LEAN`: the findings' identity, dates as
``pl.Date``, status and working days, without the texts that explain a finding),
every status kept, plus one String column per ``--by`` group, named as given. It is the
audit's own pipeline (:func:`wtcheck.audit.pipeline.audit_files`): the report
reads the same inputs and reaches the same statuses as ``wtcheck audit``.
Everything else in :mod:`wtcheck.report` works from that frame alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from wtcheck.calendar.workdays import Calendar
from wtcheck.findings import Status

if TYPE_CHECKING:
    from wtcheck.audit.plan import AuditOptions


def audit_frame(
    files: Sequence[str],
    *,
    as_of: date,
    cal: Calendar,
    options: AuditOptions,
    by: Sequence[str] = (),
    mapping: Mapping[str, Sequence[str]] | None = None,
    notice: Callable[[str], None] = lambda _m: None,
) -> pl.DataFrame:
    """The audit of *files* as of *as_of*, every finding, as a DataFrame (see module)."""
    from wtcheck.audit.pipeline import audit_files
    from wtcheck.report.summary import check_groups

    check_groups(by)
    options = dataclasses.replace(
        options, as_of=as_of, keep=frozenset(Status), by=tuple(by), lean=True
    )
    return audit_files(files, cal, options, mapping=mapping, notice=notice).frame
