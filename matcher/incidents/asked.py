"""A question whether log text is the incident's, asked before it and answered no in the
sentence after it: a comment thread's `Is the stock rebalance error the same? "…"`, then the
next comment's `No. 1213 is a deadlock InnoDB broke on its own` (stories.py reads a story's
comments as one thread, an answer with the comment it answers). The log text was a doubt the
team resolved against it. Rules: docs/incident-log-format.md ("Thirty-third round")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.marks import MARK

# the question: whether it is the same thing, related, part of this (`Is the … error the
# same?`, `Are these related?`, `Was that part of this one?`)
_ASKED = re.compile(
    r"(?i)^\W*(?:is|are|was|were|could|does|do|did)\b[^?]{0,80}?\s(?:the same|related|relevant"
    r"|connected|part of (?:this|it|the incident|the outage)|also (?:this|it|ours))"
    r"(?:\s+(?:thing|error|issue|bug|problem|one|incident))?\W{0,3}\?\W*$"
)
# the sentence of the log text alone (`"…".`, `` `…` ``)
_ALONE = re.compile(rf"^[^\w{MARK}]*{MARK}[^\w{MARK}]*$")
_NO = re.compile(r"(?i)^\W*(?:no|nope|nah|negative|not really)\b")


def asked_and_denied(sentences: Sequence[str], at: int) -> bool:
    """Whether the sentence `at`, the log text alone, follows a question whether it is the
    incident's that the sentence after it answers no."""
    return (
        0 < at < len(sentences) - 1
        and _ASKED.match(sentences[at - 1]) is not None
        and _ALONE.match(sentences[at]) is not None
        and _NO.match(sentences[at + 1]) is not None
    )
