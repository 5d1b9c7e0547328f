"""Issue #11, twelfth pass, thirty-sixth round (lead): an error written after a verb of saying
and how often, a verdict label over a list parted by semicolons, and what the thing it set aside
says (docs/incident-log-format.md, "Thirty-sixth round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_HEAD = "## INC-71 \u2014 uploads\n\n**Severity:** Low\n\n"


def test_an_error_after_a_verb_of_saying_and_how_often_is_read() -> None:
    text = _HEAD + (
        "**Symptoms:**\n"
        "* Big images got a 413.\n"
        "* nginx wrote for each one: client intended to send too large body: 5242880 bytes\n"
    )
    assert _texts(text) == ["client intended to send too large body: <bytes:datasize>"]


def test_a_verb_of_saying_in_kurmanji_before_the_colon_is_read() -> None:
    text = _HEAD + (
        "**Nîşan:**\n"
        "* nginx ji bo her yekê nivîsand: client intended to send too large body: 2097152 bytes\n"
    )
    assert _texts(text) == ["client intended to send too large body: <bytes:datasize>"]


def test_a_verdict_label_over_a_list_parted_by_semicolons_sets_aside_each() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "```\nsqlite3.OperationalError: database is locked\n"
        "sqlite3.OperationalError: no such table: import_runs\n```\n\n"
        "Error line: `sqlite3.OperationalError: database is locked`.\n"
        "Not it (Ana checked each): the `retrying import after database is locked` WARNING,"
        " our retry; and `no such table: import_runs`, which is the old report query.\n"
    )
    assert _texts(text) == ["sqlite3.OperationalError: database is locked"]


def test_a_list_parted_by_semicolons_under_a_label_that_denies_nothing_stands() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "Seen: the `sqlite3.OperationalError: database is locked` line, each run; and"
        " `no such table: import_runs`, from the report query.\n"
    )
    found = _texts(text)
    assert "no such table: import_runs" in found and len(found) == 2, found


def test_what_the_thing_a_verdict_label_set_aside_says_is_set_aside() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "Error line: `psycopg2.errors.QueryCanceled: canceling statement due to statement"
        " timeout`.\n\n"
        "Not it: the second row, `report query cancelled`. Its exception is"
        " `QueryCanceled: canceling statement due to user request`. That was Ana killing"
        " the rerun by hand.\n"
    )
    assert _texts(text) == [
        "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"
    ]


def test_what_a_row_says_stands_when_no_verdict_label_came_before() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "The failing row is the nightly report. Its exception is"
        " `QueryCanceled: canceling statement due to statement timeout`.\n"
    )
    assert _texts(text) == ["QueryCanceled: canceling statement due to statement timeout"]


def test_a_chinese_full_stop_ends_the_sentence_a_verdict_is_in() -> None:
    text = _HEAD + (
        "**症状：**\n\n"
        "`OSError: [Errno 28] No space left on device` 是这次的错误。"
        "`OperationalError: database or disk is full` 不是这次的问题，是另一个事故。\n"
    )
    assert _texts(text) == ["OSError: [Errno 28] No space left on device"]


def test_a_devanagari_danda_ends_the_sentence_a_verdict_is_in() -> None:
    text = _HEAD + (
        "**लक्षण:**\n\n"
        "`OSError: [Errno 28] No space left on device` असली त्रुटि थी। "
        "`OperationalError: database or disk is full` इस घटना से संबंधित नहीं है।\n"
    )
    assert _texts(text) == ["OSError: [Errno 28] No space left on device"]


def test_a_class_named_after_a_word_no_sentence_ends_on_goes_on_with_the_sentence() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "> FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n\n"
        'Other lines in the same log \u2014 "RangeError: Maximum call stack size exceeded"'
        " from a template helper, a\n"
        'MaxListenersExceededWarning ("Possible EventEmitter memory leak detected"), and an'
        " INFO\n"
        '"heap used 300 MB, ok" \u2014 were reviewed and are not related to this failure.\n'
    )
    assert _texts(text) == [
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    ]


def test_a_class_pasted_on_its_own_line_after_a_full_sentence_stays_a_line_of_its_own() -> None:
    text = _HEAD + (
        "**Symptoms:**\n\n"
        "The worker died with this.\n"
        "RangeError: Maximum call stack size exceeded\n"
        "The warning after it is not related.\n"
    )
    assert _texts(text) == ["RangeError: Maximum call stack size exceeded"]


def test_a_log_files_name_with_a_postposition_after_it_labels_the_text() -> None:
    for said in ("nginx error.log \u306b", "nginx error.log'da", "\u05d0\u05d9\u05df error.log"):
        text = _HEAD + (
            f"**Symptoms:**\n* {said}: client intended to send too large body: 2483117 bytes\n"
        )
        assert _texts(text) == ["client intended to send too large body: <bytes:datasize>"], said
