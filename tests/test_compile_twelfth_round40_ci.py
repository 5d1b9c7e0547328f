"""Issue #11, twelfth pass, fortieth round: CI pages and error trackers' pages the matcher read
without their ids or with the tool's own lines as symptoms (a CI triager's note that opens with
the id, an error tracker's issue page under its key, Zipkin's trace view, GoCD's console and
materials, V8's GC trace). docs/incident-log-format.md, "Fortieth round", says the rules."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_HEAD = "## INC-93 \u00b7 {title}\n\nSeverity: High \u00b7 2026-05-06\n\n"


def _build(name: str, triage: str) -> str:
    return (
        f"## {name} \u00b7 Build #41 \u00b7 \u274c Failed\n\n"
        "```\n+++ :python: smoke\n"
        "2026-05-06 10:01:02,003 ERROR [ledger] flush failed: DiskFullError: volume /data full\n"
        "```\n\n"
        f"**Triage (Lio):** {triage}\n"
    )


def test_a_triage_note_that_opens_with_the_id_names_the_builds_incident() -> None:
    text = "# CI review\n\n" + _build("ledger", "INC-41, the ledger volume again.")
    text += "\n" + _build("billing", "INC-42 \u2014 same disk, other service.")
    log = compile_incident_log(text, "review.md")
    assert [i.id for i in log.incidents] == ["INC-41", "INC-42"]
    # (a note that denies the id names no incident: the build stays no incident's)
    denied = "# CI review\n\n" + _build("ledger", "not INC-41, a fresh bug.")
    assert not compile_incident_log(denied, "review.md").incidents


_ISSUE = (
    "## {key}\n\n"
    "**DiskFullError: volume /data full**\n"
    "culprit: `ledger.flush in write_batch`\n"
    "Handled: yes \u00b7 Events: 312 \u00b7 First seen: May 6, 2026 10:01 \u00b7 Last seen: May 6,"
    " 2026 10:40\n\n"
    "**Tags:**\n- environment: production\n\n"
    "**Activity**\n\n"
    "- **Lio Marsh** \u00b7 May 6, 10:05 \u2014 {link}. The flush job printed"
    " `ERROR [ledger] batch 7 not written: No space left on device` too.\n"
    "- **Ana Ruiz** \u00b7 May 6, 10:09 \u2014 the `TimeoutError: lock not acquired` events"
    " merged here are another issue.\n"
)


def test_an_error_trackers_issue_under_its_key_is_the_incident_its_activity_links() -> None:
    for link in ("Linked to INC-51", "INC-51"):
        log = compile_incident_log(_ISSUE.format(key="LEDGER-API-3F", link=link), "issues.md")
        assert not log.problems, log.problems
        ((found),) = log.incidents
        assert found.id == "INC-51"
        texts = [s if isinstance(s, str) else s["text"] for s in found.symptoms]
        # (the title and the first comment; not the figures, nor a later comment's events)
        assert texts == [
            "DiskFullError: volume <path> full",
            "ERROR batch <batch:int> not written: No space left on device",
        ]


def test_an_incidents_own_heading_is_not_taken_for_a_trackers_key() -> None:
    # (an incident's bare id over a section that links another incident keeps its own id)
    text = _ISSUE.format(key="INC-50", link="Linked to INC-51")
    assert [i.id for i in compile_incident_log(text, "issues.md").incidents] == ["INC-50"]


def test_zipkins_trace_summary_and_span_list_are_no_symptoms() -> None:
    text = _HEAD.format(title="Ledger writes fail") + (
        "**Trace `5e1f0a9c2b7d4e83`** \u2014 `Duration: 2.310s  Services: 2  Depth: 2  Total"
        " Spans: 3`\n\n```\n"
        "api            POST /ledger/batch                 2.310s\n"
        "  ledger       write-batch       [error]          2.288s\n"
        "  ledger       notify                             \u2014  (never finished)\n```\n\n"
        "- Annotations: `Server Start` 0.001s \u00b7 `Server Finish` 2.300s\n"
        "- Tag `error`: `DiskFullError: volume /data full`\n"
    )
    assert _texts(text) == ["DiskFullError: volume <path> full"]


def test_gocds_console_materials_and_config_are_the_servers() -> None:
    text = _HEAD.format(title="Ledger writes fail") + (
        "`ledger-nightly/88/flush/1 \u00b7 Failed` \u2014 job `flush`\n\n"
        "Materials:\n```\n"
        "Git: git@git.internal:shop/ledger.git  Branch: main\n"
        "  Revision: 9c1e0a7b  modified by Lio Marsh on 2026-05-06 09:58\n"
        '  "batch size 5000"\n'
        "Pipeline: ledger-build/311\n```\n\n"
        "Console:\n```\n"
        '[go] Start to execute task: <exec command="./flush" ></exec>.\n'
        "2026-05-06 10:01:02,003 ERROR [ledger] flush failed: DiskFullError: volume /data full\n"
        "[go] Task status: failed (2210 ms) (exit code: 1)\n"
        "[go] Current job status: failed\n```\n\n"
        "cruise-config.xml:\n```xml\n"
        '<stage name="flush">\n  <jobs><job name="flush"><tasks>\n'
        '    <exec command="./flush" />\n  </tasks></job></jobs>\n</stage>\n```\n'
    )
    assert _texts(text) == ["ERROR flush failed: DiskFullError: volume <path> full"]


def test_v8s_gc_trace_over_its_fatal_error_is_no_symptom() -> None:
    text = _HEAD.format(title="Report OOM") + (
        "```\n$ node --max-old-space-size=24 dist/build.js\n"
        "[2026-05-06T10:01:02.004Z] INFO report-builder: building report 7\n\n"
        "<--- Last few GCs --->\n\n"
        "[4411:0x5b2e1c0]      812 ms: Mark-Compact 60.1 (75.0) -> 59.8 (76.0) MB, 88.10 /"
        " 0.00 ms  (average mu = 0.210, current mu = 0.190) allocation failure; scavenge might"
        " not succeed\n\n<--- JS stacktrace --->\n\n"
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n```\n"
    )
    found = ["FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"]
    assert _texts(text) == found
