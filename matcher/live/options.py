"""What the live loop is given: its options, where to look (a scope) and what wakes it (a
watcher)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from matcher.vocabulary import DEFAULT_GRACE


class Scope(Protocol):
    cheap: bool

    def discover(self) -> dict[str, os.stat_result]: ...

    def siblings(self, name: str) -> Iterable[tuple[str, os.stat_result]]: ...


class Watcher(Protocol):
    @property
    def mode(self) -> str: ...

    def start(self) -> None: ...

    def check(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class LiveOptions:
    fmt: str = "text"
    color: bool = False
    output: str | None = None  # a file (exactly once with a state); None: the stream
    state: str | None = None
    reset_state: bool = False
    from_start: bool = False
    cooldown: float = 0.0
    grace: float = DEFAULT_GRACE
    compressed: bool = False
    tick: float = 0.2  # look at every open file at least this often
    rescan: float = 1.0  # list the directories and check the watcher this often
    checkpoint: float = 1.0  # state written this often when offsets moved without findings
    quiet: float = 0.1  # a content idle this long is flushed (held-back findings)
    gap: float = 0.01  # after an event, wait this long for more to batch with it
    envelope: str = "auto"  # matcher.envelopes: recognised per content, or forced
    fields: tuple[str, ...] = ()  # a JSON/logfmt record's message fields (empty: the usual)
