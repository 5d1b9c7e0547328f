"""Benchmark inputs: cached corpora with their truth, pattern files, signature dirs, prefixes.

Everything here derives from the shared workload (``gen_corpus.py`` and the symptom sets),
which is imported, never copied, so the regex convention has a single source of truth.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

SEED = 1
MARKER = "complete.json"
# Bump when the contents or layout of a set directory change, so old caches get rebuilt.
LAYOUT_VERSION = 1
CHUNK = 1 << 24


def load_gen_corpus(bench_dir: Path) -> ModuleType:
    """Import the shared generator module from ``bench_dir``."""
    path = str(bench_dir.resolve())
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("gen_corpus")


def symptoms_file(bench_dir: Path, n: int) -> Path:
    # The README lists the sets under symptoms/; accept a flat layout too.
    for cand in (bench_dir / "symptoms" / f"symptoms-{n}.txt", bench_dir / f"symptoms-{n}.txt"):
        if cand.is_file():
            return cand
    raise FileNotFoundError(f"no symptoms-{n}.txt in {bench_dir} or {bench_dir / 'symptoms'}")


def size_label(size_mb: float) -> str:
    return f"{size_mb:g}"


@dataclass(frozen=True)
class CorpusSet:
    """One generated set: corpus, truth and the derived pattern/signature files for one N."""

    n: int
    size_mb: float
    dir: Path
    envelope: str = ""  # "cri"/"docker": the set wrapped by envelope_corpora.py

    @property
    def corpus(self) -> Path:
        return self.dir / "corpus.log"

    @property
    def truth(self) -> Path:
        return self.dir / "truth.tsv"

    @property
    def patterns(self) -> Path:
        return self.dir / "patterns.txt"

    @property
    def patterns_ere(self) -> Path:
        return self.dir / "patterns-ere.txt"

    @property
    def sigdir(self) -> Path:
        return self.dir / "signatures"

    @property
    def outdir(self) -> Path:
        return self.dir / "out"


@dataclass(frozen=True)
class ScanInput:
    """The bytes a tool scans (whole corpus or a prefix) and the truth for exactly those lines."""

    path: Path
    truth: Path
    nbytes: int
    prefix_mb: float | None  # None: the whole corpus


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            h.update(block)
    return h.hexdigest()


def _fingerprint(bench_dir: Path, sym_path: Path, size_mb: float, n: int) -> dict[str, Any]:
    # A cache is only reused if the generator, the symptoms and our layout are unchanged.
    return {
        "layout": LAYOUT_VERSION,
        "size_mb": size_mb,
        "seed": SEED,
        "n": n,
        "gen_corpus_sha256": _sha256(bench_dir / "gen_corpus.py"),
        "symptoms_sha256": _sha256(sym_path),
    }


def _is_complete(cs: CorpusSet, fingerprint: dict[str, Any]) -> bool:
    try:
        marker = json.loads((cs.dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if marker.get("fingerprint") != fingerprint:
        return False
    try:
        return bool(cs.corpus.stat().st_size == marker["corpus_bytes"])
    except (OSError, KeyError):
        return False


def prepare_set(
    root: Path, bench_dir: Path, gen: ModuleType, size_mb: float, n: int, timeout: float
) -> CorpusSet:
    """Generate (or reuse) the corpus, truth, patterns and signatures for one symptom set."""
    cs = CorpusSet(n=n, size_mb=size_mb, dir=root / f"{size_label(size_mb)}mb-n{n}")
    sym_path = symptoms_file(bench_dir, n)
    fingerprint = _fingerprint(bench_dir, sym_path, size_mb, n)
    if _is_complete(cs, fingerprint):
        return cs
    cs.dir.mkdir(parents=True, exist_ok=True)
    (cs.dir / MARKER).unlink(missing_ok=True)
    _remove_derived(cs)
    _generate_corpus(cs, bench_dir, sym_path, timeout)
    symptoms = list(gen.load_symptoms(str(sym_path)))
    write_pattern_files(cs, gen, symptoms)
    write_signatures(cs, gen, symptoms)
    marker = {
        "fingerprint": fingerprint,
        "corpus_bytes": cs.corpus.stat().st_size,
        "truth_rows": len(load_truth(cs.truth)),
    }
    (cs.dir / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return cs


def _remove_derived(cs: CorpusSet) -> None:
    # Prefixes and the --jobs copy (a hard link) would silently keep the old corpus.
    for stale in (*cs.dir.glob("prefix-*"), cs.dir / "corpus-copy.log"):
        stale.unlink(missing_ok=True)


def _generate_corpus(cs: CorpusSet, bench_dir: Path, sym_path: Path, timeout: float) -> None:
    # Write to temporary names first: an interrupted run must never look like a finished one.
    tmp_corpus, tmp_truth = cs.dir / "corpus.log.tmp", cs.dir / "truth.tsv.tmp"
    cmd = [
        sys.executable, str(bench_dir / "gen_corpus.py"),
        "--size-mb", size_label(cs.size_mb), "--seed", str(SEED),
        "--symptoms", str(sym_path), "--truth", str(tmp_truth), "-o", str(tmp_corpus),
    ]  # fmt: skip
    print(f"[bench] generating {cs.dir.name} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"gen_corpus failed ({proc.returncode}): {proc.stderr[-2000:]}")
    print(f"[bench]   {proc.stderr.strip()}", file=sys.stderr, flush=True)
    tmp_corpus.replace(cs.corpus)
    tmp_truth.replace(cs.truth)


def write_pattern_files(cs: CorpusSet, gen: ModuleType, symptoms: list[str]) -> None:
    """patterns.txt for rg and Python ``re`` (lazy ``.+?``); patterns-ere.txt for grep -E.

    Edge placeholders become ``.`` (same match/no-match answer, far cheaper to backtrack);
    ERE has no lazy quantifier, and laziness never changes whether a line matches.
    """
    lazy = [gen.symptom_to_regex(s, edge=".") for s in symptoms]
    ere = [gen.symptom_to_regex(s, placeholder=".+", edge=".") for s in symptoms]
    cs.patterns.write_text("".join(p + "\n" for p in lazy), encoding="utf-8")
    cs.patterns_ere.write_text("".join(p + "\n" for p in ere), encoding="utf-8")


def incident_id(index: int) -> str:
    return f"BENCH-{index:04d}"


def write_signatures(cs: CorpusSet, gen: ModuleType, symptoms: list[str]) -> None:
    """One YAML signature per symptom, with a real corpus line as its match example."""
    if cs.sigdir.exists():
        shutil.rmtree(cs.sigdir)
    cs.sigdir.mkdir()
    examples = _example_lines(cs)
    for index, symptom in enumerate(symptoms, 1):
        example = examples.get(index) or _filled(gen, symptom)
        doc = {
            "id": incident_id(index),
            "title": f"bench symptom {index}",
            "severity": "medium",
            "symptoms": [{"regex": gen.symptom_to_regex(symptom, edge=".")}],
            "resolution": "benchmark signature",
            "examples": {"match": [example]},
        }
        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1 << 20)
        (cs.sigdir / f"sig-{index:04d}.yml").write_text(text, encoding="utf-8")


def _filled(gen: ModuleType, symptom: str) -> str:
    return "".join(v if kind == "lit" else "x1" for kind, v in gen.parse_symptom(symptom))


def _example_lines(cs: CorpusSet) -> dict[int, str]:
    """Symptom index -> text of its first truth line (streams only as far as needed)."""
    first: dict[int, int] = {}
    for line_no, index in load_truth(cs.truth):
        first.setdefault(index, line_no)
    wanted = {line_no: index for index, line_no in first.items()}
    if not wanted:
        return {}
    last = max(wanted)
    found: dict[int, str] = {}
    with cs.corpus.open("rb") as f:
        for line_no, raw in enumerate(f, 1):
            if line_no in wanted:
                found[wanted[line_no]] = raw.rstrip(b"\n").decode("utf-8", "replace")
            if line_no >= last:
                break
    return found


def load_truth(path: Path) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    with path.open(encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                line_no, index = raw.split("\t")
                rows.append((int(line_no), int(index)))
    return rows


def scan_input(cs: CorpusSet, prefix_mb: float | None) -> ScanInput:
    """The whole corpus, or its first ``prefix_mb`` MB cut at a line boundary (cached)."""
    full = cs.corpus.stat().st_size
    if prefix_mb is None or prefix_mb <= 0 or prefix_mb * 1e6 >= full:
        return ScanInput(cs.corpus, cs.truth, full, None)
    stem = f"prefix-{size_label(prefix_mb)}mb"
    path, truth = cs.dir / f"{stem}.log", cs.dir / f"{stem}.truth.tsv"
    if not (path.exists() and truth.exists()):
        _write_prefix(cs, int(prefix_mb * 1e6), path, truth)
    return ScanInput(path, truth, path.stat().st_size, prefix_mb)


def _write_prefix(cs: CorpusSet, limit: int, path: Path, truth: Path) -> None:
    with cs.corpus.open("rb") as f:
        data = f.read(limit)
    data = data[: data.rfind(b"\n") + 1]
    n_lines = data.count(b"\n")
    rows = [(ln, ix) for ln, ix in load_truth(cs.truth) if ln <= n_lines]
    # The truth is written last and both via rename, so a partial prefix is never reused.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    tmp_truth = truth.with_name(truth.name + ".tmp")
    tmp_truth.write_text("".join(f"{ln}\t{ix}\n" for ln, ix in rows), encoding="utf-8")
    tmp_truth.replace(truth)


def warm_page_cache(path: Path) -> None:
    """Read a file once so that no tool pays for the first read from disk."""
    buf = bytearray(CHUNK)
    with path.open("rb", buffering=0) as f:
        while f.readinto(buf):
            pass
