"""The columns of a findings frame and of the CSV and JSON outputs.

They are part of wtcheck's interface (users' spreadsheets read them): add
columns at the end, never rename. Kept apart from the pipeline so that
renderers can name them without importing polars.
"""

from __future__ import annotations

FIELDS: tuple[str, ...] = (
    "case_id", "rule", "rule_name", "trigger_date", "deadline", "completed_date", "status",
    "working_days", "edition", "source_row", "force", "anchor", "file", "projected",
    "column", "value", "message", "episode",
)  # fmt: skip
"""After these, one column per ``--by`` group, named as given."""

NO_GROUP = "(none)"
"""The group of a row whose ``--by`` cell is empty."""
