"""MariaDB failures seen through pymysql, mysql-connector and the mariadb CLI.

Two rounds against a throw-away server, the second after a "config change" (other
max_connections, lock wait timeout and port), so the same errors carry other numbers.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time

import mysql.connector
import pymysql
from harness import LOGS, WORK, expect, line_count, near, say

APP_LOG = LOGS / "orders-mysql.log"
CLI_LOG = LOGS / "mariadb-cli.log"
PASSWORD = "orders-pw"  # throw-away server on loopback only
INC_CONN = "INC-PM-101"
INC_LOCK = "INC-PM-102"


def start_server(port: int, max_conn: int, lock_wait: int) -> subprocess.Popen[bytes]:
    datadir = WORK / "mysql"
    if not datadir.exists():
        subprocess.run(
            [
                "mariadb-install-db",
                "--no-defaults",
                f"--datadir={datadir}",
                "--user=root",
                "--auth-root-authentication-method=socket",
            ],
            check=True,
            capture_output=True,
        )
    sock = WORK / "mysqld.sock"
    proc = subprocess.Popen(
        [
            "mariadbd",
            "--no-defaults",
            f"--datadir={datadir}",
            "--user=root",
            f"--socket={sock}",
            f"--port={port}",
            "--bind-address=127.0.0.1",
            f"--log-error={LOGS / 'mariadb-error.log'}",
            f"--max-connections={max_conn}",
            f"--innodb-lock-wait-timeout={lock_wait}",
            "--log-warnings=2",
            f"--pid-file={WORK / 'mysqld.pid'}",
        ]
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mariadbd exited {proc.returncode}: see mariadb-error.log")
        if (
            subprocess.run(
                ["mariadb-admin", f"--socket={sock}", "ping"], capture_output=True
            ).returncode
            == 0
        ):
            break
        time.sleep(0.3)
    sql = (
        f"CREATE USER IF NOT EXISTS 'orders'@'127.0.0.1' IDENTIFIED BY '{PASSWORD}';"
        "GRANT ALL ON shop.* TO 'orders'@'127.0.0.1';"
        "CREATE DATABASE IF NOT EXISTS shop;"
        "CREATE TABLE IF NOT EXISTS shop.stock (id INT PRIMARY KEY, qty INT);"
        "INSERT IGNORE INTO shop.stock VALUES (1, 10), (2, 20), (3, 30);"
    )
    subprocess.run(["mariadb", f"--socket={sock}", "-e", sql], check=True)
    return proc


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    proc.wait(timeout=60)


def py_conn(port: int) -> pymysql.connections.Connection:
    return pymysql.connect(
        host="127.0.0.1",
        port=port,
        user="orders",
        password=PASSWORD,
        database="shop",
        autocommit=False,
    )


def cn_conn(port: int):  # type: ignore[no-untyped-def]
    return mysql.connector.connect(
        host="127.0.0.1",
        port=port,
        user="orders",
        password=PASSWORD,
        database="shop",
        autocommit=False,
    )


def too_many_connections(port: int, max_conn: int, log) -> None:  # type: ignore[no-untyped-def]
    held = [py_conn(port) for _ in range(max_conn - 1)]
    log.info("pool check: max_connections=%d, threads_connected=%d", max_conn, len(held))
    # pymysql, logged with its traceback (MariaDB keeps extra slots: open until refused)
    n = line_count(APP_LOG)
    for _ in range(max_conn + 5):
        try:
            held.append(py_conn(port))
        except pymysql.err.OperationalError:
            log.exception("cannot open connection for order sync")
            break
    expect(
        APP_LOG,
        n,
        r"^pymysql\.err\.OperationalError: \(1040, 'Too many connections'\)$",
        INC_CONN,
        note="pymysql traceback",
    )
    # mysql-connector, logged as one line
    n = line_count(APP_LOG)
    try:
        cn_conn(port)
    except mysql.connector.Error as exc:
        log.error("checkout failed: %s", exc)
    expect(
        APP_LOG,
        n,
        r"checkout failed: 1040 \(08004\): Too many connections$",
        INC_CONN,
        note="mysql-connector str()",
    )
    # the near misses a pool that retries writes
    n = line_count(APP_LOG)
    log.warning("retrying checkout after Too many connections (attempt 2 of 5)")
    log.info("pool check: Too many connections? no (threads_connected=%d)", max_conn - 1)
    near(APP_LOG, n, r"Too many connections", INC_CONN, count=2, note="retry/question")
    # the CLI
    n = line_count(CLI_LOG)
    with CLI_LOG.open("a") as err:
        subprocess.run(
            [
                "mariadb",
                "-h",
                "127.0.0.1",
                "-P",
                str(port),
                "-u",
                "orders",
                f"-p{PASSWORD}",
                "shop",
                "-e",
                "SELECT 1",
            ],
            stderr=err,
            stdout=err,
        )
    expect(CLI_LOG, n, r"^ERROR 1040 \(\w+\): Too many connections$", INC_CONN, note="CLI")
    for c in held:
        c.close()


def lock_wait(port: int, log) -> None:  # type: ignore[no-untyped-def]
    holder = py_conn(port)
    with holder.cursor() as cur:
        cur.execute("SELECT qty FROM stock WHERE id = 1 FOR UPDATE")
    n = line_count(APP_LOG)
    with py_conn(port) as c, c.cursor() as cur:
        try:
            cur.execute("UPDATE stock SET qty = qty - 1 WHERE id = 1")
        except pymysql.err.OperationalError:
            log.exception("reserve stock for order %d failed", port * 7)
    expect(
        APP_LOG,
        n,
        r"^pymysql\.err\.OperationalError: \(1205, 'Lock wait timeout exceeded; "
        r"try restarting transaction'\)$",
        INC_LOCK,
        note="pymysql traceback",
    )
    n = line_count(APP_LOG)
    c2 = cn_conn(port)
    try:
        c2.cursor().execute("UPDATE stock SET qty = qty + 1 WHERE id = 1")
    except mysql.connector.Error as exc:
        log.error("restock job: %r", exc)
    c2.close()
    expect(
        APP_LOG,
        n,
        r"DatabaseError\(1205, '1205 \(HY000\): Lock wait timeout exceeded; try "
        r"restarting transaction'",
        INC_LOCK,
        note="mysql-connector repr",
    )
    n = line_count(CLI_LOG)
    with CLI_LOG.open("a") as err:
        subprocess.run(
            [
                "mariadb",
                "-h",
                "127.0.0.1",
                "-P",
                str(port),
                "-u",
                "orders",
                f"-p{PASSWORD}",
                "shop",
                "-e",
                "UPDATE stock SET qty = 0 WHERE id = 1",
            ],
            stderr=err,
            stdout=err,
        )
    expect(
        CLI_LOG,
        n,
        r"^ERROR 1205 \(HY000\) at line 1: Lock wait timeout exceeded; try "
        r"restarting transaction$",
        INC_LOCK,
        note="CLI",
    )
    holder.rollback()
    holder.close()
    n = line_count(APP_LOG)
    log.info("innodb_lock_wait_timeout=%s; no Lock wait timeout exceeded since restart", port % 7)
    log.warning("Lock wait timeout exceeded? checking innodb status before retry")
    near(APP_LOG, n, r"Lock wait timeout exceeded", INC_LOCK, count=2, note="prose/question")


def deadlock(port: int, log) -> None:  # type: ignore[no-untyped-def]
    """A deadlock also says 'try restarting transaction': another error of the same stack."""
    a, b = py_conn(port), py_conn(port)
    a.cursor().execute("UPDATE stock SET qty = qty + 1 WHERE id = 2")
    b.cursor().execute("UPDATE stock SET qty = qty + 1 WHERE id = 3")
    errors: list[BaseException] = []

    def cross() -> None:
        try:
            a.cursor().execute("UPDATE stock SET qty = qty + 1 WHERE id = 3")
        except pymysql.err.OperationalError as exc:
            errors.append(exc)

    t = threading.Thread(target=cross)
    t.start()
    time.sleep(0.5)
    n = line_count(APP_LOG)
    try:
        b.cursor().execute("UPDATE stock SET qty = qty + 1 WHERE id = 2")
    except pymysql.err.OperationalError as exc:
        errors.append(exc)
    t.join()
    for err in errors:
        log.error("stock rebalance aborted: %s", err)
    near(APP_LOG, n, r"\(1213, 'Deadlock found", INC_LOCK, note="deadlock")
    a.close()
    b.close()


def other_errors(port: int, log) -> None:  # type: ignore[no-untyped-def]
    n = line_count(APP_LOG)
    try:
        pymysql.connect(host="127.0.0.1", port=port, user="orders", password="wrong")
    except pymysql.err.OperationalError:
        log.exception("login check")
    with py_conn(port) as c, c.cursor() as cur:
        try:
            cur.execute("INSERT INTO stock VALUES (1, 5)")
        except pymysql.err.IntegrityError:
            log.exception("import row")
    near(
        APP_LOG,
        n,
        r"^pymysql\.err\.(OperationalError: \(1045|IntegrityError: \(1062)",
        INC_CONN,
        count=2,
        note="other errors of the driver",
    )


def main() -> None:
    log = __import__("harness").app_logger("orders.db", APP_LOG)
    shutil.rmtree(WORK / "mysql", ignore_errors=True)
    for port, max_conn, lock_s in ((53306, 12, 1), (53307, 20, 2)):
        say(f"MariaDB on {port}: max_connections={max_conn} lock_wait={lock_s}s")
        proc = start_server(port, max_conn, lock_s)
        try:
            too_many_connections(port, max_conn, log)
            lock_wait(port, log)
            deadlock(port, log)
            other_errors(port, log)
        finally:
            stop_server(proc)


if __name__ == "__main__":
    main()
