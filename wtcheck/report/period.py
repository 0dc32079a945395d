"""The periods of the timeliness report (no polars here: the CLI imports this to parse
``--period`` before anything heavy is needed)."""

from __future__ import annotations

from enum import StrEnum


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    """Quarters of the financial year: Q1 = April–June ... Q4 = January–March."""
    YEAR = "year"
    """The financial year, 1 April – 31 March."""
