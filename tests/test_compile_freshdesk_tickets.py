"""Issue #11, thirty-first round: a helpdesk's tickets exported with their fields run together
on a line (Freshdesk), a conversation of customers' replies, canned responses and agents'
private notes (docs/incident-log-format.md, "Thirty-first round", says the rules)."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log

TICKET = """# Helpdesk export \u2014 tickets linked to a problem

---

## Ticket #51007 \u2014 Invoices stuck in "pending"

**Requester:** Ines V. (Accounts) \u00b7 **Status:** Closed \u00b7 **Priority:** Urgent \u00b7 \
**Group:** Billing
**Type:** Incident \u00b7 **Tags:** invoices, pdf \u00b7 **Linked problem:** INC-340

**Ines V. (customer, email) \u2014 4 Dec 2026, 07:55**
> None of this morning's invoices went out, the portal says "Something went wrong, please retry".

**Marta (agent, canned response "We are on it")**
> Hello Ines, thanks for the report. Our team is looking into it.

**Marta (private note)**
> invoice worker log, every run:
> `ERROR invoice render failed: wkhtmltopdf exited with code 137`
> Memory limit on the render pod is 256Mi since Tuesday.

**Marta (agent)** \u2014 Hi Ines, invoices are going out again. Closing.
"""


def _compiled(text: str) -> list[tuple[str, str, str, list[str]]]:
    log = compile_incident_log(text, "tickets.md")
    assert not log.problems, log.problems
    return [
        (
            found.id,
            found.title,
            found.severity,
            [s if isinstance(s, str) else s["text"] for s in found.symptoms],
        )
        for found in log.incidents
    ]


def test_a_tickets_linked_problem_field_names_its_incident_and_priority_its_severity() -> None:
    ((incident, title, severity, _),) = _compiled(TICKET)
    assert (incident, title, severity) == ("INC-340", 'Invoices stuck in "pending"', "critical")


def test_a_customers_words_and_a_canned_responses_name_are_no_log_text() -> None:
    ((_, _, _, symptoms),) = _compiled(TICKET)
    assert symptoms == ["ERROR invoice render failed: wkhtmltopdf exited with code 137"]


def test_an_agents_note_that_says_the_incident_was_opened_names_it() -> None:
    text = TICKET.replace(" \u00b7 **Linked problem:** INC-340", "").replace(
        "since Tuesday.", "since Tuesday. INC-340 opened."
    )
    assert [found[0] for found in _compiled(text)] == ["INC-340"]


def test_an_agents_note_that_linked_the_incident_names_it() -> None:
    text = TICKET.replace(" \u00b7 **Linked problem:** INC-340", "").replace(
        "since Tuesday.", "since Tuesday. Escalated to Platform, linked INC-340."
    )
    assert [found[0] for found in _compiled(text)] == ["INC-340"]


def test_an_agents_reply_that_ends_with_the_id_in_brackets_names_it() -> None:
    text = TICKET.replace(" \u00b7 **Linked problem:** INC-340", "").replace(
        "again. Closing.", "again. Closing. (INC-340)"
    )
    assert [found[0] for found in _compiled(text)] == ["INC-340"]


def test_a_pasted_log_block_in_a_customers_turn_is_still_read() -> None:
    text = TICKET.replace(
        '"Something went wrong, please retry".',
        '"Something went wrong, please retry".\n\n'
        "    2026-12-04 07:51:02 ERROR invoice render failed: wkhtmltopdf exited with code 137",
    )
    ((_, _, _, symptoms),) = _compiled(text)
    assert "Something went wrong, please retry" not in symptoms
    assert any("wkhtmltopdf exited" in s for s in symptoms)
