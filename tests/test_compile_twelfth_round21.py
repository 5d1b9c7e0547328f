"""Issue #11, twelfth pass, twenty-first round: what heldout122 to heldout130 taught
(docs/incident-log-format.md says the rules): an e-mail thread with the write-up deep in its
quotes, a social post's alt text, trimmed pastes, a service catalogue's failure modes, a slide
deck's continuation slides, pandoc's grid tables, an HTML page, a chat channel's log with bot
commands, incidents kept as a list, a chat-ops bot's declaration, a timeline table, dialogue
turns, labels in Estonian, Hindi, Afrikaans and Malayalam, and partly hidden numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from compile_helpers import compiled, flagged_lines, incidents_of, symptoms_of

import matcher
from matcher.incidents.reader import compile_incident_log
from matcher.model import SourceLocation

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
HEAP = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
TIMEOUT = "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (1 seconds)"
TIMEOUT_SYMPTOM = (
    "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (<seconds:num> seconds)"
)


# --- an e-mail thread ---------------------------------------------------------------------------

THREAD = f"""# RE: RE: [Postmortem draft] incidents of 3 Dec

**From:** Tomás <tomas@example.com>
**Sent:** Monday, December 7, 2026 8:52 AM
**To:** Jordan <jordan@example.com>
**Cc:** SRE <sre@example.com>
**Subject:** RE: RE: [Postmortem draft] incidents of 3 Dec

Approving. Jordan, put it on the wiki.

> **From:** Priya <priya@example.com>
> **Sent:** Friday, December 4, 2026 5:17 PM
> **Subject:** RE: [Postmortem draft] incidents of 3 Dec
>
> Looks right to me.
>
> > **From:** Jordan <jordan@example.com>
> > **Sent:** Thursday, December 3, 2026 11:48 PM
> > **Subject:** [Postmortem draft] incidents of 3 Dec
> >
> > **INC-PM-101 – Checkout: MariaDB out of connections**
> > Severity: High · Service: orders
> >
> > Symptoms: checkout failed:
> > {TOO_MANY}
> >
> > Root cause: pool too big.
> > Resolution: pool capped.
"""


def test_an_email_threads_quoted_write_up_is_read_unquoted() -> None:
    log = compile_incident_log(THREAD, "thread.md")
    assert not log.problems  # (the messages' headers are no incident's labels)
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-101", "high")
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


def test_a_quote_in_a_postmortem_that_is_no_email_thread_stays_a_quote() -> None:
    text = (
        "## INC-PM-101: checkout\n\n**Symptoms:**\n\n> **INC-PM-102** said the same:\n"
        f"> `{TOO_MANY}`\n"
    )
    assert list(incidents_of(text)) == ["INC-PM-101"]


# --- a social post's alt text and trimmed pastes -------------------------------------------------


def test_alt_text_is_read_as_the_picture_it_describes() -> None:
    found = symptoms_of(
        '* alt text: screenshot of a worker log, cropped: "job 2117bf84-…: exception raised '
        f'while executing (jobs.rebuild_search_index) … {TIMEOUT}"'
    )
    # (the job's own line before the elision states no error of its own: left out)
    assert found == (TIMEOUT_SYMPTOM,)


def test_alt_texts_line_breaks_are_lines_of_their_own() -> None:
    found = symptoms_of(
        "* alt text: crash output: \"node:events:502 / throw er; // Unhandled 'error' event / ^ "
        '/ Error: connect ECONNREFUSED 127.0.0.1:58932 / at TCPConnectWrap.afterConnect"'
    )
    assert "Error: connect ECONNREFUSED <ip>:<port:int>" in found


def test_a_v8_banner_joined_to_the_error_is_left_out() -> None:
    found = symptoms_of(f'* alt text: terminal, red text: "<--- JS stacktrace ---> {HEAP}"')
    assert found == (HEAP,)


def test_a_note_after_an_arrow_is_the_authors() -> None:
    found = symptoms_of(
        "* audit export aborted: OperationalError: database or disk is full   \u2190 sqlite"
    )
    assert found == ("OperationalError: database or disk is full",)


def test_a_sentence_that_says_where_the_traceback_ends_parts_two_lines() -> None:
    found = symptoms_of(
        "* ERROR kafka.events publish order event failed: KafkaTimeoutError('Failed to update "
        "metadata after 1.0 secs.') traceback ends in kafka.errors.KafkaTimeoutError: "
        "KafkaTimeoutError: Failed to update metadata after 1.0 secs."
    )
    assert len(found) == 2
    assert found[1].startswith("kafka.errors.KafkaTimeoutError: ")


# --- a service catalogue -------------------------------------------------------------------------

CATALOGUE = f"""---
title: Storefront platform – service pages
description: TechDocs for the storefront system
owner: group:platform-sre
---

# Storefront platform

## Component: `orders`

| | |
|---|---|
| **Owner** | group:platform |
| **Logs** | `orders.log` |

### Known failure modes

#### INC-PM-101 · Connections exhausted

- **Severity seen:** High
- **Identifying log line:** `{TOO_MANY}`
- **Resolution:** pool capped.

## Component: `edge`

### Known failure modes

| Incident | Identifying log line | Cause | Fix |
|---|---|---|---|
| INC-PM-112 | `[emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)` | stray | kill |
"""


def test_a_service_catalogues_failure_modes_are_incidents() -> None:
    found = incidents_of(CATALOGUE)
    assert found == {
        "INC-PM-101": (TOO_MANY_SYMPTOM,),
        "INC-PM-112": ("[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)",),
    }


# --- a slide deck --------------------------------------------------------------------------------

DECK = f"""# INC-PM-101 · MariaDB out of connections

- **Sev:** High
```
{TOO_MANY}
```

---

# INC-PM-101 · cause & fix

- **Root cause:** pool too big
- **Fix:** pool capped
"""


def test_a_slide_that_goes_on_with_the_incident_before_it_is_joined_to_it() -> None:
    log = compile_incident_log(DECK, "deck.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.root_cause, found.resolution) == ("pool too big", "pool capped")


def test_a_second_incident_of_the_same_id_with_its_own_symptoms_is_a_duplicate() -> None:
    one = f"# INC-PM-101 · checkout\n\n- **Symptoms:** `{TOO_MANY}`\n"
    log = compile_incident_log(f"{one}\n---\n\n{one}", "deck.md")
    assert [p.field for p in log.problems] == ["id"]


# --- a pandoc export, an HTML page --------------------------------------------------------------

PANDOC = """# []{#_Toc1 .anchor}1. INC-PM-105 – Invoice batch deadlocks

## 1.1 [Symptoms]{.underline}

+------------------------+-----------------------------------------------------+
| Source                 | What we saw                                         |
+========================+=====================================================+
| Billing worker         | psycopg2.errors.DeadlockDetected: deadlock detected |
|                        | DETAIL: Process 48211 waits for ShareLock on        |
|                        | transaction 9913402; blocked by process 48207.      |
+------------------------+-----------------------------------------------------+
| Retry WARNING          | retrying the batch – [not a failure]{.mark}         |
+------------------------+-----------------------------------------------------+

## 1.2 [Resolution]{.underline}

Rows locked in one order.
"""


def test_pandocs_grid_tables_and_spans_are_read_as_markdown() -> None:
    assert incidents_of(PANDOC) == {
        "INC-PM-105": (
            "psycopg2.errors.DeadlockDetected: deadlock detected",
            "DETAIL: Process <process:int> waits for ShareLock on transaction "
            "<transaction:int>; blocked by process <process2:int>",
        )
    }


HTML_PAGE = """<h2>INC-PM-113 · 502s on /api/orders</h2>
<dl>
  <dt>Incident ID</dt><dd>INC-PM-113</dd>
  <dt>Severity</dt><dd>SEV2</dd>
</dl>
<h3>Symptoms</h3>
<p>nginx error.log, one per upstream:</p>
<pre>
[error] 4242#4242: *2 connect() failed (111: Connection refused) while connecting to upstream, \
request: &quot;GET /api/orders/1 HTTP/1.1&quot;
</pre>
<h3>Resolution</h3>
<ul>
  <li><s>Restart</s> (done)</li>
</ul>
"""


def test_an_incident_tools_html_page_is_read_as_markdown() -> None:
    log = compile_incident_log(HTML_PAGE.replace("\\\n", ""), "page.md")
    assert not log.problems
    (found,) = log.incidents
    assert found.severity == "high"
    (symptom,) = found.symptoms
    assert 'request: "GET <path> HTTP/<http:num>"' in symptom  # (its entities unescaped)


# --- chat ---------------------------------------------------------------------------------------

CHANNEL = f"""# #ops review

```
[14:00] -!- dana has joined #ops
[14:02] <dana> !postmortem INC-PM-101 checkout down
[14:02] <pmbot> INC-PM-101 opened
[14:03] <rkoval> app log: {TOO_MANY}
[14:04] <mbeck> and "Access denied for user 'orders'@'localhost'"?
[14:04] <rkoval> that one is noise, a test user
[14:05] <dana> !cause pool too big
[14:06] <dana> !fix pool capped
[14:07] <dana> !postmortem INC-PM-120 report-builder OOM
[14:08] <lena> {HEAP}
[14:09] <lena> !fix heap raised
```
"""


def test_a_chat_channels_log_with_bot_commands_holds_its_incidents() -> None:
    log = compile_incident_log(CHANNEL, "irc.md")
    assert not log.problems
    first, second = log.incidents
    assert (first.id, first.title, first.root_cause) == (
        "INC-PM-101",
        "checkout down",
        "pool too big",
    )
    # (an answer about what the message before it quoted is read with it: noise)
    assert first.symptoms == (TOO_MANY_SYMPTOM,)
    assert (second.id, second.symptoms, second.resolution) == ("INC-PM-120", (HEAP,), "heap raised")


def test_a_dialogues_answer_is_read_with_the_turn_it_answers() -> None:
    text = (
        "## INC-PM-101: checkout\n\nA: what does the log say?\n"
        f"B: `{TOO_MANY}`.\n\nB: then `OSError: [Errno 30] Read-only file system: '/x'`.\n"
        "A: That's us remounting, it's a consequence. Different errno.\n\n"
        "**Root cause:** pool.\n"
    )
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def test_a_chat_ops_bots_declaration_is_the_incidents_heading() -> None:
    text = (
        "**incident-bot** — 08:16\n\U0001f6a8 **INC-PM-101** declared · Sev 2 · *checkout down*\n"
        f"\n**lena** — 08:17\n**Symptoms:** `{TOO_MANY}`\n"
    )
    (found,) = compile_incident_log(text, "mm.md").incidents
    assert (found.id, found.symptoms) == ("INC-PM-101", (TOO_MANY_SYMPTOM,))


# --- lists and tables ----------------------------------------------------------------------------

CHANGELOG = f"""# Changelog

## [3.8.2] - 2026-12-01

### Incidents
- **INC-PM-120** report-builder dies on big reports
  - log: `{HEAP}`
  - not it: `RangeError: Maximum call stack size exceeded` (recursive template)
  - cause: heap flag too small
  - fix: heap to 1024
- **INC-PM-101** checkout down
  - log: `{TOO_MANY}`
  - fix: pool capped
"""


def test_incidents_kept_as_a_list_with_nested_sections(tmp_path: Path) -> None:
    log = compile_incident_log(CHANGELOG, "CHANGELOG.md")
    assert not log.problems
    assert [(i.id, i.symptoms, i.resolution) for i in log.incidents] == [
        ("INC-PM-120", (HEAP,), "heap to 1024"),
        ("INC-PM-101", (TOO_MANY_SYMPTOM,), "pool capped"),
    ]
    assert log.incidents[0].root_cause == "heap flag too small"
    lines = flagged_lines(compiled(tmp_path, CHANGELOG), "node-services.log")
    assert lines and not any("RangeError" in line for line in lines)


def test_a_timeline_tables_rows_are_the_incidents_timeline() -> None:
    text = (
        "## INC-PM-101 · checkout\n\n**Resolution:** pool capped.\n\n| Time | Who | Event |\n"
        "|---|---|---|\n| 08:15 | K. | orders log: `" + TOO_MANY + "` |\n"
        "| 08:16 | M. | the `Access denied for user 'orders'@'localhost'` line is a different "
        "job, not this |\n"
    )
    log = compile_incident_log(text, "t.md")
    (found,) = log.incidents
    assert found.symptoms == (TOO_MANY_SYMPTOM,)
    assert found.resolution == "pool capped."


# --- labels and numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("symptoms", "cause", "severity", "high"),
    [
        ("Sümptomid", "Algpõhjus", "Tõsidus", "Kõrge"),  # Estonian
        ("ലക്ഷണങ്ങൾ", "മൂലകാരണം", "തീവ്രത", "High"),  # Malayalam
        ("Simptome", "Grondoorsaak", "Erns", "Hoog"),  # Afrikaans
        ("लक्षण", "मूल कारण", "गंभीरता", "High"),  # Hindi
        ("அறிகுறிகள்", "மூல காரணம்", "தீவிரம்", "High"),  # Tamil
        ("علامات", "بنیادی وجہ", "شدت", "High"),  # Urdu
        ("Sintomak", "Erro-kausa", "Larritasuna", "Altua"),  # Basque
    ],
)
def test_labels_of_seven_more_languages(
    symptoms: str, cause: str, severity: str, high: str
) -> None:
    text = (
        f"**Incident ID:** INC-PM-101\n**{severity}:** {high}\n**Title:** checkout\n\n"
        f"**{symptoms}:**\n* `{TOO_MANY}`\n\n**{cause}:**\n* pool\n"
    )
    log = compile_incident_log(text, "x.md")
    assert not log.problems and not log.warnings
    (found,) = log.incidents
    assert (found.severity, found.symptoms, found.root_cause) == (
        "high",
        (TOO_MANY_SYMPTOM,),
        "pool",
    )


@pytest.mark.parametrize(
    ("quoted", "line", "matches"),
    [
        (
            "Process 1134y waits for ShareLock on transaction 72z; blocked by process 1134x.",
            "Process 11343 waits for ShareLock on transaction 727; blocked by process 11344.",
            True,
        ),
        (
            "client intended to send too large body: <N> bytes",
            "client intended to send too large body: 1572864 bytes",
            True,
        ),
        # (a timestamp's zone is no hidden digit)
        (
            'ts=14:05:12Z msg="upstream call failed"',
            'ts=14:05:12Z msg="upstream call failed"',
            True,
        ),
        (
            'ts=14:05:12Z msg="upstream call failed"',
            'ts=14:05:12 msg="upstream call failed"',
            False,
        ),
    ],
)
def test_partly_hidden_numbers_and_a_capital_n_are_any_number(
    quoted: str, line: str, matches: bool
) -> None:
    (symptom,) = symptoms_of(f"* `{quoted}`")
    compiled_symptom = matcher.compile_symptom(matcher.Symptom(symptom, SourceLocation("x", 1, 1)))
    assert bool(regex.search(compiled_symptom.pattern, line)) is matches


def test_postgresqls_detail_lines_under_an_item_ending_in_a_colon_are_pasted_lines() -> None:
    found = symptoms_of(
        "* psycopg2 `DeadlockDetected: deadlock detected` with two DETAIL lines:\n"
        "      DETAIL:  Process 11xxx waits for ShareLock on transaction 72x; blocked by process "
        "11yyy.\n"
        "      Process 11yyy waits for ShareLock on transaction 72z; blocked by process 11xxx."
    )
    assert len(found) == 3


NGINX_LINE = "nginx-error.log"


def test_a_lines_fields_wrapped_onto_the_next_line_of_a_code_block_are_one_line(
    tmp_path: Path,
) -> None:
    text = (
        "## INC-PM-113: 502s\n\n**Symptoms:**\n\n```\n[error] 4502#4502: *2 connect() failed (111: "
        "Connection refused) while connecting to upstream, client: 10.1.2.3,\nserver: shop.local, "
        'request: "GET /api/orders/123456 HTTP/1.1", upstream: "http://10.0.3.21:8081/x"\n```\n'
    )
    lines = flagged_lines(compiled(tmp_path, text), NGINX_LINE)
    # (the wrapped fields are no symptom of their own, which would flag any request's line)
    assert lines and all("connect() failed" in line for line in lines)


def test_how_often_a_line_came_after_its_quoted_fields_is_the_authors() -> None:
    (found,) = symptoms_of(
        "* the classic connect() failed (111: Connection refused) while connecting to upstream, "
        'request: "GET /api/orders/17xxxx HTTP/1.1", upstream: "http://127.0.0.1:<port>/x" '
        "once for each upstream in the block"
    )
    assert found.endswith('upstream: "<url:path>:<port>/x"')


FORUM = f"""# Incident retrospectives, December

---
**kaspar** · post #12 · Dec 8
### INC-PM-101 — checkout down

**Symptoms**
- `{TOO_MANY}`
- and `Access denied for user 'orders'@'localhost'` on the same box

[details="logs"]
```
{TOO_MANY}
```
[/details]

**Root Cause:** pool too big.

---
**ruth.o** · post #13 · Dec 8
[quote="kaspar, post:12"]
and `Access denied for user 'orders'@'localhost'` on the same box
[/quote]

That's the old cron's password, not this incident.

---
**aino.v** · post #14 · Dec 9
### INC-PM-120 — report-builder OOM

**Symptoms**
- `{HEAP}`
"""


def test_a_forum_reply_that_quotes_an_incidents_post_is_its_evidence() -> None:
    log = compile_incident_log(FORUM, "topic.md")
    assert not log.problems  # (the reply is no incident without an id)
    assert {i.id: i.symptoms for i in log.incidents} == {
        "INC-PM-101": (TOO_MANY_SYMPTOM,),
        "INC-PM-120": (HEAP,),
    }


def test_a_project_trackers_task_that_opens_an_incident_is_its_heading() -> None:
    text = (
        "# Project update\n\n- [x] **INC-PM-101 — Checkout down**\n"
        "  Assignee: Dmitri · Priority: Urgent\n\n"
        f"**Symptoms:** `{TOO_MANY}`\n**Root cause:** pool.\n\n"
        "- [ ] **INC-PM-120 — report-builder OOM**\n  Assignee: Lena\n\n"
        f"**Symptoms:** `{HEAP}`\n"
    )
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,), "INC-PM-120": (HEAP,)}


def test_a_summary_list_of_incidents_without_sections_under_them_stays_a_list() -> None:
    text = (
        "# Q4\n\n- **INC-PM-101** checkout down\n- **INC-PM-120** report-builder OOM\n\n"
        f"## INC-PM-101: checkout\n\n**Symptoms:** `{TOO_MANY}`\n"
    )
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def test_a_pull_requests_diff_that_adds_the_postmortem_is_read_as_the_file_it_adds() -> None:
    text = (
        "# PR #1482: add Q4 postmortems\n\n### `docs/postmortems/q4.md`\n\n```diff\n"
        "@@ -0,0 +1,6 @@\n+# Q4\n+\n+## INC-PM-101: checkout down\n+\n+### Symptoms\n"
        f"+- `{TOO_MANY}`\n```\n\nLGTM once CI is green.\n"
    )
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def test_a_diff_that_changes_a_log_is_no_postmortem_added() -> None:
    text = (
        "## INC-PM-101: checkout\n\n**Symptoms:**\n\n```diff\n- ERROR old line\n"
        f"+ {TOO_MANY}\n```\n"
    )
    # (a diff of a log is read as before: what broke is what the `-` lines say)
    assert TOO_MANY_SYMPTOM not in incidents_of(text).get("INC-PM-101", ())


def test_a_chat_forms_fields_are_labels_with_the_answer_under_them() -> None:
    text = (
        "**Incident Reports** `APP` 09:12\n\n:rotating_light: Incident ID\nINC-PM-101\n"
        ":label: Title\nCheckout down\n:fire: Severity\nSEV2\n\n"
        f":mag: What did you see in the logs?\nthe orders log said `{TOO_MANY}`\n\n"
        ":brain: Root cause\npool too big\n"
    )
    log = compile_incident_log(text, "form.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title, found.severity) == ("INC-PM-101", "Checkout down", "high")
    assert (found.symptoms, found.root_cause) == ((TOO_MANY_SYMPTOM,), "pool too big")


def test_a_quoted_comment_thread_under_a_task_is_the_incidents_timeline() -> None:
    text = (
        "- [x] **INC-PM-101 — Checkout down**\n  Assignee: Priya\n\n"
        "**Symptoms:** checkout failed for everyone.\n**Resolution:** pool capped.\n\n"
        "> **Priya S.** · Dec 3, 11:40\n"
        f"> the orders log: `{TOO_MANY}`\n>\n"
        "> **Tomasz W.** · Dec 3, 11:52\n"
        "> and `Access denied for user 'orders'@'localhost'` too?\n>\n"
        "> **Priya S.** · Dec 3, 11:55\n"
        "> no, that's the old cron, unrelated.\n"
    )
    # (the labels hold no log text: the thread is read, each answer with what it answers)
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def _box(title: str, rows: list[str], width: int) -> list[str]:
    top = f"+--[ {title} ]".ljust(width - 1, "-") + "+"
    return [
        top,
        *(f"| {row}".ljust(width - 1) + "|" for row in rows),
        "+" + "-" * (width - 2) + "+",
    ]


_SYMPTOM = _box(
    "SYMPTOM",
    ["report-builder exits while building a report:", f"  {HEAP[:-10]}", "    of memory"],
    90,
)
_BESIDE = [
    f"{a}  {b}"
    for a, b in zip(
        _box("DIAGNOSIS", ["heap cap 24 MB", "ROOT CAUSE: tiny heap cap"], 30),
        _box(
            "looks similar, is NOT this", ["RangeError: Maximum call stack", "  size exceeded"], 38
        ),
        strict=True,
    )
]
RUNBOOK = (
    "## INC-PM-120 — report-builder out of heap\n\n```text\n"
    + "\n".join([*_SYMPTOM, "          v", *_BESIDE])
    + "\n```\n"
)


def test_a_runbook_drawn_as_ascii_boxes_is_read_box_by_box(tmp_path: Path) -> None:
    assert incidents_of(RUNBOOK) == {"INC-PM-120": (HEAP,)}
    lines = flagged_lines(compiled(tmp_path, RUNBOOK), "node-services.log")
    assert lines and not any("RangeError" in line for line in lines)
