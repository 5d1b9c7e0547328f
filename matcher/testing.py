"""``matcher test``: signatures against their own examples, sample logs against expectations."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from matcher.api import scan_file, scan_text
from matcher.errors import SourceError
from matcher.ruleset import Ruleset

EXPECTED_DIR = "expected"
EXPECTED_SUFFIX = ".tsv"


@dataclass
class CheckResult:
    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_examples(ruleset: Ruleset) -> list[CheckResult]:
    """One result per signature: every ``match`` example flagged by it and no other signature,
    every ``no_match`` example flagged by none."""
    results = []
    for sig in ruleset.signatures:
        result = CheckResult(f"{sig.id} ({sig.location.path})")
        if not sig.examples.match and not sig.examples.no_match:
            result.problems.append("no examples: add examples.match (and no_match) lines")
        for example in sig.examples.match:
            ids = {f.signature.id for f in scan_text(ruleset, example)}
            if sig.id not in ids:
                result.problems.append(f"match example not flagged: {example!r}")
            if ids - {sig.id}:
                others = ", ".join(sorted(ids - {sig.id}))
                result.problems.append(f"match example also flagged by {others}: {example!r}")
        for example in sig.examples.no_match:
            ids = {f.signature.id for f in scan_text(ruleset, example)}
            if ids:
                result.problems.append(
                    f"no_match example flagged by {', '.join(sorted(ids))}: {example!r}"
                )
        results.append(result)
    return results


def read_expected(path: Path) -> set[tuple[int, str]]:
    """Rows ``LINE<TAB>INCIDENT``; ``#`` starts a comment; blank lines are ignored."""
    rows = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[0].isdigit():
            raise ValueError(f"{path}:{number}: expected 'LINE<TAB>INCIDENT', got {raw!r}")
        rows.add((int(parts[0]), parts[1]))
    return rows


def check_samples(ruleset: Ruleset, directory: str | os.PathLike[str]) -> list[CheckResult]:
    """Every log in ``directory`` with an ``expected/<log name>.tsv`` file: the findings must be
    exactly the expected rows. A row is met by a finding whose line or matched lines hold it."""
    root = Path(directory)
    results = []
    for expected_file in sorted((root / EXPECTED_DIR).glob(f"*{EXPECTED_SUFFIX}")):
        log = root / expected_file.name[: -len(EXPECTED_SUFFIX)]
        result = CheckResult(f"sample {log}")
        results.append(result)
        if not log.is_file():
            result.problems.append(f"{expected_file} names a log that does not exist")
            continue
        try:
            expected = read_expected(expected_file)
            findings = list(scan_file(ruleset, log))
        except (ValueError, SourceError) as exc:
            result.problems.append(str(exc))
            continue
        covered: set[tuple[int, str]] = set()
        for f in findings:
            lines = {f.line, *f.matched_lines}
            hits = {(n, f.signature.id) for n in lines} & expected
            if hits:
                covered |= hits
            else:
                result.problems.append(f"unexpected finding: line {f.line} {f.signature.id}")
        for line, incident in sorted(expected - covered):
            result.problems.append(f"missing finding: line {line} {incident}")
    return results
