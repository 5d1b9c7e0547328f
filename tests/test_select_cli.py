"""Signature filters, -c/-l/-m/--stats, `matcher list` / `show`, `test --write-expected` and
the error without signatures, through the CLI on the real sample logs."""

from __future__ import annotations

import collections
import json
import shutil
from pathlib import Path

import pytest
from conftest import REPO, json_findings, run_cli

SIGNATURES = str(REPO / "signatures")
SAMPLES = REPO / "sample_logs"
LOGS = [str(SAMPLES / n) for n in ("app-json.log", "gunicorn-app.log", "postgresql.log")]


def findings(*args: str) -> list[dict[str, object]]:
    result = run_cli(["scan", "-s", SIGNATURES, "-f", "json", *args])
    return json_findings(result.stdout)


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    """The real signatures, INC-2024-002 with tags added."""
    directory = tmp_path / "signatures"
    shutil.copytree(SIGNATURES, directory)
    path = directory / "INC-2024-002.yml"
    path.write_text(path.read_text(encoding="utf-8") + "tags: [db, Seeding]\n", encoding="utf-8")
    return directory


def test_count_prints_findings_per_source_and_incident_and_exits_1() -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "-c", *LOGS])
    assert result.exit_code == 1  # grep -c exits 1... here: findings, as without -c
    expected = collections.Counter((f["source"], f["incident"]) for f in findings(*LOGS))
    assert result.stdout.splitlines() == [
        f"{source}:{incident}:{count}" for (source, incident), count in sorted(expected.items())
    ]
    assert result.stderr == ""  # no summary unless --stats


def test_count_and_list_print_nothing_and_exit_0_without_findings() -> None:
    for flag in ("-c", "-l"):
        result = run_cli(["scan", "-s", SIGNATURES, flag, str(SAMPLES / "near-misses.log")])
        assert (result.exit_code, result.stdout) == (0, "")


def test_files_with_findings_lists_each_source_once() -> None:
    quiet = str(SAMPLES / "near-misses.log")
    result = run_cli(["scan", "-s", SIGNATURES, "-l", quiet, *LOGS])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == LOGS


def test_max_count_stops_each_source_after_n_findings() -> None:
    every = findings(*LOGS)
    first_two = findings("-m", "2", *LOGS)
    expected = [f for source in LOGS for f in [g for g in every if g["source"] == source][:2]]
    assert [(f["source"], f["line"]) for f in first_two] == [
        (f["source"], f["line"]) for f in expected
    ]


def test_stats_keeps_the_summary_with_count(tmp_path: Path) -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "-c", "--stats", *LOGS])
    total = len(findings(*LOGS))
    assert result.stderr.startswith(f"matcher: {total} finding(s)")
    assert " from 3 source(s) in " in result.stderr and result.stderr.rstrip().endswith(" s")


@pytest.mark.parametrize(
    "args",
    [
        ["-c", "-l"],
        ["-c", "-f", "json"],
        ["-l", "-f", "sarif"],
        ["--since", "2026-11-27 02:00", "--until", "2026-11-27 01:00"],
        ["--since", "yesterday"],
        ["-m", "0"],
    ],
)
def test_usage_errors_exit_2_before_any_signature_is_loaded(args: list[str]) -> None:
    result = run_cli(["scan", "-s", "/nonexistent", *args, LOGS[0]])
    assert result.exit_code == 2
    assert "nonexistent" not in result.stderr


def test_incident_glob_severity_and_service_choose_signatures() -> None:
    every = findings(*LOGS)
    assert {f["incident"] for f in every} == {"INC-2024-001", "INC-2024-002"}
    for args, kept in [
        (["--incident", "INC-2024-00[2]"], {"INC-2024-002"}),
        (["--incident", "INC-2024-*"], {"INC-2024-001", "INC-2024-002"}),
        (["--severity", "high"], {"INC-2024-001"}),
        (["--severity", "medium"], {"INC-2024-001", "INC-2024-002"}),
        (["--service", "backend api"], {"INC-2024-001"}),
        (["--service", "nope", "--service", "Database Seeding Script"], {"INC-2024-002"}),
    ]:
        got = findings(*args, *LOGS)
        assert {f["incident"] for f in got} == kept, args
        assert len(got) == sum(f["incident"] in kept for f in every), args


def test_tag_chooses_signatures(tagged: Path) -> None:
    result = run_cli(["scan", "-s", str(tagged), "-c", "--tag", "seeding", *LOGS])
    assert result.exit_code == 1
    assert {line.split(":")[-2] for line in result.stdout.splitlines()} == {"INC-2024-002"}


def test_a_filter_nothing_passes_is_an_error() -> None:
    result = run_cli(["scan", "-s", SIGNATURES, "--incident", "INC-1999-*", LOGS[0]])
    assert result.exit_code == 2
    assert "passes --incident" in result.stderr


def test_the_cache_keeps_one_entry_per_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    for _ in range(2):  # the second round reads every ruleset from the cache
        assert {f["incident"] for f in findings("--incident", "INC-2024-001", *LOGS)} == {
            "INC-2024-001"
        }
        assert {f["incident"] for f in findings("--incident", "INC-2024-002", *LOGS)} == {
            "INC-2024-002"
        }
        assert len({f["incident"] for f in findings(*LOGS)}) == 2
    assert len(list((cache / "incident-matcher").glob("*.cache"))) == 3


def test_only_the_chosen_signatures_are_compiled() -> None:
    from matcher.model import Severity
    from matcher.rules.load import load_ruleset
    from matcher.rules.select import SignatureFilter

    ruleset = load_ruleset([SIGNATURES], select=SignatureFilter(severity=Severity.HIGH))
    assert [s.id for s in ruleset.signatures] == ["INC-2024-001"]
    assert {ruleset.signatures[c.signature].id for c in ruleset.symptoms} == {"INC-2024-001"}


def test_list_shows_a_table_and_json_lines(tagged: Path) -> None:
    table = run_cli(["list", "-s", SIGNATURES])
    assert table.exit_code == 0
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["ID", "SEVERITY", "STATUS", "SERVICES", "SYMPTOMS", "RUNBOOK"]
    assert [row.split()[:3] for row in rows] == [
        ["INC-2024-001", "high", "resolved"],
        ["INC-2024-002", "medium", "resolved"],
    ]
    assert "Database Seeding Script" in rows[1]
    as_json = run_cli(["list", "-s", str(tagged), "-f", "json", "--tag", "db"])
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [(r["schema"], r["id"], r["tags"]) for r in records] == [
        ("incident-matcher/signature/v1", "INC-2024-002", ["db", "Seeding"])
    ]
    assert records[0]["symptoms"][0]["text"].startswith("IntegrityError: duplicate key")


def test_show_prints_one_signature_with_its_resolution() -> None:
    result = run_cli(["show", "-s", SIGNATURES, "INC-2024-001"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "INC-2024-001  API unresponsive under moderate load - DB connection pool exhaustion"
    )
    assert "severity: high   status: resolved   date: 2024-10-15" in lines
    text = " ".join(result.stdout.split())
    assert "Resolution Increased the `pool_size` and `max_overflow` parameters" in text
    assert "Action items - [Done] Update engine configuration with larger pool size." in text


def test_show_an_unknown_id_suggests_close_ones() -> None:
    result = run_cli(["show", "-s", SIGNATURES, "INC-2024-01"])
    assert result.exit_code == 2
    assert "did you mean INC-2024-001 or INC-2024-002?" in result.stderr


def test_no_signatures_here_says_how_to_point_at_them(in_tmp_cwd: Path) -> None:
    for command in (["scan", LOGS[0]], ["list"], ["test"]):
        result = run_cli(command)
        assert result.exit_code == 2
        assert "-s DIR" in result.stderr and "MATCHER_SIGNATURES" in result.stderr


def test_write_expected_writes_missing_tables_and_keeps_existing_ones(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    shutil.copytree(SAMPLES, samples)
    missing = samples / "expected" / "postgresql.log.tsv"
    kept = samples / "expected" / "gunicorn-app.log.tsv"
    original = missing.read_text(encoding="utf-8")
    missing.unlink()
    kept.write_text("# reviewed by hand\n" + kept.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["test", "-s", SIGNATURES, "--samples", str(samples), "--write-expected"]
    result = run_cli(args)
    assert result.exit_code == 0, result.stdout
    assert f"wrote {missing} (3 row(s))" in result.stderr
    assert f"kept {kept}" in result.stderr
    assert data_rows(missing.read_text(encoding="utf-8")) == data_rows(original)
    assert kept.read_text(encoding="utf-8").startswith("# reviewed by hand")
    forced = run_cli([*args, "--force"])
    assert forced.exit_code == 0
    assert kept.read_text(encoding="utf-8").startswith("# expected findings")


def test_force_needs_write_expected() -> None:
    assert run_cli(["test", "-s", SIGNATURES, "--force"]).exit_code == 2


def data_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]
