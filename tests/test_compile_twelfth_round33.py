"""Issue #11, twelfth pass, thirty-third round (docs/incident-log-format.md, "Thirty-third
round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log


def test_an_error_line_of_a_few_words_over_its_exception_is_no_symptom() -> None:
    # (pytest's captured log line over the `E` line of the exception it logged)
    text = (
        "## INC-105 \u2014 settle deadlock\n\n**Symptoms:**\n\n```\n"
        "ERROR    billing:settle.py:41 settle invoices 2,1\n"
        "E   psycopg2.errors.DeadlockDetected: deadlock detected\n"
        "```\n"
    )
    assert _texts(text) == ["psycopg2.errors.DeadlockDetected: deadlock detected"]


def test_an_error_line_that_says_how_it_failed_stays_over_an_exception() -> None:
    text = (
        "## INC-101 \u2014 checkout\n\n**Symptoms:**\n\n```\n"
        "2026-12-03 08:15:21,004 ERROR [orders.db] checkout failed: 1040 (08004): Too many"
        " connections\n"
        "pymysql.err.OperationalError: (1040, 'Too many connections')\n"
        "```\n"
    )
    texts = _texts(text)
    assert len(texts) == 2 and "checkout failed" in texts[0], texts


def test_an_error_line_with_no_exception_under_it_stays() -> None:
    text = (
        "## INC-104 \u2014 report\n\n**Symptoms:**\n\n```\n"
        "ERROR    billing:reports.py:97 monthly report query cancelled\n"
        "INFO     billing:reports.py:99 retry scheduled\n"
        "```\n"
    )
    assert _texts(text) == ["ERROR monthly report query cancelled"]


def test_not_the_same_as_a_label_sets_its_quote_aside() -> None:
    text = (
        "## INC-102 \u2014 lock wait\n\n**Symptoms:**\n"
        "* The app logs `pymysql.err.OperationalError: (1205, 'Lock wait timeout exceeded; try"
        " restarting transaction')`.\n\n"
        'NOT the same: the 1213 "Deadlock found when trying to get lock; try restarting'
        ' transaction" from rebalance \u2014 different test, known flaky, own ticket.\n'
    )
    assert _texts(text) == [
        "pymysql.err.OperationalError: Lock wait timeout exceeded; try restarting transaction"
    ]


def test_known_flaky_and_own_ticket_set_a_quote_aside() -> None:
    for verdict in ("\u2014 known flaky.", ", own ticket."):
        text = (
            "## INC-102 \u2014 lock wait\n\n**Symptoms:**\n"
            "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
            '* The "Deadlock found when trying to get lock; try restarting transaction" from'
            f" rebalance {verdict}\n"
        )
        assert _texts(text) == [
            "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"
        ], verdict


def test_tekton_and_pm2_prefixes_and_a_shell_trace_are_no_log_text() -> None:
    text = (
        "## INC-111 \u2014 events not published\n\n**Symptoms:**\n\n```\n"
        "[publish : send-event] + python publish.py --topic audit\n"
        "[publish : send-event] kafka.errors.KafkaTimeoutError: Failed to update metadata"
        " after 60.0 secs.\n"
        "```\n\n```\n"
        "0|stock-sync | Error: connect ECONNREFUSED 127.0.0.1:3000\n"
        "0|stock-sync |     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n"
        "```\n"
    )
    assert _texts(text) == [
        "kafka.errors.KafkaTimeoutError: Failed to update metadata after <secs:num> secs",
        "Error: connect ECONNREFUSED <ip>:<port:int>",
    ]


def test_a_monitors_notification_mail_gives_only_the_log_line_its_check_quotes() -> None:
    text = (
        "## INC-116 \u2014 thumbnailer out of fds\n\n**Symptoms:**\n\n```\n"
        "***** Nagios *****\n\nNotification Type: PROBLEM\n\nService: thumbnailer-log\n"
        "Host: media-03\nAddress: 10.4.0.31\nState: CRITICAL\n\n"
        "Date/Time: Sat Feb 21 03:14:05 UTC 2026\n\nAdditional Info:\n\n"
        "CRITICAL - (2 errors in check_logfiles.protocol-2026-02-21) - OSError: [Errno 24] Too"
        " many open files: '/srv/cache/t-1.png' ...|'lines'=812;; 'criticals'=2;;\n"
        "```\n\n```\n"
        "***** Service Monitoring on icinga-master *****\n\n"
        "avatar-upload on app-07 is CRITICAL!\n\n"
        "Info:    HTTP CRITICAL: HTTP/1.1 500 Internal Server Error - 312 bytes\n\n"
        "When:    2026-03-04 06:02:41 +0000\nService: avatar-upload\nHost:    app-07\n"
        "```\n"
    )
    assert _texts(text) == ["OSError: [Errno 24] Too many open files: '<path>'"]


def test_a_label_that_opens_with_symptom_names_the_log_text_after_it() -> None:
    text = (
        "## INC-114 \u2014 uploads rejected\n\n"
        "Symptom on the nginx side, one line per rejected upload:\n"
        "client intended to send too large body: 8388608 bytes, client: \u2026\n"
        "(the byte count is whatever the client sent).\n"
    )
    (found,) = _texts(text)
    assert found.startswith("client intended to send too large body: <bytes:datasize>"), found


def test_unquoted_log_text_ends_before_a_sentence_that_says_what_a_thing_is() -> None:
    text = (
        "## INC-120 \u2014 report OOM\n\n"
        "- Symptoms: report-builder died with FATAL ERROR: Reached heap limit Allocation failed"
        " - JavaScript heap out of memory. Exit 134 is V8 aborting itself, not the kernel.\n"
    )
    assert _texts(text) == [
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    ]


def test_a_next_sentence_whose_label_brings_in_another_quote_is_about_that_one() -> None:
    text = (
        "## INC-112 \u2014 nginx down\n\n"
        '**Symptoms:** the edge was down. Then "still could not bind()". Not related: the'
        ' `[emerg] unknown directive "proxy_buffer"` of another PR.\n'
    )
    assert _texts(text) == ["still could not bind()"]


def test_an_error_line_whose_message_the_exception_under_it_repeats_stays() -> None:
    text = (
        "## INC-104 \u2014 report timeout\n\n**Symptoms:**\n\n```\n"
        "2026-11-20 06:00:31.220 UTC [22104] billing@postgres ERROR:  canceling statement due to"
        " statement timeout\n"
        "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout\n"
        "```\n"
    )
    assert "ERROR: canceling statement due to statement timeout" in _texts(text)


def test_an_id_label_that_holds_the_id_and_the_title_gives_both() -> None:
    text = (
        "## Build PROJ-PLAN-131 failed\n\n"
        "**Incident:** INC-PM-109 \u2014 Gateway could not reach the inventory service\n"
        "**Severity:** High\n\n**Symptoms:**\n"
        "- `requests.exceptions.ConnectionError: Failed to establish a new connection: [Errno"
        " 111] Connection refused`\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-PM-109"
