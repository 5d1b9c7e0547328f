"""Issue #11, twelfth pass, thirty-fifth round: a deploy server's task log and a log server's
search, pasted (docs/incident-log-format.md, "Thirty-fifth round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_SEVERITY = "**Severity:** Low\n\n"


def test_an_octopus_task_log_reads_as_the_steps_output() -> None:
    text = (
        "## INC-61 \u2014 cache warm-up\n\n" + _SEVERITY + "```\n"
        "Task ID:        ServerTasks-501\n"
        "Task status:    Failed\n\n"
        "                    |   == Failed: Step 2: Warm cache ==\n"
        "09:00:03   Fatal    |     The step failed: Activity Warm cache on web-1 failed with"
        " error 'The remote script failed with exit code 1'.\n"
        "                    |\n"
        "09:00:01   Info     |       Executing script on 'web-1'\n"
        "09:00:02   Error    |       Traceback (most recent call last):\n"
        '09:00:02   Error    |         File "/srv/warm.py", line 9, in main\n'
        "09:00:02   Error    |       OSError: [Errno 28] No space left on device\n"
        "09:00:03   Error    |       The remote script failed with exit code 1\n"
        "09:00:03   Fatal    |       The action Warm cache on web-1 failed\n```\n"
    )
    assert _texts(text) == ["OSError: [Errno 28] No space left on device"]


def test_an_app_line_inside_an_octopus_step_keeps_its_own_level() -> None:
    text = (
        "## INC-62 \u2014 import\n\n" + _SEVERITY + "```\n"
        "10:00:01   Info     |       2026-01-02 10:00:01,100 INFO [imp] batch 3 started\n"
        "10:00:02   Info     |       2026-01-02 10:00:02,200 ERROR [imp] batch 3 failed:"
        " disk quota exceeded\n"
        "10:00:03   Error    |       The remote script failed with exit code 1\n```\n"
    )
    found = _texts(text)
    assert len(found) == 1 and found[0].endswith("batch <batch:int> failed: disk quota exceeded")
    assert "Info |" not in found[0] and "remote script" not in found[0], found


def test_seq_rows_levels_read_as_log_levels_and_the_search_is_no_symptom() -> None:
    text = (
        "## INC-63 \u2014 payments\n\n" + _SEVERITY + "```\n"
        "@Level = 'Error' and @Message like '%quota%'\n```\n\n```\n"
        "05 Jan 2026 10:00:02.120  Error        payment export failed: disk quota exceeded\n"
        "05 Jan 2026 10:00:01.010  Information  quota check: disk quota exceeded? no\n```\n"
    )
    assert _texts(text) == ["ERROR payment export failed: disk quota exceeded"]


def test_a_seq_events_exception_is_the_programs_and_its_properties_are_not() -> None:
    text = (
        "## INC-64 \u2014 sync\n\n" + _SEVERITY + "```\n"
        "@Timestamp        2026-01-05T10:00:02.1200000Z\n"
        "@MessageTemplate  cannot sync {Feed}\n"
        "Feed              prices\n"
        "@Exception        Traceback (most recent call last):\n"
        '                    File "/srv/sync.py", line 4, in run\n'
        "                  sqlite3.OperationalError: database is locked\n```\n"
    )
    assert _texts(text) == ["sqlite3.OperationalError: database is locked"]


def test_a_symptom_written_as_a_template_takes_the_pasted_line_it_stands_for() -> None:
    text = (
        "## INC-65 \u2014 settlement\n\n" + _SEVERITY + "```\n"
        "ERROR:  deadlock detected\n"
        "DETAIL:  Process 401 waits for ShareLock on transaction 77; blocked by process 402.\n"
        "Process 402 waits for ShareLock on transaction 78; blocked by process 401.\n```\n\n"
        "**Error line:** the cycle's second line, "
        '"Process N waits for ShareLock on transaction T; blocked by process M."\n'
    )
    assert _texts(text) == [
        "Process <process:int> waits for ShareLock on transaction <transaction:int>;"
        " blocked by process <process2:int>"
    ]
