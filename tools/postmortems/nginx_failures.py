"""nginx failures: a port already in use, a refused upstream, a body over the limit.

Two rounds with other ports and limits, as after a config change. The error log is
nginx's own (error_log at notice level); the CLI log is what `nginx` prints on stderr.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import requests
from harness import LOGS, WORK, expect, line_count, near, say

ERROR_LOG = LOGS / "nginx-error.log"
STDERR_LOG = LOGS / "nginx-stderr.log"
ACCESS_LOG = LOGS / "nginx-access.log"
INC_BIND = "INC-PM-112"
INC_UPSTREAM = "INC-PM-113"
INC_BODY = "INC-PM-114"
PREFIX = WORK / "nginx"


def write_conf(name: str, port: int, upstream: int, body_limit: str) -> str:
    conf = f"""
worker_processes 1;
pid {PREFIX}/{name}.pid;
error_log {ERROR_LOG} notice;
events {{ worker_connections 64; }}
http {{
    access_log {ACCESS_LOG};
    client_body_temp_path {PREFIX}/body;
    proxy_temp_path {PREFIX}/proxy;
    upstream inventory {{
        server 127.0.0.1:{upstream} max_fails=1 fail_timeout=30s;
        server 127.0.0.1:{upstream + 1} max_fails=1 fail_timeout=30s;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name shop.local;
        client_max_body_size {body_limit};
        location /api/ {{ proxy_pass http://inventory; }}
        location /upload {{ return 204; }}
    }}
}}
"""
    path = PREFIX / f"{name}.conf"
    path.write_text(conf)
    return str(path)


def nginx(*args: str) -> subprocess.CompletedProcess[bytes]:
    with STDERR_LOG.open("a") as err:
        return subprocess.run(
            ["nginx", "-p", str(PREFIX), "-e", "stderr", *args], stdout=err, stderr=err, timeout=60
        )


def port_in_use(port: int) -> None:
    conf = write_conf("busy", port, port + 1, "1m")
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", port))
    holder.listen()
    n_err, n_std = line_count(ERROR_LOG), line_count(STDERR_LOG)
    nginx("-c", conf)  # tries 5 times, then gives up
    holder.close()
    bind = (
        rf"\[emerg\] (\d+#\d+: )?bind\(\) to 127\.0\.0\.1:{port} failed "
        r"\(98: Address already in use\)$"
    )
    expect(ERROR_LOG, n_err, bind, INC_BIND, count=5, note="error log")
    expect(STDERR_LOG, n_std, bind, INC_BIND, count=5, note="stderr")
    expect(
        ERROR_LOG, n_err, r"\[emerg\] \d+#\d+: still could not bind\(\)$", INC_BIND, note="gave up"
    )
    expect(
        STDERR_LOG,
        n_std,
        r"^nginx: \[emerg\] still could not bind\(\)$",
        INC_BIND,
        note="gave up (stderr)",
    )
    # same stack, other [emerg]: a bad directive
    bad = PREFIX / "bad.conf"
    bad.write_text(
        f"events {{}}\nhttp {{ server {{ listen 127.0.0.1:{port}; proxy_buffer 8k; }} }}\n"
    )
    n_std = line_count(STDERR_LOG)
    nginx("-t", "-c", str(bad))
    near(
        STDERR_LOG,
        n_std,
        r"\[emerg\] (\d+#\d+: )?unknown directive \"proxy_buffer\"",
        INC_BIND,
        note="other emerg",
    )


def upstream_and_body(port: int, upstream: int, limit: str, body: int) -> None:
    conf = write_conf("shop", port, upstream, limit)
    n_err = line_count(ERROR_LOG)
    nginx("-c", conf)
    try:
        _traffic(conf, port, upstream, body, n_err)
    finally:
        pidfile = PREFIX / "shop.pid"
        if pidfile.exists():  # a failed step must not leave nginx running
            subprocess.run(["kill", "-QUIT", pidfile.read_text().strip()], check=False)


def _traffic(conf: str, port: int, upstream: int, body: int, n_err: int) -> None:
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    near(
        ERROR_LOG,
        n_err,
        r"\[notice\] \d+#\d+: start worker process \d+$",
        INC_BIND,
        note="startup notice",
    )
    n_err = line_count(ERROR_LOG)
    requests.get(f"{base}/api/orders/{port * 3}", timeout=5)
    expect(
        ERROR_LOG,
        n_err,
        r"\[error\] \d+#\d+: \*\d+ connect\(\) failed \(111: Connection "
        r"refused\) while connecting to upstream, .*upstream: \"http://127\.0\.0\.1:\d+/",
        INC_UPSTREAM,
        count=2,
        note="refused upstream (both servers)",
    )
    near(
        ERROR_LOG,
        n_err,
        r"\[warn\] .*upstream server temporarily disabled",
        INC_UPSTREAM,
        count=2,
        note="warn after the error",
    )
    n_err = line_count(ERROR_LOG)
    requests.get(f"{base}/api/stock", timeout=5)  # the server is now marked failed
    near(
        ERROR_LOG,
        n_err,
        r"no live upstreams while connecting to upstream",
        INC_UPSTREAM,
        note="no live upstreams",
    )
    n_err = line_count(ERROR_LOG)
    requests.post(f"{base}/upload", data=b"x" * body, timeout=5)
    expect(
        ERROR_LOG,
        n_err,
        rf"\[error\] \d+#\d+: \*\d+ client intended to send too large body: "
        rf"{body} bytes, client: 127\.0\.0\.1",
        INC_BODY,
        note="413",
    )
    requests.post(f"{base}/upload", data=b"x" * 100, timeout=5)
    n_std = line_count(STDERR_LOG)
    with STDERR_LOG.open("a") as err:
        subprocess.run(
            ["nginx", "-p", str(PREFIX), "-e", "stderr", "-c", conf, "-s", "quit"],
            stdout=err,
            stderr=err,
            timeout=30,
        )
    near(
        STDERR_LOG,
        n_std,
        r"\[notice\] \d+#\d+: signal process started",
        INC_BIND,
        note="shutdown notice",
    )
    time.sleep(1)


def main() -> None:
    shutil.rmtree(PREFIX, ignore_errors=True)
    (PREFIX / "logs").mkdir(parents=True)
    for port, upstream, limit, body in (
        (58181, 58199, "1m", 1572864),
        (58282, 58299, "4m", 6291456),
    ):
        say(f"nginx on {port}: upstream {upstream}, client_max_body_size {limit}")
        port_in_use(port)
        upstream_and_body(port, upstream, limit, body)


if __name__ == "__main__":
    main()
