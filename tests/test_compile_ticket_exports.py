"""Ids and titles of records exported from other tools (round 29, heldout176-178): a helpdesk
ticket whose heading holds the helpdesk's own number and whose custom field or agent's note
names the postmortem, a table's record with no title field, a pull request whose description,
branch or review names the incident it fixes (and one that only mentions another in passing),
and a review's diff of source code, which is no log."""

from __future__ import annotations

from matcher.incidents.reader import IncidentLog, compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"  # (as compiled)
TIMEOUT = "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"
REFUSED = "Failed to establish a new connection: [Errno 111] Connection refused"
NO_SPACE = "OSError: [Errno 28] No space left on device"


def _compiled(text: str) -> IncidentLog:
    return compile_incident_log(text, "x.md")


def _ids(log: IncidentLog) -> list[str]:
    return [incident.id for incident in log.incidents]


# --- a helpdesk's tickets -----------------------------------------------------------------------

TICKET = """# Helpdesk export

## #HD-40217 — Checkout 500s from the orders DB

- **Subject:** Customers cannot complete checkout
- **Requester:** Amina Otieno
- **Priority:** Urgent
- **Status:** Closed
- **Group:** DB Operations
- **Category:** Database > MariaDB
- **Created:** Wed, 3 Dec 2026 08:17
- **Source:** Portal
- **Postmortem ref:** {ref}

**Description**

Checkout gives a 500. The orders app logged:

    {error}

**Tomasz** added a private note · 3 Dec 2026 08:39
> {note}
"""


def test_a_tickets_custom_field_names_its_postmortem_not_the_helpdesks_number() -> None:
    text = TICKET.format(ref="INC-2026-7", error=TOO_MANY, note="Raised max_connections.")
    log = _compiled(text)
    assert not log.problems
    (incident,) = log.incidents
    assert incident.id == "INC-2026-7"
    assert incident.title == "#HD-40217 \u2014 Checkout 500s from the orders DB"
    assert incident.symptoms == (TOO_MANY_SYMPTOM,)


def test_an_agents_note_names_the_postmortem_when_the_field_is_empty() -> None:
    note = "Postmortem: INC-2026-8 (forgot the field, sorry). Separate bug: #HD-40251."
    text = TICKET.format(ref="_(empty)_", error=TIMEOUT, note=note)
    log = _compiled(text)
    assert _ids(log) == ["INC-2026-8"] and not log.problems
    note = "The other job is its own ticket, #HD-40257. Postmortem is INC-2026-9."
    assert _ids(_compiled(TICKET.format(ref="", error=TIMEOUT, note=note))) == ["INC-2026-9"]


# --- a table's records --------------------------------------------------------------------------

RECORD = """# Incidents (grid view)

---

### INC-PM-1

**Incident ID:** INC-PM-1
**Status:** Closed
**Severity:** High
{title}**Error seen:**
{error}

**Not it:**
- `retrying checkout after Too many connections (attempt 2 of 5)` the retry
"""


def test_a_record_with_no_title_field_takes_its_summary_as_its_title() -> None:
    summary = "**Summary:** Checkout 500s, MariaDB refusing new connections\n"
    log = _compiled(RECORD.format(title=summary, error=TOO_MANY))
    assert not log.problems and not log.warnings
    (incident,) = log.incidents
    assert incident.title == "Checkout 500s, MariaDB refusing new connections"
    assert incident.symptoms == (TOO_MANY_SYMPTOM,)
    # (ServiceNow's `Short description`, Zendesk's `Subject`, as a bulleted field)
    subject = "- **Short description:** Monthly report query killed\n"
    (incident,) = _compiled(RECORD.format(title=subject, error=TIMEOUT)).incidents
    assert incident.title == "Monthly report query killed"


def test_a_record_with_no_title_at_all_compiles_with_its_id_and_a_warning() -> None:
    log = _compiled(RECORD.format(title="", error=TOO_MANY))
    assert not log.problems
    (incident,) = log.incidents
    assert (incident.id, incident.title) == ("INC-PM-1", "INC-PM-1")
    assert incident.symptoms == (TOO_MANY_SYMPTOM,)
    (warning,) = log.warnings
    assert warning.field == "title" and "compiled as 'INC-PM-1'" in warning.message


# --- pull requests ------------------------------------------------------------------------------


def _pull_request(number: int, head: str, description: str, comment: str = "") -> str:
    return (
        f"## checkout/gateway \u00b7 Pull request #{number}: {head}\n\n"
        f"`{'fix/retries' if number % 2 else 'bugfix/ports'}` \u2192 `main` \u00b7 **MERGED**\n\n"
        f"**Description**\n\n{description}\n\n"
        f"**Marek** commented on `gateway/health.py`, line 51\n> {comment or 'Looks good.'}\n\n"
        "Marek **approved**\n\n---\n\n"
    )


def test_a_pull_requests_description_names_the_incident_it_fixes() -> None:
    text = "# Fix PRs\n\n" + "".join(
        (
            _pull_request(1184, "Fail fast", f"Every call failed: `{REFUSED}`. Closes INC-PM-9."),
            _pull_request(97, "Read the URL", f"INC-PM-10. Every call failed: `{TIMEOUT}`."),
            _pull_request(640, "Port clash", f"For INC-PM-11. Backup failed: `{NO_SPACE}`."),
            _pull_request(644, "Ports", f"Logged `{TOO_MANY}`.", "Tracking as INC-PM-12."),
        )
    )
    log = _compiled(text)
    assert not log.problems
    assert _ids(log) == ["INC-PM-9", "INC-PM-10", "INC-PM-11", "INC-PM-12"]
    assert log.incidents[0].title.startswith("checkout/gateway \u00b7 Pull request #1184")


def test_a_branch_named_after_the_incident_names_it() -> None:
    text = _pull_request(97, "Kafka bootstrap", f"The publisher logged `{REFUSED}`.").replace(
        "`fix/retries`", "`fix/INC-PM-111-kafka-bootstrap`"
    )
    assert _ids(_compiled(text)) == ["INC-PM-111"]


def test_a_section_that_mentions_another_incident_in_passing_stays_without_an_id() -> None:
    named = _pull_request(58, "Disk", f"Postmortem INC-PM-15. It logged `{NO_SPACE}`.")
    passing = _pull_request(
        59,
        "Retry tweak",
        f"Same as INC-PM-3, see INC-PM-4 for the details. It logged `{TOO_MANY}`.",
        "Unlike INC-PM-5 this one retries. CI-915.",
    )
    log = _compiled(named + passing)
    # (the second is no incident: neither INC-PM-3 nor INC-PM-15's)
    assert _ids(log) == ["INC-PM-15"] and not log.problems
    assert log.incidents[0].symptoms == (NO_SPACE,)
    # (a section under an incident's own heading is a part of it, whatever it fixes)
    followed = f"## INC-PM-20: Checkout 500s\n\n**Symptoms:**\n- `{TOO_MANY}`\n\n"
    log = _compiled(followed + "### Follow-up\n\nFixes INC-PM-21 as well.\n\n---\n\n" + named)
    assert _ids(log) == ["INC-PM-20", "INC-PM-15"] and not log.problems


def test_a_reviews_diff_of_source_code_is_no_log_text() -> None:
    text = _pull_request(58, "Disk", f"Postmortem INC-PM-15. It logged `{NO_SPACE}`.").replace(
        "> Looks good.",
        '```diff\n@@ -84,6 +84,9 @@ def run():\n-    (mnt / "retry.dump").write_bytes(b"x")\n'
        "+    check_free_space(mnt)\n```\n> Fails fast now.",
    )
    (incident,) = _compiled(text).incidents
    assert incident.symptoms == (NO_SPACE,)
