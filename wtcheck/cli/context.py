"""One command context: config, counting options, calendar and output, built once.

Every command that counts or prints builds its :class:`Context` from its
options with one call, so a setting means the same in every command: an
option given on the command line first, then the config file, then
wtcheck's default. ``[calendar] division`` and ``closures`` in the config
file therefore apply to ``workdays`` and ``calendar`` as they do to
``deadlines``, ``explain`` and ``audit``::

    from wtcheck.cli.context import Context

    ctx = Context.build(
        config=config,          # --config FILE (None: ./wtcheck.toml, else the user's)
        division=division,      # --division (None: the config file's, else england-and-wales)
        calendar=calendar,      # --calendar FILE (None: the data in use)
        closures=closures,      # --closures FILE (None: the config file's, else none)
        as_of=as_of,            # --as-of text, a date, or None (today)
        rr_anchor=rr_anchor, count_start_day=count_start_day,
        clear_days=clear_days, inclusive=inclusive, edition=edition,
        wide=wide,              # --wide: do not fit piped output to 100 columns
    )
    ctx.config                  # wtcheck.config.Config
    ctx.options                 # wtcheck.deadlines.Options (the counting choices)
    ctx.calendar                # wtcheck.calendar.workdays.Calendar, opened on first use
    ctx.as_of                   # datetime.date
    ctx.console(), ctx.printer()  # consoles for stdout (or a stream) at the right width

Nothing is read until :meth:`Context.build` is called, and the calendar only
when :attr:`Context.calendar` is first used (``rules`` never opens one).
Bad input (an unreadable config, a bad date or edition) raises
:class:`~wtcheck.errors.InputError` or :class:`~wtcheck.errors.ConfigError`,
which the app prints as one line (exit 2).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wtcheck.cli.options import (
    Division,
    RRAnchor,
    as_of_date,
    counting_options,
    edition_arg,
    open_calendar,
)
from wtcheck.config import Config

if TYPE_CHECKING:
    from rich.console import Console

    from wtcheck.calendar.workdays import Calendar
    from wtcheck.deadlines import Options
    from wtcheck.render.plain import PlainConsole


class Context:
    """What a command needs besides its own arguments (see the module docstring).

    A plain class, not a dataclass: importing ``dataclasses`` costs start-up time.
    """

    def __init__(
        self,
        config: Config,
        options: Options,
        as_of: date,
        division: Division | None = None,
        calendar_file: Path | None = None,
        closures_file: Path | None = None,
        wide: bool = False,
    ) -> None:
        self.config = config
        self.options = options
        self.as_of = as_of
        self.division = division
        self.calendar_file = calendar_file
        self.closures_file = closures_file
        self.wide = wide

    @classmethod
    def build(
        cls,
        *,
        config: Path | Config | None = None,
        division: Division | None = None,
        calendar: Path | None = None,
        closures: Path | None = None,
        as_of: str | date | None = None,
        rr_anchor: RRAnchor | None = None,
        count_start_day: bool = False,
        clear_days: bool = False,
        inclusive: bool = False,
        edition: str | None = None,
        wide: bool = False,
    ) -> Context:
        """The context of one run: each option if given, else the config file's, else the default.

        *config*: the ``--config`` path (or an already loaded :class:`Config`).
        *as_of*: the ``--as-of`` text (parsed day first), a date, or None for today.
        """
        from wtcheck.config import load_config

        cfg = config if isinstance(config, Config) else load_config(config)
        day = as_of if isinstance(as_of, date) else as_of_date(as_of)
        options = counting_options(
            cfg,
            rr_anchor=rr_anchor,
            count_start_day=count_start_day,
            clear_days=clear_days,
            inclusive=inclusive,
            edition=edition_arg(edition),
        )
        return cls(cfg, options, day, division, calendar, closures, wide)

    @cached_property
    def calendar(self) -> Calendar:
        """The calendar to count on (options, then the config file's division and closures)."""
        return open_calendar(
            self.division, self.calendar_file, self.closures_file, self.config, as_of=self.as_of
        )

    @property
    def closures_path(self) -> Path | None:
        """The closures file in use: --closures, else the config file's, else None."""
        return self.closures_file or self.config.closures_file

    def console(self, stream: TextIO | None = None) -> Console:
        """A rich console for *stream* (stdout by default), as wide as the output allows."""
        from wtcheck.render.console import make_console

        return make_console(stream, wide=self.wide)

    def printer(self, stream: TextIO | None = None) -> Console | PlainConsole:
        """Like :meth:`console`, without importing rich when piped (strings and tables only)."""
        from wtcheck.render.console import make_printer

        return make_printer(stream, wide=self.wide)
