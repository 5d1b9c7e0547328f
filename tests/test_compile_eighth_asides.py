"""Issue #11, eighth pass: kinds of aside the seventh pass's clause rule still missed
(matcher/incidents/dismissal.py, docs/incident-log-format.md, "Not this incident"): a verdict
after an arrow or a colon, a verdict in a later sentence of the bullet, emphasis inside the
prose, a contrastive reattribution (`that's the cause underneath, not what users hit`), an
artefact of the responders' own action, a red herring told as time lost, the same story from
the warn side, a first guess answered `— no`. Each kind has phrasings of its own (not the
blind sets' sentences) and controls where the same words go with the incident's real error.
The log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, symptoms_of

SLOTS = "remaining connection slots are reserved for non-replication superuser connections"
DEADLOCK = "Deadlock found when trying to get lock"
TOO_LARGE = "object too large for cache"
LOCK_WAIT = "Lock wait timeout exceeded; try restarting transaction"
OOM = "OOM command not allowed when used memory > 'maxmemory'"
DISABLED = "upstream server temporarily disabled"
REFUSED = "KafkaConnectionError: 111 ECONNREFUSED"

# (kind, bullet): log text the author sets aside
ASIDES = [
    # a verdict after an arrow or a colon
    ("arrow", f"* `{DEADLOCK}` \u2192 unrelated, a batch job on the replica"),
    ("arrow", f'* "{SLOTS}" -> different limit, not ours'),
    ("arrow", f'* "{TOO_LARGE}": side effect, not the cause.'),
    ("arrow", f"* `{DEADLOCK}` => separate ticket (INC-88)."),
    ("arrow", f'* "{OOM}": follow-on, not the trigger.'),
    ("arrow", f"* `{DEADLOCK}` \u2192 red herring"),
    ("arrow", f'* then "{SLOTS}": consequence, not cause.'),
    # a verdict in a later sentence of the same bullet
    (
        "later",
        f'* The cron logged "{DEADLOCK}" twice while we were poking at it. Not part of the'
        " incident.",
    ),
    (
        "later",
        f'* "{SLOTS}" showed up at 02:10. Unrelated to the outage, it was the backup user.',
    ),
    ("later", f"* We also found `{TOO_LARGE}` in the memcached log. Separate problem."),
    ("later", f"* `{DEADLOCK}` appeared once during the window. Not relevant here."),
    ("later", f'* A few "{SLOTS}" lines at the start. Different issue, tracked in OPS-12.'),
    ("later", f"* Saw `{TOO_LARGE}` twice in the night. Not part of this outage either."),
    # emphasis inside the prose
    ("emphasis", f"* We also had `{SLOTS}`. It was *not* the outage."),
    ("emphasis", f'* "{DEADLOCK}" was **not** related.'),
    ("emphasis", f"* `{TOO_LARGE}` \u2014 _not_ what broke."),
    ("emphasis", f'* We did *not* see "{DEADLOCK}" at all.'),
    ("emphasis", f'* "{SLOTS}" is **unrelated**.'),
    ("emphasis", f'* "{DEADLOCK}" \u2014 *never* showed up.'),
    # a contrastive reattribution: what it is, and what the users really hit
    (
        "contrast",
        f'* "{DEADLOCK}" lines are the retry loop, what the user got was the lock wait.',
    ),
    (
        "contrast",
        f"* We also saw `{TOO_LARGE}`. That's the session cache; what customers hit was the"
        " metadata timeout.",
    ),
    ("contrast", f'* "{SLOTS}" is the root of it deep down, not what the app reported.'),
    (
        "contrast",
        f"* `{DEADLOCK}` shows up in the InnoDB monitor, but what the clients got was the lock"
        " wait.",
    ),
    ("contrast", f'* "{SLOTS}" was the underlying limit; the error users saw was different.'),
    (
        "contrast",
        f"* There were `{REFUSED}` lines too. Those are the client probing brokers, the app"
        " itself only ever reported the metadata timeout.",
    ),
    # an artefact of the responders' own action
    (
        "own",
        f"* `{SLOTS}` at 02:40 is from us opening psql sessions to debug, not a symptom.",
    ),
    ("own", f'* "{DEADLOCK}" was caused by our own manual UPDATE while fixing the rows.'),
    ("own", f"* The `{OOM}` burst at 03:05 is us shrinking maxmemory to test the alert."),
    ("own", f'* "{TOO_LARGE}" was me testing a big payload by hand.'),
    (
        "own",
        f"* `{SLOTS}`: that's from the on-call raising max_connections and restarting, not the"
        " incident.",
    ),
    ("own", f'* "{DEADLOCK}" was triggered by the migration we ran to recover.'),
    # a red herring told as time lost
    ("time", f'* I burned an hour on "{DEADLOCK}" before anyone looked at the lock wait.'),
    ("time", f"* Spent far too long chasing `{TOO_LARGE}`."),
    ("time", f'* We lost most of the morning to the "{SLOTS}" lines.'),
    ("time", f"* Wasted 40 minutes on `{DEADLOCK}`."),
    ("time", f'* A good half hour went into "{SLOTS}", for nothing.'),
    ("time", f"* I sank a lot of time into the `{TOO_LARGE}` replies."),
    # the same story from the warn side
    ("warn", f'* "{DISABLED}" warns: same thing.'),
    ("warn", f"* nginx also wrote `{DISABLED}` at warn level; same outage."),
    ("warn", f'* The WARN-level "{SLOTS}" messages are the same event seen by the pooler.'),
    ("warn", f"* `{DEADLOCK}` also shows up as a warning from the ORM, same story."),
    ("warn", f"* Same incident from the warning side: `{DISABLED}`."),
    ("warn", f"* The `[warn] \u2026 {DISABLED}` lines are the same failure, one level down."),
    # a first guess answered `— no`
    ("no", f'* first thought: "{DEADLOCK}" \u2014 no.'),
    ("no", f"* Suspect #1 was `{SLOTS}` - nope, never hit."),
    ("no", f'* deadlock ("{DEADLOCK}")? \u2014 no.'),
    ("no", f"* Initial guess `{TOO_LARGE}` \u2014 no, carts are tiny."),
    ("no", f'* The obvious candidate, "{DEADLOCK}" \u2014 no.'),
    ("no", f"* Was it `{SLOTS}` \u2014 no."),
]

# (kind, bullet, a word of the symptom it must give): the incident's own error, with the
# words of an aside of that kind beside it
CONTROLS = [
    ("arrow", f'* Checkout \u2192 "{LOCK_WAIT}" on every order.', "Lock wait"),
    ("arrow", f'* Orders API: "{LOCK_WAIT}", the cause of the outage.', "Lock wait"),
    ("arrow", f"* cart writes \u2192 `{OOM}` \u2192 users saw empty carts.", "OOM"),
    (
        "arrow",
        f'* "{LOCK_WAIT}": consequence of the BI transaction holding the row locks.',
        "Lock wait",
    ),
    (
        "arrow",
        f'* "{LOCK_WAIT}" \u2192 restock stalled, separate orders piled up in the queue.',
        "Lock wait",
    ),
    ("arrow", f'* Main error: "{OOM}".', "OOM"),
    ("arrow", f'* restock \u2192 "{LOCK_WAIT}" \u2192 every order after 02:00 failed.', "Lock"),
    (
        "later",
        f'* The restock job logged "{LOCK_WAIT}" every 50 s. Unrelated jobs were fine.',
        "Lock",
    ),
    (
        "later",
        f'* Every order failed with "{LOCK_WAIT}". Separate shards were affected the same way.',
        "Lock wait",
    ),
    (
        "later",
        f'* "{OOM}" on every write. Not part of the plan, but we raised maxmemory.',
        "OOM",
    ),
    (
        "later",
        f'* Cart writes failed with "{OOM}". Different customers saw different pages, all from'
        " this.",
        "OOM",
    ),
    (
        "later",
        f'* The API returned "{LOCK_WAIT}". Noise in the dashboards hid it for an hour.',
        "Lock wait",
    ),
    ("emphasis", f'* It was *not* a network problem: "{LOCK_WAIT}" on every call.', "Lock wait"),
    ("emphasis", f"* The job did **not** finish: `{LOCK_WAIT}`.", "Lock wait"),
    ("emphasis", f"* We could **not** write to the cache: `{OOM}`.", "OOM"),
    ("emphasis", f'* *Every* order failed with "{LOCK_WAIT}".', "Lock wait"),
    (
        "emphasis",
        f'* The cause was **not** obvious: "{LOCK_WAIT}" looked like a slow query.',
        "Lock wait",
    ),
    ("contrast", f'* What users hit was "{LOCK_WAIT}".', "Lock wait"),
    (
        "contrast",
        f'* The cause underneath was "{LOCK_WAIT}": the BI report held the rows.',
        "Lock wait",
    ),
    (
        "contrast",
        f'* Those retries all ended with "{LOCK_WAIT}", which is what the app saw.',
        "Lock wait",
    ),
    ("contrast", f'* The app saw "{OOM}", not the cache timeout we expected.', "OOM"),
    ("contrast", f'* The client logged "{LOCK_WAIT}"; that is what users hit.', "Lock wait"),
    (
        "contrast",
        f'* "{LOCK_WAIT}" \u2014 the actual error was this one, the rest was retries.',
        "Lock wait",
    ),
    ("contrast", f'* "{OOM}"; what users saw was exactly that.', "OOM"),
    (
        "own",
        f'* The deploy lowered maxmemory by mistake and the cache answered "{OOM}" to every write.',
        "OOM",
    ),
    ("own", f'* "{LOCK_WAIT}" is from the BI report holding row locks.', "Lock wait"),
    (
        "own",
        f'* Our nightly migration held the lock, so the app logged "{LOCK_WAIT}".',
        "Lock wait",
    ),
    ("own", f'* "{OOM}" started when we shipped the cart change, which grew every key.', "OOM"),
    ("own", f'* Even during the mitigation, writes kept failing with "{OOM}".', "OOM"),
    ("own", f'* The CLI said "{LOCK_WAIT}" when we tried the update by hand.', "Lock wait"),
    ("time", f'* We spent an hour on "{LOCK_WAIT}" before fixing the pool.', "Lock wait"),
    (
        "time",
        f'* Most of the night went into "{LOCK_WAIT}": the BI transaction held the rows.',
        "Lock wait",
    ),
    ("time", f'* Spent the morning tracing "{OOM}" to the cart keys.', "OOM"),
    (
        "time",
        f'* The on-call spent 20 minutes on "{LOCK_WAIT}" until the DBA killed the session.',
        "Lock wait",
    ),
    ("time", f'* It took two hours to understand "{OOM}".', "OOM"),
    ("time", f'* We lost 2 hours of orders to "{LOCK_WAIT}".', "Lock wait"),
    ("warn", f'* The warn-level noise hid the real error: "{LOCK_WAIT}".', "Lock wait"),
    ("warn", f'* Not a warning but a hard error: "{LOCK_WAIT}".', "Lock wait"),
    ("warn", f'* After the warnings, the app logged "{OOM}" on every write.', "OOM"),
    ("warn", f'* No warnings beforehand; the first sign was "{LOCK_WAIT}".', "Lock wait"),
    ("warn", f'* The same story on every host: "{LOCK_WAIT}".', "Lock wait"),
    (
        "warn",
        f'* The worker logged "{LOCK_WAIT}" at warn level first, then at error level.',
        "Lock wait",
    ),
    ("no", f'* first guess was the network \u2014 no. The error was "{LOCK_WAIT}".', "Lock wait"),
    ("no", f'* Retries? \u2014 no, every call ended with "{LOCK_WAIT}".', "Lock wait"),
    (
        "no",
        f'* Did the pool recover \u2014 no: "{LOCK_WAIT}" until the session was killed.',
        "Lock wait",
    ),
    ("no", f'* "{LOCK_WAIT}" \u2014 no retry helped.', "Lock wait"),
    ("no", f'* "{OOM}" \u2014 no doubt about it, that was the outage.', "OOM"),
]


@pytest.mark.parametrize(("kind", "bullet"), ASIDES)
def test_log_text_set_aside_is_no_symptom(kind: str, bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("kind", "bullet", "word"), CONTROLS)
def test_the_incidents_own_error_with_the_same_words_stays(
    kind: str, bullet: str, word: str
) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


def test_each_kind_has_five_asides_and_five_controls() -> None:
    kinds = {kind for kind, _ in ASIDES}
    assert len(kinds) == 8
    for kind in kinds:
        assert sum(k == kind for k, _ in ASIDES) >= 5
        assert sum(k == kind for k, _, _ in CONTROLS) >= 5


@pytest.mark.parametrize(
    ("aside", "plain", "log", "lines"),
    [
        (
            f"* nginx also wrote `[warn] \u2026 {DISABLED}` at warn level; same outage.",
            f"* nginx logged `[warn] \u2026 {DISABLED}` for each backend.",
            "nginx-error.log",
            {19, 21, 49, 51},
        ),
        (
            "* Wasted an hour on `MaxListenersExceededWarning: Possible EventEmitter memory leak"
            " detected`.",
            "* The worker logged `MaxListenersExceededWarning: Possible EventEmitter memory leak"
            " detected` and died.",
            "node-services.log",
            {54, 109},
        ),
        (
            f"* `{REFUSED}` lines are the client retrying; what the app got was the metadata"
            " timeout.",
            f"* Every publish failed: `{REFUSED}`.",
            "events-kafka.log",
            {37, 47, 104, 114, 125},
        ),
        (
            f'* Before that, "FATAL:  {SLOTS}". It was *not* the outage.',
            f'* Logins failed with "FATAL:  {SLOTS}".',
            "postgresql.log",
            {31},
        ),
    ],
)
def test_lines_set_aside_are_not_flagged_in_real_logs(
    tmp_path: Path, aside: str, plain: str, log: str, lines: set[int]
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "aside").mkdir()
    # the control: they would be flagged. A warning beside an error is context whatever the
    # prose says (matcher/incidents/context.py), so a warning's control stands alone.
    control = plain if "warn" in plain.lower() else REAL + plain
    assert lines <= flagged(tmp_path / "plain", control, log)
    assert not lines & flagged(tmp_path / "aside", REAL + aside, log)


# A fresh batch, written after the rule above and run once before any change to it (the
# figure before tuning is in bench/results/postmortems.md, compile8a notes): asides of any
# kind, in new words, and controls where similar words go with the incident's error.
FRESH_ASIDES = [
    f"* Side note: `{DEADLOCK}` showed up around 02:00 as well \u2192 that's the nightly"
    " reindex, ignore.",
    f"* The `{SLOTS}` line at 01:58 was Priya connecting as superuser to look around.",
    f"* Honestly `{TOO_LARGE}` cost us an hour and had nothing to do with anything.",
    f'* We got distracted by "{DEADLOCK}" for a while; dead end.',
    f"* `{OOM}` appeared only after we set maxmemory to 10mb on purpose to reproduce.",
    f'* "{SLOTS}" \u2014 seen, but it\'s what pgbouncer prints when it reconnects. Not our'
    " problem.",
    f"* The `{DEADLOCK}` entries are older; they predate the deploy by a week.",
    f'* re "{TOO_LARGE}": not the cause, carts were under 10 KB.',
    f"* `{REFUSED}` is just the client looking for a broker that was down; users only saw the"
    " timeout.",
    f"* There's also \"{DISABLED}\" (warn). Same failure, nginx's view of it.",
    f'* Someone on the bridge said "{DEADLOCK}" \u2014 checked, wasn\'t that.',
    f"* `{SLOTS}` flickered for a few seconds at 23:10. Unrelated to the page.",
    f'* We went down the "{TOO_LARGE}" path first. Wrong path.',
    f"* **Not** the issue: `{DEADLOCK}`.",
    f'* "{SLOTS}"? Checked pg_stat_activity \u2014 no.',
    f"* The `{OOM}` errors in staging are from our load test, nothing to do with prod.",
    f"* `{DEADLOCK}` shows up in every nightly run; background noise.",
    f"* I'd suspected `{TOO_LARGE}` early on. Wrong.",
    f'* Also present but irrelevant: "{SLOTS}".',
    f'* "{DEADLOCK}" => the reindex job, a known issue (OPS-311).',
    f"* A handful of `{SLOTS}` messages popped up when I restarted the pooler by hand.",
    f"* `{TOO_LARGE}` is a red flag in general but played no part here.",
    f"* The `{DISABLED}` warnings just mirror the connect() errors.",
    f'* We wasted the first half hour convinced it was "{DEADLOCK}".',
    f"* `{REFUSED}` \u2014 that's the symptom one layer down; customers got the metadata timeout.",
    f'* "{SLOTS}" appears in the log too, but only from the monitoring user and it\'s harmless.',
    f'* "{OOM}" was from my manual CONFIG SET during the mitigation.',
    f'* Check: "{DEADLOCK}"? No deadlocks in SHOW ENGINE INNODB STATUS.',
    f"* There were `{TOO_LARGE}` replies, but those were there last month too.",
    f"* The `{DEADLOCK}` message was a distraction. The lock wait was the real problem.",
]

FRESH_CONTROLS = [
    (
        f'* Side note: the restock job also logged "{LOCK_WAIT}" \u2192 the same BI session'
        " holding rows.",
        "Lock wait",
    ),
    (f"* The `{LOCK_WAIT}` line at 01:58 was the first one; Priya paged at 02:03.", "Lock wait"),
    (f'* Honestly "{LOCK_WAIT}" cost us the whole night.', "Lock wait"),
    (
        f'* We got distracted by the dashboards for a while; the log said "{LOCK_WAIT}" all along.',
        "Lock wait",
    ),
    (f"* `{OOM}` appeared right after the cart deploy doubled the key size.", "OOM"),
    (f'* "{OOM}" \u2014 seen on every write, until maxmemory was raised.', "OOM"),
    (
        f"* The `{LOCK_WAIT}` entries start at 01:58, right when the BI report began.",
        "Lock wait",
    ),
    (f'* re "{LOCK_WAIT}": that\'s the cause of the failed orders.', "Lock wait"),
    (f'* Users only saw "{LOCK_WAIT}" in the API response.', "Lock wait"),
    (
        f'* There\'s also "{OOM}" from the session writer. Same failure, the cache was full.',
        "OOM",
    ),
    (
        f'* Someone on the bridge said "{LOCK_WAIT}" \u2014 checked, it was exactly that.',
        "Lock wait",
    ),
    (f'* "{LOCK_WAIT}" for 40 minutes. Unrelated services kept working.', "Lock wait"),
    (
        f'* We went down the wrong path first (the network), then found "{LOCK_WAIT}".',
        "Lock wait",
    ),
    (f"* **The** issue: `{LOCK_WAIT}`.", "Lock wait"),
    (
        f'* "{LOCK_WAIT}"? Checked the processlist \u2014 yes, the BI session.',
        "Lock wait",
    ),
    (f'* The "{OOM}" errors in prod started at 02:10, during peak traffic.', "OOM"),
    (
        f'* "{LOCK_WAIT}" in every restock run that night; nothing else in the log.',
        "Lock wait",
    ),
    (f'* I suspected the pool early on, but the error was "{LOCK_WAIT}".', "Lock wait"),
    (f'* Also present and relevant: "{LOCK_WAIT}" on the cron host.', "Lock wait"),
    (
        f'* restock \u2192 "{LOCK_WAIT}" \u2192 orders stuck (known BI issue, now fixed).',
        "Lock wait",
    ),
    (f'* A handful of "{LOCK_WAIT}" messages popped up first, then hundreds.', "Lock wait"),
    (f'* "{OOM}" played the main part: every cart write failed.', "OOM"),
    (f'* The "{OOM}" errors mirror the memory graph exactly.', "OOM"),
    (
        f'* We wasted no time: "{LOCK_WAIT}" pointed straight at the BI session.',
        "Lock wait",
    ),
    (
        f"* `{LOCK_WAIT}` \u2014 that's the symptom customers got, the cause was one layer down.",
        "Lock wait",
    ),
    (f'* "{OOM}" appears in the log too, on every write from the cart service.', "OOM"),
    (
        f'* "{OOM}" kept coming during the mitigation until the CONFIG SET took effect.',
        "OOM",
    ),
    (
        f'* Check: "{LOCK_WAIT}"? Yes, 1,200 of them in SHOW ENGINE INNODB STATUS.',
        "Lock wait",
    ),
    (
        f'* There were "{LOCK_WAIT}" errors, and those were not there last month.',
        "Lock wait",
    ),
    (f'* The lock wait was the real problem: "{LOCK_WAIT}".', "Lock wait"),
]


# Not reached: what a responder did told as an action without a word of the rule (`was Priya
# connecting …`, `when I restarted the pooler by hand`); `by hand` alone is no aside (`the CLI
# said "…" when we tried to connect by hand` confirms the incident's error), so precision
# keeps them symptoms. Strict: a change that reaches them must move them up.
_NOT_REACHED = {FRESH_ASIDES[1], FRESH_ASIDES[20]}


@pytest.mark.parametrize(
    "bullet",
    [
        pytest.param(b, marks=pytest.mark.xfail(strict=True, reason="not reached"))
        if b in _NOT_REACHED
        else b
        for b in FRESH_ASIDES
    ],
)
def test_a_fresh_batch_of_asides_is_no_symptom(bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("bullet", "word"), FRESH_CONTROLS)
def test_a_fresh_batch_of_controls_stays(bullet: str, word: str) -> None:
    found = symptoms_of(REAL + bullet)
    assert len(found) == 2 and word in found[1]


def test_the_fresh_batch_has_thirty_of_each() -> None:
    assert len(FRESH_ASIDES) >= 30 and len(FRESH_CONTROLS) >= 30
