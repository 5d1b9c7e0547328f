"""Issue #11, twelfth pass, thirty-eighth round: tracker exports. A story's custom attributes
run together as `Name value` parts, a tracker's own severity scale (Taiga's Wishlist …
Important, Critical), and the errors that a hard-wrapped ticket article runs together once its
lines are joined (docs/incident-log-format.md, "Thirty-eighth round", says the rules)."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log

_PASTE = "**Description**\n\n```\nERROR indexer: bulk request rejected: queue full\n```\n"


def _one(text: str) -> tuple[str, str, list[str]]:
    """(the id, the severity, the symptoms' texts) of the one incident, compiled cleanly."""
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    texts = [s if isinstance(s, str) else s["text"] for s in found.symptoms]
    return found.id, str(found.severity), texts


def test_attribute_run_without_colons_names_the_story_incident() -> None:
    text = (
        "## #US-77 Search index stalls on reindex\n\n"
        "**Status:** Done \u00b7 **Points:** Back 3 \u00b7 **Sprint:** Sprint 9\n"
        "**Tags:** `postmortem` `search`\n"
        "**Custom attributes:** Incident `INC-77` \u00b7 Severity `Low` \u00b7 Services search\n\n"
        + _PASTE
    )
    found_id, severity, _ = _one(text)
    assert (found_id, severity) == ("INC-77", "low")


def test_attribute_run_after_a_dash_is_read_as_fields() -> None:
    text = (
        "## #1301 Search index stalls\n\n"
        "**Type:** Bug \u00b7 **Status:** Closed\n"
        "**Custom attributes** \u2014 Incident: INC-78 \u00b7 Severity: Critical \u00b7 "
        "Services: search\n\n" + _PASTE
    )
    assert _one(text)[:2] == ("INC-78", "critical")


def test_trackers_severity_words_read_as_a_scale() -> None:
    def severity(word: str) -> str:
        return _one(f"## INC-79: Index stalls\n\n**Severity:** {word}\n\n" + _PASTE)[1]

    assert [severity(w) for w in ("Important", "Wishlist", "Importante")] == [
        "high",
        "info",
        "high",
    ]


def _wrapped(body: str) -> list[str]:
    return _one(f"## INC-80: Billing runs stall\n\n**Severity:** Low\n\n**Symptoms:**\n{body}")[2]


def test_errors_run_together_by_a_connective_are_each_kept() -> None:
    body = (
        "The billing worker logged run 7 failed: LeaseLost('lease gone after 30 s')\n"
        "and in the traceback billing.errors.LeaseLost: lease gone after 30 s.\n"
    )
    assert _wrapped(body) == [
        "run <run:num> failed: LeaseLost('lease gone after <after:num> s')",
        "billing.errors.LeaseLost: lease gone after <after:num> s",
    ]


def test_a_sentence_begun_on_the_next_line_parts_two_errors() -> None:
    body = (
        'Vault client: could not open vault "vault.internal" to session: connection refused\n'
        "Bottom of the chain is ssl.SSLError: record layer failure. Vault was mid-upgrade.\n"
    )
    assert _wrapped(body) == [
        'could not open vault "<host>" to session: connection refused',
        "ssl.SSLError: record layer failure",
    ]


def test_prose_sentence_after_a_wrapped_line_is_left_out() -> None:
    body = "The app died with FATAL ERROR: heap limit reached, out of memory\nThis was with 2 GB.\n"
    assert _wrapped(body) == ["FATAL ERROR: heap limit reached, out of memory"]


def test_joined_paste_lines_part_at_their_stamps_and_an_info_line_is_dropped() -> None:
    body = (
        "archive: write failed: No space left on device\n"
        "[2026-03-01 02:00:04,117] ERROR in archive: index aborted: OperationalError: "
        "database or disk is full\n"
        "[2026-03-01 02:00:04,118] INFO in archive: disk check: 100% used\n"
    )
    found = _wrapped(body)
    assert found[0] == "write failed: No space left on device"
    assert any("database or disk is full" in t for t in found[1:])
    assert not any("disk check" in t for t in found)


def test_a_message_that_goes_on_in_words_stays_whole() -> None:
    body = "The renderer logged ERROR render failed under the load of the batch\n"
    assert _wrapped(body) == ["ERROR render failed under the load of the batch"]


def test_the_teams_custom_severity_wins_over_the_trackers_triage_one() -> None:
    def ticket(custom: str) -> str:
        return (
            "## #1302 Search index stalls\n\n"
            "**Type:** Bug \u00b7 **Severity:** Critical \u00b7 **Priority:** High\n"
            f"**Custom attributes** \u2014 Incident: INC-83 \u00b7 {custom}Services: search\n\n"
            + _PASTE
        )

    assert _one(ticket("Severity: Low \u00b7 "))[:2] == ("INC-83", "low")
    # (no severity among the custom fields: the tracker's is the one there is)
    assert _one(ticket(""))[:2] == ("INC-83", "critical")
