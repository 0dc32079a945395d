"""wtcheck: safeguarding deadlines for England, correct to the day.

Library first: import :mod:`wtcheck.calendar.workdays` for working-day arithmetic,
:mod:`wtcheck.rules` for the cited rule table and :mod:`wtcheck.deadlines` to
compute deadlines from trigger dates. The ``wtcheck`` command is a thin layer
over these modules.
"""

__version__ = "0.1.0"
