"""Ground-truth marks for logs produced by really running failing software.

Every scenario script runs a failure (or a near miss) for real and then calls
``Marks.expect`` / ``Marks.near`` with the log it wrote to, the line count the log had
before the step, and a strict pattern for the line that states the error. The pattern is
applied only to the lines the step added, and the step fails unless it finds exactly the
number of lines it announced: the ground truth comes from step boundaries the generator
controls, never from searching the finished logs by eye.

marks.tsv rows: kind (expect|near), log name, 1-based line number, incident id, note.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

WORK = Path(os.environ.get("PM_WORK", "/tmp/im-postmortems"))
LOGS = WORK / "logs"
MARKS = WORK / "marks.tsv"


class StepError(RuntimeError):
    """A step did not produce the log lines it was written to produce."""


def line_count(log: Path) -> int:
    """Number of complete lines in ``log`` (0 when it does not exist yet)."""
    try:
        return log.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _new_lines(log: Path, since: int) -> list[str]:
    try:
        text = log.read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return []
    return text.split("\n")[since:-1]  # complete lines only


def _mark(
    kind: str,
    log: Path,
    since: int,
    pattern: str,
    incident: str,
    count: int,
    note: str,
    timeout: float,
) -> list[int]:
    rx = re.compile(pattern)
    deadline = time.monotonic() + timeout
    while True:  # server logs are written asynchronously: poll with a deadline
        hits = [since + i + 1 for i, text in enumerate(_new_lines(log, since)) if rx.search(text)]
        if len(hits) >= count or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if len(hits) != count:
        new = "\n".join(_new_lines(log, since)[-20:])
        raise StepError(
            f"{log.name}: {kind} {incident} {note!r}: wanted {count} line(s) "
            f"matching {pattern!r} after line {since}, found {len(hits)}:\n{new}"
        )
    with MARKS.open("a", encoding="utf-8") as out:
        for n in hits:
            out.write(f"{kind}\t{log.name}\t{n}\t{incident}\t{note}\n")
    return hits


def expect(
    log: Path,
    since: int,
    pattern: str,
    incident: str,
    count: int = 1,
    note: str = "",
    timeout: float = 15.0,
) -> list[int]:
    """Record the lines after ``since`` matching ``pattern`` as stating ``incident``'s error."""
    return _mark("expect", log, since, pattern, incident, count, note, timeout)


def near(
    log: Path,
    since: int,
    pattern: str,
    resembles: str,
    count: int = 1,
    note: str = "",
    timeout: float = 15.0,
) -> list[int]:
    """Record near misses: lines of the same software that must NOT be flagged."""
    return _mark("near", log, since, pattern, resembles, count, note, timeout)


def app_logger(name: str, log: Path, fmt: str | None = None) -> logging.Logger:
    """A logger writing to ``log`` the way the service writes its own log file."""
    log.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter(fmt or "%(asctime)s %(levelname)s [%(name)s] %(message)s")
    )
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger


def say(msg: str) -> None:
    print(f"  -> {msg}", file=sys.stderr, flush=True)
