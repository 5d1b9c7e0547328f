"""``--since`` on a sorted 1 GB log: a full scan against a scan of its last hour.

Builds ``bench/.corpora/since-<size>mb.log`` once (gitignored): the real lines of loghub's
Hadoop log (tests/data/loghub/Hadoop_2k.log, their own times dropped) cycled with new,
increasing Python-logging times over two days, and every 20,000 lines the real traceback
of ``sample_logs/seed-script.log`` (a finding of INC-2024-002). Then times, median of three
runs each: a full ``matcher scan -c`` (default --jobs, and -j 1), and ``--since`` the last
hour (first with an empty cache, then again with the line index the first run kept). It
also times the reading alone: the bisection (``seek_range``) and, since the window
has findings to number, the count of the lines skipped. Writes bench/results/since.md.

    python bench/since.py [--size-mb 1024] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / ".corpora"
RESULTS = ROOT / "bench" / "results" / "since.md"
START = datetime(2026, 11, 25, 0, 0, 0)
SPAN = timedelta(hours=48)
EVENT_EVERY = 20_000
SUMMARY = re.compile(r"(\d+) finding\(s\).* in (\d+) line\(s\), (\d+) byte\(s\)")


def real_lines() -> tuple[list[str], list[str]]:
    """Hadoop message bodies (after the time) and the seed script's traceback event."""
    hadoop = (ROOT / "tests" / "data" / "loghub" / "Hadoop_2k.log").read_text(encoding="utf-8")
    bodies = [line[24:] for line in hadoop.splitlines() if line[:4].isdigit()]
    seed = (ROOT / "sample_logs" / "seed-script.log").read_text(encoding="utf-8").splitlines()
    header = seed[5][24:]  # "ERROR    seed_database: failed to create user 37/60"
    return bodies, [header, *seed[6:64]]


def build(path: Path, size: int) -> datetime:
    """Write the sorted log; return the time of its last line."""
    bodies, event = real_lines()
    mean = sum(map(len, bodies)) / len(bodies) + 25
    count = int(size / mean)
    step = SPAN / count
    tmp = path.with_suffix(".tmp")
    moment = START
    with open(tmp, "w", encoding="utf-8") as out:
        second, prefix = None, ""
        for i in range(count):
            moment = START + step * i
            if moment.second != second or prefix == "":
                second = moment.second
                prefix = moment.strftime("%Y-%m-%d %H:%M:%S")
            stamp = f"{prefix},{moment.microsecond // 1000:03d} "
            if i % EVENT_EVERY == EVENT_EVERY - 1:
                out.write(stamp + event[0] + "\n" + "\n".join(event[1:]) + "\n")
            else:
                out.write(stamp + bodies[i % len(bodies)] + "\n")
    os.replace(tmp, path)
    return moment


def last_time(path: Path) -> datetime:
    with open(path, "rb") as fh:
        fh.seek(-64 * 1024, os.SEEK_END)
        lines = fh.read().decode("utf-8").splitlines()
    stamped = [line for line in lines if line[:4].isdigit()]
    return datetime.strptime(stamped[-1][:19], "%Y-%m-%d %H:%M:%S")


def run(args: list[str], cache_home: str) -> tuple[float, str]:
    env = {**os.environ, "MATCHER_CACHE": "1", "XDG_CACHE_HOME": cache_home}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "matcher", "scan", "-s", str(ROOT / "signatures"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    took = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"matcher failed ({done.returncode}): {done.stderr}")
    return took, done.stderr


def median_run(args: list[str], runs: int, cache_home: str) -> tuple[float, str]:
    results = [run(args, cache_home) for _ in range(runs)]
    return statistics.median(t for t, _ in results), results[-1][1]


def cold_runs(args: list[str], runs: int) -> tuple[float, str]:
    """Each run with an empty cache: no line index yet (and the signatures compiled)."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            results.append(run(args, home))
    return statistics.median(t for t, _ in results), results[-1][1]


def reading(path: Path, since: str, runs: int) -> tuple[float, float, int]:
    """Seconds of the bisection, seconds of counting the lines before the window, its start."""
    from matcher.sources.lineindex import count_newlines
    from matcher.sources.timestamps import parse_when
    from matcher.sources.window import TimeWindow, seek_range

    window = TimeWindow(parse_when(since), None)
    seeks, counts, start = [], [], 0
    for _ in range(runs):
        began = time.perf_counter()
        span = seek_range(str(path), window)
        seeks.append(time.perf_counter() - began)
        assert span is not None, "the corpus is sorted: it must be bisected"
        start = span.start
        began = time.perf_counter()
        with open(path, "rb") as fh:
            count_newlines(fh, 0, start, 0, [])
        counts.append(time.perf_counter() - began)
    return statistics.median(seeks), statistics.median(counts), start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    CORPORA.mkdir(parents=True, exist_ok=True)
    path = CORPORA / f"since-{opts.size_mb}mb.log"
    if not path.exists():
        print(f"building {path} …", file=sys.stderr)
        build(path, opts.size_mb << 20)
    size = path.stat().st_size
    since = (last_time(path) - timedelta(hours=1)).isoformat(sep=" ")
    windowed_args = ["-c", "--stats", "--since", since, str(path)]
    with tempfile.TemporaryDirectory() as home:
        full, full_err = median_run(["-c", "--stats", str(path)], opts.runs, home)
        full_one, _ = median_run(["-c", "--stats", "-j", "1", str(path)], opts.runs, home)
        run(windowed_args, home)  # leaves the line index behind
        warm, win_err = median_run(windowed_args, opts.runs, home)
    cold, _ = cold_runs(windowed_args, opts.runs)
    seek, count, start = reading(path, since, opts.runs)
    rows = [
        ("full scan, default --jobs", full, summary(full_err)),
        ("full scan, -j 1", full_one, ""),
        (f"--since '{since}' (last hour), first time: lines counted", cold, summary(win_err)),
        ("the same, again: line count from the index", warm, summary(win_err)),
    ]
    report = render(path, size, rows, seek, count, start, opts.runs)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


def summary(stderr: str) -> str:
    found = SUMMARY.search(stderr)
    if not found:
        return ""
    findings, lines, scanned = found.groups()
    return f"{findings} findings, {int(lines):,} lines, {int(scanned) / 2**20:,.1f} MiB scanned"


def render(
    path: Path,
    size: int,
    rows: list[tuple[str, float, str]],
    seek: float,
    count: float,
    start: int,
    runs: int,
) -> str:
    lines = [
        "# `--since` on a sorted 1 GB log",
        "",
        f"`python bench/since.py` on {os.cpu_count()} cores, page cache warm, median of {runs}.",
        f"Corpus: `{path.relative_to(ROOT)}`, {size / 2**30:.2f} GiB, two days of sorted",
        "Python-logging lines (real loghub Hadoop messages, a real traceback every 20,000 lines).",
        "",
        "| run | wall seconds | what was scanned |",
        "|---|---|---|",
        *(f"| {name} | {took:.2f} | {what} |" for name, took, what in rows),
        "",
        "Reading alone (in-process, same file):",
        "",
        f"- bisection to the window's start (`seek_range`): {seek * 1000:.1f} ms; the window "
        f"starts at byte {start:,} of {size:,} ({(size - start) / 2**20:.1f} MiB left to scan)",
        f"- counting the {start / 2**30:.2f} GiB of lines before it, done only when a finding "
        f"needs a grep line number, and then remembered every 64 MiB in the cache "
        f"(`matcher/sources/lineindex.py`): {count:.2f} s",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
