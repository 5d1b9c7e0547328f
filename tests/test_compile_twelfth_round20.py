"""Issue #11, twelfth pass, twentieth round: what heldout119 to heldout121 taught
(docs/incident-log-format.md says the rules): a diary whose dated entries are incidents or
not, a page in Jira's wiki markup with numbered lists, a word processor's Markdown export with
backslash escapes, Japanese corner-bracket quotes, run-in heads closed by a full stop, labels in
Japanese and Vietnamese, and verdicts in Hungarian, Vietnamese, Japanese and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import compiled, flagged_lines, incidents_of, symptoms_of

from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
LOCKED = "sqlite3.OperationalError: database is locked"
HEAP = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"


# --- a diary ----------------------------------------------------------------------------------

DIARY = f"""# On-call diary — Q4

## October

**Thu 2026-10-01**
Handover. Nothing burning. Fixed my phone number in PagerDuty.

**Tue 2026-10-06 — paged 02:40 — INC-PM-101**
Checkout down.
- app: `{TOO_MANY}`
- cause: pool too big; fix: smaller pool.

**Wed 2026-10-07**
False alarm: "{LOCKED}" on the staging box, someone's test.

**Tue 2026-12-01 — INC-PM-118 backoffice import**
- import log: `{LOCKED}`
- fix: VACUUM moved.
"""


def test_a_diarys_dated_entries_that_name_an_id_are_incidents() -> None:
    log = compile_incident_log(DIARY, "diary.md")
    assert [(i.id, i.title, i.location.line) for i in log.incidents] == [
        ("INC-PM-101", "Tue 2026-10-06 \u2014 paged 02:40", 8),
        ("INC-PM-118", "Tue 2026-12-01 \u2014 backoffice import", 16),
    ]
    # (the next day's entry ends the incident: its false alarm is no symptom of INC-PM-101)
    assert log.incidents[0].symptoms == (TOO_MANY_SYMPTOM,)


def test_bold_lines_are_no_diary_when_none_names_an_id() -> None:
    text = "**Thu 2026-10-01**\nHandover.\n\n**Symptoms**\n- `x`\n"
    log = compile_incident_log(text.replace("`x`", f"`{TOO_MANY}`"), "x.md")
    assert [p.field for p in log.problems] == ["id", "title"]


# --- Jira's wiki markup -----------------------------------------------------------------------

JIRA = """h1. Post-Incident Reviews

h2. INC-PM-105 — Invoice settlement deadlocks

||Field||Value||
|*Severity*|Medium|

*Symptoms:*
# Month-end settlement left invoices unsettled.
# billing worker traceback:
{code:java}
psycopg2.errors.DeadlockDetected: deadlock detected
{code}
## nested: the server log says the same

*Resolution:* lock ordering.

h2. Orders events not published

||Field||Value||
|*Incident ID*|INC-PM-111|

*Symptoms:*
* {{publish order failed: KafkaTimeoutError('Failed to update metadata after 60.0 secs.')}}
"""


def test_a_numbered_list_in_wiki_markup_is_no_heading() -> None:
    assert incidents_of(JIRA) == {
        "INC-PM-105": ("psycopg2.errors.DeadlockDetected: deadlock detected",),
        "INC-PM-111": ("KafkaTimeoutError: Failed to update metadata after <secs:num> secs",),
    }


def test_a_markdown_heading_after_a_blank_line_stays_a_heading_beside_wiki_macros() -> None:
    text = f"{{info}}\nread me\n{{info}}\n\n## INC-PM-101 — pool\n\n*Symptoms:*\n* `{TOO_MANY}`\n"
    assert list(incidents_of(text)) == ["INC-PM-101"]


# --- a word processor's export ----------------------------------------------------------------

GDOCS = """## **1\\. INC-PM-106 — Feature-flag cache rejected writes**

### **1.2 Symptoms**

* It logged “cache flags not cached: command not allowed when used memory \\> \u2018maxmemory\u2019”
* From redis-cli: “OOM command not allowed when used memory \\> 'maxmemory'.”
* Also not evidence: the INFO “used\\_memory \\> maxmemory? no”.

### **1.4 Resolution**

Raised maxmemory.
"""


def test_a_word_processors_escapes_are_read_as_markdown_renders_them(tmp_path: Path) -> None:
    (symptoms,) = incidents_of(GDOCS).values()
    assert symptoms == (
        "cache flags not cached: command not allowed when used memory > 'maxmemory'",
        "OOM command not allowed when used memory > 'maxmemory'",
    )
    flagged = flagged_lines(compiled(tmp_path, GDOCS), "redis-cli.log")
    assert any(line.startswith("OOM command not allowed") for line in flagged)


def test_a_few_backslashes_of_the_authors_own_are_kept() -> None:
    one = '"ERROR: value \\> limit for job reports"'
    assert symptoms_of(f"* {one}\n") == ("ERROR: value \\> limit for job reports",)
    three = f'{one} and "ERROR: x \\_ y \\[z\\] for job reports"'
    assert symptoms_of(f"* {three}\n")[0] == "ERROR: value > limit for job reports"


def test_escapes_inside_code_are_the_logs_own() -> None:
    text = GDOCS.replace("* From redis-cli:", "* `path\\_to \\> x` then from redis-cli:")
    (symptoms,) = incidents_of(text).values()
    assert "OOM command not allowed when used memory > 'maxmemory'" in symptoms


# --- Japanese, Vietnamese ---------------------------------------------------------------------

OSAKA = f"""---

**インシデントID：** INC-PM-101
**タイトル：** 注文DBの接続数超過

**症状：**
* アプリログに「{TOO_MANY}」が大量に出力された。
* 「retrying checkout after Too many connections」はWARNINGであり、エラーではない。
* 1045（Access denied）も出ていたが、本件とは無関係。

**根本原因：** max_connections が小さすぎた。
"""


def test_japanese_labels_corner_quotes_and_verdicts() -> None:
    assert incidents_of(OSAKA) == {"INC-PM-101": (TOO_MANY_SYMPTOM,)}


def test_vietnamese_labels() -> None:
    text = (
        f"**Mã sự cố:** INC-PM-118\n**Tiêu đề:** Import lỗi\n\n**Triệu chứng:**\n"
        f"* Log: `{LOCKED}`\n\n**Nguyên nhân gốc:** VACUUM\n\n**Hành động:**\n* [Xong] dời lịch\n"
    )
    log = compile_incident_log(text, "x.md")
    assert [(i.id, i.title, i.symptoms) for i in log.incidents] == [
        ("INC-PM-118", "Import lỗi", (LOCKED,))
    ]


# --- run-in heads, wrapped lines, verdicts before a colon --------------------------------------

ESSAY = f"""## 6. INC-PM-120 — report-builder and the heap ceiling

**Symptoms.** report-builder died with `{HEAP}`.

Several other lines were not this incident and wasted time: a `RangeError: Maximum call
stack size exceeded` from the renderer, and the builder's INFO `heap used 24 MB, ok (no out
of memory)` printed seconds before the crash.

**Root cause.** The gateway failed too, with `{TOO_MANY}`, in another write-up.
"""


def test_run_in_heads_closed_by_a_full_stop_are_sections() -> None:
    assert incidents_of(ESSAY) == {"INC-PM-120": (HEAP,)}


def test_a_summary_closed_by_a_full_stop_is_still_the_story() -> None:
    text = "## INC-PM-120 — heap\n\n**Summary.** died with `FATAL ERROR: Reached heap limit`.\n"
    assert incidents_of(text) == {"INC-PM-120": ("FATAL ERROR: Reached heap limit",)}


@pytest.mark.parametrize(
    "wrapped",
    [
        '- noise: the "lock check" INFO before each run and the\n'
        '  WARNING "retrying import after database is locked". Also a `no such table: x` from\n'
        "  the report query, separate ticket.",
    ],
)
def test_a_level_named_before_its_quote_goes_on_with_the_sentence(wrapped: str) -> None:
    assert symptoms_of(f"- import log: `{LOCKED}`\n{wrapped}\n") == (LOCKED,)


def test_a_line_pasted_after_an_open_sentence_is_still_log_text() -> None:
    found = symptoms_of(
        "* Avatar uploads failed for some users with\n"
        "PermissionError: [Errno 13] Permission denied: '/srv/uploads/a.png'\n"
        "because the step runs as nobody.\n"
    )
    assert found == ("PermissionError: [Errno 13] Permission denied: '<path>'",)


def test_a_verdict_in_the_root_cause_holds_for_a_block_in_the_timeline() -> None:
    text = (
        "## INC-PM-107 — health check\n\n**Timeline**\n\n"
        "08:17 · the check logs it:\n\n```\n"
        "ERROR cache health: redis down: Error 111 connecting to 127.0.0.1:6390. "
        "Connection refused.\n"
        "INFO cache reconnected to 127.0.0.1:6379 after Connection refused (attempt 3)\n```\n\n"
        "**Root cause.** wrong port.\n\n"
        'The INFO "reconnected ... after Connection refused" lines are the client recovering '
        "\u2014 not part of the failure.\n"
    )
    (symptoms,) = incidents_of(text).values()
    assert not any("reconnected" in s for s in symptoms)
    assert any("redis down" in s for s in symptoms)


@pytest.mark.parametrize("lead", ["Logs:", "Logged", "Seen:", "Output:"])
def test_a_word_that_names_the_log_is_no_speaker_before_a_quoted_sentence(lead: str) -> None:
    found = symptoms_of(f'* {lead} "command not allowed when used memory > maxmemory."\n')
    assert found == ("command not allowed when used memory > maxmemory",)
