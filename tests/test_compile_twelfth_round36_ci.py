"""Issue #11, twelfth pass, thirty-sixth round: tool pastes, a monitoring tool's problem cards
under the team's incident ids, `fly logs` and `fly status`, a log viewer's rows
(docs/incident-log-format.md, "Thirty-sixth round", says the rules)."""

from __future__ import annotations

import sys
from pathlib import Path

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_SEVERITY = "**Severity:** Low\n\n"


def _card(number: str, notes: str) -> str:
    return (
        f"## {number} \u00b7 Failure rate increase \u2014 thumbs\n\n"
        "> **Status:** Closed \u00b7 **Impact level:** Services\n\n"
        "Log events (1 of 3):\n\n```\n"
        "03:10:02  ERROR  thumbs-worker  OSError: [Errno 28] No space left on device\n```\n\n"
        f"{notes}\n- Root cause: the disk filled up.\n\n---\n\n"
    )


def test_a_tools_problem_card_is_the_incident_its_team_notes_name() -> None:
    text = "# Problems\n\n" + _card(
        "P-2611041", "**Ops notes \u2014 INC-71** \u00b7 *Thumbnails stopped* \u00b7 Severity: Low"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-71", "Thumbnails stopped")
    # (the row's time and the entity's column are the viewer's, its level the line's)
    assert [s if isinstance(s, str) else s["text"] for s in found.symptoms] == [
        "ERROR OSError: [Errno 28] No space left on device"
    ]


def test_a_card_whose_notes_point_at_another_incident_keeps_its_own_number() -> None:
    text = "# Problems\n\n" + _card(
        "P-2611042", "**Same as INC-70** \u00b7 *Thumbnails again* \u00b7 Severity: Low"
    )
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert found.id == "P-2611042"


def test_the_bench_split_finds_each_card_under_its_incident() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from postmortem_split import split_incidents

    text = "# Problems\n\n" + "".join(
        _card(n, f"**SRE notes \u2014 {i}** \u00b7 *T* \u00b7 Severity: Low")
        for n, i in (("P-1", "INC-72"), ("P-2", "INC-73"))
    )
    cut = split_incidents(text, ["INC-72", "INC-73"])
    assert cut["INC-72"] and "## INC-72:" in cut["INC-72"].text
    assert "INC-73" not in cut["INC-72"].text
    assert cut["INC-73"] and "## INC-73:" in cut["INC-73"].text


def test_fly_logs_envelope_is_taken_off_and_flys_own_lines_keep_their_level() -> None:
    text = (
        "## INC-74 \u2014 orders\n\n" + _SEVERITY + "The `fly logs -a orders` paste:\n\n```\n"
        "2026-03-02T10:14:07Z runner[e286e4d1f2e468] ams [info]Pulling container image\n"
        "2026-03-02T10:14:07Z app[e286e4d1f2e468] ams [info]Traceback (most recent call last):\n"
        '2026-03-02T10:14:07Z app[e286e4d1f2e468] ams [info]  File "/app/db.py", line 5, in c\n'
        "2026-03-02T10:14:07Z app[e286e4d1f2e468] ams [info]pymysql.err.OperationalError:"
        " (1040, 'Too many connections')\n"
        "2026-03-02T10:14:08Z proxy[e286e4d1f2e468] ams [error]could not complete HTTP request"
        " to instance: connection closed before message completed\n```\n"
    )
    assert _texts(text) == ["pymysql.err.OperationalError: Too many connections"]
    # (alone, Fly's own line is read with its level)
    alone = (
        "## INC-81 \u2014 checkout\n\n" + _SEVERITY + "- fly's side of it: `2026-03-30T11:02:40Z"
        " health[9185e2a6b07d38] ams [error]Health check on port 8080 has failed.`\n"
    )
    assert _texts(alone) == ["ERROR Health check on port <port:int> has failed"]


def test_fly_commands_and_a_fly_status_table_are_no_symptoms() -> None:
    text = (
        "## INC-75 \u2014 billing-db\n\n" + _SEVERITY + "`fly status -a billing-db`:\n\n```\n"
        "Machines\n"
        "ID              STATE   ROLE    REGION  CHECKS\n"
        "5683d920b1de8e  started primary fra     3 total, 1 critical\n```\n\n"
        "- From `fly ssh console -a billing-db`: `FATAL:  sorry, too many clients already`\n"
    )
    assert _texts(text) == ["FATAL: sorry, too many clients already"]


def test_a_paragraph_under_a_paste_saying_none_of_it_is_the_incident_sets_it_aside() -> None:
    text = (
        "## INC-76 \u2014 stock\n\n"
        + _SEVERITY
        + "- restock said `ERROR 1205 (HY000): Lock wait timeout exceeded`\n\n```\n"
        "2026-04-18 03:00:52,019 ERROR [orders.db] rebalance aborted: (1213, 'Deadlock found"
        " when trying to get lock')\n```\n\n"
        "Careful with that paste: neither line is this incident. The 1213 is the rebalance job.\n"
    )
    assert _texts(text) == ["ERROR 1205 (HY000): Lock wait timeout exceeded"]


def test_a_paragraph_under_a_paste_that_says_it_is_the_incident_keeps_it() -> None:
    text = (
        "## INC-77 \u2014 stock\n\n" + _SEVERITY + "```\n"
        "2026-04-18 03:00:52,019 ERROR [orders.db] rebalance aborted: (1213, 'Deadlock found"
        " when trying to get lock')\n```\n\n"
        "Careful with that paste: the line is this incident.\n"
    )
    assert len(_texts(text)) == 1


def test_a_bare_os_error_after_a_viewers_level_is_the_wrapped_one() -> None:
    text = (
        "## INC-78 \u2014 gateway\n\n" + _SEVERITY + "```\n"
        "16:47:09.121  ERROR  ConnectionRefusedError: [Errno 111] Connection refused\n"
        "16:47:09.140  ERROR  urllib3.exceptions.NewConnectionError: Failed to establish a new"
        " connection: [Errno 111] Connection refused\n```\n"
    )
    found = _texts(text)
    assert not any(t.startswith("ERROR ConnectionRefusedError") for t in found), found


def test_not_the_symptom_is_a_verdict_label() -> None:
    text = (
        "## INC-79 \u2014 events\n\n"
        + _SEVERITY
        + '- Each event: "KafkaTimeoutError: Failed to update metadata after 60 secs."\n'
        "- Not the symptom: `Bootstrap failed: KafkaTimeoutError: Unable to bootstrap from`."
        " Same client, but that's the network thread giving up.\n"
    )
    assert _texts(text) == ["KafkaTimeoutError: Failed to update metadata after <secs:num> secs"]


def test_a_next_sentence_that_says_the_verdict_after_an_and() -> None:
    text = (
        "## INC-80 \u2014 db\n\n"
        + _SEVERITY
        + "- Workers logged: `FATAL: sorry, too many clients already`\n"
        "- The `FATAL:  remaining connection slots are reserved for non-replication superuser"
        " connections` lines are the slot guard. We looked at them first and they are a red"
        " herring for this one.\n"
    )
    assert _texts(text) == ["FATAL: sorry, too many clients already"]
