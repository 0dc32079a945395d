"""Item 16 of issue 17: shell completion on (bash, zsh, fish); help text that reads right.

Completion completes rule ids (registry and local), divisions and editions.
Help: no ``<str>`` placeholders, ``[calendar]`` shown (rich used to read it as
markup and drop it), paragraphs not broken mid-sentence, ``calendar show
--as-of`` described for what it does, an example in every command's help.
"""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from wtcheck.cli.app import app

COMPLETE = "_WTCHECK_COMPLETE"


def complete(shell: str, words: str, **env: str) -> list[str]:
    """What the shell would offer after *words* (the last word is being typed)."""
    if shell == "bash":
        parts = words.split(" ")
        env |= {COMPLETE: "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    elif shell == "zsh":
        env |= {COMPLETE: "complete_zsh", "_TYPER_COMPLETE_ARGS": words}
    else:
        env |= {COMPLETE: "complete_fish", "_TYPER_COMPLETE_ARGS": words,
                "_TYPER_COMPLETE_FISH_ACTION": "get-args"}  # fmt: skip
    result = CliRunner().invoke(app, [], env=env, prog_name="wtcheck")
    out = result.stdout
    if shell == "zsh":  # _arguments '*: :(("a"\n"b"))', or "value":"help" lines
        return re.findall(r'^[^"]*"([^"]*)"', out, re.M)
    return [line.split("\t")[0] for line in out.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_rule_ids_complete(shell: str) -> None:
    assert complete(shell, "wtcheck explain sin") == [
        "sin-panel", "sin-partners", "sin-lac", "sin-careleaver"
    ]  # fmt: skip
    assert complete(shell, "wtcheck rules show ia-") == ["ia-7", "ia-10"]
    assert complete(shell, "wtcheck deadlines --rule rr-s") == ["rr-submit"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_divisions_and_editions_complete(shell: str) -> None:
    assert complete(shell, "wtcheck workdays is --division ") == [
        "england-and-wales", "scotland", "northern-ireland", "uk-any"
    ]  # fmt: skip
    assert complete(shell, "wtcheck calendar list -d sc") == ["scotland"]
    assert complete(shell, "wtcheck explain --edition wt2018") == ["wt2018", "wt2018-dec2020"]


def test_local_rules_complete(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "wtcheck.toml").write_text(
        '[rules.sin-local]\nname = "Local"\ntrigger = "aware"\nlength = 2\nunit = "working-days"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert complete("bash", "wtcheck explain sin-l") == ["sin-lac", "sin-local"]
    (tmp_path / "wtcheck.toml").write_text("[rules.sin-local\n")  # broken: the registry still
    assert complete("bash", "wtcheck explain sin-l") == ["sin-lac"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(shell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from wtcheck.cli.app import build_app

    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")  # take the shell given
    result = CliRunner().invoke(build_app(), ["--show-completion", shell], prog_name="wtcheck")
    assert result.exit_code == 0, result.output
    assert f"{COMPLETE}=complete_{shell}" in result.stdout


def _paths() -> list[list[str]]:
    out: list[list[str]] = []

    def walk(cmd: object, path: list[str]) -> None:
        commands = getattr(cmd, "commands", None) or {}
        if path:
            out.append(path)
        for name in sorted(commands):
            walk(commands[name], [*path, name])

    walk(get_command(app), [])
    return out


MINE = [p for p in _paths() if p[0] != "audit"]


def _help(path: list[str]) -> str:
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, [*path, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", MINE, ids=[" ".join(p) for p in MINE])
def test_every_command_help_has_an_example_and_no_placeholder(path: list[str]) -> None:
    text = _help(path)
    assert "Example" in text
    assert "wtcheck " + path[0] in text.split("Example", 1)[1]
    assert "<str>" not in text and "<int" not in text


def test_help_shows_bracketed_config_tables() -> None:
    assert "config file's [calendar]" in _help(["workdays"])
    assert "config file's" in _help(["calendar", "list"])
    assert "[calendar] ones" in _help(["calendar", "list"])


def test_explain_help_paragraph_is_not_broken_mid_sentence() -> None:
    lines = [line.strip() for line in _help(["explain"]).splitlines()]
    start = lines.index(next(x for x in lines if x.startswith("A compact calendar")))
    assert lines[start : start + 3] == [
        "A compact calendar of the weeks involved: the trigger marked, each counted working day numbered,",
        "bank holidays and closure days named, the deadline starred. Then the rule's wording, force,",
        "sources and the counting convention used.",
    ]


def test_calendar_show_as_of_is_described_for_what_it_does() -> None:
    text = _help(["calendar", "show"])
    assert "Count working days left" not in text
    assert "Take this date as today" in text


def test_root_help_offers_completion() -> None:
    text = _help([])
    assert "--install-completion" in text and "--show-completion" in text


def _example(path: list[str]) -> tuple[list[str], str | None]:
    """The command of *path*'s help example, and what it says it prints (if it does)."""
    text = " ".join(_help(path).replace("│", " ").split())
    match = re.search(r"Example[^:]*: (wtcheck [^()]*?)(?: \(prints (.*?)\))?(?: ╭|$)", text)
    assert match, text
    return match[1].split()[1:], match[2]


RUNNABLE = [p for p in MINE if p != ["calendar", "import"]]  # needs a downloaded file


@pytest.mark.parametrize("path", RUNNABLE, ids=[" ".join(p) for p in RUNNABLE])
def test_every_help_example_runs(path: list[str]) -> None:
    args, prints = _example(path)
    result = CliRunner().invoke(app, args)
    expected = (0, 1) if args[:2] == ["calendar", "info"] else (0,)  # --check: 1 when stale
    assert result.exit_code in expected, result.output
    if prints is not None:
        assert result.stdout == prints + "\n"
