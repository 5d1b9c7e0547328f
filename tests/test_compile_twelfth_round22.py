"""Issue #11, twelfth pass, twenty-second round: what heldout131 to heldout136 taught
(docs/incident-log-format.md says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

WORKER_TIMEOUT = "[CRITICAL] WORKER TIMEOUT (pid:3187)"


@pytest.mark.parametrize(
    "framing",
    [
        "[ERROR] Error handling request GET /export",
        "Error handling request",
        "ERROR in app: Exception on /checkout [POST]",
        "Internal Server Error: /api/orders/17",
        "ERROR:    Exception in ASGI application",
        "Exception in thread Thread-3:",
    ],
)
def test_a_servers_line_before_a_traceback_is_context_beside_the_error(framing: str) -> None:
    # (it says a request failed; the traceback under it, or the incident's other line, says why)
    found = symptoms_of(f"- `{WORKER_TIMEOUT}`\n- then `{framing}` with a traceback")
    assert found == ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",)


def test_a_servers_framing_line_alone_stays_the_incidents_symptom() -> None:
    found = symptoms_of("- `[ERROR] Error handling request GET /export`")
    assert found == ("[ERROR] Error handling request GET <path>",)


TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"
REDIS_OOM = "OOM command not allowed when used memory > 'maxmemory'."
WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value"


# --- labels, severities and verdicts in Thai, Swahili and Hebrew --------------------------------


_THAI_SWAHILI_HEBREW = (
    [
        (
            f"""**รหัสเหตุการณ์:** INC-PM-101
**ความรุนแรง:** สูง
**หัวข้อ:** checkout ล่ม

**อาการ:**
* ใน log เจอ `{TOO_MANY}`
* error 1213 "{DEADLOCK}" เป็นคนละเรื่อง ไม่เกี่ยวกับเคสนี้

**สาเหตุหลัก:**
* max_connections ต่ำเกินไป

**การแก้ไข:**
* ใช้ connection pool
""",
            "high",
        ),
        (
            f"""## Tukio INC-PM-101: checkout ilianguka

**Ukali:** Wastani

**Dalili:**
* Log ilionyesha `{TOO_MANY}`
* Makosa ya deadlock (`{DEADLOCK}`) yalikuwepo pia, lakini hiyo ni tatizo lingine.

**Chanzo kikuu:** max_connections ndogo mno.

**Suluhisho:** pool ya connection.
""",
            "medium",
        ),
        (
            f"""**מזהה אירוע:** INC-PM-101
**חומרה:** נמוכה
**כותרת:** checkout נפל

**תסמינים:**
* בלוג: `{TOO_MANY}`
* היה גם `{DEADLOCK}` — זה deadlock רגיל, אירוע אחר, לא זה.

**גורם שורש:** max_connections נמוך מדי.

**פתרון:** connection pool.
""",
            "low",
        ),
    ],
    ["thai", "swahili", "hebrew"],
)


# --- an ITSM record's journal -------------------------------------------------------------------

JOURNAL = f"""# ServiceNow export

Number: INC-PM-101
Priority: 2 - High
Short description: Checkout failing - "Too many connections"

Work notes:

2026-12-03 08:19:44 - Amara Okafor (Work notes)
Orders log: {TOO_MANY}
FYI the 1213 "{DEADLOCK}" lines are a different problem.
Full trace, pasted:
  File "/srv/orders/db.py", line 41, in connect
    raise OperationalError(errno, msg)

2026-12-03 08:24:10 - Pieter de Vries (Work notes)
[code]<pre>ERROR 1040 (08004): Too many connections</pre>[/code]

Resolution notes:
Root cause: max_connections set to the staging value.
Resolution: restored max_connections, added a pool.
"""


def test_an_itsm_records_journal_entries_are_read_line_by_line() -> None:
    log = compile_incident_log(JOURNAL, "snow.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title, found.severity) == (
        "INC-PM-101",
        'Checkout failing - "Too many connections"',
        "high",
    )
    # (each pasted line one symptom; the deadlock set aside on its own line; the frames and
    # the journal's header lines no symptom)
    assert found.symptoms == (TOO_MANY_SYMPTOM, "ERROR 1040 (08004): Too many connections")


def test_a_records_number_is_no_id_without_its_short_description() -> None:
    text = JOURNAL.replace("Short description:", "Summary:")
    assert compile_incident_log(text, "snow.md").problems  # (no id read: the record is none)


# --- a MediaWiki page ---------------------------------------------------------------------------

MEDIAWIKI = f"""{{{{Infobox postmortem index
| team = Edge
}}}}
__TOC__

== INC-PM-106: Flags cache rejects writes ==
{{| class="wikitable"
! Incident ID !! Date !! Severity
|-
| INC-PM-106 || 2026-12-03 || High
|}}

=== Symptoms ===
* App log showed:
<syntaxhighlight lang="text">
redis.exceptions.OutOfMemoryError: {REDIS_OOM}
</syntaxhighlight>
* The <code>{WRONGTYPE}</code> errors are a separate bug.

=== Root cause ===
'''Root Cause:''' <code>maxmemory 2mb</code> with ''noeviction''.

== INC-PM-112: nginx fails to start ==
{{| class="wikitable"
|-
! Incident ID
| INC-PM-112
|-
! Severity
| Medium
|}}

=== Symptoms ===
* stderr:
<pre>
nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)
</pre>

== INC-PM-114: Large uploads rejected ==
'''Incident ID:''' INC-PM-114 &mdash; '''Severity:''' Low

=== Symptoms ===
* error.log said <code>client intended to send too large body: 15728640 bytes</code>

[[Category:Postmortems]]
"""


def test_a_mediawiki_page_is_read_as_the_same_log_in_markdown() -> None:
    log = compile_incident_log(MEDIAWIKI, "wiki.md")
    assert not log.problems
    found = {i.id: (i.severity, i.symptoms) for i in log.incidents}
    assert found == {
        # (a table of columns, a table of rows of a field and its value, fields parted by a
        # dash: the header; the separate bug no symptom)
        "INC-PM-106": ("high", (f"redis.exceptions.OutOfMemoryError: {REDIS_OOM[:-1]}",)),
        "INC-PM-112": (
            "medium",
            ("[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)",),
        ),
        "INC-PM-114": ("low", ("client intended to send too large body: <bytes:datasize>",)),
    }
    assert log.incidents[0].root_cause == "`maxmemory 2mb` with *noeviction*."


def test_a_page_with_a_heading_of_equals_signs_but_no_wiki_markup_is_left_as_it_is() -> None:
    text = (
        "## INC-PM-101: checkout\n\n== not a heading ==\n\n**Symptoms:**\n"
        f"* `{TOO_MANY}` with ''two quotes''\n"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


# --- a bare git log -----------------------------------------------------------------------------

GIT_LOG = f"""# git log --no-merges origin/main

commit 9c1e4b7f2a0d6e3358b1f07a4c2d9e8f51b6a3c0
Author: Dana Levi <dana.levi@example.com>
Date:   Fri Dec 4 16:42:10 2026 +0200

    INC-PM-121: export: stream CSV instead of building it in the worker

    The arbiter killed the sync worker, over and over:

        [2026-12-03 08:16:32 +0000] [12235] [CRITICAL] WORKER TIMEOUT (pid:12250)

    Root cause: whole export rendered in memory.

    Fix: stream rows.

    Severity: Medium
    Co-authored-by: Yossi Amar <yossi.amar@example.com>
    Reviewed-by: Priya Natarajan <priya.n@example.com>

commit 0d2b6f4e8a1c7395e2f0b84d6a3c1e5f97b2d048
Author: Yossi Amar <yossi.amar@example.com>
Date:   Thu Dec 3 15:02:11 2026 +0200

    chore: bump pymemcache to 4.0.1

    Reviewed-by: Priya Natarajan <priya.n@example.com>

commit b31f07d6e9a24c8515de7a0b93f6c2e4d1a8705f
Author: Oren Katz <oren.katz@example.com>
Date:   Thu Dec 3 19:20:48 2026 +0200

    fix(orders): cap the pool

    Checkout failed with {TOO_MANY}.
    The "{DEADLOCK}" ones are unrelated.

    Root cause: one connection per request.

    Fixes: INC-PM-101
"""


def test_a_bare_git_log_reads_each_commit_that_names_an_incident_as_it() -> None:
    log = compile_incident_log(GIT_LOG, "commits.md")
    assert not log.problems
    found = {i.id: i for i in log.incidents}
    assert list(found) == ["INC-PM-121", "INC-PM-101"]  # (the chore names none)
    assert found["INC-PM-121"].title == "export: stream CSV instead of building it in the worker"
    assert found["INC-PM-121"].severity == "medium"
    assert found["INC-PM-121"].symptoms == ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",)
    assert found["INC-PM-101"].title == "fix(orders): cap the pool"
    assert found["INC-PM-101"].symptoms == (TOO_MANY_SYMPTOM,)
    assert found["INC-PM-101"].root_cause == "one connection per request."


def test_a_git_log_in_a_code_block_is_not_read_as_the_incidents() -> None:
    text = f"## INC-PM-101: checkout\n\n**Symptoms:**\n* `{TOO_MANY}`\n\n```\n{GIT_LOG}```\n"
    assert [i.id for i in compile_incident_log(text, "pm.md").incidents] == ["INC-PM-101"]


# --- a vault's combined notes -------------------------------------------------------------------

VAULT = f"""<!-- Exported with "Combine notes" -->

---
id: INC-PM-106
severity: high
tags: [incident, redis]
---
# INC-PM-106 Flags cache rejects writes

> [!bug] Symptoms
> - Every write failed: `{REDIS_OOM}`

> [!note] Not it
> `{WRONGTYPE}` is an old session key.

---
id: INC-PM-107
severity: low
---
# INC-PM-107 Redis refused

> [!bug] Symptoms
> - `redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused.`
"""


def test_a_vaults_notes_with_their_properties_above_their_titles() -> None:
    log = compile_incident_log(VAULT, "vault.md")
    assert not log.problems
    found = {i.id: (i.title, i.severity, len(i.symptoms)) for i in log.incidents}
    assert found == {
        "INC-PM-106": ("Flags cache rejects writes", "high", 1),
        "INC-PM-107": ("Redis refused", "low", 1),
    }


# --- a call's transcript ------------------------------------------------------------------------

TRANSCRIPT = """# Postmortem review call (auto transcript)

```
WEBVTT

NOTE
Recording: weekly review. Participants: Grace, Marco.

1
00:00:03.200 --> 00:00:11.940
Grace Mwangi: Okay, um, first one, INC-PM-113. Marco?

NOTE
INC-PM-113 — nginx 502, upstream connection refused

2
00:01:52.400 --> 00:02:08.760
Marco Rossi: Right. Orders API calls got 502. Error log says connect failed, one-eleven,
while connecting to upstream.

3
00:02:09.100 --> 00:02:19.950
Priya Nair: It's "connect() failed (111: Connection refused) while connecting to upstream".

4
00:02:20.300 --> 00:02:33.400
Marco Rossi: Yeah. Then you see "no live upstreams while connecting to upstream". Those are,
uh, consequences, nginx marking them down.
```
"""


def test_a_calls_transcript_reads_its_notes_as_incidents_and_its_turns_as_items() -> None:
    log = compile_incident_log(TRANSCRIPT, "call.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-PM-113", "nginx 502, upstream connection refused")
    # (the exact line read aloud is the symptom; the one called consequences, after a filler
    # word, is set aside)
    assert found.symptoms[-1] == (
        "connect() failed (111: Connection refused) while connecting to upstream"
    )
    assert not [s for s in found.symptoms if "no live upstreams" in s]


def test_a_transcript_whose_notes_name_no_incident_is_left_as_it_is() -> None:
    text = TRANSCRIPT.replace("INC-PM-113 —", "Topic —").replace("first one, INC-PM-113", "hi")
    assert not compile_incident_log(text, "call.md").incidents


# --- smaller --------------------------------------------------------------------------------------


def test_a_five_whys_problem_statement_holds_the_symptoms() -> None:
    text = (
        "## RCA sheet: INC-PM-101 — checkout\n\n**Severity:** High\n\n"
        f"**Problem statement:** Checkout failed. App: `{TOO_MANY}`.\n\n"
        "- **Why 1** did it fail? → The pool was full.\n\n**Root cause:** no pool.\n"
    )
    (found,) = compile_incident_log(text, "5why.md").incidents
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    ("item", "symptoms"),
    [
        # (what wrapped it, in the author's words, is no part of the message)
        (
            "- then NameResolutionError: Failed to resolve 'api.invalid' ([Errno -2] Name or "
            'service not known), wrapped in MaxRetryError / requests ConnectionError "Max retries '
            'exceeded with url: /v1/quote".',
            # (the client's retry message beside its cause: context, wrapped.py)
            (
                "NameResolutionError: Failed to resolve '<host>' ([Errno -2] Name or service not"
                " known)",
            ),
        ),
        # (an unquoted error, then a sentence of its own about another, quoted one)
        (
            f'- Checkout failed with {TOO_MANY}. The "{DEADLOCK}" ones are unrelated.',
            (TOO_MANY_SYMPTOM,),
        ),
        # (what the alert should be on is the other one)
        (
            f"- `{TOO_MANY}`\n- The pool logs \"Access denied for user 'orders'@'localhost'\", "
            "but our alert should be on the checkout failure.",
            (TOO_MANY_SYMPTOM,),
        ),
        # (a case of the test environment)
        (
            f'- `{TOO_MANY}`\n- "no such table: import_runs" is the fresh-db case in the test env.',
            (TOO_MANY_SYMPTOM,),
        ),
        # (what pages showed a person is no log text)
        (f'- `{TOO_MANY}`\n- Quote pages showed "price unavailable".', (TOO_MANY_SYMPTOM,)),
    ],
    ids=["wrapped-in", "own-sentence", "alert-on", "test-env", "pages-showed"],
)
def test_where_an_items_prose_ends_and_what_it_sets_aside(
    item: str, symptoms: tuple[str, ...]
) -> None:
    assert symptoms_of(item) == symptoms


# --- what heldout137 to heldout139 taught -------------------------------------------------------


_UKRAINIAN_CATALAN_PERSIAN = (
    [
        (
            f"""**ID інциденту:** INC-PM-101
**Серйозність:** Висока
**Назва:** checkout впав

**Симптоми:**
* У лозі: `{TOO_MANY}`
* Помилки `{DEADLOCK}` — окрема історія, до цього інциденту не відносяться.

**Першопричина:** max_connections замалий.

**Рішення:** пул з'єднань.
""",
            "high",
        ),
        (
            f"""**ID de la incidència:** INC-PM-101
**Gravetat:** Mitjana
**Títol:** checkout caigut

**Símptomes:**
* Al log: `{TOO_MANY}`
* També hi havia un `{DEADLOCK}` d'un cron vell: no hi té res a veure.

**Causa arrel:** max_connections massa baix.

**Resolució:** pool de connexions.
""",
            "medium",
        ),
        (
            f"""## INC-PM-101: checkout

**شناسه حادثه:** INC-PM-101
**شدت:** پایین

**علائم:**
* در لاگ: `{TOO_MANY}`
* خطای `{DEADLOCK}` هم در لاگ بود؛ ربطی به این حادثه نداشت.

**علت اصلی:** max_connections کم بود.

**راه‌حل:** connection pool.
""",
            "low",
        ),
    ],
    ["ukrainian", "catalan", "persian"],
)


GHERKIN = f"""# Regression scenarios

```gherkin
Feature: orders database

  Scenario: INC-PM-101 checkout fails when MariaDB runs out of connections
    Given the orders pool allows 200 connections
    When the campaign starts
    Then the log shows "{TOO_MANY}"
    But the log does not show "{DEADLOCK}"
```

**Root cause:** no pool.

**Resolution:** a pool.
"""


def test_gherkin_scenarios_that_name_incidents_are_read_as_them() -> None:
    log = compile_incident_log(GHERKIN, "scenarios.md")
    assert not log.problems
    (found,) = log.incidents
    assert found.id == "INC-PM-101"
    assert found.title == "checkout fails when MariaDB runs out of connections"
    # (what the log must not show is ruled out; the note under the block is the scenario's)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)
    assert found.root_cause == "no pool."


def test_a_gherkin_block_whose_scenarios_name_no_incident_stays_a_code_block() -> None:
    block = (
        '```gherkin\nFeature: shop\n  Scenario: the happy path\n    Then the log shows "ok"\n```'
    )
    assert as_markdown(block) == block


PLAIN = f"""OPS JOURNAL - December
plain text on purpose.

==========================================================================
2026-12-03   INC-PM-101   orders db - out of connections   SEV 2
==========================================================================

SYMPTOMS
    checkout dying around 08:15. orders app traceback ends in:

        {TOO_MANY}

    * the {DEADLOCK} from stock rebalance
      right after is NOT this, different job, different problem.

ROOT CAUSE
    max_connections copied from staging.

RESOLUTION
    - pool in front of the db
"""


def test_a_plain_text_journal_is_read_by_its_banners_and_capitalised_sections() -> None:
    log = compile_incident_log(PLAIN, "journal.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-PM-101", "orders db - out of connections   SEV 2")
    # (the marked item goes on over its wrapped line: its verdict is about its own text)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)
    assert found.root_cause == "max_connections copied from staging."


def test_a_documents_own_id_in_its_title_is_no_incident_above_the_incidents() -> None:
    text = f"""# RFC-0031: Declared runtime limits

## 2. Motivation

### 2.1 INC-PM-101 — checkout out of connections

Evidence: `{TOO_MANY}`

### 2.2 INC-PM-106 — flags cache full

Evidence: `redis.exceptions.OutOfMemoryError: {REDIS_OOM}`
"""
    log = compile_incident_log(text, "rfc.md")
    assert [i.id for i in log.incidents] == ["INC-PM-101", "INC-PM-106"]


@pytest.mark.parametrize(
    "heading",
    [
        "## Why does checkout fail with too many connections? · INC-PM-101",
        "## Why does checkout fail with too many connections? [INC-PM-101]",
        "### 2.1 INC-PM-101 — checkout",
    ],
)
def test_headings_that_name_their_incident_after_a_question_or_a_section_number(
    heading: str,
) -> None:
    (found,) = compile_incident_log(f"{heading}\n\n- `{TOO_MANY}`\n", "qa.md").incidents
    assert found.id == "INC-PM-101"


def test_fields_in_a_parenthesis_after_the_id() -> None:
    text = f"### `{TOO_MANY}`\n\n- **Incident:** INC-PM-101 (Severity: High, 2026-12-03)\n"
    text += f"- **Seen as:** `{TOO_MANY}`\n"
    (found,) = compile_incident_log(text, "catalogue.md").incidents
    assert (found.id, found.severity) == ("INC-PM-101", "high")


@pytest.mark.parametrize(
    "aside",
    [
        '- later "reconnected to 10.0.0.5 after Connection refused (attempt 3)" is the recovery,'
        " not another failure.",
        "- There's also a `ZeroDivisionError: division by zero` in the same worker log, is that"
        " related?",
        '- 03:15 — Note added: the earlier `[emerg] unknown directive "proxy_buffer"` is from the'
        " first attempt (typo, already reverted), not why it won't bind now",
        "- the `[Errno 30] Read-only file system` lines are from when I remounted it ro.",
        "- 22:05 — [Datadog] Monitor triggered: `gateway 5xx > 2% (5m)` on `/reserve`",
        "- Every run of `settle invoices` dies at least once.",
    ],
    ids=["recovery", "doubt", "first-attempt", "remount", "monitor", "job-name"],
)
def test_what_is_set_aside_beside_the_incidents_error(aside: str) -> None:
    assert symptoms_of(f"- `{TOO_MANY}`\n{aside}") == (TOO_MANY_SYMPTOM,)


# --- what heldout140 to heldout142 taught -------------------------------------------------------


_TAGALOG_CHINESE_ARABIC = (
    [
        (
            f"""**Incident ID:** INC-PM-101
**Kalubhaan:** Mataas
**Pamagat:** checkout down

**Mga Sintomas:**
* Sa log: `{TOO_MANY}`
* Note lang: may `{DEADLOCK}` din. Deadlock yun, HINDI ito. Separate na ticket.

**Ugat na Sanhi:** maliit ang max_connections.

**Solusyon:** connection pool.
""",
            "high",
        ),
        (
            f"""**事件編號：** INC-PM-101
**嚴重程度：** 中
**標題：** 結帳失敗

**症狀：**
* log 裡：`{TOO_MANY}`
* 另外有看到 `{DEADLOCK}`，查過跟這次無關。

**根本原因：** max_connections 太小。

**解決方式：** connection pool。
""",
            "medium",
        ),
        (
            f"""**رقم الحادثة:** INC-PM-101
**الخطورة:** منخفضة
**العنوان:** فشل الدفع

**الأعراض:**
* في اللوج: `{TOO_MANY}`
* كان فيه كمان `{DEADLOCK}`، ودول ملهمش علاقة بالحادثة.

**السبب الجذري:** max_connections قليل.

**الحل:** connection pool.
""",
            "low",
        ),
    ],
    ["tagalog", "traditional-chinese", "arabic"],
)


def test_a_security_advisorys_details_hold_the_evidence() -> None:
    text = (
        "## GHSA-c5jh-8q2r-wf4v · INC-PM-101 — checkout\n\n**Severity:** High\n\n"
        "### Summary\nCheckout failed.\n\n### Details\n\n```\n"
        f"{TOO_MANY}\n```\n"
    )
    (found,) = compile_incident_log(text, "advisory.md").incidents
    assert found.id == "INC-PM-101"
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


def test_a_notebooks_printed_output_is_read_without_knitrs_prefix() -> None:
    text = (
        "## INC-PM-101: checkout\n\n**Symptoms:** the job dies:\n\n```{r}\n"
        'grab("orders.log", "1040") |> writeLines()\n```\n\n```\n'
        f"## {TOO_MANY}\n## [1] {TOO_MANY}\n```\n"
    )
    (found,) = compile_incident_log(text, "notebook.md").incidents
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


def test_a_code_block_of_markdown_headings_is_left_as_it_is() -> None:
    block = "```markdown\n## Symptoms\n## Root cause\n```"
    assert as_markdown(block) == block  # (under no chunk: no notebook's output)


def test_a_line_from_someones_test_config_is_set_aside() -> None:
    found = symptoms_of(
        f'- `{TOO_MANY}`\n- The `unknown directive "proxy_buffer"` emerg in stderr is from '
        "someone's broken test config earlier that morning."
    )
    assert found == (TOO_MANY_SYMPTOM,)


# ... and, from round 24 (heldout146-148), Bengali, Georgian and Armenian
_BENGALI_GEORGIAN_ARMENIAN = (
    [
        (
            f"""**ঘটনা আইডি:** INC-PM-101
**তীব্রতা:** উচ্চ (High)
**শিরোনাম:** চেকআউটে ৫০০

**লক্ষণ:**
* লগে: `{TOO_MANY}`
* `{DEADLOCK}` — ওটা পুরনো ক্রন, এই ঘটনার সাথে সম্পর্ক নেই।

**মূল কারণ:**
* max_connections কম ছিল।

**সমাধান:**
* connection pool।
""",
            "high",
        ),
        (
            f"""**ინციდენტის ID:** INC-PM-101
**სიმძიმე:** საშუალო
**სათაური:** checkout ვარდებოდა

**სიმპტომები:**
* ლოგში: `{TOO_MANY}`
* `{DEADLOCK}` — ეს deadlock-ია, სხვა ამბავია. ამ ინციდენტს არ ეკუთვნის.

**ძირეული მიზეზი:**
* max_connections პატარა იყო.

**გადაწყვეტა:**
* connection pool.
""",
            "medium",
        ),
        (
            f"""**Միջադեպի ID:** INC-PM-101
**Կարևորություն:** Ցածր
**Վերնագիր:** checkout-ը ընկավ

**Ախտանիշներ:**
* Լոգում՝ `{TOO_MANY}`
* `{DEADLOCK}` — դա այլ խնդիր է, այս միջադեպը չէ։

**Արմատային պատճառ:**
* max_connections-ը փոքր էր։
""",
            "low",
        ),
    ],
    ["bengali", "georgian", "armenian"],
)


# ... and, from round 25 (heldout149-151), Kazakh, Amharic and Nepali
_KAZAKH_AMHARIC_NEPALI = (
    [
        (
            f"""**Инцидент ID:** INC-PM-101
**Маңыздылығы:** Жоғары
**Атауы:** checkout құлады

**Белгілері:**
* Логта: `{TOO_MANY}`
* `{DEADLOCK}` шықты, бірақ бұл басқа. Бұл инцидентке қатысы жоқ.

**Түпкі себебі:**
* max_connections аз болды.

**Шешімі:**
* connection pool.
""",
            "high",
        ),
        (
            f"""**የክስተት መለያ:** INC-PM-101
**ክብደት:** መካከለኛ
**ርዕስ:** checkout ወደቀ

**ምልክቶች:**
* በሎግ ውስጥ፦ `{TOO_MANY}`
* `{DEADLOCK}` — ይህ deadlock ነው፣ የዚህ ክስተት ስህተት አይደለም።

**ዋና ምክንያት:**
* max_connections ትንሽ ነበር።

**መፍትሄ:**
* connection pool።
""",
            "medium",
        ),
        (
            f"""**घटना आईडी:** INC-PM-101
**गम्भीरता:** न्यून
**शीर्षक:** checkout बिग्रियो

**लक्षणहरू:**
* लगमा: `{TOO_MANY}`
* `{DEADLOCK}` पनि देखियो, तर त्यो deadlock हो, यो घटना होइन।

**मूल कारण:**
* max_connections थोरै थियो।

**समाधान:**
* connection pool।
""",
            "low",
        ),
    ],
    ["kazakh", "amharic", "nepali"],
)

# ... and, from round 26 (heldout155-157), Uzbek, Mongolian and Sinhala
_UZBEK_MONGOLIAN_SINHALA = (
    [
        (
            f"""**Hodisa ID:** INC-PM-101
**Jiddiylik:** O‘rta
**Sarlavha:** checkout yiqildi

**Belgilar:**
* Logda: `{TOO_MANY}`
* `{DEADLOCK}` ham chiqdi — bu deadlock, boshqa muammo, 101 ga kirmaydi.

**Asosiy sabab:**
* max_connections kam edi.

**Yechim:**
* connection pool.
""",
            "medium",
        ),
        (
            f"""**Инцидентийн дугаар:** INC-PM-101
**Түвшин:** Өндөр
**Гарчиг:** checkout унасан

**Шинж тэмдэг:**
* Логт: `{TOO_MANY}`
* `{DEADLOCK}` бас гарсан боловч энэ бол өөр асуудал, энэ инцидентэд хамааралгүй.

**Үндсэн шалтгаан:**
* max_connections бага байсан.

**Шийдвэрлэлт:**
* connection pool.
""",
            "high",
        ),
        (
            f"""**සිද්ධි අංකය:** INC-PM-101
**බරපතලකම:** අඩු
**මාතෘකාව:** checkout බිඳ වැටුණා

**රෝග ලක්ෂණ:**
* log එකේ: `{TOO_MANY}`
* `{DEADLOCK}` එකත් ආවා, ඒත් මේ incident එකට අදාළ නැහැ, වෙනම ticket එකක්.

**මූල හේතුව:**
* max_connections අඩුයි.

**විසඳුම:**
* connection pool.
""",
            "low",
        ),
    ],
    ["uzbek", "mongolian", "sinhala"],
)
# ... and, from round 26 (heldout158-160), Azerbaijani, Tajik and Khmer
_AZERBAIJANI_TAJIK_KHMER = (
    [
        (
            f"""**Hadisə ID:** INC-PM-101
**Ciddilik:** Yüksək
**Başlıq:** checkout düşdü

**Əlamətlər:**
* Logda: `{TOO_MANY}`
* Qarışdırmayın: `{DEADLOCK}` — bu deadlock-dur, bu hadisənin xətası deyil.

**Kök səbəb:**
* max_connections az idi.
""",
            "high",
        ),
        (
            f"""**Рақами ҳодиса:** INC-PM-101
**Ҷиддият:** Миёна
**Сарлавҳа:** checkout афтод

**Нишонаҳо:**
* Дар лог: `{TOO_MANY}`
* `{DEADLOCK}` ҳам дида шуд, вале ин хатои дигар аст, ба ин ҳодиса робита надорад.

**Сабаби асосӣ:**
* max_connections кам буд.
""",
            "medium",
        ),
        (
            f"""**លេខសម្គាល់ឧប្បត្តិហេតុ:** INC-PM-101
**កម្រិតធ្ងន់ធ្ងរ:** ទាប
**ចំណងជើង:** checkout ខូច

**រោគសញ្ញា:**
* នៅក្នុង log: `{TOO_MANY}`
* `{DEADLOCK}` — មិនពាក់ព័ន្ធនឹងឧប្បត្តិហេតុនេះទេ។

**មូលហេតុចម្បង:**
* max_connections តិចពេក។
""",
            "low",
        ),
    ],
    ["azerbaijani", "tajik", "khmer"],
)
# ... and, from round 26 (heldout161-163), Kyrgyz and Lao
_KYRGYZ_LAO = (
    [
        (
            f"""**Инциденттин ID:** INC-PM-101
**Оордугу:** Жогору
**Аталышы:** checkout түштү

**Белгилери:**
* Логдо: `{TOO_MANY}`
* `{DEADLOCK}` да чыкты. Бул башка нерсе — deadlock, инцидентке кирбейт.

**Түпкү себеби:**
* max_connections аз болчу.
""",
            "high",
        ),
        (
            f"""**ລະຫັດເຫດການ:** INC-PM-101
**ລະດັບຄວາມຮຸນແຮງ:** ກາງ
**ຫົວຂໍ້:** checkout ລົ້ມ

**ອາການ:**
* ໃນ log: `{TOO_MANY}`
* `{DEADLOCK}` ກໍບໍ່ກ່ຽວ ແມ່ນ deadlock ມີ ticket ແຍກແລ້ວ

**ສາເຫດຫຼັກ:**
* max_connections ໜ້ອຍເກີນໄປ
""",
            "medium",
        ),
    ],
    ["kyrgyz", "lao"],
)
# ... and, from round 27 (heldout164-166), Telugu, Albanian and Gujarati
_TELUGU_ALBANIAN_GUJARATI = (
    [
        (
            f"""**సంఘటన ID:** INC-PM-101
**తీవ్రత:** ఎక్కువ
**శీర్షిక:** checkout పడిపోయింది

**లక్షణాలు:**
* లాగ్ లో: `{TOO_MANY}`
* `{DEADLOCK}` కూడా కనిపించింది — అది deadlock, ఈ సంఘటనకి సంబంధం లేదు, లెక్కపెట్టకండి.

**మూల కారణం:**
* max_connections చాలా తక్కువగా ఉంది.
""",
            "high",
        ),
        (
            f"""**ID e incidentit:** INC-PM-101
**Rëndësia:** Kritike
**Titulli:** checkout ra

**Simptomat:**
* Në log: `{TOO_MANY}`
* Doli edhe `{DEADLOCK}`. Është deadlock, nuk ka lidhje me këtë incident.

**Shkaku rrënjësor:**
* max_connections ishte shumë i vogël.
""",
            "critical",
        ),
        (
            f"""**ઘટના ID:** INC-PM-101
**ગંભીરતા:** મધ્યમ
**શીર્ષક:** checkout બંધ થયું

**લક્ષણો:**
* log માં: `{TOO_MANY}`
* `{DEADLOCK}` પણ દેખાયું — એ deadlock છે, આ ઘટનાનો ભાગ નથી, એને ન ગણશો.

**મૂળ કારણ:**
* max_connections બહુ ઓછા હતા.
""",
            "medium",
        ),
    ],
    ["telugu", "albanian", "gujarati"],
)
# ... and, from round 28 (heldout167-169), Macedonian, Marathi and Indonesian
_MACEDONIAN_MARATHI_INDONESIAN = (
    [
        (
            f"""**ID на инцидент:** INC-PM-101
**Сериозност:** Ниска
**Наслов:** checkout падна

**Симптоми:**
* Во логот: `{TOO_MANY}`
* Се појави и `{DEADLOCK}`. Тоа е deadlock, нема врска со овој инцидент, не го бројте.

**Основна причина:**
* max_connections беше премногу мал.
""",
            "low",
        ),
        (
            f"""**घटना क्रमांक:** INC-PM-101
**तीव्रता:** गंभीर
**शीर्षक:** checkout बंद पडले

**लक्षणे:**
* log मध्ये: `{TOO_MANY}`
* `{DEADLOCK}` पण दिसला — तो deadlock आहे, या घटनेशी त्याचा संबंध नाही, तो मोजू नका.

**मूळ कारण:**
* max_connections खूप कमी होते.
""",
            "critical",
        ),
        (
            f"""**ID insiden:** INC-PM-101
**Tingkat keparahan:** Tinggi
**Judul:** checkout mati

**Gejala:**
* Di log: `{TOO_MANY}`
* Sempat muncul juga `{DEADLOCK}`, tapi itu deadlock, beda urusan, jangan dihitung.

**Akar penyebab:**
* max_connections terlalu kecil.
""",
            "high",
        ),
    ],
    ["macedonian", "marathi", "indonesian"],
)

# ... and, from round 29 (heldout170-172), Punjabi, Belarusian and Kurdish Sorani
_PUNJABI_BELARUSIAN_SORANI = (
    [
        (
            f"""**ਘਟਨਾ ਨੰਬਰ:** INC-PM-101
**ਗੰਭੀਰਤਾ:** ਉੱਚੀ
**ਸਿਰਲੇਖ:** checkout ਬੰਦ ਹੋ ਗਿਆ

**ਲੱਛਣ:**
* log ਵਿੱਚ: `{TOO_MANY}`
* `{DEADLOCK}` ਵੀ ਦਿਸਿਆ — ਉਹ deadlock ਹੈ, ਇਸ ਘਟਨਾ ਨਾਲ ਉਸ ਦਾ ਕੋਈ ਸਬੰਧ ਨਹੀਂ, ਉਸ ਨੂੰ ਨਾ ਗਿਣੋ।

**ਮੂਲ ਕਾਰਨ:**
* max_connections ਬਹੁਤ ਘੱਟ ਸੀ।
""",
            "high",
        ),
        (
            f"""**Нумар інцыдэнту:** INC-PM-101
**Сур'ёзнасць:** Крытычная
**Загаловак:** checkout упаў

**Сімптомы:**
* У логу: `{TOO_MANY}`
* З'явіўся і `{DEADLOCK}`. Гэта deadlock, ён не звязаны з гэтым інцыдэнтам, не лічыце яго.

**Першапрычына:**
* max_connections быў занадта малы.
""",
            "critical",
        ),
        (
            f"""**ژمارەی ڕووداو:** INC-PM-101
**توندی:** نزم
**ناونیشان:** checkout وەستا

**نیشانەکان:**
* لە لۆگدا: `{TOO_MANY}`
* `{DEADLOCK}` ـیش دەرکەوت — ئەوە deadlock ـە، پەیوەندی بەم ڕووداوەوە نییە، مەیژمێرن.

**هۆکاری بنەڕەتی:**
* max_connections زۆر کەم بوو.
""",
            "low",
        ),
    ],
    ["punjabi", "belarusian", "sorani"],
)

# ... and, from round 30 (heldout173-175), Kannada, Maltese and Bosnian
_KANNADA_MALTESE_BOSNIAN = (
    [
        (
            f"""**ಘಟನೆ ಐಡಿ:** INC-PM-101
**ತೀವ್ರತೆ:** ಹೆಚ್ಚು
**ಶೀರ್ಷಿಕೆ:** checkout ನಿಂತುಹೋಯಿತು

**ಲಕ್ಷಣಗಳು:**
* log ನಲ್ಲಿ: `{TOO_MANY}`
* `{DEADLOCK}` ಕೂಡ ಬಂತು — ಅದು deadlock, ಬೇರೆ ವಿಷಯ; ಈ incident ಗೆ ಸಂಬಂಧ ಇಲ್ಲ, ಇದನ್ನು ಎಣಿಸಬೇಡಿ.

**ಮೂಲ ಕಾರಣ:**
* max_connections ತುಂಬಾ ಕಡಿಮೆ ಇತ್ತು.
""",
            "high",
        ),
        (
            f"""**ID tal-Inċident:** INC-PM-101
**Severità:** Kritika
**Titlu:** il-checkout waqaf

**Sintomi:**
* Fil-log: `{TOO_MANY}`
* Deher ukoll `{DEADLOCK}`. Dan huwa deadlock, ma għandux x'jaqsam ma' dan l-inċident.

**Kawża ewlenija:**
* max_connections kien baxx wisq.
""",
            "critical",
        ),
        (
            f"""**ID incidenta:** INC-PM-101
**Ozbiljnost:** Visoka
**Naslov:** checkout pao

**Simptomi:**
* U logu: `{TOO_MANY}`
* Pojavio se i `{DEADLOCK}` — nije to, to je stari problem sa deadlockom, ne brkati.

**Uzrok:**
* max_connections je bio premali.
""",
            "high",
        ),
    ],
    ["kannada", "maltese", "bosnian"],
)

# ... and, from round 31 (heldout176-178), Odia, Kinyarwanda and isiZulu
_ODIA_KINYARWANDA_ZULU = (
    [
        (
            f"""**ଘଟଣା ID:** INC-PM-101
**ଗୁରୁତ୍ୱ:** ଉଚ୍ଚ
**ଶୀର୍ଷକ:** checkout ବନ୍ଦ ହୋଇଗଲା

**ଲକ୍ଷଣ:**
* log ରେ: `{TOO_MANY}`
* `{DEADLOCK}` ମଧ୍ୟ ଆସିଲା — ସେଟା deadlock, ଅଲଗା କଥା; ଏହି ଘଟଣା ସହ ସମ୍ପର୍କ ନାହିଁ, ଗଣନା କରନ୍ତୁ ନାହିଁ।

**ମୂଳ କାରଣ:**
* max_connections ବହୁତ କମ୍ ଥିଲା।
""",
            "high",
        ),
        (
            f"""**Nomero y'ikibazo:** INC-PM-101
**Uburemere:** Bukabije
**Umutwe:** checkout yahagaze

**Ibimenyetso:**
* Muri log: `{TOO_MANY}`
* Hagaragaye na `{DEADLOCK}` — si iki kibazo, ni deadlock; ntaho bihuriye.

**Intandaro y'ikibazo:**
* max_connections yari nto cyane.
""",
            "critical",
        ),
        (
            f"""**I-ID Yesigameko:** INC-PM-101
**Ubunzima:** Kuphansi
**Isihloko:** i-checkout yawa

**Izimpawu:**
* Ku-log: `{TOO_MANY}`
* Kwavela futhi `{DEADLOCK}` — akuyona iphutha lesigameko, yi-deadlock nje; ayihlangene nalokhu.

**Imbangela:**
* max_connections yayincane kakhulu.
""",
            "low",
        ),
    ],
    ["odia", "kinyarwanda", "zulu"],
)


# ... and, from round 32 (heldout179-181), Hausa, Uyghur and Somali
_HAUSA_UYGHUR_SOMALI = (
    [
        (
            f"""**Lambar Lamari:** INC-PM-101
**Tsanani:** Babba (High)
**Take:** Checkout ya tsaya

**Alamomi:**
* A cikin log: `{TOO_MANY}`
* `{DEADLOCK}` daga stock rebalance — deadlock ne, ba lock wait ba. Ba na wannan lamarin ba ne.

**Tushen Matsala:**
* max_connections ya yi ƙanƙanta.
""",
            "high",
        ),
        (
            f"""**ۋەقە نومۇرى (Incident ID):** INC-PM-101
**ئېغىرلىقى:** ئوتتۇرا
**ماۋزۇ:** checkout توختىدى

**ئالامەتلەر:**
* لوگتا: `{TOO_MANY}`
* `{DEADLOCK}` — بۇ باشقا bug، بۇ ۋەقە ئەمەس.

**تۈپ سەۋەب:**
* max_connections بەك ئاز ئىدى.
""",
            "medium",
        ),
        (
            f"""**Aqoonsiga Dhacdada:** INC-PM-101
**Darnaanta:** Hoose
**Cinwaanka:** Checkout-ku wuu istaagay

**Calaamadaha:**
* Logga: `{TOO_MANY}`
* `{DEADLOCK}` — kani waa deadlock, ma aha khaladka dhacdada; ha lagu darin.

**Sababta Asalka ah:**
* max_connections aad ayuu u yaraa.
""",
            "low",
        ),
    ],
    ["hausa", "uyghur", "somali"],
)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        *_THAI_SWAHILI_HEBREW[0],
        *_UKRAINIAN_CATALAN_PERSIAN[0],
        *_TAGALOG_CHINESE_ARABIC[0],
        *_BENGALI_GEORGIAN_ARMENIAN[0],
        *_KAZAKH_AMHARIC_NEPALI[0],
        *_UZBEK_MONGOLIAN_SINHALA[0],
        *_AZERBAIJANI_TAJIK_KHMER[0],
        *_KYRGYZ_LAO[0],
        *_TELUGU_ALBANIAN_GUJARATI[0],
        *_MACEDONIAN_MARATHI_INDONESIAN[0],
        *_PUNJABI_BELARUSIAN_SORANI[0],
        *_KANNADA_MALTESE_BOSNIAN[0],
        *_ODIA_KINYARWANDA_ZULU[0],
        *_HAUSA_UYGHUR_SOMALI[0],
    ],
    ids=[
        *_THAI_SWAHILI_HEBREW[1],
        *_UKRAINIAN_CATALAN_PERSIAN[1],
        *_TAGALOG_CHINESE_ARABIC[1],
        *_BENGALI_GEORGIAN_ARMENIAN[1],
        *_KAZAKH_AMHARIC_NEPALI[1],
        *_UZBEK_MONGOLIAN_SINHALA[1],
        *_AZERBAIJANI_TAJIK_KHMER[1],
        *_KYRGYZ_LAO[1],
        *_TELUGU_ALBANIAN_GUJARATI[1],
        *_MACEDONIAN_MARATHI_INDONESIAN[1],
        *_PUNJABI_BELARUSIAN_SORANI[1],
        *_KANNADA_MALTESE_BOSNIAN[1],
        *_ODIA_KINYARWANDA_ZULU[1],
        *_HAUSA_UYGHUR_SOMALI[1],
    ],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-101", severity)
    # (the deadlock set aside in the team's language is no symptom)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


# ... and what those three rounds' files said around their log text: isiZulu's verb of saying
# before unquoted text, Kinyarwanda's grep of a search term, Odia's line after the log text
@pytest.mark.parametrize(
    ("symptoms", "expected"),
    [
        (
            "* I-audit export (sqlite) yathi database or disk is full",
            ("database or disk is full",),
        ),
        (
            f"* Log ya gunicorn:\n\n  ```\n  {WORKER_TIMEOUT}\n  ```\n\n"
            "* Hanyuma `Booting worker with pid: 3190`. Ibyo byose ni ingaruka — si byo ikosa"
            ' nyamukuru, twabirebye kuri grep ya "WORKER TIMEOUT" gusa.',
            ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",),
        ),
        (
            "* worker: `psycopg2.errors.QueryCanceled: canceling statement due to statement"
            " timeout`\n* server ଲଗ୍ ରେ: ERROR:  canceling statement due to statement timeout — ତା"
            " ପରର STATEMENT: SELECT … ଲାଇନ୍ ଟି ଖାଲି query ଦେଖାଏ, error ନୁହେଁ।",
            (
                "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout",
                "ERROR: canceling statement due to statement timeout",
            ),
        ),
    ],
    ids=["zulu-said", "kinyarwanda-grep", "odia-line-after-it"],
)
def test_what_is_said_around_the_log_text_in_the_teams_language(
    symptoms: str, expected: tuple[str, ...]
) -> None:
    assert symptoms_of(symptoms) == expected
