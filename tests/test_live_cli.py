"""The click pieces of live mode: help texts, and exit 2 on usage, signature and state errors
(in-process: these fail before anything is followed)."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from live_helpers import write_signatures

from matcher.cli import cli
from matcher.cli.live import watch
from matcher.cli.options import follow_options
from matcher.cli.scan import scan
from matcher.live.state import lock_state


@pytest.mark.parametrize("command", [watch, scan])
def test_every_option_has_help(command: click.Command) -> None:
    assert command.help
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, param.name
    result = CliRunner().invoke(cli, [command.name or "", "--help"])
    assert result.exit_code == 0 and "--state" in result.output


def test_follow_options_is_a_reusable_decorator() -> None:
    @click.command()
    @follow_options
    def cmd(**opts: object) -> None:
        click.echo(sorted(opts))

    result = CliRunner().invoke(cmd, [])
    assert result.output.strip() == str(
        sorted(
            [
                "output",
                "state_path",
                "reset_state",
                "from_start",
                "cooldown",
                "poll",
                "poll_interval",
                "grace",
            ]
        )
    )


def test_usage_and_signature_errors_exit_2(tmp_path: Path) -> None:
    sigs = write_signatures(tmp_path)
    runner = CliRunner()
    assert runner.invoke(watch, [str(tmp_path / "missing"), "-s", str(sigs)]).exit_code == 2
    assert runner.invoke(watch, [str(tmp_path), "-s", str(sigs), "--bogus"]).exit_code == 2
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yml").write_text("id: X\n")
    result = runner.invoke(watch, [str(tmp_path), "-s", str(bad)])
    assert result.exit_code == 2 and "x.yml" in result.output


@pytest.mark.parametrize("content", ["", "{not json", '{"schema": "something else"}'])
def test_corrupt_or_empty_state_exits_2_and_is_left_alone(tmp_path: Path, content: str) -> None:
    state = tmp_path / "state.json"
    state.write_text(content)
    args = [str(tmp_path), "-s", str(write_signatures(tmp_path)), "--state", str(state)]
    result = CliRunner().invoke(watch, args)
    assert result.exit_code == 2 and "--reset-state" in result.output
    assert state.read_text() == content


def test_state_in_use_exits_2(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    sigs = write_signatures(tmp_path)
    args = ["scan", "--follow", str(tmp_path / "a.log"), "-s", str(sigs), "-f", "json"]
    fd = lock_state(str(state))
    try:
        result = CliRunner().invoke(cli, [*args, "--state", str(state)])
        assert result.exit_code == 2
    finally:
        os.close(fd)
