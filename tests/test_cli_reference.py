"""docs/cli.md is the commands' own --help, current (regenerate: see its header)."""

from __future__ import annotations

from pathlib import Path

from matcher.cli import cli
from matcher.cli.reference import render_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_the_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render_reference(), (
        "docs/cli.md is stale: python -m matcher.cli.reference > docs/cli.md"
    )


def test_the_reference_covers_every_command_and_option() -> None:
    text = render_reference()
    for name, command in cli.commands.items():
        assert f"## matcher {name}" in text
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert opt in text, f"{name} {opt}"
