"""Log real Python tracebacks the way a service does, for tests/data/events/python-traces.log.

Every error below is really raised (nothing is printed by hand) and logged with
``logger.exception`` through ``logging`` with the format services use:

    %(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s

1. a sqlite3 ``IntegrityError`` (UNIQUE constraint failed: users.email) raised through
   SQLAlchemy (chained: the sqlite3 error, "The above exception was the direct cause …", the
   SQLAlchemy wrapper with its [SQL: …]/[parameters: …]/(Background …) trailer), skipped
   when SQLAlchemy is not installed;
2. the plain sqlite3 ``IntegrityError`` (``logger.exception``), then the same error logged
   as a warning with ``exc_info=True`` ("retrying with new fake data");
3. an implicit chain ("During handling of the above exception, another exception occurred:");
4. an explicit chain (``raise … from …``) over a plain sqlite3 IntegrityError;
5. a SQLAlchemy QueuePool ``TimeoutError`` (SQLite file database, ``QueuePool`` with
   pool_size=1, max_overflow=0, pool_timeout=0.1, its one connection held), skipped without
   SQLAlchemy.

Usage (SQLAlchemy only needed here, never by the tests; see make_traces.sh):

    python tools/events/python_traces.py > tests/data/events/python-traces.log
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import tempfile

FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
log = logging.getLogger("users.import")


class DuplicateUser(Exception):
    """The application's own error, raised from the driver's."""


def sqlalchemy_integrity_error(path: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)")
        )
        conn.execute(
            text("INSERT INTO users (email) VALUES (:email)"), {"email": "ada@example.org"}
        )
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO users (email) VALUES (:email)"), {"email": "ada@example.org"}
            )
    except Exception:
        log.exception("could not create user ada@example.org")
    engine.dispose()


def sqlite_integrity_error(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
    conn.execute("INSERT OR IGNORE INTO users (email) VALUES ('ada@example.org')")
    conn.commit()
    try:
        conn.execute("INSERT INTO users (email) VALUES ('ada@example.org')")
    except sqlite3.IntegrityError:
        log.exception("could not create user ada@example.org (sqlite3)")
    try:
        conn.execute("INSERT INTO users (email) VALUES ('ada@example.org')")
    except sqlite3.IntegrityError:
        log.warning("duplicate e-mail ada@example.org, retrying with new fake data", exc_info=True)
    return conn


def implicit_chain() -> None:
    cache: dict[str, int] = {}
    try:
        try:
            cache["user:42"]
        except KeyError:
            raise RuntimeError("cache rebuild failed for user:42")  # noqa: B904 (the point)
    except RuntimeError:
        log.exception("request failed: GET /api/users/42")


def explicit_chain(conn: sqlite3.Connection) -> None:
    try:
        try:
            conn.execute("INSERT INTO users (email) VALUES ('ada@example.org')")
        except sqlite3.IntegrityError as exc:
            raise DuplicateUser("user ada@example.org already imported") from exc
    except DuplicateUser:
        log.exception("re-import aborted")


def queue_pool_timeout(path: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        f"sqlite:///{path}", poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=0.1
    )
    held = engine.connect()  # the only connection of the pool, kept busy
    try:
        with engine.connect():
            pass
    except Exception:
        log.exception("database unavailable for GET /api/report")
    finally:
        held.close()
        engine.dispose()


def main() -> int:
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format=FORMAT)
    try:
        import sqlalchemy  # noqa: F401

        have_sqlalchemy = True
    except ImportError:
        have_sqlalchemy = False
    with tempfile.TemporaryDirectory() as tmp:
        log.info("importing users (sqlalchemy=%s)", have_sqlalchemy)
        if have_sqlalchemy:
            sqlalchemy_integrity_error(os.path.join(tmp, "orm.db"))
        conn = sqlite_integrity_error(os.path.join(tmp, "plain.db"))
        log.info("continuing with the next batch")
        implicit_chain()
        logging.getLogger("users.cache").warning("cache miss rate 40%% over %d min", 1)
        explicit_chain(conn)
        conn.close()
        if have_sqlalchemy:
            queue_pool_timeout(os.path.join(tmp, "pool.db"))
        log.info("import finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
