"""The streaming core: bytes in, findings out. No I/O, no clock, no CLI.

``Scanner.feed`` takes any chunking of a byte stream. Complete lines are gathered into blocks;
one prefilter pass over a block finds the few candidate lines, and only those are decoded and
confirmed with the exact patterns. Line numbers count LF bytes, as ``grep -n`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from matcher.model import Finding, Role, UnknownFailure
from matcher.ruleset import Ruleset
from matcher.text import decode_line, json_unescape, render, render_offset

# Longest line matched in full; the rest of a longer line is counted but not kept, so a 50 MB
# line without a newline costs 1 MiB of memory, and its findings say ``truncated``.
MAX_LINE_BYTES = 1 << 20
# Per exact-pattern search; a pattern that times out this often is switched off for the run.
REGEX_TIMEOUT = 0.5
MAX_TIMEOUTS = 3


@dataclass
class ScanStats:
    lines: int = 0
    bytes: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    unknown: list[UnknownFailure] = field(default_factory=list)


@dataclass(frozen=True)
class _Hit:
    symptom: int
    span: tuple[int, int]
    captures: dict[str, str]
    decoded: str | None


class Scanner:
    """Feed it bytes, get findings. One scanner per source."""

    def __init__(
        self,
        ruleset: Ruleset,
        source: str = "-",
        *,
        first_line: int = 1,
        offset: int = 0,
        fingerprint: str | None = None,
        on_warning: Callable[[str], None] | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.source = source
        self.fingerprint = fingerprint
        self.next_line = first_line
        self.offset = offset
        self.stats = ScanStats()
        self._tail = b""
        self._long: bytes | None = None  # head of a line longer than MAX_LINE_BYTES
        self._warn = on_warning or (lambda message: None)
        self._timeouts: dict[int, int] = {}
        self._disabled: set[int] = set()

    def feed(self, data: bytes) -> list[Finding]:
        findings: list[Finding] = []
        self.stats.bytes += len(data)
        if self._long is not None:
            data = self._skip_long_line(data, findings)
            if self._long is not None:
                return findings
        buf = self._tail + data if self._tail else data
        end = buf.rfind(b"\n") + 1
        if end:
            findings += self._scan_block(buf[:end])
        self._tail = buf[end:]
        if len(self._tail) > MAX_LINE_BYTES:
            self._long, self._long_size = self._tail[:MAX_LINE_BYTES], len(self._tail)
            self._tail = b""
        return findings

    @property
    def committed_offset(self) -> int:
        """Byte offset up to which every finding has been returned: a safe checkpoint."""
        return self.offset

    @property
    def committed_line(self) -> int:
        """Number of the first line at or after ``committed_offset``."""
        return self.next_line

    def flush(self) -> list[Finding]:
        """Return findings held back while waiting for more lines (the input went quiet)."""
        return []

    def close(self) -> list[Finding]:
        """End of input: a last line without a newline is still a line."""
        findings: list[Finding] = []
        if self._long is not None:
            findings += self._finish_long_line(self._long_size)
        elif self._tail:
            tail, self._tail = self._tail, b""
            findings += self._scan_block(tail + b"\n", counted=len(tail))
        return findings

    def _skip_long_line(self, data: bytes, findings: list[Finding]) -> bytes:
        newline = data.find(b"\n")
        if newline == -1:
            self._long_size += len(data)
            return b""
        findings += self._finish_long_line(self._long_size + newline + 1)
        return data[newline + 1 :]

    def _finish_long_line(self, size: int) -> list[Finding]:
        head, self._long = self._long or b"", None
        return self._scan_block(head + b"\n", counted=size, truncated=True)

    def _scan_block(
        self, block: bytes, counted: int | None = None, truncated: bool = False
    ) -> list[Finding]:
        """Scan complete lines. ``counted`` is the block's real size in the stream when it
        stands for a line that was cut or had no newline."""
        ruleset = self.ruleset
        by_line: dict[int, set[int]] = {}
        for symptom, pos in ruleset.candidates(block):
            start = block.rfind(b"\n", 0, pos) + 1
            by_line.setdefault(start, set()).add(symptom)
        if ruleset.unfiltered:
            self._add_unfiltered(block, by_line)
        findings: list[Finding] = []
        line, counted_to = self.next_line, 0
        for start in sorted(by_line):
            line += block.count(b"\n", counted_to, start)
            counted_to = start
            end = block.index(b"\n", start)
            findings += self._confirm(block[start:end], by_line[start], line, start, truncated)
        lines = block.count(b"\n")
        self.next_line += lines
        self.stats.lines += lines
        self.offset += len(block) if counted is None else counted
        return findings

    def _add_unfiltered(self, block: bytes, by_line: dict[int, set[int]]) -> None:
        # Only symptoms the prefilter cannot narrow down land here (reported as slow at load).
        start = 0
        unfiltered = set(self.ruleset.unfiltered) - self._disabled
        if not unfiltered:
            return
        while start < len(block):
            end = block.index(b"\n", start)
            by_line.setdefault(start, set()).update(unfiltered)
            start = end + 1

    def _confirm(
        self, raw: bytes, symptoms: set[int], line: int, start: int, truncated: bool
    ) -> list[Finding]:
        text = decode_line(raw)
        ruleset = self.ruleset
        signatures = sorted({ruleset.symptoms[s].signature for s in symptoms})
        findings = []
        for sig_index in signatures:
            hit = self._evaluate(sig_index, text)
            if hit is None:
                continue
            sig = ruleset.signatures[sig_index]
            shown = hit.decoded if hit.decoded is not None else text
            span = (render_offset(shown, hit.span[0]), render_offset(shown, hit.span[1]))
            self.stats.findings[sig.id] = self.stats.findings.get(sig.id, 0) + 1
            findings.append(
                Finding(
                    signature=sig,
                    source=self.source,
                    line=line,
                    text=render(shown),
                    span=span,
                    captures={k: render(v) for k, v in hit.captures.items()},
                    offset=self.offset + start,
                    truncated=truncated,
                    matched_lines=(line,),
                    first_line=line,
                    last_line=line,
                    event=(render(shown),),
                    decoded="json" if hit.decoded is not None else None,
                    fingerprint=self.fingerprint,
                )
            )
        return findings

    def _evaluate(self, sig_index: int, text: str) -> _Hit | None:
        """A signature fires on a line when one ``any`` symptom (if it has any) and every
        ``all`` symptom match it, and no ``unless`` symptom does."""
        roles = self.ruleset.by_signature[sig_index]
        first: _Hit | None = None
        if roles[Role.ANY]:
            first = next(filter(None, (self._search(i, text) for i in roles[Role.ANY])), None)
            if first is None:
                return None
        for index in roles[Role.ALL]:
            hit = self._search(index, text)
            if hit is None:
                return None
            first = first or hit
        if any(self._search(i, text) for i in roles[Role.UNLESS]):
            return None
        return first

    def _search(self, index: int, text: str) -> _Hit | None:
        if index in self._disabled:
            return None
        pattern = self.ruleset.regex(index)
        groups = self.ruleset.symptoms[index].pattern.groups
        for candidate, decoded in ((text, None), (None, None)):
            if candidate is None:
                decoded = json_unescape(text)
                if decoded is None:
                    return None
                candidate = decoded
            try:
                m = pattern.search(candidate, timeout=REGEX_TIMEOUT)
            except TimeoutError:
                self._timed_out(index)
                return None
            if m is not None:
                captures = {name: m.group(group) for group, name in groups if m.group(group)}
                return _Hit(index, m.span(), captures, decoded)
        return None

    def _timed_out(self, index: int) -> None:
        count = self._timeouts.get(index, 0) + 1
        self._timeouts[index] = count
        if count >= MAX_TIMEOUTS:
            self._disabled.add(index)
            compiled = self.ruleset.symptoms[index]
            sig = self.ruleset.signatures[compiled.signature]
            self._warn(
                f"{compiled.symptom.location}: symptom of {sig.id} timed out {count} times; "
                "switched off for the rest of this scan"
            )


def scan_bytes_iter(
    ruleset: Ruleset, chunks: Iterator[bytes], source: str = "-"
) -> Iterator[Finding]:
    scanner = Scanner(ruleset, source)
    for chunk in chunks:
        yield from scanner.feed(chunk)
    yield from scanner.close()
