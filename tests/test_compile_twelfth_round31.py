"""Issue #11, twelfth pass, thirty-first round (docs/incident-log-format.md, "Thirty-first
round", says the rules)."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log


def _texts(text: str) -> list[str]:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]


def test_a_retry_wrappers_class_and_an_elision_are_no_cause_beside_the_cause() -> None:
    # every failed call says `Max retries exceeded`, whatever its cause (a DNS failure too): the
    # wrapper recalled with its class and an elision is no symptom where the cause is quoted
    text = (
        "## INC-109 \u2014 gateway: connection refused\n\n"
        "**Symptoms:**\n"
        "* `NewConnectionError: Failed to establish a new connection: [Errno 111] Connection"
        " refused`\n"
        '* From memory: "MaxRetryError \u2026 Max retries exceeded with url: /api/v2/health"'
        " \u2014 same chain.\n"
    )
    texts = _texts(text)
    assert texts == [
        "NewConnectionError: Failed to establish a new connection: [Errno 111] Connection refused"
    ]


def test_the_retry_wrapper_alone_stays_the_incidents_symptom() -> None:
    text = (
        "## INC-110 \u2014 quotes: lookups broke\n\n"
        "**Symptoms:**\n"
        '* "MaxRetryError \u2026 Max retries exceeded with url: /v1/quote"\n'
    )
    assert _texts(text) == ["MaxRetryError: <any> Max retries exceeded with url: <path>"]
