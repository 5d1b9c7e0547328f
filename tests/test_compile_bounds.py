"""Where log text in a postmortem begins and ends, third pass (issue #11): a sentence that
opens with "Not …"/"No …" or says "that was …" about a quote, quote marks and sentence ends
as the edges of unquoted log text, a class without its message, prose after a repr, and a
C call that failed written in a sentence (docs/incident-log-format.md). The log lines are real
(tests/data/postmortems/logs/, made by running the software)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, incident, symptoms_of

from matcher.incidents.reader import parse_incident_log


@pytest.mark.parametrize(
    "bullet",
    [
        '* Broker was reachable. Not KafkaConnectionError ("Connection refused") this time.',
        '* No WRONGTYPE ("Operation against a key holding the wrong kind of value") either.',
        "* Not `ZeroDivisionError: division by zero` in the worker, whatever Sentry grouped.",
        '* Sentry also had "OperationalError: database is locked" - that was the importer.',
        '* The "ZeroDivisionError: division by zero" traces, that was a bad fixture.',
        '* Producers retried, then "Bootstrap failed: KafkaTimeoutError" once all were down.',
    ],
)
def test_a_quote_the_sentence_puts_aside_is_no_symptom(bullet: str) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description is not None and bullet[2:] in found.description


def test_a_sentence_that_opens_with_no_around_unquoted_log_text_still_counts() -> None:
    # "No space left on device" is the message itself, not a negation of it
    assert symptoms_of(
        "* No space left on device: OSError: [Errno 28] No space left on device"
    ) == ("OSError: [Errno 28] No space left on device",)


@pytest.mark.parametrize(
    "item",
    [
        "* The importer printed messages such as \u201csqlite3.OperationalError: database is "
        "locked\u201d while the nightly job ran.",
        '* The importer logged lines like "sqlite3.OperationalError: database is locked".',
        "* Job output showed entries such as `sqlite3.OperationalError: database is locked`.",
    ],
)
def test_prose_that_introduces_a_quote_is_no_symptom(item: str) -> None:
    # no stray `messages such as "` fragment: a quote mark is never a symptom's edge
    assert symptoms_of(item) == ("sqlite3.OperationalError: database is locked",)


def test_unquoted_log_text_ends_where_the_next_sentence_begins(tmp_path: Path) -> None:
    item = (
        "* The backup could not finish: OSError: [Errno 28] No space left on device. The copy "
        "step failed the same way "
        '("cp: error writing \u2026: No space left on device").'
    )
    found = symptoms_of(item)
    assert found[0] == "OSError: [Errno 28] No space left on device"
    assert not any("The copy" in s for s in found)
    assert {6, 13, 33, 40} <= flagged(tmp_path, item, "backup-job.log")


def test_an_elided_class_starts_the_unquoted_log_text(tmp_path: Path) -> None:
    item = (
        "* Lookups broke: MaxRetryError ... Max retries exceeded with url: /v1/quote "
        "(and more). Then the pool gave up."
    )
    # the elision stays any text (compile9b): the log has `HTTPSConnectionPool(…): ` there
    assert symptoms_of(item)[0].startswith("MaxRetryError: <any> Max retries exceeded with url:")


def test_a_class_and_code_before_its_quoted_message_is_no_symptom_of_its_own() -> None:
    item = '* The orders service logged pymysql OperationalError 1040 "Too many connections".'
    assert symptoms_of(item) == ("Too many connections",)


@pytest.mark.parametrize(
    "item",
    [
        "* PermissionError(13, 'Permission denied') writing /srv/thumbs/avatar-77.png",
        "* Resize job: `PermissionError(13, 'Permission denied')` saving the avatar",
    ],
)
def test_an_os_error_repr_with_prose_after_it_matches_the_str_form(
    tmp_path: Path, item: str
) -> None:
    # the log prints `PermissionError: [Errno 13] Permission denied: '/tmp/…/avatar-N.png'`;
    # the job's `PermissionError(1, 'Operation not permitted')` lines are another error
    assert symptoms_of(item) == ("PermissionError: Permission denied",)
    assert flagged(tmp_path, item, "thumbnailer.log") == {9, 19}


def test_a_c_call_that_failed_is_log_text_in_a_sentence(tmp_path: Path) -> None:
    item = (
        "* On restart the error log showed bind() to 0.0.0.0:80 failed (98: Address already "
        "in use) for every listener, and nginx exited."
    )
    assert symptoms_of(item) == ("bind() to <ip>:<port:int> failed (98: Address already in use)",)
    # lines 11 and 41 (`still could not bind()`) state the same incident in other words
    expected = {1, 3, 5, 7, 9, 31, 33, 35, 37, 39}
    assert flagged(tmp_path, item, "nginx-error.log") == expected
