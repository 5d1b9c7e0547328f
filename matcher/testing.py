"""``matcher test``: signatures against their own examples, sample logs against expectations."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matcher.errors import SourceError
from matcher.model import Role
from matcher.patterns.ruleset import Ruleset
from matcher.sources.scan import scan_file, scan_text
from matcher.text import unescape_line

EXPECTED_DIR = "expected"
EXPECTED_SUFFIX = ".tsv"
EXAMPLE_TIMEOUT = 1.0


@dataclass
class CheckResult:
    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_examples(ruleset: Ruleset) -> list[CheckResult]:
    """One result per signature: it has match examples, every ``match`` example is flagged by
    it and no other signature, every ``no_match`` example by none, and each of its ``any`` and
    ``all`` symptoms is matched by some ``match`` example (a pattern no example exercises is
    an untested pattern)."""
    return [_check_signature(ruleset, index) for index in range(len(ruleset.signatures))]


def _check_signature(ruleset: Ruleset, index: int) -> CheckResult:
    sig = ruleset.signatures[index]
    result = CheckResult(f"{sig.id} ({sig.location.path})")
    if not sig.examples.match:
        what = "match" if sig.examples.no_match else "match (and no_match)"
        result.problems.append(f"no examples: add examples.{what} lines")
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
    if sig.examples.match:
        result.problems += _unexercised(ruleset, index)
    return result


def _unexercised(ruleset: Ruleset, index: int) -> list[str]:
    """Problems for the symptoms of signature ``index`` that no match example line holds."""
    lines = [
        line
        for example in ruleset.signatures[index].examples.match
        for line in example.splitlines()
    ]
    problems = []
    for number, compiled in enumerate(ruleset.symptoms):
        if compiled.signature != index or compiled.symptom.role is Role.UNLESS:
            continue
        pattern = ruleset.regex(number)
        if not any(_holds(pattern, line) for line in lines):
            symptom = compiled.symptom
            problems.append(
                f"no match example exercises the symptom at {symptom.location}: {symptom.text!r}"
            )
    return problems


def _holds(pattern: Any, line: str) -> bool:
    try:
        found = pattern.search(line, timeout=EXAMPLE_TIMEOUT)
        return bool(found or pattern.search(unescape_line(line) or "", timeout=EXAMPLE_TIMEOUT))
    except TimeoutError:  # a pattern that backtracks this long is reported by the scan itself
        return False


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


@dataclass(frozen=True)
class WrittenTable:
    """What ``write_expected`` did for one sample log: ``rows`` written to ``table``, or
    ``kept`` an existing table (written only with ``force``)."""

    log: Path
    table: Path
    rows: int
    kept: bool


def write_expected(
    ruleset: Ruleset, directory: str | os.PathLike[str], *, force: bool = False
) -> list[WrittenTable]:
    """Write ``expected/<log>.tsv`` for every log in ``directory`` from today's findings, for
    a person to review. An existing table is kept unless ``force``. Raises ``SourceError``
    when a log cannot be read, ``OSError`` when a table cannot be written."""
    root = Path(directory)
    expected_dir = root / EXPECTED_DIR
    expected_dir.mkdir(exist_ok=True)
    done = []
    for log in sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith(".")):
        table = expected_dir / (log.name + EXPECTED_SUFFIX)
        if table.exists() and not force:
            done.append(WrittenTable(log, table, 0, kept=True))
            continue
        rows = sorted({(f.line, f.signature.id) for f in scan_file(ruleset, log)})
        header = (
            f"# expected findings for {log}\n"
            "# format: <1-based line number>\\t<incident id>; '#' lines are comments;\n"
            "# no data rows = no findings. Written by `matcher test --write-expected`: review it.\n"
        )
        body = "".join(f"{line}\t{incident}\n" for line, incident in rows)
        # "x": a table that appeared meanwhile is not overwritten either
        with open(table, "w" if force else "x", encoding="utf-8") as fh:
            fh.write(header + body)
        done.append(WrittenTable(log, table, len(rows), kept=False))
    return done


def check_samples(ruleset: Ruleset, directory: str | os.PathLike[str]) -> list[CheckResult]:
    """Every log in ``directory`` against its ``expected/<log name>.tsv``: the findings must be
    exactly the expected rows. A row is met by a finding whose line or matched lines hold it.
    A log without an expected file fails, and so does an expected file without its log."""
    root = Path(directory)
    if not root.is_dir():
        return [CheckResult(f"samples {root}", [f"{root} is not a directory"])]
    expected_dir = root / EXPECTED_DIR
    logs = {p.name for p in root.iterdir() if p.is_file() and not p.name.startswith(".")}
    tables = {p.name[: -len(EXPECTED_SUFFIX)] for p in expected_dir.glob(f"*{EXPECTED_SUFFIX}")}
    results = []
    for name in sorted(logs | tables):
        log = root / name
        table = expected_dir / (name + EXPECTED_SUFFIX)
        result = CheckResult(f"sample {log}")
        results.append(result)
        if name not in tables:
            result.problems.append(f"no {table}: write one (no rows = no findings)")
        elif name not in logs:
            result.problems.append(f"{table} names a log that does not exist")
        else:
            result.problems += _compare(ruleset, log, table)
    return results


def _compare(ruleset: Ruleset, log: Path, table: Path) -> list[str]:
    try:
        expected = read_expected(table)
        findings = list(scan_file(ruleset, log))
    except (ValueError, SourceError) as exc:
        return [str(exc)]
    problems = []
    covered: set[tuple[int, str]] = set()
    for f in findings:
        hits = {(n, f.signature.id) for n in {f.line, *f.matched_lines}} & expected
        if hits:
            covered |= hits
        else:
            problems.append(f"unexpected finding: line {f.line} {f.signature.id}")
    for line, incident in sorted(expected - covered):
        problems.append(f"missing finding: line {line} {incident}")
    return problems
