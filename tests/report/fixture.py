"""A findings frame with every figure counted by hand (tests of the report).

Working days are counted on the England-and-Wales calendar, the trigger day
not counted and the completion day counted (``Calendar.between``). The days
in the comments were counted on a paper calendar, not by wtcheck: spring
bank holiday Mon 26 May 2025 and summer bank holiday Mon 25 Aug 2025 are not
working days; Sat 31 May 2025 ends a month on a weekend; Mon 31 Mar / Tue
1 Apr 2025 end and start a financial year.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from wtcheck.render.findings_view import FIELDS

AS_OF = date(2025, 9, 10)


def d(text: str) -> date:
    return date.fromisoformat(text)


# (case, rule, team, trigger, deadline, completed, status)   working days taken, band
ROWS: list[tuple[str, str, str | None, str | None, str | None, str | None, str]] = [
    # icpc-2013: 15 working days from the strategy discussion; DfE C4 bands
    ("N1", "icpc-2013", "North", "2025-03-10", "2025-03-31", "2025-03-31", "met"),  # 15, 11–15
    ("N2", "icpc-2013", "North", "2025-03-11", "2025-04-01", "2025-04-01", "met"),  # 15, 11–15
    ("N3", "icpc-2013", "North", "2025-03-10", "2025-03-31", "2025-04-01", "late"),  # 16, 16–20
    ("N4", "icpc-2013", "North", "2025-03-10", "2025-03-31", "2025-04-02", "late"),  # 17, 16–20
    ("N5", "icpc-2013", "North", "2025-03-07", "2025-03-28", "2025-04-02", "late"),  # 18, 16–20
    ("S1", "icpc-2013", "South", "2025-05-16", "2025-06-09", "2025-05-31", "met"),  # 9 (Sat), 0–10
    ("S2", "icpc-2013", "South", "2025-05-16", "2025-06-09", "2025-06-02", "met"),  # 10, 0–10
    ("S3", "icpc-2013", "South", "2025-05-30", "2025-06-20", None, "overdue"),  # open
    ("X1", "icpc-2013", None, "2025-03-03", "2025-03-24", "2025-03-25", "late"),  # 16, 16–20
    ("X2", "icpc-2013", "", "2025-03-03", "2025-03-24", "2025-04-02", "late"),  # 22, 21+
    ("I1", "icpc-2013", "North", None, None, None, "invalid"),  # never counted
    ("K1", "icpc-2013", "South", "2025-03-03", None, None, "check"),  # never counted
    ("C1", "icpc-2013", "West", "2025-03-03", "2025-03-24", None, "conditional"),  # nor this
    # sa-45: 45 working days; DfE C2 bands. All start Mon 2 Jun 2025; day 45 is Mon 4 Aug
    ("A00", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-06-02", "met"),  # 0, same day
    ("A01", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-06-03", "met"),  # 1, 1–10
    ("A10", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-06-16", "met"),  # 10, 1–10
    ("A11", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-06-17", "met"),  # 11, 11–20
    ("A20", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-06-30", "met"),  # 20, 11–20
    ("A21", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-07-01", "met"),  # 21, 21–30
    ("A30", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-07-14", "met"),  # 30, 21–30
    ("A31", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-07-15", "met"),  # 31, 31–40
    ("A40", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-07-28", "met"),  # 40, 31–40
    ("A41", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-07-29", "met"),  # 41, 41–45
    ("A45", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-08-04", "met"),  # 45, 41–45
    ("A46", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-08-05", "late"),  # 46, 46–50
    ("A50", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-08-11", "late"),  # 50, 46–50
    ("A51", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-08-12", "late"),  # 51, 51–60
    (
        "A60",
        "sa-45",
        "East",
        "2025-06-02",
        "2025-08-04",
        "2025-08-26",
        "late",
    ),  # 60 (BH 25th), 51–60
    ("A61", "sa-45", "East", "2025-06-02", "2025-08-04", "2025-08-27", "late"),  # 61, 61+
    ("AOP", "sa-45", "East", "2025-06-02", "2025-08-04", None, "overdue"),  # open
]

DAYS = {
    "N1": 15, "N2": 15, "N3": 16, "N4": 17, "N5": 18, "S1": 9, "S2": 10, "X1": 16, "X2": 22,
    "A00": 0, "A01": 1, "A10": 10, "A11": 11, "A20": 20, "A21": 21, "A30": 30, "A31": 31,
    "A40": 40, "A41": 41, "A45": 45, "A46": 46, "A50": 50, "A51": 51, "A60": 60, "A61": 61,
}  # fmt: skip
"""Working days taken, counted by hand (see ROWS)."""


def findings_frame(
    rows: list[tuple[str, str, str | None, str | None, str | None, str | None, str]] = ROWS,
) -> pl.DataFrame:
    """*rows* as the audit's findings frame (FIELDS, typed) with a ``team`` group column."""
    data: dict[str, list[object]] = {k: [] for k in (*FIELDS, "team")}
    for n, (case, rule, team, trigger, deadline, completed, status) in enumerate(rows, start=2):
        record: dict[str, object] = dict.fromkeys(FIELDS)
        record.update(
            case_id=case, rule=rule, rule_name=rule, status=status, source_row=n,
            trigger_date=d(trigger) if trigger else None,
            deadline=d(deadline) if deadline else None,
            completed_date=d(completed) if completed else None,
            file="cases.csv", edition="wt2023", force="guidance", projected=False,
        )  # fmt: skip
        for k in FIELDS:
            data[k].append(record[k])
        data["team"].append(team)
    schema = dict.fromkeys((*FIELDS, "team"), pl.String) | {
        "trigger_date": pl.Date, "deadline": pl.Date, "completed_date": pl.Date,
        "working_days": pl.Int64, "source_row": pl.Int64, "projected": pl.Boolean,
    }  # fmt: skip
    return pl.DataFrame(data, schema=schema)
