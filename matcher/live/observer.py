"""What the live loop tells whoever watches it (delivery to Alertmanager, metrics), without
knowing who that is: the loop calls these at fixed points, an observer does the rest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from matcher.model import Finding


@dataclass(frozen=True)
class Progress:
    """Where the loop stands after a cycle."""

    followed: int  # files followed
    lines: int  # lines read since start (totals)
    bytes: int
    behind: Mapping[str, int]  # bytes written but not read yet, per file


class LiveObserver(Protocol):
    def finding(self, finding: Finding) -> None:
        """Every finding the loop reads, including those its cooldown holds back."""

    def cycle(self, progress: Progress) -> None:
        """Once per loop cycle."""

    def committing(self) -> None:
        """Just before the state is written: what was handed over must be durable now
        (the state will vouch that its lines were read)."""

    def committed(self, now: float) -> None:
        """The state was written."""

    def reloaded(self, signatures: int | None) -> None:
        """SIGHUP: the new number of signatures, or None when the reload failed."""

    def close(self) -> None:
        """The loop ends; deliver what can be delivered quickly, keep the rest."""


class NoObserver:
    def finding(self, finding: Finding) -> None:
        pass

    def cycle(self, progress: Progress) -> None:
        pass

    def committing(self) -> None:
        pass

    def committed(self, now: float) -> None:
        pass

    def reloaded(self, signatures: int | None) -> None:
        pass

    def close(self) -> None:
        pass
