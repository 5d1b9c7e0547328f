"""The library API as README shows it: the same engine the CLI runs, without the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

import matcher

ROOT = Path(__file__).resolve().parent.parent


def test_readme_example_on_the_shipped_signatures_and_a_sample_log() -> None:
    ruleset = matcher.load_ruleset([ROOT / "signatures"])
    findings = list(matcher.scan_file(ruleset, ROOT / "sample_logs" / "seed-script.log"))
    assert {f.signature.id for f in findings} == {"INC-2024-002"}
    finding = findings[0]
    assert finding.signature.resolution_summary.startswith("Modified the seeding script")
    assert finding.line in finding.matched_lines


def test_push_bytes_as_they_arrive() -> None:
    ruleset = matcher.load_ruleset([ROOT / "signatures"])
    scanner = matcher.Scanner(ruleset, "my-stream")
    line = b'ERROR:  duplicate key value violates unique constraint "ix_users_email"\n'
    found = [f for i in range(0, len(line), 5) for f in scanner.feed(line[i : i + 5])]
    found += scanner.close()
    assert [(f.source, f.line, f.signature.id) for f in found] == [("my-stream", 1, "INC-2024-002")]


def test_signature_errors_carry_every_problem(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("id: A\ntitle: t\nseverity: urgent\n")
    with pytest.raises(matcher.SignatureError) as caught:
        matcher.load_signatures([tmp_path])
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(f"{tmp_path / 'a.yml'}:3:11: severity:") for m in messages)
    assert any(": symptoms: missing required field" in m for m in messages)


def test_scan_lines_takes_lines_with_or_without_their_ends() -> None:
    ruleset = matcher.load_ruleset([ROOT / "signatures"])
    lines = [
        "INFO starting",
        b'ERROR:  duplicate key value violates unique constraint "ix_users_email"\n',
        "INFO done\n",
    ]
    found = list(matcher.scan_lines(ruleset, lines, source="job-42"))
    assert [(f.source, f.line, f.signature.id) for f in found] == [("job-42", 2, "INC-2024-002")]


def test_the_public_names_are_importable() -> None:
    for name in matcher.__all__:
        assert getattr(matcher, name) is not None, name
    assert issubclass(matcher.StateError, matcher.MatcherError)
