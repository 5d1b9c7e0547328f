"""File descriptors within a budget: hold open only the files being read.

``watch`` of a directory where 1,100 files appear under ``ulimit -n 1024`` ran out of
descriptors, then could not write its state (issue #16, item 4). As Fluent Bit and Vector do,
a followed file that is read to its end and idle is *parked*: its descriptor is closed, its
record (identity, size, times, content) kept; it is reopened by name when ``stat`` shows it
changed, and only if the name still holds the same device and inode (the fingerprint of its
first bytes is checked on reading, as always). ``RESERVE`` descriptors stay free for the
state file, the output, the observer and imports.
"""

from __future__ import annotations

import enum
import errno
import os
import resource
import stat
from collections.abc import Callable
from typing import TYPE_CHECKING

from matcher.live.content import CLOSED, FileId, TailedFile

if TYPE_CHECKING:
    from matcher.live.tail import Tailer

RESERVE = 64
MIN_BUDGET = 8
OUT_OF_DESCRIPTORS = (errno.EMFILE, errno.ENFILE)


class Reopened(enum.Enum):
    """What ``Descriptors.reopen`` did with a parked file."""

    OPEN = "open again, to be read"
    UNCHANGED = "nothing new: stays parked"
    WAITING = "changed, but no descriptor is free yet"
    MOVED = "its name no longer holds it: a rotation will find it"


def descriptor_budget(reserve: int = RESERVE) -> int:
    """How many files may be open at once: the soft limit less the reserve."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 1 << 20
    return max(MIN_BUDGET, soft - reserve)


class Descriptors:
    """The open files of a tailer (``files``, by identity), kept within ``budget``."""

    def __init__(
        self,
        files: dict[FileId, TailedFile],
        opener: Callable[[str, int], int],
        budget: int | None = None,
    ) -> None:
        self.files = files
        self.opener = opener
        self.budget = descriptor_budget() if budget is None else budget
        self.open = 0

    def open_path(self, path: str, room: bool = True) -> int:
        """A descriptor for ``path``; with ``room``, an idle file is parked first if the
        budget is spent (``BlockingIOError`` if none can be). Out of descriptors all the
        same: park one and try once more. OSError as ``os.open`` raises it."""
        if room and not self.make_room():
            raise BlockingIOError(errno.EMFILE, "descriptor budget spent")
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            fd = self.opener(path, flags)
        except OSError as exc:
            if exc.errno not in OUT_OF_DESCRIPTORS or not self.park_idle():
                raise
            fd = self.opener(path, flags)
        self.open += 1
        return fd

    def close(self, f: TailedFile) -> None:
        if f.fd != CLOSED:
            self.discard(f.fd)
            f.fd = CLOSED

    def discard(self, fd: int) -> None:
        """Close a descriptor ``open_path`` gave."""
        os.close(fd)
        self.open -= 1

    def make_room(self, keep: TailedFile | None = None) -> bool:
        return self.open < self.budget or self.park_idle(keep)

    def park_idle(self, keep: TailedFile | None = None) -> bool:
        """Close the file idle longest: in scope, read to its end. False if none is."""
        idle = [f for f in self.files.values() if f is not keep and _parkable(f)]
        if not idle:
            return False
        self.close(min(idle, key=lambda f: f.last_growth))
        return True

    def reopen(self, f: TailedFile) -> Reopened:
        """Reopen a parked file if it changed, by name, only if the name still holds it."""
        try:
            st = os.stat(f.name)
        except OSError:
            return Reopened.MOVED
        if (st.st_dev, st.st_ino) != f.fid or not stat.S_ISREG(st.st_mode):
            return Reopened.MOVED
        if (st.st_size, (st.st_mtime_ns, st.st_ctime_ns)) == (f.size, f.stamp):
            return Reopened.UNCHANGED
        if not self.make_room(keep=f):
            return Reopened.WAITING
        try:
            fd = self.open_path(f.name, room=False)
        except OSError:
            return Reopened.WAITING
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != f.fid:  # replaced in between
            self.discard(fd)
            return Reopened.MOVED
        f.fd = fd
        return Reopened.OPEN


def open_waiting(tailer: Tailer) -> None:
    """Open the names in scope that found no free descriptor, as files are parked."""
    now = tailer.clock()
    for name, previous in list(tailer.waiting.items()):
        del tailer.waiting[name]
        f = tailer.open_file(name, since=previous)
        if name in tailer.waiting:
            return  # still no room
        if f is not None and name not in tailer.names:
            f.in_scope, f.name, tailer.names[name] = True, name, f.fid
            tailer.note(name, f.fid, now, previous)


def _parkable(f: TailedFile) -> bool:
    content = f.content
    return (
        f.fd != CLOSED
        and f.in_scope
        and not f.compressed
        and f.stamp != (0, 0)  # looked at once at least
        and (content is None or content.read_pos >= f.size)
    )
