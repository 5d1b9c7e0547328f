"""docs/cli.md, generated from the commands' own ``--help`` (as sqlite-utils does), so the
reference cannot drift: tests/test_cli_reference.py fails when it is not current.

Regenerate with ``python -m matcher.cli.reference > docs/cli.md``.
"""

from __future__ import annotations

import click

from matcher.cli.main import cli

WIDTH = 100
HEADER = """# CLI reference

Generated from `matcher --help` and each command's `--help` by
`python -m matcher.cli.reference > docs/cli.md`; a test checks that it is current.
"""


def _help(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    ctx = click.Context(
        command,
        parent=parent,
        info_name=name,
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        help_option_names=["-h", "--help"],
    )
    return command.get_help(ctx)


def render_reference() -> str:
    root = click.Context(cli, info_name="matcher")
    parts = [HEADER, "## matcher\n", "```", _help(cli, "matcher"), "```\n"]
    for name in sorted(cli.commands):
        parts += [f"## matcher {name}\n", "```", _help(cli.commands[name], name, root), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_reference(), end="")
