"""``follow`` (``matcher scan --follow``) end to end: a real subprocess on real files, with the
inotify and the polling observer. Every wait polls with a deadline."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from live_helpers import (
    Tool,
    findings,
    line,
    match_line,
    reuse_inode,
    seqs,
    wait_for,
    wait_seqs,
    write_signatures,
)

observers = pytest.mark.parametrize("observer", ["inotify", "poll"])


def append(path: Path, first: int, count: int = 1) -> None:
    with open(path, "a") as fh:
        fh.write("".join(line(seq, 1) for seq in range(first, first + count)))


def follow(tmp: Path, observer: str, *paths: Path, options: tuple[object, ...] = ()) -> Tool:
    args = ["follow", *paths, "-s", write_signatures(tmp), "-f", "json", "-o", tmp / "out.jsonl"]
    return Tool([*args, *options], tmp, observer)


@observers
def test_starts_at_the_end_and_reports_a_partial_line_at_shutdown(
    tmp_path: Path, observer: str
) -> None:
    log, out = tmp_path / "app.log", tmp_path / "out.jsonl"
    append(log, 0, 3)
    tool = follow(tmp_path, observer, log)
    try:
        tool.start()
        wait_for(lambda: "following 1 file" in tool.stderr, what="ready")
        append(log, 10)
        wait_seqs(out, [10])
        with open(log, "a") as fh:
            fh.write(match_line(11).rstrip("\n"))  # no newline: waits for it
        assert tool.stop() == 0
        records = findings(out)
        assert [r["partial"] for r in records] == [False, True]
        assert sorted(seqs(out)) == [10, 11]
        assert (tmp_path / "tool.stdout").read_text() == ""  # findings went to -o
    finally:
        tool.close()


@observers
def test_from_start_never_overrides_the_state(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    append(log, 0, 3)
    tool = follow(tmp_path, observer, log, options=("--from-start", "--state", state))
    try:
        tool.start(wait_ready=state)
        wait_seqs(out, [0, 1, 2])
        assert tool.stop() == 0
        with open(log, "a") as fh:
            fh.write(line(3, 1) + match_line(4).rstrip("\n"))  # a partial line: for next run
        tool.start(wait_ready=state)
        wait_seqs(out, [0, 1, 2, 3])
        with open(log, "a") as fh:
            fh.write("\n")
        wait_seqs(out, [0, 1, 2, 3, 4])
        assert tool.stop() == 0
        assert not any(r["partial"] for r in findings(out))
    finally:
        tool.close()


@observers
def test_rename_rotation_reads_the_old_file_during_the_grace_period(
    tmp_path: Path, observer: str
) -> None:
    log, old, out = tmp_path / "app.log", tmp_path / "app.log.1", tmp_path / "out.jsonl"
    append(log, 0, 2)
    state = tmp_path / "state.json"
    tool = follow(tmp_path, observer, log, options=("--from-start", "--state", state))
    try:
        tool.start(wait_ready=state)
        wait_seqs(out, [0, 1])
        with open(log, "a") as writer:
            log.rename(old)
            append(log, 100)
            wait_seqs(out, [0, 1, 100])
            writer.write(line(2, 1))  # the old writer is still writing to the rotated file
        wait_seqs(out, [0, 1, 2, 100])
        assert tool.stop() == 0
    finally:
        tool.close()
    # the late line is named where it really is: the rotated file, its own line number
    late = [f for f in findings(out) if f["text"].endswith("seq=2")]
    assert [(f["source"], f["line"]) for f in late] == [(str(old), 3)]


@observers
def test_copytruncate_with_the_copy_out_of_scope(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    append(log, 0, 30)
    tool = follow(tmp_path, observer, log, options=("--from-start", "--state", state))
    try:
        tool.start(wait_ready=state)
        wait_seqs(out, list(range(30)))
        tool.signal(signal.SIGSTOP)  # the worst case: the tool sees none of it happen
        try:
            append(log, 30, 5)
            (tmp_path / "app.log.1").write_bytes(log.read_bytes())
            os.truncate(log, 0)
            append(log, 200, 2)
        finally:
            tool.signal(signal.SIGCONT)
        wait_seqs(out, [*range(35), 200, 201])
        assert tool.stop() == 0
        assert len({r["id"] for r in findings(out)}) == 37
    finally:
        tool.close()


@observers
def test_delete_and_recreate(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    tool = follow(tmp_path, observer, log, options=("--state", state))
    try:
        tool.start(wait_ready=state)  # the file does not exist yet: it is waited for
        append(log, 0, 2)
        wait_seqs(out, [0, 1])
        log.unlink()
        append(log, 50, 2)
        wait_seqs(out, [0, 1, 50, 51])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_truncate_then_regrow_between_two_polls(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    tool = follow(tmp_path, observer, log, options=("--state", state))
    try:
        tool.start(wait_ready=state)
        append(log, 0, 10)
        wait_seqs(out, list(range(10)))
        tool.signal(signal.SIGSTOP)  # no poll can fall between the truncation and the regrowth
        try:
            with open(log, "w") as fh:
                fh.write("".join(line(seq, 1) for seq in range(500, 530)))
        finally:
            tool.signal(signal.SIGCONT)
        wait_seqs(out, [*range(10), *range(500, 530)])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_symlink_swap(tmp_path: Path, observer: str) -> None:
    a, b, link = tmp_path / "a.log", tmp_path / "b.log", tmp_path / "current.log"
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    append(a, 0, 2)
    append(b, 100, 2)
    link.symlink_to(a)
    tool = follow(tmp_path, observer, link, options=("--state", state))
    try:
        tool.start(wait_ready=state)
        append(a, 2)
        wait_seqs(out, [2])
        swap = tmp_path / "swap.tmp"
        swap.symlink_to(b)
        swap.replace(link)
        wait_seqs(out, [2, 100, 101])  # the new target appeared later: from its beginning
        append(b, 102)
        wait_seqs(out, [2, 100, 101, 102])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_inode_reuse_while_down_is_a_new_file(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    append(log, 0, 40)
    inode = log.stat().st_ino
    tool = follow(tmp_path, observer, log, options=("--from-start", "--state", state))
    try:
        tool.start(wait_ready=state)
        wait_seqs(out, list(range(40)))
        assert tool.stop() == 0
        log.unlink()
        if not reuse_inode(log, inode, lambda: append(log, 1000, 60)):
            pytest.skip("this file system did not reuse the inode")
        tool.start(wait_ready=state)
        wait_seqs(out, [*range(40), *range(1000, 1060)])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_restart_resumes_after_rotations_while_down(tmp_path: Path, observer: str) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    tool = follow(tmp_path, observer, log, options=("--state", state))
    try:
        tool.start(wait_ready=state)
        append(log, 0, 5)
        wait_seqs(out, list(range(5)))
        tool.kill()
        append(log, 5, 5)  # then rotated by rename while we are down
        log.rename(tmp_path / "app.log.1")
        append(log, 100, 3)
        tool.start(wait_ready=state)
        wait_seqs(out, [*range(10), 100, 101, 102])
        tool.kill()
        append(log, 103, 2)  # then copytruncate while we are down
        (tmp_path / "app.log.1").rename(tmp_path / "app.log.2")
        (tmp_path / "app.log.1").write_bytes(log.read_bytes())
        os.truncate(log, 0)
        append(log, 200, 1)
        tool.start(wait_ready=state)
        wait_seqs(out, [*range(10), *range(100, 105), 200])
        assert tool.stop() == 0
    finally:
        tool.close()
