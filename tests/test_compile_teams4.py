"""Three more teams' postmortems (issue #11, fourth pass), written the way those teams write:
a Jira export with plain labels (`Priority: Major`, `Components:`, `Root-cause:`, `TODO:`), a
mobile team's `# INC — title` pages (`**Priority**: P1`, `**Affected**:`, `### Impact`, `###
What we saw`, fenced and indented blocks inside bullets, `**Mitigation**:`, checkbox `**Next
steps**:`), a Confluence page (numbered lists, `SEV1` / `sev-2` / `P3`, `**Summary**:`,
`**Impact**:` quoting an error). Each one mixes the incident's errors with what the author puts
aside (another service's errors, warnings, retries, a message shown to users).

Every incident compiles, and its signature flags exactly the real lines of tests/data/
postmortems/logs/ that state its error (expected.tsv) and nothing in those logs or in
tests/data/events/ (real logs of other errors)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import matcher
from matcher.incidents.reader import load_incident_log
from matcher.incidents.writer import write_signatures

DATA = Path(__file__).parent / "data"
TEAMS = sorted((DATA / "compile-styles" / "teams4").glob("*.md"))
LOGS = [
    *sorted((DATA / "postmortems" / "logs").glob("*.log")),
    *sorted((DATA / "events").glob("*.log")),
]


def _expected() -> dict[str, set[tuple[str, int]]]:
    rows = (DATA / "postmortems" / "expected.tsv").read_text("utf-8").splitlines()[1:]
    lines: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for row in rows:
        name, number, incident = row.split("\t")
        lines[incident].add((name, int(number)))
    return lines


@pytest.mark.parametrize("md", TEAMS, ids=lambda p: p.name)
def test_each_teams_postmortems_flag_their_errors_and_nothing_else(
    md: Path, tmp_path: Path, engine: str
) -> None:
    log = load_incident_log(md)
    assert (
        log.problems == ()
        and log.skipped == 0
        and len(log.incidents) == 5 + (md.stem == "mobile-backend")
    )
    write_signatures(log.incidents, tmp_path)
    ruleset = matcher.load_ruleset([tmp_path], engine=engine)
    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for path in LOGS:
        for finding in matcher.scan_file(ruleset, path):
            found[finding.signature.id].update((path.name, n) for n in finding.matched_lines)
    expected = _expected()
    assert {i.id: found[i.id] for i in log.incidents} == {
        i.id: expected[i.id] for i in log.incidents
    }


def test_the_teams_severities_and_sections(tmp_path: Path) -> None:
    incidents = {i.id: i for md in TEAMS for i in load_incident_log(md).incidents}
    severities = {
        i: incidents[i].severity
        for i in ("INC-PM-101", "INC-PM-102", "INC-PM-103", "INC-PM-113", "INC-PM-118")
    }
    assert severities == {
        "INC-PM-101": "critical",  # P1
        "INC-PM-102": "high",  # Major
        "INC-PM-103": "critical",  # SEV1
        "INC-PM-113": "high",  # SEV 2 (high)
        "INC-PM-118": "medium",  # Sev-3
    }
    assert incidents["INC-PM-101"].services == ("orders-api", "checkout")
    assert incidents["INC-PM-101"].resolution == "raised max_connections."
    assert incidents["INC-PM-101"].action_items == (
        "[x] alert on Threads_connected",
        "[ ] ProxySQL",
    )
    assert incidents["INC-PM-102"].services == ("restock-job",)
    assert incidents["INC-PM-104"].status == "open"  # `- [ ] index on issued_at`
    # an Impact section is skipped: its quote of the error is no symptom, its text no description
    assert "re-run report" not in (incidents["INC-PM-105"].description or "")
