"""The tools under test: names, command lines, environments and exit-code rules."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from corpora import CorpusSet

MATCHER_SCANS = ("matcher-cold", "matcher-warm", "matcher-unknown", "matcher-pure")
BASELINES = ("rg", "grep", "naive")
# Order matters: matcher-cold fills the ruleset cache that the later matcher runs reuse.
SCAN_TOOLS = (*MATCHER_SCANS, *BASELINES)
EXTRAS = ("matcher-jobs", "matcher-startup")
ALL_TOOLS = (*SCAN_TOOLS, *EXTRAS)
LINE_TOOLS = frozenset({"rg", "grep"})  # they report lines, not (line, symptom) pairs

# Tools far too slow for a 1 GB corpus scan a prefix: MB per N, sized for well under
# a minute at the anchor speeds (naive: 64 / 6.4 / 0.7 MB/s at N = 10 / 100 / 1000).
DEFAULT_PREFIX_MB: dict[str, dict[int, float]] = {
    "naive": {10: 200.0, 100: 20.0, 1000: 5.0},
    "matcher-pure": {10: 200.0, 100: 20.0, 1000: 5.0},
}

NAIVE_SCRIPT = Path(__file__).resolve().with_name("naive_scan.py")
RG_INSTALL_HINT = (
    "ripgrep (rg) is required as the reference tool but was not found on PATH.\n"
    "Install it with:  apt-get install -y ripgrep   (Debian/Ubuntu package 'ripgrep')"
)


def base_env(pycache_prefix: Path) -> dict[str, str]:
    env = dict(os.environ)
    # A user's configuration must not change what is measured (smart case, engine choice...).
    for var in (
        "RIPGREP_CONFIG_PATH", "GREP_OPTIONS", "GREP_COLORS",
        "MATCHER_ENGINE", "MATCHER_SIGNATURES",
    ):  # fmt: skip
        env.pop(var, None)
    # Measure start-up as an installed package sees it, with cached bytecode: with
    # PYTHONDONTWRITEBYTECODE set (some shells and CI do) every run would recompile the
    # matcher. The prefix keeps those .pyc files in the ignored cache folder, not in
    # matcher/ (other people's tree).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache_prefix)
    return env


def matcher_scan(sigdir: Path, files: Sequence[Path | str], *extra: str) -> list[str]:
    # `-m matcher` so that no console script has to be installed to benchmark the tree.
    return [
        sys.executable, "-m", "matcher", "scan", "--format", "json", "--fail-on", "never",
        *extra, "-s", str(sigdir), *(str(f) for f in files),
    ]  # fmt: skip


def command(tool: str, cs: CorpusSet, path: Path) -> list[str]:
    if tool == "rg":
        rg = shutil.which("rg") or "rg"
        return [rg, "--no-config", "-n", "-f", str(cs.patterns), str(path)]
    if tool == "grep":
        return ["grep", "-n", "-E", "-f", str(cs.patterns_ere), str(path)]
    if tool == "naive":
        return [sys.executable, str(NAIVE_SCRIPT), str(cs.patterns), str(path)]
    extra = ("--unknown",) if tool == "matcher-unknown" else ()
    return matcher_scan(cs.sigdir, [path], *extra)


def tool_env(tool: str, env: Mapping[str, str], cache_dir: Path | None) -> dict[str, str]:
    out = dict(env)
    if tool == "grep":
        out["LC_ALL"] = "C"  # byte matching: GNU grep is several times slower in UTF-8 locales
    if tool.startswith("matcher") and cache_dir is not None:
        out["XDG_CACHE_HOME"] = str(cache_dir)
    if tool == "matcher-pure":
        out["MATCHER_ENGINE"] = "pure"
    return out


def exit_ok(tool: str, returncode: int) -> bool:
    # rg and grep exit 1 when nothing matched, which is a valid answer.
    return returncode in (0, 1) if tool in LINE_TOOLS else returncode == 0


def is_usage_error(returncode: int | None, stderr_tail: str) -> bool:
    """Exit 2 with a usage message: the option does not exist (yet), which is not a failure."""
    low = stderr_tail.lower()
    return returncode == 2 and ("usage" in low or "no such option" in low)


def prefix_for(
    tool: str, n: int, overrides: Mapping[tuple[str, int | None], float]
) -> float | None:
    """MB of the corpus a tool scans at this N; None for the whole corpus."""
    for key in ((tool, n), (tool, None)):
        if key in overrides:
            return overrides[key] or None  # 0 means the whole corpus
    return DEFAULT_PREFIX_MB.get(tool, {}).get(n)
