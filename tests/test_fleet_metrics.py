"""The metrics endpoint, scraped over HTTP and parsed with prometheus-client's parser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fleet_helpers import Receiver, finding, scrape

from matcher.fleet.delivery import Backoff
from matcher.fleet.dispatch import Dispatcher, FleetOptions
from matcher.fleet.metrics import Metrics, MetricsServer, parse_listen, serve


@pytest.fixture
def metrics() -> Iterator[tuple[Metrics, MetricsServer]]:
    m = Metrics(max_sources=2, max_incidents=2)
    server = serve(m, "127.0.0.1", 0)
    yield m, server
    server.close()


def test_the_live_loop_api_shows_up_in_the_scrape(metrics: tuple[Metrics, MetricsServer]) -> None:
    m, server = metrics
    for incident in ("INC-1", "INC-1", "INC-2", "INC-3", "INC-4"):
        m.finding_seen(incident, "high")
    m.lines_read(10, 1234)
    m.sources_followed(3)
    m.bytes_behind({"/var/log/a.log": 5, "/var/log/b.log": 500, "/var/log/c.log": 50, "d": 1})
    m.checkpoint(1_700_000_000.0)
    m.rules_loaded(7)
    m.reloaded(8)
    m.reload_failed()
    got = scrape(server)
    assert got[("matcher_findings_total", (("incident", "INC-1"), ("severity", "high")))] == 2
    # capped: later incidents share one series, so a rule explosion cannot explode Prometheus
    assert got[("matcher_findings_total", (("incident", "_other"), ("severity", "high")))] == 2
    assert got[("matcher_lines_read_total", ())] == 10
    assert got[("matcher_read_bytes_total", ())] == 1234
    assert got[("matcher_sources_followed", ())] == 3
    behind = {k[1][0][1]: v for k, v in got.items() if k[0] == "matcher_source_behind_bytes"}
    assert behind == {"/var/log/b.log": 500, "/var/log/c.log": 50, "_other": 6}
    assert got[("matcher_state_checkpoints_total", ())] == 1
    assert got[("matcher_last_checkpoint_timestamp_seconds", ())] == 1_700_000_000.0
    assert got[("matcher_rules_loaded", ())] == 8
    assert got[("matcher_reloads_total", ())] == 1
    assert got[("matcher_reload_failures_total", ())] == 1
    assert got[("process_open_fds", ())] > 0  # the standard process metrics


def test_delivery_metrics_per_target(metrics: tuple[Metrics, MetricsServer]) -> None:
    m, server = metrics
    receiver = Receiver(statuses=[500])
    try:
        options = FleetOptions(
            webhooks=(receiver.url,), spool_cap=2, backoff=Backoff(initial=0.01, cap=0.02)
        )
        dispatcher = Dispatcher(options, events=m)
        m.target(receiver.url)  # series exist at 0 before the first event
        for n in range(3):  # cap 2: the oldest is dropped
            dispatcher.finding(finding(offset=n))
        assert dispatcher.flush(timeout=10)
    finally:
        receiver.close()
    got = scrape(server)
    target = (("target", receiver.url),)
    assert got[("matcher_delivery_attempts_total", target)] == 3  # 500, then 2 delivered
    assert got[("matcher_delivered_payloads_total", target)] == 2
    assert got[("matcher_delivery_failures_total", (("reason", "http_5xx"), *target))] == 1
    assert got[("matcher_delivery_failures_total", (("reason", "connection"), *target))] == 0
    assert got[("matcher_spool_payloads", target)] == 0
    assert got[("matcher_spool_dropped_payloads_total", target)] == 1
    labels = {label for key in got for label, _ in key[1]}
    assert labels <= {
        "incident",
        "severity",
        "source",
        "target",
        "reason",
        "implementation",
        "major",
        "minor",
        "patchlevel",
        "version",
    }  # nothing from line text


def test_parse_listen() -> None:
    assert parse_listen("127.0.0.1:9100") == ("127.0.0.1", 9100)
    assert parse_listen(":9100") == ("0.0.0.0", 9100)
    assert parse_listen("[::1]:9100") == ("::1", 9100)
    for bad in ("9100", "host:", "host:99999", "host:x"):
        with pytest.raises(ValueError):
            parse_listen(bad)
