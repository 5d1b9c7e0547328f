"""Two real processes appending to one log file, taking turns, for
tests/data/events/interleaved.log.

Both log through ``logging.FileHandler`` (append mode) with the prefix services use,
``%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s``, so each line carries its
writer's pid. Two semaphores make them alternate, so the interleaving is the worst case yet
reproducible:

1. record by record: writer 1 logs a real sqlite3 IntegrityError with ``logger.exception``
   (``logging`` writes the record and its traceback in one ``write``, so the traceback stays
   whole) between two lines of writer 2;
2. line by line: writer 1 writes the lines of a second real traceback one ``write`` each (as
   ``traceback.print_exc`` to a shared stream can), and writer 2 writes one line between any
   two of them, one of them an ERROR of another incident (a QueuePool timeout message).

Usage: python tools/events/interleaved.py tests/data/events/interleaved.log
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import TextIO, cast

FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
Script = Callable[[logging.Logger, logging.FileHandler], Iterator[None]]


def integrity_error() -> BaseException:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
    conn.execute("INSERT INTO users (email) VALUES ('ada@example.org')")
    try:
        conn.execute("INSERT INTO users (email) VALUES ('ada@example.org')")
    except sqlite3.IntegrityError as exc:
        return exc
    raise AssertionError("no IntegrityError")


def writer_1(log: logging.Logger, handler: logging.FileHandler) -> Iterator[None]:
    log.info("import started")
    yield
    try:
        raise integrity_error()
    except sqlite3.IntegrityError:
        log.exception("could not create user ada@example.org")  # one record, one write
    yield
    log.error("could not create user ada@example.org (retry 1)")
    yield
    try:
        raise integrity_error()
    except sqlite3.IntegrityError as exc:
        lines = "".join(traceback.format_exception(exc)).splitlines(keepends=True)
    stream = cast(TextIO, handler.stream)  # open: records were written through it already
    for line in lines:  # one write per line: the other writer gets a turn in between
        stream.write(line)
        stream.flush()
        yield
    log.info("import finished")
    yield


def writer_2(log: logging.Logger, handler: logging.FileHandler) -> Iterator[None]:
    messages = [
        (logging.INFO, "worker ready"),
        (logging.INFO, "heartbeat 1"),
        (logging.WARNING, "slow query: 1.2 s"),
        (logging.INFO, "heartbeat 2"),
        (
            logging.ERROR,
            "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00",
        ),
        (logging.INFO, "heartbeat 3"),
        (logging.INFO, "heartbeat 4"),
        (logging.INFO, "heartbeat 5"),
        (logging.INFO, "heartbeat 6"),
        (logging.INFO, "heartbeat 7"),
        (logging.INFO, "heartbeat 8"),
        (logging.INFO, "worker stopped"),
    ]
    for level, message in messages:
        log.log(level, message)
        yield


def run(name: str, script: Script, path: str, turns: Connection) -> None:
    """Write one step of ``script`` each time the parent hands over the turn."""
    handler = logging.FileHandler(path, mode="a", encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    log = logging.getLogger(name)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    steps = script(log, handler)
    while turns.recv():
        turns.send(next(steps, "done") is None)
    handler.close()


def main(path: str) -> int:
    if os.path.exists(path):
        os.remove(path)
    context = multiprocessing.get_context("fork")
    writers = []
    for name, script in (("users.import", writer_1), ("worker", writer_2)):
        parent_end, child_end = context.Pipe()
        process = context.Process(target=run, args=(name, script, path, child_end))
        process.start()
        writers.append((process, parent_end))
    active = list(writers)
    while active:  # alternate: one step of writer 1, one of writer 2, ...
        for writer in list(active):
            writer[1].send(True)
            if not writer[1].recv():
                active.remove(writer)
    for process, turns in writers:
        turns.send(False)
        process.join(timeout=30)
    return 0 if all(process.exitcode == 0 for process, _ in writers) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
