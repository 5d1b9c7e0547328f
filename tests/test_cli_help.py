"""Every command explains itself (``--help``) and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_a_readme_section(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="matcher")
    assert result.exit_code == 0
    assert f"Usage: matcher {name}" in result.output
    command = cli.commands[name]
    assert command.help and len(command.help) > 40, f"{name} needs a real --help text"
    for param in command.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), f"{name} {param.opts} has no help text"
    assert f"matcher {name}" in README, f"README does not document `matcher {name}`"


def test_the_commands_are_the_documented_ones() -> None:
    assert sorted(cli.commands) == ["compile", "scan", "test", "watch"]
