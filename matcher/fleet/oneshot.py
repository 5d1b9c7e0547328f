"""One-shot delivery (``matcher scan --alertmanager``, a CI job or a cron back-scan): a
reporter that hands every finding to the dispatcher and, at the end of the scan, delivers
everything within a deadline."""

from __future__ import annotations

from matcher.engine.stats import ScanStats
from matcher.fleet.dispatch import Dispatcher, FleetOptions
from matcher.model import Finding


class FleetReporter:
    def __init__(self, options: FleetOptions, timeout: float) -> None:
        """Raises the fleet's ``MatcherError``s (a bad URL or secret file) before anything."""
        self.dispatcher = Dispatcher(options)  # no state: the spools live in memory
        self.timeout = timeout
        self.undelivered: dict[str, int] = {}

    def finding(self, finding: Finding) -> None:
        self.dispatcher.finding(finding)

    def finish(self, stats: ScanStats) -> None:
        if not self.dispatcher.flush(self.timeout):
            self.undelivered = {k: v for k, v in self.dispatcher.pending().items() if v}
        self.dispatcher.close(timeout=0.0)
