"""Issue #11, thirty-third round: a story tracker's export (Shortcut) and a MantisBT bug report
as its print view pastes it (docs/incident-log-format.md, "Thirty-third round", says the
rules)."""

from __future__ import annotations

from matcher.incidents.reader import Incident, compile_incident_log


def _one(text: str) -> Incident:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    return found


def _texts(found: Incident) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]


_STORY = (
    "# Shortcut export: Payments team\n\n---\n\n"
    "## sc-31002 \u00b7 [INC-42] Queue workers lost their broker at night\n\n"
    "**Type:** Bug \u00b7 **State:** Done \u00b7 **Epic:** Payments \u00b7 **Estimate:** 2\n"
    "**Owners:** @ana \u00b7 **Labels:** `postmortem` `celery`\n"
    "**Severity:** Low \u00b7 **Created:** Sep 1, 2026 \u00b7 **Completed:** Sep 2, 2026\n"
    "https://app.shortcut.com/acme/story/31002\n\n"
    "Payouts stopped for an hour. Worker log: `consumer: Cannot connect to amqp://guest@rabbit-2"
    ":5672//: [Errno 111] Connection refused.`\n\n"
    "**Root cause:** the broker's host was drained for a kernel update.\n"
    "**Fix:** workers point at the cluster's service name.\n\n"
    "**Tasks (1/2)**\n"
    "- [x] Service name in the worker config\n"
    "- [ ] Drain runbook names the workers\n\n"
    "**Comments**\n\n"
    "> **Ana** \u00b7 Sep 1, 2026, 3:02 AM\n"
    "> Is the flower error the same? `flower: Broker connection lost: timed out`\n\n"
    "> **Bo** \u00b7 Sep 1, 2026, 3:05 AM\n"
    "> No. Flower polls over its own connection and times out on every restart.\n\n"
    "> **Ana** \u00b7 Sep 1, 2026, 3:20 AM\n"
    "> beat log from the same hour:\n"
    "> ```\n"
    "> beat: Connection to broker lost. Trying to re-establish the connection...\n"
    "> ```\n"
)


def test_a_story_is_its_name_s_incident_never_the_story_number() -> None:
    found = _one(_STORY)
    assert (found.id, found.title) == ("INC-42", "Queue workers lost their broker at night")
    assert found.severity == "low"


def test_a_story_s_description_and_its_comments_pasted_log_are_its_symptoms() -> None:
    texts = _texts(_one(_STORY))
    assert any("Cannot connect to <url:path>" in t for t in texts), texts
    assert any("Connection to broker lost" in t for t in texts), texts


def test_a_comment_answered_no_by_the_next_one_sets_its_quote_aside() -> None:
    # ("Is the flower error the same? `…`", then "No. …" in the next comment)
    assert not any("Broker connection lost" in t for t in _texts(_one(_STORY)))


def test_a_story_s_checklist_is_its_action_items() -> None:
    found = _one(_STORY)
    assert found.action_items == (
        "[x] Service name in the worker config",
        "[ ] Drain runbook names the workers",
    )
    assert found.status == "open"  # (one task is not done)


def test_a_story_without_an_incident_id_is_reported_not_named_by_its_number() -> None:
    text = _STORY.replace("[INC-42] ", "")
    log = compile_incident_log(text, "pm.md")
    assert not log.incidents
    assert [p.field for p in log.problems] == ["id"]


_RULE, _NOTES = "=" * 80, "-" * 80
_BUG = (
    "# MantisBT: bugs with a postmortem\n\n"
    f"{_RULE}\n"
    "ID:                 0000733\n"
    "Project:            Payments\n"
    "Category:           payouts\n"
    "Date Submitted:     2026-09-01 03:10\n"
    "Reporter:           ana\n"
    "Priority:           urgent\n"
    "Severity:           crash\n"
    "Reproducibility:    always\n"
    "Status:             closed\n"
    "Resolution:         fixed\n"
    "Postmortem:         INC-43\n"
    "Incident Severity:  Low\n"
    "Summary:            0000733: Payout export dies on the first large batch\n"
    "Description:\n"
    "The export worker dies on every batch over 10k rows:\n"
    "MemoryError: unable to allocate 2.1 GiB for the payout frame\n"
    "Steps To Reproduce: export the September payouts.\n"
    "Additional Information:\n"
    "The `export: retrying after MemoryError` WARNING is the retry, not a second failure.\n"
    "The reports worker fails the same way: MemoryError: unable to allocate 1.9 GiB\n"
    "Relationships:\n"
    "related to          0000730  Payout export slow on Mondays\n\n"
    f"{_NOTES}\n"
    " (0002210) bo (developer) - 2026-09-01 09:12\n"
    "The frame is built in one go; now streamed in chunks of 1000 rows.\n"
)


def test_a_mantis_bug_is_its_postmortem_field_s_incident_never_the_bug_number() -> None:
    found = _one(_BUG)
    assert found.id == "INC-43"
    assert found.title == "Payout export dies on the first large batch"


def test_the_team_s_severity_field_wins_over_mantis_s_own() -> None:
    assert _one(_BUG).severity == "low"  # (not `crash`, nor the priority `urgent`)
    without = _BUG.replace("Incident Severity:  Low\n", "")
    assert _one(without).severity == "critical"  # (the priority, `urgent`)


def test_a_mantis_bug_s_description_is_its_symptoms_and_its_verdicts_hold() -> None:
    texts = _texts(_one(_BUG))
    assert any(t.startswith("MemoryError: unable to allocate") for t in texts), texts
    assert not any("retrying" in t for t in texts), texts
    # (the related bugs' rows after it are no words of its last line)
    assert "MemoryError: unable to allocate <gib:datasize>" in texts, texts
    assert not any("Payout export slow" in t for t in texts), texts


def test_a_mantis_bug_without_a_postmortem_field_has_no_id() -> None:
    log = compile_incident_log(_BUG.replace("Postmortem:         INC-43\n", ""), "pm.md")
    assert not log.incidents
    assert [p.field for p in log.problems] == ["id"]


def test_a_quote_whose_words_a_bytes_literal_said_first_is_taken_out_where_quoted() -> None:
    text = (
        "## INC-44: Carts empty after login\n\n**Severity:** Medium\n\n**Symptoms:**\n"
        "- Web log: pymemcache.exceptions.MemcacheServerError: b'out of memory storing object'"
        ' and the cart code logs it as MemcacheServerError("out of memory storing object").\n'
    )
    texts = _texts(_one(text))
    assert "pymemcache.exceptions.MemcacheServerError: out of memory storing object" in texts
    assert not any(t.endswith("b'") for t in texts), texts


def test_a_mantis_notification_mail_s_fields_in_groups_are_read_as_the_print_view_s() -> None:
    text = (
        "The following issue has been RESOLVED.\n" + "=" * 70 + "\n"
        "Issue ID:                   733\n"
        "Reported By:                ana\n"
        "Project:                    Payments\n\n"
        "Priority:                   high\n"
        "Severity:                   crash\n"
        "Reproducibility:            always\n"
        "Postmortem:                 INC-45\n"
        "Summary:                    Payout export dies on the first large batch\n"
        "Description:\n"
        "Worker log: MemoryError: unable to allocate 2.1 GiB for the payout frame\n"
        "Tags: exports, memory\n"
    )
    found = _one(text)
    assert (found.id, found.severity) == ("INC-45", "high")
    assert _texts(found) == ["MemoryError: unable to allocate <gib:datasize> for the payout frame"]


def test_a_bare_not_an_error_after_what_the_line_is_sets_it_aside() -> None:
    text = (
        "## INC-46: Rate limiter could not reach Redis\n\n**Severity:** Medium\n\n**Symptoms:**\n"
        "- `redis.exceptions.ConnectionError: Error 111 connecting to 10.0.7.14:6380.`\n"
        "- `reconnected to redis after Connection refused (attempt 3)` is the INFO from after"
        " the fix. Not an error.\n"
    )
    assert _texts(_one(text)) == [
        "redis.exceptions.ConnectionError: Error 111 connecting to <ip>:<port:int>"
    ]


def test_a_line_led_by_a_time_after_a_traceback_is_no_part_of_its_exception() -> None:
    text = (
        "## INC-47: Search index rebuild killed\n\n**Severity:** Low\n\n**Symptoms:**\n\n```\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/rq/worker.py", line 1671, in perform_job\n'
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (180 seconds)\n"
        "02:03:02 Worker rq:worker:idx-1: indexing: 9f2d41c0\n"
        "```\n"
    )
    assert _texts(_one(text)) == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)"
    ]


def test_an_incident_id_in_upper_case_is_no_story_number() -> None:
    # (Shortcut writes its numbers in lower case; `SC-12` is a team's own id, as `INC-12` is)
    text = (
        "## SC-12: Checkout refused connections\n\n**Severity:** High\n\n**Symptoms:**\n"
        "- `ERROR 1040 (08004): Too many connections`\n"
    )
    assert _one(text).id == "SC-12"
