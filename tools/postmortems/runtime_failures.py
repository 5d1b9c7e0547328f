"""Runtime failures: Node.js (connection refused, heap limit) and gunicorn worker timeouts.

Two rounds with other ports, heap limits and worker timeouts.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import requests
from harness import LOGS, expect, line_count, near, say

NODE_LOG = LOGS / "node-services.log"
GUNICORN_LOG = LOGS / "gunicorn-export.log"
INC_NODE_REFUSED = "INC-PM-119"
INC_HEAP = "INC-PM-120"
INC_WORKER = "INC-PM-121"
HERE = Path(__file__).resolve().parent


def _no_control_socket() -> list[str]:
    """gunicorn >= 25 opens a control socket under $HOME unless told not to."""
    out = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return ["--no-control-socket"] if "--no-control-socket" in out else []


NO_CONTROL_SOCKET = _no_control_socket()


def node(*args: str) -> None:
    with NODE_LOG.open("a") as out:
        subprocess.run(
            ["node", *args],
            cwd=HERE,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )


def node_refused(port: int) -> None:
    n = line_count(NODE_LOG)
    node("node_failures.js", "refused", str(port))
    expect(
        NODE_LOG,
        n,
        r"(^|request failed )Error: connect ECONNREFUSED 127\.0\.0\.1:\d+$",
        INC_NODE_REFUSED,
        count=2,
        note="handled + unhandled",
    )


def node_heap(limit_mb: int) -> None:
    n = line_count(NODE_LOG)
    node(f"--max-old-space-size={limit_mb}", "node_failures.js", "heap", str(limit_mb))
    expect(
        NODE_LOG, n, r"^FATAL ERROR: .*JavaScript heap out of memory$", INC_HEAP, note="V8 fatal"
    )
    n = line_count(NODE_LOG)
    node("node_failures.js", "near", str(limit_mb))
    near(
        NODE_LOG,
        n,
        r"MaxListenersExceededWarning: Possible EventEmitter memory leak",
        INC_HEAP,
        note="memory warning",
    )
    near(
        NODE_LOG,
        n,
        r"RangeError: Maximum call stack size exceeded$",
        INC_HEAP,
        note="other RangeError",
    )
    near(NODE_LOG, n, r"no out of memory\)$", INC_HEAP, note="info prose")


def gunicorn_timeout(port: int, timeout: int) -> None:
    n = line_count(GUNICORN_LOG)
    with GUNICORN_LOG.open("a") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                str(timeout),
                "--graceful-timeout",
                "1",
                "--chdir",
                str(HERE),
                "--error-logfile",
                "-",
                *NO_CONTROL_SOCKET,
                "slow_app:app",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        near(GUNICORN_LOG, n, r"\[INFO\] Booting worker with pid: \d+$", INC_WORKER, note="boot")
        n = line_count(GUNICORN_LOG)
        for path in ("/export", "/export"):
            with contextlib.suppress(requests.RequestException):
                requests.get(f"http://127.0.0.1:{port}{path}", timeout=timeout + 15)
        expect(
            GUNICORN_LOG,
            n,
            r"\[CRITICAL\] WORKER TIMEOUT \(pid:\d+\)$",
            INC_WORKER,
            count=2,
            note="arbiter",
        )
        # the sync worker aborts the request: a SystemExit traceback, not the incident's line
        near(GUNICORN_LOG, n, r"^SystemExit: 1$", INC_WORKER, count=2, note="worker abort")
        near(
            GUNICORN_LOG,
            n,
            r"\[INFO\] Booting worker with pid: \d+$",
            INC_WORKER,
            count=2,
            note="reboot",
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    time.sleep(0.2)


def main() -> None:
    for port, heap, timeout in ((58931, 24, 1), (58942, 40, 2)):
        say(f"node refused {port}, heap {heap} MB, gunicorn --timeout {timeout}")
        node_refused(port)
        node_heap(heap)
        gunicorn_timeout(port + 1000, timeout)


if __name__ == "__main__":
    main()
