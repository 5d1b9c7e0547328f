"""An outliner's export (Logseq journal pages, Roam's and Obsidian's outliner alike) read as
the house format's Markdown (matcher.incidents.outliner; docs/incident-log-format.md says the
rule)."""

from __future__ import annotations

import pytest

from matcher.incidents.dialects import as_markdown
from matcher.incidents.outliner import outliner_read
from matcher.incidents.reader import compile_incident_log

JOURNAL = """\
- {{query (and [[postmortem]] (task TODO))}}
  collapsed:: true
- ## [[Mar 3rd, 2027]]
\t- 09:10 standup, [[mail-relay]] rollout planned for noon
\t- 13:05 outbound mail piling up in the queue #incident #smtp
\t  incident:: [[INC-MQ-41]]
\t  severity:: high
\t  service:: [[mail-relay]], [[notifier]]
\t  status:: resolved
\t  id:: 65f1c2aa-1b2c-4d5e-8f90-0a1b2c3d4e5f
\t\t- sender log, every attempt:
\t\t\t- ```
\t\t\t  smtplib.SMTPServerDisconnected: Connection unexpectedly closed
\t\t\t  ```
\t\t- notifier says `notify failed: [Errno 104] Connection reset by peer` for each mail
\t\t- grep noise, NOT the error:
\t\t\t- `disk check: /var/spool at 71%`
\t\t\t- `Connection unexpectedly closed? probing relay before retry`
\t\t- cause: the new relay image dropped the TLS cert, [[Ilir]] found it
\t\t- DONE roll the relay back
- ## [[Mar 4th, 2027]]
\t- [[INC-MQ-42]] nightly export stuck
\t  severity:: low
\t\t- `exporter: psycopg2.OperationalError: SSL SYSCALL error: EOF detected`
\t\t- `vacuum: skipping "orders" --- lock not available` is the weekly vacuum, unrelated
\t\t- [[INC-MQ-41]] is not related, different host
\t- 17:30 wrote both up on [[Postmortems]]
"""


def _symptoms(text: str) -> dict[str, list[str]]:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    return {
        found.id: [s if isinstance(s, str) else s["text"] for s in found.symptoms]
        for found in log.incidents
    }


def test_a_journals_incidents_come_out_with_their_ids_titles_and_severities() -> None:
    log = compile_incident_log(JOURNAL, "pm.md")
    assert not log.problems
    found = {i.id: (i.title, i.severity) for i in log.incidents}
    assert found == {
        "INC-MQ-41": ("outbound mail piling up in the queue", "high"),
        "INC-MQ-42": ("nightly export stuck", "low"),
    }


def test_an_incidents_services_are_read_from_its_property() -> None:
    (first, _) = compile_incident_log(JOURNAL, "pm.md").incidents
    assert first.services == ("mail-relay", "notifier")


def test_log_lines_in_code_blocks_and_code_spans_become_symptoms() -> None:
    found = _symptoms(JOURNAL)
    assert any(
        "SMTPServerDisconnected: Connection unexpectedly closed" in s for s in found["INC-MQ-41"]
    )
    assert any("Connection reset by peer" in s for s in found["INC-MQ-41"])
    assert any("SSL SYSCALL error: EOF detected" in s for s in found["INC-MQ-42"])


def test_lines_set_aside_in_words_are_no_symptoms() -> None:
    found = _symptoms(JOURNAL)
    # (one item set aside, and a parent bullet's verdict over its children)
    assert not any("vacuum" in s or "lock not available" in s for s in found["INC-MQ-42"])
    assert not any("probing relay" in s or "disk check" in s for s in found["INC-MQ-41"])


def test_the_line_count_is_kept() -> None:
    assert len(as_markdown(JOURNAL).split("\n")) == len(JOURNAL.split("\n"))


def test_the_blocks_read_as_a_heading_labels_and_a_dedented_list() -> None:
    lines = outliner_read(JOURNAL).split("\n")
    assert lines[4] == "## INC-MQ-41: outbound mail piling up in the queue"
    assert "**Severity:** high" in lines[5:10]
    assert lines[10] == "- sender log, every attempt:"
    assert lines[11:14] == [
        "  ```",
        "  smtplib.SMTPServerDisconnected: Connection unexpectedly closed",
        "  ```",
    ]
    assert lines[15:17] == ["- grep noise, NOT the error:", "  - `disk check: /var/spool at 71%`"]
    assert lines[2] == "## Mar 3rd, 2027"  # (a day's heading, naming no incident)
    assert lines[0] == lines[1] == ""  # (the tool's own query and its property)


def test_a_ref_to_an_id_inside_an_incident_is_a_mention_not_an_incident() -> None:
    log = compile_incident_log(JOURNAL, "pm.md")
    assert not log.problems
    assert [i.id for i in log.incidents] == ["INC-MQ-41", "INC-MQ-42"]
    assert "## INC-MQ-41" not in outliner_read(JOURNAL).split("\n")[-3]


ROAM = """\
- [[March 5th, 2027]]
    - 08:40 search results empty #incident
        - ticket:: INC-MQ-43
        - severity:: medium
        - the indexer log:
            - `elasticsearch.exceptions.ConnectionTimeout: ConnectionTimeout caused by - RTE`
        - cause: the cluster was in a red state after a node left
"""


def test_a_roam_export_with_attributes_as_children_and_four_spaces() -> None:
    log = compile_incident_log(ROAM, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.title, found.severity) == (
        "INC-MQ-43",
        "search results empty",
        "medium",
    )
    assert any("ConnectionTimeout" in str(s) for s in found.symptoms)


def test_a_block_uuid_is_no_incident_id() -> None:
    text = (
        "- 10:00 cache flushed by hand\n"
        "  id:: 65f1c2aa-1b2c-4d5e-8f90-0a1b2c3d4e5f\n"
        "  owner:: [[Besa]]\n"
        "\t- `redis: FLUSHALL done`\n"
    )
    assert outliner_read(text) == text


HOUSE = """\
## INC-7: Checkout down

**Severity:** High

**Symptoms:**
- App log: `pymysql.err.OperationalError: (1040, 'Too many connections')`
\t- seen on [[orders-db]] too

**Root cause:**
- pool too small
"""


@pytest.mark.parametrize(
    "text",
    [
        HOUSE,
        # (an ordinary Markdown list with wiki links, nested by tabs)
        "Notes on [[INC-7]]:\n\n- [[INC-7]] checkout down\n\t- see [[orders-db]]\n",
        # (an org-mode file: its property drawer's `:KEY: value` is no `key:: value`)
        "* INC-7 checkout down\n:PROPERTIES:\n:SEVERITY: high\n:END:\n- ok:: fine\n",
        # (Dataview-like fields in a list under a heading)
        "# Ops\n- incident:: INC-7\n- severity:: high\n",
    ],
    ids=["house", "wiki-links-list", "org-mode", "fields-under-heading"],
)
def test_what_only_looks_like_an_outline_is_left_as_it_is(text: str) -> None:
    assert outliner_read(text) == text
