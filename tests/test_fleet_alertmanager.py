"""Against a real Alertmanager (Debian's prometheus-alertmanager) on loopback ports: what
arrives, how it is grouped, an HA pair losing a peer, an outage with a kill -9 of the agent.

Outside CI these skip when the binary is missing (with the apt-get line to install it); with
CI=true a missing binary fails.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fleet_helpers import (
    ROOT,
    Alertmanager,
    Receiver,
    alertmanager_binary,
    finding,
    scrape,
    signature,
    wait_for,
)

from matcher.fleet.delivery import Backoff
from matcher.fleet.dispatch import Dispatcher, FleetOptions
from matcher.fleet.metrics import Metrics, serve
from matcher.model import Status

FAST = Backoff(initial=0.05, cap=0.3)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def alertmanager(tmp_path: Path, receiver: Receiver) -> Iterator[Alertmanager]:
    am = Alertmanager(alertmanager_binary(), tmp_path / "am", receiver.url).start()
    yield am
    am.stop()


def agent(peers: list[str], host: str, **options: Any) -> Dispatcher:
    fleet = FleetOptions(alertmanagers=tuple(peers), host=host, backoff=FAST, **options)
    return Dispatcher(fleet)


def by_source(alerts: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {a["labels"]["source"]: a for a in alerts}


def notifications(receiver: Receiver) -> list[dict[str, Any]]:
    return [b for b in receiver.bodies() if isinstance(b, dict) and "groupKey" in b]


def test_alerts_arrive_with_labels_and_annotations_and_are_grouped(
    alertmanager: Alertmanager, receiver: Receiver
) -> None:
    sig = signature(status=Status.RESOLVED, runbook="https://runbooks.example.com/db-pool")
    dispatcher = agent([alertmanager.url], "web-1")
    for n in range(3):
        dispatcher.finding(finding(sig, source=f"/var/log/app-{n}.log", line=n + 1))
    assert dispatcher.flush(timeout=10)

    alerts = by_source(wait_for(lambda: len(alertmanager.alerts()) == 3 and alertmanager.alerts()))
    first = alerts["/var/log/app-0.log"]
    assert first["labels"] == {
        "alertname": "INC-2024-001",
        "severity": "high",
        "host": "web-1",
        "service": "api,db",
        "source": "/var/log/app-0.log",
        "regression": "true",
    }
    notes = first["annotations"]
    assert notes["summary"] == "INC-2024-001: DB connection pool exhausted"
    assert notes["description"] == "TimeoutError: QueuePool limit of size 5 overflow 10 reached"
    assert notes["resolution"] == "Raise pool_size."
    assert notes["runbook_url"] == "https://runbooks.example.com/db-pool"
    assert notes["captures"] == "x=5 y=10"
    assert notes["location"] == "/var/log/app-0.log:1"
    assert first["status"]["state"] == "active"

    [note] = wait_for(lambda: notifications(receiver), what="the grouped notification")
    assert note["groupLabels"] == {"alertname": "INC-2024-001"}
    assert sorted(a["labels"]["source"] for a in note["alerts"]) == sorted(alerts)
    assert note["commonAnnotations"]["summary"] == notes["summary"]


def test_two_agents_on_one_incident_make_one_page(
    alertmanager: Alertmanager, receiver: Receiver
) -> None:
    for host in ("web-1", "web-2"):
        dispatcher = agent([alertmanager.url], host)
        dispatcher.finding(finding())
        assert dispatcher.flush(timeout=10)
    alerts = wait_for(lambda: len(alertmanager.alerts()) == 2 and alertmanager.alerts())
    assert sorted(a["labels"]["host"] for a in alerts) == ["web-1", "web-2"]
    notes = wait_for(lambda: notifications(receiver), what="a notification")
    assert [sorted(a["labels"]["host"] for a in n["alerts"]) for n in notes] == [
        ["web-1", "web-2"]
    ]  # one notification, one group, one alert per host
    assert {n["groupKey"] for n in notifications(receiver)} == {notes[0]["groupKey"]}


def test_ha_pair_losing_a_peer_loses_no_alert(tmp_path: Path, receiver: Receiver) -> None:
    binary = alertmanager_binary()
    a = Alertmanager(binary, tmp_path / "a", receiver.url, cluster=True)
    b = Alertmanager(binary, tmp_path / "b", receiver.url, cluster=True)
    assert a.cluster_port is not None and b.cluster_port is not None
    a.peers, b.peers = [b.cluster_port], [a.cluster_port]
    agents = [agent([a.url, b.url], host) for host in ("web-1", "web-2")]
    try:
        a.start()
        b.start()
        for dispatcher in agents:
            dispatcher.start()

        def post(first: int, last: int) -> set[tuple[str, str]]:
            for n in range(first, last):
                for dispatcher in agents:
                    dispatcher.finding(finding(source=f"/var/log/app-{n}.log"))
            return {
                (h, f"/var/log/app-{n}.log") for h in ("web-1", "web-2") for n in range(first, last)
            }

        def seen(am: Alertmanager) -> set[tuple[str, str]]:
            return {(x["labels"]["host"], x["labels"]["source"]) for x in am.alerts()}

        before = post(0, 5)
        wait_for(lambda: seen(a) == seen(b) == before, what="both peers have every alert")
        b.stop()
        during = post(5, 10)
        wait_for(lambda: seen(a) == before | during, what="the surviving peer has them all")
        assert all(d.pending()[b.url] > 0 for d in agents)  # spooled for the stopped peer
        b.start()
        wait_for(lambda: during <= seen(b), what="the restarted peer gets the spooled alerts")
        wait_for(lambda: all(sum(d.pending().values()) == 0 for d in agents), what="spools empty")
        assert seen(a) == before | during
    finally:
        for dispatcher in agents:
            dispatcher.close(timeout=0)
        a.stop()
        b.stop()


def test_outage_and_kill_9_of_the_agent_lose_nothing(tmp_path: Path, receiver: Receiver) -> None:
    """The agent spools alerts while Alertmanager is down, is killed with SIGKILL, and a new
    agent on the same state delivers them all once Alertmanager is up; metrics agree."""
    am = Alertmanager(alertmanager_binary(), tmp_path / "am", receiver.url)
    state = str(tmp_path / "state.json")
    helper = [sys.executable, str(ROOT / "tests" / "fleet_helpers.py"), "agent", state, am.url]
    proc = subprocess.Popen([*helper, "20"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed = []
    for line in proc.stdout:  # each number is printed once its alert is fsynced
        committed.append(int(line))
        if committed[-1] == 19:
            break
    proc.send_signal(signal.SIGKILL)  # while it retries against the absent Alertmanager
    proc.wait(timeout=10)
    proc.stdout.close()
    assert committed == list(range(20))

    metrics = Metrics()
    server = serve(metrics, "127.0.0.1", 0)
    options = FleetOptions(alertmanagers=(am.url,), host="agent-k", state=state, backoff=FAST)
    dispatcher = Dispatcher(options, events=metrics)
    try:
        assert dispatcher.pending() == {am.url: 20}
        dispatcher.start()
        failed = ("matcher_delivery_failures_total", (("reason", "connection"), ("target", am.url)))
        wait_for(lambda: scrape(server).get(failed, 0) > 0, what="a failed attempt")
        am.start()
        sources = wait_for(
            lambda: (
                {x["labels"]["source"] for x in am.alerts()}
                >= set(f"/var/log/app-{n}.log" for n in range(20))
                and am.alerts()
            ),
            what="all 20 alerts",
        )
        assert {x["labels"]["host"] for x in sources} == {"agent-k"}
        wait_for(lambda: dispatcher.pending() == {am.url: 0}, what="the spool emptied")
        got = scrape(server)
        assert got[("matcher_delivered_payloads_total", (("target", am.url),))] == 20
        assert got[("matcher_spool_payloads", (("target", am.url),))] == 0
    finally:
        dispatcher.close(timeout=0)
        server.close()
        am.stop()
