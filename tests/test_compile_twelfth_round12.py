"""Issue #11, twelfth pass, twelfth round: an incident told in one paragraph (a weekly digest),
its severity in the heading, and what heldout71 to heldout73 showed (docs/incident-log-format.md
says the rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL_SYMPTOM, flagged, symptoms_of

from matcher.incidents.reader import compile_incident_log, parse_incident_log

KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
BODY = f"\n**Symptoms:**\n- `{KAFKA}`\n"


@pytest.mark.parametrize(
    ("heading", "severity"),
    [
        ("### INC-PM-900 — producers stuck (Sev-3)", "medium"),
        ("## [SEV2] INC-PM-900 producers stuck", "high"),
        ("## INC-PM-900 [P1] producers stuck", "critical"),
        ("## INC-PM-900: producers stuck, sev 4", "low"),
        ("## INC-PM-900: producers stuck (high)", "high"),
    ],
)
def test_a_severity_in_the_heading(heading: str, severity: str) -> None:
    (found,) = parse_incident_log(f"{heading}\n" + BODY, "x.md")
    assert (found.id, found.severity) == ("INC-PM-900", severity)


@pytest.mark.parametrize(
    "heading",
    [
        "## INC-PM-900: P2 replica lagged",  # a name, not a level
        "## INC-PM-900: bind failed (98: Address already in use)",
        "## INC-PM-900: two producers (2) stuck",
    ],
)
def test_no_severity_in_a_heading_that_names_none(heading: str) -> None:
    log = compile_incident_log(f"{heading}\n" + BODY, "x.md")
    assert not log.incidents
    assert [p.field for p in log.problems] == ["severity"]


def test_a_field_wins_over_the_heading() -> None:
    text = "## INC-PM-900 — producers (Sev-1)\n\n**Severity:** Low\n" + BODY
    (found,) = parse_incident_log(text, "x.md")
    assert found.severity == "low"


DIGEST = """### INC-PM-900 — order events not published (Sev-3)

**Date:** 2026-12-03 · **Services:** events publisher, Kafka · **MTTR:** 1 h 52 min

No customer-facing impact, but events were queued locally for two hours. The publisher logged
`kafka.errors.KafkaTimeoutError: Failed to update metadata after 60.0 secs.` for every event.
Not related, but it was in the same worker log and got pasted into the channel: a
`ZeroDivisionError: division by zero` from another job, already has its own ticket.
Root cause: the brokers moved behind a new listener. Action items: route alerts to SRE.
"""


def test_an_incident_told_in_one_paragraph_compiles_from_it() -> None:
    (found,) = parse_incident_log(DIGEST, "x.md")
    assert found.severity == "medium"
    assert found.services == ("events publisher", "Kafka")  # the paragraph is no service
    assert found.symptoms == ("kafka.errors." + REAL_SYMPTOM,)


def test_a_paragraph_is_read_only_when_no_section_holds_log_text() -> None:
    text = DIGEST + "\n**Symptoms:**\n- `OSError: [Errno 28] No space left on device`\n"
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == ("OSError: [Errno 28] No space left on device",)


@pytest.mark.parametrize(
    "item",
    [
        "- Not related, but it was in the same log: `ZeroDivisionError: division by zero`.",
        "- `ZeroDivisionError: division by zero` from the report job already has its own ticket.",
    ],
)
def test_a_conceded_verdict_or_a_ticket_of_its_own_sets_aside(item: str) -> None:
    assert symptoms_of(f"- `{KAFKA}`\n{item}") == (REAL_SYMPTOM,)


def test_the_same_words_without_the_verdict_are_a_symptom() -> None:
    item = "- It was in the same log: `ZeroDivisionError: division by zero`."
    assert len(symptoms_of(f"- `{KAFKA}`\n{item}")) == 2


def test_log_text_in_the_authors_parenthesis_ends_where_it_closes(tmp_path: Path) -> None:
    item = (
        "- urllib3 raised a DNS error, Failed to resolve 'pricing-api' ([Errno -2] Name or "
        "service not known), wrapped as usual in MaxRetryError"
    )
    assert symptoms_of(item) == ("[Errno -2] Name or service not known",)
    assert flagged(tmp_path, item, "gateway-http.log")
