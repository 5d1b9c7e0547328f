"""Issue #11, twelfth pass, thirty-fourth round: tracker and document exports (a document's
flattened comment threads, a service desk's printed ticket, an error tracker's group page;
docs/incident-log-format.md, "Thirty-fourth round", says the rules)."""

from __future__ import annotations

from compile_helpers import incidents_of
from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

LOCKED = "sqlite3.OperationalError: database is locked"
EPERM = "fix ownership: PermissionError(1, 'Operation not permitted')"
EACCES = "PermissionError: [Errno 13] Permission denied: '/srv/uploads/a-17.png'"
EACCES_SYMPTOM = "PermissionError: [Errno 13] Permission denied: '<path>'"


# --- a document whose sections say what users saw, with its comment threads ------------------

DOC = """# Storage reviews

## INC-PM-118 \u2014 Imports failed twice a night

**Severity:** Medium \u00b7 **Date:** Mar 4, 2026

### What users saw
Supplier prices were a day old. The importer ended with
sqlite3.OperationalError: database is locked

\U0001f4ac **Ana Lima:** there's also `sqlite3.OperationalError: no such table: import_runs`
in the same minutes. Same incident?
\U0001f4ac **Bo Chen:** no \u2014 that's the old report query, leave it out of the symptoms.

### Why
VACUUM held the write lock.
"""


def test_a_section_of_what_users_saw_is_read_for_log_text() -> None:
    assert _texts(DOC) == [LOCKED]


def test_a_comment_threads_reply_sets_aside_what_its_question_quoted() -> None:
    # (without the reply, the question's quote is read as one more symptom)
    asked = DOC.split("\U0001f4ac **Bo Chen:**")[0]
    assert "sqlite3.OperationalError: no such table: import_runs" in _texts(asked)
    assert _texts(DOC) == [LOCKED]


def test_a_shared_documents_reviewers_and_meeting_are_its_head() -> None:
    head = "**Reviewers:** @Ana Lima \u00b7 @Bo Chen\n**Review meeting:** Tue Jun 9, 15:00 CET\n\n"
    log = compile_incident_log(DOC.replace("## INC-PM-118", head + "## INC-PM-118"), "d.md")
    assert not log.problems and [i.id for i in log.incidents] == ["INC-PM-118"]


def test_a_support_articles_what_customers_may_see_is_still_no_log_text() -> None:
    text = (
        "## KB-12: imports\n\n**Internal reference:** INC-PM-118\n\n"
        '**Customers may see:**\n- "Prices could not be updated. Try again later."\n\n'
        f"**Cause:**\nThe importer failed with `{LOCKED}`.\n"
    )
    assert _texts(text) == [LOCKED]


# --- a service desk's printed ticket ---------------------------------------------------------

TICKET = """## Ticket - ID 0000311

**Title:** Avatar upload gives error 500
**Status:** Closed \u00b7 **Priority:** High

**Followup** \u2014 2026-03-11 09:20 \u2014 Sven L.
Every upload fails. Worker log says
{eacces}
The worker runs as `nobody`, the volume is owned by root.

**Followup** \u2014 2026-03-11 09:34 \u2014 Sven L.
Not part of this: `{eperm}` is the worker's own chown at startup.

**Followup** \u2014 2026-03-11 11:05 \u2014 Lina H.
{said}

**Solution** \u2014 2026-03-11 12:00 \u2014 Solution type: Permanent fix
The playbook chowns the mount; uploads work again.
"""


def test_a_ticket_whose_followup_says_its_postmortem_reads_as_that_incident() -> None:
    for said in (
        "Postmortem opened for this one: INC-PM-117 (severity Medium).",
        "Postmortem written as INC-PM-117, title \u201cAvatars\u201d.",
        "For the record, this is INC-PM-117.",
    ):
        text = TICKET.format(eacces=EACCES, eperm=EPERM, said=said)
        assert list(incidents_of(text)) == ["INC-PM-117"], said


def test_a_ticket_that_names_no_postmortem_is_no_incident() -> None:
    text = TICKET.format(eacces=EACCES, eperm=EPERM, said="Closing, thanks all.")
    assert not compile_incident_log(text, "t.md").incidents


def test_a_tickets_entries_are_paragraphs_and_its_solution_the_resolution() -> None:
    text = TICKET.format(eacces=EACCES, eperm=EPERM, said="Postmortem: INC-PM-117.")
    (found,) = compile_incident_log(text, "t.md").incidents
    # (the pasted line ends its paragraph; the next entry's verdict opens its own)
    assert found.symptoms == (EACCES_SYMPTOM,)
    assert found.resolution is not None and "playbook chowns" in found.resolution


# --- an error tracker's group page -----------------------------------------------------------

GROUP = """## INC-PM-118 \u00b7 Imports failed

**Severity:** Medium

> **sqlite3.OperationalError**
> database is locked
>
> Occurrences 212 \u00b7 First seen Mar 4, 2026 02:00 UTC \u00b7 Last seen Mar 4, 2026 14:00 UTC
>
> **Context**
> ```json
> {"hostname": "backoffice-2", "component": "imports"}
> ```

**Triage:**
- The batch summary: ERROR [backoffice] import batch 126: OperationalError('database is locked')
"""


def test_an_error_groups_type_and_message_are_one_symptom_read_with_the_triage() -> None:
    texts = _texts(GROUP)
    assert texts[0] == LOCKED
    assert any(t.startswith("ERROR import batch") for t in texts), texts
    # (the tracker's figures and its context are not the log's)
    assert not any("hostname" in t or "Occurrences" in t for t in texts), texts


# --- verdicts --------------------------------------------------------------------------------


def test_more_verdicts_set_a_quote_aside() -> None:
    oom = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    for verdict in (
        "the `RangeError: Maximum call stack size exceeded` after it is the PDF paginator bug"
        " (ticket 0004091), not the crash.",
        "Not the same thing, please don't merge them in Sentry: `RangeError: Maximum call stack"
        " size exceeded` (a recursion bug).",
        "Don't chase the `RangeError: Maximum call stack size exceeded` lines next to it.",
        "Also `RangeError: Maximum call stack size exceeded`, which is the dry-run on staging.",
    ):
        text = f"## INC-PM-120 \u2014 OOM\n\n**Symptoms:**\n\n- died with `{oom}`\n\n{verdict}\n"
        assert _texts(text) == [oom], verdict
