"""Issue #11, twelfth pass, tenth round: what heldout65 to heldout67 showed (docs/
incident-log-format.md says the rules). Labels in Dutch and an on-call handbook's, incidents
kept as YAML records, a bold line alone that sets aside the bullets after it, a section
numbered `1.2`, and a verdict label in the team's language. Phrasings are this file's own; the
log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL_SYMPTOM, flagged

from matcher.incidents.reader import parse_incident_log

DEADLOCK = "Deadlock found when trying to get lock"
KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."


def test_labels_in_dutch() -> None:
    text = (
        "**Incident-ID:** INC-PM-900\n**Titel:** Producers vallen om\n**Ernst:** Middel\n"
        "**Getroffen diensten:** publisher, outbox\n\n"
        f"**Symptomen:**\n* `{KAFKA}`\n\n**Niet de oorzaak (wel gezien):**\n* `{DEADLOCK}`\n\n"
        "**Oorzaak:**\n* De broker lag eruit.\n\n**Oplossing:**\n* Broker herstart.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.severity) == ("INC-PM-900", "medium")
    assert found.services == ("publisher", "outbox")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.root_cause is not None and "broker" in found.root_cause


def test_a_known_issue_page() -> None:
    text = (
        "## INC-PM-900: Producers time out\n\n**Severity:** High\n\n"
        f"### How to recognise it\n\n- `{KAFKA}`\n\n"
        f"### Not to be confused with\n\n- `{DEADLOCK}`\n\n### What to do\n\nRestart the broker.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.resolution == "Restart the broker."


def test_an_incident_kept_as_a_yaml_record(tmp_path: Path) -> None:
    text = (
        "## INC-PM-900\n\n```yaml\nid: INC-PM-900\ntitle: nginx would not start\n"
        "severity: high\nservices: [edge-nginx, shop]\nsymptoms:\n"
        '  - "[emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)"\n'
        "  # the real lines are 127.0.0.1:58181 on the test hosts\n"
        "not_related:\n"
        '  - "[emerg] unknown directive \\"proxy_buffer\\" in /etc/nginx/conf.d/bad.conf:2"\n'
        "root_cause: >\n  A stale master kept\n  the socket.\n```\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.title, found.severity) == ("nginx would not start", "high")
    assert found.services == ("edge-nginx", "shop")
    assert found.symptoms == (
        "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)",
    )
    assert found.root_cause == "A stale master kept the socket."


def test_a_yaml_block_that_is_no_record_stays_a_code_block() -> None:
    text = (
        "## INC-PM-900: Producers\n\n**Severity:** High\n\n**Symptoms:**\n- "
        f"`{KAFKA}`\n\n**Resolution:**\n\n```yaml\nmax_block_ms: 60000\nretries: 5\n```\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert "max_block_ms" not in (found.resolution or "")


@pytest.mark.parametrize("head", ["**Wat het níet was**", "**Afgeleid, niet het probleem**"])
def test_a_bold_line_alone_sets_aside_the_bullets_after_it(head: str) -> None:
    text = (
        "## INC-PM-900: Producers\n\n**Ernst:** Hoog\n\n**Symptomen**\n"
        f"* `{KAFKA}`\n\n{head}\n* `{DEADLOCK}` kwam ook voorbij.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_section_numbered_in_levels(tmp_path: Path) -> None:
    text = (
        "## 1. Event INC-PM-900: Producers\n\n**Incident ID:** INC-PM-900\n**Severity:** High\n\n"
        f"### 1.2 Symptoms\n1.2.1 The publisher logged `{KAFKA}`\n\n### 1.3 Root cause\nBroker.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.root_cause == "Broker."
    assert flagged(tmp_path, f"* `{KAFKA}`", "events-kafka.log")
