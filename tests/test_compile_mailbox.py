"""A mailing list's archive (an mbox file, a pipermail month, a plain-text digest) read as the
house format: a message whose subject names an incident opens it or goes on with it, a reply's
quotes are read once where first written, headers, signatures and a digest's boilerplate are
no text of the log, a pasted log line is read as code (matcher/incidents/mailbox.py)."""

from __future__ import annotations

import pytest

from matcher.incidents.dialects import as_markdown
from matcher.incidents.mailbox import mailbox_read
from matcher.incidents.reader import compile_incident_log

QUEUE_FULL = "queue.Full: indexer queue at capacity (5000 items), dropping batch 7731"
QUEUE_FULL_SYMPTOM = (
    "queue.Full: indexer queue at capacity (<items:int> items), dropping batch <batch:int>"
)
LAG = "ERROR consumer lag 4211 messages on partition 3"
LAG_SYMPTOM = "ERROR consumer lag <lag:num> messages on partition <partition:num>"
WEBHOOK = (
    "stripe.error.SignatureVerificationError: No signatures found matching the expected "
    "signature for payload"
)
SIG = "-- "  # (a signature's separator, its space kept)
SET_ASIDE = f"""Please ignore the "{LAG}" lines
in the timeline, that's the lag gauge, not the error."""

MBOX = f"""From mkeller at example.org  Mon Nov  2 10:11:12 2026
From: mkeller at example.org (Mara Keller)
Date: Mon, 02 Nov 2026 10:11:12 +0100
Subject: [ops] [INC-41] search indexer stuck on a full queue
Message-ID: <a1@example.org>

The indexer stopped taking work at 09:50. Its log said

  {QUEUE_FULL}

Over and over, until we restarted it. A slow consumer held the queue.

{SET_ASIDE}

{SIG}
Mara Keller, Search
  ERROR budgets are for spending: 3 left

From jlund at example.org  Mon Nov  2 11:00:00 2026
From: jlund at example.org (Jonas Lund)
Date: Mon, 02 Nov 2026 11:00:00 +0100
Subject: Re: [ops] [INC-41] search indexer stuck on a full queue
In-Reply-To: <a1@example.org>
Message-ID: <a2@example.org>

On Mon, Nov 02, 2026 at 10:11:12AM +0100, Mara Keller wrote:
> Please ignore the "{LAG}" lines

Agreed, and we should page on the queue, not on the lag.

{SIG}
Jonas Lund

From pnagy at example.org  Tue Nov  3 08:30:00 2026
From: pnagy at example.org (Petra Nagy)
Date: Tue, 03 Nov 2026 08:30:00 +0100
Subject: Fwd: INC-42: payment webhooks rejected
Message-ID: <b1@example.org>

Every webhook since the key rotation failed:

  {WEBHOOK}

The old signing secret was still in the vault.

{SIG}
Petra
"""

DIGEST = """Send ops mailing list submissions to
\tops@lists.example.org

Today's Topics:

   1. [INC-43] thumbnails missing after deploy (Ana Ruiz)
   2. Re: [INC-43] thumbnails missing after deploy (Ben Ode)


----------------------------------------------------------------------

Message: 1
Date: Wed, 04 Nov 2026 09:00:00 +0100
From: Ana Ruiz <aruiz@example.org>
To: ops@lists.example.org
Subject: [ops] [INC-43] thumbnails missing after deploy
Message-ID: <c1@example.org>
Content-Type: text/plain; charset="us-ascii"

The resizer could not write its output:

  PermissionError: [Errno 13] Permission denied: '/var/thumbs/tmp/4411.jpg'

The new image ran as nobody.


------------------------------

Message: 2
Date: Wed, 04 Nov 2026 09:40:00 +0100
From: Ben Ode <bode@example.org>
To: ops@lists.example.org
Subject: Re: [ops] [INC-43] thumbnails missing after deploy
Message-ID: <c2@example.org>

Ana Ruiz wrote:
> The new image ran as nobody.

Fixed with a chown in the entrypoint.


------------------------------

_______________________________________________
ops mailing list
ops@lists.example.org
https://lists.example.org/mailman/listinfo/ops

End of ops Digest, Vol 7, Issue 2
*********************************
"""


def symptom_texts(symptoms: tuple[object, ...]) -> list[str]:
    return [s["text"] if isinstance(s, dict) else str(s) for s in symptoms]


def test_an_mbox_archives_messages_are_its_incidents() -> None:
    log = compile_incident_log(MBOX, "pm.md")
    assert not log.problems
    found = {i.id: (i.title, symptom_texts(i.symptoms)) for i in log.incidents}
    assert found == {
        "INC-41": ("search indexer stuck on a full queue", [QUEUE_FULL_SYMPTOM]),
        "INC-42": ("payment webhooks rejected", [WEBHOOK]),
    }


def test_a_line_set_aside_in_words_stays_out_and_is_read_when_not() -> None:
    (first, _) = compile_incident_log(MBOX, "pm.md").incidents
    assert LAG_SYMPTOM not in symptom_texts(first.symptoms)
    said = MBOX.replace(SET_ASIDE, f'The consumer also logged "{LAG}"\nwhile it was full.')
    (first, _) = compile_incident_log(said, "pm.md").incidents
    assert LAG_SYMPTOM in symptom_texts(first.symptoms)


def test_a_replys_quote_is_read_once_where_it_was_written() -> None:
    # (the quote keeps the log line but not the words that set it aside)
    reply = "> Please ignore the"
    assert reply in MBOX
    markdown = as_markdown(MBOX)
    assert reply not in markdown
    assert "Mara Keller wrote:" not in markdown
    assert "Agreed, and we should page on the queue" in markdown


def test_headers_and_signatures_are_no_text_of_the_log() -> None:
    markdown = as_markdown(MBOX)
    assert "ERROR budgets" not in markdown
    assert "Message-ID" not in markdown and "mkeller" not in markdown
    assert markdown.split("\n")[3] == "## INC-41: search indexer stuck on a full queue"


def test_a_digest_is_read_without_its_boilerplate() -> None:
    log = compile_incident_log(DIGEST, "digest.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-43", "thumbnails missing after deploy")
    assert symptom_texts(found.symptoms) == [
        "PermissionError: [Errno 13] Permission denied: '<path>'"
    ]
    markdown = as_markdown(DIGEST)
    assert "Today's Topics" not in markdown and "mailing list" not in markdown
    assert "Fixed with a chown in the entrypoint." in markdown


def test_a_late_reply_that_lost_the_id_goes_to_the_incident_it_answers() -> None:
    late = f"""
From ruth at example.org  Wed Nov  4 12:00:00 2026
From: ruth at example.org (Ruth)
Date: Wed, 04 Nov 2026 12:00:00 +0100
Subject: Re: the indexer
In-Reply-To: <a2@example.org>

The scheduler saw it too:

  ERROR scheduler: indexer heartbeat missed 3 times, marking node idx-2 down

{SIG}
Ruth
"""
    log = compile_incident_log(MBOX + late, "pm.md")
    found = {i.id: symptom_texts(i.symptoms) for i in log.incidents}
    heartbeat = (
        "ERROR scheduler: indexer heartbeat missed <times:int> times, marking node idx-2 down"
    )
    assert found["INC-41"] == [QUEUE_FULL_SYMPTOM, heartbeat]
    assert found["INC-42"] == [WEBHOOK]


@pytest.mark.parametrize("text", [MBOX, DIGEST])
def test_the_line_count_is_kept(text: str) -> None:
    assert len(as_markdown(text).split("\n")) == len(text.split("\n"))
    assert len(mailbox_read(text).split("\n")) == len(text.split("\n"))


def test_a_pasted_line_inside_a_sentence_is_read_with_it() -> None:
    aside = f"The consumer also logged\n\n  {LAG}\n\nbut that's the lag gauge, not the error.\n"
    text = MBOX.replace(SET_ASIDE, aside)
    (first, _) = compile_incident_log(text, "pm.md").incidents
    assert symptom_texts(first.symptoms) == [QUEUE_FULL_SYMPTOM]
    assert len(as_markdown(text).split("\n")) == len(text.split("\n"))


HOUSE = f"""## INC-44: mail relay refused our sender

**Severity:** high
**Subject:** outbound mail
**From:** alerts@example.org
**Date:** Tue, 03 Nov 2026 08:30:00 +0100

**Symptoms:**
- `{WEBHOOK}`
"""

ONE_MESSAGE = """Forwarded by the on-call:

From: Petra Nagy <pnagy@example.org>
Date: Tue, 03 Nov 2026 08:30:00 +0100
Subject: [INC-42] payment webhooks rejected

## INC-42: payment webhooks rejected
"""

OUTLOOK = """# RE: [Postmortem draft] INC-45

**From:** Tom <tom@example.org>
**Sent:** Monday, December 7, 2026 8:52 AM
**Subject:** RE: [Postmortem draft] INC-45

Approved.

> From: Priya <priya@example.org>
> Date: Fri, 04 Dec 2026 17:17:00 +0100
> Subject: [Postmortem draft] INC-45
>
> **INC-45 - Checkout: pool exhausted**
"""

FENCED = (
    "## INC-46: mails bounced\n\n```\n\n"
    + "\n".join(
        f"From: a{n}@example.org\nDate: Tue, 03 Nov 2026 08:3{n}:00 +0100\nSubject: [INC-46] x\n"
        for n in range(2)
    )
    + "\n```\n"
)


@pytest.mark.parametrize("text", [HOUSE, ONE_MESSAGE, OUTLOOK, FENCED])
def test_a_document_that_is_no_archive_is_left_as_it_is(text: str) -> None:
    assert mailbox_read(text) == text
