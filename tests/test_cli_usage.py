"""Every command checks its own options first: a usage error is one line on stderr and exit 2,
before any signature is loaded (a wrong signature path must not hide the real mistake)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    "option",
    [
        ["--poll-interval", "1"],
        ["--grace", "3"],
        ["--state", "s.json"],
        ["--reset-state"],
        ["--from-start"],
        ["--cooldown", "5"],
        ["--poll"],
    ],
)
def test_follow_options_without_follow_are_usage_errors(tmp_path: Path, option: list[str]) -> None:
    log = tmp_path / "app.log"
    log.write_text("x\n")
    code, err = run("scan", "-s", str(tmp_path / "no-such-signatures"), *option, str(log))
    assert code == 2
    assert err.count("\n") == 1 and f"{option[0]}: only with --follow" in err
    assert "no-such-signatures" not in err


def test_follow_of_stdin_is_a_usage_error_before_loading_rules(tmp_path: Path) -> None:
    code, err = run("scan", "--follow", "-s", str(tmp_path / "none"), "-")
    assert code == 2 and "stdin cannot be followed" in err and "none" not in err


def test_compile_of_a_missing_incident_log_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, err = run("compile", str(tmp_path / "no-such-file.md"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert err.count("\n") == 1 and "no-such-file.md" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_compile_of_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, err = run("compile", str(tmp_path))
    assert code == 2 and "Traceback" not in err
