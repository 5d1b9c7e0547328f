"""The spool: bounded, replayed on open, whole after a kill -9 at any point."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fleet_helpers import ROOT

from matcher.fleet.spool import Spool, SpoolError


def payloads(spool: Spool) -> list[str]:
    return [p for _, p in spool.peek(10**9)]


def test_pending_items_survive_a_reopen_in_order(tmp_path: Path) -> None:
    path = str(tmp_path / "s.spool")
    spool = Spool(path)
    for n in range(5):
        spool.append(f'"p{n}"')
    first_two = [seq for seq, _ in spool.peek(2)]
    spool.done(first_two)
    spool.commit()
    spool.close()

    again = Spool(path)
    assert payloads(again) == ['"p2"', '"p3"', '"p4"']
    again.append('"p5"')  # numbering goes on after the replayed items
    assert [s for s, _ in again.peek(10)] == [3, 4, 5, 6]


def test_above_the_cap_the_oldest_are_dropped_and_counted(tmp_path: Path) -> None:
    path = str(tmp_path / "s.spool")
    spool = Spool(path, cap=3)
    dropped = [spool.append(f'"p{n}"') for n in range(5)]
    assert dropped == [0, 0, 0, 1, 1]
    assert spool.dropped == 2
    assert payloads(spool) == ['"p2"', '"p3"', '"p4"']
    spool.close()
    assert payloads(Spool(path, cap=3)) == ['"p2"', '"p3"', '"p4"']
    smaller = Spool(path, cap=1)  # reopened with a smaller cap: still bounded
    assert payloads(smaller) == ['"p4"'] and smaller.dropped == 2


def test_a_torn_last_record_is_cut_off_and_appends_go_on(tmp_path: Path) -> None:
    path = tmp_path / "s.spool"
    spool = Spool(str(path))
    spool.append('"whole"')
    spool.close()
    with open(path, "ab") as fh:
        fh.write(b'{"n":2,"p":"to')  # a kill in the middle of a write
    again = Spool(str(path))
    assert payloads(again) == ['"whole"'] and again.damaged == 1
    again.append('"after"')
    again.close()
    assert payloads(Spool(str(path))) == ['"whole"', '"after"']


def test_a_damaged_record_in_the_middle_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "s.spool"
    spool = Spool(str(path))
    spool.append('"a"')
    spool.close()
    with open(path, "ab") as fh:
        fh.write(b"\x00garbage\n")
    spool = Spool(str(path))
    spool.append('"b"')
    spool.close()
    again = Spool(str(path))
    assert payloads(again) == ['"a"', '"b"'] and again.damaged == 1


def test_a_file_that_is_not_a_spool_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"schema": "incident-matcher/state/v1"}\n')
    with pytest.raises(SpoolError, match="not a spool file"):
        Spool(str(path))
    assert path.read_text() == '{"schema": "incident-matcher/state/v1"}\n'


def test_done_records_are_compacted_and_the_file_stays_bounded(tmp_path: Path) -> None:
    path = tmp_path / "s.spool"
    spool = Spool(str(path), cap=10)
    sizes = []
    for n in range(5000):
        spool.append(json.dumps(f"payload {n}"))
        spool.done([seq for seq, _ in spool.peek(1)])
        sizes.append(path.stat().st_size)
    assert len(spool) == 0
    assert max(sizes) < 100_000  # ~1000 done-records at most before a compaction
    spool.append('"last"')
    spool.close()
    assert payloads(Spool(str(path))) == ['"last"']
    assert not (tmp_path / "s.spool.compact").exists()


def test_memory_spool_without_a_path(tmp_path: Path) -> None:
    spool = Spool(None, cap=2)
    spool.append('"a"')
    spool.append('"b"')
    spool.append('"c"')
    spool.commit()
    assert payloads(spool) == ['"b"', '"c"'] and spool.dropped == 1


def test_kill_9_mid_write_loses_nothing_that_was_committed(tmp_path: Path) -> None:
    """A writer appends 20 kB payloads as fast as it can, printing each number once it is
    fsynced; SIGKILL lands somewhere in a write. Every committed payload is there, whole,
    in order, and the reopened spool takes appends."""
    path = tmp_path / "s.spool"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "fleet_helpers.py"), "spool", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed = -1
    for line in proc.stdout:
        committed = int(line)
        if committed >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    for line in proc.stdout:  # what it printed before it died was committed too
        committed = int(line)
    proc.stdout.close()

    spool = Spool(str(path), cap=1_000_000)
    numbers = [json.loads(p)["n"] for p in payloads(spool)]
    assert numbers[: committed + 1] == list(range(committed + 1))
    assert numbers == list(range(len(numbers)))  # maybe one more, never a hole or a torn one
    spool.append('"after"')
    spool.close()
    assert payloads(Spool(str(path), cap=1_000_000))[-1] == '"after"'
