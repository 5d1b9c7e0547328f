"""``matcher suggest`` against a plain ``matcher scan --unknown`` on the same bench corpus.

    python bench/run.py --size-mb 1000 --sets 10 --tools matcher-unknown   # makes the corpus
    python bench/suggest_speed.py                                          # 1000mb-n10
    python bench/suggest_speed.py --corpus bench/.corpora/50mb-n10 --repeat 3

Both run end to end as processes (``python -m matcher`` of this interpreter), one after the
other in each round, output to a file; wall time and peak RSS (``wait4``) per run, the median
of ``--repeat`` rounds. The issue's goal: suggest under 2x the time of the ``--unknown`` scan,
memory bounded by the group cap, not by the log size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def run(args: list[str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, its workers included) and peak RSS (MB) of
    one ``python -m matcher ARGS`` run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with out.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "matcher", *args],
            stdout=sink,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"matcher {' '.join(args)} exited {code}: {err.decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=BENCH / ".corpora" / "1000mb-n10")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="-j of both commands (0: per core)")
    opts = ap.parse_args()
    log, sigs = opts.corpus / "corpus.log", opts.corpus / "signatures"
    if not log.is_file():
        raise SystemExit(f"{log} missing: make it with bench/run.py (see this script's help)")
    jobs = ["-j", str(opts.jobs)]
    scan = ["scan", "--unknown", "-f", "json", "-q", "-s", str(sigs), *jobs, str(log)]
    suggest = ["suggest", "-f", "json", "-s", str(sigs), *jobs, str(log)]
    times: dict[str, list[float]] = {"scan --unknown": [], "suggest": []}
    cpu: dict[str, list[float]] = {"scan --unknown": [], "suggest": []}
    rss: dict[str, list[float]] = {"scan --unknown": [], "suggest": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for _ in range(opts.repeat):  # interleaved: both see the same machine load
            for name, args in (("scan --unknown", scan), ("suggest", suggest)):
                wall, seconds, peak = run(args, out)
                times[name].append(wall)
                cpu[name].append(seconds)
                rss[name].append(peak)
        groups = [json.loads(line) for line in out.read_text().splitlines()]
    size = log.stat().st_size / 1e6
    print(f"corpus: {log} ({size:.0f} MB), median of {opts.repeat}, jobs {opts.jobs or 'auto'}")
    print("| command | wall s | MB/s | CPU s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for name in times:
        wall, seconds = statistics.median(times[name]), statistics.median(cpu[name])
        print(f"| {name} | {wall:.2f} | {size / wall:.0f} | {seconds:.2f} | {max(rss[name]):.0f} |")
    ratio = statistics.median(times["suggest"]) / statistics.median(times["scan --unknown"])
    cpu_ratio = statistics.median(cpu["suggest"]) / statistics.median(cpu["scan --unknown"])
    drafted = sum(g["count"] for g in groups)
    print(f"\nsuggest / scan --unknown: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (goal < 2x)")
    print(f"{len(groups)} groups drafted, covering {drafted} unknown failures")
    print(f"wall s per round: {times}")


if __name__ == "__main__":
    main()
