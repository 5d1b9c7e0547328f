"""Issue #11, sixth pass: how often said right after a message's closing parenthesis is
prose; the author's words that name what follows as the message introduce it; a code or
message after `no … /` is denied, a first guess taken back with `it was not,`, a verdict
said after the text (`Side effect, not the cause.`) puts it aside. Cases written otherwise
than the postmortems, and the real lines of tests/data/postmortems/logs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

BIND = "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)"


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* systemd showed nginx: [emerg] bind() to 10.0.0.5:443 failed (98: Address already"
            " in use) twice, and then the unit gave up.",
            BIND,
        ),
        (
            "* The unit printed nginx: [emerg] bind() to 0.0.0.0:8080 failed (98: Address"
            " already in use) over and over.",
            BIND,
        ),
        (
            "* Stderr: nginx: [emerg] bind() to 0.0.0.0:8443 failed (98: Address already in"
            " use) 5 times",
            BIND,
        ),
        # controls: what goes on after the parenthesis is the message's own
        (
            "* error.log: connect() failed (111: Connection refused) while connecting to upstream",
            "connect() failed (111: Connection refused) while connecting to upstream",
        ),
    ],
)
def test_how_often_after_a_closing_parenthesis_is_prose(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_how_often_after_a_closing_parenthesis_flags_the_real_lines(tmp_path: Path) -> None:
    bullet = (
        "* journald: nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)"
        " repeated, then it stopped retrying."
    )
    assert {1, 3} <= flagged(tmp_path, bullet, "nginx-error.log")
    assert {1, 2} <= flagged(tmp_path, bullet, "nginx-stderr.log")


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* The billing job, which uses libpq, said the same thing in its own words: could"
            ' not translate host name "billing-db.prod" to address: Name or service not known',
            'could not translate host name "<host>" to address: Name or service not known',
        ),
        (
            "* What mattered in the message was Failed to resolve 'api.example.org' ([Errno -2]"
            " Name or service not known) — the rest was the retry wrapper.",
            "Failed to resolve '<host>' ([Errno -2] Name or service not known)",
        ),
    ],
)
def test_the_authors_words_that_name_the_message_introduce_it(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


@pytest.mark.parametrize(
    "bullet",
    [
        "* The error was transient and went away after a retry.",
        "* The message was Retry later, shown to nobody.",
        "* The batch runner, in its own words: fine.",
    ],
)
def test_plain_words_after_the_error_was_are_no_log_text(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


def test_the_message_named_by_the_author_flags_the_real_lines(tmp_path: Path) -> None:
    bullets = (
        '* The ledger, in its own words: could not translate host name "ledger.prod" to'
        " address: Name or service not known\n"
        "* The useful part of the error was Failed to resolve 'pricing.prod' ([Errno -2] Name"
        " or service not known) — wrapped twice.\n"
    )
    assert {137, 138} <= flagged(tmp_path, bullets, "gateway-http.log")


@pytest.mark.parametrize(
    "bullet",
    [
        # a code and its message denied together
        '* We suspected a deadlock but there was no 1213 / "Deadlock found when trying to get'
        ' lock" in the log.',
        '* There was no ORA-00060 or "deadlock detected while waiting for resource" either.',
        # a first guess taken back with `it was not,`
        '* Because of the "try restarting transaction" wording I assumed a deadlock — it was'
        " not, the lock wait had simply run out.",
        # a verdict said after the text, in the same or the next sentence
        '* Later the volume flipped read-only: "[Errno 30] Read-only file system". A side'
        " effect of the remount.",
        '* The retry then hit "[Errno 30] Read-only file system". Side effect, not the cause.',
        '* "OSError: [Errno 30] Read-only file system" — not the root cause.',
    ],
)
def test_denied_taken_back_or_judged_a_side_effect_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        # controls: the same words that are not about the log text
        (
            '* The job failed with "OSError: [Errno 28] No space left on device"; the side'
            " effects lasted all night.",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            '* After no retries the worker logged "OSError: [Errno 28] No space left on device".',
            "OSError: [Errno 28] No space left on device",
        ),
    ],
)
def test_log_text_near_these_words_stays_a_symptom(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_an_aside_of_another_message_flags_none_of_its_real_lines(tmp_path: Path) -> None:
    bullets = (
        "* CLI: ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction\n"
        '* I thought "try restarting transaction" meant a deadlock — it was not, there was no'
        ' 1213 / "Deadlock found when trying to get lock".\n'
        '* The next run hit "[Errno 30] Read-only file system". Side effect, not the cause.\n'
    )
    assert not {54, 150} & flagged(tmp_path, bullets, "orders-mysql.log")
    assert not {27, 54} & flagged(tmp_path, bullets, "backup-job.log")
    assert {6, 12} <= flagged(tmp_path, bullets, "mariadb-cli.log")
