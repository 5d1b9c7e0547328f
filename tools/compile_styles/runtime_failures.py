"""Really fail a few Python runtime calls and log them as an app would: the real log of
tests/data/compile-styles/runtime.log (issue #11). Each error happens twice with other
numbers, paths and ports, next to near misses (lines that only talk about it, or another
error of the same call).

    python tools/compile_styles/runtime_failures.py > tests/data/compile-styles/runtime.log
"""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("jobs")


def database_locked(directory: Path, batch: int) -> None:
    path = directory / f"imports-{batch}.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE IF NOT EXISTS imports (name TEXT)")
    holder.execute("BEGIN EXCLUSIVE")
    log.info("lock probe: database is locked? %s", "yes" if batch else "no")
    worker = sqlite3.connect(path, timeout=0)
    try:
        worker.execute("INSERT INTO imports VALUES ('feed')")
    except sqlite3.OperationalError as exc:
        log.warning("retry %d after database is locked", batch)
        log.exception("import batch %d failed", batch)
        log.error("batch %d summary: %r", batch, exc)
    try:
        worker.execute("SELECT * FROM missing_table")
    except sqlite3.OperationalError:
        log.exception("report of batch %d failed", batch)
    holder.execute("ROLLBACK")


def missing_file(directory: Path, n: int) -> None:
    try:
        with open(directory / f"config-{n}.json", encoding="utf-8"):
            pass
    except OSError:
        log.exception("config %d not loaded", n)
    try:
        with open(directory, encoding="utf-8"):  # another errno of the same call
            pass
    except OSError:
        log.exception("config dir %d not loaded", n)


def bad_json(text: str, other: str) -> None:
    for payload in (text, other):
        try:
            json.loads(payload)
        except json.JSONDecodeError as exc:
            log.error("webhook payload rejected: %s: %s", type(exc).__name__, exc)


def slow_command(seconds: float) -> None:
    try:
        subprocess.run(["sleep", "5"], timeout=seconds, check=True)
    except subprocess.TimeoutExpired:
        log.exception("thumbnail command gave up")


def killed(signal_name: str) -> None:
    try:
        subprocess.run(["sh", "-c", f"kill -{signal_name} $$"], check=True)
    except subprocess.CalledProcessError as exc:
        log.error("converter failed: %s", exc)


def refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2)
    except OSError:
        log.exception("search backend at 127.0.0.1:%d unreachable", port)
    log.info("search backend reconnected after Connection refused (port %d)", port)


def main() -> None:
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s [%(name)s] %(message)s",
    )
    with tempfile.TemporaryDirectory(prefix="im-styles-") as tmp:
        directory = Path(tmp)
        for batch in (0, 7):
            database_locked(directory, batch)
        missing_file(directory, 3)
        missing_file(directory, 41)
        bad_json("", '{"total": }')
        bad_json('{"a": 1 "b": 2}', "   ")
        slow_command(0.2)
        slow_command(0.3)
        killed("KILL")
        killed("TERM")
        killed("KILL")
        refused()
        refused()


if __name__ == "__main__":
    main()
