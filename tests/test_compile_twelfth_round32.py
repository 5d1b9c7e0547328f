"""Issue #11, twelfth pass, thirty-second round (docs/incident-log-format.md, "Thirty-second
round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log


def test_a_job_that_went_well_under_one_that_failed_is_no_symptom() -> None:
    # (a CI step's output: rq's worker lines without a level go on from the failed job's)
    text = (
        "## INC-108 \u2014 rq: search index job killed\n\n**Symptoms:**\n\n```\n"
        "2026-12-03T08:15:58.0120000Z rq.timeouts.JobTimeoutException: Task exceeded maximum"
        " timeout value (1 seconds)\n"
        "2026-12-03T08:15:58.0300000Z 08:15:58 Successfully completed job e4f5d003 in"
        " 0:00:00.000827s on worker worker-56379\n"
        "```\n"
    )
    assert _texts(text) == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)"
    ]


def test_a_misremembered_quote_sets_aside_a_row_by_the_error_that_ends_it() -> None:
    text = (
        "## INC-111 \u2014 audit events: kafka metadata timeout\n\n**Symptoms:**\n"
        "- `kafka.errors.KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n\n"
        "| time | type | message |\n|---|---|---|\n"
        "| 08:16:13.238 | log | WARNING Bootstrap connection to bootstrap-0 failed:"
        " KafkaConnectionError: 111 ECONNREFUSED (backoff 1.71 secs) |\n\n"
        "**Notes:**\n"
        "- The `Connection failed: KafkaConnectionError: 111 ECONNREFUSED` breadcrumbs are the"
        " network thread retrying \u2014 noise.\n"
    )
    assert _texts(text) == [
        "kafka.errors.KafkaTimeoutError: Failed to update metadata after <secs:num> secs"
    ]


def test_a_language_with_no_labels_known_is_read_by_layout_though_its_id_label_looks_misspelt() -> (
    None
):
    # Seychellois Creole: `ID Insidan` is close to Indonesian's `ID Insiden`, `Dat` to `Date`;
    # with no label of the block known, that is another language, not a typo of ours
    text = (
        "# Zournal bann lensidan \u2014 lekip Ops Victoria\n\n---\n\n"
        "**ID Insidan:** INC-7\n**Dat:** 2026-12-03\n**Gravite:** O\n"
        "**Tit:** Gateway pa kapab zwenn inventory\n"
        "**Sentonm:**\n"
        "* Dan log gateway: `NewConnectionError: Failed to establish a new connection: [Errno"
        " 111] Connection refused`\n"
        "**Koz:**\n* port ti sanze.\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-7"
    assert found.symptoms == (
        "NewConnectionError: Failed to establish a new connection: [Errno 111] Connection refused",
    )
