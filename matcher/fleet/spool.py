"""A durable, bounded queue of payloads not yet delivered to one target.

Design (docs/deploy.md, "Delivery guarantee"): an append-only file of JSON lines, one record
per line, each written with a single ``write`` on an ``O_APPEND`` descriptor:

- ``{"schema": ...}`` first;
- ``{"n": 7, "p": "<payload>"}`` an item (payload: JSON text, kept as text);
- ``{"a": 7}`` item 7 is done (delivered, or rejected by the target);
- ``{"d": 7}`` item 7 was dropped because the spool was full (the oldest go first).

``commit()`` fsyncs. The live loop commits before it writes its state, so a state never
vouches for a line whose alert is not on disk; a kill before that re-reads the line and
spools it again (at least once). Done-records are not fsynced: losing one means a repeat
delivery, which the target deduplicates. On open the file is replayed; a torn last record (a
kill in the middle of a write) or a damaged one is skipped and the file cut back to the last
whole record, so nothing after it is lost. When done-records outnumber the items still
pending, the file is compacted: the pending items go to a temp file, fsync, rename, fsync of
the directory, so a kill at any point leaves either the old file or the new one, whole.
Memory and disk are bounded by ``cap`` items.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import threading
from collections import OrderedDict

from matcher.errors import MatcherError

SCHEMA = "incident-matcher/spool/v1"
DEFAULT_CAP = 10_000
_COMPACT_SLACK = 1000  # done-records tolerated beyond the pending count before compacting


class SpoolError(MatcherError):
    """A spool file that cannot be opened or written."""


class Spool:
    """Pending payloads, oldest first. ``path=None`` keeps them in memory only (``scan``)."""

    def __init__(self, path: str | None, cap: int = DEFAULT_CAP) -> None:
        if cap < 1:
            raise ValueError("a spool holds at least one item")
        self.path, self.cap = path, cap
        self.dropped = 0  # dropped over the cap since it was opened
        self.damaged = 0  # records skipped on open (torn or corrupt)
        self._items: OrderedDict[int, str] = OrderedDict()
        self._next = 1
        self._dead = 0  # done-records in the file
        self._dirty = False
        self._lock = threading.Lock()
        self._fd = -1
        if path is not None:
            self._open(path)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def append(self, payload: str) -> int:
        """Queue one payload; returns how many old ones were dropped to make room."""
        with self._lock:
            seq, self._next = self._next, self._next + 1
            self._items[seq] = payload
            self._write({"n": seq, "p": payload})
            dropped = 0
            while len(self._items) > self.cap:
                old, _ = self._items.popitem(last=False)
                self._write({"d": old})
                dropped += 1
            self.dropped += dropped
            self._dead += dropped
            return dropped

    def peek(self, limit: int) -> list[tuple[int, str]]:
        """Up to ``limit`` of the oldest pending items, without removing them."""
        with self._lock:
            return list(itertools.islice(self._items.items(), limit))

    def done(self, seqs: list[int]) -> None:
        """Remove delivered (or rejected) items; items already dropped are ignored."""
        with self._lock:
            for seq in seqs:
                if self._items.pop(seq, None) is not None:
                    self._write({"a": seq})
                    self._dead += 1
            if self._fd >= 0 and self._dead > len(self._items) + _COMPACT_SLACK:
                self._compact()

    def commit(self) -> None:
        """Make every append so far durable (fsync); cheap when nothing changed."""
        with self._lock:
            if self._dirty and self._fd >= 0:
                try:
                    os.fsync(self._fd)
                except OSError as exc:
                    raise SpoolError(f"{self.path}: cannot sync the spool ({exc})") from exc
            self._dirty = False

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                with contextlib.suppress(OSError):
                    os.fsync(self._fd)
                os.close(self._fd)
                self._fd = -1

    def _write(self, record: dict[str, object]) -> None:
        if self._fd < 0:
            return
        line = (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode()
        try:
            os.write(self._fd, line)  # one write per record on O_APPEND: no interleaving
        except OSError as exc:
            raise SpoolError(f"{self.path}: cannot write the spool ({exc})") from exc
        self._dirty = True

    def _open(self, path: str) -> None:
        try:
            good = self._replay(path)
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
            if good == 0:
                os.ftruncate(self._fd, 0)
                self._write({"schema": SCHEMA})
                os.fsync(self._fd)
            elif os.fstat(self._fd).st_size != good:
                os.ftruncate(self._fd, good)  # drop a torn tail so appends start clean
                os.fsync(self._fd)
        except OSError as exc:
            raise SpoolError(f"{path}: cannot open the spool ({exc.strerror})") from exc
        while len(self._items) > self.cap:  # opened with a smaller cap than it was written
            old, _ = self._items.popitem(last=False)
            self._write({"d": old})
            self.dropped += 1

    def _replay(self, path: str) -> int:
        """Load the pending items; returns the length of the file's whole-record prefix."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            return 0
        good = 0
        for raw in data.splitlines(keepends=True):
            if not raw.endswith(b"\n"):
                self.damaged += 1  # torn by a kill mid-write: never acknowledged, never durable
                break
            good += len(raw)
            try:
                self._apply(json.loads(raw), first=good == len(raw))
            except (ValueError, KeyError, TypeError):
                self.damaged += 1
        return good

    def _apply(self, record: object, first: bool) -> None:
        if not isinstance(record, dict):
            raise TypeError("not a record")
        if first:
            if record.get("schema") != SCHEMA:
                raise SpoolError(f"{self.path}: not a spool file ({SCHEMA}); move it away")
            return
        if "n" in record:
            seq, payload = record["n"], record["p"]
            if not isinstance(seq, int) or not isinstance(payload, str):
                raise TypeError("bad item")
            self._items[seq] = payload
            self._next = max(self._next, seq + 1)
        else:
            seq = record.get("a", record.get("d"))
            if not isinstance(seq, int):
                raise TypeError("bad record")
            self._items.pop(seq, None)
            self._dead += 1

    def _compact(self) -> None:
        assert self.path is not None
        tmp = f"{self.path}.compact"  # one writer per spool (the state lock)
        lines = [json.dumps({"schema": SCHEMA}) + "\n"]
        for seq, payload in self._items.items():
            lines.append(json.dumps({"n": seq, "p": payload}, ensure_ascii=True) + "\n")
        try:
            with open(tmp, "w", encoding="ascii") as fh:
                fh.writelines(lines)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            _sync_dir(self.path)
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CLOEXEC)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise SpoolError(f"{self.path}: cannot compact the spool ({exc})") from exc
        os.close(self._fd)
        self._fd, self._dead, self._dirty = fd, 0, False


def _sync_dir(path: str) -> None:
    fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
