"""The catalogue of errors that stop a run.

Problems found *in the data* (an unreadable date in one cell, a missed
deadline) are values, not exceptions. These exceptions are for problems that
make a run impossible; the CLI turns each into one line on stderr and an exit
status:

* :class:`InputError` and its subclasses, :class:`ConfigError` and
  :class:`CalendarRangeError`: exit 2 (unusable input);
* :class:`DeliveryError`: exit 3 (the report could not be delivered).
"""

from __future__ import annotations


class WtcheckError(Exception):
    """Base class of every error wtcheck raises on purpose."""

    exit_code = 2


class InputError(WtcheckError):
    """Input that cannot be used: a bad argument, file or value."""


class DateError(InputError, ValueError):
    """A date that cannot be read, or that does not exist."""

    def __init__(self, value: str, reason: str = "") -> None:
        self.value = value
        self.reason = reason or (
            "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"
        )
        super().__init__(f"{value!r}: {self.reason}")


class ColumnError(InputError):
    """A CSV header problem: duplicates, no usable column, a missing column."""


class ConfigError(InputError):
    """A configuration file that cannot be used (names the file, key and line)."""


class CalendarRangeError(InputError):
    """A date outside every calendar wtcheck can count on (before 1872 or after 2100)."""


class CalendarDataError(InputError):
    """A bank-holiday file that is malformed."""


class DeliveryError(WtcheckError):
    """A report that could not be delivered (SMTP refused, timed out, ...)."""

    exit_code = 3
