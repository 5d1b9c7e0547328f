"""The postmortem corpus (tests/data/postmortems/) is well-formed.

This checks the data, not the matcher: the ground truth points at real lines, near misses
and expected lines never overlap, every incident of the ground truth is written up in
exactly one postmortem file, and the logs stay small. The recall figures themselves are
measured by bench/postmortem_recall.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "postmortems"
LOGS = CORPUS / "logs"
INCIDENTS = CORPUS / "incidents"


def _rows(name: str) -> list[list[str]]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


def _log_lines(name: str) -> list[str]:
    return (LOGS / name).read_text(encoding="utf-8", errors="replace").split("\n")[:-1]


@pytest.mark.parametrize("table", ["expected.tsv", "near-misses.tsv"])
def test_every_row_points_at_a_real_line(table: str) -> None:
    rows = _rows(table)
    assert rows
    for row in rows:
        assert len(row) == (3 if table == "expected.tsv" else 4), row
        lines = _log_lines(row[0])
        assert 1 <= int(row[1]) <= len(lines), row
        assert lines[int(row[1]) - 1].strip(), row


def test_expected_lines_state_an_error_and_are_not_near_misses() -> None:
    expected = {(r[0], int(r[1])) for r in _rows("expected.tsv")}
    near = {(r[0], int(r[1])) for r in _rows("near-misses.tsv")}
    assert len(expected) == len(_rows("expected.tsv")), "a line is expected for two incidents"
    assert not expected & near
    for name, n in expected:
        line = _log_lines(name)[n - 1]
        assert not line.startswith("  File "), (name, n, line)  # a traceback frame


def _defined_incidents(md: Path) -> set[str]:
    ids = set()
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or re.search(r"Incident ID", line, re.IGNORECASE):
            ids.update(re.findall(r"\bINC-PM-\d+\b", line))
    return ids


def _incidents_by_file(folder: Path) -> dict[str, str]:
    seen: dict[str, str] = {}
    for md in sorted(folder.glob("*.md")):
        for inc in _defined_incidents(md):
            assert inc not in seen, f"{inc} in {seen.get(inc)} and {md.name}"
            seen[inc] = md.name
    return seen


def test_each_incident_is_written_up_in_exactly_one_file() -> None:
    assert len(list(INCIDENTS.glob("*.md"))) >= 5
    seen = _incidents_by_file(INCIDENTS)
    assert {r[2] for r in _rows("expected.tsv")} == set(seen)
    assert len(seen) >= 10


def test_the_held_out_write_ups_are_of_known_incidents() -> None:
    heldout = _incidents_by_file(CORPUS / "heldout")
    assert len(heldout) >= 8
    assert set(heldout) <= {r[2] for r in _rows("expected.tsv")}


def _symptom_items(md: Path) -> int:
    """Bullets under a Symptoms label or heading (any of the house format's variants)."""
    items, in_symptoms = 0, False
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "**", "- **")) or re.match(r"^[A-Z][\w -]+:\s*$", line):
            in_symptoms = "symptom" in line.lower()
        elif in_symptoms and re.match(r"^[-*] ", line):
            items += 1
    return items


def test_the_postmortems_have_at_least_40_symptom_items() -> None:
    counts = {md.name: _symptom_items(md) for md in INCIDENTS.glob("*.md")}
    assert all(counts.values()), counts
    assert sum(counts.values()) >= 40, counts


def test_logs_are_small() -> None:
    sizes = [p.stat().st_size for p in LOGS.glob("*.log")]
    assert len(sizes) >= 10
    assert max(sizes) < 200_000
    assert sum(sizes) < 2_000_000
