"""Issue #11, twelfth pass, thirty-ninth round: boards, log-search pages and ticket leftovers
(a whiteboard's sticky notes read by their legend's colours; a `Not counted:` label and a head
whose lines `look related but are not`; a class and its message parted by a comma; a ticket's
paragraph whose quoted field is in a later sentence). docs/incident-log-format.md,
"Thirty-ninth round", says the rules."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_HEAD = "## INC-92 \u00b7 {title}\n\nSeverity: High \u00b7 2026-04-11\n\n"


def _board(stickies: str) -> str:
    return (
        "# Ops retro board\n\n"
        "Legend: orange = symptoms, purple = cause, teal = fix, red = actions,"
        ' grey = "seen, not it".\n\n'
        "## Frame: INC-92 \u2014 Search index stuck\n\n"
        "### [card] Incident summary\n- **Incident ID:** INC-92\n- **Severity:** High\n\n"
        f"### Stickies\n{stickies}\n"
        "### Connectors\n"
        '- [sticky, purple] "shard moved" \u2192 [sticky, orange] "index read-only"\n'
    )


_STICKIES = (
    "- [sticky, orange] indexer: ClusterBlockException: index [orders] blocked by:"
    " [FORBIDDEN/12/index read-only] \u2014 *Ana Ruiz*\n"
    '- [sticky, orange] bulk writer: could not write batch to "orders-v3": disk watermark'
    " exceeded \u2014 *Ana Ruiz*\n"
    "- [sticky, grey] node stats: low disk watermark [85%] exceeded on node-4 \u2014 *Li Wei*\n"
    "- [sticky, purple] shard moved to a full node after the resize \u2014 *Li Wei*\n"
    "- [sticky, teal] watermark raised, block lifted by hand \u2014 *Ana Ruiz*\n"
    "- [sticky, red] alert: indexer lag over 5 min \u2014 *Ana Ruiz*\n"
)


def test_a_whiteboards_stickies_are_read_by_their_legends_colours() -> None:
    found = _texts(_board(_STICKIES))
    assert found == [
        "ClusterBlockException: index [orders] blocked by:"
        " [FORBIDDEN/<forbidden:num>/index read-only]",
        'could not write batch to "orders-v3": disk watermark exceeded',
    ]


def test_a_whiteboards_fix_and_action_colours_give_the_resolution_and_follow_ups() -> None:
    (incident,) = compile_incident_log(_board(_STICKIES), "board.md").incidents
    assert "block lifted by hand" in incident.resolution
    assert any("indexer lag" in item for item in incident.action_items)


def test_a_stickys_signature_is_no_part_of_its_log_text() -> None:
    # (without the legend, a sticky's colour says nothing; its author's name still goes)
    one = (
        "- [sticky, orange] cp: error writing '/mnt/snap/seg.bin': No space left on device"
        " \u2014 *Li Wei*\n"
    )
    board = _board(one + _STICKIES).replace("Legend:", "Colours we used:")
    found = _texts(board)
    assert "error writing '<path>': No space left on device" in found
    assert not any("Li Wei" in t for t in found)


def test_a_not_counted_label_sets_aside_each_log_text_it_lists() -> None:
    text = _HEAD.format(title="Sessions lost") + (
        "The app logged `SessionStoreError: write refused (quota)` on every login.\n\n"
        'Not counted: the warning "store at 95%; write refused errors expected", which is'
        " our own forecast, and a `SessionStoreError: key too long` from the admin tool"
        " (an old bug).\n"
    )
    assert _texts(text) == ["SessionStoreError: write refused (quota)"]


def test_a_head_whose_lines_look_related_but_are_not_sets_its_bullets_aside() -> None:
    text = _HEAD.format(title="Queue full") + (
        "Every publish failed with `QueueFullError: queue jobs is at capacity (5000)`.\n\n"
        "Lines in `worker-logs` that look related but are not:\n"
        "- `QueueTimeoutError: no consumer for 30s` \u2014 the nightly pause.\n"
        "- `retry budget spent on queue jobs` \u2014 the retry wrapper talking.\n"
    )
    assert _texts(text) == ["QueueFullError: queue jobs is at capacity (<capacity:int>)"]


def test_a_short_denial_then_the_line_told_in_words_sets_it_aside() -> None:
    text = _HEAD.format(title="Export failed") + (
        'The exporter raised "IOError: [Errno 5] Input/output error" and stopped.\n\n'
        "One thing that looks like it but isn't: the cleanup afterwards failed with"
        " `PermissionError: [Errno 13] Permission denied`, that's the lock file.\n"
    )
    assert _texts(text) == ["IOError: [Errno 5] Input/output error"]
    # (what is denied is another thing it looked like: the log text is the incident's)
    typo = text.replace(
        "One thing that looks like it but isn't:", "The next line looked like a typo but isn't:"
    )
    assert _texts(typo)[1:] == ["PermissionError: [Errno 13] Permission denied"]


def test_a_class_and_its_message_parted_by_a_comma_are_one_log_text() -> None:
    text = _HEAD.format(title="Pricing down") + (
        "Quote service: aiohttp ClientConnectorError, Cannot connect to host"
        " prices.internal:443 ssl:default. Retries did not help.\n"
    )
    assert _texts(text) == [
        "ClientConnectorError: Cannot connect to host <host>:<port:int> ssl:default"
    ]
    # (a list of classes is no class and its message)
    listed = _HEAD.format(title="Pricing down") + (
        "We saw ConnectionError, TimeoutError and KeyError in the worker, and"
        " `BrokenPipeError: [Errno 32] Broken pipe` on the writer.\n"
    )
    assert _texts(listed) == ["BrokenPipeError: [Errno 32] Broken pipe"]


def test_a_line_whose_quoted_value_is_in_a_later_sentence_is_not_read_whole() -> None:
    text = _HEAD.format(title="Billing down") + (
        "The worker died with OSError: [Errno 24] Too many open files. We raised the limit."
        " The billing side failed the same way: redis.exceptions.ConnectionError: could not"
        ' reach host "billing-cache" on port 6379: Too many open files\n'
    )
    assert _texts(text) == [
        "OSError: [Errno 24] Too many open files",
        'redis.exceptions.ConnectionError: could not reach host "<host>" on port <port:int>:'
        " Too many open files",
    ]
