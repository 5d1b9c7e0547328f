"""``matcher lint``: each check on signature files written as a person would, the loghub sets
as the ``--against`` negative reference, the output formats and the exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, signature_fields, write_signature
from test_suggest import LOGHUB, needs_loghub

from matcher.authoring.lint_rules import RULE_NAMES
from matcher.authoring.regex_shapes import risky_shapes
from matcher.cli.lint import RULE_CHOICES


def lint(*args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = run_cli(["lint", "-f", "json", *args])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return result.exit_code, records, result.stderr


def rules_of(records: list[dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    return {(r["rule"], r["level"], r["signature"]) for r in records}


def test_the_shipped_signatures_have_warnings_only() -> None:
    code, records, stderr = lint("-s", str(REPO / "signatures"))
    assert code == 0, records
    assert rules_of(records) == {
        ("no-runbook", "warning", "INC-2024-001"),
        ("no-runbook", "warning", "INC-2024-002"),
    }
    assert "0 error(s), 2 warning(s) in 2 signature(s)" in stderr


@needs_loghub
def test_the_shipped_signatures_flag_nothing_in_the_loghub_sets() -> None:
    logs = sorted(str(p) for p in LOGHUB.glob("*_2k.log"))
    shipped = str(REPO / "signatures")
    code, records, _ = lint("-s", shipped, "--rule", "too-broad", "--against", *logs)
    assert code == 0 and records == []


@needs_loghub
def test_a_broad_symptom_is_caught_by_the_loghub_sets(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(
        sigs, signature_fields("BROAD", symptoms=["Exception"], examples={"match": ["Exception"]})
    )
    logs = [str(LOGHUB / "Hadoop_2k.log"), str(LOGHUB / "Zookeeper_2k.log")]
    code, records, _ = lint("-s", str(sigs), "--rule", "too-broad", "--against", *logs)
    assert code == 1
    [record] = records
    assert record["rule"] == "too-broad" and record["where"] == f"{sigs}/BROAD.yml:1:5"
    assert "Hadoop_2k.log:912" in record["message"], record


def test_overlap_and_a_near_miss_flagged_by_another(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    shutil.copytree(REPO / "signatures", sigs)
    # a second, broader pool signature: it flags INC-2024-001's lines and one of its near misses
    broad = signature_fields(
        "INC-POOL",
        symptoms=["QueuePool limit of size <int> overflow <int>"],
        examples={"match": ["QueuePool limit of size 5 overflow 10 exceeded"]},
        runbook="https://wiki.example.com/pool",
        date="2024-10-16",
    )
    write_signature(sigs, broad)
    code, records, _ = lint("-s", str(sigs))
    assert code == 1
    found = rules_of(records)
    assert ("overlap", "error", "INC-POOL") in found
    assert ("too-broad", "error", "INC-POOL") in found
    overlap = next(r for r in records if r["rule"] == "overlap" and r["signature"] == "INC-POOL")
    assert "also flags INC-2024-001's match example" in overlap["message"]
    assert overlap["hint"]


@pytest.mark.parametrize(
    ("symptom", "rule", "level"),
    [
        ({"regex": r"timeout after (\d+\s?)+ seconds"}, "backtracking", "error"),
        ({"regex": r"retry (a|aa)* failed"}, "backtracking", "warning"),
        ("failed: <any>", "placeholder-swallows", "warning"),
        ("<host>: <int> <path>", "placeholder-swallows", "warning"),
    ],
    ids=["nested quantifier", "overlapping alternatives", "any", "placeholders"],
)
def test_risky_symptoms(tmp_path: Path, symptom: object, rule: str, level: str) -> None:
    sigs = tmp_path / "sigs"
    fields = signature_fields("INC-T", symptoms=[symptom], runbook="docs/r.md")
    write_signature(sigs, fields)
    code, records, _ = lint("-s", str(sigs), "--rule", rule)
    assert [(r["rule"], r["level"]) for r in records] == [(rule, level)]
    assert records[0]["where"].startswith(f"{sigs}/INC-T.yml:4:")  # the symptom's line
    assert code == (1 if level == "error" else 0)


def test_duplicate_symptom_resolved_without_date_and_drafts(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("A", symptoms=["disk <x> is full"], status="resolved"))
    write_signature(sigs, signature_fields("B", symptoms=["disk  <name> is full"]))
    write_signature(sigs, signature_fields("DRAFT-0123456789", symptoms=["cache miss storm"]))
    unfinished = signature_fields("C", resolution="TODO(draft): write it")
    write_signature(sigs, unfinished)
    code, records, _ = lint("-s", str(sigs))
    assert code == 1
    found = rules_of(records)
    assert ("duplicate-symptom", "error", "B") in found
    assert ("resolved-without-date", "warning", "A") in found
    assert ("draft", "warning", "DRAFT-0123456789") in found
    assert ("draft", "error", None) in found  # C does not load: an unfinished draft
    draft = next(r for r in records if r["rule"] == "draft" and r["level"] == "error")
    assert draft["where"] == f"{sigs}/C.yml:5:13"


def test_a_file_that_does_not_load_is_an_error_whatever_the_rule(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-T", severity="hgh"))
    code, records, _ = lint("-s", str(sigs), "--rule", "no-runbook")
    assert code == 1
    assert [r["rule"] for r in records] == ["invalid"]
    assert "severity: 'hgh' is not one of" in records[0]["message"]


def test_text_and_github_formats(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-T", symptoms=[{"regex": r"(x+)+y"}]))
    text = run_cli(["lint", "-s", str(sigs), "--rule", "backtracking"])
    assert text.exit_code == 1
    first, hint = text.stdout.splitlines()
    assert first.startswith(f"{sigs}/INC-T.yml:4:") and ": error: backtracking: " in first
    assert hint.startswith("    fix: ")
    github = run_cli(["lint", "-s", str(sigs), "--rule", "backtracking", "-f", "github"])
    assert github.stdout.startswith(f"::error file={sigs}/INC-T.yml,line=4,col=")
    assert "title=matcher lint%3A backtracking::" in github.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli(["lint", "-s", str(empty)]).exit_code == 2
    assert run_cli(["lint", "--rule", "nope"]).exit_code == 2


def test_an_unreadable_against_log_exits_3(tmp_path: Path) -> None:
    result = run_cli(["lint", "-s", str(REPO / "signatures"), "--against", str(tmp_path / "x")])
    assert result.exit_code == 3


def test_the_cli_names_every_rule() -> None:
    assert RULE_CHOICES == RULE_NAMES


@pytest.mark.parametrize(
    ("pattern", "kinds"),
    [
        (r"(a+)+b", {"nested"}),
        (r"^(\w+\s?)*$", {"nested"}),
        (r"(a|aa)*c", {"overlap"}),
        (r".*.*=", {"adjacent"}),
        (r"\d+\w+x", {"adjacent"}),
        (r"[a-z]+\d+[a-z]+", set()),
        (r"(?:x+)++y", set()),
        (r"(?>(a+))+b", set()),
        (r"ERROR.*timeout \d+ ms", set()),
        (r"(a{1,3}){1,3}", set()),
        (r"\p{L}+ failed", set()),  # regex-only syntax: not judged
    ],
)
def test_backtracking_shapes(pattern: str, kinds: set[str]) -> None:
    assert {s.kind for s in risky_shapes(pattern)} == kinds
