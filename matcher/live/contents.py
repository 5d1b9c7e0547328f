"""The contents the tailer knows: those followed now (``active``) and, bounded, those it let go
of with their offsets (``memory``), found again by the fingerprint of their first bytes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from matcher.live.content import Content, ContentRecord, Probe, head_digest
from matcher.model import Finding, UnknownFailure
from matcher.patterns.ruleset import Ruleset


class Contents:
    def __init__(self, remembered: int) -> None:
        self.remembered = remembered
        # unknown failures found since the loop last took them (``watch --unknown``)
        self.unknown: list[UnknownFailure] = []
        self.active: dict[str, Content] = {}
        self.memory: OrderedDict[str, ContentRecord] = OrderedDict()
        self._index: dict[tuple[int, str], str] = {}  # (probe size, digest) -> content key
        self.envelope: tuple[str, tuple[str, ...]] = ("auto", ())  # --envelope, --field

    def __contains__(self, key: str) -> bool:
        return key in self.active or key in self.memory

    def records(self) -> list[ContentRecord]:
        return [c.record() for c in self.active.values()] + list(self.memory.values())

    def quiet_due(self, quiet: float) -> float | None:
        """When the first content holding findings back will have been quiet for ``quiet``
        seconds (its findings are flushed then), or None."""
        times = [c.last_growth for c in self.active.values() if not c.quiet]
        return min(times) + quiet if times else None

    def find(self, head: bytes) -> str | None:
        """The key of the known content whose first bytes ``head`` starts with."""
        for size in sorted({size for size, _ in self._index}, reverse=True):
            if len(head) >= size:
                key = self._index.get((size, head_digest(head[:size])))
                if key is not None:
                    return key
        return None

    def activate(
        self, ruleset: Ruleset, warn: Callable[[str], None], now: float, record: ContentRecord
    ) -> Content:
        content = Content(record, ruleset, warn, now, self.unknown.append, self.envelope)
        self.active[record.key] = content
        self._index[(record.probe.size, record.probe.digest)] = record.key
        return content

    def take(self, key: str, ruleset: Ruleset, warn: Callable[[str], None], now: float) -> Content:
        """The content ``key``: followed already, or taken back from memory."""
        return self.active.get(key) or self.activate(ruleset, warn, now, self.memory.pop(key))

    def reindex(self, content: Content, probe: Probe) -> None:
        self._index.pop((content.probe.size, content.probe.digest), None)
        content.probe = probe
        self._index[(probe.size, probe.digest)] = content.key

    def finish(self, content: Content) -> list[Finding]:
        """Stop following ``content``: its last findings; its offsets are remembered."""
        findings, record = content.finish()
        del self.active[content.key]
        self.remember(record)
        return findings

    def remember(self, record: ContentRecord, evict: bool = True) -> None:
        """Keep ``record`` (most recent last); with ``evict``, forget the oldest beyond the
        bound. A restored state is kept whole: each of its contents was followed."""
        self.memory[record.key] = record
        self.memory.move_to_end(record.key)
        self._index[(record.probe.size, record.probe.digest)] = record.key
        while evict and len(self.memory) > self.remembered:
            _, old = self.memory.popitem(last=False)
            if self._index.get((old.probe.size, old.probe.digest)) == old.key:
                del self._index[(old.probe.size, old.probe.digest)]
