"""Redis failures through redis-py and redis-cli, and job timeouts in an RQ worker.

Two rounds, the second after a "config change" (other maxmemory, ports, job timeouts).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import redis
from harness import LOGS, WORK, app_logger, expect, line_count, near, say
from rq import Queue

APP_LOG = LOGS / "cache-redis.log"
CLI_LOG = LOGS / "redis-cli.log"
WORKER_LOG = LOGS / "rq-worker.log"
INC_OOM = "INC-PM-106"
INC_REFUSED = "INC-PM-107"
INC_JOBTIMEOUT = "INC-PM-108"
HERE = Path(__file__).resolve().parent


def start(port: int, maxmemory: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            maxmemory,
            "--maxmemory-policy",
            "noeviction",
            "--dir",
            str(WORK),
            "--logfile",
            str(LOGS / "redis-server.log"),
        ]
    )
    r = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            r.ping()
            return proc
        except redis.exceptions.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def out_of_memory(port: int, log) -> None:  # type: ignore[no-untyped-def]
    r = redis.Redis(port=port)
    info = r.info("memory")
    log.info(
        "cache warmup: maxmemory=%s used_memory=%s (OOM risk: low)",
        info["maxmemory"],
        info["used_memory"],
    )
    n = line_count(APP_LOG)
    for i in range(100000):
        try:
            r.set(f"session:{port}:{i}", "x" * 2048)
        except redis.exceptions.OutOfMemoryError:
            log.exception("cache write for session %d failed", i)
            break
    # an operator lowers maxmemory below what is used: now every write is refused
    r.config_set("maxmemory", int(r.info("memory")["used_memory"]) * 9 // 10)
    try:
        r.set("feature-flags", "{}")
    except redis.exceptions.ResponseError as exc:
        log.error("flags not cached: %s", exc)
    oom = r"command not allowed when used memory > 'maxmemory'\.$"
    expect(APP_LOG, n, r"^redis\.exceptions\.OutOfMemoryError: " + oom, INC_OOM, note="traceback")
    expect(APP_LOG, n, r"flags not cached: " + oom, INC_OOM, note="str()")
    n = line_count(CLI_LOG)
    with CLI_LOG.open("a") as out:
        subprocess.run(
            ["redis-cli", "-p", str(port), "SET", "motd", "hello"], stdout=out, stderr=out
        )
    expect(CLI_LOG, n, r"^(\(error\) )?OOM " + oom, INC_OOM, note="redis-cli")
    n = line_count(APP_LOG)
    log.warning("evicting sessions to avoid OOM command not allowed errors")
    log.info("memory check: used_memory > maxmemory? no")
    near(
        APP_LOG,
        n,
        r"OOM command not allowed errors|used_memory > maxmemory\? no",
        INC_OOM,
        count=2,
        note="prose/question",
    )
    r.flushall()


def refused(port: int, log) -> None:  # type: ignore[no-untyped-def]
    n = line_count(APP_LOG)
    r = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=2)
    try:
        r.get("rate-limit:checkout")
    except redis.exceptions.ConnectionError:
        log.exception("rate limiter unavailable")
    try:
        redis.Redis(host="127.0.0.1", port=port + 1).ping()
    except redis.exceptions.ConnectionError as exc:
        log.error("health: redis down: %s", exc)
    pat = r"Error 111 connecting to 127\.0\.0\.1:\d+\. Connection refused\.$"
    expect(
        APP_LOG, n, r"^redis\.exceptions\.ConnectionError: " + pat, INC_REFUSED, note="traceback"
    )
    expect(APP_LOG, n, r"health: redis down: " + pat, INC_REFUSED, note="str()")


def other_errors(port: int, log) -> None:  # type: ignore[no-untyped-def]
    r = redis.Redis(port=port)
    r.rpush("queue:mail", "a")
    n = line_count(APP_LOG)
    try:
        r.get("queue:mail")
    except redis.exceptions.ResponseError:
        log.exception("read cache key")
    near(APP_LOG, n, r"^redis\.exceptions\.ResponseError: WRONGTYPE", INC_OOM, note="WRONGTYPE")
    n = line_count(APP_LOG)
    log.info("reconnected to 127.0.0.1:%d after Connection refused (attempt 3)", port)
    near(APP_LOG, n, r"after Connection refused", INC_REFUSED, note="recovery info")


def job_timeouts(port: int, timeout: int, log) -> None:  # type: ignore[no-untyped-def]
    conn = redis.Redis(port=port)
    q = Queue("indexing", connection=conn)
    q.enqueue("jobs.rebuild_search_index", timeout + 3, job_timeout=timeout)
    q.enqueue("jobs.send_digest", 7)
    q.enqueue("jobs.ping")
    n = line_count(WORKER_LOG)
    with WORKER_LOG.open("a") as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "rq.cli",
                "worker",
                "--burst",
                "--url",
                f"redis://127.0.0.1:{port}",
                "--name",
                f"worker-{port}",
                "--disable-job-desc-logging",
                "indexing",
            ],
            cwd=HERE,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )
    expect(
        WORKER_LOG,
        n,
        r"JobTimeoutException: Task exceeded maximum timeout value "
        rf"\({timeout} seconds\)$",
        INC_JOBTIMEOUT,
        note="rq worker",
    )
    near(
        WORKER_LOG,
        n,
        r"ZeroDivisionError: division by zero$",
        INC_JOBTIMEOUT,
        note="other job failure",
    )


def main() -> None:
    log = app_logger("cache", APP_LOG, "%(asctime)s %(levelname)-8s %(name)s %(message)s")
    for port, maxmemory, closed, timeout in ((56379, "2mb", 56390, 1), (56380, "3mb", 56492, 2)):
        say(f"redis-server on {port}: maxmemory={maxmemory}; closed port {closed}")
        proc = start(port, maxmemory)
        try:
            out_of_memory(port, log)
            refused(closed, log)
            other_errors(port, log)
            job_timeouts(port, timeout, log)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
