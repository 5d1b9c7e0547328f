"""`matcher scan --alertmanager/--webhook` (one shot: a CI job, a cron back-scan) through the
real CLI against a real Alertmanager and a webhook receiver; fleet usage errors first."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fleet_helpers import ROOT, Alertmanager, Receiver, alertmanager_binary, free_port, wait_for

SAMPLE = ROOT / "sample_logs" / "seed-script.log"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


def matcher(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matcher", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def test_scan_posts_each_finding_once_as_an_alert_and_a_webhook_record(
    tmp_path: Path, receiver: Receiver
) -> None:
    am = Alertmanager(alertmanager_binary(), tmp_path / "am", receiver.url).start()
    try:
        done = matcher(
            "scan", str(SAMPLE), "-f", "json", "--host", "ci-runner-7",
            "--alertmanager", am.url, "--webhook", f"{receiver.url}/finding",
        )  # fmt: skip
        assert done.returncode == 1, done.stderr  # findings, all delivered
        found = [line for line in done.stdout.splitlines() if line.strip()]
        alerts = wait_for(lambda: am.alerts() or None, what="alerts at Alertmanager")
        assert {a["labels"]["alertname"] for a in alerts} == {"INC-2024-002"}
        assert {a["labels"]["host"] for a in alerts} == {"ci-runner-7"}
        assert alerts[0]["labels"]["source"] == str(SAMPLE)
        records = [b for b in receiver.bodies() if isinstance(b, dict) and "incident" in b]
        assert len(records) == len(found)
    finally:
        am.stop()


def test_an_unreachable_alertmanager_is_an_error_after_the_findings(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    done = matcher("scan", str(SAMPLE), "--alertmanager", closed, "--delivery-timeout", "1")
    assert done.returncode == 2
    assert "INC-2024-002" in done.stdout  # the findings were reported all the same
    assert done.stderr.strip().splitlines()[-1].startswith("matcher: not delivered: 1 to ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--alertmanager", "ftp://am:9093"], "not an http:// or https:// URL"),
        (["--webhook", "not a url"], "not an http:// or https:// URL"),
        (["--metrics", "127.0.0.1:9464"], "--metrics: only with --follow"),
        (["--webhook-secret-file", "s.key"], "--webhook-secret-file goes with --webhook"),
    ],
)
def test_fleet_usage_errors_come_before_the_rules(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = matcher("scan", "-s", str(tmp_path / "no-such-dir"), *args, str(SAMPLE))
    assert done.returncode == 2 and message in done.stderr
    assert "no-such-dir" not in done.stderr


def test_watch_metrics_address_is_checked_first(tmp_path: Path) -> None:
    done = matcher("watch", str(tmp_path), "-s", str(tmp_path / "nope"), "--metrics", "nine")
    assert done.returncode == 2 and "is not ADDR:PORT" in done.stderr
