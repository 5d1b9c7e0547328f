"""``matcher suggest``: the unknown failures of a scan, grouped by template, ranked, drafted.

The scan is the ``--unknown`` scan (``ScanRun(..., unknown=True)``); each unknown failure's
telling line goes into the miner as the scanner reports it, so memory is bounded by the
miner's group cap, not by the number of failures or the size of the logs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from matcher.authoring.drafts import Draft, build_drafts
from matcher.authoring.mining import Miner, MinerConfig
from matcher.authoring.telling import telling_line
from matcher.engine.stats import ScanStats
from matcher.errors import SourceError
from matcher.model import UnknownFailure
from matcher.patterns.ruleset import Ruleset
from matcher.sources.run import ScanRun


@dataclass(frozen=True)
class SuggestOptions:
    """``min_count``: groups seen fewer times get no draft; ``top``: at most this many
    drafts (the most frequent); ``jobs``, ``events``: as for ``matcher scan``."""

    min_count: int = 2
    top: int | None = None
    jobs: int = 1
    events: str = "auto"
    miner: MinerConfig = field(default_factory=MinerConfig)

    def __post_init__(self) -> None:
        if self.min_count < 1 or (self.top is not None and self.top < 1):
            raise ValueError("min_count and top must be >= 1")


@dataclass(frozen=True)
class Suggestions:
    """What suggest found: the drafts, ranked; how many unknown failures went into how many
    groups (``dropped``: groups forgotten at the cap; ``omitted``: failures worker processes
    counted beyond their per-kind bound, never mined); the scan's size and unreadable
    inputs."""

    drafts: tuple[Draft, ...]
    unknown: int
    omitted: int  # counted by worker processes, not passed on (their per-kind bound)
    groups: int
    dropped: int
    lines: int
    bytes: int
    errors: tuple[SourceError, ...]


class _MiningStats(ScanStats):
    """Scan statistics whose unknown failures go to the miner as the scan reports them, none
    kept: ``ScanStats`` keeps the first ``MAX_UNKNOWN_PER_KIND`` of each kind for a report,
    suggest wants every one mined and none held."""

    def __init__(self, miner: Miner) -> None:
        super().__init__()
        self.miner = miner
        self.mined = 0

    def add_unknown(self, failure: UnknownFailure) -> bool:
        self.mined += 1
        telling = telling_line([failure.text])
        text = telling.text if telling is not None else failure.text
        self.miner.add(text, f"{failure.source}:{failure.line}")
        return True


def mine_unknown(
    ruleset: Ruleset,
    paths: Sequence[str],
    options: SuggestOptions,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[Miner, ScanRun, int]:
    """Scan ``paths`` for unknown failures and mine their telling lines; returns the miner,
    the finished run (stats, errors) and how many failures were mined."""
    run = ScanRun(
        ruleset,
        paths,
        events=options.events,
        unknown=True,
        jobs=options.jobs,
        on_progress=on_progress,
    )
    # every failure reaches the miner: worker processes pass on all of theirs (a segment's,
    # bounded by its size), and this process's stats mine each one and keep none
    run.options = replace(run.options, unknown_per_kind=sys.maxsize)
    miner = Miner(options.miner)
    stats = run.stats = _MiningStats(miner)
    for _ in run:
        pass  # known incidents are not suggest's business
    return miner, run, stats.mined


def suggest(
    ruleset: Ruleset,
    paths: Sequence[str],
    options: SuggestOptions | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Suggestions:
    """Draft a signature for each frequent group of unknown failures in ``paths``.
    ``ruleset`` must be compiled with ``unknown=True``."""
    options = options or SuggestOptions()
    miner, run, seen = mine_unknown(ruleset, paths, options, on_progress)
    groups = miner.groups()
    drafts = build_drafts(groups, options.min_count, options.top)
    return Suggestions(
        drafts=tuple(drafts),
        unknown=seen,
        omitted=run.stats.unknown_omitted,
        groups=len(groups),
        dropped=miner.dropped,
        lines=run.stats.lines,
        bytes=run.stats.bytes,
        errors=tuple(run.errors),
    )
