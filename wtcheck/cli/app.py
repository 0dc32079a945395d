"""The root ``wtcheck`` app: commands, ``--version`` and error translation.

Every :class:`~wtcheck.errors.WtcheckError` that escapes a command becomes
one line on stderr (``wtcheck: error: ...``) and its exit status: 2 for
unusable input, 3 when a report could not be delivered. A usage error (an
unknown option, a missing argument, a bad choice) is one such line too, exit
2, never click's multi-line box. Anything else that escapes is a bug: one line
``wtcheck: internal error: ...`` and exit 70 (EX_SOFTWARE; not 1, which cron
reads as "findings"), with the traceback only when ``WTCHECK_DEBUG=1``.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.core import TyperGroup

from wtcheck import __version__
from wtcheck.errors import WtcheckError

DEBUG_ENV = "WTCHECK_DEBUG"
"""Set to 1 to see the traceback of an internal error."""

EX_SOFTWARE = 70
"""Exit status of an internal error (sysexits.h)."""

USAGE_EXIT = 2


def one_line(text: str, limit: int = 500) -> str:
    """*text* on one line (runs of whitespace, line breaks included, become one space;
    other control characters escaped), cut to *limit* characters."""
    flat = " ".join(str(text).split())
    if not flat.isprintable():  # an escape sequence typed as an option name: shown, not run
        flat = "".join(c if c.isprintable() else repr(c)[1:-1] for c in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _usage_error(exc: ClickException) -> NoReturn:
    """A click usage error as one line (``wtcheck: error: ...``), exit 2."""
    ctx = getattr(exc, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    message = one_line(exc.format_message()).rstrip(".")
    typer.echo(f"wtcheck: error: {message}{hint}", err=True)
    raise typer.Exit(USAGE_EXIT) from None


def _internal_error(exc: BaseException) -> NoReturn:
    """An exception no code path expected: one line, exit 70; the traceback under WTCHECK_DEBUG."""
    report_internal_error(exc)
    raise typer.Exit(EX_SOFTWARE) from None


def report_internal_error(exc: BaseException) -> None:
    """Print the one line of an internal error (and the traceback under WTCHECK_DEBUG)."""
    if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    typer.echo(
        f"wtcheck: internal error: {type(exc).__name__}: {one_line(str(exc))} "
        f"(a bug in wtcheck; {DEBUG_ENV}=1 shows the traceback)",
        err=True,
    )


class _Group(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise  # no arguments at all: the help, as ever
        except ClickException as exc:
            _usage_error(exc)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WtcheckError as exc:
            typer.echo(f"wtcheck: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except NoArgsIsHelpError:
            raise
        except ClickException as exc:
            _usage_error(exc)
        except (typer.Exit, typer.Abort):
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # a closed pipe (``| head``): click's quiet exit
            _internal_error(exc)
        except Exception as exc:
            _internal_error(exc)


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


def _with_completion(command: str | None) -> bool:
    """Whether to add --install-completion / --show-completion (bash, zsh, fish, PowerShell).

    Rule ids, divisions, editions, topics and formats complete. The options
    belong to the root command, so a run of one command (which never shows
    them) skips them and the ~5 ms their set-up costs, unless the shell is
    asking for completions (``_WTCHECK_COMPLETE`` set).
    """
    import os

    return command not in COMMANDS or "_WTCHECK_COMPLETE" in os.environ


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
        add_completion=_with_completion(command),
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
    """Console-script entry point: builds only the command being run (see build_app).

    Errors inside a command are translated by the app itself (so the test
    runner sees them too); this net catches what escapes before a command runs.
    """
    try:
        app = build_app(sys.argv[1] if len(sys.argv) > 1 else None)
    except Exception as exc:
        report_internal_error(exc)
        sys.exit(EX_SOFTWARE)
    app()
