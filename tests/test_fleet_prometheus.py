"""A real Prometheus (Debian's ``prometheus``; .ci/run installs it) scrapes an agent's metrics
endpoint. Outside CI a missing binary skips, saying how to install it; with CI=true it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from fleet_helpers import free_port, get_json, wait_for

from matcher.fleet.metrics import Metrics, serve


def query(base: str, promql: str) -> list[dict[str, Any]]:
    answer = get_json(f"{base}/api/v1/query?query={urllib.parse.quote(promql)}")
    result: list[dict[str, Any]] = answer["data"]["result"]
    return result


def ready(base: str, proc: subprocess.Popen[bytes]) -> bool:
    assert proc.poll() is None, "prometheus exited"
    try:
        get_json(f"{base}/api/v1/status/buildinfo")
        return True
    except OSError:
        return False


def test_a_real_prometheus_scrapes_the_agent(tmp_path: Path) -> None:
    binary = shutil.which("prometheus")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Prometheus is missing in CI; .ci/run must install it")
        pytest.skip("a real Prometheus scrape needs `apt-get install -y prometheus`")
    metrics = Metrics()
    server = serve(metrics, "127.0.0.1", 0)
    for _ in range(3):
        metrics.finding_seen("INC-2024-001", "high")
    metrics.delivery_attempt("http://am:9093")
    port = free_port()
    (tmp_path / "prometheus.yml").write_text(
        "global:\n  scrape_interval: 1s\n"
        "scrape_configs:\n  - job_name: matcher\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{server.port}']\n"
    )
    log = open(tmp_path / "prometheus.log", "wb")  # noqa: SIM115 - the child holds it
    with log:
        proc = subprocess.Popen(
            [
                binary,
                f"--config.file={tmp_path / 'prometheus.yml'}",
                f"--storage.tsdb.path={tmp_path / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ],
            stdout=log,
            stderr=log,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: ready(base, proc), what="Prometheus up")
        [up] = wait_for(lambda: query(base, 'up{job="matcher"} == 1'), what="a scrape")
        assert up["metric"]["instance"] == f"127.0.0.1:{server.port}"
        [found] = query(base, "matcher_findings_total")
        assert found["metric"]["incident"] == "INC-2024-001"
        assert found["metric"]["severity"] == "high"
        assert found["value"][1] == "3"
        [attempts] = query(base, "matcher_delivery_attempts_total")
        assert attempts["metric"]["target"] == "http://am:9093"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        server.close()
