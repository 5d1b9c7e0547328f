"""``watch DIR…`` end to end: a real subprocess on real directories, with the inotify and the
polling observer; signals, cooldown and exit codes."""

from __future__ import annotations

import gzip
import shutil
import signal
from pathlib import Path

import pytest
from live_helpers import (
    Tool,
    findings,
    line,
    match_line,
    read_records,
    seqs,
    wait_for,
    wait_seqs,
    write_signatures,
)

observers = pytest.mark.parametrize("observer", ["inotify", "poll"])
INC2 = """\
id: INC-2
title: disk full
severity: critical
symptoms: ['No space left on device: <path>']
resolution: free some space
"""


def append(path: Path, first: int, count: int = 1) -> None:
    with open(path, "a") as fh:
        fh.write("".join(line(seq, 1) for seq in range(first, first + count)))


def watch(tmp: Path, observer: str, *args: object) -> Tool:
    state = tmp / "state.json"
    base = ["watch", *args, "-s", tmp / "sigs", "-f", "json", "-o", tmp / "out.jsonl"]
    write_signatures(tmp)
    return Tool([*base, "--state", state, "--grace", "0.3"], tmp, observer)


@observers
def test_new_files_are_followed_at_once_within_the_globs(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    append(logs / "present.log", 0, 3)
    (logs / "sub").mkdir()
    tool = watch(
        tmp_path,
        observer,
        logs,
        "--include",
        "*.log",
        "--include",
        "*.log.*",
        "--exclude",
        "debug*",
    )
    try:
        tool.start(wait_ready=state)
        append(logs / "present.log", 10)  # present at start-up: from its end
        append(logs / "new.log", 20, 2)  # appears later: from its beginning
        append(logs / "debug.log", 30)  # excluded
        append(logs / "notes.txt", 40)  # not included
        append(logs / "sub" / "deep.log", 50)  # not --recursive
        (logs / "app.log.2.gz").write_bytes(gzip.compress(match_line(60).encode()))  # compressed
        wait_seqs(out, [10, 20, 21])
        append(logs / "new.log", 22)
        wait_seqs(out, [10, 20, 21, 22])
        assert tool.stop() == 0
        assert sorted(seqs(out)) == [10, 20, 21, 22]
    finally:
        tool.close()


@observers
def test_recursive_and_compressed(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    tool = watch(tmp_path, observer, logs, "--recursive", "--compressed")
    try:
        tool.start(wait_ready=state)
        (logs / "a" / "b").mkdir(parents=True)  # a new subdirectory is watched at once
        append(logs / "a" / "b" / "deep.log", 0, 2)
        wait_seqs(out, [0, 1])
        data = "".join(line(seq, 1) for seq in range(100, 103)).encode()
        (logs / "a" / "old.log.1.gz").write_bytes(gzip.compress(data))
        wait_seqs(out, [0, 1, 100, 101, 102])  # read whole once it stopped changing
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_deleted_and_recreated_directory_is_picked_up_again(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    tool = watch(tmp_path, observer, logs)
    try:
        tool.start(wait_ready=state)
        append(logs / "a.log", 0)
        wait_seqs(out, [0])
        shutil.rmtree(logs)
        wait_for(lambda: "directory is gone" in tool.stderr, what="the warning")
        logs.mkdir()
        append(logs / "b.log", 10, 2)
        wait_seqs(out, [0, 10, 11])
        append(logs / "b.log", 12)
        wait_seqs(out, [0, 10, 11, 12])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_sighup_reloads_and_keeps_the_old_set_on_error(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    tool = watch(tmp_path, observer, logs)
    try:
        tool.start(wait_ready=state)
        append(logs / "a.log", 0)
        wait_seqs(out, [0])
        (tmp_path / "sigs" / "inc2.yml").write_text(INC2)
        tool.signal(signal.SIGHUP)
        wait_for(lambda: "reloaded 2 signature(s)" in tool.stderr, what="the reload")
        assert "matcher: reloaded 2 signature(s)" in tool.stderr  # information, not a warning
        with open(logs / "a.log", "a") as fh:
            fh.write("2024-05-01T12:00:00.000Z ERROR No space left on device: /var seq=1\n")
        wait_for(
            lambda: [r["incident"] for r in findings(out)] == ["INC-1", "INC-2"],
            what="INC-2 found, INC-1 not again",
        )
        (tmp_path / "sigs" / "inc2.yml").write_text(INC2.replace("severity: critical", "sev: x"))
        tool.signal(signal.SIGHUP)
        wait_for(lambda: "keeping the previous set" in tool.stderr, what="the reload error")
        assert "inc2.yml" in tool.stderr
        append(logs / "a.log", 2)
        wait_for(lambda: len(findings(out)) == 3, what="still scanning")
        tool.signal(signal.SIGINT)
        assert tool.wait() == 0
        assert [r["incident"] for r in findings(out)] == ["INC-1", "INC-2", "INC-1"]
    finally:
        tool.close()


@observers
def test_cooldown_counts_repeats_then_writes_a_repeat_record(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    tool = watch(tmp_path, observer, logs, "--cooldown", "1")
    other = "2024-05-01T12:00:00.000Z ERROR QueuePool limit of size 9 overflow 1 reached seq=99\n"
    try:
        tool.start(wait_ready=state)
        with open(logs / "a.log", "a") as fh:
            fh.write(match_line(0) + match_line(1) + other + match_line(2) + match_line(3))
        repeats = wait_for(
            lambda: [r for r in read_records(out) if "count" in r], what="a repeat record"
        )
        assert repeats == [
            {
                "schema": "incident-matcher/repeat/v1",
                "incident": "INC-1",
                "captures": {"x": "5", "y": "10"},
                "count": 3,
                "first": repeats[0]["first"],
                "last": repeats[0]["last"],
                "window": 1.0,
                "finding": findings(out)[0]["id"],
            }
        ]
        assert sorted(seqs(out)) == [0, 99]
        assert tool.stop() == 0
    finally:
        tool.close()
