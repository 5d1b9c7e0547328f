"""Prose that is no log text, and log text after prose (issue #11, fourth pass): words after
a reporting verb that count or introduce a block (`logged one error per event:`), a class
whose message is only a number (`the SystemExit: 1 tracebacks are …`), a traceback's chain
line quoted, a label that ends in a class (`there is the error OSError: …`), a program's own
label after prose (`Also the copy step: cp: error writing …`). docs/incident-log-format.md;
the log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, incident, symptoms_of

from matcher.incidents.reader import parse_incident_log


@pytest.mark.parametrize(
    "bullet",
    [
        "- The publisher logged one error per event:",
        "* The importer logged 300 errors in ten minutes.",
        "* The job printed several warnings about the batch size",
        "* Then it reported the same thing again for every batch:",
        "- the SystemExit: 1 tracebacks are the killed workers, same incident",
        "* SystemExit: 2 — the arbiter killing it",
        "* `SystemExit: 1`",
        '* (the second one is "during handling of the above exception")',
        "* Followed by `The above exception was the direct cause of the following exception:`",
    ],
)
def test_prose_and_tracebacks_own_lines_are_no_symptom(bullet: str) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description is not None and bullet[2:] in found.description


@pytest.mark.parametrize(
    ("bullet", "symptoms"),
    [
        (  # the reporting verb still takes plain words that are the message
            "* the audit export said database or disk is full",
            ("database or disk is full",),
        ),
        (  # a number that names the error is a message
            "* App log: HTTPError: 503 Service Unavailable",
            ("HTTPError: 503 Service Unavailable",),
        ),
        (  # the class stays in front of its message, the prose before it is no label
            "* In the backup-job log there is the error OSError: [Errno 28] No space left on"
            " device, two times.",
            ("OSError: [Errno 28] No space left on device",),
        ),
        (
            "* Also the copy step: cp: error writing '/backup/2026-11-01/db.dump': No space left"
            " on device",
            ("cp: error writing '<path>': No space left on device",),
        ),
        (
            "- Then the restore step: tar: /srv/restore/base.tar: Cannot write: No space left on"
            " device",
            ("tar: <path>: Cannot write: No space left on device",),
        ),
    ],
)
def test_log_text_after_prose(bullet: str, symptoms: tuple[str, ...]) -> None:
    assert symptoms_of(bullet) == symptoms


def test_a_programs_label_after_prose_matches_the_real_line(tmp_path: Path) -> None:
    item = (
        "* Also the copy step: cp: error writing '/backup/2026-11-01/db.dump': No space left on"
        " device"
    )
    assert {14, 41} <= flagged(tmp_path, item, "backup-job.log")


def test_a_class_with_a_number_only_does_not_flag_the_killed_workers(tmp_path: Path) -> None:
    bullets = "* [CRITICAL] WORKER TIMEOUT (pid:418)\n* the SystemExit: 1 tracebacks are the killed"
    lines = flagged(tmp_path, bullets + " workers, same incident", "gunicorn-export.log")
    log = (Path(__file__).parent / "data/postmortems/logs/gunicorn-export.log").read_text()
    exits = {n for n, line in enumerate(log.splitlines(), 1) if line.startswith("SystemExit")}
    assert exits and lines and not exits & lines
