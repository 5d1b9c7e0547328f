"""Issue #11, seventh pass: log text the author sets aside, read by a general rule rather
than one more phrase per blind set (matcher/incidents/dismissal.py,
docs/incident-log-format.md, "Not this incident"): a negated verb of seeing or hitting, or a
denied existence, whose object is the log text in its own clause; a verdict on the log text
said after it or in a clause that refers back to it; a first guess; a question answered
no. And the controls: the incident's own error with a negation elsewhere in the sentence
(another clause, or a label before a colon). The cases are written as different engineers
write, not as any postmortem of the corpus; the log lines are real
(tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

SLOTS = "remaining connection slots are reserved for non-replication superuser connections"
DEADLOCK = "Deadlock found when trying to get lock"
TOO_LARGE = "object too large for cache"
LOCK_WAIT = "Lock wait timeout exceeded; try restarting transaction"
OOM = "OOM command not allowed when used memory > 'maxmemory'"

ASIDES = [
    # a negated verb of seeing, hitting, getting, with the log text as its object
    f'* We did not hit the reserved-slot message ("{SLOTS}"); that is a different limit.',
    f'* We never saw "{DEADLOCK}" during the window.',
    f"* We didn't get any `{TOO_LARGE}` errors this time.",
    f'* Nobody saw "{DEADLOCK}" that night.',
    f"* Not once did we see `{TOO_LARGE}` on the cart path.",
    f'* We haven\u2019t seen a single "{SLOTS}" since the bump.',
    f'* I grepped for "{DEADLOCK}" and found nothing.',
    f'* Not seen: "{DEADLOCK}".',
    f"* At no point did the server log `{SLOTS}`.",
    f'* We had expected "{TOO_LARGE}" but did not get it.',
    # a denied existence
    f'* There were zero "{DEADLOCK}" entries in the error log.',
    f'* No trace of "{SLOTS}" in the server log.',
    f'* There was not a single "{DEADLOCK}" in the log.',
    f'* We saw no "{DEADLOCK}" errors at all.',
    f"* Checked for `{DEADLOCK}`: none.",
    f'* Someone mentioned "{DEADLOCK}", but there were none of those.',
    # the log text as subject of a negated occurrence
    f"* `{TOO_LARGE}` was absent from the memcached log.",
    f'* "{DEADLOCK}" did not show up at all.',
    "* The `[Errno 30] Read-only file system` error never appeared in the job log.",
    f'* "{SLOTS}" was nowhere to be found.',
    f'* "{DEADLOCK}"? Never in this window.',
    # a verdict on the log text, after it or in a clause that refers back to it
    "* The `[Errno 30] Read-only file system` lines were a red herring.",
    f'* The 1 MB item limit ("{TOO_LARGE}") was ruled out early.',
    f'* "{SLOTS}": a different limit, we checked.',
    "* `RangeError: Maximum call stack size exceeded` in the same log is unrelated noise.",
    "* The \"Access denied for user 'orders'@'localhost'\" errors turned out to be a cron job"
    " on another host.",
    "* `[Errno 30] Read-only file system` was a symptom of the fix (we remounted the volume).",
    "* The `[Errno 30] Read-only file system` errors only showed up during the rollback.",
    '* "canceling statement due to user request" only happened in staging.',
    '* The "Name or service not known" errors were only in staging, where the zone was never'
    " created.",
    f'* We also saw "{DEADLOCK}" once; it had nothing to do with the outage.',
    "* `canceling statement due to user request` came from the DBA killing a query, which is"
    " irrelevant here.",
    f'* "{SLOTS}" \u2014 that\'s a separate limit, not what we hit.',
    f"* The `SERVER_ERROR {TOO_LARGE}` reply is a distinct limit (1 MB per item).",
    f'* We also got "{TOO_LARGE}" for one cart. Irrelevant here.',
    # a first guess
    f'* We initially suspected the reserved slots ("{SLOTS}").',
    f'* At first everyone blamed "{DEADLOCK}".',
    f'* My first theory was "{TOO_LARGE}", which was wrong.',
    f'* It looked like "{DEADLOCK}" at first, but the real error was the lock wait.',
    # a question answered no
    f'* Was it the item size limit ("{TOO_LARGE}")? No, carts are small.',
    '* was it "Name or service not known"? no \u2014 the names resolved fine.',
    f'* Could this be "{SLOTS}"? Nope.',
]

# The incident's own error, with a negation or a dismissal elsewhere: (bullet, a word of
# the symptom it must give).
CONTROLS = [
    ("* The import job did not finish: sqlite3.OperationalError: database is locked", "locked"),
    (
        '* Requests could not connect: "Failed to establish a new connection: [Errno 111]'
        ' Connection refused"',
        "Failed to establish",
    ),
    (f'* Not reproducible locally, but prod logged "{LOCK_WAIT}".', "Lock wait"),
    (
        "* No retries helped; every call failed with `OperationalError: (1040, 'Too many"
        " connections')`.",
        "Too many connections",
    ),
    (
        '* The workers never recovered and kept logging "FATAL:  sorry, too many clients already".',
        "too many clients",
    ),
    (
        "* We couldn't connect from the bastion either: ERROR 1040 (08004): Too many connections",
        "Too many connections",
    ),
    (
        "* Nothing got through; the gateway logged `connect() failed (111: Connection refused)"
        " while connecting to upstream`.",
        "connect() failed",
    ),
    (f'* It was not a deadlock but a lock wait: "{LOCK_WAIT}".', "Lock wait"),
    (f'* The cache did not evict anything; it refused writes with "{OOM}".', "OOM"),
    (
        "* We didn't expect to hit the limit so soon, yet the log said `FATAL:  sorry, too"
        " many clients already`.",
        "too many clients",
    ),
    ("* No one could log in: `FATAL:  sorry, too many clients already`.", "too many clients"),
    (
        "* There was no way to reach the inventory service \u2014 `Failed to establish a new"
        " connection: [Errno 111] Connection refused` on every call.",
        "Failed to establish",
    ),
    (f'* Not a single order went through: every call failed with "{LOCK_WAIT}".', "Lock wait"),
    (
        "* The job was not retried and died with `sqlite3.OperationalError: database is locked`.",
        "locked",
    ),
    (
        '* Without the index the query never finished: "canceling statement due to statement'
        ' timeout".',
        "statement timeout",
    ),
    (f"* The error was not transient: `ERROR 1205 (HY000): {LOCK_WAIT}` for 40 minutes.", "1205"),
    (
        "* Unlike last week, this wasn't DNS; the gateway logged `Failed to establish a new"
        " connection: [Errno 111] Connection refused`.",
        "Failed to establish",
    ),
    (f'* The health check did not catch it, but the app logged "{OOM}" on every write.', "OOM"),
    (
        "* None of the exports finished; gunicorn logged `[CRITICAL] WORKER TIMEOUT (pid:1234)`.",
        "WORKER TIMEOUT",
    ),
    (
        f'* We never found who held the lock, and the restock job kept dying with "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "* Nobody noticed until the morning that the importer logged"
        ' "sqlite3.OperationalError: database is locked" all night.',
        "locked",
    ),
    (
        "* The alert didn't fire, though the log was full of `FATAL:  sorry, too many clients"
        " already`.",
        "too many clients",
    ),
    (
        "* Customers could not check out; the orders API returned `OperationalError: (1040,"
        " 'Too many connections')`.",
        "Too many connections",
    ),
    (
        "* The client did not get a response: `redis.exceptions.ConnectionError: Error 111"
        " connecting to 127.0.0.1:6379. Connection refused.`",
        "Error 111",
    ),
    (
        "* We saw no improvement after the restart: `[CRITICAL] WORKER TIMEOUT (pid:4242)` kept"
        " coming.",
        "WORKER TIMEOUT",
    ),
    (f'* Never seen this before: "{OOM}".', "OOM"),
    (
        f'* It could not be a network issue, since redis-cli itself said "(error) {OOM}".',
        "OOM",
    ),
    (
        f'* Payments did not go through for 20 minutes because of "{LOCK_WAIT}".',
        "Lock wait",
    ),
    ("* The backup didn't fit: `OSError: [Errno 28] No space left on device`.", "Errno 28"),
    (f'* The migration never completed and the app logged "{LOCK_WAIT}" for each batch.', "Lock"),
    (
        "* There's no doubt it was the pool: `OperationalError: (1040, 'Too many connections')`"
        " on every request.",
        "Too many connections",
    ),
    (f'* Not only the API: the cron also logged "ERROR 1205 (HY000): {LOCK_WAIT}".', "1205"),
    (
        '* No, it was not the network: "Failed to establish a new connection: [Errno 111]'
        ' Connection refused" means the port was closed.',
        "Failed to establish",
    ),
    (
        "* We could not reproduce it locally, but in prod the log said"
        " `sqlite3.OperationalError: database is locked`.",
        "locked",
    ),
    (f'* Zero orders were saved; each attempt ended with "{LOCK_WAIT}".', "Lock wait"),
    (
        f'* The fix was not deployed in time, so "{OOM}" kept coming back.',
        "OOM",
    ),
    (
        "* Nothing was wrong with the config; nginx said `bind() to 0.0.0.0:443 failed (98:"
        " Address already in use)`.",
        "bind()",
    ),
    (
        "* It did not look like the usual flake: `Failed to establish a new connection:"
        " [Errno 111] Connection refused` on every call.",
        "Failed to establish",
    ),
    (
        "* Initially the pool looked fine, then the app logged `OperationalError: (1040, 'Too"
        " many connections')`.",
        "Too many connections",
    ),
    (
        '* We first suspected the pool, but the server itself said "FATAL:  sorry, too many'
        ' clients already".',
        "too many clients",
    ),
    (
        f'* Ruled out DNS early; the real error was "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "* The cause turned out to be `sqlite3.OperationalError: database is locked` on the"
        " shared file.",
        "locked",
    ),
    (f'* "{OOM}" \u2014 never seen before on this cluster.', "OOM"),
    (
        '* It looked like "FATAL:  sorry, too many clients already" from every worker.',
        "too many clients",
    ),
    (
        "* The errors were not harmless: `sqlite3.OperationalError: database is locked` lost"
        " imports.",
        "locked",
    ),
]


@pytest.mark.parametrize("bullet", ASIDES)
def test_log_text_set_aside_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), CONTROLS)
def test_the_incidents_own_error_with_a_negation_elsewhere_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


def test_there_are_as_many_controls_as_asides() -> None:
    assert len(ASIDES) >= 40 and len(CONTROLS) >= 40


@pytest.mark.parametrize(
    ("aside", "plain", "log", "lines"),
    [
        (
            f'* We did NOT hit the reserved-slot message ("{SLOTS}"); different limit, checked.',
            f'* Logins failed with the reserved-slot message ("{SLOTS}").',
            "postgresql.log",
            {31},
        ),
        (
            f'* Was it a deadlock ("{DEADLOCK}")? No, the InnoDB status was clean.',
            f'* The rebalance failed with a deadlock ("{DEADLOCK}").',
            "orders-mysql.log",
            {54, 150},
        ),
        (
            "* `[Errno 30] Read-only file system` was a symptom of the fix, during the rollback.",
            "* The retry died with `[Errno 30] Read-only file system`.",
            "backup-job.log",
            {27, 54},
        ),
        (
            f"* We initially suspected `MemcacheServerError: {TOO_LARGE}`.",
            f"* The cart writes failed with `MemcacheServerError: {TOO_LARGE}`.",
            "sessions-memcache.log",
            {26, 53},
        ),
    ],
)
def test_lines_set_aside_are_not_flagged_in_real_logs(
    tmp_path: Path, aside: str, plain: str, log: str, lines: set[int]
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    assert lines <= flagged(tmp_path / "plain", REAL + plain, log)  # the control: they would be
    assert not lines & flagged(tmp_path / "aside", REAL + aside, log)


# A second batch, written after the rule, in other voices (terse, non-native, chat): the rule
# was not tuned on them before they were written.
ASIDES_2 = [
    f"* we dont see `{DEADLOCK}` in this time",
    f'* Is no "{SLOTS}" in the log, I have checked.',
    f"* `{TOO_LARGE}` - nope, not this one",
    f"* `SERVER_ERROR {TOO_LARGE}`: seen once, but it's the 1 MB limit, irrelevant",
    "* Also in the log: \"Access denied for user 'orders'@'localhost'\" (the rotated password"
    " of another service; not relevant for this).",
    f'* There were reports of "{DEADLOCK}" in the channel but nobody could find one in the logs.',
    f'* We could not find any "{DEADLOCK}".',
    "* No sign of `canceling statement due to user request` this time \u2014 nobody cancelled"
    " anything.",
    '* "Name or service not known" \u2014 checked, DNS resolved fine the whole time, so not that.',
    f"* Zero hits for `{DEADLOCK}` in the window.",
    "* `RangeError: Maximum call stack size exceeded` is from a different service entirely.",
    f'* Someone pasted "{DEADLOCK}" into the channel early on \u2014 wrong incident.',
    "* Red herring: `[Errno 30] Read-only file system`.",
    f'* We ruled out "{DEADLOCK}" early.',
    "* `canceling statement due to user request`? That was me, pg_cancel_backend during debugging.",
    "* The `Read-only file system` errors were caused by our own remount, not by the incident.",
    f'* Did we get "{TOO_LARGE}"? No.',
]
CONTROLS_2 = [
    (
        "* Nobody could place an order; the API said `OperationalError: (1040, 'Too many"
        " connections')`.",
        "Too many connections",
    ),
    (f'* The retry did not help, it failed again with "{LOCK_WAIT}".', "Lock wait"),
    ("* We did not expect this: `FATAL:  sorry, too many clients already`.", "too many"),
    (f"* It was never a deadlock \u2014 always `{LOCK_WAIT}`.", "Lock wait"),
    (
        "* The DB alert did not fire although the worker log had `FATAL:  sorry, too many"
        " clients already` every second.",
        "too many",
    ),
    (
        "* Unrelated services were fine; only checkout logged `OperationalError: (1040, 'Too"
        " many connections')`.",
        "Too many connections",
    ),
    (f"* No evictions, just `{OOM}` on every write.", "OOM"),
    (
        "* Not a network blip: the gateway kept logging `Failed to establish a new connection:"
        " [Errno 111] Connection refused` for 25 minutes.",
        "Failed to establish",
    ),
    (
        "* Not DNS: `Failed to establish a new connection: [Errno 111] Connection refused`.",
        "Failed to establish",
    ),
    (f"* No deploy, no config change \u2014 and still `{LOCK_WAIT}` on every batch.", "Lock"),
    (
        "* Couldn't log in to psql either (`FATAL:  sorry, too many clients already`).",
        "too many",
    ),
    (
        "* Nothing in the config had changed, yet nginx said `bind() to 0.0.0.0:443 failed (98:"
        " Address already in use)`.",
        "bind()",
    ),
    (
        "* Without a pool limit, every worker logged `FATAL:  sorry, too many clients already`.",
        "too many",
    ),
    (
        "* Not sure why, but the importer logged `sqlite3.OperationalError: database is"
        " locked` for hours.",
        "locked",
    ),
    (
        f'* We don\'t know who held the lock: the restock job just died with "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (f'* The job failed with "{LOCK_WAIT}", not with a deadlock.', "Lock wait"),
    (
        "* Users did not see any error page; the backend logged `OperationalError: (1040, 'Too"
        " many connections')` and retried.",
        "Too many connections",
    ),
    (
        "* `sqlite3.OperationalError: database is locked` \u2014 that is the one to alert on,"
        " not the retry warnings.",
        "locked",
    ),
    (
        f"* It wasn't the first time we saw `{OOM}` on this cluster.",
        "OOM",
    ),
]


@pytest.mark.parametrize("bullet", ASIDES_2)
def test_log_text_set_aside_in_other_voices_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_2)
def test_the_incidents_own_error_in_other_voices_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


LOCK_BASE = (
    "* Orders API: `pymysql.err.OperationalError: (1205, 'Lock wait timeout exceeded; try"
    " restarting transaction')`\n"
)


@pytest.mark.parametrize(
    ("base", "bullet"),
    [
        (  # another code (1213, the others say 1205), dismissed in another sentence
            LOCK_BASE,
            "* Checked the deadlock theory first \u2014 nothing there. The nightly rebalance"
            " logged `ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting"
            " transaction` at 02:00 as it always does.",
        ),
        (
            LOCK_BASE,
            "* Red herring: the 1213s. `pymysql.err.OperationalError: (1213, 'Deadlock found"
            " when trying to get lock; try restarting transaction')` came from the rebalance.",
        ),
        (  # another class, no numbers, dismissed in another sentence
            REAL,
            "* Stack overflow was a false lead. The frontend logged `RangeError: Maximum call"
            " stack size exceeded` once at boot.",
        ),
    ],
)
def test_another_error_in_a_bullet_that_dismisses_is_no_symptom(base: str, bullet: str) -> None:
    assert symptoms_of(base + bullet) == symptoms_of(base)


@pytest.mark.parametrize(
    ("base", "bullet"),
    [
        (  # the same code as the other symptoms, though the bullet denies something
            LOCK_BASE,
            "* It was not a deadlock. The restock job logged `ERROR 1205 (HY000): Lock wait"
            " timeout exceeded; try restarting transaction`.",
        ),
        (  # another class, nothing dismissed (`did not recover` is the incident's)
            REAL,
            "* The Java consumers did not recover either. They logged"
            " `org.apache.kafka.common.errors.TimeoutException: Topic order-events not present"
            " in metadata after 60000 ms.`",
        ),
        (
            REAL,
            "* The Java consumers logged `org.apache.kafka.common.errors.TimeoutException: Topic"
            " order-events not present in metadata after 60000 ms.`",
        ),
    ],
)
def test_the_incidents_error_in_a_bullet_that_dismisses_stays(base: str, bullet: str) -> None:
    assert len(symptoms_of(base + bullet)) == len(symptoms_of(base)) + 1


def test_another_error_dismissed_in_its_bullet_is_not_flagged_in_a_real_log(
    tmp_path: Path,
) -> None:
    quote = (
        "`ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction`"
    )
    aside = f"* Checked the deadlock theory \u2014 nothing. The rebalance logged {quote}."
    plain = f"* The rebalance logged {quote}."
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    assert {54, 150} <= flagged(tmp_path / "plain", LOCK_BASE + plain, "orders-mysql.log")
    assert not {54, 150} & flagged(tmp_path / "aside", LOCK_BASE + aside, "orders-mysql.log")


# A third batch, written after the second round of changes, before it was run (22/36 right
# then): what came after, a lead that went nowhere, the team's own action, a verdict label.
ASIDES_3 = [
    f"* Briefly chased `{DEADLOCK}`, which went nowhere.",
    "* The `[Errno 30] Read-only file system` errors are an artefact of the remount we did to"
    " recover.",
    '* What came after \u2014 "no live upstreams while connecting to upstream" \u2014 is just'
    " nginx giving up on both backends.",
    "* Post-fix, we saw `[Errno 30] Read-only file system` for a minute; expected.",
    f"* Not the reserved-slot variant (`{SLOTS}`) \u2014 we stayed under that.",
    f'* We double-checked for "{DEADLOCK}" and came up empty.',
    f"* `{TOO_LARGE}` would have pointed at the item size, but it never showed.",
    "* There might have been a few `canceling statement due to user request` lines, but those"
    " were me.",
    f'* I had "{DEADLOCK}" on my list of suspects; it didn\'t pan out.',
    f"* \"{SLOTS}\" is what you'd see with reserved slots; we didn't.",
    "* Some people grepped for `Name or service not known` \u2014 no results.",
    "* Ignore `WRONGTYPE Operation against a key holding the wrong kind of value`: it's from a"
    " test script.",
    f"* The `SERVER_ERROR {TOO_LARGE}` line in the log predates the incident.",
    "* `RangeError: Maximum call stack size exceeded` showed up only in a developer's local run.",
    "* A couple of `Access denied for user 'orders'@'localhost'` \u2014 bad password on a cron"
    " in another cluster, not ours.",
    "* Was the resolver timing out (`Temporary failure in name resolution`)? Nope, the records"
    " were gone.",
    f'* We thought we were seeing "{DEADLOCK}" but it was actually the lock wait.',
    "* `[Errno 30] Read-only file system` is a downstream effect of our remount, so disregard.",
    f'* Deadlocks ("{DEADLOCK}") were suspected early and excluded.',
    f'* Absent this time: "{DEADLOCK}".',
]
CONTROLS_3 = [
    (f"* Nobody expected it, but every write came back with `{OOM}`.", "OOM"),
    (
        "* The importer didn't crash; it just logged `sqlite3.OperationalError: database is"
        " locked` and skipped the batch.",
        "locked",
    ),
    (
        "* It was not intermittent \u2014 `FATAL:  sorry, too many clients already` on every"
        " connection attempt.",
        "too many",
    ),
    (f"* No amount of retrying helped: `{LOCK_WAIT}`.", "Lock"),
    (
        "* We hit `OperationalError: (1040, 'Too many connections')` again as soon as traffic"
        " came back.",
        "Too many",
    ),
    (
        "* The job never got past the first batch (`sqlite3.OperationalError: database is"
        " locked`).",
        "locked",
    ),
    (
        "* We never saw this coming: the pool sat at its max and the app logged"
        " `OperationalError: (1040, 'Too many connections')`.",
        "Too many",
    ),
    (f'* Monitoring didn\'t show anything, but the orders log was full of "{LOCK_WAIT}".', "Lock"),
    (
        f"* Not to blame anyone, but the cron logged `ERROR 1205 (HY000): {LOCK_WAIT}` for an"
        " hour.",
        "1205",
    ),
    (
        f'* The DBA could not see any blocking query, yet the app kept getting "{LOCK_WAIT}".',
        "Lock",
    ),
    (
        "* Nothing unusual in the metrics; the logs however said `FATAL:  sorry, too many"
        " clients already`.",
        "too many",
    ),
    (f"* There was no failover; the primary simply answered `{OOM}`.", "OOM"),
    (
        "* No data was lost, though every checkout in that window failed with `OperationalError:"
        " (1040, 'Too many connections')`.",
        "Too many",
    ),
    (
        "* The error we never want to see again: `FATAL:  sorry, too many clients already`.",
        "too many",
    ),
    (
        "* Not a single page loaded; nginx logged `connect() failed (111: Connection refused)"
        " while connecting to upstream`.",
        "connect()",
    ),
    (f"* We hadn't seen `{OOM}` before this week.", "OOM"),
]


@pytest.mark.parametrize("bullet", ASIDES_3)
def test_a_third_batch_of_asides_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_3)
def test_a_third_batch_of_controls_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


# A fourth batch, written before it was run (30/36 right then; the one still kept, `Someone
# flagged "…", but DNS checks were green throughout`, is left out: `Support reported "…", but
# the dashboard was green` says the same of the incident's own error).
ASIDES_4 = [
    f"* FWIW `{DEADLOCK}` did not occur.",
    f'* Q: any "{DEADLOCK}"? A: none.',
    f"* `{SLOTS}` - n/a, we never got near the reserved slots.",
    f'* The "{TOO_LARGE}" theory was discarded quickly.',
    "* The `[Errno 30] Read-only file system` noise is self-inflicted (the remount).",
    f'* "{DEADLOCK}" is not present in any of the logs we pulled.',
    f"* We specifically looked for `{SLOTS}` and it wasn't there.",
    "* `Access denied for user 'orders'@'localhost'` belongs to a different incident (INC-88).",
    f'* Initially the team focused on "{DEADLOCK}", which was a dead end.',
    "* The `WRONGTYPE Operation against a key holding the wrong kind of value` lines are a known"
    " bug in the rate limiter and out of scope here.",
    f"* Don't be misled by `{TOO_LARGE}` in the memcached log; that's the report blob.",
    "* `[Errno 30] Read-only file system` appeared only after we remounted the volume.",
    f'* Although "{SLOTS}" looks similar, it is a different condition.',
    f"* `{DEADLOCK}`: not observed.",
    "* `canceling statement due to user request` is unrelated (manual cancels by the DBA).",
    f'* Contrary to the first report, there was no "{DEADLOCK}".',
    f"* The `{TOO_LARGE}` errors were out of scope.",
    f'* "{DEADLOCK}" was a false alarm raised by the dashboard.',
    f"* No occurrences of `{SLOTS}` during the incident window.",
]
CONTROLS_4 = [
    (
        "* The worker did not survive: `sqlite3.OperationalError: database is locked` on every"
        " import.",
        "locked",
    ),
    (f"* Nobody could write to the cache: `{OOM}`.", "OOM"),
    (f"* The retry logic never kicked in, so each request ended with `{LOCK_WAIT}`.", "Lock"),
    (
        "* There was no warning before the crash: `FATAL:  sorry, too many clients already`"
        " appeared all at once.",
        "too many",
    ),
    (
        f"* The dashboard showed nothing unusual, but the orders service logged `{LOCK_WAIT}`.",
        "Lock",
    ),
    (
        "* We did not get paged until 03:10, by which time the log had thousands of `FATAL: "
        " sorry, too many clients already`.",
        "too many",
    ),
    (
        "* Not much to add: `OperationalError: (1040, 'Too many connections')` everywhere.",
        "Too many",
    ),
    (f"* Neither restart helped; the log kept showing `{OOM}`.", "OOM"),
    (
        "* The importer never recovered (`sqlite3.OperationalError: database is locked` for 3"
        " hours).",
        "locked",
    ),
    (
        "* It's not clear why the limit was hit, but the API logged `OperationalError: (1040,"
        " 'Too many connections')`.",
        "Too many",
    ),
    (f"* Not a flake: `{LOCK_WAIT}` reproduced on every run.", "Lock"),
    ("* No matter which worker, the same `FATAL:  sorry, too many clients already`.", "too many"),
    (f"* The team didn't notice at first that `{OOM}` was on every write.", "OOM"),
    (
        "* Never again: `OperationalError: (1040, 'Too many connections')` took checkout down"
        " for 40 minutes.",
        "Too many",
    ),
    (f"* We could not roll back in time and `{LOCK_WAIT}` kept coming.", "Lock"),
    (
        "* The cron's output was not clean either: `ERROR 1205 (HY000): Lock wait timeout"
        " exceeded; try restarting transaction`.",
        "1205",
    ),
]


@pytest.mark.parametrize("bullet", ASIDES_4)
def test_a_fourth_batch_of_asides_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_4)
def test_a_fourth_batch_of_controls_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


# Unquoted log text, which may run on into the prose after it (10 asides, 4 controls; 12/14
# right before the question and `never showed up` were read with the text in place).
UNQUOTED_ASIDES = [
    "* Also saw RangeError: Maximum call stack size exceeded, which was a red herring.",
    "* We never saw OSError: [Errno 30] Read-only file system during the incident.",
    "* No ERROR 1213 (40001): Deadlock found when trying to get lock this time.",
    "* The app logged pymysql.err.OperationalError: (1213, 'Deadlock found when trying to get"
    " lock; try restarting transaction') but that was the rebalance job, unrelated.",
    "* There was a MemcacheServerError: object too large for cache at 02:00 \u2014 the report"
    " blob, a known limit, ignore.",
    "* Was it ERROR 1213 (40001): Deadlock found when trying to get lock? No.",
    "* We initially suspected psycopg2.errors.QueryCanceled: canceling statement due to user"
    " request, but nobody had cancelled anything.",
    "* RangeError: Maximum call stack size exceeded never showed up.",
    "* Ruled out: ERROR 1045 (28000): Access denied for user 'orders'@'localhost' (the"
    " password was fine).",
    "* Then nginx logged [error] no live upstreams while connecting to upstream, which is a"
    " side effect, not the cause.",
]
UNQUOTED_CONTROLS = [
    (
        "* Never recovered; the worker logged OSError: [Errno 28] No space left on device until"
        " we freed space.",
        "Errno 28",
    ),
    (
        "* Nothing worked after that: ERROR 1205 (HY000): Lock wait timeout exceeded; try"
        " restarting transaction on every batch.",
        "1205",
    ),
    (
        "* We didn't restart in time and the API logged pymysql.err.OperationalError: (1040,"
        " 'Too many connections') for an hour.",
        "Too many connections",
    ),
    ("* Not a deploy issue; the DB said FATAL:  sorry, too many clients already.", "too many"),
]


@pytest.mark.parametrize("bullet", UNQUOTED_ASIDES)
def test_unquoted_log_text_set_aside_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), UNQUOTED_CONTROLS)
def test_unquoted_log_text_of_the_incident_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


@pytest.mark.parametrize(
    ("bullet", "word"),
    [
        # words that set a log text aside in one sentence and not in another
        (f"* Redis logged `{OOM}` during the failover.", "OOM"),
        (
            "* Imports failed with `sqlite3.OperationalError: database is locked` and the batch"
            " was discarded.",
            "locked",
        ),
        (
            "* `sqlite3.OperationalError: database is locked` turned out to be caused by the"
            " nightly VACUUM.",
            "locked",
        ),
        (
            "* The importer logged `sqlite3.OperationalError: database is locked` because the"
            " busy timeout was wrong.",
            "locked",
        ),
        (
            "* `OperationalError: (1040, 'Too many connections')`, so the report query came"
            " back with no results.",
            "Too many connections",
        ),
    ],
)
def test_a_verdict_word_about_something_else_keeps_the_error(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


@pytest.mark.parametrize(
    ("bullet", "word"),
    [
        (
            "* We didn't notice `sqlite3.OperationalError: database is locked` until the morning.",
            "locked",
        ),
        (
            "* We did not see `FATAL:  sorry, too many clients already` at first; it started"
            " after the batch job.",
            "too many",
        ),
        (
            "* Nobody saw `FATAL:  sorry, too many clients already` right away because the alert"
            " was muted.",
            "too many",
        ),
        (
            "* We never saw `FATAL:  sorry, too many clients already` before the batch job"
            " started.",
            "too many",
        ),
    ],
)
def test_when_the_error_was_seen_is_no_denial_that_it_was(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


# The incident's own error in sentences that hold the words of an aside (16/20 right before:
# `didn't log anything except "…"`, `no handler for "…"` were read as denials).
CONTROLS_6 = [
    (
        "* Clients never got a response; the gateway logged `Failed to establish a new connection:"
        " [Errno 111] Connection refused`.",
        "Failed",
    ),
    (
        "* The cron didn't log anything except `ERROR 1205 (HY000): Lock wait timeout exceeded; try"
        " restarting transaction`.",
        "1205",
    ),
    ("* No other errors, only `FATAL:  sorry, too many clients already`.", "too many"),
    ("* Nothing but `sqlite3.OperationalError: database is locked` in the importer log.", "locked"),
    ("* We saw nothing except `OperationalError: (1040, 'Too many connections')`.", "Too many"),
    (
        "* The only error was `sqlite3.OperationalError: database is locked`, nothing else.",
        "locked",
    ),
    ("* There were no other errors than `FATAL:  sorry, too many clients already`.", "too many"),
    (
        "* `OperationalError: (1040, 'Too many connections')` on every request, no exceptions.",
        "Too many",
    ),
    ("* `sqlite3.OperationalError: database is locked`, never anything else.", "locked"),
    (
        "* Not just the API: the cron too logged `ERROR 1205 (HY000): Lock wait timeout exceeded;"
        " try restarting transaction`.",
        "1205",
    ),
    (
        "* We didn't see anything other than `FATAL:  sorry, too many clients already` in the"
        " server log.",
        "too many",
    ),
    (
        "* None of the workers could connect (`FATAL:  sorry, too many clients already`).",
        "too many",
    ),
    ("* No worker survived: `FATAL:  sorry, too many clients already`.", "too many"),
    (
        "* There is no retry for `sqlite3.OperationalError: database is locked`, so the batch is"
        " lost.",
        "locked",
    ),
    ("* The worker has no handler for `sqlite3.OperationalError: database is locked`.", "locked"),
    (
        "* Nobody had seen `FATAL:  sorry, too many clients already` on this cluster before.",
        "too many",
    ),
    ("* It's not the first time: `FATAL:  sorry, too many clients already` again.", "too many"),
    ("* `FATAL:  sorry, too many clients already` (no surprise given 40 replicas).", "too many"),
    ("* Never-ending `FATAL:  sorry, too many clients already` in the server log.", "too many"),
    ("* The client did not retry on `sqlite3.OperationalError: database is locked`.", "locked"),
]


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_6)
def test_the_words_of_an_aside_about_something_else_keep_the_error(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


DEADLOCK_REPR = (
    "`pymysql.err.OperationalError: (1213, 'Deadlock found when trying to get lock; try"
    " restarting transaction')`"
)
TABLE = (
    "\n| Time | Message | Verdict |\n|---|---|---|\n"
    "| 02:10 | `sqlite3.OperationalError: database is locked` | the incident |\n"
    f"| 02:12 | {DEADLOCK_REPR} | {{verdict}} |\n"
    "| 02:14 | importer | `[Errno 30] Read-only file system` | a side effect of the remount,"
    " not this incident |\n"
)


def test_a_cell_of_a_table_row_sets_the_log_text_of_another_aside(tmp_path: Path) -> None:
    found = symptoms_of(REAL + TABLE.format(verdict="ruled out"))
    assert found == (REAL_SYMPTOM, "sqlite3.OperationalError: database is locked")
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    plain = TABLE.format(verdict="retried twice")
    assert {54, 150} <= flagged(tmp_path / "plain", REAL + plain, "orders-mysql.log")
    aside = TABLE.format(verdict="ruled out")
    assert not {54, 150} & flagged(tmp_path / "aside", REAL + aside, "orders-mysql.log")


# A seventh batch, written before it was run (16/23 right then: fallout, `but it never came`,
# `- separate ticket`, `can be disregarded`, `could not find a single one`, a hypothesis,
# `was not involved`).
ASIDES_7 = [
    "* `upstream server temporarily disabled` showed up a few times, but only as fallout from the"
    " refused connects.",
    "* The `MaxListenersExceededWarning: Possible EventEmitter memory leak detected` predated this"
    " by months.",
    "* We did see `WRONGTYPE Operation against a key holding the wrong kind of value` once, from a"
    " unit test hitting prod (oops), not relevant.",
    '* Did not observe any "Too many connections" from the replica.',
    "* Grepping for `Lock wait timeout exceeded` returned zero lines on the replica.",
    "* I half expected `OOM command not allowed when used memory > 'maxmemory'` but it never came.",
    "* Not seeing `Deadlock found when trying to get lock` anywhere, so deadlocks are out.",
    "* The on-call first blamed `object too large for cache`; wrong.",
    "* `Access denied for user 'orders'@'localhost'` - separate ticket, separate root cause.",
    "* After the rollback there were a few `[Errno 30] Read-only file system` errors; these are"
    " from the remount and can be disregarded.",
    "* We were told about `RangeError: Maximum call stack size exceeded` but could not find a"
    " single one.",
    "* Hypothesis 2 (`remaining connection slots are reserved for non-replication superuser"
    " connections`) was rejected.",
    "* `Deadlock found when trying to get lock` — not in this incident's logs.",
    "* No, `object too large for cache` was not involved.",
    "* Any `canceling statement due to user request`? Nope, none.",
]
CONTROLS_7 = [
    (
        "* The service did not come back; `FATAL:  sorry, too many clients already` filled"
        " the log.",
        "too many",
    ),
    (
        "* Restarts did not help and neither did scaling: `OperationalError: (1040, 'Too many"
        " connections')`.",
        "Too many",
    ),
    ("* We did see `FATAL:  sorry, too many clients already` on every worker.", "too many"),
    (
        "* Not all requests failed, but those that did logged `sqlite3.OperationalError: database"
        " is locked`.",
        "locked",
    ),
    (
        "* The nightly job was not scheduled twice; it simply died with `sqlite3.OperationalError:"
        " database is locked`.",
        "locked",
    ),
    ("* Surprisingly, no alert fired for `FATAL:  sorry, too many clients already`.", "too many"),
    (
        "* The first error was `OperationalError: (1040, 'Too many connections')`, never seen on"
        " this cluster before.",
        "Too many",
    ),
    (
        "* Hypothesis confirmed: `sqlite3.OperationalError: database is locked` every time two"
        " imports overlapped.",
        "locked",
    ),
]


@pytest.mark.parametrize("bullet", ASIDES_7)
def test_a_seventh_batch_of_asides_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_7)
def test_a_seventh_batch_of_controls_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


# The incident's own error with a first time, a surprise, a denied verdict (18/20 right before,
# and 17/20 on 0f8e8c2: `which we had not expected`, `no other noise in the log` were asides).
CONTROLS_8 = [
    (
        "* Clients got `FATAL:  sorry, too many clients already` and could not do anything about"
        " it.",
        "too many",
    ),
    (
        "* The importer saw `sqlite3.OperationalError: database is locked` whenever two runs"
        " overlapped, which we had not expected.",
        "locked",
    ),
    (
        "* Only the nightly job hit `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting"
        " transaction`; interactive users never did.",
        "1205",
    ),
    (
        "* We first noticed `OperationalError: (1040, 'Too many connections')` in Sentry.",
        "Too many",
    ),
    (
        "* At first only a few requests failed with `OperationalError: (1040, 'Too many"
        " connections')`, then all of them.",
        "Too many",
    ),
    (
        "* Initially `FATAL:  sorry, too many clients already` appeared only on two workers.",
        "too many",
    ),
    (
        "* The first symptom was `sqlite3.OperationalError: database is locked` in the importer.",
        "locked",
    ),
    (
        "* Everyone suspected the network until we read `FATAL:  sorry, too many clients already`"
        " in the server log.",
        "too many",
    ),
    (
        "* It was not obvious at first, but the log said `FATAL:  sorry, too many clients"
        " already`.",
        "too many",
    ),
    (
        "* The app kept logging `sqlite3.OperationalError: database is locked`, which nobody had"
        " noticed for hours.",
        "locked",
    ),
    (
        "* `OperationalError: (1040, 'Too many connections')` — the same error we saw in March.",
        "Too many",
    ),
    (
        "* Unlike the March incident, this time it was `FATAL:  sorry, too many clients already`.",
        "too many",
    ),
    (
        "* The dashboard did not show it, but `sqlite3.OperationalError: database is locked` was in"
        " every import log.",
        "locked",
    ),
    (
        "* No requests succeeded for 20 minutes; all got `OperationalError: (1040, 'Too many"
        " connections')`.",
        "Too many",
    ),
    ("* The real culprit: `sqlite3.OperationalError: database is locked`.", "locked"),
    (
        "* `FATAL:  sorry, too many clients already` was the only error, no other noise in the"
        " log.",
        "too many",
    ),
    (
        "* Turned out the cron held the lock: `ERROR 1205 (HY000): Lock wait timeout exceeded; try"
        " restarting transaction`.",
        "1205",
    ),
    ("* `sqlite3.OperationalError: database is locked` — this is the one that matters.", "locked"),
    (
        "* It wasn't a one-off: `FATAL:  sorry, too many clients already` hundreds of times.",
        "too many",
    ),
    (
        "* Expected behaviour would have been a retry, instead the job died with"
        " `sqlite3.OperationalError: database is locked`.",
        "locked",
    ),
]


@pytest.mark.parametrize(("bullet", "word"), CONTROLS_8)
def test_a_denied_verdict_or_a_first_sighting_keeps_the_error(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]
