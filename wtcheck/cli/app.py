"""The root ``wtcheck`` app: commands, ``--version`` and error translation.

Every :class:`~wtcheck.errors.WtcheckError` that escapes a command becomes
one line on stderr (``wtcheck: error: ...``) and its exit status: 2 for
unusable input, 3 when a report could not be delivered. No traceback.
"""

from __future__ import annotations

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


app = typer.Typer(
    cls=_Group,
    name="wtcheck",
    help=(
        "Deadlines and compliance checks for children's safeguarding work in England: "
        "Working Together, the Child Safeguarding Practice Review Panel and Housing Act 1996 "
        "Part 7, counted on UK bank-holiday calendars. No network at run time."
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wtcheck {__version__}")
        raise typer.Exit()


@app.callback()
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


def _register() -> None:
    from wtcheck.cli import (
        audit_cmd,
        calendar_cmd,
        deadlines_cmd,
        explain_cmd,
        rules_cmd,
        workdays_cmd,
    )

    # the order of --help: the main job first
    app.command("audit", no_args_is_help=True)(audit_cmd.audit)
    app.command("deadlines", no_args_is_help=True)(deadlines_cmd.deadlines)
    app.command("explain", no_args_is_help=True)(explain_cmd.explain)
    app.add_typer(rules_cmd.app, name="rules")
    app.add_typer(workdays_cmd.app, name="workdays")
    app.add_typer(calendar_cmd.app, name="calendar")


_register()


def main() -> None:
    """Console-script entry point."""
    app()
