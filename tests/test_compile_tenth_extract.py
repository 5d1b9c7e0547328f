"""Issue #11, tenth pass: what people write, extracted. After a verb of saying (`logged`,
`printed`, `said`), an adverb or a preposition says how, when or where a line was written, not
what: `the warning was logged too, but …` has no log text after `logged`. Cases in phrasings
other than the held-out postmortems', with controls, and on the real lines of
tests/data/postmortems/logs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import flagged, symptoms_of

REAL = "* redis-cli answered `(error) OOM command not allowed when used memory > 'maxmemory'`"


@pytest.mark.parametrize(
    "aside",
    [
        "* Our own pool warning was logged too, but that is the retry loop, not redis.",
        "* The same banner got printed again after the restart, which is normal.",
        "* A stack dump was logged at INFO by the wrapper during the outage.",
        "* The healthcheck said before anything else that it was fine, as always.",
        "* The CLI printed twice when we retried it by hand, nothing new.",
        "* Its heartbeat was also logged while the node drained, every few seconds.",
        "* The exporter reported only when scraped, so the gaps are expected.",
    ],
)
def test_words_after_said_logged_printed_with_an_adverb_are_not_log_text(aside: str) -> None:
    # only the real line is a symptom: the aside's `too, but …`, `again after …` are not text
    assert symptoms_of(f"{REAL}\n{aside}") == (
        "(error) OOM command not allowed when used memory > 'maxmemory'",
    )


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [  # controls: the message right after the verb is still the message
        (
            "* The flags service logged command not allowed when used memory > 'maxmemory' "
            "on every write",
            "command not allowed when used memory > 'maxmemory'",
        ),
        (
            "* the admin tool printed OperationalError(1040, 'Too many connections') each time",
            "OperationalError: Too many connections",
        ),
    ],
)
def test_a_message_right_after_the_verb_is_still_read(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_an_aside_after_logged_flags_no_other_incidents_lines(tmp_path: Path) -> None:
    # the word after `logged` once became a symptom of its own (`too`) and flagged
    # `sorry, too many clients already` in another incident's postgres log
    aside = '* Our own "evicting sessions" warning was logged too, but that\'s the app.'
    assert flagged(tmp_path, f"{REAL}\n{aside}", "postgresql.log") == set()


# --- 2. a clause that names the log after prose: `…, I think the line was: <text>` ----------


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* The binaries step failed as well, I think the line was: cp: error writing "
            "'/srv/backup/bin/pg_dump': No space left on device",
            "cp: error writing '<path>': No space left on device",
        ),
        (
            "* The nightly copy to the NAS died halfway; the last line was: rsync: write failed "
            "on '/mnt/b/x': No space left on device (28)",
            "rsync: write failed on '<path>': No space left on device (<device:int>)",
        ),
        (
            "* Then the uploader fell over too \u2014 its error was: OSError: [Errno 28] No "
            "space left on device",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            "* The export job stopped early, I believe the output read: tar: /srv/export.tar: "
            "Cannot write: No space left on device",
            "tar: <path>: Cannot write: No space left on device",
        ),
        (  # a copula after the label's noun at the start of the item
            "* the line was: cp: error writing '/var/tmp/dump.bin': No space left on device",
            "cp: error writing '<path>': No space left on device",
        ),
    ],
)
def test_a_clause_naming_the_log_labels_the_text_after_it(bullet: str, symptom: str) -> None:
    assert symptoms_of(f"{REAL}\n{bullet}")[1:] == (symptom,)


@pytest.mark.parametrize(
    "bullet",
    [  # controls: a person's words after the same clause are no log text
        "* The team was paged, the message was: we are investigating",
        "* Checkout slowed down, the error was: not obvious at first",
        "* the status was: degraded for an hour",
    ],
)
def test_prose_after_a_clause_label_is_not_log_text(bullet: str) -> None:
    assert symptoms_of(f"{REAL}\n{bullet}")[1:] == ()


def test_the_clause_labelled_cp_line_flags_the_real_backup_log(tmp_path: Path) -> None:
    bullet = (
        "* Copying the tools failed too, I think the line was: cp: error writing "
        "'/srv/backup/bin/pg_dump': No space left on device"
    )
    found = flagged(tmp_path, bullet, "backup-job.log")
    assert {14, 41} <= found


# --- 3. a label's subject that failed `with` its error: the verb is the author's ------------


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* **Client layer (backup script, Python):** died with OSError: [Errno 28] No space "
            "left on device \u2014 twice actually",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            "* backup script: died with OSError: [Errno 28] No space left on device",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            "* Worker: crashed again with an ImportError: cannot import name 'Quota' from "
            "'billing.models'",
            "ImportError: cannot import name 'Quota' from '<host>'",
        ),
        (
            "* The uploader: eventually failed with requests.exceptions.ReadTimeout: "
            "HTTPSConnectionPool(host='s3', port=443): Read timed out.",
            "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='<host>', port=<port:int>)"
            ": Read timed out",
        ),
        (
            "* Nightly export (cron): aborted with sqlite3.OperationalError: database or disk "
            "is full",
            "sqlite3.OperationalError: database or disk is full",
        ),
    ],
)
def test_a_failing_verb_after_a_label_is_no_part_of_the_text(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_no_error_after_the_failing_verb_leaves_no_class_to_start(tmp_path: Path) -> None:
    # control: `died with a timeout` names no error; the real line alone is the symptom
    bullet = "* The importer: died with a timeout after 30 minutes"
    assert symptoms_of(f"{REAL}\n{bullet}")[1:] == ()


def test_the_labelled_oserror_flags_the_real_backup_log(tmp_path: Path) -> None:
    bullet = (
        "* **Client layer (backup script, Python):** died with OSError: [Errno 28] No space "
        "left on device"
    )
    assert {6, 13, 33, 40} <= flagged(tmp_path, bullet, "backup-job.log")


# --- 4. a quote that names a part of a dump: its heading, not the message -------------------


@pytest.mark.parametrize(
    "bullet",
    [
        '* The process printed the "Last few GCs" block (lots of Mark-Compact lines), then '
        "hung for a minute",
        '* The JVM wrote the "Full thread dump" header and then hung',
        '* We saw the "Caused by" part of the trace point at the pool',
        "* Node dumped its `<--- Last few GCs --->` section, nothing else",
        '* the "Active connections" section of the status page was all zeros',
    ],
)
def test_a_quoted_heading_of_a_dump_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(f"{REAL}\n{bullet}")[1:] == ()


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [  # controls: a quote with a level or a class is the message, whatever follows it
        (
            '* The worker logged "ERROR: deadlock detected" blocks of SQL',
            "ERROR: deadlock detected",
        ),
        ('* The app logged "connection refused" lines all night', "connection refused"),
    ],
)
def test_a_quoted_message_before_lines_or_blocks_stays(bullet: str, symptom: str) -> None:
    assert symptoms_of(f"{REAL}\n{bullet}")[1:] == (symptom,)


def test_the_gc_heading_flags_nothing_in_the_node_log(tmp_path: Path) -> None:
    bullet = '* It printed the "Last few GCs" block and then died, out of heap.'
    assert flagged(tmp_path, f"{REAL}\n{bullet}", "node-services.log") == set()


# --- 5. a MySQL error's number and SQLSTATE after a class: the message is the same error -----

_ORDERS_1205 = {50, 51, 146, 147}  # PyMySQL's tuple and the app's DatabaseError repr


@pytest.mark.parametrize(
    "bullet",
    [
        "* The job log recorded: `mysql.connector.errors.DatabaseError: 1205 (HY000): Lock "
        "wait timeout exceeded; try restarting transaction`",
        "* restock died on mysql.connector.errors.DatabaseError: 1205 (HY000): Lock wait "
        "timeout exceeded; try restarting transaction",
        '* connector said "DatabaseError: 1205 (HY000): Lock wait timeout exceeded; try '
        'restarting transaction" for every batch',
        "* `mysql.connector.errors.InternalError: 1205 (HY000): Lock wait timeout exceeded; "
        "try restarting transaction`",
        "* the worker: `DatabaseError: 1205 (HY000): Lock wait timeout exceeded; try restarting …`",
    ],
)
def test_a_mysql_code_after_a_class_matches_every_client(tmp_path: Path, bullet: str) -> None:
    assert flagged(tmp_path, bullet, "orders-mysql.log") == _ORDERS_1205
    assert flagged(tmp_path, bullet, "mariadb-cli.log") == {6, 12}


def test_the_lock_wait_warning_and_info_lines_stay_unflagged(tmp_path: Path) -> None:
    # control: `Lock wait timeout exceeded? checking …` (asked) and `no Lock wait timeout
    # exceeded since restart` (INFO, after a plain word) are no error
    bullet = (
        "* `mysql.connector.errors.DatabaseError: 1205 (HY000): Lock wait timeout exceeded; "
        "try restarting transaction`"
    )
    assert not flagged(tmp_path, bullet, "orders-mysql.log") & {52, 53, 148, 149}


def test_another_mysql_code_stays_another_error(tmp_path: Path) -> None:
    # control: a deadlock (1213) written the same way flags none of the lock wait lines
    bullet = (
        "* `mysql.connector.errors.DatabaseError: 1213 (40001): Deadlock found when trying to "
        "get lock; try restarting transaction`"
    )
    assert flagged(tmp_path, bullet, "orders-mysql.log") & _ORDERS_1205 == set()


# --- 6. the application's words before the repr of the exception it caught -----------------


@pytest.mark.parametrize(
    "bullet",
    [
        "* Their log: cart not cached: MemcacheServerError(b'out of memory storing object')",
        "* the sessions service kept logging `cart not cached: "
        "MemcacheServerError(b'out of memory storing object')`",
        "* `ERROR [sessions] cart save failed: pymemcache.exceptions.MemcacheServerError(b'out "
        "of memory storing object')`",
        "* \"session write: MemcacheServerError(b'out of memory storing object')\" on every write",
        "* app: cache set failed: MemcacheServerError(b'out of memory storing object')",
    ],
)
def test_a_caught_exception_repr_matches_its_traceback_line(tmp_path: Path, bullet: str) -> None:
    # the app's repr lines and pymemcache's own `MemcacheServerError: b'…'` lines
    assert flagged(tmp_path, bullet, "sessions-memcache.log") == {13, 14, 40, 41}


@pytest.mark.parametrize(
    ("text", "symptom"),
    [  # controls: no repr, or a repr without a message of words, keep the app's words
        (
            "cache flags not cached: command not allowed when used memory > 'maxmemory'",
            "cache flags not cached: command not allowed when used memory > 'maxmemory'",
        ),
        ("retry: ValueError('x')", "retry: ValueError('x')"),
    ],
)
def test_no_caught_repr_keeps_the_applications_words(text: str, symptom: str) -> None:
    assert symptoms_of(f"* `{text}`") == (symptom,)


def test_the_caught_repr_leaves_the_warning_and_other_errors_alone(tmp_path: Path) -> None:
    # `cache nearly full …; out of memory storing object errors expected` is a WARNING and
    # `b'object too large for cache'` another error
    bullet = "* cart not cached: MemcacheServerError(b'out of memory storing object')"
    assert not flagged(tmp_path, bullet, "sessions-memcache.log") & {26, 27, 53, 54}
