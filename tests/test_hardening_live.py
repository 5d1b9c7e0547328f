"""Issue #16, live side: a rotated content nobody had read yet (item 1), reloads that would
switch rules off or crash (items 2, 3), an output that is a followed file (item 7), many
files under a low descriptor limit (item 4). Real ``matcher`` processes, both observers;
every wait polls with a deadline."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from live_helpers import (
    ROOT,
    SIGNATURE,
    Tool,
    findings,
    line,
    match_line,
    seqs,
    wait_for,
    wait_seqs,
    write_signatures,
)

observers = pytest.mark.parametrize("observer", ["inotify", "poll"])
INC2 = SIGNATURE.replace("INC-1", "INC-2").replace(
    "QueuePool limit of size <x> overflow <y> reached", "No space left on device: <path>"
)


def append(path: Path, first: int, count: int = 1, every: int = 1) -> None:
    with open(path, "a") as fh:
        fh.write("".join(line(seq, every) for seq in range(first, first + count)))


def holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` (by name, as the kernel shows it) open."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fds / fd) == str(path) for fd in os.listdir(fds))
    except OSError:
        return False


# -- item 1: a content created, written and copytruncated between two looks ------------------


@observers
def test_follow_keeps_a_content_rotated_away_before_it_was_read(
    tmp_path: Path, observer: str
) -> None:
    log, out, state = tmp_path / "app.log", tmp_path / "out.jsonl", tmp_path / "state.json"
    append(log, 0, 3, every=1000)
    sigs = write_signatures(tmp_path)
    args = ["follow", log, "-s", sigs, "-f", "json", "-o", out, "--state", state, "--grace", "1"]
    tool = Tool(args, tmp_path, observer)
    try:
        tool.start(wait_ready=state)
        append(log, 10, 5)
        wait_seqs(out, list(range(10, 15)))
        os.rename(log, f"{log}.1")  # logrotate's `create`: the new file is empty
        log.touch()
        assert tool.proc is not None
        wait_for(lambda: holds_open(tool.proc.pid, log), what="the new app.log opened")
        tool.signal(signal.SIGSTOP)  # the app writes and rotates before the follower looks
        try:
            append(log, 100, 2000, every=80)
            os.rename(f"{log}.1", f"{log}.2")
            shutil.copyfile(log, f"{log}.1")  # copytruncate
            os.truncate(log, 0)
        finally:
            tool.signal(signal.SIGCONT)
        expected = list(range(10, 15)) + [s for s in range(100, 2100) if s % 80 == 0]
        wait_seqs(out, expected)
        assert tool.stop() == 0
        assert sorted(seqs(out)) == expected  # nothing twice
    finally:
        tool.close()


# -- items 2 and 3: a reload never switches rules off, never crashes the watcher -------------


def watch_tool(tmp: Path, observer: str, logs: Path) -> Tool:
    out, state = tmp / "out.jsonl", tmp / "state.json"
    args = ["watch", logs, "-s", tmp / "sigs", "-f", "json", "-o", out, "--state", state]
    return Tool(args, tmp, observer)


def hup(tool: Tool, message: str) -> None:
    before = tool.stderr.count(message)
    tool.signal(signal.SIGHUP)
    wait_for(lambda: tool.stderr.count(message) > before, what=repr(message))


@observers
def test_a_reload_that_finds_no_signature_keeps_the_old_set(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    aside = tmp_path / "aside"
    tool = watch_tool(tmp_path, observer, logs)
    try:
        tool.start(wait_ready=state)
        append(logs / "a.log", 0)
        wait_seqs(out, [0])
        sigs.rename(aside)  # an edit moves the files away for a moment
        sigs.mkdir()
        hup(tool, "keeping the previous set")
        assert "reloaded 0 signature(s)" not in tool.stderr
        append(logs / "a.log", 1, 3)
        wait_seqs(out, [0, 1, 2, 3])  # still found meanwhile
        sigs.rmdir()
        aside.rename(sigs)
        hup(tool, "reloaded 1 signature(s)")
        append(logs / "a.log", 4)
        wait_seqs(out, [0, 1, 2, 3, 4])
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_a_reload_with_fewer_signatures_needs_a_second_hup(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    (sigs / "inc2.yml").write_text(INC2)
    tool = watch_tool(tmp_path, observer, logs)
    try:
        tool.start(wait_ready=state)
        (sigs / "inc1.yml").unlink()
        hup(tool, "keeping the previous set")
        assert "SIGHUP again" in tool.stderr
        append(logs / "a.log", 0)
        wait_seqs(out, [0])  # INC-1 still on
        hup(tool, "reloaded 1 signature(s)")  # the same smaller set again: confirmed
        append(logs / "a.log", 1)
        with open(logs / "a.log", "a") as fh:
            fh.write("2024-05-01T12:00:00.000Z ERROR No space left on device: /var seq=2\n")
        wait_for(lambda: len(findings(out)) == 2, what="INC-2 found")
        assert [r["incident"] for r in findings(out)] == ["INC-1", "INC-2"]  # INC-1 now off
        assert tool.stop() == 0
    finally:
        tool.close()


@observers
def test_a_reload_of_deeply_nested_yaml_keeps_the_watcher_and_the_old_set(
    tmp_path: Path, observer: str
) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    tool = watch_tool(tmp_path, observer, logs)
    try:
        tool.start(wait_ready=state)
        with open(sigs / "inc1.yml", "a") as fh:
            fh.write("tags: " + "[" * 5000 + "]" * 5000 + "\n")
        hup(tool, "keeping the previous set")
        assert f"{sigs / 'inc1.yml'}:6:" in tool.stderr
        append(logs / "a.log", 0)
        wait_seqs(out, [0])
        assert tool.stop() == 0
        assert "Traceback" not in tool.stderr
    finally:
        tool.close()


# -- item 7: the output is one of the followed files ------------------------------------------


@observers
def test_follow_and_watch_refuse_an_output_they_would_read(tmp_path: Path, observer: str) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    log = logs / "y.log"
    append(log, 0, 50)
    before = log.read_bytes()
    sigs = write_signatures(tmp_path)
    for args in (
        ["follow", log, "-s", sigs, "--from-start", "-o", log],
        ["watch", logs, "-s", sigs, "--from-start", "-o", logs / "out.log"],
        ["watch", logs, "-s", sigs, "--from-start", "-o", logs / "y.log"],
    ):
        tool = Tool(args, tmp_path, observer)
        try:
            tool.start()
            assert tool.wait() == 2, tool.stderr
            assert "it would read what it writes" in tool.stderr
        finally:
            tool.close()
    assert log.read_bytes() == before
    assert not (logs / "out.log").exists() or (logs / "out.log").stat().st_size == 0
    # Outside the include set it is fine.
    tool = Tool(
        ["watch", logs, "-s", sigs, "--include", "*.log", "-o", logs / "out.jsonl", "-f", "json"],
        tmp_path,
        observer,
    )
    try:
        tool.start()
        wait_for(lambda: "following 1 file" in tool.stderr, what="ready")
        append(log, 50)
        wait_for(lambda: seqs(logs / "out.jsonl") == [50], what="the finding")
        assert tool.stop() == 0
    finally:
        tool.close()


# -- item 4: more files than descriptors --------------------------------------------------------


def limited(soft: int) -> None:
    import resource

    resource.setrlimit(
        resource.RLIMIT_NOFILE, (soft, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
    )


def start_limited(
    args: list[object], tmp: Path, observer: str, limit: int
) -> subprocess.Popen[bytes]:
    argv = [str(a) for a in args] + (
        ["--poll", "--poll-interval", "0.1"] if observer == "poll" else []
    )
    # The cache on: a cached ruleset loads Hyperscan on the first scan, after files are open.
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(tmp / "cache"))
    err = open(tmp / f"limited.stderr.{len(list(tmp.glob('limited.stderr.*')))}", "wb")  # noqa: SIM115
    with err:
        return subprocess.Popen(
            [sys.executable, "-m", "matcher", *argv],
            stdout=subprocess.DEVNULL,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=tmp,
            env=env,
            preexec_fn=lambda: limited(limit),
        )


@observers
def test_a_burst_of_more_files_than_descriptors_loses_nothing(
    tmp_path: Path, observer: str
) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    args = ["watch", logs, "-s", sigs, "-f", "json", "-o", out, "--state", state, "--grace", "0.2"]
    files = 300
    proc = start_limited(args, tmp_path, observer, limit=128)
    try:
        wait_for(lambda: state.exists() or proc.poll() is not None, what="ready")
        for n in range(files):
            (logs / f"f{n:04d}.log").write_text(match_line(n))
        wait_for(lambda: len(seqs(out)) >= files or proc.poll() is not None, what="every finding")
        assert sorted(seqs(out)) == list(range(files)), _stderr(tmp_path)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, _stderr(tmp_path)
        written = out.read_bytes()
        # A restart with the same state and the same limit: nothing lost, nothing cut back.
        proc = start_limited(args, tmp_path, observer, limit=128)
        wait_for(
            lambda: _stderr(tmp_path).count("following") == 2 or proc.poll() is not None,
            what="ready again",
        )
        for n in range(files, files + 20):
            (logs / f"f{n:04d}.log").write_text(match_line(n))
        wait_for(lambda: len(seqs(out)) >= files + 20 or proc.poll() is not None, what="more")
        assert out.read_bytes().startswith(written)
        assert sorted(seqs(out)) == list(range(files + 20)), _stderr(tmp_path)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, _stderr(tmp_path)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _stderr(tmp: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in sorted(tmp.glob("limited.stderr.*")))


def test_a_start_that_fails_leaves_the_delivered_output_as_it_was(tmp_path: Path) -> None:
    """The state vouches for the first finding only (a crash came before its next
    checkpoint): the output is cut back to it when the run is under way, never before."""
    import io

    from matcher.live.control import Control
    from matcher.live.loop import LiveOptions, LiveScan, Watcher, run_live
    from matcher.live.state import OutputMark, State, save_state
    from matcher.live.watcher import DirScope
    from matcher.live.watcher import Watcher as DirWatcher
    from matcher.rules.load import load_ruleset

    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    out.write_text('{"delivered": 1}\n{"after the checkpoint": 2}\n')
    save_state(str(state), State(output=OutputMark(str(out), len('{"delivered": 1}\n'))))
    ruleset = load_ruleset([write_signatures(tmp_path)], cache=False)
    options = LiveOptions(fmt="json", output=str(out), state=str(state))
    scope = DirScope([str(logs)])

    def broken(control: Control) -> Watcher:
        raise OSError(24, "Too many open files")

    with pytest.raises(OSError):
        run_live(ruleset, scope, options, stream=io.StringIO(), make_watcher=broken)
    assert out.read_text() == '{"delivered": 1}\n{"after the checkpoint": 2}\n'

    def working(control: Control) -> Watcher:
        return DirWatcher(scope.directories, control.wake, poll=True, poll_interval=0.1)

    def stop(live: LiveScan) -> None:
        live.control.request_stop()

    run_live(ruleset, scope, options, stream=io.StringIO(), make_watcher=working, on_ready=stop)
    assert out.read_text() == '{"delivered": 1}\n'  # what comes after is written again


# -- item 4, in-process: a parked file that grows, or is rotated while parked ----------------


@pytest.mark.parametrize("victim", [0, 1, 2])
@pytest.mark.parametrize("rotate", [False, True])
def test_parked_files_are_reopened_by_identity_and_lose_nothing(
    tmp_path: Path, victim: int, rotate: bool
) -> None:
    from matcher.live.content import CLOSED
    from matcher.live.tail import Tailer
    from matcher.live.watcher import FollowScope, rotated_siblings
    from matcher.rules.load import load_ruleset

    ruleset = load_ruleset([write_signatures(tmp_path)], cache=False)
    now = [1000.0]
    t = Tailer(ruleset, clock=lambda: now[0], siblings=rotated_siblings, max_open=2)
    logs = [tmp_path / f"{name}.log" for name in "abc"]
    for n, log in enumerate(logs):
        append(log, n * 100, 3)

    def step() -> list[int]:
        t.update(FollowScope([str(p) for p in logs]).discover())
        found = t.poll() + t.expire() + t.flush()
        now[0] += 0.1
        return sorted(int(f.text.rsplit("seq=", 1)[1]) for f in found)

    first = step()
    while t.behind:  # names wait for a descriptor until others are parked
        first += step()
    assert sorted(first) == [0, 1, 2, 100, 101, 102, 200, 201, 202]
    assert t.fds.open <= 2 and len(t.files) == 3
    log = logs[victim]
    append(log, victim * 100 + 10, 2)  # grows, parked or not
    if rotate:
        os.rename(log, f"{log}.1")
        append(log, victim * 100 + 50, 1)  # the new file under the name
    expected = [victim * 100 + 10, victim * 100 + 11] + ([victim * 100 + 50] if rotate else [])
    found = step()
    while t.behind:
        found += step()
    assert sorted(found) == expected
    assert t.fds.open <= 2
    assert sum(f.fd == CLOSED for f in t.files.values()) >= 1
    t.close(report_partial=True)
    assert t.fds.open == 0


def test_a_restart_resumes_every_followed_content_even_past_the_memory_bound(
    tmp_path: Path,
) -> None:
    """1,101 files followed, then a restart: a state holding more contents than the tailer
    remembers of unfollowed ones must resume them all (it re-read 77 of them)."""
    from matcher.live.tail import Tailer
    from matcher.live.watcher import DirScope
    from matcher.rules.load import load_ruleset

    ruleset = load_ruleset([write_signatures(tmp_path)], cache=False)
    logs = tmp_path / "logs"
    logs.mkdir()
    for n in range(30):
        (logs / f"f{n:03d}.log").write_text(match_line(n))
    scope = DirScope([str(logs)])

    def run(records: list[object] | None) -> tuple[list[int], list[object]]:
        t = Tailer(ruleset, clock=lambda: 1000.0, remembered=10)
        if records is not None:
            t.restore(records, 999.0)  # type: ignore[arg-type]
        t.update(scope.discover())
        found = t.poll() + t.flush()
        kept = list(t.records())
        t.close(report_partial=False)
        return sorted(int(f.text.rsplit("seq=", 1)[1]) for f in found), kept

    first, records = run(None)
    assert first == list(range(30))
    again, _ = run(records)
    assert again == []
