"""memcached with -M (return errors instead of evicting) through pymemcache.

Two rounds with other memory sizes and ports. Needs root only to drop to `nobody`.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import time

from harness import LOGS, app_logger, expect, line_count, near, say
from pymemcache.client.base import Client
from pymemcache.exceptions import MemcacheError

APP_LOG = LOGS / "sessions-memcache.log"
INC_FULL = "INC-PM-122"


def start(port: int, megabytes: int) -> subprocess.Popen[bytes]:
    user = ["-u", "nobody"] if os.getuid() == 0 else []
    proc = subprocess.Popen(
        [
            "memcached",
            "-l",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "0",
            "-m",
            str(megabytes),
            "-M",
            *user,
        ]
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("memcached did not start")


def fill(port: int, log: logging.Logger) -> None:
    client = Client(("127.0.0.1", port), connect_timeout=2, timeout=5, default_noreply=False)
    stats = client.stats()
    log.info("session cache up: limit_maxbytes=%s", stats[b"limit_maxbytes"])
    n = line_count(APP_LOG)
    stored = 0
    for i in range(200_000):
        try:
            client.set(f"sess:{port}:{i}", b"x" * 8000)
            stored += 1
        except MemcacheError:
            log.exception("storing session %d failed after %d sessions", i, stored)
            break
    try:
        client.set("cart:42", b"y" * 8000)
    except MemcacheError as exc:
        log.error("cart not cached: %r", exc)
    expect(
        APP_LOG,
        n,
        r"^pymemcache\.exceptions\.MemcacheServerError: b'out of memory storing object'$",
        INC_FULL,
        note="traceback",
    )
    expect(
        APP_LOG,
        n,
        r"cart not cached: MemcacheServerError\(b'out of memory storing object'\)$",
        INC_FULL,
        note="repr",
    )
    n = line_count(APP_LOG)
    try:
        client.set("report:big", b"z" * (2 * 1024 * 1024))
    except MemcacheError:
        log.exception("report not cached")
    near(
        APP_LOG,
        n,
        r"MemcacheServerError: b'object too large for cache'$",
        INC_FULL,
        note="other SERVER_ERROR",
    )
    n = line_count(APP_LOG)
    log.warning(
        "cache nearly full (%d sessions); out of memory storing object errors expected", stored
    )
    near(APP_LOG, n, r"out of memory storing object errors expected$", INC_FULL, note="prose")
    client.close()


def main() -> None:
    log = app_logger("sessions", APP_LOG)
    for port, megabytes in ((51211, 2), (51222, 4)):
        say(f"memcached on {port}: -m {megabytes} -M")
        proc = start(port, megabytes)
        try:
            fill(port, log)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
