"""UK bank-holiday calendars and working-day arithmetic.

One package for everything about which days are working days:

- :mod:`~wtcheck.calendar.data`: the GOV.UK bank-holiday data (bundled, or an
  imported newer copy) and the years it covers;
- :mod:`~wtcheck.calendar.workdays`: :class:`~wtcheck.calendar.workdays.Calendar`,
  the working-day arithmetic every deadline is counted with;
- :mod:`~wtcheck.calendar.workdays_array`: the same convention over numpy
  ``datetime64[D]`` arrays (the ``array`` extra);
- :mod:`~wtcheck.calendar.closures`: a council's local closure days (opt-in);
- :mod:`~wtcheck.calendar.staleness`: when the bundled data is too old to trust;
- :mod:`~wtcheck.calendar.importer`: ``wtcheck calendar import`` (a newer GOV.UK
  file, validated, stored in the user's data folder);
- :mod:`~wtcheck.calendar.report`: what ``wtcheck calendar`` shows (coverage,
  holidays, the working days of a month).

Nothing is imported here: each command loads only the modules it needs (start-up).
"""
