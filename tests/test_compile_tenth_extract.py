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
