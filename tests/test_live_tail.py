"""The tailer in-process, on real files with a fake clock: identity, offsets, rotation,
truncation, partial lines. Deterministic: the tailer only reads when told to."""

from __future__ import annotations

import errno
import gzip
import os
from pathlib import Path

import pytest
from live_helpers import line, match_line, noise_line, reuse_inode, write_signatures

from matcher.live.content import FINGERPRINT_BYTES, ContentRecord
from matcher.live.tail import Tailer
from matcher.live.watcher import FollowScope, rotated_siblings
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.rules.load import load_ruleset


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def ruleset(tmp_path: Path) -> Ruleset:
    return load_ruleset([write_signatures(tmp_path)], cache=False)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def tailer(ruleset: Ruleset, clock: Clock, **options: object) -> Tailer:
    return Tailer(ruleset, clock=clock, siblings=rotated_siblings, **options)  # type: ignore[arg-type]


def step(t: Tailer, *names: Path) -> list[Finding]:
    """One loop cycle, with the input then quiet (so held-back events are flushed)."""
    t.update(FollowScope([str(n) for n in names]).discover())
    return t.poll() + t.expire() + t.flush()


def seqs(findings: list[Finding]) -> list[int]:
    return [int(f.text.rsplit("seq=", 1)[1]) for f in findings]


def append(path: Path, first: int, count: int, every: int = 1) -> None:
    with open(path, "a") as fh:
        fh.write("".join(line(seq, every) for seq in range(first, first + count)))


def test_present_file_starts_at_its_end_a_later_one_at_its_beginning(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    present, later = tmp_path / "a.log", tmp_path / "b.log"
    append(present, 0, 20)
    t = tailer(ruleset, clock, start_at_end=True)
    assert step(t, present, later) == []
    append(later, 100, 3)
    append(present, 20, 2)
    assert sorted(seqs(step(t, present, later))) == [20, 21, 100, 101, 102]
    assert [f.line for f in step(t, present) + t.poll()] == []
    t.close(report_partial=True)


def test_from_start_reads_a_present_file_whole(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 5)
    t = tailer(ruleset, clock, start_at_end=False)
    found = step(t, log)
    assert seqs(found) == [0, 1, 2, 3, 4]
    assert [f.line for f in found] == [1, 2, 3, 4, 5]
    t.close(report_partial=True)


def test_line_numbers_count_from_the_start_when_starting_at_the_end(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 7, every=1000)
    t = tailer(ruleset, clock, start_at_end=True)
    step(t, log)
    append(log, 7, 1)
    [finding] = step(t, log)
    assert finding.line == 8 and finding.offset == log.stat().st_size - len(match_line(7))
    t.close(report_partial=True)


def test_partial_line_waits_for_its_newline(tmp_path: Path, ruleset: Ruleset, clock: Clock) -> None:
    log = tmp_path / "a.log"
    log.write_text(noise_line(0))
    t = tailer(ruleset, clock)
    step(t, log)
    text = match_line(1)
    with open(log, "a") as fh:
        fh.write(text[:30])
    assert step(t, log) == []
    with open(log, "a") as fh:
        fh.write(text[30:] + match_line(2)[:-1])  # the next one stays partial
    found = step(t, log)
    assert seqs(found) == [1] and not found[0].partial
    [last] = t.close(report_partial=True)
    assert seqs([last]) == [2] and last.partial


def test_unidentified_file_is_not_read_until_it_has_a_complete_line(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    log.write_text(match_line(0)[:20])
    t = tailer(ruleset, clock)
    assert step(t, log) == [] and not t.active
    with open(log, "a") as fh:
        fh.write(match_line(0)[20:])
    assert seqs(step(t, log)) == [0]
    t.close(report_partial=True)


def test_small_content_probe_grows_to_a_kib_with_the_same_key(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 1)
    t = tailer(ruleset, clock)
    [first] = step(t, log)
    [content] = t.active.values()
    assert content.probe.size < FINGERPRINT_BYTES
    append(log, 1, 30)
    later = step(t, log)
    assert content.probe.size == FINGERPRINT_BYTES and content.key == first.fingerprint
    assert {f.fingerprint for f in later} == {first.fingerprint}
    t.close(report_partial=True)


def test_rename_rotation_reads_the_old_file_on_then_lets_it_go(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log, old = tmp_path / "app.log", tmp_path / "app.log.1"
    append(log, 0, 5)
    t = tailer(ruleset, clock, grace=2.0)
    assert seqs(step(t, log)) == list(range(5))
    with open(log, "a") as writer:
        log.rename(old)
        append(log, 100, 2)  # the new file
        writer.write(line(5, 1) + line(6, 1))  # the writer has not reopened yet
    assert sorted(seqs(step(t, log))) == [5, 6, 100, 101]
    clock.advance(1.0)
    append(old, 7, 1)  # still written: read on
    assert seqs(step(t, log)) == [7]
    assert len(t.files) == 2
    clock.advance(2.1)
    assert step(t, log) == [] and len(t.files) == 1  # let go after the grace period
    t.close(report_partial=True)


def test_let_go_reports_a_partial_last_line_once(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log, old = tmp_path / "app.log", tmp_path / "app.log.1"
    log.write_text(match_line(0) + match_line(1)[:-1])
    t = tailer(ruleset, clock, grace=1.0)
    assert seqs(step(t, log)) == [0]
    log.rename(old)
    clock.advance(1.5)
    [partial] = step(t, log)
    assert partial.partial and seqs([partial]) == [1]
    # The copy turns up later with the line completed: not reported again.
    with open(old, "a") as fh:
        fh.write("\n" + match_line(2))
    found = step(t, old)
    assert seqs(found) == [2]
    t.close(report_partial=True)


@pytest.mark.parametrize("noticed_first", ["copy", "truncation"])
def test_copytruncate_continues_from_the_content_offset(
    tmp_path: Path, ruleset: Ruleset, clock: Clock, noticed_first: str
) -> None:
    log, copy = tmp_path / "app.log", tmp_path / "app.log.1"
    append(log, 0, 50)
    t = tailer(ruleset, clock)
    assert seqs(step(t, log)) == list(range(50))
    append(log, 50, 10)  # written after our last read: only the copy will hold them
    copy.write_bytes(log.read_bytes())
    if noticed_first == "copy":
        assert seqs(step(t, log, copy)) == list(range(50, 60))
    os.truncate(log, 0)
    append(log, 200, 3)
    found = step(t, log)  # the copy is found next to it even when out of scope
    expected = [200, 201, 202] if noticed_first == "copy" else [*range(50, 60), 200, 201, 202]
    assert sorted(seqs(found)) == expected
    assert step(t, log, copy) == []
    t.close(report_partial=True)


def test_copy_of_known_content_shares_the_offset_whatever_its_name(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log, copy = tmp_path / "a.log", tmp_path / "elsewhere.txt"
    append(log, 0, 40)
    t = tailer(ruleset, clock)
    first = step(t, log)
    copy.write_bytes(log.read_bytes())
    append(copy, 40, 2)
    found = step(t, log, copy)
    assert seqs(found) == [40, 41]
    assert {f.id for f in first}.isdisjoint(f.id for f in found)
    assert {f.fingerprint for f in found} == {first[0].fingerprint}
    t.close(report_partial=True)


def test_truncate_then_regrow_between_two_polls_is_detected(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 20)
    t = tailer(ruleset, clock)
    assert len(step(t, log)) == 20
    with open(log, "w") as fh:  # same inode, new content longer than the old
        fh.write("".join(line(seq, 1) for seq in range(1000, 1040)))
    assert seqs(step(t, log)) == list(range(1000, 1040))
    t.close(report_partial=True)


def test_cut_short_with_the_same_beginning_reads_on_from_the_new_end(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 40)
    t = tailer(ruleset, clock)
    step(t, log)
    keep = sum(len(line(seq, 1)) for seq in range(30))
    os.truncate(log, keep)
    assert step(t, log) == []
    append(log, 500, 2)
    found = step(t, log)
    assert seqs(found) == [500, 501] and [f.line for f in found] == [31, 32]
    t.close(report_partial=True)


def test_inode_reuse_is_a_new_content(tmp_path: Path, ruleset: Ruleset, clock: Clock) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 10)
    inode = log.stat().st_ino
    t = tailer(ruleset, clock, grace=1.0)
    assert len(step(t, log)) == 10
    log.unlink()
    clock.advance(1.5)
    step(t, log)
    assert not t.files  # let go: the inode is free for reuse
    if not reuse_inode(log, inode, lambda: append(log, 300, 3)):
        pytest.skip("this file system did not reuse the inode")
    assert seqs(step(t, log)) == [300, 301, 302]
    t.close(report_partial=True)


def test_delete_and_recreate(tmp_path: Path, ruleset: Ruleset, clock: Clock) -> None:
    log = tmp_path / "a.log"
    append(log, 0, 3)
    t = tailer(ruleset, clock)
    step(t, log)
    with open(log, "a") as writer:
        log.unlink()
        writer.write(line(3, 1))  # written to the deleted file: still read
    append(log, 10, 2)
    assert sorted(seqs(step(t, log))) == [3, 10, 11]
    t.close(report_partial=True)


def test_symlink_swap_follows_the_name(tmp_path: Path, ruleset: Ruleset, clock: Clock) -> None:
    a, b, link = tmp_path / "a.log", tmp_path / "b.log", tmp_path / "current.log"
    append(a, 0, 3)
    append(b, 100, 2)
    link.symlink_to(a)
    t = tailer(ruleset, clock, start_at_end=True)
    assert step(t, link) == []
    tmp_link = tmp_path / "tmp.link"
    tmp_link.symlink_to(b)
    tmp_link.replace(link)  # atomic swap, as `ln -sfn` does
    assert seqs(step(t, link)) == [100, 101]  # a file that appears later: from its beginning
    t.close(report_partial=True)


def test_state_records_resume_and_unknown_files_start_at_the_beginning(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log, other = tmp_path / "app.log", tmp_path / "other.log"
    append(log, 0, 10)
    first = tailer(ruleset, clock, start_at_end=True)
    step(first, log)
    append(log, 10, 5)
    first.update(FollowScope([str(log)]).discover())
    assert len(first.poll() + first.flush()) == 5
    records = first.records()
    first.close(report_partial=False)
    append(log, 15, 2)
    append(other, 50, 2)
    second = tailer(ruleset, clock)
    second.restore(records, clock())
    assert sorted(seqs(step(second, log, other))) == [15, 16, 50, 51]
    second.close(report_partial=True)


def test_memory_of_contents_is_bounded(tmp_path: Path, ruleset: Ruleset, clock: Clock) -> None:
    t = tailer(ruleset, clock, grace=0.5, remembered=3)
    for n in range(6):
        log = tmp_path / f"f{n}.log"
        append(log, n * 10, 2)
        step(t, log)
        log.unlink()
        clock.advance(1.0)
        step(t)
    assert len(t.memory) == 3 and not t.active
    assert isinstance(t.records()[0], ContentRecord)


def test_unreadable_file_warns_once_and_is_retried(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log, ok = tmp_path / "locked.log", tmp_path / "ok.log"
    append(log, 0, 2)
    append(ok, 10, 1)
    failures = [3]
    warnings: list[str] = []

    def opener(path: str, flags: int) -> int:
        if path == str(log) and failures[0]:
            failures[0] -= 1
            raise PermissionError(errno.EACCES, "Permission denied")
        return os.open(path, flags)

    t = Tailer(ruleset, clock=clock, opener=opener, on_warning=warnings.append)
    assert seqs(step(t, log, ok)) == [10]  # the rest keeps going
    step(t, log, ok)
    step(t, log, ok)
    assert len(warnings) == 1 and "locked.log" in warnings[0]
    assert seqs(step(t, log, ok)) == [0, 1]
    t.close(report_partial=True)


def test_compressed_files_are_skipped_unless_asked_for(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    gz = tmp_path / "app.log.2"
    gz.write_bytes(gzip.compress("".join(line(seq, 1) for seq in range(3)).encode()))
    skipping = tailer(ruleset, clock)
    assert step(skipping, gz) == [] and step(skipping, gz) == []
    reading = tailer(ruleset, clock, compressed=True, grace=1.0)
    step(reading, gz)
    clock.advance(1.5)
    assert seqs(step(reading, gz)) == [0, 1, 2]
    assert step(reading, gz) == []


def test_rotations_while_the_name_was_missing_are_caught_up(
    tmp_path: Path, ruleset: Ruleset, clock: Clock
) -> None:
    log = tmp_path / "app.log"
    append(log, 0, 3)
    t = tailer(ruleset, clock)
    assert len(step(t, log)) == 3
    clock.advance(1.0)
    log.rename(tmp_path / "app.log.1")  # rotated, and the new file not created yet
    assert step(t, log) == []
    for rotation, first in enumerate((100, 200)):  # two more come and go between two looks
        append(log, first, 2)
        for i in range(rotation + 1, 0, -1):
            (tmp_path / f"app.log.{i}").rename(tmp_path / f"app.log.{i + 1}")
        log.rename(tmp_path / "app.log.1")
    append(log, 300, 1)
    clock.advance(1.0)
    assert sorted(seqs(step(t, log))) == [100, 101, 200, 201, 300]
    t.close(report_partial=True)
