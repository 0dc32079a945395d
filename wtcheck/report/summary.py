"""The timeliness summary: per rule, period and group, the figures councils report.

Everything here works from the audit's findings as a polars DataFrame (the
columns of :data:`wtcheck.render.findings_view.FIELDS`, dates as ``pl.Date``,
plus one String column per ``--by`` group) and is computed in polars
expressions, whole columns at a time: no Python per row.

How each figure is counted (docs/report.md says the same for users):

* **completed**: findings ``met`` or ``late``, in the period of their
  completion date. Months are calendar months, quarters are those of the
  financial year (Q1 = April–June), years run 1 April – 31 March.
* **on time**: those ``met`` (done on or before the deadline, as the audit
  decided); **% on time** = on time / completed, to one decimal place.
* **working days taken**: :meth:`wtcheck.calendar.workdays.Calendar.between` (trigger,
  completion): the working days after the trigger up to and including the
  completion day, bank holidays excluded; so done the same day is 0. Quartiles
  and the median are interpolated linearly (numpy's and Excel's
  ``QUARTILE.INC``). A completion dated before its trigger counts as
  completed but, as DfE does with ICPCs before the s47 start, enters neither
  the quartiles nor the bands.
* **bands**: DfE's (see :mod:`wtcheck.report.measures`), only for the rules
  whose measure DfE publishes; null for the others.
* **open / overdue at the period's end**: findings not completed by the last
  day of the period (or by the as-of date, for the period that holds it),
  counted from their trigger (or deadline, if earlier) on; overdue = open and
  past their deadline on that day. Findings ``invalid``, ``check`` (a duty with
  no time limit) and ``conditional`` (a duty that may not apply) are never
  counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

import polars as pl

from wtcheck.audit.fields import NO_GROUP
from wtcheck.calendar.workdays import Calendar
from wtcheck.errors import ColumnError, InputError
from wtcheck.report.measures import ALL_BANDS, Band, bands_for, england_figures
from wtcheck.report.period import Period
from wtcheck.rules import get_rule
from wtcheck.rules.model import Rule

NONE_GROUP = NO_GROUP  # the audit's own name for an empty --by cell
"""The group of rows with no value in a --by column."""


DONE = ("met", "late")
"""Statuses of a completed item."""

NOT_WORK = ("invalid", "check", "conditional")
"""Statuses never counted, neither completed nor open: a row that could not be read,
a duty with no time limit (never late or overdue), a duty that applies only if a fact
the data cannot show holds."""


def rules_of(frame: pl.DataFrame, extra: Sequence[Rule] = ()) -> dict[str, Rule | None]:
    """The registry rule of each rule id in *frame* (None for an id it does not know)."""
    out: dict[str, Rule | None] = {}
    for rule_id in frame.get_column("rule").drop_nulls().unique().sort().to_list():
        try:
            out[rule_id] = get_rule(rule_id, extra)
        except InputError:  # an id from elsewhere: no bands, no England figure
            out[rule_id] = None
    return out


def period_key(col: pl.Expr, period: Period) -> pl.Expr:
    """The period holding each date, as a number (consecutive periods, consecutive numbers):
    months since year 0; quarters since year 0 (calendar quarters start with the
    financial ones); the year in which the financial year starts (April on)."""
    month = col.dt.year().cast(pl.Int32) * 12 + col.dt.month().cast(pl.Int32) - 1
    if period is Period.MONTH:
        return month
    if period is Period.QUARTER:
        return month // 3
    return (month - 3) // 12


def period_start(key: pl.Expr, period: Period) -> pl.Expr:
    """The first day of each period numbered by :func:`period_key`."""
    month = key * {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period]
    month += 3 if period is Period.YEAR else 0
    return pl.date(month // 12, month % 12 + 1, 1)


def period_keys(frame: pl.DataFrame, period: Period) -> Callable[[pl.Expr], pl.Expr]:
    """:func:`period_key` for the dates of *frame* (the day before its earliest date to the
    day after its latest), as one look-up in a table of those days: a gather per date
    instead of extracting its year and month."""
    dates = [c for c, t in frame.schema.items() if t == pl.Date]
    lo, hi = (
        frame.select(
            lo=pl.min_horizontal(pl.col(dates).min()), hi=pl.max_horizontal(pl.col(dates).max())
        ).row(0)
        if dates and frame.height
        else (None, None)
    )
    if not isinstance(lo, date) or not isinstance(hi, date):
        return lambda day: period_key(day, period)
    first = lo - timedelta(days=1)
    days = pl.date_range(first, hi + timedelta(days=1), "1d", eager=True)
    table = pl.select(period_key(pl.lit(days), period)).to_series()
    offset = (first - _EPOCH).days
    return lambda day: pl.lit(table).gather(day.cast(pl.Int32) - offset)


_EPOCH = date(1970, 1, 1)

_STEP = {Period.MONTH: "1mo", Period.QUARTER: "3mo", Period.YEAR: "1y"}


def period_end(start: pl.Expr, period: Period) -> pl.Expr:
    return start.dt.offset_by(_STEP[period]).dt.offset_by("-1d")


def period_label(start: pl.Expr, period: Period) -> pl.Expr:
    """``2025-03``; ``2024-25 Q4``; ``2024-25`` (financial years and their quarters)."""
    if period is Period.MONTH:
        return start.dt.strftime("%Y-%m")
    fy = start.dt.year() - (start.dt.month() < 4).cast(pl.Int32)
    label = pl.format("{}-{}", fy, ((fy + 1) % 100).cast(pl.String).str.zfill(2))
    if period is Period.YEAR:
        return label
    quarter = ((start.dt.month() + 8) % 12) // 3 + 1  # Apr → 1, Jul → 2, Oct → 3, Jan → 4
    return pl.format("{} Q{}", label, quarter)


_PERIOD = ("period", "period_start", "period_end", "counted_to")
_DONE = ("completed", "on_time", "pct_on_time", "q1_days", "median_days", "q3_days")
_OPEN = ("open_at_end", "overdue_at_end")
_ENGLAND = ("england_pct_on_time", "england_year")
"""The summary table's columns after its keys, in order (the DfE bands between _DONE and
_OPEN, England's figures last, each where it applies)."""
_WORKING = ("bucket", "days_taken", "open_delta", "overdue_delta")
"""Columns the summary works with on the way."""
REPORT_COLUMNS: tuple[str, ...] = (
    *_PERIOD,
    *_DONE,
    *(b.column for b in ALL_BANDS),
    *_OPEN,
    *_ENGLAND,
    *_WORKING,
)
"""Every column of the summary's own: no --by group may take one of these names
(:func:`check_groups`)."""


def check_groups(by: Sequence[str]) -> None:
    """ColumnError when a --by name is one of the summary's own columns."""
    for name in by:
        if name in REPORT_COLUMNS:
            shown = ", ".join((*_PERIOD, *_DONE, *_OPEN, *_ENGLAND, *_WORKING))
            raise ColumnError(
                f"--by {name!r}: the report already has a column of that name ({shown}, "
                "band_...); group by another column"
            )


def _groups(frame: pl.DataFrame, by: Sequence[str]) -> list[pl.Expr]:
    """The --by columns as strings, "(none)" where a row has no value."""
    return [
        pl.col(c).cast(pl.String).str.strip_chars().replace("", None).fill_null(NONE_GROUP)
        for c in by
    ]


def _band_expr(days: pl.Expr, band: Band) -> pl.Expr:
    inside = days >= band.lo
    return inside if band.hi is None else inside & (days <= band.hi)


def completions(
    frame: pl.DataFrame,
    *,
    cal: Calendar,
    period: Period,
    by: Sequence[str] = (),
    grouped: bool = False,
) -> pl.DataFrame:
    """The completed findings, one row each, with what the summary counts of them:
    ``days_taken``, ``on_time`` and ``bucket`` (the :func:`period_key` of the
    completion date)."""
    from wtcheck.calendar.workdays_array import between_days

    done = frame.filter(
        pl.col("status").is_in(DONE)
        & pl.col("trigger_date").is_not_null()
        & pl.col("completed_date").is_not_null()
    )
    if not grouped:
        done = done.with_columns(*_groups(frame, by))
    taken = between_days(
        cal,
        done.get_column("trigger_date").to_numpy(),
        done.get_column("completed_date").to_numpy(),
    )
    return done.with_columns(
        days_taken=pl.Series(taken, dtype=pl.Int64),
        on_time=pl.col("status") == "met",
        bucket=period_keys(done.select("completed_date"), period)(pl.col("completed_date")),
    )


def band_label(rules: Mapping[str, Rule | None]) -> pl.Expr:
    """DfE's label of the band of each completion's ``days_taken`` (null for rules
    DfE publishes no bands for, and for a completion dated before its trigger)."""
    days = pl.col("days_taken")
    label = pl.lit(None, pl.String)
    for rule_id, rule in rules.items():
        for b in bands_for(rule):
            label = (
                pl.when((pl.col("rule") == rule_id) & _band_expr(days, b))
                .then(pl.lit(b.label))
                .otherwise(label)
            )
    return label


def summarise(
    frame: pl.DataFrame,
    *,
    cal: Calendar,
    as_of: date,
    period: Period = Period.MONTH,
    by: Sequence[str] = (),
    rules: Mapping[str, Rule | None] | None = None,
) -> pl.DataFrame:
    """One row per rule, group and period with anything to report (a completion, or
    something open at its end), oldest period first; see the module for each figure."""
    rules = rules if rules is not None else rules_of(frame)
    keys = ["rule", *by]
    needed = ["rule", "status", "trigger_date", "deadline", "completed_date", *by]
    live = (
        frame.lazy()
        .select(needed)
        .filter(~pl.col("status").is_in(NOT_WORK))
        .with_columns(*_groups(frame, by))
        .with_columns(pl.col(keys).cast(pl.Categorical))  # grouped by integers, not text
        .collect()
    )
    done = completions(live, cal=cal, period=period, by=by, grouped=True)
    bands = [b for b in ALL_BANDS if any(b in bands_for(r) for r in rules.values())]
    figures = _figures(done, [*keys, "bucket"], bands)

    last = int(pl.select(period_key(pl.lit(as_of), period)).item())
    first_done = done.get_column("bucket").min() if done.height else None
    first = min(int(first_done), last) if isinstance(first_done, int) else last
    grid = pl.DataFrame({"bucket": range(first, last + 1)}, schema={"bucket": pl.Int32})
    combos = live.select(keys).unique()
    table = (
        combos.join(grid, how="cross")
        .join(_open_counts(live, keys, period, first, as_of), on=[*keys, "bucket"], how="left")
        .join(figures, on=[*keys, "bucket"], how="left")
        .sort([*keys, "bucket"])
        .with_columns(
            pl.col("open_delta", "overdue_delta").fill_null(0).cum_sum().over(keys),
            pl.col("completed", "on_time").fill_null(0),
        )
        .rename({"open_delta": "open_at_end", "overdue_delta": "overdue_at_end"})
        .filter((pl.col("completed") > 0) | (pl.col("open_at_end") > 0))
        .with_columns(pl.col(keys).cast(pl.String))
    )
    for b in bands:  # a band only for the rules DfE publishes it for
        has = [rid for rid, r in rules.items() if b in bands_for(r)]
        table = table.with_columns(
            pl.when(pl.col("rule").is_in(has)).then(pl.col(b.column).fill_null(0)).alias(b.column)
        )
    table = (
        _with_england(table, rules)
        .with_columns(
            period_start=period_start(pl.col("bucket"), period),
        )
        .with_columns(
            period=period_label(pl.col("period_start"), period),
            period_end=period_end(pl.col("period_start"), period),
        )
        .with_columns(counted_to=pl.min_horizontal("period_end", pl.lit(as_of)))
    )
    return table.sort(["rule", "bucket", *by]).select(
        *keys, *_PERIOD, *_DONE, *(b.column for b in bands), *_OPEN,
        *(c for c in _ENGLAND if c in table.columns),
    )  # fmt: skip


def totals(
    done: pl.DataFrame, keys: Sequence[str], bands: Sequence[Band] = ALL_BANDS
) -> pl.DataFrame:
    """The completion figures of :func:`summarise` over *keys* alone (no period):
    e.g. per rule and team over the whole span, for the report's bars."""
    return _figures(done, list(keys), bands).sort(list(keys))


def _figures(done: pl.DataFrame, keys: list[str], bands: Sequence[Band]) -> pl.DataFrame:
    days = pl.col("days_taken")
    stats = days.filter(days >= 0)
    return (
        done.group_by(keys)
        .agg(
            completed=pl.len().cast(pl.Int64),
            on_time=pl.col("on_time").sum().cast(pl.Int64),
            q1_days=stats.quantile(0.25, "linear"),
            median_days=stats.median(),
            q3_days=stats.quantile(0.75, "linear"),
            **{b.column: _band_expr(days, b).sum().cast(pl.Int64) for b in bands},
        )
        .with_columns(
            pct_on_time=(100 * pl.col("on_time") / pl.col("completed")).round(1),
        )
    )


def _open_counts(
    live: pl.DataFrame, keys: list[str], period: Period, first: int, as_of: date
) -> pl.DataFrame:
    """Per key and period, how many became open / overdue minus how many stopped being,
    so that a running sum over the periods is the count at each period's end.

    An item opens on its trigger (or deadline, if earlier), is overdue from the day
    after its deadline, and stops being either when completed; days after *as_of*
    are not counted, days before the *first* period count in it."""
    done = pl.col("status").is_in(DONE) & pl.col("completed_date").is_not_null()
    start = pl.min_horizontal("trigger_date", "deadline")
    due = pl.col("deadline") + timedelta(days=1)
    floor = pl.lit(first, pl.Int32)
    key = period_keys(live.select("trigger_date", "deadline", "completed_date"), period)

    def bucket(day: pl.Expr) -> pl.Expr:
        return pl.when(day <= as_of).then(pl.max_horizontal(key(day), floor))

    events = live.lazy().select(
        *keys,
        opened=bucket(start),
        closed=bucket(pl.when(done).then(pl.max_horizontal(start, "completed_date"))),
        due=bucket(due),
        due_closed=bucket(pl.when(done).then(pl.max_horizontal(due, "completed_date"))),
    )
    parts = [
        events.group_by([*keys, pl.col(c).alias("bucket")])
        .agg(open_delta=pl.len().cast(pl.Int64) * o, overdue_delta=pl.len().cast(pl.Int64) * d)
        .filter(pl.col("bucket").is_not_null())
        for c, o, d in (("opened", 1, 0), ("closed", -1, 0), ("due", 0, 1), ("due_closed", 0, -1))
    ]
    return (
        pl.concat(parts)
        .group_by([*keys, "bucket"])
        .agg(pl.col("open_delta", "overdue_delta").sum())
        .collect()
    )


def _with_england(table: pl.DataFrame, rules: Mapping[str, Rule | None]) -> pl.DataFrame:
    """England's latest figure beside each rule that measures exactly what it measures."""
    latest = {rid: f[0] for rid, r in rules.items() if (f := england_figures(r))}
    if not latest:
        return table
    pct = {rid: f.pct for rid, f in latest.items()}
    year = {rid: f.year for rid, f in latest.items()}
    return table.with_columns(
        england_pct_on_time=pl.col("rule").replace_strict(
            pct, default=None, return_dtype=pl.Float64
        ),
        england_year=pl.col("rule").replace_strict(year, default=None, return_dtype=pl.String),
    )


def england_table(rules: Mapping[str, Rule | None]) -> pl.DataFrame:
    """Every England figure that matches a rule of the report, with its source."""
    from wtcheck.report.measures import england_label

    rows = [
        {
            "rule": rid, "measure": f.measure, "year": f.year, "pct_within": f.pct,
            "within": f.within, "total": f.total, "q1_days": f.p25, "median_days": f.median,
            "q3_days": f.p75, "source": f.source, "label": england_label(),
        }
        for rid, r in rules.items()
        for f in england_figures(r)
    ]  # fmt: skip
    schema = {
        "rule": pl.String, "measure": pl.String, "year": pl.String, "pct_within": pl.Float64,
        "within": pl.Int64, "total": pl.Int64, "q1_days": pl.Int64, "median_days": pl.Int64,
        "q3_days": pl.Int64, "source": pl.String, "label": pl.String,
    }  # fmt: skip
    return pl.DataFrame(rows, schema=schema)


def detail(
    done: pl.DataFrame,
    by: Sequence[str],
    period: Period,
    rules: Mapping[str, Rule | None] | None = None,
) -> pl.DataFrame:
    """The rows behind each cell of the summary (from :func:`completions`)."""
    rules = rules if rules is not None else rules_of(done)
    optional = [c for c in ("episode", "file", "source_row") if c in done.columns]
    return done.sort(["rule", *by, "bucket", "completed_date", "case_id"]).select(
        "rule", *by,
        period=period_label(period_start(pl.col("bucket"), period), period),
        case_id="case_id",
        trigger_date="trigger_date",
        deadline="deadline",
        completed_date="completed_date",
        working_days_taken="days_taken",
        band=band_label(rules),
        in_time=pl.when(pl.col("on_time")).then(pl.lit("in time")).otherwise(pl.lit("out of time")),
        **{c: c for c in optional},
    )  # fmt: skip
