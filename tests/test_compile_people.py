"""What people write around log text (issue #11, fifth pass): unquoted log text that ends at
a reference back (`… with the same DETAIL`), a code block indented under a bullet, asides said
in the next sentence or with a typographic apostrophe, what a person saw, clicked or typed,
and a statement of source code (matcher/incidents/, docs/incident-log-format.md). The log
lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* The worker then printed OperationalError: database is locked like the first time.",
            "OperationalError: database is locked",
        ),
        (
            "* The replica logged FATAL: sorry, too many clients already with the same timestamps.",
            "FATAL: sorry, too many clients already",
        ),
        (
            "* The consumer logged KafkaTimeoutError: Failed to update metadata after 60.0 secs"
            " as above.",
            REAL_SYMPTOM,
        ),
    ],
)
def test_unquoted_log_text_ends_at_a_reference_back(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_unquoted_log_text_before_a_reference_back_flags_the_real_lines(tmp_path: Path) -> None:
    bullet = "* Postgres itself logged ERROR:  deadlock detected with the matching DETAIL lines."
    assert {11, 37} <= flagged(tmp_path, bullet, "postgresql.log")


def test_a_code_block_indented_under_a_bullet_is_read_from_its_own_margin(
    tmp_path: Path,
) -> None:
    block = (
        "* The settle job's log:\n\n"
        "        Traceback (most recent call last):\n"
        '          File "/srv/billing/settle.py", line 275, in deadlock\n'
        '            cb.execute("UPDATE invoices SET total = total + 1 WHERE id = 1")\n'
        "        psycopg2.errors.DeadlockDetected: deadlock detected\n"
    )
    assert symptoms_of(block) == ("psycopg2.errors.DeadlockDetected: deadlock detected",)
    assert {19, 44} <= flagged(tmp_path, block, "billing-pg.log")


@pytest.mark.parametrize(
    "bullet",
    [
        # the next sentence says what it was
        '* We also saw "object too large for cache" a few times. That was the report blob, a'
        " different error.",
        '* "remaining connection slots are reserved for non-replication superuser connections"'
        " showed up once we raised the limit. That's the reserved slots doing their job.",
        "* The chown step logged `PermissionError: Operation not permitted`. Those are a side"
        " effect of running as nobody.",
        # a typographic apostrophe
        "- No, it wasn\u2019t \u201ccanceling statement due to user request\u201d; nobody"
        " cancelled anything.",
        # a first guess taken back
        "* We suspected the size limit (\u201cobject too large for cache\u201d) at first, but it"
        " wasn\u2019t that.",
        "* `object too large for cache` was ruled out within minutes.",
        # the same event, normal, meaning nothing
        "* Right after, `[ERROR] Error handling request GET /export` plus a traceback \u2014"
        " same event.",
        "* Then \u201cBooting worker with pid: 23140\u201d, perfectly normal.",
        '* The "lock check: database is locked? no" lines do not mean anything failed.',
        # what a person saw or clicked, a named step
        "- What customers saw: a spinner, then \u201cPayment could not be completed\u201d.",
        "- Customer saw: \u201cYour session has expired\u201d on every page.",
        "* After pressing \u201cGenerate monthly invoice\u201d nothing happened for a minute.",
        "* The \u201cclean up old uploads\u201d step never finished.",
        "* The dashboard page loaded for ages and eventually said \u201cData temporarily"
        " unavailable\u201d.",
        # what a person typed, source code
        "* `telnet orders-db 5432` hung.",
        "* `SELECT * FROM pg_stat_activity` showed 300 idle connections.",
        "* `SHOW PROCESSLIST` was full of sleeping connections.",
        "* The traceback pointed at `with open(path, 'wb') as out:` in the dump helper.",
        "* It failed inside `for row in cursor:` every time.",
        # prose joined into clauses after a verb
        "* The export job reported completed on the status page but the files were empty.",
    ],
)
def test_what_is_not_this_incidents_log_text_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (  # the next sentence says it is the cause, not an aside
            '* The app logged "OperationalError: database is locked". That was what broke the'
            " imports.",
            "OperationalError: database is locked",
        ),
        (  # a person who saw a client's error line, labelled
            '- Users saw: "ERROR 1040 (08004): Too many connections" from the mariadb client.',
            "ERROR 1040 (08004): Too many connections",
        ),
        (  # curl's own error is log text, what was typed is not
            "* `curl: (7) Failed to connect to inventory port 8080 after 3 ms: Connection refused`",
            "curl: (<n:int>) Failed to connect to inventory port <port:int> after <ms:num> ms:"
            " Connection refused",
        ),
        (  # plain words after a verb, without clauses, are still log text
            "* The sync job reported upstream connect error or disconnect/reset before headers",
            "upstream connect error or disconnect/reset before headers",
        ),
    ],
)
def test_log_text_near_these_words_is_still_a_symptom(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


@pytest.mark.parametrize(
    ("aside", "log", "lines"),
    [
        (
            '* The traceback pointed at `with open(mnt / "orders.dump", "wb") as out:`.',
            "backup-job.log",
            {12, 39},
        ),
        (
            "- Finance asked if someone killed the query \u2014 no, it wasn\u2019t a"
            " \u201ccanceling statement due to user request\u201d.",
            "billing-pg.log",
            {13, 38},
        ),
        (
            "- Right after it gunicorn logs `[ERROR] Error handling request GET /export` and a"
            " traceback; that is the worker being killed, same event.",
            "gunicorn-export.log",
            {6, 21, 43, 58},
        ),
    ],
)
def test_lines_not_this_incidents_are_not_flagged_in_real_logs(
    tmp_path: Path, aside: str, log: str, lines: set[int]
) -> None:
    assert not lines & flagged(tmp_path, REAL + aside, log)


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (  # a label with a comma, then a program's label; a quoted name inside the message
            "- The ledger (libpq, seen via psql): psql: error: could not translate host name"
            ' "ledger-db.prod" to address: Name or service not known',
            # psql's own "psql: error: " goes with it (docs/symptoms.md): the app logs libpq's
            'could not translate host name "<host>" to address: Name or service not known',
        ),
        (
            "- The copy step (cron, nightly): cp: error writing '/backup/db.dump': No space"
            " left on device",
            "cp: error writing '<path>': No space left on device",
        ),
    ],
)
def test_a_label_with_a_comma_before_a_programs_own_label(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_a_label_with_a_comma_flags_the_programs_real_lines(tmp_path: Path) -> None:
    bullet = (
        "- The copy step (cron, nightly): cp: error writing '/backup/db.dump': No space left on"
        " device"
    )
    assert {14, 41} <= flagged(tmp_path, bullet, "backup-job.log")
