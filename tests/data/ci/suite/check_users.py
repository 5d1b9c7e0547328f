"""A tiny suite whose failures are real, for tests/data/ci/pytest-output.log and -junit.xml.

Not collected by the project's test run (the name does not start with ``test_``); run by
``python tests/data/ci/make_fixtures.py`` and, copied into a temporary directory, by the
pytest-plugin tests. Deliberately failing -- do not "fix":

* a connection pool timeout, raised by a small queue-based pool with SQLAlchemy's message;
* a real sqlite3 unique violation on users.email (the re-import of the same batch);
* a duplicate-key error that only the captured log shows;
* a KeyError no known incident explains.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
from collections.abc import Iterator

import pytest


class TimeoutError(Exception):
    pass


class QueuePool:
    """Checks connections out of a fixed-size queue, as SQLAlchemy's QueuePool does."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size, self.timeout = size, timeout
        self._idle: queue.Queue[sqlite3.Connection] = queue.Queue(size)
        for _ in range(size):
            self._idle.put(sqlite3.connect(":memory:"))

    def connect(self) -> sqlite3.Connection:
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
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT)")
    conn.execute("CREATE UNIQUE INDEX ix_users_email ON users (email)")
    yield conn
    conn.close()


def import_batch(conn: sqlite3.Connection, batch: list[tuple[str, str]]) -> None:
    conn.executemany("INSERT INTO users (email, name) VALUES (?, ?)", batch)


def test_users_can_be_listed(db: sqlite3.Connection) -> None:
    import_batch(db, [("ada@example.org", "Ada")])
    assert db.execute("SELECT count(*) FROM users").fetchone() == (1,)


def test_report_queries_run_concurrently() -> None:
    pool = QueuePool(size=1, timeout=0.05)
    running = pool.connect()  # a slow report holds the only connection
    try:
        pool.connect()  # a second request arrives meanwhile
    finally:
        running.close()


def test_reimport_of_same_batch(db: sqlite3.Connection) -> None:
    batch = [("stacie60@example.org", "Anna Aguilar")]
    import_batch(db, batch)
    import_batch(db, batch)  # the re-import reuses the batch -> same e-mail again


def test_nightly_import_counts_rows(db: sqlite3.Connection) -> None:
    log = logging.getLogger("importer")
    imported = 0
    for email in ("bo@example.org", "bo@example.org"):
        try:
            import_batch(db, [(email, "Bo")])
            imported += 1
        except sqlite3.IntegrityError:
            log.error("duplicate key value violates unique constraint %s", '"ix_users_email"')
    assert imported == 2


def test_user_payload_has_display_name() -> None:
    payload = {"id": 1, "email": "ada@example.org", "name": "Ada Lovelace"}
    assert payload["display_name"] == "Ada Lovelace"
