"""Every command explains itself (``--help``) and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli.main import cli

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
    assert sorted(cli.commands) == [
        "calibrate",
        "compile",
        "explain",
        "lint",
        "list",
        "scan",
        "show",
        "suggest",
        "test",
        "watch",
    ]


EVERYDAY_OPTIONS = {
    "scan": [
        "--glob",
        "--max-depth",
        "--follow-links",
        "--since",
        "--until",
        "--max-count",
        "--count",
        "--files-with-findings",
        "--stats",
        "--incident",
        "--severity",
        "--tag",
        "--service",
    ],
    "list": ["--format", "--incident", "--severity", "--tag", "--service"],
    "test": ["--write-expected", "--force"],
}


@pytest.mark.parametrize("name", sorted(EVERYDAY_OPTIONS))
def test_the_everyday_options_show_an_example_in_their_help(name: str) -> None:
    command = cli.commands[name]
    helps = {opt: getattr(p, "help", "") for p in command.params for opt in p.opts}
    for option in EVERYDAY_OPTIONS[name]:
        assert "Example" in (helps[option] or ""), f"{name} {option}: no example in its help"


def test_the_grace_option_defaults_to_the_tailers_grace() -> None:
    # cli_live repeats the tailer's default so that `matcher scan` need not import the tailer.
    from matcher.live.tail import DEFAULT_GRACE

    result = CliRunner().invoke(cli, ["watch", "--help"], prog_name="matcher")
    assert f"default: {DEFAULT_GRACE}" in " ".join(result.output.split())


def test_a_plain_scan_imports_neither_the_live_mode_nor_the_pool(tmp_path: Path) -> None:
    # Start-up time (issue 6): a one-file scan loads only the engine it runs.
    import subprocess
    import sys

    log = tmp_path / "app.log"
    log.write_text("nothing to see\n", encoding="utf-8")
    signatures = Path(__file__).resolve().parent.parent / "signatures"
    code = (
        "import sys, runpy; sys.argv = ['matcher', 'scan', '-s', sys.argv[1], sys.argv[2]];\n"
        "try: runpy.run_module('matcher', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "names = sorted(m for m in sys.modules if m.startswith('matcher'))\n"
        "print(' '.join(names), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(signatures), str(log)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    loaded = done.stderr.strip().splitlines()[-1].split()
    assert "matcher.engine.scanner" in loaded, done.stderr
    heavy_modules = (
        "matcher.live.tail",
        "matcher.live.content",
        "matcher.sources.parallel",
        "matcher.live.loop",
    )
    for heavy in heavy_modules:
        assert heavy not in loaded, f"{heavy} imported by a plain scan"
