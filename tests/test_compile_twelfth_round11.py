"""Issue #11, twelfth pass, eleventh round: what heldout68 to heldout70 showed (docs/
incident-log-format.md says the rules): the incident's header written in more ways. A severity
in a form's joined cell, header fields in an emphasised line, an id after a few words of the
heading, labels and severities in Swedish, Norwegian and Danish."""

from __future__ import annotations

import pytest
from compile_helpers import REAL_SYMPTOM

from matcher.incidents.reader import compile_incident_log, parse_incident_log

KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
BODY = f"\n**Symptoms:**\n- `{KAFKA}`\n"


def test_a_forms_joined_cell_names_the_severity() -> None:
    text = (
        "### Incident Record INC-PM-900 — Producers\n\n| Field | Value |\n|---|---|\n"
        "| Incident number | INC-PM-900 |\n| Priority / Severity | P2 — High |\n" + BODY
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.severity, found.symptoms) == ("INC-PM-900", "high", (REAL_SYMPTOM,))


def test_header_fields_in_an_emphasised_line() -> None:
    text = (
        '## INC-PM-900 — "The producers that stopped"\n\n'
        "*Date: 2026-12-03 · Severity: SEV2 · Services: publisher · Narrator: Hannah*\n" + BODY
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services) == ("high", ("publisher",))


@pytest.mark.parametrize(
    "heading",
    [
        "## Report No. INC-PM-900 : producers could not publish",
        "## PROBLEM RECORD INC-PM-900 — PUBLISHER METADATA TIMEOUT",
        "## 3. Incident INC-PM-900: producers",
    ],
)
def test_an_id_after_a_few_words_of_the_heading(heading: str) -> None:
    text = f"{heading}\n\nSEVERITY: 2 (MAJOR)\n" + BODY
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.severity) == ("INC-PM-900", "high")


def test_words_before_no_id_make_no_id() -> None:
    text = "## Report of the week: producers\n\n**Severity:** High\n" + BODY
    log = compile_incident_log(text, "x.md")
    assert not log.incidents
    assert [p.field for p in log.problems] == ["id"]


@pytest.mark.parametrize(
    ("label", "value", "severity"),
    [
        ("Allvarlighetsgrad", "Hög", "high"),
        ("Alvorlighetsgrad", "Høy", "high"),
        ("Prioritet", "Lav", "low"),
        ("Allvarlighetsgrad", "Medel", "medium"),
    ],
)
def test_labels_and_severities_in_swedish_norwegian_danish(
    label: str, value: str, severity: str
) -> None:
    text = (
        f"## INC-PM-900 \u2013 Producenter\n\n**{label}:** {value}\n"
        "**Berörda tjänster:** publisher\n\n"
        f"### Symptom\n- `{KAFKA}`\n\n### Grundorsak\nBrokern låg nere.\n\n### Åtgärd\nOmstart.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services) == (severity, ("publisher",))
    assert (found.root_cause, found.resolution) == ("Brokern låg nere.", "Omstart.")
