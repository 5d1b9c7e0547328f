"""Issue #11, twelfth pass, twenty-seventh round: a chat room's export, an id after an arrow,
a CI console's output, a configuration's fence, a reply's author (docs/incident-log-format.md,
"Twenty-seventh round", says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import incidents_of, symptoms_of

from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

REFUSED = (
    "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused."
)
REFUSED_SYMPTOM = (
    "redis.exceptions.ConnectionError: Error 111 connecting to <host>:<port:int>."
    " Connection refused"
)
TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
DEADLOCK = (
    "pymysql.err.OperationalError: (1213, 'Deadlock found when trying to get lock;"
    " try restarting transaction')"
)
NO_SPACE = "OSError: [Errno 28] No space left on device"
READ_ONLY = "OSError: [Errno 30] Read-only file system"
KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
KAFKA_SYMPTOM = "KafkaTimeoutError: Failed to update metadata after <secs:num> secs"
BREAKER = "pybreaker.CircuitBreakerError: Failures threshold reached, circuit breaker opened"


def _kept_line_count(text: str) -> None:
    assert as_markdown(text).count("\n") == text.count("\n")


# --- a chat room's export: the first message naming an id opens its incident --------------------

ELEMENT = "\n".join(
    [
        "[2026-12-03 08:15:40] Lena: morning all, coffee first",
        '[2026-12-03 08:17:02] Lena changed the topic to "🔴 INC-7 · gateway down"',
        f"[2026-12-03 08:18:10] Omar: gateway log says `{REFUSED}`",
        "[2026-12-03 08:19:30] Omar: and the orders pods:",
        "```",
        TOO_MANY,
        "```",
        "[2026-12-03 08:22:00] Omar: redis is back, rolled forward (edited)",
        "",
    ]
)


def test_an_element_export_opens_its_incident_at_the_topic_that_names_it() -> None:
    log = compile_incident_log(ELEMENT, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-7"
    # (the topic's marks around the id are no words of its title)
    assert found.title == "gateway down"
    # (pasted lines, in backticks or a fence, are symptoms; the chatter before the topic, none)
    assert found.symptoms == (REFUSED_SYMPTOM, TOO_MANY_SYMPTOM)
    _kept_line_count(ELEMENT)


def test_a_message_that_sets_a_line_aside_in_words_keeps_it_out() -> None:
    text = "\n".join(
        [
            "[2026-12-03 08:15:40] Lena: morning all",
            '[2026-12-03 08:17:02] Lena changed the topic to "INC-7 · gateway down"',
            f"[2026-12-03 08:18:10] Omar: gateway log says `{REFUSED}`",
            f"[2026-12-03 08:20:00] Omar: plus a lot of `{BREAKER}`",
            "[2026-12-03 08:20:40] Lena: that's just the breaker flapping, ignore those",
            "[2026-12-03 08:22:00] Omar: redis is back",
            "",
        ]
    )
    assert incidents_of(text) == {"INC-7": (REFUSED_SYMPTOM,)}


def test_a_chat_messages_edited_mark_is_no_part_of_it() -> None:
    text = ELEMENT.replace(
        'Lena changed the topic to "🔴 INC-7 · gateway down"',
        "Lena: INC-7 gateway down (edited)",
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert found.id == "INC-7" and found.title == "gateway down"
    assert "(edited)" not in as_markdown(text)


def test_an_element_replys_quote_of_the_message_it_answers_is_dropped() -> None:
    text = "\n".join(
        [
            "[2026-12-03 08:15:40] Lena: morning all",
            "[2026-12-03 08:17:02] Lena: INC-7 gateway down",
            f"[2026-12-03 08:18:10] Omar: gateway log says `{REFUSED}`",
            f"[2026-12-03 08:19:10] Lena: > <@omar:acme.chat> the nightly said `{NO_SPACE}`",
            "[2026-12-03 08:20:00] Omar: redis is back",
            "",
        ]
    )
    assert incidents_of(text) == {"INC-7": (REFUSED_SYMPTOM,)}
    assert "<@omar:acme.chat>" not in as_markdown(text)
    _kept_line_count(text)


WHATSAPP = "\n".join(
    [
        "[03/12/2026, 10:20:01] Ada: morning",
        "[03/12/2026, 10:22:13] Ada: INC-12 checkout failing",
        f"[03/12/2026, 10:23:00] Ben: orders-api says `{TOO_MANY}`",
        f"[03/12/2026, 10:24:00] Ben: and `{KAFKA}` from the publisher, INC-3 and INC-4 again?",
        "[03/12/2026, 10:25:00] Ada: INC-13 backups failing",
        f"[03/12/2026, 10:25:30] Ben: the dump says `{NO_SPACE}`",
        "[03/12/2026, 10:26:00] Ben: INC-12 is mitigated now, pool lowered",
        f"[03/12/2026, 10:27:00] Ada: after the remount `{READ_ONLY}`",
        "",
    ]
)


def test_two_incidents_in_one_room_come_out_apart_with_their_own_symptoms() -> None:
    # (a message naming two ids opens nothing; one naming an incident opened already, neither:
    # `INC-12 is mitigated` is INC-13's item)
    log = compile_incident_log(WHATSAPP, "pm.md")
    assert not log.problems, log.problems
    assert {i.id: i.title for i in log.incidents} == {
        "INC-12": "checkout failing",
        "INC-13": "backups failing",
    }
    assert {i.id: i.symptoms for i in log.incidents} == {
        "INC-12": (TOO_MANY_SYMPTOM, KAFKA_SYMPTOM),
        "INC-13": (NO_SPACE, READ_ONLY),
    }
    _kept_line_count(WHATSAPP)


def test_whatsapps_export_with_a_dash_after_the_time_is_read_the_same() -> None:
    text = "\n".join(
        [
            "03/12/2026, 10:20 - Ada: morning",
            "03/12/2026, 10:22 - Ada: INC-12 checkout failing",
            f"03/12/2026, 10:23 - Ben: orders-api says `{TOO_MANY}`",
            "03/12/2026, 10:25 - Ada: pool lowered, fixed",
            "",
        ]
    )
    assert incidents_of(text) == {"INC-12": (TOO_MANY_SYMPTOM,)}
    _kept_line_count(text)


def test_a_discord_export_is_read_as_a_chat_room() -> None:
    text = "\n".join(
        [
            "[12/1/2026 9:10 AM] dana: hey",
            "[12/1/2026 9:12 AM] dana: INC-21 uploads rejected",
            "[12/1/2026 9:13 AM] eli: `client intended to send too large body: 2097152 bytes`",
            "[12/1/2026 9:14 AM] dana: bumped the limit",
            "",
        ]
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-21", "uploads rejected")
    assert found.symptoms == ("client intended to send too large body: <bytes:datasize>",)
    _kept_line_count(text)


def test_a_telegram_export_has_its_message_under_the_authors_header() -> None:
    text = "\n".join(
        [
            "Dana, [03.12.2026 10:20]",
            "morning",
            "",
            "Dana, [03.12.2026 10:22]",
            "INC-30 reports not generated",
            "",
            "Eli, [03.12.2026 10:23]",
            "worker log:",
            "```",
            "OSError: [Errno 24] Too many open files",
            "```",
            "",
            "Dana, [03.12.2026 10:30]",
            "raised the ulimit",
            "",
        ]
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-30", "reports not generated")
    assert found.symptoms == ("OSError: [Errno 24] Too many open files",)
    _kept_line_count(text)


def test_a_chat_with_headings_of_its_own_or_few_messages_is_as_it_was() -> None:
    headed = "## INC-7 gateway down\n\n" + ELEMENT
    assert as_markdown(headed) == headed
    short = "\n".join(ELEMENT.split("\n")[:3]) + "\n"
    assert as_markdown(short) == short


# --- an id after an arrow in a heading: a build review ------------------------------------------

BUILDS = f"""# Jenkins build review — week 49

## Build #2291 — deploy-staging/thumbs → INC-7

Console output:

```
[2026-12-03T08:16:26.141Z] [Pipeline] sh
[2026-12-03T08:16:26.512Z] + python -m thumbs.render
[2026-12-03T08:16:27.003Z] Traceback (most recent call last):
[2026-12-03T08:16:27.004Z]   File "/app/thumbs/render.py", line 41, in <module>
[2026-12-03T08:16:27.004Z]     main()
[2026-12-03T08:16:27.005Z] {NO_SPACE}
[2026-12-03T08:16:27.300Z] ERROR: script returned exit code 1
[2026-12-03T08:16:27.400Z] Finished: FAILURE
```

## Build #2304 — nightly/billing -> INC-8

```
[2026-12-03T09:02:11.020Z] [Pipeline] sh
[2026-12-03T09:02:12.500Z] {TOO_MANY}
[2026-12-03T09:02:12.700Z] ERROR: script returned exit code 1
[2026-12-03T09:02:12.800Z] Finished: FAILURE
```
"""


def test_a_build_reviews_headings_name_their_incident_after_an_arrow() -> None:
    log = compile_incident_log(BUILDS, "builds.md")
    assert not log.problems, log.problems
    assert {i.id: i.title for i in log.incidents} == {
        "INC-7": "Build #2291 — deploy-staging/thumbs",
        "INC-8": "Build #2304 — nightly/billing",
    }
    # (each build's console output is its incident's: the traceback's exception line)
    assert {i.id: i.symptoms for i in log.incidents} == {
        "INC-7": (NO_SPACE,),
        "INC-8": (TOO_MANY_SYMPTOM,),
    }
    _kept_line_count(BUILDS)


def test_headings_with_their_id_inside_their_words_split_the_document() -> None:
    text = (
        "## Build #1 — deploy/api → INC-7\n\n"
        f"- `{TOO_MANY}`\n\n"
        "## Build #2 — deploy/web → INC-8\n\n"
        f"- `{NO_SPACE}`\n"
    )
    assert incidents_of(text) == {"INC-7": (TOO_MANY_SYMPTOM,), "INC-8": (NO_SPACE,)}


# --- a section linked to one incident after an arrow --------------------------------------------

ISSUE = f"""# Flaky nightly: settle job

### @dana commented on Dec 3, 2026

The nightly settle job failed again:

```
{NO_SPACE}
```

> **@lead**: → **INC-7**. The disk filled with old dumps.

### @eli commented on Dec 4, 2026

And the billing run:

```
{TOO_MANY}
```

Linked to INC-9
"""


def test_a_comment_linked_to_one_incident_after_an_arrow_is_its_heading() -> None:
    log = compile_incident_log(ISSUE, "issue.md")
    assert not log.problems, log.problems
    assert {i.id: i.title for i in log.incidents} == {
        "INC-7": "@dana commented on Dec 3, 2026",
        "INC-9": "@eli commented on Dec 4, 2026",
    }
    assert {i.id: i.symptoms for i in log.incidents} == {
        "INC-7": (NO_SPACE,),
        "INC-9": (TOO_MANY_SYMPTOM,),
    }
    text = ISSUE.replace("→ **INC-7**", "-> INC-7")
    assert [i.id for i in compile_incident_log(text, "issue.md").incidents] == ["INC-7", "INC-9"]
    _kept_line_count(ISSUE)


@pytest.mark.parametrize(
    "link",
    [
        "> **@lead**: → **INC-7**, and -> INC-8 too.",
        "**Range:** INC-106 → INC-113 were all the same disk.",
    ],
)
def test_a_section_linking_two_ids_or_a_range_is_no_incidents(link: str) -> None:
    text = f"# Weekly\n\n### Failures this week\n\n```\n{NO_SPACE}\n```\n\n{link}\n"
    assert "### Failures this week" in as_markdown(text).split("\n")
    assert not compile_incident_log(text, "weekly.md").incidents


# --- a CI console's framing, the runner's own lines, pytest's summary ---------------------------


DEADLOCK_DETECTED = "psycopg2.errors.DeadlockDetected: deadlock detected"
UPSTREAM = "connect() failed (111: Connection refused) while connecting to upstream"


def _build(console: str) -> str:
    return f"## INC-7: nightly build\n\n**Symptoms:**\n\n```\n{console}\n```\n"


def test_jenkins_timestamps_are_dropped_so_a_tracebacks_frames_are_frames() -> None:
    console = (
        "[2026-12-03T08:16:27.003Z] Traceback (most recent call last):\n"
        '[2026-12-03T08:16:27.004Z]   File "/app/billing/settle.py", line 41, in <module>\n'
        "[2026-12-03T08:16:27.004Z]     settle()\n"
        f"[2026-12-03T08:16:27.005Z] {DEADLOCK_DETECTED}"
    )
    assert incidents_of(_build(console)) == {"INC-7": (DEADLOCK_DETECTED,)}


def test_github_actions_times_and_error_marks_are_dropped() -> None:
    console = (
        "2026-12-03T08:15:24.7301224Z Traceback (most recent call last):\n"
        '2026-12-03T08:15:24.7302001Z   File "/app/ping.py", line 9, in <module>\n'
        "2026-12-03T08:15:24.7302450Z     connect()\n"
        f"2026-12-03T08:15:24.7303000Z ##[error]{REFUSED}\n"
        "2026-12-03T08:15:24.7400000Z ##[error]Process completed with exit code 1."
    )
    assert incidents_of(_build(console)) == {"INC-7": (REFUSED_SYMPTOM,)}
    console = f"::error title=ping::{TOO_MANY}\nError: Process completed with exit code 1."
    assert incidents_of(_build(console)) == {"INC-7": (TOO_MANY_SYMPTOM,)}


@pytest.mark.parametrize(
    "runner",
    [
        "ERROR: script returned exit code 1",
        "Finished: FAILURE",
        "[Pipeline] sh",
        "Error: Process completed with exit code 1.",
        "1 failed, 3 passed in 0.42s",
        f"FAILED tests/t.py::test_x - {NO_SPACE}",
    ],
)
def test_a_ci_runners_own_lines_and_pytests_summary_are_never_symptoms(runner: str) -> None:
    # (a line of no level among lines of none: all would be the block's symptoms)
    assert incidents_of(_build(f"{runner}\n{UPSTREAM}")) == {"INC-7": (UPSTREAM,)}


def test_pytests_e_line_gives_the_message_without_its_e() -> None:
    console = f"E   {DEADLOCK_DETECTED}"
    assert incidents_of(_build(console)) == {"INC-7": (DEADLOCK_DETECTED,)}


# --- a fence of configuration under Symptoms ----------------------------------------------------

STEP = '- name: ping\n  run: |\n    curl -f http://gateway/health || echo "ERROR: ping failed"'


@pytest.mark.parametrize(
    "language",
    ["yaml", "yml", "YAML", "toml", "ini", "hcl", "dockerfile", "nginx", "conf", "systemd"],
)
def test_a_configuration_fence_under_symptoms_yields_no_symptom(language: str) -> None:
    text = f"## INC-7: ping fails\n\n**Symptoms:**\n\n- `{REFUSED}`\n\n```{language}\n{STEP}\n```\n"
    assert incidents_of(text) == {"INC-7": (REFUSED_SYMPTOM,)}


def test_a_plain_fence_of_the_same_lines_yields_a_symptom() -> None:
    text = f"## INC-7: ping fails\n\n**Symptoms:**\n\n- `{REFUSED}`\n\n```\n{STEP}\n```\n"
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert found.symptoms[0] == REFUSED_SYMPTOM and "- name: ping" in found.symptoms


# --- a reply's author in bold at a line's start -------------------------------------------------


def test_a_replys_author_in_bold_is_no_label_and_its_set_aside_counts() -> None:
    text = (
        "## INC-7: settle job\n\n"
        f"```\n{NO_SPACE}\n{DEADLOCK}\n```\n\n"
        "> **@lead**: → **INC-7**. The OperationalError deadlock is a different error, not this.\n"
    )
    assert incidents_of(text) == {"INC-7": (NO_SPACE,)}


def test_a_replys_author_in_bold_goes_on_the_symptoms_section() -> None:
    text = (
        "## INC-7: settle job\n\n**Symptoms:**\n\n"
        f"- `{NO_SPACE}`\n\n**@dana**: and the billing run said `{TOO_MANY}`\n"
    )
    assert incidents_of(text) == {"INC-7": (NO_SPACE, TOO_MANY_SYMPTOM)}


# --- verdicts: tests that fail on purpose, a library's chatter ----------------------------------

DENIED = "PermissionError: [Errno 13] Permission denied: '/etc/shadow'"


@pytest.mark.parametrize(
    "aside",
    [
        f"* `{DENIED}` comes from the negative tests.",
        f"* `{DENIED}` is supposed to raise, it's the sandbox check.",
        f"* `{DENIED}` is expected to throw in the sandbox check.",
        f"* `{DENIED}` is meant to error, it's the sandbox check.",
        "* On shutdown it logs `Bootstrap failed: KafkaTimeoutError: Unable to bootstrap from"
        " broker`. That's kafka-python's own bootstrap chatter.",
    ],
)
def test_a_line_that_fails_on_purpose_or_a_librarys_chatter_is_set_aside(aside: str) -> None:
    assert symptoms_of(f"* `{KAFKA}`\n{aside}\n") == (KAFKA_SYMPTOM,)


# --- a tracker's subject that ends with the id --------------------------------------------------

REDMINE = f"""# Redmine export

---

Billing - Bug #8120
Deadlocks when settling invoices (INC-7)

Added by Jana H. 3 days ago. Updated 1 day ago.
Status: Closed | Priority: High | Assignee: Tomas D. | Category: Database

Description
<pre>
{DEADLOCK}
</pre>

---

Billing - Bug #8121
Invoice PDFs missing (INC-8)

Added by Tomas D. 2 days ago.
Status: Resolved | Priority: Normal | Assignee: Jana H.

Description
<pre>
{NO_SPACE}
</pre>
"""


def test_a_tracker_subject_ending_with_the_id_in_parentheses_names_the_incident() -> None:
    log = compile_incident_log(REDMINE, "redmine.md")
    assert not log.problems, log.problems
    assert {i.id: i.title for i in log.incidents} == {
        "INC-7": "Deadlocks when settling invoices",
        "INC-8": "Invoice PDFs missing",
    }
    assert "## INC-7: Deadlocks when settling invoices" in as_markdown(REDMINE).split("\n")
    _kept_line_count(REDMINE)


# --- a chat's conversation is one incident, named where it is said --------------------------------


def _texts(found: object) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]  # type: ignore[attr-defined]


WHATSAPP_AFTER = "\n".join(
    [
        "[07/12/2026, 10:02:11] Ada: checkout is down since 9:50, anybody on it?",
        f"[07/12/2026, 10:06:47] Tunde: gateway says `{REFUSED}`",
        f"[07/12/2026, 10:08:02] Tunde: and now and then `{BREAKER}`",
        "[07/12/2026, 10:08:40] Ife: that's just the breaker flapping, ignore am",
        "[07/12/2026, 10:21:55] Tunde: fixed + rolled",
        "[07/12/2026, 10:22:13] Ada: I've opened INC-40 for it",
        "[09/12/2026, 16:40:22] Ife: nightly backup failed",
        "[09/12/2026, 16:41:10] Ife: ```Traceback (most recent call last):",
        '  File "/opt/backup/run.py", line 42, in dump',
        f"{NO_SPACE}```",
        f'[09/12/2026, 16:45:11] Ife: ignore the "{READ_ONLY}" on the retry, I remounted it ro',
        "[09/12/2026, 16:52:40] Emeka: INC-41. cleanup cron was failing",
        "",
    ]
)


def test_a_chats_conversation_is_the_incident_its_id_is_said_in_at_its_end() -> None:
    log = compile_incident_log(WHATSAPP_AFTER, "pm.md")
    assert not log.problems, log.problems
    by_id = {found.id: found for found in log.incidents}
    assert set(by_id) == {"INC-40", "INC-41"}
    # (the talk before the id is the incident's; a message that answers the one before it about
    # what it showed (`that's just the breaker flapping`) is read with it)
    assert _texts(by_id["INC-40"]) == [REFUSED_SYMPTOM]
    # (WhatsApp's monospace over several lines: a traceback, its exception line the symptom)
    assert _texts(by_id["INC-41"]) == [NO_SPACE]
    _kept_line_count(WHATSAPP_AFTER)


# --- a tracker's run of fields, a helpdesk ticket's `Links:` field -------------------------------


def test_a_run_of_custom_fields_is_read_as_labels() -> None:
    text = (
        "## Avatar uploads fail\n\n"
        "- **Status:** COMPLETE\n"
        "- **Custom fields:** Incident ID: INC-50 \u00b7 Severity: SEV-2 \u00b7 Service: media\n\n"
        "**Description**\n\n"
        f"Worker logged `{NO_SPACE}`\n"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert (found.id, found.severity) == ("INC-50", "high")
    assert _texts(found) == [NO_SPACE]


def test_a_tickets_links_field_names_its_incident() -> None:
    text = (
        "## Ticket#31207 \u2013 Checkout broken\n\n"
        "**State:** closed \u00b7 **Priority:** 3 high\n"
        "**Customer:** Daniel R.\n"
        "**Links:** INC-60 (postmortem), Ticket#31228 (duplicate)\n\n"
        "**Article #3** \u2013 Priya (Agent) \u00b7 note\n"
        f"From the orders service: `{TOO_MANY}`\n"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert found.id == "INC-60"
    assert _texts(found) == [TOO_MANY_SYMPTOM]


@pytest.mark.parametrize(
    "aside",
    [
        f"The `{DEADLOCK}` lines belong to INC-9, not to this.",
        f'Also seeing "{DEADLOCK}", not the user-facing error, ignoring it for the PM.',
        f"The retry blew up with `{DEADLOCK}` while we cleaned up. Not part of INC-70, no fix.",
    ],
)
def test_a_line_said_to_be_not_for_this_one_is_set_aside(aside: str) -> None:
    text = f"## INC-70: orders down\n\n**Symptoms:**\n- `{TOO_MANY}`\n- {aside}\n"
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert _texts(found) == [TOO_MANY_SYMPTOM]


# --- Google Chat's headers, a day's heading, several ids in one conversation ---------------------

GOOGLE_CHAT = "\n".join(
    [
        "### Tuesday, 24 November",
        "",
        "Siobh\u00e1n Kelly, 10:16 AM",
        "gateway's throwing 500s on reserve",
        "",
        "Darragh Nolan, 10:18 AM",
        f"gateway log is full of `{REFUSED}`",
        "",
        "Siobh\u00e1n Kelly, 10:41 AM",
        "opened INC-80 for the reserve outage",
        "",
        "### Wednesday, 25 November",
        "",
        "Niamh Walsh, 10:20 AM",
        f"the nightly dump died: `{NO_SPACE}`",
        "",
        "Niamh Walsh, 10:30 AM",
        "INC-81 opened",
        "",
        "Darragh Nolan, 10:31 AM",
        f"INC-82 for the export right after: `{TOO_MANY}`",
        "",
    ]
)


def test_a_google_chat_space_is_read_by_day_and_by_the_ids_its_messages_name() -> None:
    log = compile_incident_log(GOOGLE_CHAT, "pm.md")
    assert not log.problems, log.problems
    by_id = {found.id: _texts(found) for found in log.incidents}
    # (the day's heading ends a conversation; the talk before an id is its incident's; a second
    # id in one conversation opens at the message that names it)
    assert by_id == {
        "INC-80": [REFUSED_SYMPTOM],
        "INC-81": [NO_SPACE],
        "INC-82": [TOO_MANY_SYMPTOM],
    }
    _kept_line_count(GOOGLE_CHAT)


# --- a fence closes only with its own character --------------------------------------------------


def test_a_tilde_line_inside_a_backtick_block_is_the_logs() -> None:
    text = (
        "## thumbnailer \u00b7 Build #8812 \u00b7 Failed\n\n"
        "```\n~~~ :docker: Build\n$ docker build .\n+++ :pytest: Tests\n"
        f"E       {NO_SPACE}\n"
        "\U0001f6a8 Error: The command exited with status 1\n```\n\n"
        "**Triage (Marit):** this is **INC-90**, not a flake.\n"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    # (the section's `this is INC-90` names it; Buildkite's own line is no symptom)
    assert found.id == "INC-90"
    assert _texts(found) == [NO_SPACE]
