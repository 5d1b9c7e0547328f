"""PostgreSQL 15 failures seen in the server log, through psycopg2 and through psql.

Two rounds against a throw-away cluster, the second after a "config change" (other
max_connections, reserved slots, port), so the same errors carry other numbers.
Run as root: the cluster runs as the OS user $PM_PG_USER (PostgreSQL refuses root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time

import psycopg2
import psycopg2.errors
from harness import LOGS, WORK, app_logger, expect, line_count, near, say

PGBIN = os.environ.get("PM_PGBIN", "/usr/lib/postgresql/15/bin")
OS_USER = os.environ.get("PM_PG_USER", "pgrun")
PGDATA = WORK / "pgdata"
SOCK = WORK / "pgsock"
SERVER_LOG = LOGS / "postgresql.log"
APP_LOG = LOGS / "billing-pg.log"
PSQL_LOG = LOGS / "psql-report.log"
PASSWORD = "billing-pw"  # throw-away cluster on loopback only
INC_CLIENTS = "INC-PM-103"
INC_TIMEOUT = "INC-PM-104"
INC_DEADLOCK = "INC-PM-105"


def as_pg(*cmd: str, **kw) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    prefix = ["runuser", "-u", OS_USER, "--"] if os.getuid() == 0 else []
    return subprocess.run([*prefix, *cmd], **kw)


def init_cluster() -> None:
    shutil.rmtree(PGDATA, ignore_errors=True)
    for d in (PGDATA, SOCK):
        d.mkdir(parents=True, exist_ok=True)
        shutil.chown(d, OS_USER)
    SERVER_LOG.touch()
    shutil.chown(SERVER_LOG, OS_USER)
    os.chmod(PGDATA, 0o700)
    as_pg(
        f"{PGBIN}/initdb",
        "-D",
        str(PGDATA),
        "-U",
        OS_USER,
        "-E",
        "UTF8",
        "--locale=C",
        "--auth-local=peer",
        "--auth-host=scram-sha-256",
        check=True,
        capture_output=True,
    )


def start(port: int, max_conn: int, reserved: int) -> None:
    conf = (
        f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{SOCK}'\n"
        f"max_connections = {max_conn}\nsuperuser_reserved_connections = {reserved}\n"
        "log_line_prefix = '%m [%p] %q%u@%d '\nlog_timezone = 'UTC'\nlc_messages = 'C'\n"
        "deadlock_timeout = '200ms'\n"
    )
    (PGDATA / "postgresql.auto.conf").write_text(conf)
    as_pg(
        f"{PGBIN}/pg_ctl",
        "-D",
        str(PGDATA),
        "-l",
        str(SERVER_LOG),
        "-t",
        "30",
        "-w",
        "start",
        check=True,
        capture_output=True,
    )
    psql_admin(
        port,
        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='billing') "
        f"THEN CREATE ROLE billing LOGIN PASSWORD '{PASSWORD}'; END IF; END$$;",
    )
    psql_admin(
        port,
        "CREATE TABLE IF NOT EXISTS invoices (id int PRIMARY KEY, total int);"
        "INSERT INTO invoices VALUES (1, 10), (2, 20) ON CONFLICT DO NOTHING;"
        "GRANT ALL ON invoices TO billing;",
    )


def stop() -> None:
    as_pg(f"{PGBIN}/pg_ctl", "-D", str(PGDATA), "-m", "fast", "-w", "stop", capture_output=True)


def psql_admin(port: int, sql: str) -> None:
    as_pg(
        f"{PGBIN}/psql",
        "-X",
        "-q",
        "-h",
        str(SOCK),
        "-p",
        str(port),
        "-d",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        sql,
        check=True,
        capture_output=True,
    )


def connect(port: int):  # type: ignore[no-untyped-def]
    return psycopg2.connect(
        host="127.0.0.1", port=port, user="billing", password=PASSWORD, dbname="postgres"
    )


def too_many_clients(port: int, max_conn: int, reserved: int, log) -> None:  # type: ignore[no-untyped-def]
    held = []
    n_app, n_srv = line_count(APP_LOG), line_count(SERVER_LOG)
    for _ in range(max_conn + 2):
        try:
            held.append(connect(port))
        except psycopg2.OperationalError as exc:
            log.error("invoice worker %d cannot connect: %s", len(held), str(exc).strip())
            break
    if reserved:  # the app user is refused by the reserved slots: another error of the stack
        near(
            APP_LOG,
            n_app,
            r"remaining connection slots are reserved",
            INC_CLIENTS,
            note="reserved slots (psycopg2)",
        )
        near(
            SERVER_LOG,
            n_srv,
            r"FATAL:  remaining connection slots are reserved",
            INC_CLIENTS,
            note="reserved slots (server)",
        )
        n_srv = line_count(SERVER_LOG)
        n_psql = line_count(PSQL_LOG)
        with PSQL_LOG.open("a") as out:  # the superuser then takes the last slots
            procs = [
                subprocess.Popen(
                    [
                        "runuser",
                        "-u",
                        OS_USER,
                        "--",
                        f"{PGBIN}/psql",
                        "-X",
                        "-h",
                        str(SOCK),
                        "-p",
                        str(port),
                        "-d",
                        "postgres",
                        "-c",
                        "SELECT pg_sleep(2)",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=out,
                )
                for _ in range(reserved + 1)
            ]
            for p in procs:
                p.wait()
        expect(
            PSQL_LOG, n_psql, r"FATAL:  sorry, too many clients already$", INC_CLIENTS, note="psql"
        )
    else:
        expect(
            APP_LOG,
            n_app,
            r"cannot connect: connection to server at \"127\.0\.0\.1\", port "
            r"\d+ failed: FATAL:  sorry, too many clients already$",
            INC_CLIENTS,
            note="psycopg2 str()",
        )
    expect(
        SERVER_LOG,
        n_srv,
        r"FATAL:  sorry, too many clients already$",
        INC_CLIENTS,
        note="server log",
    )
    n = line_count(APP_LOG)
    log.info(
        "pool stats: %d connections open, max_connections=%d (too many clients: no)",
        len(held),
        max_conn,
    )
    near(APP_LOG, n, r"too many clients", INC_CLIENTS, note="stats line")
    for c in held:
        c.close()


def statement_timeout(port: int, timeout_ms: int, log) -> None:  # type: ignore[no-untyped-def]
    n_app, n_srv = line_count(APP_LOG), line_count(SERVER_LOG)
    with connect(port) as c, c.cursor() as cur:
        cur.execute(f"SET statement_timeout = {timeout_ms}")
        try:
            cur.execute("SELECT pg_sleep(3)")
        except psycopg2.errors.QueryCanceled:
            log.exception("monthly report query aborted after %dms", timeout_ms)
    expect(
        APP_LOG,
        n_app,
        r"^psycopg2\.errors\.QueryCanceled: canceling statement due to "
        r"statement timeout$",
        INC_TIMEOUT,
        note="psycopg2 traceback",
    )
    expect(
        SERVER_LOG,
        n_srv,
        r"ERROR:  canceling statement due to statement timeout$",
        INC_TIMEOUT,
        note="server log",
    )
    # the same stack, another cause: an operator cancels the query
    n_app, n_srv = line_count(APP_LOG), line_count(SERVER_LOG)
    with connect(port) as c, c.cursor() as cur:
        pid = c.get_backend_pid()
        t = threading.Timer(0.5, psql_admin, (port, f"SELECT pg_cancel_backend({pid})"))
        t.start()
        try:
            cur.execute("SELECT pg_sleep(3)")
        except psycopg2.errors.QueryCanceled:
            log.exception("monthly report query cancelled")
        t.join()
    near(
        APP_LOG,
        n_app,
        r"QueryCanceled: canceling statement due to user request",
        INC_TIMEOUT,
        note="user request (psycopg2)",
    )
    near(
        SERVER_LOG,
        n_srv,
        r"ERROR:  canceling statement due to user request",
        INC_TIMEOUT,
        note="user request (server)",
    )


def deadlock(port: int, log) -> None:  # type: ignore[no-untyped-def]
    a, b = connect(port), connect(port)
    ca, cb = a.cursor(), b.cursor()
    ca.execute("UPDATE invoices SET total = total + 1 WHERE id = 1")
    cb.execute("UPDATE invoices SET total = total + 1 WHERE id = 2")
    n_app, n_srv = line_count(APP_LOG), line_count(SERVER_LOG)

    def cross() -> None:
        try:
            ca.execute("UPDATE invoices SET total = total + 1 WHERE id = 2")
        except psycopg2.errors.DeadlockDetected:
            log.exception("settle invoices 1,2")

    t = threading.Thread(target=cross)
    t.start()
    time.sleep(0.4)
    try:
        cb.execute("UPDATE invoices SET total = total + 1 WHERE id = 1")
    except psycopg2.errors.DeadlockDetected:
        log.exception("settle invoices 2,1")
    t.join()
    a.rollback()
    b.rollback()
    a.close()
    b.close()
    expect(
        APP_LOG,
        n_app,
        r"^psycopg2\.errors\.DeadlockDetected: deadlock detected$",
        INC_DEADLOCK,
        note="psycopg2 traceback",
    )
    expect(SERVER_LOG, n_srv, r"ERROR:  deadlock detected$", INC_DEADLOCK, note="server log")
    # the DETAIL states the cycle (both processes), in the app's exception and the server log
    cycle = r"Process \d+ waits for ShareLock on transaction \d+; blocked by process \d+\.$"
    expect(APP_LOG, n_app, cycle, INC_DEADLOCK, count=2, note="DETAIL cycle (psycopg2)")
    expect(SERVER_LOG, n_srv, cycle, INC_DEADLOCK, count=2, note="DETAIL cycle (server)")
    n = line_count(APP_LOG)
    log.warning("deadlock detected in batch %d, retrying (attempt 2/3)", port % 100)
    near(APP_LOG, n, r"deadlock detected in batch", INC_DEADLOCK, note="retry warning")


def main() -> None:
    log = app_logger(
        "billing", APP_LOG, "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"
    )
    init_cluster()
    for port, max_conn, reserved, timeout_ms in ((55433, 6, 0, 250), (55434, 9, 2, 700)):
        say(f"PostgreSQL on {port}: max_connections={max_conn} reserved={reserved}")
        start(port, max_conn, reserved)
        try:
            too_many_clients(port, max_conn, reserved, log)
            statement_timeout(port, timeout_ms, log)
            deadlock(port, log)
        finally:
            stop()


if __name__ == "__main__":
    main()
