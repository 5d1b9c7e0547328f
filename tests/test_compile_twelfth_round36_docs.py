"""Issue #11, twelfth pass, thirty-sixth round: a service desk's ticket printed with its thread,
an XWiki page's macros, a toggle that folds away what is not the incident
(docs/incident-log-format.md, "Thirty-sixth round", says the rules)."""

from __future__ import annotations

from compile_helpers import incidents_of
from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_RULE = "=" * 60 + "\n"
_LINE = "-" * 60 + "\n"


def _ticket(number: int, head: str, thread: str) -> str:
    return f"{_RULE}Ticket #{number}\n{head}{_LINE}{thread}\n"


_HEAD = (
    "Subject:        Search index rebuild stuck\n"
    "Status:         Closed                     Name:          Ola Berg\n"
    "Priority:       High                       Department:    Platform\n"
    "SLA Plan:       Sev-2 (8 hours)            Postmortem Ref: INC-81\n"
    "Severity:       High\n"
)
_THREAD = (
    "Posted by Ola Berg on 03/02/26 9:10 AM\n"
    "  The rebuild has not moved since 08:40.\n\n"
    "Posted by Ivo Kern on 03/02/26 9:30 AM  [Internal Note]\n"
    "  Indexer log for each batch:\n"
    "      indexer: batch 12 failed: OSError: [Errno 28] No space left on device\n"
    "  Attachments: indexer.log (3 kb)\n\n"
    "Posted by Ivo Kern on 03/02/26 10:05 AM  [Response]\n"
    "  Disk cleaned, rebuild done.\n"
    "  Status changed from Open to Closed by Ivo Kern.\n"
)


def test_a_printed_ticket_is_the_incident_its_postmortem_reference_names() -> None:
    text = "# Desk tickets\n\n" + _ticket(4410, _HEAD, _THREAD)
    log = compile_incident_log(text, "desk.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-81" and found.title == "Search index rebuild stuck"
    texts = [s if isinstance(s, str) else s["text"] for s in found.symptoms]
    assert any("No space left on device" in t for t in texts), texts
    assert not any("Attachments" in t or "indexer.log" in t for t in texts), texts


def test_a_ticket_without_a_reference_field_takes_the_id_its_subject_names() -> None:
    head = _HEAD.replace("Postmortem Ref: INC-81", "Help Topic:    Outage").replace(
        "Subject:        Search index rebuild stuck",
        "Subject:        [INC-82] Search index rebuild stuck",
    )
    text = "# Desk tickets\n\n" + _ticket(4411, head, _THREAD)
    assert list(incidents_of(text)) == ["INC-82"]


def test_two_tickets_are_two_incidents_not_the_desks_numbers() -> None:
    other = _HEAD.replace("INC-81", "INC-83").replace("Search index", "Mail queue")
    text = "# Desk tickets\n\n" + _ticket(4410, _HEAD, _THREAD) + _ticket(4412, other, _THREAD)
    assert list(incidents_of(text)) == ["INC-81", "INC-83"]


def test_unquoted_log_text_ends_at_its_line_before_a_sentence_about_something_else() -> None:
    thread = (
        "Posted by Ola Berg on 03/02/26 9:10 AM\n"
        "  Uploads fail.\n\n"
        "Posted by Ivo Kern on 03/02/26 9:30 AM  [Response]\n"
        "  Confirmed. nginx logs, for each one: [error] client intended to send too large body:"
        " 2097152 bytes\n"
        "  The 200s for small files in the access log are fine.\n\n"
        "Posted by Ivo Kern on 03/02/26 9:40 AM\n"
        "  Limit raised.\n"
    )
    text = "# Desk tickets\n\n" + _ticket(4413, _HEAD, thread)
    found = _texts(text)
    assert any("client intended to send too large body" in t for t in found), found


def test_same_for_the_flood_of_a_text_after_a_semicolon_shares_the_verdict() -> None:
    thread = (
        "Posted by Ola Berg on 03/02/26 9:10 AM\n"
        "  Events stopped.\n\n"
        "Posted by Ivo Kern on 03/02/26 9:30 AM  [Internal Note]\n"
        "  Producer log: KafkaTimeoutError: Failed to update metadata after 60.0 secs.\n"
        "  The `Bootstrap failed` line is a different message, not what we count; same for the\n"
        "  flood of `KafkaConnectionError: 111 ECONNREFUSED` reconnect lines.\n\n"
        "Posted by Ivo Kern on 03/02/26 9:40 AM\n"
        "  Fixed.\n"
    )
    found = _texts("# Desk tickets\n\n" + _ticket(4414, _HEAD, thread))
    assert not any("ECONNREFUSED" in t for t in found), found
    assert any("Failed to update metadata" in t for t in found), found


_XWIKI = (
    "# INC-84 Exports fail\n\n**Severity:** Low\n\n## What we saw\n\n"
    "The export worker logged:\n\n"
    '{{code language="none"}}\n'
    "2026-03-01 10:00:01,200 ERROR export 7 failed: disk quota exceeded\n"
    "{{/code}}\n\n"
    "{{warning}}\n"
    "The line `quota check: disk quota exceeded? no` is the pre-run check saying no, not an"
    " error.\n"
    "{{/warning}}\n"
)


def test_an_xwiki_code_macro_is_a_code_block_its_closing_macro_no_part_of_the_line() -> None:
    found = _texts(_XWIKI)
    assert found == ["ERROR export <export:num> failed: disk quota exceeded"], found


def test_an_xwiki_box_macros_verdict_sets_its_own_text_aside() -> None:
    found = _texts(_XWIKI)
    assert not any("quota check" in t for t in found), found


def _toggled(summary: str) -> str:
    return (
        "# INC-85 Report builder crashed\n\n**Severity:** High\n\n## Symptoms\n"
        "- report-builder died with `FATAL ERROR: Reached heap limit Allocation failed`\n\n"
        f"<details>\n<summary>{summary}</summary>\n\n"
        "- `TypeError: totals is undefined` in the same logs \u2013 the template bug from"
        " REP-9\n"
        "</details>\n\n## Root cause\nAll rows loaded at once.\n"
    )


def test_a_toggle_whose_summary_says_not_related_sets_its_items_aside() -> None:
    found = _texts(_toggled("\u25b8 Things that looked related but were not"))
    assert found == ["FATAL ERROR: Reached heap limit Allocation failed"], found


def test_a_toggle_of_pasted_logs_is_read_as_before() -> None:
    found = _texts(_toggled("\u25b8 Pasted logs"))
    assert any("TypeError: totals is undefined" in t for t in found), found
