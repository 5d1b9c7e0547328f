"""Tiny Flask + SQLAlchemy API, run under gunicorn by make_samples.sh, to produce sample logs.

It reproduces INC-2024-001 for real: the engine gets a deliberately tiny pool
(pool_size=2, max_overflow=0, pool_timeout=1), so a burst of concurrent /api/report
requests (each holding a connection for ``pg_sleep``) exhausts the QueuePool and the
waiting requests fail with ``sqlalchemy.exc.TimeoutError: QueuePool limit of size 2
overflow 0 reached ...``, logged with ``logger.exception``.

POST /api/users with an e-mail that already exists hits the real PostgreSQL unique index
``ix_users_email`` (INC-2024-002) and is logged the same way.

Logging:
* text records go to stderr in gunicorn's format (make_samples.sh sends gunicorn's error
  and access logs to the same stream -> sample_logs/gunicorn-app.log);
* every record, plus one "request completed" record per request, also goes as JSON lines
  to $SAMPLE_APP_JSON_LOG (-> sample_logs/app-json.log). A record with an exception carries
  it as ``"error": str(exc)`` and ``"exc_type"``.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
import time
from typing import Any

from flask import Flask, g, jsonify, request
from jsonlog import JsonLinesFormatter
from models import User, make_engine
from sqlalchemy import exc, insert, select, text
from sqlalchemy.engine import Engine

POOL_SIZE = 2
MAX_OVERFLOW = 0
POOL_TIMEOUT = 1


def _configure_logging() -> tuple[logging.Logger, logging.Logger]:
    log = logging.getLogger("sample_api")
    access = logging.getLogger("sample_api.requests")
    if log.handlers:  # already configured (module imported twice, e.g. by pytest)
        return log, access
    log.setLevel(logging.INFO)
    text_handler = logging.StreamHandler(sys.stderr)
    text_handler.setFormatter(
        logging.Formatter(
            "[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s",
            datefmt="%Y-%m-%d %H:%M:%S %z",
        )
    )
    log.addHandler(text_handler)
    json_path = os.environ.get("SAMPLE_APP_JSON_LOG")
    if json_path:
        json_handler = logging.FileHandler(json_path, encoding="utf-8")
        json_handler.setFormatter(JsonLinesFormatter())
        log.addHandler(json_handler)
        # per-request records only go to the JSON log (gunicorn writes the text access log)
        access.addHandler(json_handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    return log, access


log, request_log = _configure_logging()

engine: Engine = make_engine(
    pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_timeout=POOL_TIMEOUT
)
app = Flask("sample_api")
_request_ids = itertools.count(1)
_request_ids_lock = threading.Lock()

log.info(
    "engine configured: pool=%s pool_size=%d max_overflow=%d pool_timeout=%ds",
    type(engine.pool).__name__,
    POOL_SIZE,
    MAX_OVERFLOW,
    POOL_TIMEOUT,
)


@app.before_request
def _start_timer() -> None:
    with _request_ids_lock:
        g.request_id = f"req-{next(_request_ids):04d}"
    g.started = time.perf_counter()


@app.after_request
def _log_request(response: Any) -> Any:
    request_log.info(
        "request completed",
        extra={
            "request_id": g.get("request_id"),
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.get("started", 0.0)) * 1000, 1),
            "remote_addr": request.remote_addr,
        },
    )
    return response


@app.get("/healthz")
def healthz() -> Any:
    return jsonify(status="ok")


@app.get("/api/users")
def list_users() -> Any:
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(User.id, User.email, User.username).order_by(User.id).limit(50)
            ).all()
    except exc.TimeoutError:
        log.exception("database unavailable for %s %s", request.method, request.path)
        return jsonify(error="database unavailable"), 500
    log.info("listed %d users", len(rows))
    return jsonify(users=[{"id": r.id, "email": r.email, "username": r.username} for r in rows])


@app.post("/api/users")
def create_user() -> Any:
    payload = request.get_json(force=True)
    try:
        with engine.begin() as conn:
            new_id = conn.execute(
                insert(User).returning(User.id),
                {
                    "email": payload["email"],
                    "username": payload["username"],
                    "full_name": payload.get("full_name", ""),
                },
            ).scalar_one()
    except exc.IntegrityError:
        log.exception("could not create user %s", payload["username"])
        return jsonify(error="user already exists"), 409
    except exc.TimeoutError:
        log.exception("database unavailable for %s %s", request.method, request.path)
        return jsonify(error="database unavailable"), 500
    log.info("created user id=%d username=%s", new_id, payload["username"])
    return jsonify(id=new_id), 201


@app.get("/api/report")
def report() -> Any:
    """Slow aggregate query: holds its pooled connection for ?sleep= seconds (max 3)."""
    sleep_s = min(float(request.args.get("sleep", "0.1")), 3.0)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_sleep(:s)"), {"s": sleep_s})
            total = conn.execute(text("SELECT count(*) FROM users")).scalar_one()
    except exc.TimeoutError:
        log.exception("database unavailable for %s %s", request.method, request.path)
        return jsonify(error="database unavailable"), 500
    log.info("report generated: %d users (%.1fs query)", total, sleep_s)
    return jsonify(users=total)
