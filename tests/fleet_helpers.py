"""Helpers for the fleet tests: findings built from the model records, a real Alertmanager as
a subprocess on loopback ports, a webhook receiver, and a spooling agent subprocess
(``python tests/fleet_helpers.py agent STATE URL COUNT`` / ``spool PATH``) to kill -9."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

from matcher.fleet.metrics import MetricsServer  # noqa: E402
from matcher.model import Finding, Severity, Signature, SourceLocation, Status, Symptom  # noqa: E402

DEADLINE = 20.0
INSTALL = "apt-get install -y prometheus-alertmanager"


def signature(
    id: str = "INC-2024-001", *, status: Status = Status.OPEN, runbook: str | None = None
) -> Signature:
    where = SourceLocation(f"signatures/{id}.yml", 1, 1)
    return Signature(
        id=id,
        title=f"{id}: DB connection pool exhausted",
        severity=Severity.HIGH,
        symptoms=(Symptom("QueuePool limit of size <x> overflow <y> reached", where),),
        resolution="\n* Raise pool_size.\nThen watch the pool.\n",
        location=where,
        services=("api", "db"),
        status=status,
        runbook=runbook,
    )


def finding(
    sig: Signature | None = None,
    *,
    source: str = "/var/log/app.log",
    line: int = 7,
    offset: int = 0,
    text: str = "TimeoutError: QueuePool limit of size 5 overflow 10 reached",
    captures: dict[str, str] | None = None,
) -> Finding:
    return Finding(
        signature=sig or signature(),
        source=source,
        line=line,
        text=text,
        span=(0, len(text)),
        captures=captures if captures is not None else {"x": "5", "y": "10"},
        offset=offset,
    )


def wait_for(predicate: Callable[[], Any], timeout: float = DEADLINE, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what or predicate}")
        time.sleep(0.05)


def free_port() -> int:
    """A loopback port free for TCP and UDP (an Alertmanager cluster port uses both)."""
    for _ in range(50):
        with socket.socket() as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
        return port
    raise AssertionError("no free loopback port")


def alertmanager_binary() -> str:
    binary = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
    if binary:
        return binary
    if os.environ.get("CI") == "true":
        pytest.fail(f"Alertmanager is missing in CI; .ci/run must install it ({INSTALL})")
    pytest.skip(f"needs a real Alertmanager: {INSTALL} (or put `alertmanager` on PATH)")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return json.load(answer)


class Alertmanager:
    """One Alertmanager on 127.0.0.1 with a temp config (every alert routed to ``hook``,
    grouped by alertname, short waits) and storage; optionally a cluster peer."""

    def __init__(self, binary: str, tmp: Path, hook: str, *, cluster: bool = False) -> None:
        self.binary, self.dir = binary, tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.cluster_port = free_port() if cluster else None
        self.peers: list[int] = []
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        (tmp / "am.yml").write_text(
            "route:\n  receiver: hook\n  group_by: [alertname]\n  group_wait: 1s\n"
            "  group_interval: 1s\n  repeat_interval: 1h\n"
            f"receivers:\n  - name: hook\n    webhook_configs:\n      - url: {hook}\n"
            "        send_resolved: false\n"
        )

    def args(self) -> list[str]:
        args = [
            self.binary,
            f"--config.file={self.dir / 'am.yml'}",
            f"--storage.path={self.dir / 'data'}",
            f"--web.listen-address=127.0.0.1:{self.port}",
            "--log.level=warn",
        ]
        if self.cluster_port is None:
            return [*args, "--cluster.listen-address="]
        args += [
            f"--cluster.listen-address=127.0.0.1:{self.cluster_port}",
            f"--cluster.advertise-address=127.0.0.1:{self.cluster_port}",
            "--cluster.gossip-interval=50ms",
            "--cluster.pushpull-interval=1s",
            "--cluster.peer-timeout=1s",
            "--cluster.settle-timeout=1s",
        ]
        return args + [f"--cluster.peer=127.0.0.1:{p}" for p in self.peers]

    def start(self) -> Alertmanager:
        log = open(self.dir / "am.log", "ab")  # noqa: SIM115 - the child holds it
        with log:
            self.proc = subprocess.Popen(self.args(), stdout=log, stderr=log)
        wait_for(self._ready, what=f"Alertmanager ready on {self.url}")
        return self

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            log = (self.dir / "am.log").read_text(errors="replace")
            raise AssertionError(f"Alertmanager exited ({self.proc.returncode}): {log}")
        try:
            with urllib.request.urlopen(f"{self.url}/-/ready", timeout=1) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    def alerts(self) -> list[dict[str, Any]]:
        alerts: list[dict[str, Any]] = get_json(f"{self.url}/api/v2/alerts")
        return alerts

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


class Receiver:
    """A small HTTP server that records every POST (path, headers, JSON body) and answers
    with the next scripted status (200 when the script is empty)."""

    def __init__(self, statuses: Sequence[int] = ()) -> None:
        self.posts: list[tuple[str, dict[str, str], Any]] = []
        self.statuses = list(statuses)
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    if status == 200:
                        receiver.posts.append((self.path, dict(self.headers), json.loads(body)))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def bodies(self) -> list[Any]:
        with self.lock:
            return [body for _, _, body in self.posts]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(server: MetricsServer) -> Samples:
    """GET /metrics, parsed by prometheus-client's own text parser: (name, labels) -> value."""
    url = f"http://127.0.0.1:{server.port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as answer:
        text = answer.read().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _agent(state: str, url: str, count: int) -> None:
    """Spool ``count`` alerts for ``url`` (nobody listening), committing each; say so on
    stdout after each commit, then wait to be killed."""
    from matcher.fleet.delivery import Backoff
    from matcher.fleet.dispatch import Dispatcher, FleetOptions

    options = FleetOptions(
        alertmanagers=(url,), host="agent-k", state=state, backoff=Backoff(initial=0.05, cap=0.2)
    )
    dispatcher = Dispatcher(options)
    dispatcher.start()
    for n in range(count):
        dispatcher.finding(finding(source=f"/var/log/app-{n}.log", offset=n))
        dispatcher.commit()
        print(n, flush=True)
    time.sleep(60)


def _spool_writer(path: str) -> None:
    """Append big payloads for ever, fsyncing each and printing its number once durable."""
    from matcher.fleet.spool import Spool

    spool = Spool(path, cap=1_000_000)
    n = 0
    while True:
        spool.append(json.dumps({"n": n, "pad": "x" * 20_000}))
        spool.commit()
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    if sys.argv[1] == "agent":
        _agent(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "spool":
        _spool_writer(sys.argv[2])
