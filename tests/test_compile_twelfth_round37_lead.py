"""Issue #11, twelfth pass, thirty-seventh round (lead): a ticket printed by Znuny or OTRS, its
articles under their own lines (docs/incident-log-format.md, "Thirty-seventh round")."""

from __future__ import annotations

from matcher.incidents.reader import Incident, compile_incident_log


def _texts(found: Incident) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]


def _ticket(fields: str) -> str:
    return (
        "# Znuny print\n\n---\n\n"
        "Ticket#2026030410000042 \u2014 Search rebuild stuck\n\n"
        "    State:           closed successful\n"
        "    Priority:        3 normal\n"
        "    Queue:           Platform::Incidents\n"
        f"{fields}\n"
        "Article #1 \u2013 Email (external) \u2013 From: Search team <search@example.org>\n"
        "Subject: [Ticket#2026030410000042] rebuild has not moved since 08:40\n"
        "Created: 03/04/2026 09:10\n\n"
        "    Nothing indexed since 08:40.\n\n"
        "Article #2 \u2013 Note (internal) \u2013 From: Ines Kern\n"
        "Subject: indexer output\n"
        "Created: 03/04/2026 09:30\n\n"
        "    Indexer output:\n\n"
        "        Traceback (most recent call last):\n"
        '          File "indexer.py", line 12, in flush\n'
        "        OSError: [Errno 28] No space left on device\n\n"
        "---\n"
    )


def test_a_znuny_ticket_is_the_incident_its_dynamic_field_names() -> None:
    text = _ticket("    Incident ID:     INC-81\n    Severity:        low\n")
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    # (the ticket's number is no incident's id, its state no symptom, the subject its title)
    assert (found.id, found.title, found.severity) == ("INC-81", "Search rebuild stuck", "low")
    assert _texts(found) == ["OSError: [Errno 28] No space left on device"]


def test_a_znuny_ticket_with_no_id_of_its_own_is_not_an_incident() -> None:
    assert not compile_incident_log(_ticket(""), "pm.md").incidents
