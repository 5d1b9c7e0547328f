#!/usr/bin/env python3
"""Write-to-alert latency: one matching line written into a quiet log file, until the alert
carrying that line is visible at a real Alertmanager (``GET /api/v2/alerts``, polled every
5 ms). Runs the real ``matcher watch --alertmanager`` against Debian's
``prometheus-alertmanager`` on loopback ports.

    python bench/alert_latency.py [--samples 40] [--modes inotify,poll]

Prints a Markdown table (p50, p99, max in ms) per observer. Goal (issue #14): p99 <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fleet_helpers import (  # noqa: E402 - the test helpers start the real Alertmanager
    Alertmanager,
    Receiver,
    alertmanager_binary,
    get_json,
    wait_for,
)

LINE = (
    "2026-12-03T08:00:00Z sqlalchemy.exc.TimeoutError: "
    "QueuePool limit of size {k} overflow 10 reached\n"
)


def measure(tmp: Path, mode: str, samples: int) -> list[float]:
    (tmp / "logs").mkdir()
    receiver = Receiver()
    am = Alertmanager(alertmanager_binary(), tmp / "am", receiver.url).start()
    log, state = tmp / "logs" / "app.log", tmp / "state.json"
    log.write_text("start\n")
    args = [
        sys.executable, "-m", "matcher", "watch", str(tmp / "logs"), "-s", str(ROOT / "signatures"),
        "--state", str(state), "-o", str(tmp / "out.jsonl"), "-f", "json",
        "--alertmanager", am.url, "--host", "bench",
    ]  # fmt: skip
    if mode == "poll":
        args.append("--poll")
    err = open(tmp / "agent.err", "wb")  # noqa: SIM115 - the child holds it
    agent = subprocess.Popen(args, stderr=err, env=dict(os.environ, MATCHER_CACHE="0"))
    latencies: list[float] = []
    try:
        wait_for(state.exists, what="the agent ready")
        with open(log, "a") as fh:
            for k in range(samples):
                time.sleep(0.3 + (k % 7) * 0.05)  # a quiet file between errors
                start = time.perf_counter()
                fh.write(LINE.format(k=k))
                fh.flush()
                where = f"{log}:{k + 2}"
                while not any(
                    a["annotations"].get("location") == where
                    for a in get_json(f"{am.url}/api/v2/alerts")
                ):
                    time.sleep(0.005)
                latencies.append(time.perf_counter() - start)
    finally:
        agent.terminate()
        agent.wait(10)
        err.close()
        am.stop()
        receiver.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--modes", default="inotify,poll")
    args = parser.parse_args()
    print("| observer | samples | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for mode in args.modes.split(","):
        with tempfile.TemporaryDirectory() as name:
            ms = sorted(x * 1000 for x in measure(Path(name), mode, args.samples))
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        label = "inotify" if mode == "inotify" else "polling (1 s)"
        print(f"| {label} | {len(ms)} | {statistics.median(ms):.0f} | {p99:.0f} | {ms[-1]:.0f} |")


if __name__ == "__main__":
    main()
