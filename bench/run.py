#!/usr/bin/env python3
"""Benchmark `matcher scan` against ripgrep, GNU grep and a naive Python loop, in one command.

    python bench/run.py [--size-mb 1000] [--sets 10,100,1000] [--tools ...] [--quick]

Corpora come from the shared workload generator and are cached in bench/.corpora/. Every
tool runs end to end as a subprocess writing to a file; its output is checked against the
generator's truth; one Markdown table is printed and saved to bench/results/latest.md.
See bench/README.md.
"""

# ruff: noqa: E402  (the sibling imports must come after dont_write_bytecode is set)
from __future__ import annotations

import sys

# Importing the sibling modules must not leave __pycache__ in bench/ (nor try to write
# into the read-only shared workload folder).
sys.dont_write_bytecode = True

import argparse
import contextlib
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checking import (
    Verdict,
    check_lines,
    check_pairs,
    count_findings,
    parse_line_prefixed,
    parse_matcher_json,
    parse_naive,
)
from corpora import (
    CorpusSet,
    ScanInput,
    load_gen_corpus,
    load_truth,
    prepare_set,
    scan_input,
    warm_page_cache,
)
from envelope_corpora import ENVELOPES, wrapped_set
from report import Row, load_average, machine_info, render
from scanners import (
    ALL_TOOLS,
    LINE_TOOLS,
    NAIVE_SCRIPT,
    RG_INSTALL_HINT,
    SCAN_TOOLS,
    base_env,
    command,
    exit_ok,
    is_usage_error,
    matcher_scan,
    prefix_for,
    tool_env,
)
from timing import Timed, gnu_time_available, median_ms, run_timed

# The tools run on the envelope versions of the corpora (issue #12: their speed next to plain).
ENVELOPE_TOOLS = ("matcher-cold", "matcher-warm", "matcher-unknown")

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
CORPORA = BENCH / ".corpora"
DEFAULT_BENCH_DIR = REPO.parent / "shared" / "bench"
DEFAULT_SIZE_MB = 1000.0  # the issue asks for 1 GB per symptom set
QUICK_SIZE_MB = 50.0
PRIME_TIMEOUT_S = 300.0


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Benchmark matcher scan against rg, grep and a naive loop.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    ap.add_argument(
        "--size-mb",
        type=float,
        default=None,
        help=f"corpus size per set (default {DEFAULT_SIZE_MB:g}, or "
        f"{QUICK_SIZE_MB:g} with --quick)",
    )
    ap.add_argument("--quick", action="store_true", help="smoke run on small corpora")
    ap.add_argument(
        "--envelopes",
        type=lambda text: [e for e in text.split(",") if e],
        default=list(ENVELOPES),
        help="also scan these envelope versions of each set (cri, docker; '' for none)",
    )
    ap.add_argument(
        "--sets",
        type=_int_list,
        default=[10, 100, 1000],
        help="symptom-set sizes N, comma-separated",
    )
    ap.add_argument(
        "--tools",
        type=_tool_list,
        default=list(ALL_TOOLS),
        help=f"comma-separated subset of: {','.join(ALL_TOOLS)}",
    )
    ap.add_argument(
        "--bench-dir",
        type=Path,
        default=DEFAULT_BENCH_DIR,
        help="folder with gen_corpus.py and the symptom sets",
    )
    ap.add_argument(
        "--prefix-mb",
        action="append",
        default=[],
        metavar="TOOL[:N]=MB",
        help="scan only the first MB of the corpus for TOOL (at N); 0 = whole "
        "corpus; repeatable or comma-separated, e.g. naive:1000=10",
    )
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per tool run")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per tool (round-robin over every N and tool); median wall time",
    )
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument(
        "--no-gnu-time",
        action="store_true",
        help="measure peak RSS with wait4 even if /usr/bin/time exists",
    )
    ap.add_argument(
        "--keep-outputs",
        action="store_true",
        help="keep each tool's stdout in bench/.corpora/<set>/out/",
    )
    ap.add_argument("--results", type=Path, default=BENCH / "results" / "latest.md")
    args = ap.parse_args(argv)
    args.prefix_overrides = _prefix_overrides(ap, args.prefix_mb)
    if not args.sets:
        ap.error("--sets is empty")
    if args.size_mb is None:
        args.size_mb = QUICK_SIZE_MB if args.quick else DEFAULT_SIZE_MB
    return args


def _int_list(text: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of ints: {text}") from None


def _tool_list(text: str) -> list[str]:
    tools = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown tools {unknown}; known: {list(ALL_TOOLS)}")
    return [t for t in ALL_TOOLS if t in tools]  # canonical order: cold before warm


def _prefix_overrides(
    ap: argparse.ArgumentParser, specs: list[str]
) -> dict[tuple[str, int | None], float]:
    out: dict[tuple[str, int | None], float] = {}
    for spec in ",".join(specs).split(","):
        if not spec.strip():
            continue
        key, sep, mb = spec.strip().partition("=")
        tool, _, n = key.partition(":")
        try:
            if not sep or tool not in SCAN_TOOLS:
                raise ValueError(spec)
            out[(tool, int(n) if n else None)] = float(mb)
        except ValueError:
            ap.error(f"bad --prefix-mb {spec!r}: expected TOOL[:N]=MB with TOOL in {SCAN_TOOLS}")
    return out


@dataclass
class RowPlan:
    """One row of the table while its runs are made."""

    row: Row
    cs: CorpusSet
    inp: ScanInput
    samples: list[Timed] = field(default_factory=list)


@dataclass
class Runner:
    args: argparse.Namespace
    scratch: Path  # holds the XDG cache dirs; deleted at the end
    env: dict[str, str] = field(init=False)
    caches: dict[int, Path] = field(default_factory=dict)  # N -> filled ruleset cache
    primed: set[tuple[str, Path]] = field(default_factory=set)  # (tool, cache) compiled

    def __post_init__(self) -> None:
        self.env = base_env(CORPORA / ".pycache")

    @property
    def tools(self) -> list[str]:
        return list(self.args.tools)

    def run_all(self, sets: list[CorpusSet]) -> tuple[list[Row], list[str]]:
        self.prime(sets[0])
        # Round-robin: each round runs every (N, tool) once, so a machine that speeds up or
        # slows down over minutes (a shared host does) moves every row alike, and the ratios
        # and the flatness compare runs made close together.
        tools = [tool for tool in SCAN_TOOLS if tool in self.tools]
        plans = [
            self.plan_row(tool, cs)
            for cs in sets
            for tool in tools
            if not cs.envelope or tool in ENVELOPE_TOOLS
        ]
        for _ in range(self.args.repeat):
            for plan in plans:
                if plan.row.status == "ok":
                    self.run_once(plan)
        rows = [self.finish_row(plan) for plan in plans]
        extras = [flatness(rows)] if "matcher-warm" in self.tools else []
        extras += envelope_ratios(rows)
        if "matcher-startup" in self.tools:
            extras.append(self.startup(sets))
        if "matcher-jobs" in self.tools:
            extras.append(self.jobs(min(sets, key=lambda cs: cs.n)))
        return rows, extras

    # -- one measured run per tool and N -------------------------------------------------

    def plan_row(self, tool: str, cs: CorpusSet) -> RowPlan:
        inp = scan_input(cs, prefix_for(tool, cs.n, self.args.prefix_overrides))
        name = f"{tool} [{cs.envelope}]" if cs.envelope else tool
        row = Row(name, cs.n, inp.nbytes, cs.corpus.stat().st_size, inp.prefix_mb, "ok")
        return RowPlan(row, cs, inp)

    def run_once(self, plan: RowPlan) -> None:
        # Same footing for every run: its input is in the page cache before it starts.
        warm_page_cache(plan.inp.path)
        tool, cs, row = plan.row.tool.split(" ")[0], plan.cs, plan.row
        env = tool_env(tool, self.env, self.cache_for(tool, cs))
        out, err = cs.outdir / f"{tool}.out", cs.outdir / f"{tool}.err"
        timed = self.timed(command(tool, cs, plan.inp.path), env, out, err)
        bad = failure(tool, timed, self.args.timeout)
        if bad is not None:
            row.status, row.detail = bad
            return
        plan.samples.append(timed)

    def finish_row(self, plan: RowPlan) -> Row:
        row, samples = plan.row, plan.samples
        out = plan.cs.outdir / f"{row.tool.split(' ')[0]}.out"
        if row.status != "ok":
            out.unlink(missing_ok=True)
            _log(row)
            return row
        row.wall_s = statistics.median(t.wall_s for t in samples)
        row.rss_kb = max((t.peak_rss_kb for t in samples if t.peak_rss_kb), default=None)
        row.rss_is_upper_bound = all(t.rss_is_upper_bound for t in samples)
        try:  # the last run's output
            row.verdict, row.detail = verify(row.tool.split(" ")[0], out, plan.inp.truth)
        except (OSError, ValueError) as exc:
            row.status, row.detail = "error", f"unparseable output: {exc}"
        finally:
            if not self.args.keep_outputs:
                out.unlink(missing_ok=True)
        _log(row)
        return row

    def timed(self, cmd: list[str], env: Mapping[str, str], out: Path, err: Path) -> Timed:
        return run_timed(
            cmd,
            stdout_path=out,
            stderr_path=err,
            env=env,
            cwd=REPO,
            timeout=self.args.timeout,
            use_gnu_time=not self.args.no_gnu_time,
        )

    # -- ruleset caches and priming ------------------------------------------------------

    def cache_for(self, tool: str, cs: CorpusSet) -> Path | None:
        if not tool.startswith("matcher"):
            return None
        if tool == "matcher-cold":
            fresh = Path(tempfile.mkdtemp(prefix=f"xdg-n{cs.n}-", dir=self.scratch))
            self.caches[cs.n] = fresh  # the warm runs reuse what this run leaves behind
            return fresh
        cache = self.warm_cache(cs)
        if (tool, cache) not in self.primed:
            # A variant's first run in a cache compiles it (--unknown adds the error markers,
            # the pure engine has a ruleset of its own): done here, unmeasured, so that every
            # round measures a warm run.
            self.quiet(command(tool, cs, Path(os.devnull)), tool_env(tool, self.env, cache))
            self.primed.add((tool, cache))
        return cache

    def warm_cache(self, cs: CorpusSet) -> Path:
        """A ruleset cache already filled for this N (by matcher-cold, or by scanning nothing)."""
        if cs.n not in self.caches:
            cache = Path(tempfile.mkdtemp(prefix=f"xdg-n{cs.n}-", dir=self.scratch))
            self.quiet(
                matcher_scan(cs.sigdir, [os.devnull]), tool_env("matcher-warm", self.env, cache)
            )
            self.caches[cs.n] = cache
        return self.caches[cs.n]

    def prime(self, cs: CorpusSet) -> None:
        """Unmeasured runs that fill the bytecode caches, so matcher-cold differs from
        matcher-warm only by the ruleset cache, and no one pays for compiling .pyc files."""
        engines = [t for t in ("matcher-warm", "matcher-pure") if t in self.tools]
        if any(t.startswith("matcher") for t in self.tools) and "matcher-warm" not in engines:
            engines.append("matcher-warm")
        for tool in engines:
            throwaway = Path(tempfile.mkdtemp(prefix="xdg-prime-", dir=self.scratch))
            self.quiet(matcher_scan(cs.sigdir, [os.devnull]), tool_env(tool, self.env, throwaway))
        if "naive" in self.tools:
            self.quiet([sys.executable, str(NAIVE_SCRIPT), str(cs.patterns), os.devnull], self.env)

    def quiet(self, cmd: list[str], env: Mapping[str, str]) -> None:
        # Failures are ignored here on purpose: the measured run reports them.
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(
                cmd,
                env=dict(env),
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=PRIME_TIMEOUT_S,
                check=False,
            )

    # -- the lines under the table -------------------------------------------------------

    def startup(self, sets: list[CorpusSet]) -> str:
        by_n = {cs.n: cs for cs in sets}
        runs = self.args.startup_runs
        parts = []
        for n in (10, 1000):
            cs = by_n.get(n)
            if cs is None:
                parts.append(f"{n} signatures: n/a (N={n} not in --sets)")
                continue
            env = tool_env("matcher-warm", self.env, self.warm_cache(cs))
            ms, err = median_ms(
                matcher_scan(cs.sigdir, [os.devnull]),
                env=env,
                cwd=REPO,
                runs=runs,
                timeout=self.args.timeout,
            )
            parts.append(
                f"{n} signatures: {ms:.0f} ms"
                if ms is not None
                else f"{n} signatures: error ({err[-200:]})"
            )
        py_ms, _ = median_ms(
            [sys.executable, "-c", "pass"], env=self.env, cwd=REPO, runs=runs, timeout=60
        )
        bare = f"{py_ms:.0f} ms" if py_ms is not None else "n/a"
        return (
            f"start-up, `matcher scan /dev/null` with cached signatures, median of {runs} "
            f"runs: {'; '.join(parts)} (bare `python -c pass`: {bare})"
        )

    def jobs(self, cs: CorpusSet) -> str:
        """Throughput of `--jobs 2` over two copies of a corpus vs one file with `--jobs 1`
        (without the option one big file is already split over every core)."""
        copy = cs.dir / "corpus-copy.log"
        copy.unlink(missing_ok=True)  # never a stale copy of an older corpus
        _link_or_copy(cs.corpus, copy)
        env = tool_env("matcher-warm", self.env, self.warm_cache(cs))
        out1, out2 = cs.outdir / "jobs-one.out", cs.outdir / "jobs-two.out"
        ones: list[Timed] = []
        twos: list[Timed] = []
        for _ in range(max(1, self.args.repeat)):  # interleaved, like the table's rows
            warm_page_cache(cs.corpus)
            ones.append(
                self.timed(
                    matcher_scan(cs.sigdir, [cs.corpus], "--jobs", "1"),
                    env,
                    out1,
                    cs.outdir / "jobs-one.err",
                )
            )
            twos.append(
                self.timed(
                    matcher_scan(cs.sigdir, [cs.corpus, copy], "--jobs", "2"),
                    env,
                    out2,
                    cs.outdir / "jobs-two.err",
                )
            )
        one, two = _median_run(ones), _median_run(twos)
        head = f"`--jobs 2` on two copies of the N={cs.n} corpus (median of {len(ones)})"
        try:
            return head + ": " + _jobs_outcome(one, two, out1, out2, self.args.timeout)
        finally:
            if not self.args.keep_outputs:
                out1.unlink(missing_ok=True)
                out2.unlink(missing_ok=True)


def failure(tool: str, timed: Timed, timeout: float) -> tuple[str, str] | None:
    """(status, detail) when a run cannot be checked, else None."""
    if timed.returncode is None:
        return "timeout", f"killed after {timeout:g} s"
    if tool == "matcher-unknown" and is_usage_error(timed.returncode, timed.stderr_tail):
        return "n/a", f"no --unknown option yet ({_usage_reason(timed.stderr_tail)})"
    if not exit_ok(tool, timed.returncode):
        return "error", f"exit {timed.returncode}: {timed.stderr_tail}"
    return None


def _usage_reason(stderr_tail: str) -> str:
    # click prints the whole usage first; the reason is what follows the last "Error:".
    _, sep, reason = stderr_tail.rpartition("Error:")
    return reason.strip() if sep else stderr_tail[-200:]


def _median_run(runs: list[Timed]) -> Timed:
    """The run of median wall time (a failed run, if any, so that it is reported)."""
    failed = [t for t in runs if t.returncode != 0]
    return failed[0] if failed else sorted(runs, key=lambda t: t.wall_s)[len(runs) // 2]


def _jobs_outcome(one: Timed, two: Timed, out1: Path, out2: Path, timeout: float) -> str:
    bad_one = failure("matcher-jobs", one, timeout)
    if bad_one is not None:
        return f"{bad_one[0]} (single-file run: {bad_one[1][-200:]})"
    if is_usage_error(two.returncode, two.stderr_tail):
        return f"n/a (no --jobs option yet: {_usage_reason(two.stderr_tail)})"
    bad_two = failure("matcher-jobs", two, timeout)
    if bad_two is not None:
        return f"{bad_two[0]} ({bad_two[1][-200:]})"
    speedup = 2 * one.wall_s / two.wall_s
    try:
        f1, f2 = count_findings(out1), count_findings(out2)
        sanity = "2x the one-file findings" if f2 == 2 * f1 else f"MISMATCH: {f2} vs 2x{f1}"
    except ValueError as exc:
        sanity = f"unparseable output: {exc}"
    cpus = len(os.sched_getaffinity(0))
    return (
        f"{two.wall_s:.2f} s vs {one.wall_s:.2f} s for one file with --jobs 1 → "
        f"throughput speedup {speedup:.2f}x on {cpus} CPUs (findings: {sanity})"
    )


def _link_or_copy(src: Path, dst: Path) -> None:
    # A hard link costs no disk and shares the page cache; copy only across filesystems.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def verify(tool: str, out: Path, truth_path: Path) -> tuple[Verdict, str]:
    truth = load_truth(truth_path)
    if tool in LINE_TOOLS:
        return check_lines(parse_line_prefixed(out), truth), ""
    reported = parse_naive(out) if tool == "naive" else parse_matcher_json(out)
    other = reported.other_records
    detail = f"{other} non-finding JSON records ignored" if other else ""
    return check_pairs(reported.pairs, truth), detail


def flatness(rows: list[Row]) -> str:
    warm = {r.n: r.wall_s for r in rows if r.tool == "matcher-warm" and r.status == "ok"}
    t10, t1000 = warm.get(10), warm.get(1000)
    if not t10 or t1000 is None:
        return "flatness (matcher-warm wall time N=1000 / N=10): n/a (needs both runs)"
    ratio = t1000 / t10
    return (
        f"flatness, matcher-warm wall time N=1000 / N=10: {ratio:.2f}x "
        "(1.0 = cost independent of the number of signatures; corpora are equal-sized)"
    )


def envelope_ratios(rows: list[Row]) -> list[str]:
    """matcher-warm on each wrapped corpus against the plain one, per N (issue #12: >= 0.7)."""
    plain = {r.n: r.mb_s for r in rows if r.tool == "matcher-warm" and r.mb_s}
    out = []
    for r in rows:
        if r.tool.startswith("matcher-warm [") and r.mb_s and plain.get(r.n):
            ratio = r.mb_s / plain[r.n]
            out.append(f"{r.tool} at N={r.n}: {ratio:.2f}x the plain corpus's MB/s (target 0.7x)")
    return out


def _log(row: Row) -> None:
    speed = f"{row.mb_s:.1f} MB/s" if row.mb_s is not None else row.status
    verdict = row.verdict.cell() if row.verdict else row.detail[-200:]
    print(f"[bench] N={row.n} {row.tool}: {speed}, {verdict}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if "rg" in args.tools and shutil.which("rg") is None:
        print(RG_INSTALL_HINT, file=sys.stderr)
        return 2
    bench_dir = args.bench_dir.resolve()
    gen = load_gen_corpus(bench_dir)
    # gen_corpus writes ~30 MB/s; leave ample room before calling it hung.
    gen_timeout = max(600.0, 2.0 * args.size_mb)
    sets = [prepare_set(CORPORA, bench_dir, gen, args.size_mb, n, gen_timeout) for n in args.sets]
    sets += [wrapped_set(cs, envelope) for envelope in args.envelopes for cs in sets]
    for cs in sets:
        cs.outdir.mkdir(exist_ok=True)
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="incident-matcher-bench-") as scratch:
        rows, extras = Runner(args, Path(scratch)).run_all(sets)
    rss_method = (
        "GNU time %M" if gnu_time_available() and not args.no_gnu_time else "os.wait4 ru_maxrss"
    )
    info = machine_info(REPO, rss_method)
    info.append(("load average 1/5/15 min, before / after", f"{load_before} / {load_average()}"))
    md = render(rows, extras, info, shlex.join(["python", "bench/run.py", *argv]))
    print(md)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(md, encoding="utf-8")
    print(f"[bench] saved to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
