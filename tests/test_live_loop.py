"""The live loop in-process: ``run_live`` in a thread with the real watcher (inotify and
polling), steered through ``Control`` instead of signals."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from live_helpers import line, match_line, read_records, wait_for, write_signatures

from matcher.live.control import Control
from matcher.live.loop import LiveOptions, LiveScan, Watcher, run_live
from matcher.live.state import load_state
from matcher.live.watcher import DirScope
from matcher.live.watcher import Watcher as DirWatcher
from matcher.patterns.ruleset import Ruleset
from matcher.rules.load import load_ruleset

observers = pytest.mark.parametrize("observer", ["inotify", "poll"])


@pytest.fixture
def ruleset(tmp_path: Path) -> Ruleset:
    return load_ruleset([write_signatures(tmp_path)], cache=False)


@contextmanager
def running(
    ruleset: Ruleset, logs: Path, observer: str, options: LiveOptions, stream: io.StringIO
) -> Iterator[tuple[Control, list[LiveScan], list[str]]]:
    control = Control()
    ready: list[LiveScan] = []
    warnings: list[str] = []
    poll = observer == "poll"
    options = LiveOptions(**{**vars(options), "tick": 0.1 if poll else 0.2})
    scope = DirScope([str(logs)])

    def make_watcher(control: Control) -> Watcher:
        return DirWatcher(scope.directories, control.wake, poll=poll, poll_interval=0.1)

    errors: list[BaseException] = []

    def target() -> None:
        try:
            run_live(
                ruleset,
                scope,
                options,
                stream=stream,
                make_watcher=make_watcher,
                control=control,
                on_warning=warnings.append,
                on_ready=ready.append,
            )
        except BaseException as exc:  # surfaced by the test
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    try:
        wait_for(lambda: ready or errors, what="ready")
        yield control, ready, warnings
    finally:
        control.request_stop()
        thread.join(30)
        control.close()
    if errors:
        raise errors[0]


@observers
def test_text_output_and_open_cooldown_windows_at_shutdown_without_state(
    tmp_path: Path, ruleset: Ruleset, observer: str
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    stream = io.StringIO()
    options = LiveOptions(fmt="text", cooldown=60)
    with running(ruleset, logs, observer, options, stream):
        (logs / "a.log").write_text(match_line(0) + match_line(1) + match_line(2))
        wait_for(lambda: "INC-1 [high]" in stream.getvalue(), what="the alert")
    text = stream.getvalue()
    assert text.count("INC-1 [high] pool exhausted") == 1
    assert "INC-1 [repeat] 2 more time(s) within 60s of its alert (x=5 y=10)" in text


@observers
def test_cooldown_windows_survive_a_restart_in_the_state(
    tmp_path: Path, ruleset: Ruleset, observer: str
) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    options = LiveOptions(fmt="json", output=str(out), state=str(state), cooldown=60)
    with running(ruleset, logs, observer, options, io.StringIO()):
        (logs / "a.log").write_text(match_line(0) + match_line(1))
        wait_for(lambda: read_records(out), what="the alert")
    saved = load_state(str(state))
    assert saved is not None and [w.count for w in saved.windows] == [1]
    assert len(read_records(out)) == 1  # the repeat is kept, not written, not dropped
    shorter = LiveOptions(**{**vars(options), "cooldown": 0.5})
    with running(ruleset, logs, observer, shorter, io.StringIO()):
        wait_for(lambda: len(read_records(out)) == 2, what="the repeat record")
    assert read_records(out)[1]["count"] == 1


@observers
def test_reset_state_starts_anew(tmp_path: Path, ruleset: Ruleset, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    (logs / "a.log").write_text(match_line(0))
    state.write_text("{corrupt")
    options = LiveOptions(fmt="json", output=str(out), state=str(state), reset_state=True)
    with running(ruleset, logs, observer, options, io.StringIO()):
        with open(logs / "a.log", "a") as fh:
            fh.write(line(1, 1))
        wait_for(lambda: read_records(out), what="a finding")
    assert [r["line"] for r in read_records(out)] == [2]  # a first run: from the end
    assert load_state(str(state)) is not None


@observers
def test_reload_keeps_the_old_set_on_error(tmp_path: Path, ruleset: Ruleset, observer: str) -> None:
    from matcher.errors import Problem, SignatureError
    from matcher.model import SourceLocation

    logs, out = tmp_path / "logs", tmp_path / "out.jsonl"
    logs.mkdir()

    def broken() -> Ruleset:
        raise SignatureError([Problem(SourceLocation("x.yml", 3, 1), "severity", "bad")])

    options = LiveOptions(fmt="json", output=str(out))
    with running(ruleset, logs, observer, options, io.StringIO()) as (control, _, warnings):
        control.reloader = broken
        control.request_reload()
        wait_for(lambda: any("keeping the previous set" in w for w in warnings), what="error")
        assert "x.yml:3:1: severity: bad" in warnings
        (logs / "a.log").write_text(match_line(5))
        wait_for(lambda: read_records(out), what="still matching")
    assert [json.loads(json.dumps(r))["incident"] for r in read_records(out)] == ["INC-1"]
