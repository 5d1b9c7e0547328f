"""Issue #11, twelfth pass, thirty-seventh round: an issue tracker's ticket printed with its
history, TiddlyWiki tiddlers exported as text, a list item that goes on from the one above
(docs/incident-log-format.md, "Thirty-seventh round", says the rules)."""

from __future__ import annotations

import sys
from pathlib import Path

from matcher.incidents.reader import Incident, compile_incident_log


def _texts(found: Incident) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]


def _ticket(number: int, subject: str, fields: str, history: str) -> str:
    return (
        f"Ticket {number}: {subject}\n\n"
        "    Queue:       Platform\n"
        "    Owner:       oberg\n"
        "    Status:      resolved\n"
        "    Priority:    50/0\n"
        f"{fields}\nHistory:\n\n{history}\n---\n\n"
    )


_FIELDS = "    CF.{Postmortem}:  INC-81\n    CF.{Severity}:  Low\n"
_HISTORY = (
    "Mon Mar 02 09:10:00 2026  ops - Ticket created\n"
    "    The search rebuild has not moved since 08:40.\n\n"
    "Mon Mar 02 09:30:12 2026  ikern - Correspondence added by ikern\n"
    "    Indexer output:\n\n"
    "        Traceback (most recent call last):\n"
    '          File "indexer.py", line 12, in flush\n'
    "        OSError: [Errno 28] No space left on device\n\n"
    "    It gave up after the third batch.\n\n"
    "Mon Mar 02 10:05:00 2026  ikern - Status changed from 'open' to 'resolved' by ikern\n"
)


def test_a_printed_ticket_is_the_incident_its_custom_field_names() -> None:
    text = "# RT print\n\n" + _ticket(51234, "Search rebuild stuck", _FIELDS, _HISTORY)
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    # (the tracker's own number is no incident's id; the subject is the title)
    assert (found.id, found.title, found.severity) == ("INC-81", "Search rebuild stuck", "low")
    assert _texts(found) == ["OSError: [Errno 28] No space left on device"]


def test_a_ticket_with_no_id_of_its_own_is_left_as_it_is() -> None:
    text = "# RT print\n\n" + _ticket(51235, "Search rebuild stuck", "", _HISTORY)
    assert not compile_incident_log(text, "pm.md").incidents


def test_a_log_line_in_an_entry_ends_before_the_prose_below_it() -> None:
    history = (
        "Mon Mar 02 09:10:00 2026  ops - Ticket created\n"
        "    Orders page down.\n\n"
        "Mon Mar 02 09:12:00 2026  ikern - Correspondence added by ikern\n"
        "    nginx: [error] *N connect() failed (111: Connection refused) while connecting\n"
        "    Upstream was a pod that was not ready yet.\n\n"
    )
    text = "# RT print\n\n" + _ticket(51236, "Orders 502", _FIELDS, history)
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert _texts(found) == ["[error] connect() failed (111: Connection refused) while connecting"]


def test_the_bench_split_finds_each_ticket_under_its_incident() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from postmortem_split import split_incidents

    second = _FIELDS.replace("INC-81", "INC-82")
    text = "# RT print\n\n" + _ticket(1, "A thing", _FIELDS, _HISTORY)
    text += _ticket(2, "B thing", second, _HISTORY)
    cut = split_incidents(text, ["INC-81", "INC-82"])
    assert cut["INC-81"] and "## INC-81: A thing" in cut["INC-81"].text
    assert "INC-82" not in cut["INC-81"].text
    assert cut["INC-82"] and "## INC-82: B thing" in cut["INC-82"].text


def _tiddler(title: str, fields: str, body: str) -> str:
    return (
        f"title: {title}\ncreated: 20260302091000000\nmodified: 20260303101500123\n"
        f"{fields}type: text/vnd.tiddlywiki\n\n{body}\n---\n\n"
    )


_BODY = (
    "!! Summary\n"
    "''Severity:'' Low \u00b7 owner [[Ola Berg]] \u00b7 status <<status resolved>>\n\n"
    "!! Symptoms\n"
    "The indexer's //last// lines:\n\n"
    "{{{\n"
    "2026-03-02 08:40:01 INFO indexer: batch 12 start\n"
    "OSError: [Errno 28] No space left on device\n"
    "}}}\n\n"
    "!! Root cause\n"
    'The disk filled up, see [[Disk alerts|Runbook: disks]] and <<jira "OPS-12">>.\n'
)


def test_a_tiddler_is_the_incident_its_fields_name() -> None:
    text = '# Wiki export\n\n<<list-links filter:"[tag[Postmortem]]">>\n\n---\n\n'
    text += _tiddler("INC-83 search rebuild stuck", "tags: Postmortem\nincident: INC-83\n", _BODY)
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    # (the title without the id it opens with; the severity in the text's ''bold'' label)
    assert (found.id, found.title, found.severity) == ("INC-83", "search rebuild stuck", "low")
    assert _texts(found) == ["OSError: [Errno 28] No space left on device"]


def test_a_tiddlers_severity_tag_is_its_severity() -> None:
    body = "!! Symptoms\n{{{\nOSError: [Errno 28] No space left on device\n}}}\n"
    text = _tiddler("INC-86 disk full", "tags: Postmortem [[Severity Critical]]\n", body)
    (found,) = compile_incident_log("# Wiki\n\n" + text, "pm.md").incidents
    assert (found.id, found.severity) == ("INC-86", "critical")


def test_a_tiddlers_numbered_items_are_no_headings() -> None:
    body = "! Symptoms\n# the indexer said `OSError: [Errno 28] No space left on device`\n"
    text = _tiddler("INC-84 search rebuild stuck", "severity: low\n", body)
    (found,) = compile_incident_log("# Wiki\n\n" + text, "pm.md").incidents
    assert (found.id, found.title) == ("INC-84", "search rebuild stuck")
    assert _texts(found) == ["OSError: [Errno 28] No space left on device"]


def test_a_list_item_that_goes_on_with_then_is_read_without_it() -> None:
    text = (
        "## INC-85: Thumbnails stopped\n\n**Severity:** Low\n\n**What we saw**\n"
        "- Every worker logged `OSError: [Errno 24] Too many open files: '/var/t/1.png'`\n"
        "- then cannot open socket to image store: [Errno 24] Too many open files\n"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert "cannot open socket to image store: [Errno 24] Too many open files" in _texts(found)


def test_a_tiddlers_markdown_fence_keeps_its_lines_as_pasted() -> None:
    body = (
        "!! Symptoms\n```\n# the worker's own banner, no heading\n"
        "OSError: [Errno 28] No space left on device\n```\n"
    )
    text = _tiddler("INC-87 disk full", "severity: low\n", body)
    (found,) = compile_incident_log("# Wiki\n\n" + text, "pm.md").incidents
    assert (found.id, found.title) == ("INC-87", "disk full")
    assert _texts(found) == ["OSError: [Errno 28] No space left on device"]
