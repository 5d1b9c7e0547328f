"""Operating-system limits hit by Python services and by coreutils: a full disk (a small
tmpfs), a read-only remount, too many open files (RLIMIT_NOFILE), permission denied (a
job run as `nobody`), and SQLite's "database is locked" with the retry/check lines a
backoffice importer writes around it. Needs root (mount, runuser).

Two rounds with other sizes, limits, paths and timeouts.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys

from harness import LOGS, WORK, app_logger, expect, line_count, near, say

BACKUP_LOG = LOGS / "backup-job.log"
WORKER_LOG = LOGS / "thumbnailer.log"
IMPORT_LOG = LOGS / "backoffice-import.log"
SYSTEM_PYTHON = os.environ.get("PM_SYSTEM_PYTHON", "/usr/bin/python3")  # readable by nobody
INC_DISK = "INC-PM-115"
INC_FILES = "INC-PM-116"
INC_PERM = "INC-PM-117"
INC_LOCKED = "INC-PM-118"


def disk_full(size_kb: int, log: logging.Logger) -> None:
    mnt = WORK / f"backup-{size_kb}k"
    mnt.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mnt)], check=True
    )
    try:
        n = line_count(BACKUP_LOG)
        log.info("nightly backup to %s (%d KiB free)", mnt, size_kb)
        try:
            with open(mnt / "orders.dump", "wb") as out:
                for _ in range(size_kb * 2):
                    out.write(os.urandom(1024))
                    out.flush()
        except OSError:
            log.exception("dump of orders failed")
        with BACKUP_LOG.open("a") as err:
            subprocess.run(["cp", "/usr/bin/python3", str(mnt / "python3.bin")], stderr=err)
        db = sqlite3.connect(mnt / "audit.db")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS audit (line TEXT)")
            db.executemany("INSERT INTO audit VALUES (?)", (("x" * 500,) for _ in range(5000)))
            db.commit()
        except sqlite3.OperationalError as exc:
            log.error("audit export aborted: %s: %s", type(exc).__name__, exc)
        db.close()
        # write() fails, then the implicit close() while flushing fails again (chained)
        expect(
            BACKUP_LOG,
            n,
            r"^OSError: \[Errno 28\] No space left on device$",
            INC_DISK,
            count=2,
            note="python traceback",
        )
        expect(
            BACKUP_LOG,
            n,
            r"^cp: error writing '.*': No space left on device$",
            INC_DISK,
            note="coreutils",
        )
        expect(
            BACKUP_LOG, n, r"OperationalError: database or disk is full$", INC_DISK, note="sqlite"
        )
        n = line_count(BACKUP_LOG)
        usage = os.statvfs(mnt)
        log.info(
            "disk check: %d%% used on %s, no space left alerts: 0",
            100 - 100 * usage.f_bavail // max(usage.f_blocks, 1),
            mnt,
        )
        near(BACKUP_LOG, n, r"no space left alerts", INC_DISK, note="check line")
        for f in mnt.iterdir():
            f.unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        n = line_count(BACKUP_LOG)
        try:
            (mnt / "retry.dump").write_bytes(b"x")
        except OSError:
            log.exception("retry of the dump failed")
        near(
            BACKUP_LOG,
            n,
            r"^OSError: \[Errno 30\] Read-only file system",
            INC_DISK,
            note="other errno",
        )
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


CHILD_FILES = """
import logging, resource, socket, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(asctime)s pid=%(process)d %(levelname)s %(message)s')
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
held = []
try:
    for i in range(limit * 2):
        held.append(open(f'{sys.argv[2]}/thumb-{i}.png', 'w'))
except OSError:
    logging.exception('thumbnail batch failed after %d files', len(held))
try:
    socket.socket()
except OSError as exc:
    logging.error('cannot open socket to image store: %s', exc)
"""

CHILD_PERM = """
import logging, os, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(asctime)s pid=%(process)d %(levelname)s %(message)s')
target = sys.argv[1]
try:
    open(os.path.join(target, 'avatar-%s.png' % sys.argv[2]), 'wb')
except PermissionError:
    logging.exception('upload for user %s failed', sys.argv[2])
try:
    os.chown(target, 0, 0)
except PermissionError as exc:
    logging.error('fix ownership: %r', exc)
"""


def too_many_files(limit: int) -> None:
    scratch = WORK / f"thumbs-{limit}"
    scratch.mkdir(parents=True, exist_ok=True)
    n = line_count(WORKER_LOG)
    with WORKER_LOG.open("a") as out:
        subprocess.run(
            [sys.executable, "-c", CHILD_FILES, str(limit), str(scratch)],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
        )
    expect(
        WORKER_LOG,
        n,
        r"^OSError: \[Errno 24\] Too many open files: '.*thumb-\d+\.png'$",
        INC_FILES,
        note="open()",
    )
    expect(
        WORKER_LOG,
        n,
        r"cannot open socket to image store: \[Errno 24\] Too many open files$",
        INC_FILES,
        note="socket()",
    )


def permission_denied(user_id: int) -> None:
    target = WORK / f"uploads-{user_id}"
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target, 0o755)  # owned by root: `nobody` may not write there
    n = line_count(WORKER_LOG)
    with WORKER_LOG.open("a") as out:
        subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                SYSTEM_PYTHON,
                "-c",
                CHILD_PERM,
                str(target),
                str(user_id),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            cwd="/",
        )
    expect(
        WORKER_LOG,
        n,
        r"^PermissionError: \[Errno 13\] Permission denied: '.*avatar-\d+\.png'$",
        INC_PERM,
        note="open() as nobody",
    )
    near(
        WORKER_LOG,
        n,
        r"PermissionError\(1, 'Operation not permitted'\)",
        INC_PERM,
        note="EPERM, other errno",
    )


def database_locked(timeout: float, log: logging.Logger) -> None:
    path = WORK / f"backoffice-{int(timeout * 1000)}.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE IF NOT EXISTS imports (id INTEGER PRIMARY KEY, name TEXT)")
    n = line_count(IMPORT_LOG)
    log.info("lock check: database is locked? no")
    near(
        IMPORT_LOG,
        n,
        r"lock check: database is locked\? no$",
        INC_LOCKED,
        note="lock check before the run (from the issue)",
    )
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO imports (name) VALUES ('supplier-feed')")
    n = line_count(IMPORT_LOG)
    worker = sqlite3.connect(path, timeout=timeout)
    for attempt in (1, 2):
        try:
            worker.execute("INSERT INTO imports (name) VALUES ('price-list')")
            worker.commit()
        except sqlite3.OperationalError as exc:
            if attempt == 1:
                log.warning("retrying import after database is locked")
                continue
            log.exception("import of price-list failed after %.1fs", timeout)
            log.error("import batch %d: %r", os.getpid() % 1000, exc)
    expect(
        IMPORT_LOG,
        n,
        r"^sqlite3\.OperationalError: database is locked$",
        INC_LOCKED,
        note="traceback",
    )
    expect(IMPORT_LOG, n, r"OperationalError\('database is locked'\)$", INC_LOCKED, note="repr")
    near(
        IMPORT_LOG,
        n,
        r"WARNING .*retrying import after database is locked$",
        INC_LOCKED,
        note="retry warning (from the issue)",
    )
    holder.execute("COMMIT")
    n = line_count(IMPORT_LOG)
    log.info("lock check: database is locked? no")
    try:
        worker.execute("SELECT * FROM import_runs")
    except sqlite3.OperationalError:
        log.exception("report query failed")
    near(
        IMPORT_LOG,
        n,
        r"lock check: database is locked\? no$",
        INC_LOCKED,
        note="lock check (from the issue)",
    )
    near(
        IMPORT_LOG,
        n,
        r"^sqlite3\.OperationalError: no such table: import_runs$",
        INC_LOCKED,
        note="other error of sqlite3",
    )
    worker.close()
    holder.close()


def main() -> None:
    backup = app_logger(
        "backup", BACKUP_LOG, "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
    )
    importer = app_logger(
        "backoffice", IMPORT_LOG, "%(asctime)s %(levelname)s [%(name)s] %(message)s"
    )
    for size_kb, limit, user_id, timeout in ((256, 64, 1742, 0.2), (640, 160, 90311, 0.6)):
        say(f"tmpfs {size_kb}k, RLIMIT_NOFILE {limit}, user {user_id}, sqlite timeout {timeout}s")
        disk_full(size_kb, backup)
        too_many_files(limit)
        permission_denied(user_id)
        database_locked(timeout, importer)


if __name__ == "__main__":
    main()
