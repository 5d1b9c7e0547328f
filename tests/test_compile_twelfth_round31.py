"""Issue #11, twelfth pass, thirty-first round (docs/incident-log-format.md, "Thirty-first
round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts


def test_a_retry_wrappers_class_and_an_elision_are_no_cause_beside_the_cause() -> None:
    # every failed call says `Max retries exceeded`, whatever its cause (a DNS failure too): the
    # wrapper recalled with its class and an elision is no symptom where the cause is quoted
    text = (
        "## INC-109 \u2014 gateway: connection refused\n\n"
        "**Symptoms:**\n"
        "* `NewConnectionError: Failed to establish a new connection: [Errno 111] Connection"
        " refused`\n"
        '* From memory: "MaxRetryError \u2026 Max retries exceeded with url: /api/v2/health"'
        " \u2014 same chain.\n"
    )
    texts = _texts(text)
    assert texts == [
        "NewConnectionError: Failed to establish a new connection: [Errno 111] Connection refused"
    ]


def test_the_retry_wrapper_alone_stays_the_incidents_symptom() -> None:
    text = (
        "## INC-110 \u2014 quotes: lookups broke\n\n"
        "**Symptoms:**\n"
        '* "MaxRetryError \u2026 Max retries exceeded with url: /v1/quote"\n'
    )
    assert _texts(text) == ["MaxRetryError: <any> Max retries exceeded with url: <path>"]


def test_a_pasted_line_under_a_bare_label_starts_an_item_of_its_own() -> None:
    # (an export's long-text field: lines without bullets under `**Error seen:**`)
    text = (
        "### INC-104\n\n"
        "**Summary:** Monthly report query killed by statement_timeout\n"
        "**Error seen:**\n"
        "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout\n"
        "server: ERROR:  canceling statement due to statement timeout\n"
    )
    assert _texts(text) == [
        "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout",
        "ERROR: canceling statement due to statement timeout",
    ]


def test_an_example_in_the_authors_parenthesis_is_no_part_of_the_text() -> None:
    for aside in ("(e.g. 1572864 for a 1.5 MB photo)", "(for example 1572864 for a photo)"):
        text = (
            "## INC-114 \u2014 uploads: 413\n\n**Symptoms:**\n"
            f"- nginx error.log: client intended to send too large body: NNNNNNN bytes {aside}\n"
        )
        assert _texts(text) == ["client intended to send too large body: <n:int> bytes"]


def test_a_pasted_line_whose_header_is_elided_is_read() -> None:
    # `[...]` alone on a line is an elision; before a line's message it stands for its header
    text = (
        "## INC-115 \u2014 nightly backup: disk full\n\n**Symptoms:**\n\n```\n"
        "[...]\n"
        "[...] ERROR in backup: audit export aborted: OperationalError: database or disk is full\n"
        "```\n"
    )
    assert _texts(text) == [
        "ERROR in backup: audit export aborted: OperationalError: database or disk is full"
    ]


KUBE_EVENTS = """## INC-112 \u2014 edge nginx crash loop

**Symptoms:**

```
Events:
  Type     Reason            Age  From       Message
  ----     ------            ---  ----       -------
  Normal   Pulled            12m  kubelet    Container image "nginx:1.27" present
  Warning  BackOff           1m   kubelet    Back-off restarting failed container
  Warning  FailedScheduling  3m   scheduler  0/3 nodes are available: 3 Insufficient memory.

$ kubectl logs --previous -n edge edge-nginx-5xq8r
nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)
```
"""


def test_kubectls_events_table_is_read_by_its_warnings_of_their_own() -> None:
    # the table's heads, a Normal event and a container's back-off are the orchestrator's
    texts = _texts(KUBE_EVENTS)
    assert texts[0] == "<n:num>/<n2:num> nodes are available: <available:num> Insufficient memory"
    assert texts[1].startswith("[emerg] bind() to <ip>:<port:int> failed (98: Address already")
    assert len(texts) == 2


def test_a_bare_not_label_sets_aside_every_quote_of_its_list() -> None:
    text = (
        "## INC-113 \u2014 orders-api: 502s\n\n**Symptoms:**\n\n```\n"
        "[error] 12048#12048: *2 connect() failed (111: Connection refused) while connecting to"
        ' upstream, client: 10.0.4.31, upstream: "http://10.42.3.17:8080/api/orders/1"\n'
        "[warn] 12048#12048: *2 upstream server temporarily disabled while connecting to"
        " upstream, ...\n"
        "[error] 12048#12048: *5 no live upstreams while connecting to upstream, ...\n"
        "```\n\n**Notes:**\n"
        "- `connect() failed (111: Connection refused)` \u2014 that's it.\n"
        "- NOT: `upstream server temporarily disabled` (warn, nginx marking the peer down) and"
        " `no live upstreams` (follows once all peers are marked). The 502s are the result.\n"
    )
    texts = _texts(text)
    assert len(texts) == 1
    assert texts[0].startswith("[error] connect() failed (111: Connection refused)")


def test_another_test_of_the_same_ci_job_is_not_the_incidents_error() -> None:
    text = (
        "## INC-106 \u2014 cache: maxmemory\n\n**Symptoms:**\n"
        "- `redis.exceptions.OutOfMemoryError: command not allowed when used memory >"
        " 'maxmemory'`\n"
        "- A `WRONGTYPE Operation against a key holding the wrong kind of value` in the same"
        " job is another test.\n"
    )
    assert _texts(text) == [
        "redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'"
    ]


def test_a_letter_for_one_of_several_processes_is_any_value() -> None:
    text = (
        "## INC-105 \u2014 billing: deadlocks\n\n**Symptoms:**\n"
        "- the two `Process A waits for ShareLock on transaction N; blocked by process B.`"
        " lines\n"
    )
    assert _texts(text) == [
        "Process <n2> waits for ShareLock on transaction <n:int>; blocked by process <n3>"
    ]
