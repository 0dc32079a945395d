"""``wtcheck rules``: the rule registry (with the config file's local rules)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wtcheck.cli.options import (
    OUT,
    WORDS,
    ConfigOpt,
    TableFormat,
    TextFormat,
    WideOpt,
    complete_editions,
    complete_rule_ids,
    parse_arg,
)

app = typer.Typer(
    invoke_without_command=True,
    help=(
        "List the rules wtcheck knows, or show one in full ('wtcheck rules show ID'). "
        "Local rules from the config file are included and marked LOCAL; narrower than "
        "110 columns, each rule is printed as a stacked entry.\n\n"
        "Example: wtcheck rules --topic assessment --date 01/04/2024"
    ),
)


def _topics(incomplete: str) -> list[str]:
    """Shell completion: the rule topics."""
    from wtcheck.rules import all_rules

    return sorted({r.topic for r in all_rules() if r.topic.startswith(incomplete)})


@app.callback()
def list_rules(
    ctx: typer.Context,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            metavar="EDITION",
            help="Only rules of this Working Together edition.",
            autocompletion=complete_editions,
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            metavar="TOPIC",
            help="Only rules of this topic (e.g. assessment).",
            autocompletion=_topics,
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
    wide: WideOpt = False,
) -> None:
    """List the rules: id, timescale, force, dates in force and verification status.

    Local rules from the config file are included and marked LOCAL. Narrower than 110 columns, each rule is printed as a stacked entry.

    Example: wtcheck rules --topic assessment --date 01/04/2024
    """
    if ctx.invoked_subcommand is not None:
        return
    from wtcheck.cli.context import Context
    from wtcheck.render import rules_view
    from wtcheck.rules import all_rules
    from wtcheck.rules.query import select

    run = Context.build(config=config, wide=wide)
    day = parse_arg("--date", on) if on else None
    rules = select(all_rules(run.config.local_rules), edition=edition, topic=topic, on=day)
    if fmt is TableFormat.JSON:
        rules_view.write_json(sys.stdout, rules)
    elif fmt is TableFormat.CSV:
        rules_view.write_rules_csv(sys.stdout, rules)
    else:
        title = f"{len(rules)} rules"
        rules_view.print_table(run.printer(), rules, title)


@app.command("show")
def show(
    rule_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Rule id, e.g. ia-10.",
            click_type=WORDS,
            autocompletion=complete_rule_ids,
        ),
    ],
    fmt: Annotated[
        TextFormat,
        typer.Option(
            "--format", "-f", metavar="text|json", help="Output format.", rich_help_panel=OUT
        ),
    ] = TextFormat.TEXT,
    config: ConfigOpt = None,
    wide: WideOpt = False,
) -> None:
    """Everything about one rule: timescale, force, sources, notes and its history across editions.

    Example: wtcheck rules show ia-10
    """
    from wtcheck.cli.context import Context
    from wtcheck.render import rules_view
    from wtcheck.rules import get_rule
    from wtcheck.rules.query import history

    run = Context.build(config=config, wide=wide)
    local = run.config.local_rules
    rule = get_rule(rule_id, local)
    steps = history(rule, local)
    if fmt is TextFormat.JSON:
        rules_view.write_rule_json(sys.stdout, rule, steps)
    else:
        rules_view.print_rule(run.console(), rule, steps)
