"""Issue #11, twelfth pass, seventeenth round: what heldout104 to heldout109 taught
(docs/incident-log-format.md says the rules): labels, heading words and verdicts in Greek,
Lithuanian, Latvian, Malay, Bengali, Hungarian and Quebec French; AsciiDoc habits; numbered
review questions; pager summaries that open with the id in bold; a work-item export's HTML and
comments; a wrapper's message without its cause."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import LOGS, compiled, flagged_lines, incidents_of, symptoms_of

from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
ACCESS = "Access denied for user 'orders'@'localhost'"
WRONGTYPE = "Operation against a key holding the wrong kind of value"
REDIS_OOM = "OOM command not allowed when used memory > 'maxmemory'."


# --- labels and heading words of more languages ----------------------------------------------

GREEK = f"""## Συμβάν INC-PM-101 — Checkout κολλάει, MariaDB γεμάτη συνδέσεις

**Ημερομηνία:** 3 Δεκ 2026
**Σοβαρότητα:** Υψηλή

**Συμπτώματα:**
* Orders app was throwing `{TOO_MANY}`.
* Also in the same log an `{ACCESS}` (1045). Both old, from the staging fixture, άσχετα.

**Αιτία:**
* max_connections was 12.

**Επίλυση:**
* Raised max_connections.
"""


def test_greek_labels_and_the_greek_word_for_incident_before_the_id(tmp_path: Path) -> None:
    assert incidents_of(GREEK) == {
        "INC-PM-101": ("pymysql.err.OperationalError: Too many connections",)
    }
    flagged = flagged_lines(compiled(tmp_path, GREEK), "orders-mysql.log")
    assert flagged and all("Too many connections" in line for line in flagged)
    assert not any("Access denied" in line for line in flagged)


@pytest.mark.parametrize(
    ("labels", "severity"),
    [
        # Lithuanian, Latvian, Malay, Hungarian
        (("Incidento ID", "Simptomai", "Priežastis", "Sprendimas", "Sunkumas"), "Aukštas"),
        (("Incidenta ID", "Simptomi", "Pamatcēlonis", "Risinājums", "Smagums"), "Augsts"),
        (("ID insiden", "Gejala", "Punca", "Penyelesaian", "Keterukan"), "Tinggi"),
        (("Incidens azonosító", "Tünetek", "Kiváltó ok", "Megoldás", "Súlyosság"), "Magas"),
        # ... and the French id a Quebec team writes, its colon set apart
        (("No d'incident ", "Symptômes ", "Cause racine ", "Résolution ", "Gravité "), "Élevée"),
        # ... and Icelandic, Croatian and Slovenian (round 18)
        (("Atvik", "Einkenni", "Rótarorsök", "Lausn", "Alvarleiki"), "Hátt"),
        (("ID incidenta", "Simptomi", "Temeljni uzrok", "Rješenje", "Ozbiljnost"), "Visoka"),
        (("Številka incidenta", "Simptomi", "Vzrok", "Rešitev", "Resnost"), "Visoka"),
    ],
)
def test_the_labels_of_more_languages_are_the_house_formats(
    labels: tuple[str, ...], severity: str
) -> None:
    id_label, symptoms, cause, resolution, severity_label = labels
    text = (
        f"## INC-PM-101: checkout\n\n**{id_label}:** INC-PM-101\n"
        f"**{severity_label}:** {severity}\n\n"
        f"**{symptoms}:**\n* `{TOO_MANY}`\n\n**{cause}:**\n* max_connections 12.\n\n"
        f"**{resolution}:**\n* Raised it.\n"
    )
    log = compile_incident_log(text, "x.md")
    assert [i.id for i in log.incidents] == ["INC-PM-101"]
    assert log.incidents[0].root_cause == "max_connections 12."
    assert not [p for p in log.problems if p.field == "label"]


@pytest.mark.parametrize(
    "heading",
    [
        "## Incidentas INC-PM-101: checkout",
        "## Insiden INC-PM-101 — checkout",
        "## Slide 5 — INC-PM-101 · checkout",
    ],
)
def test_a_heading_with_the_id_after_a_word_or_a_slide_number(heading: str) -> None:
    text = f"{heading}\n\n**Severity:** High\n\n**Symptoms:**\n* `{TOO_MANY}`\n"
    assert list(incidents_of(text)) == ["INC-PM-101"]


def test_a_heading_that_names_a_section_is_still_noincidents_of() -> None:
    text = f"## INC-PM-101: checkout\n\n### Symptoms INC-PM-102\n* `{TOO_MANY}`\n"
    assert list(incidents_of(text)) == ["INC-PM-101"]


# --- verdicts of more languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    "verdict",
    [
        "— tai atskiras dalykas, nepainioti.",  # Lithuanian
        "— su OOM nesusijęs.",
        "— nav saistīts.",  # Latvian
        "— tu bug lain dalam session code, tak ada kaitan dengan memory.",  # Malay
        "— itu lain.",
        "— আলাদা জিনিস, এটা অন্য bug।",  # Bengali
        "— timeout না।",
        "— Άλλο bug, άλλο ticket.",  # Greek
        "— αυτό άσχετο.",
        ": aucun rapport, c'était le test.",  # Quebec French
        "— autre bobo, autre ticket.",
        "— c'est pas le même problème, c'est nous autres.",
        "— nem kapcsolódik.",  # Hungarian
    ],
)
def test_a_verdict_in_the_teams_language_sets_the_quote_aside(verdict: str) -> None:
    bullets = f"* `{REDIS_OOM}`\n* There was also `{WRONGTYPE}` {verdict}\n"
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


def test_a_foreign_verdict_after_a_list_of_quotes_is_said_of_them_all() -> None:
    bullets = (
        f"* `{REDIS_OOM}`\n"
        f"* Y'avait aussi un `{ACCESS}` (1045) pis un `Duplicate entry '1' for key 'PRIMARY'`"
        " (1062) dans le même fichier : aucun rapport, c'était le test de Jérôme.\n"
    )
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


def test_a_different_coded_error_is_set_aside() -> None:
    bullets = f"* `{REDIS_OOM}`\n* `{WRONGTYPE}` — Different SERVER_ERROR — a bad key type.\n"
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


def test_consequence_not_cause_after_a_persons_words_sets_their_quote_aside() -> None:
    bullets = (
        "* `[error] connect() failed (111: Connection refused) while connecting to upstream`\n"
        "* Carla: \"then there's the `upstream server temporarily disabled` warn, and `no live"
        ' upstreams` for /api/stock" — agreed those are what nginx does *after* the refusals,'
        " consequence not cause.\n"
    )
    assert "no live upstreams" not in symptoms_of(bullets)


def test_a_verdict_label_may_follow_a_longer_lead() -> None:
    bullets = (
        f"* `{REDIS_OOM}`\n* Seen in the same window and ruled out: `{WRONGTYPE}` (a bad key).\n"
    )
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


def test_a_concession_then_that_line_is_about_the_quote() -> None:
    bullets = (
        f"* `{REDIS_OOM}`\n* On the replica the message is different: `{WRONGTYPE}`. Same root"
        " cause, but that line is the key check, not the error we track.\n"
    )
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


# --- numbered review questions ------------------------------------------------------------------


def test_a_numbered_question_is_read_with_its_answer_in_the_next_paragraph() -> None:
    text = (
        "## INC-PM-106: flags not cached\n\n**Severity:** Medium\n\n"
        f"**Q27. What did we see?**\n`{REDIS_OOM}`\n\n"
        f"**Q28. What about `{WRONGTYPE}`?**\n\n"
        "Different SERVER_ERROR — a bad key type in the session code.\n"
    )
    assert incidents_of(text)["INC-PM-106"] == (
        "OOM command not allowed when used memory > 'maxmemory'",
    )


# --- code blocks -----------------------------------------------------------------------------


CHANGELOG = """## v16 — 2026-12-04 — INC-PM-112: nginx won't start

- Severity: High
- Added check: who holds the port?

Prompted by (nginx stderr, also in error.log):

    nginx: [emerg] bind() to 0.0.0.0:8080 failed (98: Address already in use)
    nginx: [emerg] bind() to 0.0.0.0:8080 failed (98: Address already in use)
    nginx: [emerg] still could not bind()

Root cause: an old debug server on the port.
"""


def test_a_block_indented_after_a_paragraph_under_no_section_is_a_code_block(
    tmp_path: Path,
) -> None:
    (symptoms,) = incidents_of(CHANGELOG).values()
    assert "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)" in symptoms
    assert not any(s.count("bind()") > 1 for s in symptoms)  # (each line on its own)
    flagged = flagged_lines(compiled(tmp_path, CHANGELOG), "nginx-stderr.log")
    assert len([line for line in flagged if "Address already in use" in line]) == 10


def test_a_bare_class_in_a_code_span_is_not_read_again_without_its_marks() -> None:
    bullets = (
        "* the chain: `ConnectionRefusedError: [Errno 111] Connection refused`, then urllib3"
        " `NewConnectionError`, and finally `requests.exceptions.ConnectionError`.\n"
    )
    assert not any("`" in s for s in symptoms_of(bullets))


def test_a_class_named_in_prose_is_no_log_text() -> None:
    bullets = (
        f"* `{REDIS_OOM}`\n* and under it requests.exceptions.ConnectionError with"
        " `Max retries exceeded with url: /v1/quote`.\n"
    )
    assert not any(" with" in s.split(":")[0] for s in symptoms_of(bullets))


def test_a_stack_frame_joined_to_an_unquoted_error_is_cut_off(tmp_path: Path) -> None:
    text = (
        "## INC-PM-119: stock-sync crashes\n\n**Severity:** High\n\n"
        "The process dies: Error: connect ECONNREFUSED 10.0.7.3:3000\n"
        "    at TCPConnectWrap.afterConnect ...\n"
    )
    assert incidents_of(text)["INC-PM-119"] == ("Error: connect ECONNREFUSED <ip>:<port:int>",)


def test_a_postgres_statement_line_with_its_prefix_is_context() -> None:
    bullets = (
        "```\nUTC [NNNNN] billing@postgres ERROR:  canceling statement due to statement timeout\n"
        "UTC [NNNNN] billing@postgres STATEMENT:  SELECT ...\n```\n"
    )
    assert not any("STATEMENT" in s for s in symptoms_of(bullets))


# --- AsciiDoc habits ---------------------------------------------------------------------------

ASCIIDOC = """## INC-PM-113: 502s on /api/orders

Severity:: High
Services:: edge nginx

### Symptoms

.error.log
----
[error] 2041#2041: *2 connect() failed (111: Connection refused) while connecting to upstream <1>
[error] 2041#2041: *5 no live upstreams while connecting to upstream, client: x <2>
----
<1> once per upstream server
<2> a consequence, after both were disabled. Not counted.

TIP: The `[emerg] unknown directive "proxy_buffer"` in the same log is a separate bug.

.Root cause
Upstreams listed old node ports.

.Resolution
Upstream now points to the Service.
"""


def test_an_asciidoc_listing_block_with_callouts_reads_as_markdown(tmp_path: Path) -> None:
    log = compile_incident_log(ASCIIDOC, "x.md")
    (found,) = log.incidents
    assert found.severity == "high"
    assert found.root_cause == "Upstreams listed old node ports."
    assert found.symptoms == (
        "[error] connect() failed (111: Connection refused) while connecting to upstream",
    )
    flagged = flagged_lines(compiled(tmp_path, ASCIIDOC), "nginx-error.log")
    assert flagged and all("connect() failed (111" in line for line in flagged)


def test_markdown_rules_between_incidents_are_no_listing_blocks() -> None:
    text = (
        f"## INC-PM-101: a\n\n**Symptoms:**\n* `{TOO_MANY}`\n\n----\n\n"
        f"## INC-PM-106: b\n\n**Symptoms:**\n* `{REDIS_OOM}`\n\n----\n"
    )
    assert list(incidents_of(text)) == ["INC-PM-101", "INC-PM-106"]


# --- pager summaries, work items ----------------------------------------------------------------

PAGER = """# Pager summaries

---

**INC-PM-115** · Sev: High · backup-job · 2026-04-03 02:10

The orders dump died with "OSError: [Errno 28] No space left on device" twice.
Root cause: the scratch volume was too small.

---

**INC-PM-116** · Sev: Medium · thumbnailer

Batches stopped with OSError: [Errno 24] Too many open files: '/srv/thumb-NNN.png'.
"""


def test_a_paragraph_that_opens_with_the_id_in_bold_is_the_incidents_heading() -> None:
    log = compile_incident_log(PAGER, "x.md")
    assert not log.problems
    assert [(i.id, i.severity) for i in log.incidents] == [
        ("INC-PM-115", "high"),
        ("INC-PM-116", "medium"),
    ]
    assert log.incidents[0].symptoms == ("OSError: [Errno 28] No space left on device",)


def test_a_comment_with_its_author_and_date_keeps_its_verdict_label() -> None:
    bullets = (
        f"* `{REDIS_OOM}`\n* **Aisha Bello** commented 12/3/2026 11:30 AM: Not related, same log:"
        f" `{WRONGTYPE}` (a bad key), and our INFO line.\n"
    )
    assert symptoms_of(bullets) == ("OOM command not allowed when used memory > 'maxmemory'",)


def test_a_pre_block_inside_a_line_of_html_is_read_without_its_tags() -> None:
    text = (
        "## INC-PM-108: rebuild killed\n\n**Severity:** Medium\n\n**Repro Steps:**\n"
        "<div>Enqueue the job.<br>Worker log:</div><pre>job 2117: exception raised\n"
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (180 seconds)"
        "</pre><div>(1 s and 2 s on the test worker)</div>\n"
    )
    (symptoms,) = incidents_of(text).values()
    assert not any("pre>" in s for s in symptoms)
    assert (
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)" in symptoms
    )


# --- a wrapper's message without its cause ---------------------------------------------------


def test_a_retry_message_alone_beside_its_cause_is_no_symptom(tmp_path: Path) -> None:
    bullets = (
        "* Gateway: urllib3 `NameResolutionError: ... Failed to resolve 'pricing-api.invalid'"
        " ([Errno -2] Name or service not known)`,\n"
        "  and `Max retries exceeded with url: /v1/quote`.\n"
    )
    assert not any(s.startswith("Max retries") for s in symptoms_of(bullets))
    # ... it would flag the connection refused of another incident
    lines = (LOGS / "gateway-http.log").read_text("utf-8")
    assert "Max retries exceeded with url: /api/v2/health" in lines


def test_a_retry_message_that_is_all_the_author_gave_stays() -> None:
    assert symptoms_of("* `Max retries exceeded with url: /v1/quote`\n") == (
        "Max retries exceeded with url: <path>",
    )


def test_seen_in_logs_on_a_slide_is_the_symptoms_label() -> None:
    text = (
        "## Slide 5 — INC-PM-101 · checkout\n\n- **Sev:** High · **Service:** orders\n"
        f"- **Seen in logs:**\n  - `{TOO_MANY}` at the bottom\n- **Cause:** max_connections 12\n"
    )
    assert incidents_of(text)["INC-PM-101"] == (
        "pymysql.err.OperationalError: Too many connections",
    )
