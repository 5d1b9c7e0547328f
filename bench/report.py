"""The result table and the machine description, as Markdown."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checking import Verdict


@dataclass
class Row:
    tool: str
    n: int
    nbytes: int  # bytes actually scanned
    full_bytes: int  # size of the whole corpus for this N
    prefix_mb: float | None
    status: str  # "ok" (ran and was checked), "error", "timeout" or "n/a"
    wall_s: float | None = None
    rss_kb: int | None = None
    rss_is_upper_bound: bool = False
    verdict: Verdict | None = None
    detail: str = ""

    @property
    def mb_s(self) -> float | None:
        if self.status != "ok" or not self.wall_s:
            return None
        return self.nbytes / 1e6 / self.wall_s


def machine_info(repo: Path, rss_method: str) -> list[tuple[str, str]]:
    return [
        ("date", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("nproc", str(len(os.sched_getaffinity(0)))),
        ("CPU", _cpu_model()),
        ("memory", _mem_total()),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("rg", _first_line(["rg", "--version"])),
        ("grep", _first_line(["grep", "--version"])),
        ("hyperscan", _hyperscan_version()),
        ("peak RSS via", rss_method),
        ("repo HEAD", _first_line(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"])),
    ]


def load_average() -> str:
    """1/5/15-minute load averages: a busy machine explains noisy numbers."""
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])
    except OSError:
        return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _first_line(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    text = (proc.stdout or proc.stderr).strip()
    return text.splitlines()[0] if proc.returncode == 0 and text else "not available"


def _hyperscan_version() -> str:
    if importlib.util.find_spec("hyperscan") is None:
        return "not importable"
    try:
        return importlib.metadata.version("hyperscan")
    except importlib.metadata.PackageNotFoundError:
        return "importable (version unknown)"


def _cell(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = "…" + text[-limit:]
    return text.replace("|", "\\|")


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _rss(row: Row) -> str:
    if row.rss_kb is None:
        return "-"
    return ("<=" if row.rss_is_upper_bound else "") + f"{row.rss_kb / 1024:.0f}"


def _scanned(row: Row) -> str:
    return f"{row.nbytes / 1e6:.0f}" if row.nbytes >= 1e7 else f"{row.nbytes / 1e6:.1f}"


def _correct(row: Row) -> str:
    if row.status != "ok" or row.verdict is None:
        return row.status
    return row.verdict.cell()


def _note(row: Row) -> str:
    notes = []
    if row.prefix_mb is not None:
        notes.append(
            f"prefix: first {row.prefix_mb:g} MB of {row.full_bytes / 1e6:.0f} MB, "
            "truth restricted to it"
        )
    if row.detail:
        notes.append(row.detail)
    return _cell("; ".join(notes))


def table(rows: list[Row]) -> str:
    rg_speed = {r.n: r.mb_s for r in rows if r.tool == "rg"}
    out = [
        "| tool | N | scanned MB | wall s | MB/s | x rg | peak RSS MB | correct | note |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        ref = rg_speed.get(r.n)
        ratio = r.mb_s / ref if r.mb_s is not None and ref else None
        out.append(
            f"| {r.tool} | {r.n} | {_scanned(r)} | {_fmt(r.wall_s, '.2f')} "
            f"| {_fmt(r.mb_s, '.1f')} | {_fmt(ratio, '.2f')} | {_rss(r)} "
            f"| {_correct(r)} | {_note(r)} |"
        )
    return "\n".join(out)


def render(rows: list[Row], extras: list[str], info: list[tuple[str, str]], command: str) -> str:
    parts = [
        "# incident-matcher benchmark",
        "",
        "MB = 10^6 bytes actually scanned; wall time is end to end (process start, pattern",
        "compilation, scan, output to a file). x rg = MB/s relative to rg at the same N.",
        "",
        table(rows),
        "",
        *(f"- {line}" for line in extras),
        "",
        "## Machine",
        "",
        *(f"- {k}: {v}" for k, v in info),
        "",
        "## Command",
        "",
        "```sh",
        command,
        "```",
        "",
    ]
    return "\n".join(parts)
