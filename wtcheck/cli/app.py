"""The root ``wtcheck`` app: commands, ``--version`` and error translation.

Every :class:`~wtcheck.errors.WtcheckError` that escapes a command becomes
one line on stderr (``wtcheck: error: ...``) and its exit status: 2 for
unusable input, 3 when a report could not be delivered. No traceback.
"""

from __future__ import annotations

import importlib
import sys
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


COMMANDS: dict[str, tuple[str, str]] = {
    # name: (its module in wtcheck.cli, the command function or Typer group in it).
    # Add a command with one line here; a function gets no_args_is_help=True.
    # The order is that of --help: the main job first.
    "audit": ("audit_cmd", "audit"),
    "report": ("report_cmd", "report"),
    "deadlines": ("deadlines_cmd", "deadlines"),
    "explain": ("explain_cmd", "explain"),
    "rules": ("rules_cmd", "app"),
    "workdays": ("workdays_cmd", "app"),
    "calendar": ("calendar_cmd", "app"),
}


def _register(app: typer.Typer, name: str) -> None:
    """Import command *name*'s module and add the command (or group) to *app*."""
    module, attr = COMMANDS[name]
    target = getattr(importlib.import_module(f"wtcheck.cli.{module}"), attr)
    if isinstance(target, typer.Typer):
        app.add_typer(target, name=name)
    else:
        app.command(name, no_args_is_help=True)(target)


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
    for name in COMMANDS:
        if command not in COMMANDS or name == command:
            _register(app, name)
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
