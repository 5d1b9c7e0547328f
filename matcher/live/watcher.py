"""What to read and when to look: scopes (followed names, watched directories) and the
watchdog observer that says *something changed* (it never says what to read: the tailer
decides that from ``fstat`` and the bytes).

The observer is armed before the first scan, supervised (a dead observer thread or watch is
restarted, a deleted and recreated directory is watched again) and falls back to polling when
inotify runs out of watches or instances.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from watchdog import events
from watchdog.observers.api import BaseObserver, ObservedWatch

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip", ".Z", ".tgz")
MAX_SIBLINGS = 100
Warn = Callable[[str], None]


def is_compressed_name(name: str) -> bool:
    return name.endswith(COMPRESSED_SUFFIXES)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def rotated_siblings(name: str, compressed: bool = False) -> list[tuple[str, os.stat_result]]:
    """Files next to ``name`` that look like its rotations: ``app.log.1``, ``app.log-2024…``,
    ``app.log.2.gz`` (with ``compressed``); newest first, at most ``MAX_SIBLINGS``. For a
    symlink, next to its target: the kubelet's ``/var/log/containers/*.log`` point at
    ``/var/log/pods/…/0.log``, rotated there to ``0.log.<timestamp>`` (then gzipped)."""
    directory, base = os.path.split(os.path.realpath(name) if os.path.islink(name) else name)
    pattern = re.compile(re.escape(base) + r"[._-]\d")
    found = []
    try:
        entries = list(os.scandir(directory or "."))
    except OSError:
        return []
    for entry in entries:
        if not pattern.match(entry.name) or (is_compressed_name(entry.name) and not compressed):
            continue
        st = _stat(entry.path)
        if st is not None and stat.S_ISREG(st.st_mode):
            found.append((os.path.join(directory, entry.name), st))
    found.sort(key=lambda item: item[1].st_mtime, reverse=True)
    return found[:MAX_SIBLINGS]


class FollowScope:
    """``--follow FILE…``: the names as given, followed by name like ``tail -F``."""

    cheap = True  # a stat per name: looked at on every tick

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)

    def discover(self) -> dict[str, os.stat_result]:
        found = {}
        for path in self.paths:
            st = _stat(path)
            if st is not None:
                found[path] = st
        return found

    def siblings(self, name: str) -> list[tuple[str, os.stat_result]]:
        return rotated_siblings(name)

    def directories(self) -> list[tuple[str, bool]]:
        """Directories to watch: each name's, and its symlink target's."""
        dirs: dict[str, bool] = {}
        for path in self.paths:
            for target in (path, os.path.realpath(path)):
                dirs[os.path.dirname(os.path.abspath(target))] = False
        return list(dirs.items())


@dataclass
class DirScope:
    """``watch DIR…``: files under the directories that match the globs."""

    roots: Sequence[str]
    include: Sequence[str] = ("*",)
    exclude: Sequence[str] = ()
    recursive: bool = False
    compressed: bool = False
    ignore: Iterable[str] = ()
    on_warning: Warn | None = None
    cheap = False  # listing directories: looked at on events and on the periodic rescan
    _ignored: set[str] = field(default_factory=set)
    _missing: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._ignored = {os.path.realpath(p) for p in self.ignore}

    def wanted(self, root: str, path: str) -> bool:
        rel = os.path.relpath(path, root)
        base = os.path.basename(path)

        def hit(globs: Sequence[str]) -> bool:
            return any(fnmatch.fnmatch(base, g) or fnmatch.fnmatch(rel, g) for g in globs)

        if not hit(self.include) or hit(self.exclude):
            return False
        if is_compressed_name(base) and not self.compressed:
            return False
        return os.path.realpath(path) not in self._ignored and ".matcher-tmp-" not in base

    def discover(self) -> dict[str, os.stat_result]:
        found: dict[str, os.stat_result] = {}
        for root in self.roots:
            if not os.path.isdir(root):
                if root not in self._missing and self.on_warning:
                    self.on_warning(f"{root}: directory is gone; waiting for it to come back")
                self._missing.add(root)
                continue
            self._missing.discard(root)
            self._walk(root, root, found)
        return found

    def _walk(self, root: str, directory: str, found: dict[str, os.stat_result]) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if self.recursive and not entry.is_symlink():
                    self._walk(root, entry.path, found)
            elif self.wanted(root, entry.path):
                st = _stat(entry.path)
                if st is not None and stat.S_ISREG(st.st_mode):
                    found[entry.path] = st

    def siblings(self, name: str) -> list[tuple[str, os.stat_result]]:
        return rotated_siblings(name, self.compressed)

    def directories(self) -> list[tuple[str, bool]]:
        return [(root, self.recursive) for root in self.roots]


class Watcher:
    """A watchdog observer that pokes ``wake(structural)`` on changes, kept alive by
    ``check()`` (call it on every rescan)."""

    def __init__(
        self,
        directories: Callable[[], list[tuple[str, bool]]],
        wake: Callable[[bool], None],
        *,
        poll: bool = False,
        poll_interval: float = 1.0,
        on_warning: Warn | None = None,
        observer_factory: Callable[[bool, float], BaseObserver] | None = None,
    ) -> None:
        self.directories = directories
        self.wake = wake
        self.polling = poll
        self.poll_interval = poll_interval
        self.warn: Warn = on_warning or (lambda message: None)
        self.factory = observer_factory or make_observer
        self.observer: BaseObserver | None = None
        self.restarts = 0
        self._watches: dict[str, tuple[ObservedWatch, tuple[int, int]]] = {}
        self._handler = _Handler(wake)

    @property
    def mode(self) -> str:
        return "polling" if self.polling else "inotify"

    def start(self) -> None:
        try:
            observer = self.factory(self.polling, self.poll_interval)
            observer.start()
            self.observer = observer
            self._arm_all(observer)
        except OSError as exc:
            self._fall_back(exc)

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            if self.observer.is_alive():
                self.observer.join(timeout=5)
            self.observer = None

    def check(self) -> None:
        """Restart a dead observer; re-arm watches whose directory died or came back."""
        observer = self.observer
        if observer is None or not observer.is_alive():
            self.warn(f"the file watcher ({self.mode}) stopped; restarting it")
            self.restarts += 1
            self.stop()
            self._watches.clear()
            self.start()
            return
        try:
            self._arm_all(observer)
        except OSError as exc:
            self._fall_back(exc)

    def _arm_all(self, observer: BaseObserver) -> None:
        wanted = dict(self.directories())
        for path in list(self._watches):
            if path not in wanted:
                self._disarm(observer, path)
        for path, recursive in wanted.items():
            self._arm(observer, path, recursive)

    def _arm(self, observer: BaseObserver, path: str, recursive: bool) -> None:
        st = _stat(path)
        current = self._watches.get(path)
        if st is None or not stat.S_ISDIR(st.st_mode):
            if current is not None:
                self._disarm(observer, path)
            return
        ident = (st.st_dev, st.st_ino)
        if current is not None and current[1] == ident and self._alive(observer, current[0]):
            return
        if current is not None:
            self._disarm(observer, path)
        watch = observer.schedule(
            self._handler, path, recursive=recursive, event_filter=EVENT_FILTER
        )
        self._watches[path] = (watch, ident)
        self.wake(True)  # what happened while it was not watched is found by a rescan

    @staticmethod
    def _alive(observer: BaseObserver, watch: ObservedWatch) -> bool:
        return any(e.watch == watch and e.is_alive() for e in observer.emitters)

    def _disarm(self, observer: BaseObserver, path: str) -> None:
        watch, _ = self._watches.pop(path)
        with contextlib.suppress(KeyError, OSError):  # its emitter may have died with the dir
            observer.unschedule(watch)

    def _fall_back(self, exc: OSError) -> None:
        if self.polling or exc.errno not in (errno.ENOSPC, errno.EMFILE):
            raise exc
        self.warn(f"inotify: {exc.strerror}; falling back to polling every {self.poll_interval}s")
        self.stop()
        self._watches.clear()
        self.polling = True
        self.start()


_STRUCTURAL = frozenset({"created", "deleted", "moved"})
# Worth waking for; not opens and closes-without-writing (our own reads would wake us).
EVENT_FILTER: list[type[events.FileSystemEvent]] = [
    events.FileModifiedEvent,
    events.FileCreatedEvent,
    events.FileDeletedEvent,
    events.FileMovedEvent,
    events.FileClosedEvent,
    events.DirCreatedEvent,
    events.DirDeletedEvent,
    events.DirMovedEvent,
]


class _Handler(events.FileSystemEventHandler):
    """Any event wakes the loop; creations, deletions and moves also ask for a rescan."""

    def __init__(self, wake: Callable[[bool], None]) -> None:
        self.wake = wake

    def dispatch(self, event: events.FileSystemEvent) -> None:
        self.wake(event.event_type in _STRUCTURAL)


def make_observer(polling: bool, interval: float) -> BaseObserver:
    if polling:
        from watchdog.observers.polling import PollingObserver

        return PollingObserver(timeout=interval)
    from watchdog.observers import Observer

    return Observer()
