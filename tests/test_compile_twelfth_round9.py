"""Issue #11, twelfth pass, ninth round: what heldout62 to heldout64 showed (docs/
incident-log-format.md says the rules). A bare severity level, bold header fields on one line,
a crash reporter's top issue, a section's name alone on its line, a table whose header cell
names no field, more verdicts in German and French, a head in French, an access log's status
line, the time after a comma, and an incident whose log text is only in its timeline. Phrasings
are this file's own; the log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, symptoms_of

from matcher.incidents.reader import parse_incident_log

DEADLOCK = "Deadlock found when trying to get lock"
CANCEL = "canceling statement due to user request"
KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."

ASIDES_9 = [
    # more verdicts in German and French, said in the next sentence
    f"* Im Log stand auch `{DEADLOCK}`. Das ist die Folge, nicht das, wonach wir alarmieren.",
    f"* Kurz davor gab es `{CANCEL}`. Der hat mit dem Ausfall nichts zu tun.",
    f"* Puis `{DEADLOCK}`. C'est une conséquence du batch.",
    # a head in French, its space before the colon
    f"\nCe qu'on a vu mais qui n'est pas l'incident lui-même :\n\n- `{DEADLOCK}`\n",
    # not a bug of its own
    f"* The `{DEADLOCK}` after it is the batch retrying, not a bug of its own.",
]


@pytest.mark.parametrize("bullets", ASIDES_9)
def test_an_aside_adds_no_symptom_9(bullets: str) -> None:
    assert symptoms_of(REAL + bullets + "\n") == (REAL_SYMPTOM,)


def test_the_time_after_a_comma_is_no_part_of_unquoted_log_text() -> None:
    bullet = (
        "* Actual: report-builder died with FATAL ERROR: Reached heap limit Allocation failed"
        ' - JavaScript heap out of memory, right after "building report 24".\n'
    )
    assert not any("right after" in s for s in symptoms_of(bullet))


@pytest.mark.parametrize(
    ("written", "severity"),
    [("2", "high"), ("3 (events are replayable)", "medium"), ("1 (half the edge out)", "critical")],
)
def test_a_bare_severity_level(written: str, severity: str) -> None:
    text = f"## INC-PM-900: Producers\n\n- sev: {written}\n\n**Symptoms:**\n- `{KAFKA}`\n"
    (found,) = parse_incident_log(text, "x.md")
    assert found.severity == severity


def test_bold_header_fields_on_one_line_and_a_top_issue() -> None:
    text = (
        "## INC-PM-900 \u2014 Producers stopped\n\n"
        "**Date:** 2026-11-03 \u00b7 **Severity:** SEV2 \u00b7 **Services:** publisher\n\n"
        f"**Top issue (Sentry, publisher):** `{KAFKA}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services, found.symptoms) == (
        "high",
        ("publisher",),
        (REAL_SYMPTOM,),
    )


def test_section_names_alone_on_their_lines() -> None:
    text = (
        "## INC-PM-900 \u2014 producers stopped\n\n- sev: 2\n\n"
        f"symptoms\n- `{KAFKA}`\n\nnot the incident\n- `{DEADLOCK}`\n\ncause\n- broker down\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.root_cause == "broker down"


def test_a_tables_header_cell_that_names_no_field_keeps_the_section() -> None:
    bullets = f"| where | what we saw |\n|---|---|\n| publisher | `{KAFKA}` |\n"
    assert symptoms_of(bullets) == (REAL_SYMPTOM,)


def test_an_access_log_line_with_its_size_is_context() -> None:
    bullets = (
        '* Access log: `"POST /upload HTTP/1.1" 413 183`, small ones'
        ' `"POST /upload HTTP/1.1" 204`\n'
        "* error.log: `client intended to send too large body: 1572864 bytes`\n"
    )
    assert symptoms_of(bullets) == ("client intended to send too large body: <bytes:datasize>",)


def test_the_timeline_when_nothing_else_holds_log_text() -> None:
    text = (
        "## INC-PM-900: Producers stopped\n\n**Severity:** High\n\n"
        "### Timeline\n\n- `11:45` **Note** (Mei): publisher logs say: "
        f"`{KAFKA}`\n- `11:52` **Note** (Jo): also `{DEADLOCK}` \u2014 the batch, not this\n\n"
        "### Analysis\n\n**Symptoms:**\n- Orders not published.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    # ... and never when the symptoms hold log text of their own
    (found,) = parse_incident_log(text.replace("Orders not published.", f"`{KAFKA}`"), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
