"""Issue #11, tenth pass: asides told in a sentence of their own after the log text's
(matcher/incidents/verdicts.py, docs/incident-log-format.md, "Not this incident"): a bare
verdict (`Noise for this incident.`, `That's stack, not heap. Different problem.`), a formal
classification (`The Committee classifies this as …, and is not the primary symptom`), a first
guess taken back (`I thought this was the same error at first but it's Errno 1`), `not what
the alert fired on`, and a label that names the bullet a near miss (`**Kernel layer near miss:**`).
Each kind has phrasings of its own and controls where the same words go
with the incident's real error."""

from __future__ import annotations

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, symptoms_of

SLOTS = "remaining connection slots are reserved for non-replication superuser connections"
DEADLOCK = "Deadlock found when trying to get lock"
STACK = "RangeError: Maximum call stack size exceeded"
READ_ONLY = "OSError: [Errno 30] Read-only file system"
EPERM = "PermissionError(1, 'Operation not permitted')"
BOOT = "KafkaTimeoutError: Unable to bootstrap from 127.0.0.1:9092"

ASIDES = [
    # a bare verdict in the next sentence (or the one after a `That's …`)
    ("verdict", f"* `{DEADLOCK}` on the stock job in the same minutes. Noise for this incident."),
    (
        "verdict",
        f"* One `{STACK}` from a recursive report. That's stack, not heap. Different problem.",
    ),
    ("verdict", f'* We also saw "{SLOTS}" twice. Unrelated.'),
    ("verdict", f"* `{READ_ONLY}` after the remount. Separate issue (ticket OPS-12)."),
    ("verdict", f'* "{DEADLOCK}" in the rebalance. Just noise here.'),
    ("verdict", f"* `{STACK}` once. A different beast entirely."),
    # a formal classification of the text, in the next sentence
    (
        "formal",
        f'* Some attempts failed with "{SLOTS}". The Committee classifies this as the same'
        " condition, however it is reported with a different message and is not the primary"
        " symptom.",
    ),
    (
        "formal",
        f"* Finding 5. `{DEADLOCK}` was recorded. The review board regards this as a separate"
        " issue.",
    ),
    (
        "formal",
        f'* "{READ_ONLY}" appeared after remediation. We record it as a consequence of the'
        " remount.",
    ),
    (
        "formal",
        f"* `{STACK}` was observed. The panel considers it unrelated to the outage.",
    ),
    (
        "formal",
        f'* "{SLOTS}" was also logged. Our team treats these as noise for this review.',
    ),
    # the author's first guess that it was the same error, taken back
    (
        "firstguess",
        f"* The fixer then failed with {EPERM}. I thought this was the same error at first but"
        " it's Errno 1 not Errno 13.",
    ),
    (
        "firstguess",
        f"* Then `{READ_ONLY}`. I assumed it was the same thing but it's a different errno.",
    ),
    (
        "firstguess",
        f'* "{DEADLOCK}" too. I initially thought that was the same problem, but it was not.',
    ),
    (
        "firstguess",
        f"* `{EPERM}` on chown. I figured it was the same failure, but it's actually not.",
    ),
    (
        "firstguess",
        f"* And {EPERM}. I thought these were the same at first, but they're different.",
    ),
    # more verdicts read in a sentence about the log text
    ("verdict", f'* "{READ_ONLY}" after the fix. Self-inflicted.'),
    ("verdict", f"* `{STACK}` in the report job. Old news."),
    (
        "formal",
        f'* "{READ_ONLY}" appeared subsequently. It is deemed a by-product of the remediation.',
    ),
    (
        "formal",
        f"* `{DEADLOCK}` showed up as well. This finding is outside the scope of the present"
        " review.",
    ),
    ("formal", f'* "{SLOTS}" was noted. The working group does not attribute it to the incident.'),
    # a label that names the bullet a near miss
    ("nearmiss", f"* **Kernel layer near miss:** after the remount we got `{READ_ONLY}`."),
    ("nearmiss", f'* Near miss in the same layer: the fixer logged "{EPERM}".'),
    ("nearmiss", f"* Near miss (app layer): `{DEADLOCK}` in the rebalance job."),
    ("nearmiss", f'* Near-miss: "{SLOTS}" during the backup window.'),
    ("nearmiss", f"* A near miss worth knowing: `{STACK}` from a recursive report."),
    # a verdict label before other log text that has a colon of its own
    ("label", f'* Not the problem: the `SystemExit: 1` traceback and "{DEADLOCK}" after it.'),
    ("label", f"* Ruled out: `KeyError: 'x'` and `{STACK}` from the report job."),
    ("label", f'* Not seen: "ValueError: bad" nor "{SLOTS}".'),
    ("label", f"* Not a cause: `IOError: x` or `{READ_ONLY}` \u2014 both later."),
    ("label", f'* Unrelated: "Traceback: none" and "{EPERM}".'),
    # plural consequences
    ("verdict", f'* "{DEADLOCK}" and "{SLOTS}" \u2014 those are all consequences of the timeout.'),
    # besides what was alerted on
    (
        "alerted",
        f'* Before that "{BOOT}" \u2014 the connection symptom, not what the alert fired on.',
    ),
    ("alerted", f"* `{BOOT}` in the network thread, not what paged us."),
    ("alerted", f'* "{DEADLOCK}" \u2014 real, but not what the pager went off for.'),
    ("alerted", f"* `{SLOTS}` for a few calls; not what we were alerted on."),
    ("alerted", f'* "{STACK}" in the same log, not what triggered the page.'),
]

CONTROLS = [
    (
        "verdict",
        f"* `{DEADLOCK}` on every checkout. Noise in the graphs hid it for an hour.",
        "Deadlock",
    ),
    ("verdict", f"* One `{STACK}` per request. That's the failure.", "call stack"),
    ("verdict", f'* "{SLOTS}" on every connect. Different teams saw it first.', "remaining"),
    ("verdict", f"* `{READ_ONLY}` on every write. Separately, the disk alert fired.", "Read-only"),
    ("verdict", f'* "{DEADLOCK}" in the checkout. Harmlessly retried? No, it failed.', "Deadlock"),
    (
        "formal",
        f'* Most attempts failed with "{SLOTS}". The Committee classifies this as the primary'
        " symptom.",
        "remaining",
    ),
    ("formal", f"* `{DEADLOCK}` was recorded. The board regards this as the incident.", "Deadlock"),
    ("formal", f'* "{READ_ONLY}" on every write. We record it as the outage.', "Read-only"),
    ("formal", f"* `{STACK}` was observed. The panel considers it the root failure.", "call stack"),
    ("formal", f'* "{SLOTS}" was logged. Our team treats these as the outage itself.', "remaining"),
    (
        "firstguess",
        f"* The fixer then failed with {EPERM}. I thought this was the same error at first and"
        " it was.",
        "Operation not permitted",
    ),
    (
        "firstguess",
        f"* Then `{READ_ONLY}`. I assumed it was the same thing as the outage, and it is.",
        "Read-only",
    ),
    (
        "firstguess",
        f'* "{DEADLOCK}" everywhere. I thought it was the cause, and it is.',
        "Deadlock",
    ),
    (
        "firstguess",
        f"* `{EPERM}` on every upload. I thought the same, but then checked the log.",
        "Operation not permitted",
    ),
    (
        "firstguess",
        f"* {EPERM} on every write. I figured it was the same failure as last week's.",
        "Operation not permitted",
    ),
    ("nearmiss", f"* **Kernel layer:** every write got `{READ_ONLY}`.", "Read-only"),
    ("nearmiss", f'* Not a near miss: the checkout logged "{DEADLOCK}".', "Deadlock"),
    ("nearmiss", f"* We had a near miss last year; this time `{SLOTS}` for real.", "remaining"),
    ("nearmiss", f'* Not a near miss, the outage: "{STACK}" on every request.', "call stack"),
    ("nearmiss", f"* Client layer: `{EPERM}` on every upload.", "Operation not permitted"),
    ("formal", f"* `{DEADLOCK}` was recorded. This finding is the core of the review.", "Deadlock"),
    ("verdict", f'* "{SLOTS}" on every call. Old pool size, new traffic.', "remaining"),
    ("label", f'* The error: the `SystemExit: 1` traceback and "{DEADLOCK}".', "Deadlock"),
    ("label", f"* Seen: `KeyError: 'x'` and `{STACK}` on every request.", "call stack"),
    ("label", f'* Checkout logs: "ValueError: bad" then "{SLOTS}".', "remaining"),
    ("label", f"* The cause: `IOError: x` and `{READ_ONLY}` on every write.", "Read-only"),
    ("label", f'* Uploads failed: "Traceback: none" and "{EPERM}".', "Operation not permitted"),
    ("alerted", f'* "{BOOT}" \u2014 what the alert fired on.', "Unable to bootstrap"),
    ("alerted", f"* `{BOOT}` in every producer: that is what paged us.", "Unable to bootstrap"),
    ("alerted", f'* "{DEADLOCK}" \u2014 exactly what the pager went off for.', "Deadlock"),
    ("alerted", f"* `{SLOTS}` on every call; what we were alerted on.", "remaining"),
    ("alerted", f'* "{STACK}" in the same log, which is what triggered the page.', "call stack"),
]


@pytest.mark.parametrize(("kind", "bullet"), ASIDES)
def test_log_text_set_aside_in_a_sentence_after_is_no_symptom(kind: str, bullet: str) -> None:
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("kind", "bullet", "word"), CONTROLS)
def test_the_incidents_own_error_with_the_same_words_stays(
    kind: str, bullet: str, word: str
) -> None:
    found = symptoms_of(REAL + bullet)
    assert found[0] == REAL_SYMPTOM and any(word in symptom for symptom in found[1:])


def test_each_kind_has_five_asides_and_five_controls() -> None:
    kinds = {kind for kind, _ in ASIDES}
    assert kinds == {"verdict", "formal", "firstguess", "alerted", "nearmiss", "label"}
    for kind in kinds:
        assert sum(k == kind for k, _ in ASIDES) >= 5
        assert sum(k == kind for k, _, _ in CONTROLS) >= 5
