"""Issue #11, twelfth pass, fourteenth round: what heldout77 to heldout79 (and the regressions
the full bench showed on older sets) taught (docs/incident-log-format.md says the rules):
Korean, Vietnamese and Hinglish, a field named in a label's parentheses, MkDocs admonitions and
tabs, a pasted `git log`, a notebook's dataframe, a verdict that holds for every mention of an
error, sections that tell, a thread's comments, questions and answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL_SYMPTOM, flagged, symptoms_of

from matcher.incidents.reader import compile_incident_log, parse_incident_log

KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
ZERO = "ZeroDivisionError: division by zero"
BODY = f"\n**Symptoms:**\n- `{KAFKA}`\n"


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            "## INC-PM-900: 프로듀서 중단\n\n"
            "- **심각도:** 중간 (Sev3)\n- **영향 서비스:** publisher\n\n"
            f"### 증상\n\n- `{KAFKA}`\n\n### 원인\n\nBroker.\n\n### 조치\n\nRestart.\n",
            "medium",
        ),
        (
            "## INC-PM-900: Producer dừng\n\n"
            "**Mức độ:** Cao\n**Dịch vụ bị ảnh hưởng:** publisher\n\n"
            f"**Triệu chứng:**\n- `{KAFKA}`\n\n**Nguyên nhân gốc:**\n- Broker.\n\n"
            "**Khắc phục:**\n- Restart.\n",
            "high",
        ),
        (
            "## INC-PM-900: producer ruk gaya\n\n**Severity:** Low\n**Services:** publisher\n\n"
            f"**Kya hua (Symptoms):**\n- `{KAFKA}`\n\n**Asli wajah (Root cause):**\n- Broker.\n\n"
            "**Fix kya kiya (Resolution):**\n- Restart.\n",
            "low",
        ),
    ],
)
def test_labels_in_korean_vietnamese_hinglish(text: str, severity: str) -> None:
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services, found.symptoms) == (
        severity,
        ("publisher",),
        (REAL_SYMPTOM,),
    )
    assert "Broker." in (found.root_cause or "") and "Restart." in (found.resolution or "")


MKDOCS = f"""## INC-PM-900: producers

**Severity:** Low

!!! danger "Symptoms"
    The publisher failed on every event:

=== "events.log"

    ```text
    2026-12-03 08:16:13,876 ERROR kafka.errors.{KAFKA}
    ```

??? note "Not the cause"
    - `{ZERO}` in the same log is another job, a separate bug.
"""


def test_mkdocs_admonitions_and_tabs_are_read_as_sections() -> None:
    (found,) = parse_incident_log(MKDOCS, "x.md")
    assert found.symptoms == ("ERROR kafka.errors." + REAL_SYMPTOM,)


GIT_LOG = f"""## INC-PM-900: producers

Severity: SEV3 · Date: 2026-11-09 · Owner: @marta

```console
$ git log --no-merges -2
commit a7d04b1e55c0de3a2b9f1c7a0e8d6b4f1a2c3d41
Author:     Marta <marta@example.com>
Date:       Mon Nov 9 16:42:10 2026 +0100

    events: bootstrap list from service discovery

    Symptom: every publish failed with
      kafka.errors.{KAFKA}
    Not the cause: the `{ZERO}` from the digest job, a separate bug.
```
"""


def test_a_pasted_git_log_is_read_as_its_commit_messages() -> None:
    (found,) = parse_incident_log(GIT_LOG, "x.md")
    assert found.symptoms == ("kafka.errors." + REAL_SYMPTOM,)


def test_a_notebooks_dataframe_columns_are_framing(tmp_path: Path) -> None:
    code = (
        "                 file   n   line\n"
        "6   backoffice-import.log   7   sqlite3.OperationalError: database is locked\n"
    )
    text = f"## INC-PM-900: import\n\n**Severity:** Low\n\n**Symptoms:**\n\n```text\n{code}```\n"
    (found,) = parse_incident_log(text, "x.md")
    assert "sqlite3.OperationalError: database is locked" in found.symptoms


STREAM = f"""## INC-PM-900: producers

**Severity:** Low

**Symptoms:**

| host | service | status | message |
|---|---|---|---|
| events-01 | events | error | {KAFKA} |
| worker-1 | rq | error | {ZERO} |

**Findings:**
- The `ZeroDivisionError` in `jobs.send_digest` is a separate bug, not this incident.
"""


def test_a_verdict_holds_for_every_mention_of_the_error() -> None:
    (found,) = parse_incident_log(STREAM, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_short_quote_beside_a_verdict_on_another_line_sets_nothing_aside() -> None:
    items = (
        f"- `{KAFKA}`\n- Right after each `Failed to update metadata` the client prints a "
        "`[warn] retry scheduled`. That is just the client backing off, a consequence."
    )
    assert symptoms_of(items) == (REAL_SYMPTOM,)


def test_the_error_named_without_a_verdict_stays() -> None:
    text = STREAM.replace("is a separate bug, not this incident", "came at the same minute")
    (found,) = parse_incident_log(text, "x.md")
    assert ZERO in found.symptoms


TOLD = f"""## Report No. INC-PM-900 : producers

**Classification:** Major — Severity 2

### 2. Detection

2.2 Application logs showed `{KAFKA}` for each attempt.

### Not the cause

- `{ZERO}` from the digest job.
"""


def test_a_section_that_tells_is_read_when_nothing_else_is() -> None:
    (found,) = parse_incident_log(TOLD, "x.md")
    assert (found.severity, found.symptoms) == ("high", (REAL_SYMPTOM,))


def test_a_ruled_out_section_is_never_read_as_symptoms() -> None:
    text = TOLD.replace(f"2.2 Application logs showed `{KAFKA}` for each attempt.", "n/a")
    log = compile_incident_log(text, "x.md")
    assert not log.incidents and [p.field for p in log.problems] == ["symptoms"]


def test_a_documents_classification_is_no_severity_nor_an_incident() -> None:
    text = "# Reports\n\n**Classification:** Confidential\n\n---\n\n" + TOLD
    log = compile_incident_log(text, "x.md")
    assert [i.id for i in log.incidents] == ["INC-PM-900"] and not log.problems


THREAD = f"""## INC-PM-900: producers

| Field | Value |
|---|---|
| Severity | High |

**Description**

Publishing failed with `{KAFKA}`.

Comment by Priya Nair (2026-09-14 19:51):
There's a `{ZERO}` in the worker log too, did the digest job break?

Comment by Tomasz (2026-09-14 20:03):
No, the digest job has failed like that for weeks. Not it.

**Root cause:** the brokers moved.
"""


def test_a_threads_comments_are_not_read_as_paragraphs() -> None:
    (found,) = parse_incident_log(THREAD, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_an_answer_is_read_with_its_question() -> None:
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n"
        f"**Q: What did the logs say?**\nA: `{KAFKA}`\n\n"
        f"**Q: Is the `{ZERO}` a second bug?**\nA: No, that's the digest job.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_neither_is_a_separate_problem(tmp_path: Path) -> None:
    item = (
        "- The `Error handling request` + traceback after each timeout is gunicorn aborting the "
        'worker it killed; "Booting worker" is the replacement. Neither is a separate problem.'
    )
    assert flagged(
        tmp_path, f"- `[CRITICAL] WORKER TIMEOUT (pid:12250)`\n{item}", "gunicorn-export.log"
    ) == {
        5,
        20,
        42,
        57,
    }


def test_a_verdict_on_both_after_a_dash_sets_the_pasted_line_aside() -> None:
    text = (
        "## INC-PM-900: edge\n\n**Severity:** Low\n\n**Symptoms:**\n\n```\n"
        "2026/12/03 08:16:21 [error] 12048#12048: *2 connect() failed (111: Connection refused) "
        "while connecting to upstream\n"
        "2026/12/03 08:16:21 [error] 12048#12048: *5 no live upstreams while connecting to "
        "upstream\n```\n\n"
        "The `[warn] upstream server temporarily disabled` lines are nginx marking the peer down, "
        "and `no live upstreams` is what you get once every peer is down — both consequences, "
        "neither is the thing to chase.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (
        "[error] connect() failed (111: Connection refused) while connecting to upstream",
    )


def test_an_access_log_request_quoted_without_its_opening_quote_is_context() -> None:
    items = f'- `{KAFKA}`\n- Access log: `POST /upload HTTP/1.1" 413`.'
    assert symptoms_of(items) == (REAL_SYMPTOM,)


def test_a_class_named_as_a_search_term_sets_nothing_aside_elsewhere() -> None:
    text = (
        "## INC-PM-900: import\n\n**Severity:** Low\n\n**Symptoms:**\n\n```\n"
        "7:sqlite3.OperationalError: database is locked\n```\n\n"
        "- `sqlite3.OperationalError: no such table: import_runs` is a separate ticket, not this "
        "incident; same exception class, so be careful when grepping for `OperationalError` "
        "alone.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == ("sqlite3.OperationalError: database is locked",)


def test_not_the_incidents_cause_sets_aside() -> None:
    item = f"- `{ZERO}` came right after: a second failure, not the incident's cause."
    assert symptoms_of(f"- `{KAFKA}`\n{item}") == (REAL_SYMPTOM,)
