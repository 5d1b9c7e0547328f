"""Log text that the author puts aside (issue #11, fourth pass): a cue after the quote in the
same sentence (`nothing to do with this`, `follows from the above, not separate`, `this are
only the retries`), a warning or info line, a message shown to a person, a sentence of the
same item that denies what the log text is about (matcher/incidents/asides.py,
docs/incident-log-format.md). The log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, incident

from matcher.incidents.reader import parse_incident_log


@pytest.mark.parametrize(
    "bullet",
    [
        # after the quote, to the end of its sentence
        '* The one "object too large for cache" error that night was the nightly report blob'
        " (> 1 MB), a known thing, nothing to do with this.",
        "* `MemcacheServerError: object too large for cache` had nothing to do with it.",
        '- later "no live upstreams while connecting to upstream" once both were marked down'
        " — follows from the above, not separate",
        "- `no live upstreams while connecting to upstream` (downstream of the refusals)",
        '* We also got "no live upstreams while connecting to upstream", a side effect of the'
        " restarts.",
        '* There is also many WARNING lines "retrying import after database is locked" — this'
        " are only the retries, please don't count them as failures.",
        "* `retrying import after database is locked` is just the importer backing off.",
        "* This was not a deadlock. There were also a few `1213 Deadlock found when trying to"
        " get lock` errors that week but they came from the coupon service and were retried"
        " automatically.",
        '* The 1213 deadlock errors ("Deadlock found when trying to get lock; try restarting'
        ' transaction") were the coupon service, not us.',
        "* `MemcacheServerError: object too large for cache` was logged too, but that is not an"
        " issue.",
        '* "object too large for cache" has been there for months (the report blob).',
        "* `object too large for cache`, expected during the nightly export.",
        '* The "object too large for cache" line is a warning we always get.',
        "* Pre-existing: `MemcacheServerError: object too large for cache`.",
        # the name of an alert or a dashboard, a question asked in the channel
        '* PagerDuty paged for "Orders API 5xx rate above 5 percent" at 19:42.',
        '* The "Checkout success rate by provider" dashboard went red first.',
        '* Support asked "is checkout down for everyone?" in the incident channel.',
        "* We also saw `ZeroDivisionError: division by zero` in jobs.score, but that is"
        " another bug.",
        '* "remaining connection slots are reserved for non-replication superuser connections"'
        " appeared only later, when we tried to connect by hand.",
        '* There were a few "deadlock detected in batch 12, retrying" retries that succeeded.',
        "* `MemcacheServerError: object too large for cache` is another one, not what broke"
        " the carts.",
        "* The `OperationalError: database is locked` lines at 03:00 are fine (the vacuum).",
        # a warning or info line
        '* The retry wrapper logged "deadlock detected in batch NN, retrying" warnings as well.',
        '* INFO lines like "circuit open for inventory service" appeared at 14:05.',
        # a message shown to a person
        '- Quotes could not be fetched, so the checkout showed "price unavailable" for every'
        " basket.",
        '* Some users cannot change the avatar, the page say "Upload failed, please retry".',
        '* Customers saw "Something went wrong, try again later" on the payment page.',
    ],
)
def test_log_text_put_aside_is_no_symptom_and_stays_description(bullet: str) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description is not None and bullet[2:] in found.description


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (  # a consequence *of* the quote, before it, is the incident's own error
            '* The outage was a result of "Lock wait timeout exceeded; try restarting'
            ' transaction" on every batch.',
            "Lock wait timeout exceeded; try restarting transaction",
        ),
        (  # the errors came from the same service
            '* We saw "Lock wait timeout exceeded; try restarting transaction" but it was from'
            " the same restock job.",
            "Lock wait timeout exceeded; try restarting transaction",
        ),
        (  # a denied word that the log text does not hold
            "* This was not a network outage. The app logged `OperationalError: database is"
            " locked` on every import.",
            "OperationalError: database is locked",
        ),
        (  # what the error was not, after it
            "* The real error was `psycopg2.errors.DeadlockDetected: deadlock detected`, not a"
            " timeout.",
            "psycopg2.errors.DeadlockDetected: deadlock detected",
        ),
        (  # something else was fine
            "* Redis answered `OOM command not allowed when used memory > 'maxmemory'` to every"
            " SET; reads were fine.",
            "OOM command not allowed when used memory > 'maxmemory'",
        ),
        (  # a state denied, not a thing
            "* The table was not locked by a migration. The importer logged `OperationalError:"
            " database is locked` all morning.",
            "OperationalError: database is locked",
        ),
        (  # "only" about the incident
            '* Only the importer logged "OperationalError: database is locked" (the API was'
            " serving reads).",
            "OperationalError: database is locked",
        ),
        (  # what the errors follow from is their cause, not an aside
            '* The "Lock wait timeout exceeded; try restarting transaction" errors follow from'
            " the checkout holding its row locks.",
            "Lock wait timeout exceeded; try restarting transaction",
        ),
        (  # services downstream of the database are this incident's too
            "* `OperationalError: database is locked` in every job downstream of the importer.",
            "OperationalError: database is locked",
        ),
        (  # a user who got a client's error line
            '* Users of the bastion got "ERROR 1040 (08004): Too many connections" from the'
            " mariadb client.",
            "ERROR 1040 (08004): Too many connections",
        ),
        (  # a level and plain words introduce the quote
            '* ERROR lines like "OperationalError: database is locked" every few seconds.',
            "OperationalError: database is locked",
        ),
        (  # of two quotes, the one denied is put aside
            '* The app logged "OperationalError: database is locked", not "OperationalError: no'
            ' such table: prices".',
            "OperationalError: database is locked",
        ),
        (  # an error is no warning
            '* The importer logged "OperationalError: database is locked" errors, no warnings.',
            "OperationalError: database is locked",
        ),
    ],
)
def test_prose_about_the_incident_itself_is_not_put_aside(bullet: str, symptom: str) -> None:
    (found,) = parse_incident_log(incident(bullet), "x.md")
    assert found.symptoms == (symptom,)


@pytest.mark.parametrize(
    ("aside", "plain", "log", "lines"),
    [
        (
            '* The one "object too large for cache" error that night was the nightly report'
            " blob, nothing to do with this.",
            '* The one "object too large for cache" error that night.',
            "sessions-memcache.log",
            {26, 53},
        ),
        (
            '- later "no live upstreams while connecting to upstream" once both were marked'
            " down — follows from the above, not separate",
            '- later "no live upstreams while connecting to upstream" for a while',
            "nginx-error.log",
            {22, 52},
        ),
    ],
)
def test_lines_put_aside_are_not_flagged_in_real_logs(
    tmp_path: Path, aside: str, plain: str, log: str, lines: set[int]
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    assert lines <= flagged(tmp_path / "plain", REAL + plain, log)  # the control: they would be
    assert not lines & flagged(tmp_path / "aside", REAL + aside, log)
