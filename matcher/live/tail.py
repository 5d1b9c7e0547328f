"""Follow log files by their content: identity, fingerprints, offsets, rotation, truncation.

A file is known by device + inode; what it holds (its *content*) by a fingerprint of its first
``min(size, 1 KiB)`` bytes, which must hold a complete line (until then the file is not read).
Offsets belong to contents, not to files: every file holding the same content (a renamed file,
copytruncate's copy, a file found again after a restart) reads it on from the same offset.

``Tailer`` owns the reading. It is told which names are in scope (``update``) and then reads
what is new (``poll``); it never trusts an event, only ``fstat`` and the bytes. Clocks are
passed in. See docs/live.md for the rules this implements.
"""

from __future__ import annotations

import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from matcher.live.content import (
    FINGERPRINT_BYTES,
    Content,
    ContentRecord,
    Probe,
    Warn,
    head_digest,
    probe_head,
    read_head,
)
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import GZIP_MAGIC
from matcher.vocabulary import DEFAULT_GRACE

READ_CHUNK = 1 << 20
# Read at most this much of one file per poll, so that checkpoints keep coming during a backlog.
READ_BUDGET = 8 << 20
# Contents no longer followed whose offsets are still remembered (and kept in the state).
REMEMBERED_CONTENTS = 1024
# File times are coarse (one kernel tick); a sibling modified this long before we last looked
# at a name may still have been written after that look.
MTIME_SLACK = 1.0

FileId = tuple[int, int]
Siblings = Callable[[str], Iterable[tuple[str, os.stat_result]]]


@dataclass(eq=False)
class TailedFile:
    fd: int
    fid: FileId
    name: str
    start: int  # where a content never seen before starts: 0, or the end at start-up
    last_growth: float
    in_scope: bool = True
    content: Content | None = None
    size: int = 0
    stamp: tuple[int, int] = (0, 0)
    looked: float = 0.0  # when it was last seen holding its content
    compressed: bool = False


def _line_end_before(fd: int, size: int, window: int = 1 << 16) -> int:
    """The offset just after the last newline before ``size`` (a partial line is read whole)."""
    start = max(0, size - window)
    data = os.pread(fd, size - start, start)
    newline = data.rfind(b"\n")
    if newline >= 0:
        return start + newline + 1
    return 0 if start == 0 else size


def _count_lines(fd: int, end: int) -> int:
    count, pos = 0, 0
    while pos < end:
        data = os.pread(fd, min(READ_CHUNK, end - pos), pos)
        if not data:
            break
        count += data.count(b"\n")
        pos += len(data)
    return count


class Tailer:
    """Reads every file in scope, plus rotated files still being drained. Not thread-safe."""

    def __init__(
        self,
        ruleset: Ruleset,
        *,
        clock: Callable[[], float],
        grace: float = DEFAULT_GRACE,
        start_at_end: bool = False,
        compressed: bool = False,
        siblings: Siblings | None = None,
        on_warning: Warn | None = None,
        opener: Callable[[str, int], int] = os.open,
        remembered: int = REMEMBERED_CONTENTS,
    ) -> None:
        self.ruleset = ruleset
        self.clock = clock
        self.grace = grace
        self.start_at_end = start_at_end
        self.compressed = compressed
        self.siblings: Siblings = siblings or (lambda name: ())
        self.warn: Warn = on_warning or (lambda message: None)
        self.opener = opener
        self.remembered = remembered
        self.files: dict[FileId, TailedFile] = {}
        self.names: dict[str, FileId] = {}
        self.active: dict[str, Content] = {}
        self.memory: OrderedDict[str, ContentRecord] = OrderedDict()
        self.looked = 0.0  # when the names in scope were last looked at
        self._index: dict[tuple[int, str], str] = {}  # (probe size, digest) -> content key
        self._floor = clock()  # never catch up on files older than this (first run)
        self._first = True
        self._catch_up_all = False
        self._queue: list[tuple[str, float]] = []
        # name -> the file it last held and when it was last seen holding it (kept while the
        # name is absent: a rotation may leave it missing for a moment)
        self._seen: OrderedDict[str, tuple[FileId, float]] = OrderedDict()
        self._unreadable: set[str] = set()
        self._done: set[FileId] = set()  # compressed files read, or not to be read
        self.behind = False  # a file had more to read than one poll reads

    # -- the state --------------------------------------------------------------------------
    def restore(self, records: Iterable[ContentRecord], looked: float) -> None:
        """Resume from a state: known contents continue from their offsets, and rotated
        files written since ``looked`` are caught up on at the first update."""
        for record in records:
            self._remember(record)
        self.looked = looked
        self._floor = float("-inf")
        self._catch_up_all = True

    def records(self) -> list[ContentRecord]:
        return [c.record() for c in self.active.values()] + list(self.memory.values())

    # -- scope ------------------------------------------------------------------------------
    def update(self, scope: Mapping[str, os.stat_result]) -> None:
        """The names now in scope (stat results, symlinks followed)."""
        now, previous = self.clock(), self.looked
        current: dict[str, FileId] = {}
        for name, st in scope.items():
            if not stat.S_ISREG(st.st_mode):
                continue
            fid = (st.st_dev, st.st_ino)
            if fid in self._done:
                continue
            f = self.files.get(fid) or self._open(name)
            if f is None:
                continue
            current[name] = f.fid
            old = self._seen.pop(name, None)
            if self._catch_up_all:
                self._queue.append((name, previous))
            elif old is not None and old[0] != f.fid:
                self._queue.append((name, old[1]))
            self._seen[name] = (f.fid, now)
        while len(self._seen) > 4 * self.remembered:
            self._seen.popitem(last=False)
        for f in self.files.values():
            f.in_scope = False
        for name, fid in current.items():
            self.files[fid].in_scope, self.files[fid].name = True, name
        self.names, self.looked = current, now
        self._first = self._catch_up_all = False

    def _open(self, path: str, quiet: bool = False) -> TailedFile | None:
        try:
            fd = self.opener(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if not quiet and path not in self._unreadable:
                self._unreadable.add(path)
                self.warn(f"{path}: cannot be read ({exc.strerror or exc}); will retry")
            return None
        self._unreadable.discard(path)
        st = os.fstat(fd)
        fid = (st.st_dev, st.st_ino)
        if not stat.S_ISREG(st.st_mode) or fid in self.files or fid in self._done:
            os.close(fd)
            return self.files.get(fid)
        start = _line_end_before(fd, st.st_size) if self._first and self.start_at_end else 0
        f = TailedFile(fd, fid, path, start, last_growth=self.clock())
        self.files[fid] = f
        return f

    # -- reading ----------------------------------------------------------------------------
    def poll(self) -> list[Finding]:
        """Read what is new in every file; catch up on rotations seen on the way."""
        findings: list[Finding] = []
        polled: set[FileId] = set()
        self.behind = False
        while True:
            while self._queue:
                self._catch_up(*self._queue.pop(0))
            todo = [f for fid, f in self.files.items() if fid not in polled]
            if not todo:
                return findings
            for f in todo:
                polled.add(f.fid)
                findings += self._poll_file(f)

    def _poll_file(self, f: TailedFile) -> list[Finding]:
        st = os.fstat(f.fd)
        size, stamp, now = st.st_size, (st.st_mtime_ns, st.st_ctime_ns), self.clock()
        if size > f.size:
            f.last_growth = now
        if f.compressed:
            return self._read_compressed(f, size, stamp)
        findings: list[Finding] = []
        if stamp != f.stamp or size != f.size or f.content is None:
            shrunk, f.size, f.stamp = size < f.size, size, stamp
            if f.content is not None:
                findings += self._verify(f, shrunk, now)
            if f.content is None:
                self._identify(f, now)
        if f.content is not None:
            findings += self._read(f, size, now)
        return findings

    def _verify(self, f: TailedFile, shrunk: bool, now: float) -> list[Finding]:
        content = f.content
        assert content is not None
        head = read_head(f.fd)
        if not content.probe.matches(head):
            self._lose(f, now)
            return []
        f.looked = now
        if content.probe.size < FINGERPRINT_BYTES and len(head) > content.probe.size:
            self._reindex(content, probe_head(head) or content.probe)
        if shrunk and content.read_pos > f.size and len(self._holders(content)) == 1:
            # Cut short but the same beginning: read on from the new end.
            start = _line_end_before(f.fd, f.size)
            return content.restart(self.ruleset, start, _count_lines(f.fd, start) + 1)
        return []

    def _lose(self, f: TailedFile, now: float) -> None:
        """The file no longer holds its content (truncated, rewritten, inode reused)."""
        old, f.content, f.start = f.content, None, 0
        if old is not None and not self._holders(old):
            old.orphaned_at = now
        if f.in_scope:  # copytruncate: the copy may be next to it
            self._queue.append((f.name, f.looked))

    def _identify(self, f: TailedFile, now: float) -> None:
        head = read_head(f.fd)
        probe = probe_head(head)
        if head.startswith(GZIP_MAGIC):
            f.compressed = True
            return
        if probe is None:
            return
        key = self._find(head)
        if key is None:
            line = _count_lines(f.fd, f.start) + 1 if f.start else 1
            content = self._activate(ContentRecord(self._new_key(probe), probe, f.start, line))
        else:
            content = self.active.get(key) or self._activate(self.memory.pop(key))
        content.orphaned_at = None
        f.content, f.looked = content, now

    def _new_key(self, probe: Probe) -> str:
        # A content's key is its first digest and never changes (finding ids use it); a new
        # content may happen to start like an old one did before its probe grew.
        key = probe.digest
        while key in self.active or key in self.memory:
            key += "+"
        return key

    def _read(self, f: TailedFile, size: int, now: float) -> list[Finding]:
        content = f.content
        findings: list[Finding] = []
        budget = READ_BUDGET
        while content is not None and content is f.content and content.read_pos < size:
            if budget <= 0:
                self.behind = True
                break
            data = os.pread(f.fd, min(READ_CHUNK, size - content.read_pos), content.read_pos)
            budget -= len(data)
            if not data:
                break
            if not content.probe.matches(read_head(f.fd)):  # replaced while we read
                self._lose(f, now)
                break
            findings += content.feed(data, f.name)
            content.last_growth = now
        return findings

    def _read_compressed(self, f: TailedFile, size: int, stamp: tuple[int, int]) -> list[Finding]:
        """A compressed rotated file is read whole, once it has stopped changing."""
        if stamp != f.stamp or size != f.size:
            f.size, f.stamp = size, stamp
            return []
        if not self.compressed:
            self._close(f, done=True)
            return []
        if self.clock() - f.last_growth < self.grace:
            return []
        self._close(f, done=True)
        return self._read_whole(f.name)

    def _read_whole(self, path: str) -> list[Finding]:
        from matcher.errors import SourceError
        from matcher.sources.read import read_chunks

        findings: list[Finding] = []
        content: Content | None = None
        pos = 0
        try:
            for chunk in read_chunks(path):
                if content is None:
                    content = self._content_for(chunk[:FINGERPRINT_BYTES], path)
                    if content is None:
                        return findings
                skip = content.read_pos - pos
                if skip < len(chunk):
                    findings += content.feed(chunk[max(skip, 0) :], path)
                pos += len(chunk)
        except SourceError as exc:
            self.warn(f"{exc}; read up to there")
        if content is not None and not self._holders(content):
            findings += self._finalize(content)
        return findings

    def _content_for(self, head: bytes, path: str) -> Content | None:
        probe = probe_head(head)
        if probe is None:
            return None
        key = self._find(head)
        if key is None:
            return self._activate(ContentRecord(self._new_key(probe), probe, 0, 1, 0, path))
        return self.active.get(key) or self._activate(self.memory.pop(key))

    # -- rotation ---------------------------------------------------------------------------
    def _catch_up(self, name: str, since: float) -> None:
        """The content under ``name`` changed: look for where the old ones went. A rotated
        sibling holding a known content reads on from its offset; an unknown one modified
        since we last looked was rotated away between two looks and is read whole."""
        threshold = max(since - MTIME_SLACK, self._floor)
        for path, st in self.siblings(name):
            if (st.st_dev, st.st_ino) in self.files or not stat.S_ISREG(st.st_mode):
                continue
            f = self._open(path, quiet=True)
            if f is None:
                continue
            head = read_head(f.fd)
            key = self._find(head)
            record = self.memory.get(key) if key else None
            if key is None:
                keep = probe_head(head) is not None and st.st_mtime >= threshold
            else:
                keep = record is None or st.st_size > record.offset
            if keep:
                f.in_scope, f.start = False, 0
            else:
                self._close(f)

    def expire(self) -> list[Finding]:
        """Let go of rotated files that stopped growing, and of contents no file holds."""
        now, findings = self.clock(), []
        for f in list(self.files.values()):
            content = f.content
            if f.in_scope or now - f.last_growth < self.grace:
                continue
            if content is not None and content.read_pos < f.size:
                continue
            self._close(f)
            if content is not None and not self._holders(content):
                findings += self._finalize(content)
        for content in list(self.active.values()):
            since = content.orphaned_at
            idle = since is not None and now - max(since, content.last_growth) >= self.grace
            if idle and not self._holders(content):
                findings += self._finalize(content)
        return findings

    def flush(self) -> list[Finding]:
        return [f for c in self.active.values() for f in c.flush()]

    def flush_quiet(self, quiet: float) -> list[Finding]:
        """Findings held back by contents that have not grown for ``quiet`` seconds."""
        now = self.clock()
        return [
            f
            for c in self.active.values()
            if not c.quiet and now - c.last_growth >= quiet
            for f in c.flush()
        ]

    def reload(self, ruleset: Ruleset) -> list[Finding]:
        """New signatures; every content re-reads from its checkpoint with them."""
        self.ruleset = ruleset
        return [f for c in self.active.values() for f in c.restart(ruleset)]

    def close(self, report_partial: bool) -> list[Finding]:
        """Stop. Without a state, partial last lines are reported (``partial: true``)."""
        findings = self.flush()
        if report_partial:
            for content in list(self.active.values()):
                findings += self._finalize(content)
        for f in list(self.files.values()):
            self._close(f)
        return findings

    # -- bookkeeping ------------------------------------------------------------------------
    def _holders(self, content: Content) -> list[TailedFile]:
        return [f for f in self.files.values() if f.content is content]

    def _close(self, f: TailedFile, done: bool = False) -> None:
        os.close(f.fd)
        del self.files[f.fid]
        if done:
            self._done.add(f.fid)

    def _find(self, head: bytes) -> str | None:
        for size in sorted({size for size, _ in self._index}, reverse=True):
            if len(head) >= size:
                key = self._index.get((size, head_digest(head[:size])))
                if key is not None:
                    return key
        return None

    def _activate(self, record: ContentRecord) -> Content:
        content = Content(record, self.ruleset, self.warn, self.clock())
        self.active[record.key] = content
        self._index[(record.probe.size, record.probe.digest)] = record.key
        return content

    def _reindex(self, content: Content, probe: Probe) -> None:
        self._index.pop((content.probe.size, content.probe.digest), None)
        content.probe = probe
        self._index[(probe.size, probe.digest)] = content.key

    def _finalize(self, content: Content) -> list[Finding]:
        findings, record = content.finish()
        del self.active[content.key]
        self._remember(record)
        return findings

    def _remember(self, record: ContentRecord) -> None:
        self.memory[record.key] = record
        self.memory.move_to_end(record.key)
        self._index[(record.probe.size, record.probe.digest)] = record.key
        while len(self.memory) > self.remembered:
            _, old = self.memory.popitem(last=False)
            if self._index.get((old.probe.size, old.probe.digest)) == old.key:
                del self._index[(old.probe.size, old.probe.digest)]
