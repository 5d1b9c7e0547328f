"""``matcher test``: signatures against their examples, sample logs against expected findings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    EMAIL_LINE,
    INC_001,
    INC_002,
    POOL_LINE,
    QUIET_LINE,
    REPO,
    Result,
    run_cli,
    signature_fields,
    write_signature,
    write_text,
)


@pytest.fixture(autouse=True)
def away_from_the_repository(in_tmp_cwd: Path) -> None:
    """``matcher test`` picks up ./sample_logs: run where there is none unless a test adds it."""


def matcher_test(signatures: Path, samples: Path | None = None, *extra: str) -> Result:
    args = ["test", "-s", str(signatures), *extra]
    if samples is not None:
        args += ["--samples", str(samples)]
    return run_cli(args)


def report(result: Result) -> dict[str, list[str]]:
    """``{check name: [status, problem…]}`` from the output of ``matcher test``."""
    checks: dict[str, list[str]] = {}
    current: list[str] = []
    for line in result.stdout.splitlines()[:-1]:
        if line.startswith("     "):
            current.append(line.strip())
        else:
            status, name = line[:4].strip(), line[5:]
            current = checks.setdefault(name.split(" (")[0], [status])
    return checks


def one_signature(tmp_path: Path, **fields: Any) -> Path:
    directory = tmp_path / "sigs"
    write_signature(directory, signature_fields("INC-T", **fields))
    return directory


def test_the_core_signatures_pass_their_examples_and_the_bundled_samples(
    core_signatures: Path, engine: str
) -> None:
    result = matcher_test(core_signatures, REPO / "sample_logs", "--engine", engine)
    assert result.exit_code == 0, result.stdout
    checks = report(result)
    assert checks.pop("INC-2024-001") == ["ok"]
    assert checks.pop("INC-2024-002") == ["ok"]
    logs = sorted(p.name for p in (REPO / "sample_logs").iterdir() if p.is_file())
    assert checks == {f"sample {REPO / 'sample_logs' / name}": ["ok"] for name in logs}
    assert result.stdout.splitlines()[-1] == f"{len(logs) + 2} passed, 0 failed"


def test_passing_examples(tmp_path: Path) -> None:
    sigs = one_signature(
        tmp_path,
        examples={"match": ["ERROR connection pool exhausted (30 s)"], "no_match": ["pool ok"]},
    )
    result = matcher_test(sigs, None)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"ok   INC-T ({sigs}/INC-T.yml)", "1 passed, 0 failed"]


@pytest.mark.parametrize(
    ("examples", "problems"),
    [
        (None, ["no examples: add examples.match (and no_match) lines"]),
        ({"no_match": ["pool ok"]}, ["no examples: add examples.match lines"]),
        (
            {"match": ["connection pool is exhausted"]},
            [
                "match example not flagged: 'connection pool is exhausted'",
                "no match example exercises the symptom at {sigs}/INC-T.yml:4:12: "
                "'connection pool exhausted'",
            ],
        ),
        (
            {
                "match": ["connection pool exhausted"],
                "no_match": ["WARN connection pool exhausted soon"],
            },
            ["no_match example flagged by INC-T: 'WARN connection pool exhausted soon'"],
        ),
    ],
    ids=["no examples", "only no_match", "match not flagged", "no_match flagged"],
)
def test_failing_examples_are_named(
    tmp_path: Path, examples: dict[str, list[str]] | None, problems: list[str]
) -> None:
    sigs = one_signature(tmp_path, examples=examples)
    result = matcher_test(sigs, None)
    assert result.exit_code == 1
    assert report(result) == {"INC-T": ["FAIL", *(p.format(sigs=sigs) for p in problems)]}
    assert result.stdout.splitlines()[-1] == "0 passed, 1 failed"


def test_a_match_example_must_be_flagged_by_no_other_signature(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    shared = "ERROR connection pool exhausted on shard 3"
    write_signature(sigs, signature_fields("A", examples={"match": [shared]}))
    write_signature(
        sigs, signature_fields("B", symptoms=["on shard <n:int>"], examples={"match": [shared]})
    )
    result = matcher_test(sigs, None)
    assert result.exit_code == 1
    assert report(result) == {
        "A": ["FAIL", f"match example also flagged by B: {shared!r}"],
        "B": ["FAIL", f"match example also flagged by A: {shared!r}"],
    }


def test_every_symptom_must_be_exercised_by_a_match_example(tmp_path: Path) -> None:
    sigs = one_signature(
        tmp_path,
        symptoms=[
            "connection pool exhausted",
            "TimeoutError: QueuePool limit of size <x> overflow <y> reached",
        ],
        examples={"match": ["connection pool exhausted"]},
    )
    result = matcher_test(sigs, None)
    assert result.exit_code == 1
    assert report(result)["INC-T"] == [
        "FAIL",
        f"no match example exercises the symptom at {sigs}/INC-T.yml:4:41: "
        "'TimeoutError: QueuePool limit of size <x> overflow <y> reached'",
    ]


# -- sample logs -------------------------------------------------------------------------


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    directory = tmp_path / "samples"
    write_text(directory, "app.log", f"{QUIET_LINE}\n{POOL_LINE}\n{EMAIL_LINE}\n")
    write_text(
        directory / "expected",
        "app.log.tsv",
        "# line\tincident\n2\tINC-2024-001\n3\tINC-2024-002\n",
    )
    write_text(directory, "quiet.log", f"{QUIET_LINE}\n")
    write_text(directory / "expected", "quiet.log.tsv", "# no rows: no findings\n")
    return directory


def test_sample_logs_that_meet_their_expectations(core_signatures: Path, samples: Path) -> None:
    result = matcher_test(core_signatures, samples)
    assert result.exit_code == 0
    checks = report(result)
    assert checks[f"sample {samples / 'app.log'}"] == ["ok"]
    assert checks[f"sample {samples / 'quiet.log'}"] == ["ok"]


def test_missing_and_unexpected_findings_are_named(core_signatures: Path, samples: Path) -> None:
    write_text(samples / "expected", "app.log.tsv", "2\tINC-2024-001\n1\tINC-2024-002\n")
    write_text(samples, "quiet.log", f"{QUIET_LINE}\n{EMAIL_LINE}\n")
    result = matcher_test(core_signatures, samples)
    assert result.exit_code == 1
    checks = report(result)
    assert checks[f"sample {samples / 'app.log'}"] == [
        "FAIL",
        "unexpected finding: line 3 INC-2024-002",
        "missing finding: line 1 INC-2024-002",
    ]
    assert checks[f"sample {samples / 'quiet.log'}"] == [
        "FAIL",
        "unexpected finding: line 2 INC-2024-002",
    ]


def test_every_log_needs_an_expected_file_and_every_expected_file_its_log(
    core_signatures: Path, samples: Path
) -> None:
    write_text(samples, "new.log", f"{QUIET_LINE}\n")
    (samples / "quiet.log").unlink()
    result = matcher_test(core_signatures, samples)
    assert result.exit_code == 1
    checks = report(result)
    assert checks[f"sample {samples / 'new.log'}"] == [
        "FAIL",
        f"no {samples / 'expected' / 'new.log.tsv'}: write one (no rows = no findings)",
    ]
    assert checks[f"sample {samples / 'quiet.log'}"] == [
        "FAIL",
        f"{samples / 'expected' / 'quiet.log.tsv'} names a log that does not exist",
    ]


def test_a_malformed_expected_row_is_reported(core_signatures: Path, samples: Path) -> None:
    write_text(samples / "expected", "app.log.tsv", "2\tINC-2024-001\nline three\n")
    result = matcher_test(core_signatures, samples)
    assert result.exit_code == 1
    table = samples / "expected" / "app.log.tsv"
    assert report(result)[f"sample {samples / 'app.log'}"] == [
        "FAIL",
        f"{table}:2: expected 'LINE<TAB>INCIDENT', got 'line three'",
    ]


def test_samples_default_to_sample_logs_in_the_working_directory(in_tmp_cwd: Path) -> None:
    write_signature(in_tmp_cwd / "signatures", INC_001)
    write_signature(in_tmp_cwd / "signatures", INC_002)
    shutil.copytree(REPO / "sample_logs", in_tmp_cwd / "sample_logs")
    result = run_cli(["test"])
    assert result.exit_code == 0, result.stdout
    assert "ok   sample sample_logs/postgresql.log" in result.stdout.splitlines()


def test_the_repository_signatures_pass_with_its_samples() -> None:
    result = matcher_test(REPO / "signatures", REPO / "sample_logs")
    assert result.exit_code == 0, result.stdout
    assert "FAIL" not in result.stdout
