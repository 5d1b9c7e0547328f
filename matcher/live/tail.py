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

import errno
import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping

from matcher.live.compressed import read_compressed
from matcher.live.content import (
    CLOSED,
    FINGERPRINT_BYTES,
    READ_CHUNK,
    Content,
    ContentRecord,
    FileId,
    Probe,
    TailedFile,
    Warn,
    count_lines,
    line_end_before,
    probe_head,
    read_head,
)
from matcher.live.contents import Contents
from matcher.live.descriptors import Descriptors, Reopened, open_waiting
from matcher.live.rotation import catch_up
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import GZIP_MAGIC
from matcher.vocabulary import DEFAULT_GRACE

OUT_OF_FDS = (errno.EMFILE, errno.ENFILE)
# Read at most this much of one file per poll, so that checkpoints keep coming during a backlog.
READ_BUDGET = 8 << 20
# Contents no longer followed whose offsets are still remembered (and kept in the state).
REMEMBERED_CONTENTS = 1024

Siblings = Callable[[str], Iterable[tuple[str, os.stat_result]]]


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
        max_open: int | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.clock = clock
        self.grace = grace
        self.start_at_end = start_at_end
        self.compressed = compressed
        self.siblings: Siblings = siblings or (lambda name: ())
        self.warn: Warn = on_warning or (lambda message: None)
        self.remembered = remembered
        self.files: dict[FileId, TailedFile] = {}
        self.fds = Descriptors(self.files, opener, max_open)  # the open ones, within a budget
        self.waiting: dict[str, float] = {}  # names in scope not opened yet: no descriptor
        self.names: dict[str, FileId] = {}
        self.contents = Contents(remembered)
        self.active = self.contents.active  # followed contents, by key
        self.memory = self.contents.memory  # contents no longer followed, offsets kept
        self.looked = 0.0  # when the names in scope were last looked at
        self.floor = clock()  # never catch up on files older than this (first run)
        self._first = True
        self._catch_up_all = False
        self._queue: list[tuple[str, float]] = []
        # name -> the file it last held and when it was last seen holding it (kept while the
        # name is absent: a rotation may leave it missing for a moment)
        self._seen: OrderedDict[str, tuple[FileId, float]] = OrderedDict()
        self._unreadable: set[str] = set()
        self._done: set[FileId] = set()  # compressed files read, or not to be read
        self.behind = False  # a file had more to read than one poll reads
        self.bytes_read = self.lines_read = 0  # totals, for the agent's metrics

    # -- the state --------------------------------------------------------------------------
    def restore(self, records: Iterable[ContentRecord], looked: float) -> None:
        """Resume from a state: known contents continue from their offsets, and rotated
        files written since ``looked`` are caught up on at the first update."""
        for record in records:
            self.contents.remember(record, evict=False)  # more than 1024 followed: all kept
        self.looked = looked
        self.floor = float("-inf")
        self._catch_up_all = True

    def records(self) -> list[ContentRecord]:
        return self.contents.records()

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
            f = self.files.get(fid) or self.open_file(name, since=previous)
            if f is not None:
                current[name] = f.fid
                self.note(name, f.fid, now, previous)
        while len(self._seen) > 4 * self.remembered:
            self._seen.popitem(last=False)
        for f in self.files.values():
            f.in_scope = False
        for name, fid in current.items():
            self.files[fid].in_scope, self.files[fid].name = True, name
        self.names, self.looked = current, now
        self._first = self._catch_up_all = False

    def note(self, name: str, fid: FileId, now: float, previous: float) -> None:
        """``name`` holds ``fid`` now: if it held another file before, look for that one."""
        old = self._seen.pop(name, None)
        if self._catch_up_all:
            self._queue.append((name, previous))
        elif old is not None and old[0] != fid:
            self._queue.append((name, old[1]))
        self._seen[name] = (fid, now)

    def open_file(
        self, path: str, quiet: bool = False, since: float | None = None
    ) -> TailedFile | None:
        """Open a file; ``since`` (a name in scope, not a rotated sibling): wait for a free
        descriptor, if need be, in ``_waiting`` (a sibling may use the reserve)."""
        try:
            fd = self.fds.open_path(path, room=since is not None)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if since is not None and (isinstance(exc, BlockingIOError) or exc.errno in OUT_OF_FDS):
                self.waiting[path] = since
                return None
            if not quiet and path not in self._unreadable:
                self._unreadable.add(path)
                self.warn(f"{path}: cannot be read ({exc.strerror or exc}); will retry")
            return None
        self._unreadable.discard(path)
        st = os.fstat(fd)
        fid = (st.st_dev, st.st_ino)
        if not stat.S_ISREG(st.st_mode) or fid in self.files or fid in self._done:
            self.fds.discard(fd)
            return self.files.get(fid)
        start = line_end_before(fd, st.st_size) if self._first and self.start_at_end else 0
        f = TailedFile(fd, fid, path, start, last_growth=self.clock(), opened=self.clock())
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
                catch_up(self, *self._queue.pop(0))  # where rotated contents went
            open_waiting(self)
            todo = [f for fid, f in self.files.items() if fid not in polled]
            if not todo:
                self.behind = self.behind or bool(self.waiting)
                return findings
            for f in todo:
                polled.add(f.fid)
                findings += self._poll_file(f)

    def _poll_file(self, f: TailedFile) -> list[Finding]:
        if f.fd == CLOSED:  # parked: reopened only once it changed
            reopened = self.fds.reopen(f)
            self.behind = self.behind or reopened is Reopened.WAITING
            if reopened is not Reopened.OPEN:
                return []
        st = os.fstat(f.fd)
        size, stamp, now = st.st_size, (st.st_mtime_ns, st.st_ctime_ns), self.clock()
        if size > f.size:
            f.last_growth = now
        if f.compressed:
            return read_compressed(self, f, size, stamp)
        findings: list[Finding] = []
        if stamp != f.stamp or size != f.size or f.content is None:
            unread = f.content is None and f.stamp != (0, 0)
            rewritten = unread and stamp != f.stamp and size <= f.size
            shrunk, f.size, f.stamp = size < f.size, size, stamp
            if f.content is not None:
                findings += self._verify(f, shrunk, now)
            if f.content is None and self._identify(f, now) is None and rewritten and f.in_scope:
                # Written and cut back before we could read a line of it (copytruncate right
                # after `create`): the copy may be next to it (issue #16, item 1).
                self._queue.append((f.name, f.looked or f.opened))
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
            self.contents.reindex(content, probe_head(head) or content.probe)
        if shrunk and content.read_pos > f.size and len(self.holders(content)) == 1:
            # Cut short but the same beginning: read on from the new end.
            start = line_end_before(f.fd, f.size)
            return content.restart(self.ruleset, start, count_lines(f.fd, start) + 1)
        return []

    def _lose(self, f: TailedFile, now: float) -> None:
        """The file no longer holds its content (truncated, rewritten, inode reused)."""
        old, f.content, f.start = f.content, None, 0
        if old is not None and not self.holders(old):
            old.orphaned_at = now
        if f.in_scope:  # copytruncate: the copy may be next to it
            self._queue.append((f.name, f.looked))

    def _identify(self, f: TailedFile, now: float) -> Content | None:
        head = read_head(f.fd)
        probe = probe_head(head)
        if head.startswith(GZIP_MAGIC):
            f.compressed = True
            return None
        if probe is None:
            return None
        key = self.contents.find(head)
        if key is None:
            line = count_lines(f.fd, f.start) + 1 if f.start else 1
            content = self.new_content(ContentRecord(self.new_key(probe), probe, f.start, line))
        else:
            content = self.known_content(key)
        content.orphaned_at = None
        f.content, f.looked = content, now
        return content

    def new_content(self, record: ContentRecord) -> Content:
        return self.contents.activate(self.ruleset, self.warn, self.clock(), record)

    def known_content(self, key: str) -> Content:
        return self.contents.take(key, self.ruleset, self.warn, self.clock())

    def new_key(self, probe: Probe) -> str:
        # A content's key is its first digest and never changes (finding ids use it); a new
        # content may happen to start like an old one did before its probe grew.
        key = probe.digest
        while key in self.contents:
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
            self.bytes_read += len(data)
            self.lines_read += data.count(b"\n")
        return findings

    def expire(self) -> list[Finding]:
        """Let go of rotated files that stopped growing, and of contents no file holds."""
        now, findings = self.clock(), []
        for f in list(self.files.values()):
            content = f.content
            if f.in_scope or now - f.last_growth < self.grace:
                continue
            if content is not None and content.read_pos < f.size:
                continue
            self.close_file(f)
            if content is not None and not self.holders(content):
                findings += self.contents.finish(content)
        for content in list(self.active.values()):
            since = content.orphaned_at
            idle = since is not None and now - max(since, content.last_growth) >= self.grace
            if idle and not self.holders(content):
                findings += self.contents.finish(content)
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
                findings += self.contents.finish(content)
        for f in list(self.files.values()):
            self.close_file(f)
        return findings

    # -- bookkeeping ------------------------------------------------------------------------
    def holders(self, content: Content) -> list[TailedFile]:
        return [f for f in self.files.values() if f.content is content]

    def close_file(self, f: TailedFile, done: bool = False) -> None:
        self.fds.close(f)
        del self.files[f.fid]
        if done:
            self._done.add(f.fid)
