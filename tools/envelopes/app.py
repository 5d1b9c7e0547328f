"""A small real application for the envelope samples: Python ``logging`` records, two
``logger.exception`` tracebacks (sqlite3's IntegrityError, an explicit chain) and a record
longer than 16 KiB. ``--json`` writes one JSON object per record with python-json-logger,
``--logfmt`` logfmt with logfmter (both installed by make_samples.sh in a throw-away venv), as
a containerised service would. ``--stderr`` writes to stderr, ``--slow`` waits 50 ms before each
record (two writers then interleave)."""

from __future__ import annotations

import logging
import sqlite3
import sys
import time


def configure(json_output: bool) -> logging.Logger:
    handler = logging.StreamHandler(sys.stderr if "--stderr" in sys.argv else sys.stdout)
    if "--logfmt" in sys.argv:
        from logfmter import Logfmter  # type: ignore[import-not-found]

        handler.setFormatter(
            Logfmter(keys=["at", "logger"], mapping={"at": "levelname", "logger": "name"})
        )
    elif json_output:
        from pythonjsonlogger import jsonlogger  # type: ignore[import-not-found]

        handler.setFormatter(
            jsonlogger.JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s")
        )
    log = logging.getLogger("users.import")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


def main() -> None:
    json_output = "--json" in sys.argv
    log = configure(json_output)
    if "--slow" in sys.argv:  # a record every 50 ms, so that two writers interleave
        log.addFilter(lambda record: time.sleep(0.05) or True)
    log.info("importing users (sqlite %s)", sqlite3.sqlite_version)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE users (email TEXT UNIQUE)")
    db.execute("INSERT INTO users VALUES ('ada@example.org')")
    try:
        db.execute("INSERT INTO users VALUES ('ada@example.org')")
    except sqlite3.IntegrityError:
        log.exception("could not create user ada@example.org")
    try:
        try:
            {}["quota"]
        except KeyError as exc:
            raise RuntimeError('quota lookup failed for tenant "acme" (café)') from exc
    except RuntimeError:
        log.exception("request failed")
    if "--long" in sys.argv:
        emails = ", ".join(f"user{i:05d}@example.org" for i in range(900))
        log.warning("batch rejected: %s", emails)
    log.info("import finished")


if __name__ == "__main__":
    main()
