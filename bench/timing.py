"""Run one command end to end and measure its wall time and peak RSS.

Output goes to files, never to a pipe read by Python, so the consumer is not measured.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")


@dataclass(frozen=True)
class Timed:
    returncode: int | None  # None when the run was killed for exceeding its timeout
    wall_s: float
    peak_rss_kb: int | None
    stderr_tail: str
    # True when the tool's own peak may be lower than peak_rss_kb (see _run_wait4).
    rss_is_upper_bound: bool = False

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def gnu_time_available() -> bool:
    return GNU_TIME.is_file() and os.access(GNU_TIME, os.X_OK)


def run_timed(
    cmd: Sequence[str],
    *,
    stdout_path: Path,
    stderr_path: Path,
    env: Mapping[str, str],
    cwd: Path,
    timeout: float,
    use_gnu_time: bool = True,
) -> Timed:
    """Run ``cmd`` with stdout/stderr to files; GNU time for RSS if present, else wait4."""
    if use_gnu_time and gnu_time_available():
        return _run_gnu_time(cmd, stdout_path, stderr_path, env, cwd, timeout)
    return _run_wait4(cmd, stdout_path, stderr_path, env, cwd, timeout)


def _run_gnu_time(
    cmd: Sequence[str],
    stdout_path: Path,
    stderr_path: Path,
    env: Mapping[str, str],
    cwd: Path,
    timeout: float,
) -> Timed:
    time_path = stderr_path.with_name(stderr_path.name + ".time")
    time_path.unlink(missing_ok=True)
    full = [str(GNU_TIME), "-f", "%e %M", "-o", str(time_path), *cmd]
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        t0 = time.perf_counter()
        # A new session lets a timeout kill the tool's whole process group, not just `time`.
        proc = subprocess.Popen(
            full, stdout=out, stderr=err, env=dict(env), cwd=cwd, start_new_session=True
        )
        rc: int | None
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            proc.wait()
            rc = None
        # perf_counter rather than %e: %e has only 10 ms resolution.
        wall = time.perf_counter() - t0
    return Timed(rc, wall, _parse_gnu_time(time_path), tail(stderr_path))


def _parse_gnu_time(path: Path) -> int | None:
    try:
        last = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1]
        return int(last.split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _run_wait4(
    cmd: Sequence[str],
    stdout_path: Path,
    stderr_path: Path,
    env: Mapping[str, str],
    cwd: Path,
    timeout: float,
) -> Timed:
    # wait4 returns the rusage of exactly this child, unlike RUSAGE_CHILDREN, whose
    # ru_maxrss is a maximum over every child ever reaped and so cannot be "deltaed".
    # But Linux folds the memory the child had before exec, i.e. this harness's (v)forked
    # image, into its ru_maxrss, so a figure at or below our own peak is only an upper
    # bound. GNU time avoids this because it is itself tiny when it forks.
    own_peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fired = threading.Event()
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=err, env=dict(env), cwd=cwd, start_new_session=True
        )

        def expire() -> None:
            fired.set()
            _kill_group(proc.pid)

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by hand: tell Popen
    rc = None if fired.is_set() else proc.returncode
    peak = int(usage.ru_maxrss)
    return Timed(rc, wall, peak, tail(stderr_path), rss_is_upper_bound=peak <= own_peak_kb)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have just exited
        os.killpg(pid, signal.SIGKILL)


def tail(path: Path, limit: int = 400) -> str:
    """The last ``limit`` characters of a file, on one line (for a table cell)."""
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - limit))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return " ".join(text.split())


def median_ms(
    cmd: Sequence[str], *, env: Mapping[str, str], cwd: Path, runs: int, timeout: float
) -> tuple[float | None, str]:
    """Median wall time in ms over ``runs`` runs; (None, stderr tail) if any run fails."""
    samples: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                list(cmd),
                env=dict(env),
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None, f"timeout after {timeout:g} s"
        samples.append((time.perf_counter() - t0) * 1000)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace")
            return None, " ".join(err[-400:].split())
    samples.sort()
    return samples[len(samples) // 2], ""
