"""Issue #11, twelfth pass, twenty-sixth round: what heldout152 to heldout157 taught
(docs/incident-log-format.md, "Twenty-sixth round", says the rules)."""

from __future__ import annotations

from pathlib import Path

from compile_helpers import compiled, flagged_lines, incidents_of

from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
KAFKA_REFUSED = "KafkaConnectionError: 111 ECONNREFUSED"
NODE_REFUSED = "request failed Error: connect ECONNREFUSED 10.0.3.7:3000"
NODE_SYMPTOM = "request failed Error: connect ECONNREFUSED <ip>:<port:int>"


# --- a chat's reply that quotes a message and answers it ----------------------------------------


def _thread(question: str, quote: str, answer: str) -> str:
    return f"""## INC-PM-119 stock-sync crashing

**Tomasz W** 26/11/2026 08:47

stock-sync restarting in a loop:

"{NODE_REFUSED}"

**Rafael C** 26/11/2026 08:55

{question}

**Tomasz W** 26/11/2026 08:58

{quote}

{answer}
"""


def test_a_reply_that_quotes_a_message_and_says_no_sets_its_error_aside_everywhere() -> None:
    text = _thread(
        f"the kafka publisher is also logging `{KAFKA_REFUSED}` since this morning, related?",
        f"> **Rafael C** 08:55\n> {KAFKA_REFUSED}",
        "different thing, that's the events publisher vs the broker change (INC-PM-111).",
    )
    assert incidents_of(text) == {"INC-PM-119": (NODE_SYMPTOM,)}


def test_a_reply_under_a_quote_with_the_head_on_its_line_reads_the_same() -> None:
    text = _thread(
        f"also seeing `{KAFKA_REFUSED}` in the publisher",
        f"> **Rafael C** 08:55 {KAFKA_REFUSED}",
        "not this one, the publisher has its own outage.",
    )
    assert incidents_of(text) == {"INC-PM-119": (NODE_SYMPTOM,)}


def test_a_reply_that_quotes_a_message_and_says_yes_keeps_its_error() -> None:
    text = _thread(
        f"the kafka publisher is also logging `{KAFKA_REFUSED}` since this morning, related?",
        f"> **Rafael C** 08:55\n> {KAFKA_REFUSED}",
        "yes, same outage: the broker was down too.",
    )
    symptoms = incidents_of(text)["INC-PM-119"]
    assert KAFKA_REFUSED in symptoms and NODE_SYMPTOM in symptoms


def test_a_question_gives_way_to_a_verdict_on_its_log_text_elsewhere() -> None:
    text = (
        "## INC-PM-119 stock-sync crashing\n\n"
        f'- "{NODE_REFUSED}"\n'
        f"- the publisher is also logging `{KAFKA_REFUSED}` since this morning, related?\n"
        f"- `{KAFKA_REFUSED}` is a different thing, the broker change.\n"
    )
    assert incidents_of(text) == {"INC-PM-119": (NODE_SYMPTOM,)}


def test_a_quoted_paste_said_first_there_is_evidence_whatever_follows() -> None:
    # (a quote no one said before is no reply: `well, not 180 …` corrects its number)
    text = (
        "## INC-PM-108 search index jobs killed\n\n**marco** 10:03\n\nthe worker says\n\n"
        "> rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (180 seconds)\n\n"
        "well, not 180, it was 1 second on one worker and 2 on the other\n"
    )
    (symptom,) = incidents_of(text)["INC-PM-108"]
    assert symptom.startswith("rq.timeouts.JobTimeoutException: Task exceeded")


def test_a_teams_thread_flags_the_node_error_and_not_the_kafka_lines(tmp_path: Path) -> None:
    text = _thread(
        f"the kafka publisher is also logging `{KAFKA_REFUSED}` since this morning, related?",
        f"> **Rafael C** 08:55\n> {KAFKA_REFUSED}",
        "different thing, that's the events publisher vs the broker change.",
    )
    sigs = compiled(tmp_path, text)
    assert not flagged_lines(sigs, "events-kafka.log")
    assert any("ECONNREFUSED" in line for line in flagged_lines(sigs, "node-services.log"))


# --- an id under a label of a language we have no names of --------------------------------------

# (Burmese: a language whose labels we have no names of)
BURMESE = f"""# ပလက်ဖောင်းအဖွဲ့ — ဖြစ်ရပ်မှတ်တမ်း

---

**ဖြစ်ရပ်အမှတ်:** INC-PM-101
**ရက်စွဲ:** 2026-11-14
**အဆင့်:** မြင့်
**ခေါင်းစဉ်:** MariaDB ချိတ်ဆက်မှု ပြည့်သွားသည် — checkout က 500 ပြန်ပေးသည်

**လက္ခဏာများ:**
* orders log ထဲတွင်: `{TOO_MANY}`

**အဓိကအကြောင်းရင်း:**
* worker အရေအတွက် 8 မှ 16 သို့ တိုးခဲ့သည်။
"""


def test_an_id_alone_under_an_unknown_label_names_the_incident() -> None:
    # (Burmese's `ခေါင်းစဉ်`, title, is a known label since round 34: a title under a label
    # still unknown, `အကြောင်းအရာ`, subject)
    text = BURMESE.replace("**ခေါင်းစဉ်:**", "**အကြောင်းအရာ:**")
    log = compile_incident_log(text, "my.md")
    (found,) = log.incidents
    assert found.id == "INC-PM-101"
    assert found.symptoms == (TOO_MANY_SYMPTOM,)
    # the title: the longest value of a label, and the author is told which
    assert found.title.startswith("MariaDB ချိတ်ဆက်မှု")
    assert any(p.field == "title" and "no title read" in p.message for p in log.warnings)


def test_two_ids_under_unknown_labels_name_no_incident() -> None:
    text = BURMESE.replace("**ရက်စွဲ:** 2026-11-14", "**ဆက်စပ်:** INC-PM-7")
    log = compile_incident_log(text, "my.md")
    assert not log.incidents


# --- an issue tracker's record printed as text ---------------------------------------------------

BUGZILLA = f"""# Postmortem-linked bugs

---

## Bug 58102 - checkout: "Too many connections" from MariaDB

Status: RESOLVED FIXED
Product: Shop Platform
Component: orders-db
See Also: INC-PM-101
Reported: 2026-11-27 09:41 UTC by Priya Raman

Description Priya Raman 2026-11-27 09:41:12 UTC
the order sync worker dies with

{TOO_MANY}

Comment 1 Dana Whitfield 2026-11-27 10:02:55 UTC
(In reply to Priya Raman from comment #0)
> {TOO_MANY}

That's the server refusing new connections.
"""

REDMINE = f"""# Redmine export

---

Operations - Bug #7312
Stock reservations fail, too many connections (INC-PM-101)

Added by Tomas D. 21 days ago. Updated 12 days ago.
Status: Closed | Priority: High | Assignee: Jana H. | Category: Database

Description
From orders-api:
<pre>
{TOO_MANY}
</pre>

---

Operations - Bug #7327
Rate limiter unavailable

Added by Martin K. 20 days ago.
Status: Resolved | Priority: Normal | Assignee: Martin K. | Incident: INC-PM-107

Description
<pre>
redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.
</pre>
"""

MANIPHEST = f"""# Maniphest: edge incidents

---

**T4812** Checkout fails, too many connections
Closed, Resolved · Public · Priority: High
Authored By: dk, Dec 3 2026, 8:31 AM · Assigned To: mh
Tags: #orders, #sre-incidents · Incident: INC-PM-101

= Summary =

orders-api logged `{TOO_MANY}` for every checkout.

---

**T4820** [INC-PM-111] order events not published
Closed, Resolved · Public · Priority: High
Authored By: ys, Dec 3 2026, 8:40 AM · Assigned To: ys

= Summary =

The publisher logged `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`
"""


def test_a_bugzilla_print_names_its_incident_under_see_also() -> None:
    assert incidents_of(BUGZILLA) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}
    (found,) = compile_incident_log(BUGZILLA, "bz.md").incidents
    assert found.title.startswith("Bug 58102 - checkout")


def test_a_redmine_issue_takes_its_subject_as_title_and_its_incident_field_as_id() -> None:
    log = compile_incident_log(REDMINE, "redmine.md")
    assert not log.problems, log.problems
    titles = {i.id: i.title for i in log.incidents}
    assert titles == {
        "INC-PM-101": "Stock reservations fail, too many connections",
        "INC-PM-107": "Rate limiter unavailable",
    }


def test_a_maniphest_task_takes_its_id_from_a_field_after_a_separator_or_its_title() -> None:
    found = incidents_of(MANIPHEST)
    assert found["INC-PM-101"] == (TOO_MANY_SYMPTOM,)
    assert found["INC-PM-111"] == (
        "KafkaTimeoutError: Failed to update metadata after <secs:num> secs",
    )


def test_a_tracker_records_fields_keep_the_line_count_and_a_prose_colon_is_no_field() -> None:
    for text in (BUGZILLA, REDMINE, MANIPHEST):
        assert as_markdown(text).count("\n") == text.count("\n")
    # (one `Cause: …` sentence, or two fields, is no tracker's head)
    prose = "## INC-9 Title\n\nCause: the pool was small.\nFix: raised it.\n"
    assert as_markdown(prose) == prose


def test_a_house_format_incident_with_plain_labels_is_read_as_it_was() -> None:
    text = (
        "Incident ID: INC-PM-101\nTitle: Checkout down\nSeverity: High\n\n"
        f"Symptoms:\n- `{TOO_MANY}`\n"
    )
    assert as_markdown(text) == text


# --- containers of Docusaurus and HackMD, a Zulip quote ------------------------------------------

DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"


def test_a_docusaurus_container_titled_not_this_incident_sets_its_body_aside() -> None:
    text = (
        "## INC-PM-101 · checkout down {#inc-pm-101}\n\n:::danger[Impact]\n"
        "Checkout returned 500 for 25 minutes.\n:::\n\n**Symptoms:**\n\n"
        f"- orders-api: `{TOO_MANY}`\n\n:::note Not this incident\n"
        f"The `{DEADLOCK}` lines at the same time are the rebalance job.\n:::\n"
    )
    assert incidents_of(text) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def test_a_container_without_a_title_and_its_closing_marks_are_blank_lines() -> None:
    text = ":::info\n**Severity:** High\n:::\n\n::: {.warning}\nbody\n:::\n"
    assert as_markdown(text) == "\n**Severity:** High\n\n\n\nbody\n\n"


def test_a_zulip_quote_block_and_the_reply_under_it_answer_the_message() -> None:
    text = """## INC-PM-122 sessions not cached

**Grace** — Dec 3, 2026 12:30
`pymemcache.exceptions.MemcacheServerError: b'out of memory storing object'`

**Jonas** — Dec 3, 2026 12:37
also seeing `MemcacheServerError: b'object too large for cache'` — same thing?

**Grace** — Dec 3, 2026 12:39
```quote
@_**Jonas|211** [said](https://chat.example/#narrow/near/88291):
also seeing `MemcacheServerError: b'object too large for cache'`
```
no, that's the 2 MB report key, over the item limit. not 122.
"""
    assert incidents_of(text) == {
        "INC-PM-122": ("pymemcache.exceptions.MemcacheServerError: out of memory storing object",)
    }


def test_leave_it_out_of_this_task_is_a_verdict() -> None:
    text = (
        "## INC-PM-113 502 on /api/orders\n\n"
        "- `connect() failed (111: Connection refused) while connecting to upstream`\n"
        "- The `no live upstreams while connecting to upstream` for /api/stock looks similar but"
        " it's the inventory pool, leave it out of this task.\n"
    )
    (symptom,) = incidents_of(text)["INC-PM-113"]
    assert symptom.startswith("connect() failed (111: Connection refused)")


# --- a dashboard's annotations, each tagged with its incident ------------------------------------

ANNOTATIONS = f"""# Grafana annotations export

1. **2026-12-05 02:14:05 → 02:47:40** — *Orders* › panel **Checkout errors**
   - Tags: `incident` `INC-PM-101` `sev2`
   - Author: r.okafor
   - Text:
     > checkout failing. Loki:
     > `{TOO_MANY}`

2. **2026-12-05 02:31:12** — *Orders* › panel **Checkout errors**
   - Tags: `INC-PM-101` `note`
   - Text:
     > FYI the `{DEADLOCK}` lines are the rebalance job, not part of this.

3. **2026-12-06 11:02:50** — *Backups* › panel **Free space**
   - Tags: `incident` `INC-PM-115` `backup`
   - Text:
     > `OSError: [Errno 28] No space left on device`
"""


def test_a_dashboards_annotations_are_read_as_the_incidents_their_tags_name() -> None:
    assert incidents_of(ANNOTATIONS) == {
        "INC-PM-101": (TOO_MANY_SYMPTOM,),
        "INC-PM-115": ("OSError: [Errno 28] No space left on device",),
    }
    assert as_markdown(ANNOTATIONS).count("\n") == ANNOTATIONS.count("\n")


def test_one_tagged_bullet_is_no_export_of_annotations() -> None:
    text = "## INC-PM-101 checkout\n\n- seen in Grafana\n  - Tags: `INC-PM-101`\n"
    assert as_markdown(text) == text


# --- a log file's line pasted whole in a paragraph ------------------------------------------------

NGINX = (
    "error.log: [error] 2231#2231: *8812 connect() failed (111: Connection refused) while"
    ' connecting to upstream, client: 10.0.0.9, upstream: "http://10.1.4.22:8080/api/orders/7"'
)


def test_the_line_after_a_log_files_pasted_line_is_the_authors_again() -> None:
    # (its verdict is on the lines it names, not on the pasted line before it)
    text = (
        "## INC-PM-113 502 on orders\n\n**Problem statement:** both upstreams refused.\n\n"
        f"**Description:**\n{NGINX}\nnginx then marked the servers down and the next requests got"
        ' "no live upstreams while connecting to upstream". Those are consequences of the'
        " refusals, not separate failures.\n"
    )
    (symptom,) = incidents_of(text)["INC-PM-113"]
    assert symptom.startswith("[error] connect() failed (111: Connection refused)")


def test_a_log_files_line_with_a_quote_still_open_goes_on_on_the_next_line() -> None:
    text = (
        "## INC-PM-114 uploads rejected\n\n**Symptoms:**\n\n"
        '- nginx error.log: "client intended to send too large body: 2097152\n'
        '  bytes, client: 10.0.0.7, server: shop.local"\n'
    )
    (symptom,) = incidents_of(text)["INC-PM-114"]
    assert "too large body" in symptom and "server" in symptom


# --- a verdict two sentences after the log text, the one between about it too ------------------


def test_a_verdict_in_the_sentence_after_one_about_the_log_text_sets_it_aside() -> None:
    text = (
        "## INC-PM-111 events not published\n\n**Symptoms:**\n\n"
        "- `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n"
        "- On shutdown kafka-python also logs `Bootstrap failed: KafkaTimeoutError: Unable to"
        " bootstrap from <broker>`. It is the library's own message when the producer closes."
        " It is not the metadata timeout and should not be counted for this incident.\n"
    )
    assert incidents_of(text) == {
        "INC-PM-111": ("KafkaTimeoutError: Failed to update metadata after <secs:num> secs",)
    }


def test_a_sentence_about_something_else_between_breaks_the_chain() -> None:
    text = (
        "## INC-PM-111 events not published\n\n**Symptoms:**\n\n"
        "- The publisher logged `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`."
        " The broker list had a decommissioned host. The retries are not the error.\n"
    )
    assert incidents_of(text) == {
        "INC-PM-111": ("KafkaTimeoutError: Failed to update metadata after <secs:num> secs",)
    }


# --- a register sheet exported from a spreadsheet -------------------------------------------------

REGISTER = f"""# Incident Register 2026

## Sheet: Register

| ID | Date | Service | Error seen (pasted) | Not the cause | Root cause | Fix |
|---|---|---|---|---|---|---|
| INC-PM-101 | 46343 | orders | {TOO_MANY} (twice, the 2nd from the retry)<br>checkout 500s | \
{DEADLOCK} = the rebalance job | pool too big | pool_size 5 |
| INC-PM-115 | 2026-12-01 00:00:00 | backup | OSError: [Errno 28] No space left on device | \
None | old dumps kept | rotation |

## Sheet: Grep lines

| Incident | Log | Line (pasted) | Counts? | Comment |
|---|---|---|---|---|
| INC-PM-101 | orders.log | retrying checkout after Too many connections (attempt 2) | N | - |
| INC-PM-115 | backup.log | OSError: [Errno 28] No space left on device | Y |  |
| INC-PM-115 | backup.log | OSError: [Errno 30] Read-only file system | N | ro remount |

## Sheet: Timeline

| Incident | Time | What |
|---|---|---|
| INC-PM-101 | 19:40 | checkout errors |
| INC-PM-101 | 20:05 | pool lowered |
"""


def test_a_spreadsheets_register_sheet_is_read_and_its_other_sheets_are_evidence() -> None:
    # (`Error seen (pasted)` is the symptoms' column; a table that names an incident on two
    # rows is no register; an evidence row answered `N` is no symptom; the author's
    # parenthesis after an error, `(twice, …)`, is no part of it)
    assert incidents_of(REGISTER) == {
        "INC-PM-101": (TOO_MANY_SYMPTOM,),
        "INC-PM-115": ("OSError: [Errno 28] No space left on device",),
    }


# --- a job queue's framing line, a tracker's `Normal` priority ------------------------------------


def test_rqs_exception_raised_while_executing_is_context_beside_the_exception() -> None:
    text = (
        "## INC-PM-108 search index jobs killed\n\n**Symptoms:**\n\n"
        "- RQ worker log: `job <uuid>: exception raised while executing"
        " (jobs.rebuild_search_index)` and at the end `rq.timeouts.JobTimeoutException: Task"
        " exceeded maximum timeout value (180 seconds)`\n"
    )
    assert incidents_of(text) == {
        "INC-PM-108": (
            "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
            " (<seconds:num> seconds)",
        )
    }


def test_a_trackers_normal_priority_is_medium_and_urgent_critical() -> None:
    text = f"## INC-PM-101 checkout\n\n**Priority:** Normal\n\n**Symptoms:** `{TOO_MANY}`\n"
    (found,) = compile_incident_log(text, "yt.md").incidents
    assert found.severity == "medium"
    (found,) = compile_incident_log(text.replace("Normal", "Urgent"), "yt.md").incidents
    assert found.severity == "critical"


# --- a Latin log line among the words of another script -----------------------------------------


def test_unquoted_log_text_ends_where_another_scripts_prose_begins() -> None:
    text = (
        "## INC-PM-115 backup\n\n**Symptoms:**\n\n"
        "- audit export (sqlite) said database or disk is full ហើយ abort។\n"
        "- ledger DB ក៏ដូចគ្នាដែរ៖ ledger db unreachable: could not translate host name"
        ' "ledger-db.invalid" to address: Name or service not known\n'
        "- 日志里是 ERROR: canceling statement due to statement timeout，后面跟着那条慢 SQL 的"
        " STATEMENT 行。\n"
    )
    assert incidents_of(text)["INC-PM-115"] == (
        "database or disk is full",
        'ledger db unreachable: could not translate host name "<host>" to address: Name or'
        " service not known",
        "ERROR: canceling statement due to statement timeout",
    )


def test_a_latin_fragment_between_another_scripts_words_is_no_log_text() -> None:
    text = (
        "## INC-PM-113 502\n\n**Symptoms:**\n\n- `connect() failed (111: Connection refused)"
        " while connecting to upstream`\n- මේ දෙක මූලික error එක නොවේ — upstream දෙකම disable"
        " වුණාට පස්සේ\n"
    )
    assert incidents_of(text)["INC-PM-113"] == (
        "connect() failed (111: Connection refused) while connecting to upstream",
    )


# --- a pull request that fixes an incident, an evidence section of queries and results ----------


def test_a_pull_requests_closing_keyword_names_the_incident_of_its_heading() -> None:
    text = (
        "## #2231 gateway(staging): replace placeholder hosts\n\n"
        "Fixes INC-PM-110 · labels: `incident`, `terraform`\n\n### Why\n"
        "Every lookup died: `socket.gaierror: [Errno -2] Name or service not known`\n"
    )
    (found,) = compile_incident_log(text, "pr.md").incidents
    assert found.id == "INC-PM-110"
    assert found.title == "#2231 gateway(staging): replace placeholder hosts"
    assert found.symptoms == ("socket.gaierror: [Errno -2] Name or service not known",)


def test_an_evidence_sections_queries_and_results_are_its_items() -> None:
    text = (
        "## INC-PM-103 · Billing workers cannot connect\n\n### Evidence\n"
        '**Log query:** `service:billing "cannot connect"`\n'
        "**Result:** invoice worker N cannot connect: connection to server failed: FATAL:  sorry,"
        " too many clients already\n\n"
        '**Log query:** `service:billing "remaining connection slots"`\n'
        "**Result:** `FATAL:  remaining connection slots are reserved for non-replication"
        " superuser connections`. Same exhaustion, but a different message.\n\n"
        "### Lessons\n- **Owner:** `billing` team\n"
    )
    # (the words searched for are context beside the result that holds them)
    assert incidents_of(text) == {"INC-PM-103": ("FATAL: sorry, too many clients already",)}


def test_korean_separate_ticket_and_not_this_one_are_verdicts() -> None:
    text = (
        "## INC-PM-106 세션 캐시 OOM\n\n**증상:**\n\n"
        "* `(error) OOM command not allowed when used memory > 'maxmemory'`\n"
        "* 같은 시간대 WRONGTYPE Operation against a key holding the wrong kind of value 에러는 키"
        " 타입 버그로 별도 티켓 처리함 (이번 건 아님).\n"
    )
    assert incidents_of(text) == {
        "INC-PM-106": ("(error) OOM command not allowed when used memory > 'maxmemory'",)
    }


def test_russian_consequence_and_not_counted_are_verdicts() -> None:
    text = (
        "## INC-PM-115 бэкап\n\n**Симптомы:**\n\n"
        "* `OSError: [Errno 28] No space left on device`\n"
        "* Потом `OSError: [Errno 30] Read-only file system` на retry.dump — это уже после"
        " перемонтирования в ro, вторичное, не считаем.\n"
    )
    assert incidents_of(text) == {"INC-PM-115": ("OSError: [Errno 28] No space left on device",)}
