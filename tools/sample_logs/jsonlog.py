"""Hand-rolled python-json-logger look-alike used by app.py (and near_misses.py)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

EXTRA_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "remote_addr")


class JsonLinesFormatter(logging.Formatter):
    """One ``json.dumps()`` object per record; an exception goes in ``error``/``exc_type``."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, tz=dt.timezone.utc).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "pid": record.process,
            "thread": record.threadName,
            "message": record.getMessage(),
        }
        for key in EXTRA_FIELDS:
            if hasattr(record, key):
                doc[key] = getattr(record, key)
        if record.exc_info and record.exc_info[1] is not None:
            err = record.exc_info[1]
            doc["exc_type"] = f"{type(err).__module__}.{type(err).__qualname__}"
            doc["error"] = str(err)
        return json.dumps(doc)
