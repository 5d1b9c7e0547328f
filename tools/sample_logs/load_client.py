"""Bounded client for app.py: a few normal requests, one duplicate POST, one concurrent burst.

Bounded in count (fixed list of requests, --burst <= 8) and time (every request has a
10 s timeout, the whole run a --deadline). Prints one line per request to stdout and
exits non-zero if the burst produced no 500 (i.e. the pool was not exhausted).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

TIMEOUT_S = 10.0


def call(base: str, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    print(f"{method} {path} -> {status}", flush=True)
    return status, json.loads(raw or b"null")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--burst", type=int, default=5)
    parser.add_argument("--report-sleep", type=float, default=2.0)
    parser.add_argument("--deadline", type=float, default=60.0)
    args = parser.parse_args()
    burst = max(1, min(args.burst, 8))
    started = time.monotonic()
    base = args.base_url.rstrip("/")

    call(base, "GET", "/healthz")
    _, users = call(base, "GET", "/api/users")
    call(base, "GET", "/api/report?sleep=0.1")
    call(
        base,
        "POST",
        "/api/users",
        {"email": "ops.oncall@example.net", "username": "oncall", "full_name": "Ops Oncall"},
    )
    # same e-mail as an existing seeded user -> unique index ix_users_email (INC-2024-002)
    first = users["users"][0]
    call(
        base,
        "POST",
        "/api/users",
        {"email": first["email"], "username": "reimport-0001", "full_name": "Re Import"},
    )

    # concurrent burst: only 2 pooled connections, each request holds one for --report-sleep
    with ThreadPoolExecutor(max_workers=burst) as pool:
        futures = [
            pool.submit(call, base, "GET", f"/api/report?sleep={args.report_sleep}")
            for _ in range(burst)
        ]
        statuses = [f.result()[0] for f in futures]

    call(base, "GET", "/api/users")
    call(base, "GET", "/healthz")
    elapsed = time.monotonic() - started
    print(f"burst statuses: {sorted(statuses)}; elapsed {elapsed:.1f}s", flush=True)
    if elapsed > args.deadline:
        print("deadline exceeded", file=sys.stderr)
        return 2
    return 0 if 500 in statuses else 1


if __name__ == "__main__":
    sys.exit(main())
