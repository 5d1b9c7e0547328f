"""Parse each tool's output and compare it with the generator's truth file."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_ID = re.compile(r"BENCH-(\d+)")

Pair = tuple[int, int]  # (1-based line number, 1-based symptom index)


@dataclass(frozen=True)
class Verdict:
    fp: int  # reported but not in the truth
    fn: int  # in the truth but not reported
    dup: int  # reported more than once (extra copies)

    @property
    def correct(self) -> bool:
        return self.fp == 0 and self.fn == 0 and self.dup == 0

    def cell(self) -> str:
        if self.correct:
            return "yes"
        return f"no (fp {self.fp}, fn {self.fn}, dup {self.dup})"


@dataclass(frozen=True)
class Reported:
    pairs: Counter[Pair]
    other_records: int  # JSON records that are not BENCH findings (summaries, --unknown lines)


def check_pairs(reported: Counter[Pair], truth: Iterable[Pair]) -> Verdict:
    got, want = set(reported), set(truth)
    return Verdict(len(got - want), len(want - got), _extra_copies(reported))


def check_lines(reported: Counter[int], truth: Iterable[Pair]) -> Verdict:
    """For tools that only report lines: compare line sets, ignoring the symptom index."""
    got, want = set(reported), {line for line, _ in truth}
    return Verdict(len(got - want), len(want - got), _extra_copies(reported))


def _extra_copies(counts: Counter[Any]) -> int:
    return sum(c - 1 for c in counts.values() if c > 1)


def parse_line_prefixed(path: Path) -> Counter[int]:
    """``rg -n`` / ``grep -n`` output on one file: ``LINE:text``."""
    lines: Counter[int] = Counter()
    with path.open("rb") as f:
        for raw in f:
            head, sep, _ = raw.partition(b":")
            if sep:
                lines[int(head)] += 1
    return lines


def parse_naive(path: Path) -> Reported:
    """naive_scan.py output: ``LINE<TAB>INDEX``."""
    pairs: Counter[Pair] = Counter()
    with path.open(encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                line, index = raw.split("\t")
                pairs[(int(line), int(index))] += 1
    return Reported(pairs, 0)


def parse_matcher_json(path: Path) -> Reported:
    """``matcher scan --format json``: each finding contributes {line} | matched_lines.

    Raises ValueError on output that is not JSON or a finding without a usable line.
    """
    pairs: Counter[Pair] = Counter()
    other = 0
    for rec in _json_records(path):
        found = _finding_pairs(rec)
        if found is None:
            other += 1
            continue
        pairs.update(found)
    return Reported(pairs, other)


def count_findings(path: Path) -> int:
    return sum(1 for rec in _json_records(path) if _finding_pairs(rec) is not None)


def _finding_pairs(rec: Any) -> set[Pair] | None:
    if not isinstance(rec, dict):
        return None
    incident = rec.get("incident")
    if isinstance(incident, dict):  # tolerate a nested {"id": ...}
        incident = incident.get("id")
    m = BENCH_ID.fullmatch(incident) if isinstance(incident, str) else None
    if m is None:
        return None
    try:
        lines = {int(rec["line"])} | {int(x) for x in rec.get("matched_lines") or ()}
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"finding without a usable line: {str(rec)[:200]}") from exc
    index = int(m.group(1))
    return {(line, index) for line in lines}


def _json_records(path: Path) -> list[Any]:
    # JSON Lines is the contract; a single document (array, or an object holding the
    # findings list) is accepted too, so a format change shows up as wrong, not as a crash.
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        docs = [json.loads(ln) for ln in text.splitlines() if ln.strip()]
    except ValueError:
        docs = [json.loads(text)]
    records: list[Any] = []
    for doc in docs:
        records.extend(_unwrap(doc))
    return records


def _unwrap(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict) and "incident" not in doc:
        for key in ("findings", "results", "matches"):
            if isinstance(doc.get(key), list):
                return list(doc[key])
    return [doc]
