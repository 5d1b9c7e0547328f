"""Issue #11, twelfth pass, nineteenth round: what heldout113 to heldout118 taught
(docs/incident-log-format.md says the rules): a summary's abridged quote taking the whole one of
the timeline, chat channels whose incidents are named in bold, letters to customers, GitHub
issues, voice memos, YAML records one after another, labels and verdicts in Bulgarian, Russian,
Ukrainian, Norwegian and Italian."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import compiled, flagged_lines, incidents_of, symptoms_of

from matcher.incidents.reader import compile_incident_log

BIND = "nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)"
TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
ACCESS = "Access denied for user 'orders'@'localhost'"
USER_REQUEST = "canceling statement due to user request"
STATEMENT = "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"


# --- an abridged symptom, quoted whole in the timeline ----------------------------------------

OPSGENIE = f"""## INC-PM-112 · P1 · nginx won't start

**Timeline**

| Time | Type | Entry |
|---|---|---|
| 08:17 | Note | journal has five of `{BIND}` then `[emerg] still could not bind()` |

**Postmortem**
- **Symptoms:** nginx failed at start: bind() failed (98: Address already in use), five retries.
- **Root Cause:** a leftover stub held the port.
- **Resolution:** stub killed.
"""


def test_an_abridged_symptom_takes_the_whole_quote_of_the_timeline(tmp_path: Path) -> None:
    (symptoms,) = incidents_of(OPSGENIE).values()
    assert symptoms[0] == "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)"
    flagged = flagged_lines(compiled(tmp_path, OPSGENIE), "nginx-error.log")
    assert any("bind() to 127.0.0.1" in line for line in flagged)


def test_an_abridged_symptom_with_two_wholes_stays_as_written() -> None:
    other = BIND.replace("[emerg]", "[alert]").replace("0.0.0.0:443", "unix:/run/a.sock")
    text = OPSGENIE.replace("then `[emerg] still", f"and `{other}` then `[emerg] still")
    (symptoms,) = incidents_of(text).values()
    assert symptoms[0].startswith("bind() failed (98: Address already in use)")


def test_a_summary_quote_no_longer_than_the_whole_is_no_abridgement() -> None:
    text = OPSGENIE.replace("bind() failed (98: Address already in use), five retries", "x")
    text = text.replace("nginx failed at start: x.", "`still could not bind()`")
    (symptoms,) = incidents_of(text).values()
    assert symptoms == ("still could not bind()",)


# --- chat channels, letters, issues and memos: where the id is ---------------------------------

SLACK = f"""# Slack export: #inc-storefront

---

**marta.l** 08:17
/incident declare sev2 "nginx on edge-02 won't start after deploy"

**incibot** APP 08:17
:rotating_light: **INC-PM-112** declared · Sev2 · Commander: @marta.l

**incibot** APP 08:31
:white_check_mark: **INC-PM-112 resolved** (14 min)
**Symptoms:** `{BIND}` x5
**Root Cause:** stale python process held the port
**Resolution:** killed it

---

**incibot** APP 10:02
:rotating_light: **INC-PM-113** declared · Sev2

**Symptoms:** `connect() failed (111: Connection refused) while connecting to upstream`
"""


def test_a_chat_channels_incident_is_the_one_id_it_names_in_bold() -> None:
    log = compile_incident_log(SLACK, "x.md")
    assert [(i.id, i.title) for i in log.incidents] == [
        ("INC-PM-112", "nginx on edge-02 won't start after deploy"),
        ("INC-PM-113", "declared"),
    ]


def test_a_block_naming_two_ids_in_bold_has_no_id() -> None:
    text = SLACK.replace("**INC-PM-112 resolved**", "**INC-PM-999 resolved**")
    log = compile_incident_log(text, "x.md")
    assert any(p.field == "id" for p in log.problems)


@pytest.mark.parametrize(
    "header",
    [
        "## Root Cause Analysis: storefront down\n\n**Our reference:** INC-PM-112 · **Severity:** "
        "High\n",
        "## #4821 · [INC-PM-112] nginx won't start\n",
        "## Memo 1 — INC-PM-112, nginx won't start after the deploy\n",
        "**ID на инцидента:** INC-PM-112\n**Заглавие:** nginx не стартира\n",
    ],
)
def test_the_ids_of_letters_issues_memos_and_bulgarian_labels(header: str) -> None:
    text = f"{header}\n**Symptoms:**\n- `{BIND}`\n\n**Resolution:** fixed\n"
    assert list(incidents_of(text.replace("**Symptoms:**", "**Симптоми:**"))) == ["INC-PM-112"]


# --- YAML records one after another ------------------------------------------------------------

RECORDS = f"""# Postmortems as code

## Database

Two incidents the same morning.

```yaml
id: INC-PM-101
title: Too many connections
symptoms:
  - "{TOO_MANY.replace('"', "'")}"
root_cause: pool
```

```yaml
id: INC-PM-104
title: statement timeout
symptoms:
  - "{STATEMENT}"
fix: raised it
```
"""


def test_yaml_records_one_after_another_are_incidents_one_after_another() -> None:
    log = compile_incident_log(RECORDS, "x.md")
    assert [(i.id, i.location.line) for i in log.incidents] == [
        ("INC-PM-101", 8),
        ("INC-PM-104", 16),
    ]
    assert log.incidents[1].symptoms == (STATEMENT,)


def test_a_yaml_record_under_its_own_heading_is_one_incident() -> None:
    text = RECORDS.replace("## Database\n\nTwo incidents the same morning.", "## INC-PM-101")
    assert list(incidents_of(text)) == ["INC-PM-101", "INC-PM-104"]


# --- verdicts ---------------------------------------------------------------------------------


def test_a_quoted_job_name_that_fails_with_an_error_is_no_log_text() -> None:
    for verb in ("fails with", "пада с"):
        found = symptoms_of(f'* "settle invoices 2,1" {verb} `{STATEMENT}`\n')
        assert found == (STATEMENT,)


def test_an_authors_parenthesis_with_code_is_cut_from_unquoted_log_text() -> None:
    found = symptoms_of(
        "* Jobben stoppet med OSError: [Errno 28] No space left on device "
        "(både ved `open()` og `flush()`).\n"
    )
    assert found == ("OSError: [Errno 28] No space left on device",)


def test_unquoted_log_text_ends_where_the_next_sentence_starts_before_a_quote() -> None:
    found = symptoms_of(
        "* and the export → audit export aborted: OperationalError: database or disk is full."
        f" the `{USER_REQUEST}` lines later are ours, ignore.\n"
    )
    assert found == ("OperationalError: database or disk is full",)


def test_a_quoted_paragraph_goes_on_after_a_line_that_stops_on_an_article() -> None:
    text = (
        f'* `{TOO_MANY}`\n\n> :warning: **Warning**\n> our own "{ACCESS}" and the\n'
        "> ECONNREFUSED warnings are ours; we did not track those as the\n> symptom.\n"
    )
    assert symptoms_of(text) == ("pymysql.err.OperationalError: Too many connections",)
