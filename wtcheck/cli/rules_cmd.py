"""``wtcheck rules``: the rule registry (with the config file's local rules)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wtcheck.cli.options import OUT, ConfigOpt, TableFormat, TextFormat, parse_arg

app = typer.Typer(
    invoke_without_command=True,
    help="List the rules wtcheck knows, or show one in full ('wtcheck rules show ID').",
)


@app.callback()
def list_rules(
    ctx: typer.Context,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition", metavar="EDITION", help="Only rules of this Working Together edition."
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic", metavar="TOPIC", help="Only rules of this topic (e.g. assessment)."
        ),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Only rules in force on this date.")
    ] = None,
    fmt: Annotated[
        TableFormat,
        typer.Option(
            "--format", "-f", metavar="table|json|csv", help="Output format.", rich_help_panel=OUT
        ),
    ] = TableFormat.TABLE,
    config: ConfigOpt = None,
) -> None:
    """List the rules: id, timescale, force, dates in force and verification status.

    Local rules from the config file are included and marked LOCAL.
    """
    if ctx.invoked_subcommand is not None:
        return
    from wtcheck.config import load_config
    from wtcheck.render import rules_view
    from wtcheck.render.console import make_console
    from wtcheck.rules import all_rules
    from wtcheck.rules.query import select

    cfg = load_config(config)
    day = parse_arg("--date", on) if on else None
    rules = select(all_rules(cfg.local_rules), edition=edition, topic=topic, on=day)
    if fmt is TableFormat.JSON:
        rules_view.write_json(sys.stdout, rules)
    elif fmt is TableFormat.CSV:
        rules_view.write_rules_csv(sys.stdout, rules)
    else:
        title = f"{len(rules)} rules"
        rules_view.print_table(make_console(), rules, title)


@app.command("show")
def show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="Rule id, e.g. ia-10.")],
    fmt: Annotated[
        TextFormat,
        typer.Option(
            "--format", "-f", metavar="text|json", help="Output format.", rich_help_panel=OUT
        ),
    ] = TextFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Everything about one rule: timescale, force, sources, notes and its history
    across editions."""
    from wtcheck.config import load_config
    from wtcheck.render import rules_view
    from wtcheck.render.console import make_console
    from wtcheck.rules import get_rule
    from wtcheck.rules.query import history

    cfg = load_config(config)
    rule = get_rule(rule_id, cfg.local_rules)
    steps = history(rule, cfg.local_rules)
    if fmt is TextFormat.JSON:
        rules_view.write_rule_json(sys.stdout, rule, steps)
    else:
        rules_view.print_rule(make_console(), rule, steps)
