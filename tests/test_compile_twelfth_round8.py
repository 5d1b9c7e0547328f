"""Issue #11, twelfth pass, eighth round: what heldout59 to heldout61 showed (docs/
incident-log-format.md says the rules). Labels in the team's language and in the short forms
of some layouts (Five Ws, a release manager's Seen / Not related / Fixed in), header fields on
one line, a pasted terminal session before any section, lines pointed at with `<-- THIS`,
stern's pod and container before each line, verdicts in Portuguese, Spanish, French, German
and Italian, `not to be confused with …:`, `Only … is the signal`, a head that sets aside a
code block or the bullets after a paragraph, a triage tag before a dash, a runtime's version
banner, an item written all in lower case, an engineer's analysis section. Phrasings are this
file's own; the log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

from matcher.incidents.reader import parse_incident_log

DEADLOCK = "Deadlock found when trying to get lock"
TOO_LARGE = "object too large for cache"
CANCEL = "canceling statement due to user request"
KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."

ASIDES_8 = [
    # verdicts in the team's language, in the sentence or the next ones
    f"* Também apareceu `{DEADLOCK}` do job noturno, sem relação.",
    f"* Houve também `{CANCEL}`. Esses fomos nós, no meio da investigação.",
    f"* Vimos `{TOO_LARGE}` no mesmo período. Esse é outro problema, do relatório.",
    f"* También salió `{DEADLOCK}`, sin relación con la caída.",
    f"* On a aussi vu `{DEADLOCK}` pendant la nuit, sans rapport.",
    f"* Außerdem `{CANCEL}` im Serverlog, kein Zusammenhang.",
    f"* C'era anche `{DEADLOCK}` del batch notturno, non correlato.",
    # the verdict of the sentence before, said again
    f"* `{CANCEL}` era o teste, sem relação. Idem para o `{TOO_LARGE}` do relatório.",
    # not to be confused with what follows the colon
    f"* Cuidado para não confundir com o deadlock do mesmo período: `{DEADLOCK}`.",
    f"* Careful not to confuse it with the batch's deadlock of that hour: `{DEADLOCK}`.",
    # another log text named as the only one that counts
    f"* Only the `{KAFKA}` line is the signal. The `{DEADLOCK}` after it is the batch.",
    # a head that says what follows is not the incident, over a code block
    f"* Also in the same output but *not* the incident:\n\n  ```\n  {DEADLOCK}\n  ```\n",
    # a paragraph head over the bullets after it
    f"\nLines I looked at and set aside:\n\n- `{DEADLOCK}` from the batch\n- `{CANCEL}`\n",
    # a triage tag before a dash
    f"1. `NOISE` \u2014 `{CANCEL}` (both the server's line and psycopg2's)",
    # an item in lower case: its sentences are read one by one
    f"* producers died on every send. not to be confused with `{DEADLOCK}` which is the batch"
    " job, that one has been failing forever harmlessly.",
]


@pytest.mark.parametrize("bullets", ASIDES_8)
def test_an_aside_adds_no_symptom_8(bullets: str) -> None:
    assert symptoms_of(REAL + bullets + "\n") == (REAL_SYMPTOM,)


CONTROLS_8 = [
    # a sentence in the team's language that keeps the error
    f"* Os produtores logaram `{KAFKA}` em cada envio.",
    # the one named as the only signal is the incident's
    f"* Only the `{KAFKA}` line is the signal.",
    # a plain head keeps what is under it
    f"For engineers:\n\n- `{KAFKA}`\n",
    # an abbreviation in lower case is no sentence's end
    f"* producers died, e.g. `{KAFKA}` on every send",
]


@pytest.mark.parametrize("bullets", CONTROLS_8)
def test_the_incidents_own_error_stays_8(bullets: str) -> None:
    assert symptoms_of(bullets + "\n") == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    ("heading", "severity", "symptoms", "cause"),
    [
        ("Severidade", "Alta", "Sintomas", "Causa raiz"),
        ("Severidad", "Alta", "Síntomas", "Causa raíz"),
        ("Gravité", "Haute", "Symptômes", "Cause racine"),
        ("Schweregrad", "Hoch", "Symptome", "Ursache"),
        ("Gravità", "Alta", "Sintomi", "Causa principale"),
    ],
)
def test_labels_in_the_teams_language(
    heading: str, severity: str, symptoms: str, cause: str
) -> None:
    text = (
        "## INC-PM-900: Produtores\n\n"
        f"**{heading}:** {severity}\n\n"
        f"### {symptoms}\n\n- `{KAFKA}`\n\n### {cause}\n\nO broker caiu.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.severity == "high"
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.root_cause is not None and "broker" in found.root_cause


def test_the_five_ws_and_a_release_managers_labels() -> None:
    text = (
        "## INC-PM-900: Producers\n\n**Severity:** High\n\n"
        f"### Who\n\n- Shoppers; `{DEADLOCK}` was the batch.\n\n"
        f"### What\n\nThe producers logged `{KAFKA}`.\n\n"
        "### Why\n\nThe broker was down.\n\n---\n\n"
        "## INC-PM-901: Producers again\n\n- **Severity:** High\n\n"
        f"**Seen:**\n- `{KAFKA}`\n\n**Not related:**\n- `{DEADLOCK}`\n\n"
        "**Fixed in:** publisher 2.4.1\n"
    )
    five_ws, release = parse_incident_log(text, "x.md")
    assert five_ws.symptoms == (REAL_SYMPTOM,)
    assert five_ws.root_cause == "The broker was down."
    assert release.symptoms == (REAL_SYMPTOM,)
    assert release.resolution == "publisher 2.4.1"


def test_header_fields_on_one_line_and_a_label_with_words_after_it() -> None:
    text = (
        "## INC-PM-900 producers stopped\n\n"
        "date: 2026-05-27, severity: high (sev2 on the board), services: publisher, outbox\n\n"
        f"Symptoms, straight from the terminal:\n\n- `{KAFKA}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.severity == "high"
    assert found.services == ("publisher", "outbox")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_terminal_session_before_any_section_with_the_lines_pointed_at() -> None:
    text = (
        "## INC-PM-900: nginx would not start\n\n"
        "- Date: 2026-03-30\n- Severity: High\n- Services: edge nginx\n\n"
        "```\n"
        "jonas@lb-2:~$ sudo tail -n 3 /var/log/nginx/error.log\n"
        "2026/03/30 06:12:18 [emerg] 11995#11995: bind() to 0.0.0.0:443 failed (98: Address"
        " already in use)   <-- THIS\n"
        "2026/03/30 06:12:18 [notice] 11995#11995: try again to bind() after 500ms\n"
        '2026/03/30 06:12:18 [emerg] 11995#11995: unknown directive "proxy_buffer" in x.conf:2\n'
        "```\n\nRoot cause: a stray process held the port.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (
        "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)",
    )
    assert found.services == ("edge nginx",)


def test_sterns_pod_and_container_are_no_part_of_the_line(tmp_path: Path) -> None:
    bullets = (
        "* Both pods, from stern:\n\n  ```\n"
        "  nginx-edge-7f9c6d5b8-4mzqk nginx \u2502 2026/12/03 08:16:18 [emerg] 11995#11995:"
        " still could not bind()\n"
        "  ```\n"
    )
    assert symptoms_of(bullets) == ("[emerg] still could not bind()",)
    assert flagged(tmp_path, bullets, "nginx-stderr.log")


def test_context_a_version_banner_and_a_deadlocks_statements() -> None:
    bullets = (
        "* `Error: connect ECONNREFUSED 127.0.0.1:3000`, then `Node.js v20.20.2` at the end\n"
        "* `Process 11344: UPDATE invoices SET total = total + 1 WHERE id = 1` beside it\n"
    )
    assert symptoms_of(bullets) == ("Error: connect ECONNREFUSED <ip>:<port:int>",)


def test_an_engineers_analysis_holds_the_symptoms() -> None:
    text = (
        "## INC-PM-900: Producers\n\n**Severity:** Low\n\n"
        "**Symptoms:**\n- Orders not published for 20 minutes.\n\n"
        f"**Engineer analysis (Lars):**\n\nThe publisher logged `{KAFKA}` on every send.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
