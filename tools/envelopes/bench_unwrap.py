"""Throughput of ``Unwrapper.feed`` over ~50 MB of each envelope, built by repeating the samples
in tests/data/envelopes/ (line numbers keep counting up). Usage:

    python tools/envelopes/bench_unwrap.py [MB]
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from matcher.envelopes.unwrap import Unwrapper

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "envelopes"
CASES = ["app.log", "cri.log", "docker-json.log", "docker-real.log", "compose-colour.log"]
CASES += ["journal-json.json", "syslog-traditional.log", "app-json.log"]


def run(name: str, megabytes: int) -> str:
    unit = SAMPLES.joinpath(name).read_bytes().split(b"\n")[:-1]
    size = sum(len(line) + 1 for line in unit)
    repeats = max(1, (megabytes << 20) // size)
    unwrapper = Unwrapper()
    number = records = 0
    start = time.perf_counter()
    for _ in range(repeats):
        for raw in unit:
            number += 1
            records += len(unwrapper.feed(number, raw))
    records += len(unwrapper.flush())
    seconds = time.perf_counter() - start
    mb = size * repeats / 1e6
    return (
        f"{name:24s} {unwrapper.envelope:8s} {mb:6.1f} MB {seconds:6.2f} s {mb / seconds:6.1f} MB/s"
        f" {number / seconds / 1e3:5.0f} klines/s  {records} records"
    )


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    for name in CASES:
        print(run(name, megabytes))
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
