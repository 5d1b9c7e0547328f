"""Helpers for the live-mode tests: signatures, the tool as a subprocess, a rotating writer
subprocess (``python tests/live_helpers.py writer …``), and waits with deadlines (no test
relies on a bare sleep for correctness)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SIGNATURE = """\
id: INC-1
title: pool exhausted
severity: high
symptoms: ['QueuePool limit of size <x> overflow <y> reached']
resolution: raise pool_size
"""
ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 30.0


def _stamp(seq: int) -> str:
    return f"2024-05-01T12:{seq // 60_000 % 60:02d}:{seq // 1000 % 60:02d}.{seq % 1000:03d}Z"


def match_line(seq: int) -> str:
    return f"{_stamp(seq)} ERROR db QueuePool limit of size 5 overflow 10 reached seq={seq}\n"


def noise_line(seq: int) -> str:
    return f"{_stamp(seq)} INFO GET /api/v1/items/{seq % 977} 200 in 12ms seq={seq}\n"


def line(seq: int, every: int) -> str:
    return match_line(seq) if seq % every == 0 else noise_line(seq)


def write_signatures(directory: Path) -> Path:
    sigs = directory / "sigs"
    sigs.mkdir(exist_ok=True)
    (sigs / "inc1.yml").write_text(SIGNATURE)
    return sigs


def wait_for(predicate: Callable[[], Any], timeout: float = DEADLINE, what: str = "") -> Any:
    """Poll ``predicate`` until it is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what or predicate}")
        time.sleep(0.02)


def reuse_inode(path: Path, inode: int, create: Callable[[], None], tries: int = 200) -> bool:
    """Create ``path`` (with ``create``) until it gets inode number ``inode`` again. Misses are
    kept allocated meanwhile, so that the allocator moves on to the inode we want."""
    spare = []
    try:
        for n in range(tries):
            create()
            if path.stat().st_ino == inode:
                return True
            path.rename(path.with_name(f".spare{n}"))
            spare.append(path.with_name(f".spare{n}"))
        return False
    finally:
        for p in spare:
            p.unlink()


def read_records(path: Path) -> list[dict[str, Any]]:
    """Complete JSON lines of an output file (a line being written is not yet counted)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    return [json.loads(raw) for raw in data.split(b"\n")[:-1] if raw.strip()]


def findings(path: Path) -> list[dict[str, Any]]:
    return [r for r in read_records(path) if r["schema"].startswith("incident-matcher/finding")]


def seqs(path: Path) -> list[int]:
    return [int(f["text"].rsplit("seq=", 1)[1].split()[0]) for f in findings(path)]


def state_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


class Tool:
    """The real CLI as a subprocess: ``follow ARGS`` runs ``matcher scan --follow ARGS``,
    ``watch ARGS`` runs ``matcher watch ARGS``; stderr kept for assertions."""

    def __init__(self, args: Sequence[object], tmp: Path, observer: str = "inotify") -> None:
        self.args = [str(a) for a in args]
        if observer == "poll":
            self.args += ["--poll", "--poll-interval", "0.1"]
        self.tmp = tmp
        self.proc: subprocess.Popen[bytes] | None = None
        self.stderr_files: list[Path] = []
        self.stdout = tmp / "tool.stdout"

    def start(self, wait_ready: Path | None = None) -> Tool:
        before = state_stamp(wait_ready) if wait_ready else None
        err = self.tmp / f"tool.stderr.{len(self.stderr_files)}"
        self.stderr_files.append(err)
        env = dict(os.environ, PYTHONPATH=str(ROOT), MATCHER_CACHE="0")
        with open(err, "wb") as err_fh, open(self.stdout, "ab") as out_fh:
            command, *rest = self.args
            argv = ["scan", "--follow", *rest] if command == "follow" else [command, *rest]
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "matcher", *argv],
                stdout=out_fh,
                stderr=err_fh,
                stdin=subprocess.DEVNULL,
                cwd=self.tmp,
                env=env,
            )
        if wait_ready is not None:
            wait_for(lambda: self._ready(wait_ready, before), what="the state file (ready)")
        return self

    def _ready(self, state: Path, before: tuple[int, int] | None) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"tool exited early ({self.proc.returncode}): {self.stderr}")
        stamp = state_stamp(state)
        return stamp is not None and stamp != before

    def signal(self, signum: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(signum)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=DEADLINE)

    def stop(self) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=DEADLINE)

    def wait(self) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout=DEADLINE)

    @property
    def stderr(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.stderr_files if p.exists())

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def start_writer(path: Path, lines: int, **options: object) -> subprocess.Popen[bytes]:
    args = [sys.executable, __file__, "writer", str(path), str(lines)]
    for key, value in options.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    return subprocess.Popen(args, stdin=subprocess.DEVNULL)


# -- the writer process ---------------------------------------------------------------------
def _rotate(path: str, index: int, how: str, fh: Any) -> Any:
    """logrotate-style: shift app.log.N to .N+1, then rename or copy+truncate app.log."""
    fh.flush()
    for i in range(index, 0, -1):
        os.rename(f"{path}.{i}", f"{path}.{i + 1}")
    if how == "rename":
        fh.close()
        os.rename(path, f"{path}.1")
        return open(path, "ab")
    shutil.copyfile(path, f"{path}.1")
    os.truncate(path, 0)  # O_APPEND: the writer goes on at the new end
    return fh


def writer_main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("lines", type=int)
    parser.add_argument("--rate", type=float, default=50_000)
    parser.add_argument("--rotate-every", type=int, default=0)
    parser.add_argument("--how", default="rename", choices=["rename", "copytruncate", "mixed"])
    parser.add_argument("--every", type=int, default=97)
    args = parser.parse_args(argv)
    fh = open(args.path, "ab", buffering=1 << 16)  # noqa: SIM115 - lines split across writes
    start, batch, rotations = time.monotonic(), 500, 0
    for first in range(0, args.lines, batch):
        for seq in range(first, min(first + batch, args.lines)):
            if args.rotate_every and seq and seq % args.rotate_every == 0:
                how = args.how
                if how == "mixed":
                    how = "rename" if rotations % 2 == 0 else "copytruncate"
                fh = _rotate(args.path, rotations, how, fh)
                rotations += 1
            fh.write(line(seq, args.every).encode())
        ahead = start + (first + batch) / args.rate - time.monotonic()
        if ahead > 0:
            time.sleep(ahead)  # pacing only
    fh.close()


if __name__ == "__main__":
    if sys.argv[1] == "writer":
        writer_main(sys.argv[2:])


def wait_seqs(out: Path, expected: list[int]) -> None:
    """Wait until the findings written to ``out`` carry exactly the sequence numbers
    ``expected`` (or more than that, which then fails)."""
    wait_for(
        lambda: sorted(seqs(out)) == expected or len(seqs(out)) > len(expected),
        what=f"findings {expected}",
    )
    assert sorted(seqs(out)) == expected
