"""Issue #11, twelfth pass, seventh round: what heldout56 to heldout58 showed (docs/
incident-log-format.md says the rules). A wiki's export (a status emoji before the id, toggles
exported as bullets, a subsection under Symptoms), an SBAR handover, heads that set aside what
is nested under them, alert cards with a verdict, a search term, a warning about what a search
also finds, a diff of the log before and after a fix, redactions with `####` and `[host]`,
access-log lines beside the error, and an Airflow task log. Phrasings are this file's own; the
log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

from matcher.incidents.reader import parse_incident_log

DEADLOCK = "Deadlock found when trying to get lock"
TOO_LARGE = "object too large for cache"
CANCEL = "canceling statement due to user request"
NO_TABLE = "sqlite3.OperationalError: no such table: import_runs"

ASIDES_7 = [
    # a head without log text, ending in a colon, sets aside what is nested under it
    f"* Things we chased that weren't it:\n  * `{DEADLOCK}` in the batch\n  * `{TOO_LARGE}`",
    f"1. Not reproducible as this bug (listed so nobody re-files it):\n   - `{NO_TABLE}`",
    # a label that says what is out of scope, with words before it
    f"* Related, but not what we track here: the batch's `{DEADLOCK}` at 02:00",
    f"* Out of scope for matching: `{CANCEL}`, which the DBA caused",
    f"* Not part of this incident: `{TOO_LARGE}` from the thumbnailer",
    # a sentence whose colon puts what follows apart
    f"* Two other lines that night are a different story: `{DEADLOCK}` was the batch.",
    f"* Around it the network thread is noisy: `{CANCEL}` and `{TOO_LARGE}`.",
    # an alert card's evidence and its verdict, for every log text of the evidence
    f"* evidence: `{CANCEL}` (server) and `{DEADLOCK}` (client)\n* verdict: **DISMISS**."
    " Same class, different reason.",
    # what was excluded, or kept out
    f"* Some workers got `{DEADLOCK}` instead. That is the batch job, excluded here.",
    f"* `{CANCEL}` too. They are manual cancels, and we excluded them from this incident.",
    f"* `{TOO_LARGE}` as well. Different limit; I'd keep it out of the signature.",
    f"* `{DEADLOCK}` on the report query, which we did not count as this incident.",
    # a warning about what grepping for the error also finds: all of it, the term too
    '* Careful when grepping for "Connection refused": `circuit breaker closed again for'
    " 10.0.0.5:8081 (was: Connection refused)` is the breaker recovering.",
]


@pytest.mark.parametrize("bullets", ASIDES_7)
def test_an_aside_adds_no_symptom_7(bullets: str) -> None:
    assert symptoms_of(REAL + bullets + "\n") == (REAL_SYMPTOM,)


KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
CONTROLS_7 = [
    # a head that does not set aside keeps what is under it
    f"* What the producers logged:\n  * `{KAFKA}`",
    # a value that differs each time is no verdict
    f"* `{KAFKA}` (a different producer each time, same error)",
    # a search term to count with is the incident's own
    f'* grep for "{KAFKA}" to count them',
    # an alert card kept
    f"* evidence: `{KAFKA}`\n* verdict: **KEEP**. The outage itself.",
]


@pytest.mark.parametrize("bullets", CONTROLS_7)
def test_the_incidents_own_error_stays_7(bullets: str) -> None:
    assert symptoms_of(bullets + "\n") == (REAL_SYMPTOM,)


def incident_log(body: str) -> str:
    return f"## 🟠 INC-PM-900 Producers stopped\n\n- **Severity:** High\n\n{body}\n"


def test_a_status_emoji_before_the_id_and_toggles_exported_as_bullets() -> None:
    text = incident_log(
        f"- 🩺 Symptoms\n    - `{KAFKA}`\n- 🛠 Resolution\n    - Broker restarted.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.id == "INC-PM-900"
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.resolution is not None and "Broker restarted" in found.resolution


def test_a_subsection_under_symptoms_is_read_with_them() -> None:
    text = incident_log(
        "### Symptoms\n\nThe sign-up page spun for a while.\n\n#### Nerdy details\n\n"
        f"- The producers logged `{KAFKA}`\n\n### Root cause\n\nThe broker was down.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


@pytest.mark.parametrize("dash", ["\u2014", "-", "\u2013"])
def test_an_sbar_handover_inside_symptoms(dash: str) -> None:
    text = incident_log(
        "**Symptoms:**\n"
        f"**S {dash} Situation:** producers failing since 06:00\n"
        f"**A {dash} Assessment:** `{KAFKA}` on every publish\n"
        f"**R {dash} Recommendation:** restart with `{DEADLOCK}` watched\n"
        "**Resolution:** broker restarted\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_diff_keeps_the_lines_before_the_fix_without_their_sign(tmp_path: Path) -> None:
    bullets = (
        "* The gateway, before and after:\n\n"
        "```diff\n"
        "--- before\n"
        "+++ after\n"
        "@@ -1,2 +1,1 @@\n"
        "- requests.exceptions.ConnectionError: HTTPConnectionPool(host='10.40.7.15',"
        " port=8081): Max retries exceeded with url: /api/v2/health (Caused by"
        " NewConnectionError(...))\n"
        "+ INFO gateway:51 health reservation-svc 200 in 12 ms\n"
        "```\n"
    )
    (symptom,) = symptoms_of(bullets)
    assert symptom.startswith("requests.exceptions.ConnectionError: HTTPConnectionPool(")
    assert flagged(tmp_path, bullets, "gateway-http.log")  # the real chain's line


def test_redactions_stand_for_any_value(tmp_path: Path) -> None:
    bullets = (
        "* nginx error log (pid#tid masked as ####):\n"
        "  `[emerg] ####: bind() to x.x.x.x:#### failed (98: Address already in use)`\n"
        "* `[error] ####: *#### connect() failed (111: Connection refused) while connecting to"
        ' upstream, client: x.x.x.x, server: [host], request: "GET /api/orders/####'
        ' HTTP/1.1"`\n'
    )
    error_log = flagged(tmp_path, bullets, "nginx-error.log")
    lines = (Path(__file__).parent / "data/postmortems/logs/nginx-error.log").read_text()
    numbered = dict(enumerate(lines.splitlines(), start=1))
    assert {n for n, line in numbered.items() if "bind() to" in line} <= error_log
    assert {n for n, line in numbered.items() if "connect() failed (111" in line} <= error_log
    assert not {n for n in error_log if "no live upstreams" in numbered[n]}


def test_an_access_log_line_is_context_beside_the_error() -> None:
    bullets = (
        '* Access log: `"POST /upload HTTP/1.1" 413`\n'
        "* error.log: `[error] client intended to send too large body: 4718592 bytes`\n"
    )
    assert symptoms_of(bullets) == (
        "[error] client intended to send too large body: <bytes:datasize>",
    )
    # ... and the symptom when the incident names nothing else
    assert len(symptoms_of('* Access log: `"POST /upload HTTP/1.1" 413`\n')) == 1


def test_an_airflow_task_logs_frame_is_no_part_of_the_message() -> None:
    bullets = (
        "* export_audit:\n\n"
        "```\n"
        "[2026-07-21, 01:12:43 UTC] {audit_export.py:30} ERROR - audit export aborted:"
        " OperationalError: database or disk is full\n"
        "```\n"
    )
    assert symptoms_of(bullets) == (
        "ERROR audit export aborted: OperationalError: database or disk is full",
    )
