"""The fleet side of a live agent: findings to Alertmanager peers and webhooks (through their
spools, next to the state file), the agent's own numbers to Prometheus. It is the live loop's
observer (``matcher.live.observer.LiveObserver``); the loop itself knows nothing of either."""

from __future__ import annotations

from dataclasses import replace

from matcher.fleet.delivery import Log
from matcher.fleet.dispatch import Dispatcher, FleetOptions
from matcher.fleet.metrics import Metrics
from matcher.live.observer import Progress
from matcher.model import Finding

CLOSE_TIMEOUT = 2.0  # what is not delivered by then stays spooled for the next run


class FleetAgent:
    def __init__(self, dispatcher: Dispatcher | None, metrics: Metrics | None) -> None:
        self.dispatcher, self.metrics = dispatcher, metrics
        self._lines = self._bytes = 0  # the totals last counted

    @classmethod
    def open(
        cls,
        options: FleetOptions,
        *,
        state: str | None,
        cooldown: float,
        metrics: Metrics | None = None,
        on_log: Log | None = None,
    ) -> FleetAgent:
        """Opens and replays the spools (next to ``state``) and starts delivering. Raises
        the fleet's ``MatcherError``s (a bad URL or secret file, a damaged spool)."""
        dispatcher = None
        if options.enabled:
            fleet = replace(options, state=state, cooldown=cooldown)
            dispatcher = Dispatcher(fleet, events=metrics, on_log=on_log)
            dispatcher.start()
        return cls(dispatcher, metrics)

    def finding(self, finding: Finding) -> None:
        if self.metrics is not None:
            self.metrics.finding_seen(finding.signature.id, str(finding.signature.severity))
        if self.dispatcher is not None:
            self.dispatcher.finding(finding)

    def cycle(self, progress: Progress) -> None:
        if self.dispatcher is not None:
            self.dispatcher.tick()
        metrics = self.metrics
        if metrics is not None:
            metrics.sources_followed(progress.followed)
            metrics.lines_read(progress.lines - self._lines, progress.bytes - self._bytes)
            self._lines, self._bytes = progress.lines, progress.bytes
            metrics.bytes_behind(progress.behind)

    def committing(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.commit()  # the alerts on disk before the state that skips their lines

    def committed(self, now: float) -> None:
        if self.metrics is not None:
            self.metrics.checkpoint(now)

    def reloaded(self, signatures: int | None) -> None:
        if self.metrics is None:
            return
        if signatures is None:
            self.metrics.reload_failed()
        else:
            self.metrics.reloaded(signatures)

    def close(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.close(timeout=CLOSE_TIMEOUT)
