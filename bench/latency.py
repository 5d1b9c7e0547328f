#!/usr/bin/env python3
"""Live-mode latency: how long from a matching line being written to its finding on stdout.

    python bench/latency.py [--samples 200] [--modes inotify,poll] [--rate 50000]

For each observer (inotify; polling at its default 1 s interval) it runs ``follow`` as a
subprocess on a fresh file and measures p50/p99/max:

* quiet: one matching line into a quiet file, then nothing until its finding is out (and
  0.2-0.6 s more): what a person on call sees for a rare error;
* idle: one matching line at a time, 20-80 ms apart;
* load: a writer process appends ~``--rate`` lines/s of noise, with a timestamped matching
  line every 1000 lines.

Each matching line carries ``t=<time.time() when written>``; the latency is the time its
finding is read from the tool's stdout minus that. A Markdown table goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SIGNATURE = """\
id: INC-1
title: pool exhausted
severity: high
symptoms: ['QueuePool limit of size <x> overflow <y> reached']
resolution: raise pool_size
"""
ROOT = Path(__file__).resolve().parent.parent
STAMP = "2024-05-01T12:00:00.000Z"


def probe_line() -> str:
    return f"{STAMP} ERROR QueuePool limit of size 5 overflow 10 reached t={time.time():.6f}\n"


def writer(path: str, rate: float, seconds: float, every: int) -> None:
    """The load: ``rate`` lines/s for ``seconds``, flushed every batch (10 ms)."""
    batch = max(1, int(rate / 100))
    start, seq = time.monotonic(), 0
    with open(path, "a", buffering=1 << 16) as fh:
        while time.monotonic() - start < seconds:
            for _ in range(batch):
                seq += 1
                if seq % every == 0:
                    fh.write(probe_line())
                else:
                    fh.write(f"{STAMP} INFO GET /api/v1/items/{seq % 977} 200 in 12ms\n")
            fh.flush()
            ahead = start + seq / rate - time.monotonic()
            if ahead > 0:
                time.sleep(ahead)


class Tool:
    def __init__(self, tmp: Path, log: Path, mode: str) -> None:
        state = tmp / f"state-{mode}.json"
        args = [
            sys.executable,
            "-m",
            "matcher",
            "scan",
            "--follow",
            str(log),
            "-s",
            str(tmp / "sigs"),
            "-f",
            "json",
            "--state",
            str(state),
        ]
        if mode == "poll":
            args.append("--poll")  # at its default interval
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        self.latencies: list[float] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + 30
        while not state.exists():
            if time.monotonic() > deadline:
                raise SystemExit("the tool did not start")
            time.sleep(0.01)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            now = time.time()
            text = json.loads(raw)["text"]
            if "t=" in text:
                self.latencies.append(now - float(text.rsplit("t=", 1)[1]))

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.latencies) < count and time.monotonic() < deadline:
            time.sleep(0.01)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def idle(tmp: Path, mode: str, samples: int) -> list[float]:
    log = tmp / f"idle-{mode}.log"
    log.touch()
    tool = Tool(tmp, log, mode)
    try:
        for _ in range(samples):
            with open(log, "a") as fh:
                fh.write(probe_line())
            time.sleep(random.uniform(0.02, 0.08))
        tool.wait_for(samples)
        return tool.latencies
    finally:
        tool.stop()


def quiet(tmp: Path, mode: str, samples: int) -> list[float]:
    log = tmp / f"quiet-{mode}.log"
    log.touch()
    tool = Tool(tmp, log, mode)
    try:
        for n in range(1, samples + 1):
            with open(log, "a") as fh:
                fh.write(probe_line())
            tool.wait_for(n)
            time.sleep(random.uniform(0.2, 0.6))
        return tool.latencies
    finally:
        tool.stop()


def loaded(tmp: Path, mode: str, samples: int, rate: float) -> list[float]:
    log = tmp / f"load-{mode}.log"
    log.touch()
    tool = Tool(tmp, log, mode)
    every = 1000
    seconds = max(2.0, samples * every / rate)
    try:
        subprocess.run(
            [sys.executable, __file__, "--writer", str(log), str(rate), str(seconds), str(every)],
            check=True,
        )
        tool.wait_for(int(seconds * rate / every) - 1)
        return tool.latencies
    finally:
        tool.stop()


def summary(name: str, latencies: list[float]) -> str:
    if not latencies:
        return f"| {name} | 0 | - | - | - |"
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"| {name} | {len(ms)} | {statistics.median(ms):.0f} | {p99:.0f} | {ms[-1]:.0f} |"


def main() -> None:
    if sys.argv[1:2] == ["--writer"]:
        path, rate, seconds, every = sys.argv[2:6]
        writer(path, float(rate), float(seconds), int(every))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--modes", default="inotify,poll")
    parser.add_argument("--rate", type=float, default=50_000)
    parser.add_argument("--cases", default="quiet,idle,load", help="of quiet, idle, load")
    args = parser.parse_args()
    cases = args.cases.split(",")
    rows = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "sigs").mkdir()
        (tmp / "sigs" / "inc1.yml").write_text(SIGNATURE)
        for mode in args.modes.split(","):
            label = "inotify" if mode == "inotify" else "polling (1 s)"
            if "quiet" in cases:
                rows.append(summary(f"{label}, quiet file", quiet(tmp, mode, args.samples)))
            if "idle" in cases:
                rows.append(summary(f"{label}, idle", idle(tmp, mode, args.samples)))
            if "load" in cases:
                rate = args.rate
                rows.append(
                    summary(
                        f"{label}, {rate / 1000:g}k lines/s", loaded(tmp, mode, args.samples, rate)
                    )
                )
    print("| observer, load | samples | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
