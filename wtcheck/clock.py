"""The one place wtcheck asks what day it is.

Every "today" in wtcheck (the default ``--as-of``, the stale-data warning)
comes from :func:`today`, so the test suite can pin it and no test depends on
the real date. ``tests/test_clock.py`` checks that nothing else calls
``date.today()``.
"""

from __future__ import annotations

from datetime import date


def today() -> date:
    """Today's date (local time)."""
    return date.today()
