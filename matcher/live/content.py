"""What is followed: a file's *content*, known by a fingerprint of its first bytes, with the
offset its next unreported line starts at and the Scanner that reads it on.

Offsets belong to contents, not to files (see ``matcher.live.tail`` and docs/live.md).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from matcher.engine.choose import new_scanner
from matcher.engine.enveloped import EnvelopeScanner
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import MAX_LINE_BYTES, Scanner
from matcher.model import Finding, UnknownFailure
from matcher.patterns.ruleset import Ruleset

FINGERPRINT_BYTES = 1024
Warn = Callable[[str], None]


def head_digest(data: bytes) -> str:
    """The fingerprint of a content's first bytes."""
    return hashlib.blake2b(data, digest_size=10).hexdigest()


@dataclass(frozen=True)
class Probe:
    """How to recognise a content: the digest of its first ``size`` bytes."""

    size: int
    digest: str

    def matches(self, head: bytes) -> bool:
        return len(head) >= self.size and head_digest(head[: self.size]) == self.digest


def probe_head(head: bytes) -> Probe | None:
    """The probe of a file's first bytes, or None while they hold no complete line."""
    return Probe(len(head), head_digest(head)) if b"\n" in head else None


def read_head(fd: int) -> bytes:
    return os.pread(fd, FINGERPRINT_BYTES, 0)


@dataclass(frozen=True)
class ContentRecord:
    """What is remembered of a content: where its next unreported line starts.

    ``skip_to``: a partial last line was reported up to here; findings before it are not
    reported again if the content turns up again with that line completed."""

    key: str
    probe: Probe
    offset: int
    line: int
    skip_to: int = 0
    path: str = ""


class Content:
    """A content being read: one Scanner, and the partial last line held back from it."""

    def __init__(
        self,
        record: ContentRecord,
        ruleset: Ruleset,
        warn: Warn,
        now: float,
        on_unknown: Callable[[UnknownFailure], None] | None = None,
        envelope: tuple[str, tuple[str, ...]] = ("auto", ()),
    ) -> None:
        """``on_unknown``: unknown failures as they are found (a ruleset compiled with
        ``unknown=True``: ``watch --unknown``); never kept here, so memory stays bounded.
        ``envelope``: what matcher.envelopes is told (``--envelope``, ``--field``)."""
        self.key, self.probe, self.path = record.key, record.probe, record.path
        self._on_unknown = on_unknown
        self.skip_to = record.skip_to
        self.last_growth = now
        self.orphaned_at: float | None = None
        self.quiet = True  # flushed since it last grew
        self._warn = warn
        self._envelope = envelope
        self.scanner = self._scanner(ruleset, record.offset, record.line)

    def _scanner(self, ruleset: Ruleset, offset: int, line: int) -> Scanner | EnvelopeScanner:
        self.read_pos = self.line_start = offset
        self.pending = b""
        envelope, fields = self._envelope
        unknown = bool(ruleset.markers) and self._on_unknown is not None
        options = ScanOptions(
            unknown=unknown, on_warning=self._warn, envelope=envelope, fields=fields
        )
        return new_scanner(
            ruleset, self.path, options, first_line=line, offset=offset, fingerprint=self.key
        )

    def _drain(self, findings: list[Finding]) -> list[Finding]:
        """Hand on the unknown failures the scanner found meanwhile; findings pass through."""
        stats = self.scanner.stats
        if stats.unknown and self._on_unknown is not None:
            for failure in stats.take_unknown():
                self._on_unknown(failure)
        return findings

    def feed(self, data: bytes, source: str) -> list[Finding]:
        """Scan the complete lines of ``data``; hold back a last line without its newline."""
        self.scanner.source = self.path = source
        self.quiet = False
        buf = self.pending + data if self.pending else data
        self.read_pos += len(data)
        cut = buf.rfind(b"\n") + 1
        findings = self.scanner.feed(buf[:cut]) if cut else []
        if cut:
            self.line_start = self.read_pos - (len(buf) - cut)
        self.pending = buf[cut:]
        if len(self.pending) > MAX_LINE_BYTES:  # the scanner keeps the head of an overlong line
            findings += self.scanner.feed(self.pending)
            self.pending = b""
        return self._drain(self._unseen(findings))

    def _unseen(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if f.offset >= self.skip_to] if self.skip_to else findings

    def flush(self) -> list[Finding]:
        self.quiet = True
        return self._drain(self._unseen(self.scanner.flush()))

    def record(self) -> ContentRecord:
        scanner = self.scanner
        return ContentRecord(
            self.key,
            self.probe,
            scanner.committed_offset,
            scanner.committed_line,
            self.skip_to,
            self.path,
        )

    def restart(self, ruleset: Ruleset, offset: int | None = None, line: int = 1) -> list[Finding]:
        """New scanner (new signatures, or the content was cut short); re-reads from the
        checkpoint, so nothing is lost and nothing already reported is reported again."""
        findings = self.flush()
        if offset is None:
            offset, line = self.scanner.committed_offset, self.scanner.committed_line
        self.scanner = self._scanner(ruleset, offset, line)
        return findings

    def finish(self) -> tuple[list[Finding], ContentRecord]:
        """Let go: report a partial last line (``partial: true``) and return what to remember."""
        findings = self.flush()
        record = self.record()
        if self.pending:
            findings += self.scanner.feed(self.pending)
            self.pending = b""
        tail = self.scanner.close()
        findings += [replace(f, partial=True) if f.offset >= self.line_start else f for f in tail]
        if self.read_pos > record.offset:
            record = replace(record, skip_to=max(self.skip_to, self.read_pos))
        return self._drain(self._unseen(findings)), record


FileId = tuple[int, int]
CLOSED = -1  # the descriptor of a parked file (matcher.live.descriptors)


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
    opened: float = 0.0  # when it was opened (first seen)
    compressed: bool = False


READ_CHUNK = 1 << 20


def line_end_before(fd: int, size: int, window: int = 1 << 16) -> int:
    """The offset just after the last newline before ``size`` (a partial line is read whole)."""
    start = max(0, size - window)
    data = os.pread(fd, size - start, start)
    newline = data.rfind(b"\n")
    if newline >= 0:
        return start + newline + 1
    return 0 if start == 0 else size


def count_lines(fd: int, end: int) -> int:
    count, pos = 0, 0
    while pos < end:
        data = os.pread(fd, min(READ_CHUNK, end - pos), pos)
        if not data:
            break
        count += data.count(b"\n")
        pos += len(data)
    return count
