"""Grouping accuracy of the template miner on the 16 labelled loghub 2k sets, next to the
published Drain figures, and the miner's throughput.

    python bench/loghub_accuracy.py                       # table on stdout
    python bench/loghub_accuracy.py --out bench/results/loghub.md
    python bench/loghub_accuracy.py --miner drain3        # the same table for Drain3 (if installed)

One configuration for every set: the miner's defaults, no per-set header format or regex.
Grouping accuracy is the loghub metric (Zhu et al., ICSE 2019): a line counts as correct when
the set of lines in its predicted group is exactly the set of lines of its true EventId.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import os
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matcher.authoring.masking import mask, strip_header  # noqa: E402
from matcher.authoring.mining import Miner  # noqa: E402

DEFAULT_LOGHUB = REPO.parent / "shared" / "loghub"
# Drain's grouping accuracy per set, with per-set header formats, regexes and thresholds, as
# published in logpai/logparser, logparser/Drain/README.md ("Running the benchmark script on
# Loghub_2k datasets, you could obtain the following results"), the benchmark of Zhu et al.,
# "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019; also quoted in
# ../shared/loghub/README.md. Mean 0.865.
DRAIN = {
    "HDFS": 0.9975,
    "Hadoop": 0.9475,
    "Spark": 0.92,
    "Zookeeper": 0.9665,
    "BGL": 0.9625,
    "HPC": 0.887,
    "Thunderbird": 0.955,
    "Windows": 0.997,
    "Linux": 0.69,
    "Android": 0.911,
    "HealthApp": 0.78,
    "Apache": 1.0,
    "Proxifier": 0.5265,
    "OpenSSH": 0.7875,
    "OpenStack": 0.7325,
    "Mac": 0.7865,
}

HEADER = """# Template mining: grouping accuracy on the loghub 2k sets

Made by `{command}`. Accuracy: the loghub grouping accuracy (a line is correct when its
predicted group holds exactly the lines of its true EventId). "Drain (published)": Drain with
per-set header formats, regexes and thresholds, from logpai/logparser's Drain benchmark
(logparser/Drain/README.md; Zhu et al., ICSE-SEIP 2019). Every miner here runs with one
configuration for all sets. Throughput: header stripping, masking and clustering, lines
already in memory, per second of CPU time of this one process (wall time on a shared machine
says more about the other work on it). The Drain3 rows need `pip install drain3`; as that
pins old dependencies (docs/suggest.md), install it in a separate venv and run this script
with that venv's Python and `PYTHONPATH=.`.
"""

Grouper = Callable[[Sequence[str]], list[object]]


def load_set(folder: Path, name: str) -> tuple[list[str], list[str]]:
    """The raw lines of a set and the true EventId of each (matched by LineId)."""
    raw = (folder / f"{name}_2k.log").read_bytes().decode("utf-8", "surrogateescape")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    truth: dict[int, str] = {}
    with (folder / f"{name}_2k.log_structured.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            truth[int(row["LineId"])] = row["EventId"]
    if len(truth) != len(lines):
        raise SystemExit(f"{name}: {len(lines)} lines but {len(truth)} labels")
    return [line.rstrip("\r") for line in lines], [truth[i + 1] for i in range(len(lines))]


def grouping_accuracy(predicted: Sequence[object], truth: Sequence[str]) -> float:
    """Share of lines whose predicted group holds exactly the lines of their true group."""
    members: dict[object, list[int]] = defaultdict(list)
    for i, group in enumerate(predicted):
        members[group].append(i)
    true_sizes = Counter(truth)
    correct = 0
    for lines in members.values():
        ids = {truth[i] for i in lines}
        if len(ids) == 1 and true_sizes[truth[lines[0]]] == len(lines):
            correct += len(lines)
    return correct / len(truth) if truth else 1.0


def mine_matcher(lines: Sequence[str]) -> list[object]:
    miner = Miner()
    keys = [miner.add(line) for line in lines]
    group_of = {key: i for i, group in enumerate(miner.groups()) for key in group.keys}
    return [group_of[key] for key in keys]


def _drain3(preprocess: bool) -> Grouper:
    """Drain3 with its defaults (depth 4, sim_th 0.4, max_children 100); ``preprocess``: fed
    our stripped, masked messages, else the raw lines with the masks of Drain3's README."""
    from drain3 import TemplateMiner  # type: ignore[import-not-found]
    from drain3.masking import MaskingInstruction  # type: ignore[import-not-found]
    from drain3.template_miner_config import TemplateMinerConfig  # type: ignore[import-not-found]

    def run(lines: Sequence[str]) -> list[object]:
        config = TemplateMinerConfig()
        if not preprocess:
            config.masking_instructions = [
                MaskingInstruction(rf"((?<=[^A-Za-z0-9])|^)({p})((?=[^A-Za-z0-9])|$)", name)
                for p, name in (
                    (r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}", "IP"),
                    (r"0x[a-f0-9A-F]+", "HEX"),
                    (r"[\-\+]?\d+", "NUM"),
                )
            ]
        config.profiling_enabled = False
        miner = TemplateMiner(config=config)
        out: list[object] = []
        for line in lines:
            text = mask(strip_header(line).text) if preprocess else line
            out.append(miner.add_log_message(text)["cluster_id"])
        return out

    return run


MINERS: dict[str, Callable[[], Grouper]] = {
    "matcher": lambda: mine_matcher,
    "drain3": lambda: _drain3(preprocess=False),
    "drain3+masking": lambda: _drain3(preprocess=True),
}


def table(folder: Path, grouper: Grouper, names: Iterable[str]) -> tuple[list[str], float]:
    rows = [
        "| set | lines | true templates | groups found | accuracy | Drain (published) | diff |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    scores = []
    for name in names:
        lines, truth = load_set(folder, name)
        predicted = grouper(lines)
        score = grouping_accuracy(predicted, truth)
        scores.append(score)
        rows.append(
            f"| {name} | {len(lines)} | {len(set(truth))} | {len(set(predicted))} "
            f"| {score:.4f} | {DRAIN[name]:.4f} | {score - DRAIN[name]:+.4f} |"
        )
    mean = statistics.fmean(scores)
    drain_mean = statistics.fmean(DRAIN[n] for n in names)
    rows.append(
        f"| **mean** | | | | **{mean:.4f}** | {drain_mean:.4f} | {mean - drain_mean:+.4f} |"
    )
    return rows, mean


def throughput(folder: Path, grouper: Grouper, names: Sequence[str], repeat: int) -> str:
    """Lines per CPU second through the miner (header stripping, masking, clustering), best of
    ``repeat`` runs over all sets, each set mined by a fresh miner."""
    sets = [load_set(folder, n)[0] for n in names]
    total = sum(len(s) for s in sets)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time: the machine may be busy with other work
        for lines in sets:
            grouper(lines)
        best = min(best, time.process_time() - start)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Throughput: {total / best:,.0f} lines per CPU second ({total} lines, "
        f"best of {repeat} runs, "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f} at the end)"
    )


def report(folder: Path, miner: str, names: Sequence[str], repeat: int) -> str:
    """The Markdown section for one miner."""
    title = f"## `{miner}`: grouping accuracy on loghub 2k, one default configuration"
    try:
        grouper = MINERS[miner]()
    except ImportError as e:
        return f"{title}\n\nnot measured: {e} (`pip install drain3` to compare)\n"
    if miner.startswith("drain3"):
        title += f" (drain3 {importlib.metadata.version('drain3')})"
    rows, _ = table(folder, grouper, names)
    return "\n".join([title, "", *rows, "", throughput(folder, grouper, names, repeat), ""])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--loghub", type=Path, default=DEFAULT_LOGHUB, help="loghub 2k folder")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    parser.add_argument(
        "--miner", default="matcher", help=f"comma-separated, of: {', '.join(MINERS)}"
    )
    parser.add_argument("--sets", default=",".join(DRAIN), help="comma-separated set names")
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs (best is kept)")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n]
    miners = [m for m in args.miner.split(",") if m]
    unknown = [n for n in names if n not in DRAIN] + [m for m in miners if m not in MINERS]
    if unknown:
        parser.error(f"unknown set(s) or miner(s): {', '.join(unknown)}")
    command = " ".join(["python bench/loghub_accuracy.py", *(argv or sys.argv[1:])])
    sections = [report(args.loghub, m, names, args.repeat) for m in miners]
    text = "\n".join([HEADER.format(command=command), *sections])
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
