"""``matcher scan DIR``: directories walked as rg walks them (recursive, name order, -g with
``!``, --max-depth, links only with -L), on copies of the real sample logs."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_cli

SIGNATURES = str(REPO / "signatures")
SAMPLES = REPO / "sample_logs"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """logs/{gunicorn-app.log, postgresql.log, seed-script.log.gz, near-misses.log,
    api/app-json.log, api/deep/pytest-output.log}: real logs, some compressed, nested."""
    root = tmp_path / "logs"
    (root / "api" / "deep").mkdir(parents=True)
    for name in ("gunicorn-app.log", "postgresql.log", "near-misses.log"):
        shutil.copy(SAMPLES / name, root / name)
    (root / "seed-script.log.gz").write_bytes(
        gzip.compress((SAMPLES / "seed-script.log").read_bytes())
    )
    shutil.copy(SAMPLES / "app-json.log", root / "api" / "app-json.log")
    shutil.copy(SAMPLES / "pytest-output.log", root / "api" / "deep" / "pytest-output.log")
    return root


def sources(stdout: str) -> list[str]:
    """The sources of `-l` output, relative to the tree's parent."""
    return [line for line in stdout.splitlines() if line]


def test_a_directory_is_read_recursively_in_name_order_gzip_included(tree: Path) -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "-l", str(tree)])
    assert result.exit_code == 1  # findings, as grep -l exits
    names = [os.path.relpath(line, tree) for line in sources(result.stdout)]
    assert names == [
        "api/app-json.log",
        "api/deep/pytest-output.log",
        "gunicorn-app.log",
        "postgresql.log",
        "seed-script.log.gz",
    ]


def test_a_directory_gives_the_findings_of_its_files_named_one_by_one(tree: Path) -> None:
    files = sorted(str(p) for p in tree.rglob("*") if p.is_file())
    by_dir = run_cli(["scan", "-s", SIGNATURES, "-c", str(tree)])
    by_name = run_cli(["scan", "-s", SIGNATURES, "-c", *files])
    assert by_dir.stdout == by_name.stdout
    assert by_dir.stdout.count("\n") == 8


def test_globs_include_exclude_and_the_last_match_wins(tree: Path) -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "-l", "-g", "*.log", "-g", "!p*", str(tree)])
    names = [os.path.relpath(line, tree) for line in sources(result.stdout)]
    assert names == ["api/app-json.log", "gunicorn-app.log"]  # no .gz, no p*
    again = run_cli(
        ["scan", "-s", SIGNATURES, "-l", "-g", "!p*", "-g", "postgresql.log", str(tree)]
    )
    assert [os.path.relpath(line, tree) for line in sources(again.stdout)] == ["postgresql.log"]


def test_a_glob_with_a_slash_matches_the_path_and_excludes_a_directory(tree: Path) -> None:
    only_api = run_cli(["scan", "-s", SIGNATURES, "-l", "-g", "api/**", str(tree)])
    assert [os.path.relpath(p, tree) for p in sources(only_api.stdout)] == [
        "api/app-json.log",
        "api/deep/pytest-output.log",
    ]
    no_api = run_cli(["scan", "-s", SIGNATURES, "-l", "-g", "!api", str(tree)])
    assert not any("api" in p for p in sources(no_api.stdout))


def test_globs_do_not_apply_to_a_file_named_on_the_command_line(tree: Path) -> None:
    named = tree / "postgresql.log"
    result = run_cli(["scan", "-s", SIGNATURES, "-l", "-g", "!*.log", str(named)])
    assert sources(result.stdout) == [str(named)]


def test_max_depth_limits_the_levels_walked(tree: Path) -> None:
    one = run_cli(["scan", "-s", SIGNATURES, "-l", "--max-depth", "1", str(tree)])
    assert all(os.path.dirname(p) == str(tree) for p in sources(one.stdout))
    two = run_cli(["scan", "-s", SIGNATURES, "-l", "--max-depth", "2", str(tree)])
    assert str(tree / "api" / "app-json.log") in sources(two.stdout)
    assert not any("deep" in p for p in sources(two.stdout))


def test_symbolic_links_are_followed_only_with_L_and_a_loop_ends(
    tree: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SAMPLES / "postgresql.log", elsewhere / "linked.log")
    (tree / "link-dir").symlink_to(elsewhere)
    (tree / "link-file.log").symlink_to(elsewhere / "linked.log")
    (tree / "api" / "loop").symlink_to(tree)  # a loop: walked once
    plain = run_cli(["scan", "-s", SIGNATURES, "-l", str(tree)])
    assert not any("link" in os.path.relpath(p, tree) for p in sources(plain.stdout))
    followed = run_cli(["scan", "-s", SIGNATURES, "-l", "-L", str(tree)])
    found = [os.path.relpath(p, tree) for p in sources(followed.stdout)]
    assert "link-dir/linked.log" in found and "link-file.log" in found
    assert not any(p.startswith("api/loop") for p in found)
    assert followed.exit_code == 1


def test_an_empty_directory_scans_nothing_and_exits_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli(["scan", "-s", SIGNATURES, str(empty)])
    assert result.exit_code == 0
    assert "from 0 source(s)" in result.stderr


def test_a_directory_cannot_be_followed(tree: Path) -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "--follow", str(tree)])
    assert result.exit_code == 2
    assert "matcher watch" in result.stderr
