"""Issue #11, ninth pass: asides the eighth pass's rules still missed (matcher/incidents/
remarks.py, docs/incident-log-format.md, "Not this incident"): the verdicts of a writer in
English as a second language (`this is consequence, not same error, please don't mix`),
another message of the same cause (`Same root cause, but a different message and not what this
incident is about`), an older known issue that did not cause this, an instruction not to alert
on it or grep for it (`grep for the FATAL, not for "…"`), and a line said to be at INFO level.
Each kind has phrasings of its own (not the blind set's sentences) and controls where the same
words go with the incident's real error. The log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

SLOTS = "remaining connection slots are reserved for non-replication superuser connections"
DEADLOCK = "Deadlock found when trying to get lock"
TOO_LARGE = "object too large for cache"
LOCK_WAIT = "Lock wait timeout exceeded; try restarting transaction"
OOM = "OOM command not allowed when used memory > 'maxmemory'"
REFUSED = "Connection failed: KafkaConnectionError: 111 ECONNREFUSED"
STACK = "Maximum call stack size exceeded"
READ_ONLY = "[Errno 30] Read-only file system"

# (kind, bullet): log text the author sets aside
ASIDES = [
    # a writer in English as a second language: articles dropped, `this lines`, `what the
    # users see`
    (
        "esl",
        f'* We see also "{DEADLOCK}" in the log, this is consequence of the retry, not same error.',
    ),
    ("esl", f'* "{SLOTS}" is other problem, please don\'t mix with this one.'),
    ("esl", f"* The `{TOO_LARGE}` lines is not the real error, is only effect of big session."),
    ("esl", f'* "{DEADLOCK}" \u2014 this is coming after, is not what the customers see.'),
    (
        "esl",
        f"* There is also `{SLOTS}` but this lines is from the backup, we don't count them.",
    ),
    ("esl", f'* "{TOO_LARGE}" it is side effect, not the problem of this incident.'),
    ("esl", f"* `{DEADLOCK}` \u2014 is consequence, please do not mix."),
    # another message of the same cause, not what this incident is about
    (
        "samecause",
        f'* Some calls ended with "{SLOTS}". Same root cause, different message; not what this'
        " incident is about.",
    ),
    (
        "samecause",
        f"* `{DEADLOCK}` shows up too \u2014 same underlying cause, but a different error and"
        " out of this incident's scope.",
    ),
    (
        "samecause",
        f'* "{TOO_LARGE}" also appeared. Related, but a different message and not what this'
        " postmortem covers.",
    ),
    (
        "samecause",
        f"* The pooler printed `{SLOTS}` for a few clients. Same trigger, other message, not"
        " this incident's signature.",
    ),
    (
        "samecause",
        f'* A couple of "{DEADLOCK}" errors too. Same cause, but not what this incident is about.',
    ),
    # an older, known issue that did not cause this
    (
        "older",
        f'* For the record: the "{DEADLOCK}" errors in that service are older, known issues and'
        " did not cause this.",
    ),
    (
        "older",
        f"* FYI `{TOO_LARGE}` has been a known issue for months; it did not cause this outage.",
    ),
    (
        "older",
        f'* The "{SLOTS}" messages are old news and didn\'t cause anything here.',
    ),
    (
        "older",
        f"* Note: `{DEADLOCK}` is a long-standing known bug, did not contribute.",
    ),
    ("older", f'* "{TOO_LARGE}" errors: older known problem, not a cause of this one.'),
    # an instruction about what to alert on or grep for
    (
        "alert",
        f'* The broker also spams "{REFUSED}"; it is the cause but we do not want to alert on'
        " this lines.",
    ),
    ("alert", f'* grep for the lock wait, not for "{DEADLOCK}".'),
    ("alert", f"* We deliberately left `{SLOTS}` out of the alert."),
    ("alert", f'* Do not page on "{TOO_LARGE}", it is too noisy.'),
    ("alert", f"* Please don't alert on `{DEADLOCK}`, it fires every night."),
    ("alert", f'* "{SLOTS}" \u2014 intentionally not in the alert rule.'),
    (
        "alert",
        f'* A few workers got "{SLOTS}". We deliberately did not add it to the alert.',
    ),
    # a line said to be at INFO (or DEBUG) level
    ("info", f"* The pool-stats INFO line prints `{SLOTS}` every minute."),
    ("info", f'* Our health check said "{TOO_LARGE}" \u2014 the alert was not wired, it is INFO.'),
    ("info", f'* The retry wrapper logs "{DEADLOCK}" at INFO.'),
    ("info", f"* There is an INFO message that mentions `{TOO_LARGE}`; harmless."),
    ("info", f"* `{SLOTS}` \u2014 only INFO level, it's the pooler's stats."),
    ("info", f'* The DEBUG line says "{DEADLOCK}" after each retry.'),
]

# (kind, bullet, a word of the symptom it must give): the incident's own error, with the
# words of an aside of that kind beside it
CONTROLS = [
    (
        "esl",
        f'* Every order fail with "{LOCK_WAIT}", this is the error what the users see.',
        "Lock wait",
    ),
    ("esl", f"* The job is failing with `{LOCK_WAIT}`, is the same error on all hosts.", "Lock"),
    (
        "esl",
        f'* "{OOM}" \u2014 this is the consequence of the big keys, and what customers see.',
        "OOM",
    ),
    ("esl", f'* We see this lines all night: "{LOCK_WAIT}".', "Lock wait"),
    ("esl", f'* It is not the network, it is "{LOCK_WAIT}" in every call.', "Lock wait"),
    (
        "esl",
        f'* Don\'t mix up: the error is "{OOM}", the timeouts are after.',
        "OOM",
    ),
    ("samecause", f'* Same root cause on every host: "{LOCK_WAIT}".', "Lock wait"),
    (
        "samecause",
        f'* Same cause and same message on every host: "{LOCK_WAIT}".',
        "Lock wait",
    ),
    ("samecause", f'* "{OOM}" \u2014 this is what this incident is about.', "OOM"),
    ("samecause", f"* Different services, same message: `{LOCK_WAIT}`.", "Lock wait"),
    (
        "samecause",
        f'* A different host each time, but always "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "older",
        f'* For the record: "{LOCK_WAIT}" was the first error, at 02:01.',
        "Lock wait",
    ),
    ("older", f'* The "{OOM}" errors are new; this never happened before.', "OOM"),
    (
        "older",
        f'* A known issue in the BI job caused "{LOCK_WAIT}" on every order.',
        "Lock wait",
    ),
    ("older", f'* The older hosts logged "{LOCK_WAIT}" first.', "Lock wait"),
    (
        "older",
        f'* The deploy did not cause this: "{OOM}" was there before it, from the key growth.',
        "OOM",
    ),
    ("older", f'* "{OOM}" \u2014 the deploy did not cause it, the key growth did.', "OOM"),
    ("alert", f'* We alert on "{LOCK_WAIT}" now.', "Lock wait"),
    ("alert", f'* grep for "{LOCK_WAIT}" to find it.', "Lock wait"),
    (
        "alert",
        f'* We did not alert on "{OOM}" that night, so nobody noticed for an hour.',
        "OOM",
    ),
    ("alert", f'* Added "{LOCK_WAIT}" to the alert.', "Lock wait"),
    ("alert", f"* Page on `{OOM}`, not on the latency graph.", "OOM"),
    (
        "alert",
        f'* We don\'t alert on "{LOCK_WAIT}" yet, which is why it took an hour.',
        "Lock wait",
    ),
    (
        "alert",
        f'* Don\'t page on the latency graph, page on "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "info",
        f'* The INFO line before it said "retrying" and then ERROR "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "info",
        f'* After an INFO "pool stats" line, the app logged "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "info",
        f'* The INFO-level health check stayed green while the app logged "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (
        "info",
        f'* It is logged at ERROR: "{LOCK_WAIT}", right after the INFO lines.',
        "Lock wait",
    ),
    (
        "info",
        f'* The worker logged "{LOCK_WAIT}" at INFO first, then at ERROR.',
        "Lock wait",
    ),
    (
        "info",
        f'* The deadlock retries are INFO; the real error was "{LOCK_WAIT}".',
        "Lock wait",
    ),
]


@pytest.mark.parametrize(("kind", "bullet"), ASIDES)
def test_log_text_set_aside_is_no_symptom(kind: str, bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("kind", "bullet", "word"), CONTROLS)
def test_the_incidents_own_error_with_the_same_words_stays(
    kind: str, bullet: str, word: str
) -> None:
    found = symptoms_of(REAL + bullet)
    assert found[0] == REAL_SYMPTOM and any(word in symptom for symptom in found[1:])


def test_each_kind_has_five_asides_and_five_controls() -> None:
    kinds = {kind for kind, _ in ASIDES}
    assert kinds == {"esl", "samecause", "older", "alert", "info"}
    for kind in kinds:
        assert sum(k == kind for k, _ in ASIDES) >= 5
        assert sum(k == kind for k, _, _ in CONTROLS) >= 5


@pytest.mark.parametrize(
    ("aside", "plain", "log", "lines"),
    [
        (
            f'* The network thread spams "{REFUSED}". It is the cause but we do not want to'
            " alert on this lines.",
            f'* Every publish failed: "{REFUSED}".',
            "events-kafka.log",
            {37, 47, 104, 114, 125},
        ),
        (
            f"* Later the retry fail with `{READ_ONLY}` \u2014 this is consequence, not same"
            " error.",
            f"* The retry failed with `{READ_ONLY}`.",
            "backup-job.log",
            {27, 54},
        ),
        (
            f'* Some logins got "FATAL:  {SLOTS}". Same root cause, but a different message.',
            f'* Logins failed with "FATAL:  {SLOTS}".',
            "postgresql.log",
            {31},
        ),
        (
            f'* For the record: the "{STACK}" errors are older, known issues and did not cause'
            " this.",
            f'* The report builder crashed: "RangeError: {STACK}".',
            "node-services.log",
            {52, 107},
        ),
    ],
)
def test_lines_set_aside_are_not_flagged_in_real_logs(
    tmp_path: Path, aside: str, plain: str, log: str, lines: set[int]
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    assert lines <= flagged(tmp_path / "plain", REAL + plain, log)
    assert not lines & flagged(tmp_path / "aside", REAL + aside, log)


# A fresh batch, written after the rules above and run once before any change to them (the
# figure before tuning is in bench/results/postmortems.md, compile9a notes): asides of these
# kinds and others, in new words and several voices, and controls with similar words.
FRESH_ASIDES = [
    f'* In same time the replica was printing "{DEADLOCK}", but this one is'
    " not our incident, is the nightly batch.",
    f"* We have also many `{SLOTS}` in the log; they are result of the restart, don't take them.",
    f'* "{TOO_LARGE}" — it exist since long time, nothing new.',
    f"* The lines `{DEADLOCK}` is appearing only when we do the cleanup,"
    " please ignore it for this case.",
    f'* About "{SLOTS}": it comes from the monitoring user, it is not the problem.',
    f'* "{TOO_LARGE}" is same origin but other message; we keep it out of this incident.',
    f"* The `{DEADLOCK}` messages have the same root cause but they are a"
    " different signature, track them in OPS-77.",
    f'* "{SLOTS}" belongs to the pooler ticket, not to this one.',
    f"* Heads-up: `{TOO_LARGE}` has been in the logs since spring and is unrelated to this outage.",
    f'* The "{DEADLOCK}" warnings from the reindex are a years-old issue and played no role.',
    f"* `{SLOTS}` — old, known, not a contributor.",
    f'* For completeness: "{TOO_LARGE}" also shows up, it\'s a'
    " long-standing thing that did not trigger anything here.",
    f'* Monitoring note: key the alert on the timeout, not on "{DEADLOCK}".',
    f"* Don't build the alert on `{SLOTS}`, it flaps all day.",
    f'* We chose not to alert on "{TOO_LARGE}" because it\'s noise.',
    f"* When searching, use the timeout text; searching for `{DEADLOCK}` gives only false hits.",
    f'* Excluded "{SLOTS}" from the alerting query on purpose.',
    f"* The heartbeat logs `{TOO_LARGE}` at DEBUG level every 30 s.",
    f'* "{DEADLOCK}" is just an INFO from the retry helper.',
    f'* Our watchdog\'s INFO entry reads "{SLOTS}" even when everything is fine.',
    f'* There is a DEBUG trace "{TOO_LARGE}" for each oversized item; ignore.',
    f"* `{DEADLOCK}` came out at INFO, so it is not the error.",
    f'* The "{SLOTS}" line is after the outage was already over, not what users hit.',
    f'* "{TOO_LARGE}" this is not the real issue, only the noise of the batch.',
    f'* We saw "{DEADLOCK}" few times, it has nothing with this incident.',
    f"* `{SLOTS}` was there before too, same as every month.",
    f'* The "{TOO_LARGE}" errors are a consequence, not the failure itself.',
    f'* Somebody asked about "{DEADLOCK}" — that one is a different story, see last quarter.',
    f'* Also "{SLOTS}" appear, but it is other error, not this one.',
    f"* `{TOO_LARGE}`: known, older, harmless in this context.",
]

FRESH_CONTROLS = [
    (
        f'* In same time all the workers was printing "{LOCK_WAIT}", this is our incident.',
        "Lock wait",
    ),
    (
        f"* We have many `{LOCK_WAIT}` in the log; they are result of the BI session holding rows.",
        "Lock wait",
    ),
    (f'* "{OOM}" — it start at 02:10, this is the main error.', "OOM"),
    (
        f"* The lines `{LOCK_WAIT}` is appearing on every order, please look at it first.",
        "Lock wait",
    ),
    (f'* About "{LOCK_WAIT}": it comes from the orders API, it is the problem.', "Lock wait"),
    (f'* "{OOM}" is the message for this incident; other messages are in OPS-77.', "OOM"),
    (f"* The `{LOCK_WAIT}` messages have the same root cause on all shards.", "Lock wait"),
    (f'* "{LOCK_WAIT}" belongs to this incident.', "Lock wait"),
    (f"* Heads-up: `{OOM}` was new in the logs that night.", "OOM"),
    (f'* The "{LOCK_WAIT}" errors from the restock job played the main role.', "Lock wait"),
    (f"* `{OOM}` — new, not seen before, the trigger.", "OOM"),
    (f'* For completeness: "{LOCK_WAIT}" also shows up in the cron log.', "Lock wait"),
    (f'* Monitoring note: key the alert on "{LOCK_WAIT}", not on the latency.', "Lock wait"),
    (f"* Build the alert on `{OOM}`; it fires only when the cache is full.", "OOM"),
    (f'* We chose to alert on "{LOCK_WAIT}" from now on.', "Lock wait"),
    (
        f"* When searching, use the error text: searching for `{LOCK_WAIT}`"
        " finds every failed order.",
        "Lock wait",
    ),
    (f'* Added "{OOM}" to the alerting query on purpose.', "OOM"),
    (f"* The heartbeat was fine at DEBUG level, but the writer logged `{OOM}` at ERROR.", "OOM"),
    (f'* "{LOCK_WAIT}" is the ERROR from the retry helper after the last attempt.', "Lock wait"),
    (
        f'* Our watchdog\'s INFO entry was quiet; the API logged "{LOCK_WAIT}" meanwhile.',
        "Lock wait",
    ),
    (f'* There is a DEBUG trace before each call and then "{OOM}".', "OOM"),
    (f"* `{LOCK_WAIT}` came out at ERROR, so it is the error.", "Lock wait"),
    (
        f'* The "{LOCK_WAIT}" line is the first one, at 02:01, before users hit anything.',
        "Lock wait",
    ),
    (f'* "{OOM}" this is the real issue, the batch only made it worse.', "OOM"),
    (f'* We saw "{LOCK_WAIT}" many times, it is all this incident.', "Lock wait"),
    (f"* `{OOM}` was not there before the deploy.", "OOM"),
    (
        f'* The "{LOCK_WAIT}" errors are the failure itself; the 502s are a consequence.',
        "Lock wait",
    ),
    (f'* Somebody asked about "{OOM}" — yes, that one is the story.', "OOM"),
    (f'* Also "{LOCK_WAIT}" appear on the cron host, same error.', "Lock wait"),
    (f"* `{OOM}`: new, the cause of the empty carts.", "OOM"),
]


@pytest.mark.parametrize("bullet", FRESH_ASIDES)
def test_fresh_aside_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), FRESH_CONTROLS)
def test_fresh_control_keeps_the_incidents_error(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert found[0] == REAL_SYMPTOM and any(word in symptom for symptom in found[1:])


# A clause after a semicolon with a subject of its own is about that subject, unless it refers
# back to the log text (the cues are then read in it).
@pytest.mark.parametrize(
    ("bullet", "kept"),
    [
        (f'* "{LOCK_WAIT}" is logged at ERROR; the INFO lines are noise.', True),
        (f'* The "{LOCK_WAIT}" errors are the failure itself; the 502s are a consequence.', True),
        pytest.param(
            f'* "{OOM}" on every write; the retry warnings around it were harmless.',
            True,
            # `it` in the later clause reads as referring back: precision keeps it an aside
            marks=pytest.mark.xfail(strict=True, reason="a back-reference inside a phrase"),
        ),
        (f'* "{DEADLOCK}" at 02:00; the team was sure it was unrelated.', False),
        (f'* "{DEADLOCK}" at 02:00; the nightly job is known for that, harmless.', False),
    ],
)
def test_a_later_clause_with_its_own_subject(bullet: str, kept: bool) -> None:
    assert (len(symptoms_of(REAL + bullet)) == 2) is kept


# A third batch in new words, written after the fresh batch was tuned (1 of 4 asides right
# then): a refusal to alert without `on`, `not belong to this`, `not cause of this`; and
# controls where an instruction about the incident's error is qualified or kept.
@pytest.mark.parametrize(
    ("bullet", "kept"),
    [
        (
            f"* Also `{DEADLOCK}` is in the logs, but please, don't put alert for it, it is every"
            " night.",
            False,
        ),
        (f'* We saw "{SLOTS}" also, it\'s not belong to this incident.', False),
        (f'* "{DEADLOCK}" \u2014 known thing from the batch, not cause of this.', False),
        (f'* Don\'t grep "{SLOTS}", you will find only the monitoring user.', False),
        (f'* We page on "{LOCK_WAIT}" since this incident.', True),
        (f'* The alert now greps for "{LOCK_WAIT}", not for the deadlock text.', True),
        (
            f'* The team does not want to grep through "{LOCK_WAIT}" by hand anymore, so we added'
            " an alert on it.",
            True,
        ),
        (
            f'* Never grep "{LOCK_WAIT}" without the date, it is in every log of that night.',
            True,
        ),
        (f'* "{LOCK_WAIT}" does belong to this incident: every order failed with it.', True),
    ],
)
def test_third_batch(bullet: str, kept: bool) -> None:
    assert (len(symptoms_of(REAL + bullet)) == 2) is kept
