"""Where a multi-line event (a traceback, a stack trace, a pytest failure) starts and ends.

Events are found around a candidate line, not by a pass over every line: walk back from the
line to an *anchor* (a line that starts an event whatever precedes it), then forward with the
joining rules until a line starts the next event. The rules are documented in docs/events.md.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from matcher.text import decode_line, render

MODES = ("auto", "python", "java", "go", "lines")
# Bounds: a runaway block is cut here and the cut is marked on the finding.
MAX_EVENT_LINES = 1000
MAX_EVENT_BYTES = 256 * 1024
MAX_LOOKBACK_LINES = 400

# A timestamp or a level at the start of a line: such a line starts an event of its own.
PREFIX = re.compile(
    rb"^(?:"
    rb"\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}"  # ISO 8601, Python logging, nginx error, Go log
    rb"|\[?\d{2}:\d{2}:\d{2}"  # time only
    rb"|\[?[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}"  # Apache [Wed Oct 11 14:32:52 ...]
    rb"|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}"  # syslog
    rb"|\d{1,2}/[A-Z][a-z]{2}/\d{4}:\d{2}"  # common log format date
    rb"|\[\s*\d+\.\d+\]"  # kernel uptime
    rb"|[IWEF]\d{4} \d{2}:\d{2}"  # klog / glog
    rb"|\d+:[CMSX] \d{2} [A-Z][a-z]{2}"  # Redis
    rb"|\{"  # a JSON log record
    rb"|\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|FATAL|SEVERE|PANIC|ALERT|EMERG)\b"
    rb")"
)
ERROR_LEVEL = re.compile(rb"\b(?:ERROR|ERR|CRITICAL|FATAL|SEVERE|PANIC|EMERG|ALERT|error)\b")
# A line that may be followed by its own traceback/stack trace: error level, and warnings too
# (``logger.warning(..., exc_info=True)``, ``log.warn("retrying", e)``).
OWNS_TRACE = re.compile(
    rb"\b(?:ERROR|ERR|CRITICAL|FATAL|SEVERE|PANIC|EMERG|ALERT|error|WARN|WARNING|warn|warning)\b"
)
PG_CONTINUATION = re.compile(rb"\b(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):  ")
PG_LEVEL = re.compile(rb"\b(?:ERROR|FATAL|PANIC|WARNING|LOG):  ")
TRACEBACK = b"Traceback (most recent call last):"
CHAIN = (
    b"During handling of the above exception, another exception occurred:",
    b"The above exception was the direct cause of the following exception:",
)
EXCEPTION_TRAILER = re.compile(
    rb"^(?:DETAIL:|HINT:|\[SQL: |\[parameters: |\(Background on this error at: )"
)
JAVA_EXCEPTION = re.compile(
    rb"^(?:[\w$]+\.)+[\w$]*(?:Exception|Error|Throwable)\b|^Exception in thread "
)
# The JVM's default handler prints an uncaught exception with this header, never after a log line.
JAVA_UNCAUGHT = re.compile(rb'^Exception in thread "')
JAVA_CONTINUATION = re.compile(rb"^(?:Caused by: |Suppressed: |\.\.\. \d+ (?:more|common frames))")
GO_PANIC = re.compile(rb"^(?:panic: |fatal error: )")
PYTEST_BLOCK = re.compile(rb"^_{3,} (.+?) _{3,}$")
SEPARATOR = re.compile(rb"^(?:={3,}|-{3,}|_{3,})(?: .*)?$")
PYTEST_E = re.compile(rb"^E(?: |$)")
# pytest shows a failing function's arguments and locals as ``name = value`` lines.
PYTEST_LOCAL = re.compile(rb"^[A-Za-z_]\w* = ")
PYTEST_FAILED = re.compile(rb"^(?:FAILED|ERROR) (\S+?)(?: - |$)")
# An exception line (pytest's ``E`` lines and Java's causes included) or a Go panic.
TELLING = re.compile(
    rb"^(?:E\s+|\s*(?:Caused by|Suppressed): )?(?:[\w$]+\.)*[\w$]*"
    rb"(?:Error|Exception|Exit|Interrupt|Violation|Warning|Failure|Fault|Throwable|Timeout)\b"
    rb"|^(?:panic|fatal error): "
)


class Bounds(NamedTuple):
    start: int  # offset of the event's first line
    end: int  # offset just past the event's last line (its newline)
    open: bool  # the buffer ended before the event did
    cut: bool  # the event hit MAX_EVENT_LINES/MAX_EVENT_BYTES and was cut
    header: bytes  # the event's first line


def line_at(buf: bytes, start: int) -> tuple[bytes, int]:
    """The line starting at ``start`` (without its newline) and the offset of the next line."""
    end = buf.find(b"\n", start)
    if end == -1:
        return buf[start:], len(buf)
    return buf[start:end], end + 1


def _prev_start(buf: bytes, start: int) -> int:
    return buf.rfind(b"\n", 0, start - 1) + 1 if start > 0 else 0


class EventRules:
    def __init__(self, mode: str = "auto") -> None:
        if mode not in MODES:
            raise ValueError(f"unknown event mode {mode!r}")
        self.mode = mode
        self.python = mode in ("auto", "python")
        self.java = mode in ("auto", "java")
        self.go = mode in ("auto", "go")
        self.pytest = mode in ("auto", "python")

    def bounds(self, buf: bytes, line_start: int, floor: int = 0, final: bool = True) -> Bounds:
        """The event holding the line at ``line_start``. ``floor``: no look-back before it."""
        if self.mode == "lines":
            line, nxt = line_at(buf, line_start)
            return Bounds(line_start, nxt, False, False, line)
        anchor = self._anchor(buf, line_start, floor)
        while True:
            bounds = self._forward(buf, anchor, final)
            if bounds.end > line_start or bounds.open:
                return bounds
            anchor = bounds.end
            # skip blank lines between events
            while anchor < line_start:
                line, nxt = line_at(buf, anchor)
                if line.strip():
                    break
                anchor = nxt

    def _anchor(self, buf: bytes, start: int, floor: int) -> int:
        pos = start
        for _ in range(MAX_LOOKBACK_LINES):
            if pos <= floor:
                return floor
            line, _ = line_at(buf, pos)
            prev_start = _prev_start(buf, pos)
            prev, _ = line_at(buf, prev_start)
            if self._is_anchor(line, prev):
                return pos
            pos = prev_start
        return pos

    def _is_anchor(self, line: bytes, prev: bytes) -> bool:
        if PREFIX.match(line):
            return not self._pg_joins(line, prev)
        if self.python and line.startswith(TRACEBACK):
            # Only certain after a line that closed any earlier event: a log line below warning.
            return bool(PREFIX.match(prev)) and not OWNS_TRACE.search(prev[:120])
        if self.pytest and PYTEST_BLOCK.match(line):
            return True
        if self.java and JAVA_UNCAUGHT.match(line):
            return True
        if self.go and GO_PANIC.match(line):
            return True
        return _plain(line) and _plain(prev) and not prev.rstrip().endswith(b":")

    def is_boundary(self, line: bytes, prev: bytes) -> bool:
        """No event spans this line and the one before it, whatever came earlier: a safe place
        to split a file between workers."""
        if self.mode == "lines":
            return True
        if PREFIX.match(line):
            return not self._pg_joins(line, prev)
        return bool(PYTEST_BLOCK.match(line))

    @staticmethod
    def _pg_joins(line: bytes, header: bytes) -> bool:
        """PostgreSQL's DETAIL/HINT/STATEMENT/CONTEXT lines join the ERROR line before them when
        both carry the same prefix (timestamp and pid)."""
        m = PG_CONTINUATION.search(line)
        if not m:
            return False
        prefix = line[: m.start()]
        return bool(prefix) and header.startswith(prefix)

    def _forward(self, buf: bytes, start: int, final: bool) -> Bounds:
        header, pos = line_at(buf, start)
        state = self._initial_state(header)
        last_line_end = pos
        lines = 1
        pending_blank = False
        prev = header
        while pos < len(buf):
            line, nxt = line_at(buf, pos)
            # Cut where the next line would take the event past a bound (a line that ends the
            # event anyway does not make it cut; blank lines count, so a run of them is bounded).
            over = lines >= MAX_EVENT_LINES or nxt - start > MAX_EVENT_BYTES
            if not line or line.isspace():
                if over:
                    return Bounds(start, last_line_end, False, True, header)
                pending_blank = True
                pos = nxt
                lines += 1
                continue
            new_state = self._join(state, line, header, prev, pending_blank)
            if new_state is None or over:
                return Bounds(start, last_line_end, False, new_state is not None, header)
            state = new_state
            pending_blank = False
            prev = line
            last_line_end = pos = nxt
            lines += 1
        # The buffer ended inside the event (or in trailing blank lines, which may yet be
        # followed by a continuation).
        return Bounds(start, last_line_end, not final, False, header)

    def _initial_state(self, header: bytes) -> str:
        if self.python and header.startswith(TRACEBACK):
            return "traceback"
        if self.pytest and PYTEST_BLOCK.match(header):
            return "pytest"
        if self.go and GO_PANIC.match(header):
            return "panic"
        if PG_LEVEL.search(header) and PREFIX.match(header):
            return "pg"
        if self.java and JAVA_EXCEPTION.match(header):
            return "java"  # e.printStackTrace() or an uncaught exception: no log line before it
        if OWNS_TRACE.search(header[:120]):
            return "error"
        return "plain"

    def _join(self, state: str, line: bytes, header: bytes, prev: bytes, blank: bool) -> str | None:
        """The state after ``line`` joins the event, or None if it starts a new one."""
        first = line[:1]
        if first in (b" ", b"\t"):
            return state  # indented: no prefix, separator or marker starts with white space
        if PREFIX.match(line):
            return state if state == "pg" and self._pg_joins(line, header) else None
        if SEPARATOR.match(line):
            return None
        if state == "pytest":
            return state
        if self.python and line.startswith(TRACEBACK):
            return "traceback" if (state in ("error", "chain") or prev in CHAIN) else None
        if self.python and line in CHAIN:
            return "chain" if state in ("traceback", "exception", "chain") else None
        if self.pytest and PYTEST_E.match(line):
            return state
        return self._join_unindented(state, line, blank)

    def _join_unindented(self, state: str, line: bytes, blank: bool) -> str | None:
        if state == "traceback":
            return "exception"  # the exception line that ends a traceback
        if state == "exception" and EXCEPTION_TRAILER.match(line):
            return state
        if self.java and state in ("error", "java") and not blank and _java_joins(line):
            return "java"
        if self.go and state == "panic":
            return state
        return None


def _java_joins(line: bytes) -> bool:
    """An exception line, a cause or a suppressed one: not the header of an uncaught one."""
    if JAVA_UNCAUGHT.match(line):
        return False
    return bool(JAVA_EXCEPTION.match(line) or JAVA_CONTINUATION.match(line))


def _plain(line: bytes) -> bool:
    """A line that is nothing a trace is made of: not blank, not indented, no log prefix, not a
    traceback, pytest, Java, Go or SQLAlchemy marker. A plain line right after another plain
    line starts an event of its own in every state but a Go panic or a pytest section, where
    such pairs do not occur; recognising it keeps the walk back short in logs without
    timestamps."""
    first = line[:1]
    if not first or first in b" \t>" or line.isspace():
        return False
    if line[:2] in (b"E ", b"E\t", b"_ ") or line == b"E" or PYTEST_LOCAL.match(line):
        return False
    return not (
        PREFIX.match(line)
        or line.startswith(TRACEBACK)
        or line in CHAIN
        or SEPARATOR.match(line)
        or PYTEST_BLOCK.match(line)
        or GO_PANIC.match(line)
        or JAVA_CONTINUATION.match(line)
        or EXCEPTION_TRAILER.match(line)
    )


def is_telling(line: bytes) -> bool:
    """An exception line or an error-level log line: what a finding should point at. (The
    level must be in a log prefix: "(Background on this error at: …)" is no error line.)"""
    if TELLING.match(line):
        return True
    return bool(PREFIX.match(line)) and bool(ERROR_LEVEL.search(line[:120]))


def lines_around(work: bytes, start: int, lines: int, count: int) -> tuple[tuple[str, ...], ...]:
    """Up to ``count`` lines before an event (``lines`` long, starting at ``start``) and after
    it (the scanner waits for the lines after it, see awaits_context): ``grep -C``."""
    if not count:
        return ((), ())
    before: list[bytes] = []
    pos = start
    while pos > 0 and len(before) < count:
        prev = work.rfind(b"\n", 0, pos - 1) + 1
        before.insert(0, work[prev : pos - 1])
        pos = prev
    after_start = start
    for _ in range(lines):
        after_start = work.find(b"\n", after_start) + 1
    after = work[after_start:].split(b"\n", count)[:count]
    if after and not after[-1] and after_start + sum(len(a) + 1 for a in after) > len(work):
        after.pop()  # the piece after the buffer's last newline is no line
    return (
        tuple(render(decode_line(raw)) for raw in before),
        tuple(render(decode_line(raw)) for raw in after),
    )


class LineCounter:
    """Line numbers of offsets in a buffer, counted incrementally from a known point."""

    def __init__(self, buf: bytes, base: int, base_line: int) -> None:
        self.buf, self.pos, self.line = buf, base, base_line

    def at(self, offset: int) -> int:
        if offset >= self.pos:
            self.line += self.buf.count(b"\n", self.pos, offset)
        else:
            self.line -= self.buf.count(b"\n", offset, self.pos)
        self.pos = offset
        return self.line


# An event waits at most this many bytes for the lines after it (``--context``).
CONTEXT_WAIT_BYTES = 4 * MAX_EVENT_BYTES


def awaits_context(work: bytes, bounds: Bounds, context: int) -> bool:
    """With ``--context N``, an event waits for the N lines after it, as grep -C shows them,
    unless the input ends first (or it has waited for CONTEXT_WAIT_BYTES)."""
    if not context or len(work) - bounds.start > CONTEXT_WAIT_BYTES:
        return False
    pos = bounds.end
    for _ in range(context):
        pos = work.find(b"\n", pos) + 1
        if not pos:
            return True
    return False
