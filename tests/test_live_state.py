"""The state file, the output it vouches for, and the cooldown windows it keeps."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from live_helpers import match_line, write_signatures

from matcher.api import scan_text
from matcher.errors import StateError
from matcher.live.content import ContentRecord, Probe
from matcher.live.cooldown import Cooldown, repeat_to_dict
from matcher.live.state import (
    Output,
    OutputMark,
    State,
    Window,
    load_state,
    lock_state,
    save_state,
)
from matcher.rules.load import load_ruleset


def test_round_trip(tmp_path: Path) -> None:
    path = str(tmp_path / "state.json")
    state = State(
        (ContentRecord("k1", Probe(1024, "abc"), 4096, 17, 0, "/x/app.log"),),
        123.5,
        OutputMark("/x/out.jsonl", 999),
        (Window("INC-1", (("x", "5"),), 1.0, 2.0, 3, "f00"),),
    )
    save_state(path, state)
    assert load_state(path) == state
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temp file left


def test_missing_is_a_first_run_corrupt_or_empty_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    assert load_state(str(path)) is None
    for content in (
        "",
        "  \n",
        "{",
        "[]",
        '{"schema": "incident-matcher/state/v1"}',
        '{"schema": "incident-matcher/state/v1", "looked": 0, "contents": [{"key": 1}]}',
    ):
        path.write_text(content)
        with pytest.raises(StateError, match="--reset-state"):
            load_state(str(path))


def test_a_state_in_use_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "state.json")
    fd = lock_state(path)
    try:
        with pytest.raises(StateError, match="in use"):
            lock_state(path)
    finally:
        os.close(fd)
    os.close(lock_state(path))  # free again once the holder is gone


def test_output_is_cut_back_to_the_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("one\ntwo\nthree\n")
    out = Output.open_file(str(path), OutputMark(str(path), 8))
    assert path.read_text() == "one\ntwo\nthree\n"  # cut once the run is under way
    out.cut_back()  # the sink does, before its first write
    out.stream.write("again\n")
    out.commit()
    assert out.mark() == OutputMark(str(path), 14)
    out.close()
    assert path.read_text() == "one\ntwo\nagain\n"
    other = Output.open_file(str(path), OutputMark(str(tmp_path / "elsewhere"), 2))
    other.close()
    assert path.read_text() == "one\ntwo\nagain\n"  # another output's mark: left alone


def test_output_shorter_than_recorded_warns_and_appends(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("a\n")
    warnings: list[str] = []
    Output.open_file(str(path), OutputMark(str(path), 100), warnings.append).close()
    assert path.read_text() == "a\n" and "shorter" in warnings[0]


def test_cooldown_counts_per_incident_and_captures(tmp_path: Path) -> None:
    ruleset = load_ruleset([write_signatures(tmp_path)], cache=False)
    text = match_line(0) + match_line(1) + match_line(2).replace("size 5", "size 6")
    a, b, c = scan_text(ruleset, text)
    cooldown = Cooldown(10)
    assert cooldown.admit(a, 100.0) == (True, None)
    assert cooldown.admit(b, 101.0) == (False, None)
    assert cooldown.admit(c, 102.0) == (True, None)  # other captured values: its own alert
    assert cooldown.expire(105.0) == []
    [closed] = cooldown.expire(110.0)
    assert (closed.count, closed.first, closed.last, closed.finding) == (1, 100.0, 101.0, a.id)
    record = repeat_to_dict(closed, 10)
    assert record["schema"] == "incident-matcher/repeat/v1"
    assert record["first"] == "1970-01-01T00:01:40.000Z" and record["captures"] == {
        "x": "5",
        "y": "10",
    }
    assert json.loads(json.dumps(record)) == record
    assert cooldown.expire(200.0) == []  # c's window closed with no repeats: no record


def test_a_late_repeat_closes_the_window_and_alerts_again(tmp_path: Path) -> None:
    ruleset = load_ruleset([write_signatures(tmp_path)], cache=False)
    a, b, c = scan_text(ruleset, match_line(0) + match_line(1) + match_line(2))
    cooldown = Cooldown(10)
    cooldown.admit(a, 0.0)
    cooldown.admit(b, 1.0)
    report, closed = cooldown.admit(c, 20.0)
    assert report and closed is not None and closed.count == 1
    restored = Cooldown(10, cooldown.windows())
    assert restored.windows() == cooldown.windows()
    assert [replace(w, first=0) for w in restored.drain()] == []
