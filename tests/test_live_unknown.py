"""`matcher watch --unknown`: error-like events no signature explains are reported as their
own records while the logs are written (never as findings), so a fleet sees new failure
kinds as they appear; an explained traceback gives a finding and no unknown record."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from live_helpers import Tool, read_records, wait_for, write_signatures

EXPLAINED = (
    "2024-05-01T12:00:00.000Z ERROR request failed\n"
    "Traceback (most recent call last):\n"
    '  File "/srv/app/db.py", line 12, in checkout\n'
    "    conn = pool.get()\n"
    "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached\n"
)
UNEXPLAINED = (
    "2024-05-01T12:00:01.000Z ERROR export failed\n"
    "Traceback (most recent call last):\n"
    '  File "/srv/app/export.py", line 40, in run\n'
    "    write(path)\n"
    "PermissionError: [Errno 13] Permission denied: '/srv/export/out.csv'\n"
)
QUIET = "2024-05-01T12:00:02.000Z INFO all good\n"


@pytest.mark.parametrize("observer", ["inotify", "poll"])
def test_watch_unknown_reports_new_failures_as_their_own_records(
    tmp_path: Path, observer: str
) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    args = ["watch", logs, "-s", sigs, "--state", state, "-o", out, "-f", "json", "--unknown"]
    tool = Tool(args, tmp_path, observer)
    try:
        tool.start(wait_ready=state)
        (logs / "app.log").write_text(EXPLAINED + UNEXPLAINED + QUIET)
        records = wait_for(lambda: len(read_records(out)) >= 2 and read_records(out), what="2")
        assert tool.stop() == 0
    finally:
        tool.close()
    records = read_records(out)
    kinds = sorted(r["schema"] for r in records)
    assert kinds == ["incident-matcher/finding/v1", "incident-matcher/unknown/v1"], records
    (unknown,) = [r for r in records if r["schema"].endswith("unknown/v1")]
    assert (unknown["first_line"], unknown["line"], unknown["last_line"]) == (6, 10, 10)
    assert unknown["text"].startswith("PermissionError: [Errno 13] Permission denied")
    assert unknown["kind"] == "traceback" and unknown["source"] == str(logs / "app.log")
    (finding,) = [r for r in records if r["schema"].endswith("finding/v1")]
    assert finding["incident"] == "INC-1" and finding["line"] == 5


def test_without_unknown_no_unknown_records(tmp_path: Path) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    args = ["watch", logs, "-s", write_signatures(tmp_path), "--state", state, "-o", out]
    tool = Tool([*args, "-f", "json"], tmp_path)
    try:
        tool.start(wait_ready=state)
        (logs / "app.log").write_text(UNEXPLAINED + EXPLAINED + QUIET)
        wait_for(lambda: read_records(out), what="the finding")
        tool.signal(signal.SIGTERM)
        assert tool.wait() == 0
    finally:
        tool.close()
    assert [json.dumps(r["schema"]) for r in read_records(out)] == ['"incident-matcher/finding/v1"']
