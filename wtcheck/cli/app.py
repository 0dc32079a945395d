"""The root ``wtcheck`` app: commands, ``--version`` and error translation.

Every :class:`~wtcheck.errors.WtcheckError` that escapes a command becomes
one line on stderr (``wtcheck: error: ...``) and its exit status: 2 for
unusable input, 3 when a report could not be delivered. No traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wtcheck import __version__
from wtcheck.errors import WtcheckError


class _Group(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WtcheckError as exc:
            typer.echo(f"wtcheck: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


HELP = (
    "Deadlines and compliance checks for children's safeguarding work in England: "
    "Working Together, the Child Safeguarding Practice Review Panel and Housing Act 1996 "
    "Part 7, counted on UK bank-holiday calendars. No network at run time."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wtcheck {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """wtcheck: safeguarding deadlines, correct to the day."""
    from wtcheck.cli.options import reset_warnings

    reset_warnings()


def _audit(app: typer.Typer) -> None:
    from wtcheck.cli import audit_cmd

    app.command("audit", no_args_is_help=True)(audit_cmd.audit)


def _deadlines(app: typer.Typer) -> None:
    from wtcheck.cli import deadlines_cmd

    app.command("deadlines", no_args_is_help=True)(deadlines_cmd.deadlines)


def _explain(app: typer.Typer) -> None:
    from wtcheck.cli import explain_cmd

    app.command("explain", no_args_is_help=True)(explain_cmd.explain)


def _rules(app: typer.Typer) -> None:
    from wtcheck.cli import rules_cmd

    app.add_typer(rules_cmd.app, name="rules")


def _workdays(app: typer.Typer) -> None:
    from wtcheck.cli import workdays_cmd

    app.add_typer(workdays_cmd.app, name="workdays")


def _calendar(app: typer.Typer) -> None:
    from wtcheck.cli import calendar_cmd

    app.add_typer(calendar_cmd.app, name="calendar")


_COMMANDS: dict[str, Callable[[typer.Typer], None]] = {
    # the order of --help: the main job first
    "audit": _audit,
    "deadlines": _deadlines,
    "explain": _explain,
    "rules": _rules,
    "workdays": _workdays,
    "calendar": _calendar,
}


def build_app(command: str | None = None) -> typer.Typer:
    """The ``wtcheck`` app with every command, or with only *command* if it names one.

    A run needs only the command it runs: registering just that one spares
    importing every other command module (and Typer building their click
    commands), which is most of wtcheck's start-up. Anything that is not a
    command name (``--help``, ``--version``, nothing, a typo) gets every
    command, so the root help and click's errors are the same as ever.
    """
    app = typer.Typer(
        cls=_Group,
        name="wtcheck",
        help=HELP,
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
        add_completion=False,
        rich_markup_mode="rich",
    )
    app.callback()(root)
    for name, register in _COMMANDS.items():
        if command not in _COMMANDS or name == command:
            register(app)
    return app


def __getattr__(name: str) -> typer.Typer:
    # ``from wtcheck.cli.app import app`` (tests, scripts/cli_reference.py): the
    # whole app, built on first use, so importing this module for main() is cheap.
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: builds only the command being run (see build_app)."""
    build_app(sys.argv[1] if len(sys.argv) > 1 else None)()
