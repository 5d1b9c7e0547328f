"""Write sample_logs/near-misses.log: realistic lines that must NOT be flagged.

Everything below is produced for real against the sample PostgreSQL database, except the
block written by ``write_hand_written()``, which is HAND-WRITTEN (the incident messages
with one word changed -- there is no honest way to make a library print those).

Real parts, in order:
1. SQLAlchemy pool DEBUG lines (logger ``sqlalchemy.pool`` at DEBUG) that mention
   QueuePool but report no error, plus ``pool.status()`` / ``repr(pool)``.
2. IntegrityError tracebacks on *other* unique indexes: ``ix_users_username`` and
   ``ix_users_email_old``.
3. A traceback whose last source line is ``raise exc.TimeoutError(`` in
   sqlalchemy/pool/impl.py but whose exception is a TypeError: a (buggy) metrics
   subclass monkeypatched over ``sqlalchemy.exc.TimeoutError`` does not accept the
   ``code=`` keyword, so the QueuePool message is built but never shown.
4. Timeouts of another kind: ``TimeoutError: timed out`` from a socket probe, and a
   psycopg2 ``connect_timeout`` (``timeout expired``) while the pool opens a connection,
   both against a loopback listener that never answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import socket

import sqlalchemy.exc
from jsonlog import JsonLinesFormatter
from models import User, make_engine
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.exc import IntegrityError

log = logging.getLogger("near_misses")
# the same records again as JSON lines (app.py's formatter), so the file also has JSON near misses
json_log = logging.getLogger("near_misses.json")
FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(message)s"


def report(msg: str, *args: object) -> None:
    """logger.exception() to the text log and to the JSON-lines log."""
    log.exception(msg, *args)
    json_log.exception(msg, *args)


def pool_debug_lines() -> None:
    logging.getLogger("sqlalchemy.pool").setLevel(logging.DEBUG)
    engine = make_engine(pool_size=2, max_overflow=0, pool_timeout=1)
    log.info("pool: %r", engine.pool)
    with engine.connect() as a, engine.connect() as b:
        a.execute(text("SELECT 1"))
        b.execute(text("SELECT 1"))
        log.info("pool status: %s", engine.pool.status())
    log.info("pool status: %s", engine.pool.status())
    engine.dispose()
    logging.getLogger("sqlalchemy.pool").setLevel(logging.WARNING)


def other_unique_indexes() -> None:
    engine = make_engine()
    with engine.connect() as conn:
        existing = conn.execute(select(User.username).order_by(User.id).limit(1)).scalar_one()
    cases = [
        # (what, rows): the last row of each case violates a different unique index
        (
            "ix_users_username",
            [{"email": "c.kent@example.com", "username": existing, "full_name": "Clark Kent"}],
        ),
        (
            "ix_users_email_old",
            [
                {
                    "email": "l.lane@example.com",
                    "username": "llane",
                    "full_name": "Lois Lane",
                    "email_old": "lois@dailyplanet.example",
                },
                {
                    "email": "lois.lane@example.com",
                    "username": "lois",
                    "full_name": "Lois Lane",
                    "email_old": "lois@dailyplanet.example",
                },
            ],
        ),
    ]
    for index_name, rows in cases:
        with engine.connect() as conn:
            try:
                for row in rows:
                    conn.execute(insert(User), row)
                conn.commit()
            except IntegrityError:
                report("user import skipped a row (expected: %s)", index_name)
                conn.rollback()
    engine.dispose()


class CountingTimeoutError(sqlalchemy.exc.TimeoutError):
    """Buggy metrics wrapper: forgets SQLAlchemy's ``code=`` keyword argument."""

    count = 0

    def __init__(self, message: str) -> None:
        CountingTimeoutError.count += 1
        super().__init__(message)


def raise_line_but_other_exception() -> None:
    engine = make_engine(pool_size=1, max_overflow=0, pool_timeout=1)
    original = sqlalchemy.exc.TimeoutError
    sqlalchemy.exc.TimeoutError = CountingTimeoutError  # type: ignore[misc]
    try:
        with engine.connect():
            try:
                with engine.connect():
                    pass
            except TypeError:
                report("pool checkout failed")
    finally:
        sqlalchemy.exc.TimeoutError = original  # type: ignore[misc]
        engine.dispose()


def other_timeouts() -> None:
    with socket.create_server(("127.0.0.1", 0), backlog=4) as silent:  # never accepts
        port = silent.getsockname()[1]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                probe.sendall(b"PING\r\n")
                probe.recv(64)
        except TimeoutError:
            report("health probe to 127.0.0.1:%d failed", port)
        engine = create_engine(
            f"postgresql+psycopg2://app:unused@127.0.0.1:{port}/appdb",
            connect_args={"connect_timeout": 2},
            pool_size=2,
            max_overflow=0,
            pool_timeout=1,
        )
        try:
            with engine.connect():
                pass
        except sqlalchemy.exc.OperationalError:
            report("replica pool: could not open a connection")
        engine.dispose()


def write_hand_written(handler: logging.StreamHandler) -> None:  # type: ignore[type-arg]
    """HAND-WRITTEN near misses: the two incident messages with one word changed."""
    now = dt.datetime.now(dt.timezone.utc)
    app_ts = now.strftime("%Y-%m-%d %H:%M:%S,") + f"{now.microsecond // 1000:03d}"
    pg_ts = now.strftime("%Y-%m-%d %H:%M:%S.") + f"{now.microsecond // 1000:03d} UTC"
    pg = f"{pg_ts} [4242] app@appdb ERROR:  duplicate key value violates"
    seed = f"{app_ts} ERROR [seed_database] sqlalchemy.exc.IntegrityError:"
    lines = [
        f"{app_ts} ERROR [sample_api] sqlalchemy.exc.TimeoutError: QueuePool limit of size 2"
        " overflow 0 exceeded, connection timed out, timeout 1.00",
        f"{app_ts} ERROR [sample_api] sqlalchemy.exc.TimeoutError: NullPool limit of size 2"
        " overflow 0 reached, connection timed out, timeout 1.00",
        f"{app_ts} ERROR [sample_api] sqlalchemy.exc.TimeoutError: QueuePool limit of size 2"
        " underflow 0 reached, connection timed out, timeout 1.00",
        f'{pg} unique constraint "ix_users_mail"',
        f'{pg} exclusion constraint "ix_users_email"',
        f"{seed} (psycopg2.errors.UniqueViolation) duplicate row value violates"
        ' unique constraint "ix_users_email"',
        f"{seed} (psycopg2.errors.UniqueViolation) duplicate key value violates"
        ' unique constraint "ix_orders_email"',
    ]
    handler.flush()
    handler.stream.write("".join(line + "\n" for line in lines))
    handler.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    open(args.out, "w").close()  # truncate; both handlers append (O_APPEND keeps the order)
    handler = logging.FileHandler(args.out, mode="a", encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    json_handler = logging.FileHandler(args.out, mode="a", encoding="utf-8")
    json_handler.setFormatter(JsonLinesFormatter())
    json_log.addHandler(json_handler)
    json_log.propagate = False

    pool_debug_lines()
    other_unique_indexes()
    raise_line_but_other_exception()
    other_timeouts()
    write_hand_written(handler)
    handler.close()
    json_handler.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
