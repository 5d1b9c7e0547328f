"""Issue #11, twelfth pass, thirty-eighth round (lead): a log search's document view pasted,
one event's fields a line (Wazuh's and OpenSearch Dashboards' `name    value` table, Loggly's
expanded `json.message: …`). docs/incident-log-format.md, "Thirty-eighth round", says the
rules."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_HEAD = "## INC-92 \u00b7 {title}\n\nSeverity: High \u00b7 2026-05-11\n\n"


def test_a_document_views_message_field_is_the_programs_line() -> None:
    text = _HEAD.format(title="Mail relay refused") + (
        "Doc view of one alert:\n\n```\n"
        "rule.id            100412\n"
        "rule.level         7\n"
        "rule.description   Mailer: relay refused\n"
        "agent.name         mail-prod-02\n"
        "location           /srv/mailer/log/app.json\n"
        "full_log           smtplib.SMTPRecipientsRefused: {'ops@example.org': (550, b'relay"
        " denied')}\n```\n"
    )
    assert _texts(text) == [
        "smtplib.SMTPRecipientsRefused: {'ops@example.org': (550, b'relay denied')}"
    ]


def test_an_expanded_events_fields_give_its_message_and_drop_the_rest() -> None:
    text = _HEAD.format(title="Exports stuck") + (
        "Search: `tag:exports AND json.level:error`\n\n```\n"
        "May 11 09:02:17.410  json.message: export 77 failed: TimeoutError('read timed out')\n"
        "    syslog.appName: exports\n"
        "    json.level: error\n```\n"
    )
    assert _texts(text) == ["export <export:num> failed: TimeoutError('read timed out')"]


def test_a_traceback_with_dotted_classes_is_no_document_view() -> None:
    text = _HEAD.format(title="Resolver down") + (
        "```\nTraceback (most recent call last):\n"
        '  File "/srv/app/lookup.py", line 9, in resolve\n'
        "socket.gaierror: [Errno -2] Name or service not known\n```\n"
        "and later `socket.timeout: timed out` from the same client.\n"
    )
    texts = _texts(text)
    assert "socket.gaierror: [Errno -2] Name or service not known" in texts


def test_a_stream_views_time_and_service_columns_are_taken_off() -> None:
    text = _HEAD.format(title="Ledger writes deadlocked") + (
        "Stream view, pasted as is:\n\n```\n"
        "03:10:22.518  postgres        ERROR:  deadlock detected\n"
        "03:10:22.519  ledger-writer   psycopg2.errors.DeadlockDetected: deadlock detected\n```\n"
    )
    assert _texts(text) == [
        "ERROR: deadlock detected",
        "psycopg2.errors.DeadlockDetected: deadlock detected",
    ]


def test_a_raw_fields_lines_are_the_programs_its_stack_frames_none() -> None:
    text = _HEAD.format(title="Stock sync crashed") + (
        "Search: `tag:sync AND json.level:error`\n\n```\n"
        "May 11 06:41:55.020  json.level: error\n"
        "    syslog.appName: stock-sync\n"
        "    raw: Error: connect ECONNREFUSED 10.0.4.7:5432\n"
        "    raw:     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n```\n"
    )
    assert _texts(text) == ["Error: connect ECONNREFUSED <ip>:<port:int>"]
