"""The README documents the command line: every command and every option is named there, every
command has help, and the library example in the README runs (after sqlite-utils' test_docs.py)."""

from __future__ import annotations

import re

import pytest
import typer

from jxtargets.cli import app

from .conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)


def _commands():
    """(name, click command) for every command, sub-commands included (`plan import`)."""
    for name, command in GROUP.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        if subs:
            for sub, subcommand in subs.items():
                yield f"{name} {sub}", subcommand
        else:
            yield name, command


COMMANDS = sorted(_commands(), key=lambda c: c[0])


@pytest.mark.parametrize("name,command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_is_documented_with_its_options(name, command):
    assert f"jxtargets {name}" in README, f"`jxtargets {name}` is not in the README"
    options = [opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")]
    missing = [opt for opt in options if opt not in ("--help",) and not re.search(re.escape(opt) + r"\b", README)]
    assert not missing, f"`jxtargets {name}`: options missing from the README: {missing}"


@pytest.mark.parametrize("name,command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_has_help(name, command):
    assert (command.help or "").strip(), name
    proc = run(*name.split(), "--help")
    assert proc.returncode == 0 and "Usage" in proc.stdout


def test_completion_is_offered():
    proc = run("--help")
    assert "--install-completion" in proc.stdout and "--install-completion" in README


def test_library_example_in_the_readme_runs():
    """The README's library section is real code: run it and check what it prints."""
    block = README.split("## Library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    printed: list[str] = []
    namespace["print"] = lambda *a, **k: printed.append(" ".join(map(str, a)))
    exec(compile(block, "README.md#library", "exec"), namespace)  # noqa: S102 - our own README
    assert any(line.startswith("gdp cagr missed") for line in printed), printed
