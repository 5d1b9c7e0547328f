"""``matcher suggest`` against a plain ``matcher scan --unknown`` on the same bench corpus.

    python bench/run.py --size-mb 1000 --sets 10 --tools matcher-unknown   # makes the corpus
    python bench/suggest_speed.py                                          # 1000mb-n10
    python bench/suggest_speed.py --corpus bench/.corpora/50mb-n10 \
        --corpus bench/.corpora/1000mb-n10 --repeat 5 --out bench/results/suggest.md

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


NAMES = ("scan --unknown", "suggest")


def measure(corpus: Path, repeat: int, jobs: int) -> list[str]:
    """Markdown rows for one corpus: each command's medians, then the ratios."""
    log, sigs = corpus / "corpus.log", corpus / "signatures"
    if not log.is_file():
        raise SystemExit(f"{log} missing: make it with bench/run.py (see this script's help)")
    common = ["-f", "json", "-s", str(sigs), "-j", str(jobs), str(log)]
    commands = {NAMES[0]: ["scan", "--unknown", "-q", *common], NAMES[1]: ["suggest", *common]}
    wall: dict[str, list[float]] = {n: [] for n in NAMES}
    cpu: dict[str, list[float]] = {n: [] for n in NAMES}
    rss: dict[str, list[float]] = {n: [] for n in NAMES}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for _ in range(repeat):  # interleaved: both see the same machine load
            for name in NAMES:
                seconds, used, peak = run(commands[name], out)
                wall[name].append(seconds)
                cpu[name].append(used)
                rss[name].append(peak)
        groups = [json.loads(line) for line in out.read_text().splitlines()]
    size = log.stat().st_size / 1e6
    rows = []
    for name in NAMES:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        peak = max(rss[name])
        rows.append(f"| {corpus.name} | {name} | {w:.2f} | {size / w:.0f} | {c:.2f} | {peak:.0f} |")
    ratio = statistics.median(wall[NAMES[1]]) / statistics.median(wall[NAMES[0]])
    cpu_ratio = statistics.median(cpu[NAMES[1]]) / statistics.median(cpu[NAMES[0]])
    drafted = sum(int(g["count"]) for g in groups)
    rows.append(
        f"| {corpus.name} | suggest / scan | {ratio:.2f}x | | {cpu_ratio:.2f}x | "
        f"{len(groups)} drafts, {drafted} failures |"
    )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus", type=Path, action="append", help="a bench/.corpora/ set (repeatable)"
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="-j of both commands (0: per core)")
    ap.add_argument("--out", type=Path, help="also write the table to this file")
    opts = ap.parse_args()
    corpora = opts.corpus or [BENCH / ".corpora" / "1000mb-n10"]
    lines = [
        "# `matcher suggest` against `matcher scan --unknown`",
        "",
        f"Made by `python bench/suggest_speed.py {' '.join(sys.argv[1:])}`: both commands end to "
        f"end, interleaved, median of {opts.repeat}, `-j {opts.jobs}` (0: one process per "
        "core); CPU: user + system of the process and its workers; goal: suggest < 2x.",
        "",
        "| corpus | command | wall s | MB/s | CPU s | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for corpus in corpora:
        lines += measure(corpus, opts.repeat, opts.jobs)
    load = os.getloadavg()
    lines += ["", f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {load[0]:.1f}."]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if opts.out:
        opts.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
