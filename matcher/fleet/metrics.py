"""Prometheus metrics of one agent, with the ``prometheus-client`` library.

Names follow the Prometheus conventions (a ``matcher_`` prefix, base units, ``_total`` on
counters, ``_bytes``/``_seconds`` suffixes). Label values come only from bounded sets: the
incident ids of the loaded rules (capped), the severities, the configured targets, a fixed
list of failure reasons, and at most ``max_sources`` source names (the rest summed into
``source="_other"``). No line text and no captured value is ever a label.

Each ``Metrics`` has its own registry (tests and two agents in one process do not collide),
with the standard process and platform collectors.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    PlatformCollector,
    ProcessCollector,
    start_http_server,
)

OTHER = "_other"
FAILURE_REASONS = ("connection", "http_3xx", "http_4xx", "http_5xx", "rejected")


class Metrics:
    def __init__(self, *, max_sources: int = 50, max_incidents: int = 1000) -> None:
        self.registry = registry = CollectorRegistry()
        ProcessCollector(registry=registry)
        PlatformCollector(registry=registry)
        self.max_sources, self.max_incidents = max_sources, max_incidents
        self._incidents: set[str] = set()
        self._dropped: dict[str, int] = {}
        self._lock = threading.Lock()

        def counter(name: str, doc: str, labels: tuple[str, ...] = ()) -> Counter:
            return Counter(f"matcher_{name}", doc, labels, registry=registry)

        def gauge(name: str, doc: str, labels: tuple[str, ...] = ()) -> Gauge:
            return Gauge(f"matcher_{name}", doc, labels, registry=registry)

        self.findings = counter(
            "findings", "Findings seen, before any cooldown.", ("incident", "severity")
        )
        self.lines = counter("lines_read", "Log lines read.")
        self.bytes = counter("read_bytes", "Log bytes read.")
        self.sources = gauge("sources_followed", "Files or streams followed now.")
        self.behind = gauge(
            "source_behind_bytes", "Bytes written but not read yet, per source.", ("source",)
        )
        self.checkpoints = counter("state_checkpoints", "State files written.")
        self.last_checkpoint = gauge(
            "last_checkpoint_timestamp_seconds", "When the state was last written."
        )
        self.attempts = counter("delivery_attempts", "Requests sent to a target.", ("target",))
        self.failures = counter(
            "delivery_failures",
            "Failed requests: connection, http_Nxx (retried) or rejected (dropped).",
            ("target", "reason"),
        )
        self.delivered_payloads = counter(
            "delivered_payloads", "Alerts or findings a target accepted.", ("target",)
        )
        self.spool = gauge("spool_payloads", "Payloads waiting for a target.", ("target",))
        self.spool_dropped = counter(
            "spool_dropped_payloads", "Payloads dropped because the spool was full.", ("target",)
        )
        self.rules = gauge("rules_loaded", "Signatures in the running rule set.")
        self.reloads = counter("reloads", "Successful reloads of the signatures.")
        self.reload_failures = counter("reload_failures", "Reloads that kept the old rules.")

    def target(self, name: str) -> None:
        """Make a target's series exist (at 0) before its first event."""
        self.attempts.labels(name)
        self.delivered_payloads.labels(name)
        self.spool.labels(name).set(0)
        self.spool_dropped.labels(name)
        for reason in FAILURE_REASONS:
            self.failures.labels(name, reason)

    def finding_seen(self, incident: str, severity: str) -> None:
        with self._lock:
            if incident not in self._incidents:
                if len(self._incidents) >= self.max_incidents:
                    incident = OTHER
                else:
                    self._incidents.add(incident)
        self.findings.labels(incident, severity).inc()

    def lines_read(self, lines: int, nbytes: int) -> None:
        self.lines.inc(lines)
        self.bytes.inc(nbytes)

    def sources_followed(self, count: int) -> None:
        self.sources.set(count)

    def bytes_behind(self, behind: Mapping[str, int]) -> None:
        """Replace the per-source gauge: the ``max_sources`` furthest behind by name, the rest
        summed into ``_other``."""
        ranked = sorted(behind.items(), key=lambda kv: kv[1], reverse=True)
        self.behind.clear()
        for source, value in ranked[: self.max_sources]:
            self.behind.labels(source).set(value)
        rest = ranked[self.max_sources :]
        if rest:
            self.behind.labels(OTHER).set(sum(v for _, v in rest))

    def checkpoint(self, now: float) -> None:
        self.checkpoints.inc()
        self.last_checkpoint.set(now)

    def rules_loaded(self, count: int) -> None:
        self.rules.set(count)

    def reloaded(self, count: int) -> None:
        self.reloads.inc()
        self.rules.set(count)

    def reload_failed(self) -> None:
        self.reload_failures.inc()

    # The delivery.Events protocol, called from the deliverer threads.
    def delivery_attempt(self, target: str) -> None:
        self.attempts.labels(target).inc()

    def delivery_failure(self, target: str, reason: str) -> None:
        self.failures.labels(target, reason if reason in FAILURE_REASONS else OTHER).inc()

    def delivered(self, target: str, count: int) -> None:
        self.delivered_payloads.labels(target).inc(count)

    def spool_changed(self, target: str, size: int, dropped: int) -> None:
        self.spool.labels(target).set(size)
        with self._lock:
            new = dropped - self._dropped.get(target, 0)
            self._dropped[target] = dropped
        if new > 0:
            self.spool_dropped.labels(target).inc(new)


@dataclass(frozen=True)
class MetricsServer:
    server: WSGIServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.server.server_port)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def parse_listen(text: str) -> tuple[str, int]:
    """``ADDR:PORT`` (``[::1]:9100``, ``:9100`` = every address) as (addr, port)."""
    addr, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"{text!r} is not ADDR:PORT")
    addr = addr.removeprefix("[").removesuffix("]")
    return addr or "0.0.0.0", int(port)


def serve(metrics: Metrics, addr: str, port: int) -> MetricsServer:
    """Serve ``/metrics`` on ``addr:port`` (port 0: any free one) in a daemon thread."""
    server, thread = start_http_server(port, addr, registry=metrics.registry)
    return MetricsServer(server, thread)
