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


def run(args: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``python -m matcher ARGS`` run."""
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
    return wall, usage.ru_maxrss / 1024


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
    rss: dict[str, list[float]] = {"scan --unknown": [], "suggest": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for _ in range(opts.repeat):  # interleaved: both see the same machine load
            for name, args in (("scan --unknown", scan), ("suggest", suggest)):
                wall, peak = run(args, out)
                times[name].append(wall)
                rss[name].append(peak)
        groups = [json.loads(line) for line in out.read_text().splitlines()]
    size = log.stat().st_size / 1e6
    print(f"corpus: {log} ({size:.0f} MB), median of {opts.repeat}, jobs {opts.jobs or 'auto'}")
    print("| command | wall s | MB/s | peak RSS MB |")
    print("|---|---:|---:|---:|")
    for name in times:
        wall = statistics.median(times[name])
        print(f"| {name} | {wall:.2f} | {size / wall:.0f} | {max(rss[name]):.0f} |")
    ratio = statistics.median(times["suggest"]) / statistics.median(times["scan --unknown"])
    drafted = sum(g["count"] for g in groups)
    print(f"\nsuggest / scan --unknown: {ratio:.2f}x (goal < 2x); {len(groups)} groups drafted, ")
    print(f"covering {drafted} unknown failures; runs: {times}")


if __name__ == "__main__":
    main()
