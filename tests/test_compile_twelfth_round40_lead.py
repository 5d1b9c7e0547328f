"""Issue #11, twelfth pass, fortieth round (lead): a CD pipeline's execution page pasted (its
stage and step tree, its console's time of day before each line, the step runner's own lines), a
tracker's issue whose sub-issues are listed before its next heading, a lead-in that says what
follows is "not this", and a bracketed elision with a note in a pasted log.
docs/incident-log-format.md, "Fortieth round", says the rules."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log

EXECUTION = """## INC-81 · Nightly export killed by the job timeout

**billing-export · Execution #93 · Failed** · Severity: Low

```
Export (Custom stage)                      Failed     4m 10s
  ✓ Fetch snapshot          ShellScript    Success    12s
  ✗ Run export              ShellScript    Failed     3m 58s
  ○ Upload                  ShellScript    Skipped
Failure Strategy: All Errors → Mark as Failure
```

Console of `Run export`:

```
01:00:12 Executing command ...
01:00:12 + python -m billing.export --month 2026-04
01:04:10 Traceback (most recent call last):
01:04:10   File "/srv/billing/export.py", line 41, in run
01:04:10 rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (240 seconds)
[... the same for every retry ...]
01:04:11 Command completed with ExitCode (1)
01:04:11 Script execution failed
```

Root cause: the export outgrew the default timeout.
Fix: `job_timeout=3600`.
"""

ISSUE = """## OPS-12 · [INC-82] Imports fail on a locked database

**State:** Done · **Priority:** High · **Labels:** `incident`

### Description

**Postmortem INC-82** · Severity: Medium

The importer logged `sqlite3.OperationalError: database is locked` twice a day.

Things in the same log that are NOT this:
- `sqlite3.OperationalError: no such table: import_runs`: the report query, OPS-15;
- `WARNING retrying import after database is locked`: the retry.

Root cause: VACUUM held the write lock.
Fix: VACUUM moved.

### Sub-issues

- OPS-13 Move the vacuum cron — Done — Marta
- OPS-14 Raise the busy timeout — Done — Marta

### Activity

- **Marta** changed the state to **Done** · Mar 6, 2026 09:12
"""


def _texts(text: str) -> dict[str, list[str]]:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    return {
        i.id: [s if isinstance(s, str) else s["text"] for s in i.symptoms] for i in log.incidents
    }


def test_an_execution_pages_tree_and_runner_lines_are_no_symptoms() -> None:
    (texts,) = _texts(EXECUTION).values()
    assert texts == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (<seconds:num> "
        "seconds)"
    ]


def test_the_console_time_of_day_is_no_part_of_the_symptom() -> None:
    # (without the rule the symptom kept `<n:num>:<n2:int>:<n3:int> ` before the message and
    # matched no log line, which carries its own timestamp)
    (texts,) = _texts(EXECUTION).values()
    assert not any(t[:1].isdigit() or t.startswith("<n") for t in texts)


def test_a_bracketed_elision_with_a_note_is_no_symptom() -> None:
    (texts,) = _texts(EXECUTION).values()
    # (without the rule it became `[<any> the same for every retry`)
    assert not any(t.startswith("[") for t in texts)


def test_sub_issues_before_the_next_heading_are_no_incidents() -> None:
    read = _texts(ISSUE)
    assert list(read) == ["INC-82"]


def test_a_lead_in_that_says_not_this_sets_its_list_aside() -> None:
    assert _texts(ISSUE)["INC-82"] == ["sqlite3.OperationalError: database is locked"]


def test_a_lead_in_that_says_what_follows_is_it_keeps_its_list() -> None:
    kept = ISSUE.replace("Things in the same log that are NOT this:", "Also seen that night:")
    assert "sqlite3.OperationalError: no such table: import_runs" in _texts(kept)["INC-82"]


ROWS = """## INC-83 · Monthly report cancelled by statement_timeout

**Severity:** Low

| Exception Type | Error Message | Count |
|---|---|---|
| psycopg2.errors.QueryCanceled | canceling statement due to statement timeout | 11 |
| psycopg2.errors.QueryCanceled | canceling statement due to user request | 2 |

The second row has the same exception type but it is Ken cancelling a stuck query by hand,
not a timeout, not this incident.

- nightly job failing since the 1st
- postgres side: `ERROR:  canceling statement due to statement timeout`

Root cause: statement_timeout of 30 s on the role.
"""


def test_a_paragraph_that_judges_a_row_above_leaves_the_list_after_it() -> None:
    assert "ERROR: canceling statement due to statement timeout" in _texts(ROWS)["INC-83"]


def test_a_time_led_line_among_a_traceback_stays_a_line_of_its_own() -> None:
    # (one line led by a time is no console's: its time sets it apart from the exception)
    text = EXECUTION.replace("01:00:12 Executing command ...\n", "").replace(
        "01:00:12 + python", "+ python"
    )
    text = text.replace("01:04:10 Traceback", "Traceback").replace("01:04:10   File", "  File")
    text = text.replace("01:04:10 rq.", "rq.").replace("01:04:11 Command", "Command")
    (texts,) = _texts(text).values()
    assert texts[0].endswith("(<seconds:num> seconds)")


THREAD = """## INC-84 · Imports fail on a locked database

**Severity:** Medium

**Symptoms:**
- `sqlite3.OperationalError: database is locked`

careful when grepping: "lock check: database is locked? no" is our pre-check. Neither of them
is the failure

> and "no such table: import_runs" from the report query?
> no, that's the report script's old table name, a separate bug

**Root cause:** VACUUM held the write lock.
"""


def test_a_paragraph_that_judges_without_naming_a_row_still_heads_what_follows() -> None:
    # (the narrowing above is only for a paragraph that names a row or line above it)
    assert _texts(THREAD)["INC-84"] == ["sqlite3.OperationalError: database is locked"]


SCANNED = """## INC-85 · Quote lookups fail

**Severity:** High

**Symptoms:**
- urllib3 then reports:

        urllib3.exceptions.NameResolutionError: HTTPSConnection(host='pricing-api.
        internal',  port=8443):  Failed  to  resolve  'pricing-api.internal'

**Root cause:** a DNS change.
"""


def test_a_spaced_out_line_with_a_status_word_is_no_tree_row() -> None:
    # (a scanned page spaces its words out: `Failed  to  resolve` is the message, not a status
    # column followed by a remark)
    (texts,) = _texts(SCANNED).values()
    assert any("Failed to resolve" in t or "Failed  to  resolve" in t for t in texts)
