"""Choose signatures before they are compiled: ``--incident``, ``--severity``, ``--tag`` and
``--service`` keep only the signatures a person asked for, so only those are compiled."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

from matcher.model import Severity, Signature


@dataclass(frozen=True)
class SignatureFilter:
    """Keep a signature when it passes every criterion given (an empty one passes all).

    ``incidents``: id globs (``INC-2024-*``), any may match; ``severity``: at or above;
    ``tags`` / ``services``: the signature has at least one of them (case-insensitive)."""

    incidents: tuple[str, ...] = ()
    severity: Severity | None = None
    tags: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.incidents or self.tags or self.services) and self.severity is None

    @property
    def key(self) -> str:
        """A stable text for the compiled-ruleset cache key (two filters, two entries)."""
        if self.is_empty:
            return ""
        parts = (
            ",".join(self.incidents),
            "" if self.severity is None else str(self.severity),
            ",".join(sorted(t.casefold() for t in self.tags)),
            ",".join(sorted(s.casefold() for s in self.services)),
        )
        return "select:" + "|".join(parts)

    def keeps(self, signature: Signature) -> bool:
        if self.incidents and not any(
            fnmatch.fnmatchcase(signature.id, pattern) for pattern in self.incidents
        ):
            return False
        if self.severity is not None and signature.severity < self.severity:
            return False
        if self.tags and not _overlap(self.tags, signature.tags):
            return False
        return not self.services or _overlap(self.services, signature.services)


def _overlap(wanted: Iterable[str], have: Iterable[str]) -> bool:
    return bool({w.casefold() for w in wanted} & {h.casefold() for h in have})


def select_signatures(
    signatures: Iterable[Signature], select: SignatureFilter | None
) -> tuple[Signature, ...]:
    """The signatures ``select`` keeps, in their order (all of them without a filter)."""
    if select is None or select.is_empty:
        return tuple(signatures)
    return tuple(s for s in signatures if select.keeps(s))
