"""Issue #11, twelfth pass, fortieth round: tracker exports whose story goes on after the
severity on its line, and an unquoted message whose sentence goes on with what the process was
doing or what the author did with it. docs/incident-log-format.md, "Fortieth round", says the
rules."""

from __future__ import annotations

import sys
from pathlib import Path

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_STORY = "### #18800412 \u00b7 INC-93: {title}\n\n- **Story type:** bug\n- **Points:** 1\n\n"


def test_the_story_after_a_severity_on_its_line_is_read() -> None:
    text = _STORY.format(title="Mailer out of memory") + (
        "**Description**\n"
        "Severity: High. mail-renderer died with FATAL ERROR: Ineffective mark-compacts near heap"
        " limit Allocation failed\n"
        "while rendering the monthly digest; nobody got a digest on Monday.\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (incident,) = log.incidents
    assert incident.severity == "high"
    found = ["FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed"]
    assert [s if isinstance(s, str) else s["text"] for s in incident.symptoms] == found


def test_the_story_after_a_severity_names_its_line() -> None:
    text = _STORY.format(title="Mailer out of memory") + (
        "**Description**\n"
        "Severity: low. The bounce job logged OSError: [Errno 28] No space left on device\n"
    )
    (incident,) = compile_incident_log(text, "pm.md").incidents
    assert incident.severity == "low"
    assert [s.location.line for s in incident.sources] == [7]


def test_a_severity_value_of_its_own_is_kept_whole() -> None:
    text = _STORY.format(title="Mailer out of memory") + (
        "Severity: High (customer-facing). Digest not sent.\n\n"
        "App log: `MemoryError: cannot allocate digest buffer`\n"
    )
    (incident,) = compile_incident_log(text, "pm.md").incidents
    assert incident.severity == "high"
    assert [s.quote for s in incident.sources] == ["MemoryError: cannot allocate digest buffer"]


def test_what_the_process_was_doing_after_a_long_message_is_prose() -> None:
    text = _STORY.format(title="Importer") + (
        "Severity: Medium\n\n"
        "The importer died with MemoryError: cannot allocate 512 MiB for the row buffer while"
        " loading the nightly catalogue.\n"
    )
    assert _texts(text) == ["MemoryError: cannot allocate <mib:datasize> for the row buffer"]


def test_a_short_message_keeps_its_while_clause() -> None:
    text = _STORY.format(title="Orders not saved") + (
        "Severity: Medium\n\n"
        "Checkout failed with RollbackException: Error while committing the transaction\n"
    )
    assert _texts(text) == ["RollbackException: Error while committing the transaction"]


def test_what_the_author_grepped_it_for_is_no_part_of_it() -> None:
    text = _STORY.format(title="Workers killed") + (
        "Severity: Low\n\n"
        "- **Ana** \u00b7 2:10 \u2014 grep CRITICAL WORKER TIMEOUT (pid:NNNN) to count them, there"
        " were 9 yesterday\n"
    )
    assert _texts(text) == ["CRITICAL WORKER TIMEOUT (pid:<n:int>)"]


_SHEET = (
    "# Incidents, pasted from the sheet\n\n"
    "Incident ID\tDate\tSeverity\tLog line\tRoot cause\tFix\n"
    'INC-94\t2026-04-02\tHigh\t"ERROR nightly export failed\n'
    'OSError: [Errno 28] No space left on device"\tdisk full\t"- bigger disk\n'
    '- alert at 80%"\n'
    "INC-95\t2026-04-03\tLow\tredis.exceptions.ConnectionError: Error 111 connecting\tdown"
    "\trestarted\n\n"
    "Notes\n\n"
    "Incident ID\tLine people argued about\tVerdict\n"
    "INC-94\tOSError: [Errno 30] Read-only file system\tnot it\n"
)


def test_a_pasted_sheets_rows_are_incidents() -> None:
    log = compile_incident_log(_SHEET, "pm.md")
    assert not log.problems, log.problems
    found = {i.id: (i.severity, list(i.symptoms)) for i in log.incidents}
    assert found == {
        "INC-94": ("high", ["OSError: [Errno 28] No space left on device"]),
        "INC-95": ("low", ["redis.exceptions.ConnectionError: Error 111 connecting"]),
    }
    assert [s.location.line for s in log.incidents[0].sources][-1] == 4


def test_a_sheets_cells_are_its_fields() -> None:
    (first, _) = compile_incident_log(_SHEET, "pm.md").incidents
    assert (first.date, first.root_cause) == ("2026-04-02", "disk full")
    assert first.resolution == "bigger disk\nalert at 80%"


def test_the_bench_cuts_a_sheets_row_with_its_header() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from postmortem_split import split_incidents

    cut = split_incidents(_SHEET, ["INC-94", "INC-95"])
    for incident in ("INC-94", "INC-95"):
        found = cut[incident]
        assert found is not None
        log = compile_incident_log(found.text, "pm.md")
        assert [i.id for i in log.incidents] == [incident], log.problems
