"""A small shop suite whose failures are real, for tests/test_ci_dedup.py (one failing test,
one finding, across pytest's output and its JUnit report), which runs it as
tests/test_shop.py in a copy of tests/data/ci/shop. Deliberately failing: do not "fix".

* a connection pool timeout, with unrelated ERROR lines in its captured log;
* a sqlite3 unique violation in a parametrized test method of a class;
* a duplicate key that only the captured log shows (the test fails on an assertion);
* a KeyError and a plain assertion that no known incident explains.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
from collections.abc import Iterator

import pytest

log = logging.getLogger("shop")


class TimeoutError(Exception):
    pass


class QueuePool:
    """Checks connections out of a fixed-size queue, as SQLAlchemy's QueuePool does."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size, self.timeout = size, timeout
        self._idle: queue.Queue[int] = queue.Queue(size)
        for number in range(size):
            self._idle.put(number)

    def connect(self) -> int:
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise TimeoutError(
                f"QueuePool limit of size {self.size} overflow 0 reached, "
                f"connection timed out, timeout {self.timeout:.2f}"
            ) from None


@pytest.fixture
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    conn.execute("CREATE UNIQUE INDEX ix_users_email ON users (email)")
    yield conn
    conn.close()


def test_checkout_under_load() -> None:
    pool = QueuePool(size=1, timeout=0.01)
    pool.connect()
    log.error("payment gateway: checkout 17 waiting for a connection")
    print("checkout 17: retrying")
    pool.connect()


class TestImport:
    @pytest.mark.parametrize("batch", ["batch-1"])
    def test_reimport(self, db: sqlite3.Connection, batch: str) -> None:
        rows = [(f"{batch}@example.org",)]
        db.executemany("INSERT INTO users (email) VALUES (?)", rows)
        db.executemany("INSERT INTO users (email) VALUES (?)", rows)


def test_nightly_counts(db: sqlite3.Connection) -> None:
    imported = 0
    for email in ("bo@example.org", "bo@example.org"):
        try:
            db.execute("INSERT INTO users (email) VALUES (?)", (email,))
            imported += 1
        except sqlite3.IntegrityError:
            log.error('duplicate key value violates unique constraint "ix_users_email"')
    assert imported == 2


def test_payload_has_display_name() -> None:
    payload = {"id": 1, "name": "Ada Lovelace"}
    log.error("render failed for user 1")
    assert payload["display_name"] == "Ada Lovelace"


def test_totals_add_up() -> None:
    assert sum([1, 2]) == 4


def test_listing() -> None:
    assert [1, 2] == [1, 2]
