"""The fleet options at the edge: checked before any rule is loaded, turned into the
library's ``FleetOptions``, the live loop's observer and the metrics server."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matcher.cli.common import fail, inform, warn

if TYPE_CHECKING:
    from matcher.fleet.dispatch import FleetOptions
    from matcher.live.loop import LiveOptions
    from matcher.live.observer import LiveObserver


@dataclass(frozen=True)
class FleetFlags:
    """``options.fleet_options`` (and ``--metrics``) as given on the command line."""

    alertmanagers: tuple[str, ...] = ()
    alert_ttl: float = 3600.0
    webhooks: tuple[str, ...] = ()
    webhook_secret_file: str | None = None
    host_label: str | None = None
    metrics_listen: str | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> FleetFlags:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})

    @property
    def delivers(self) -> bool:
        return bool(self.alertmanagers or self.webhooks)

    def check(self) -> None:
        """Usage errors (exit 2) before any rule is loaded: URLs, the listen address."""
        if self.webhook_secret_file and not self.webhooks:
            fail("--webhook-secret-file goes with --webhook")
        if not self.delivers and self.metrics_listen is None:
            return  # a plain scan imports no HTTP client (start-up time)
        from matcher.errors import MatcherError
        from matcher.fleet.delivery import check_url
        from matcher.fleet.metrics import parse_listen

        try:
            for url in (*self.alertmanagers, *self.webhooks):
                check_url(url)
            if self.metrics_listen is not None:
                parse_listen(self.metrics_listen)
        except (MatcherError, ValueError) as exc:
            fail(str(exc))

    def options(self) -> FleetOptions:
        from matcher.fleet.dispatch import FleetOptions

        return FleetOptions(
            alertmanagers=self.alertmanagers,
            webhooks=self.webhooks,
            webhook_secret_file=self.webhook_secret_file,
            alert_ttl=self.alert_ttl,
            host=self.host_label or "",
        )

    def spool_paths(self, state: str | None) -> list[str]:
        """The spool files next to the state (a watched directory must not read them)."""
        if state is None:
            return []
        from matcher.fleet.dispatch import spool_path

        peers = [spool_path(state, "alertmanager", u) for u in self.alertmanagers]
        return peers + [spool_path(state, "webhook", u) for u in self.webhooks]


def _log(level: str, message: str) -> None:
    (warn if level in ("warning", "error") else inform)(message)


@contextlib.contextmanager
def live_observer(
    flags: FleetFlags, signatures: int
) -> Iterator[Callable[[LiveOptions], LiveObserver] | None]:
    """What ``run_live`` takes as ``observe``, with the metrics server up meanwhile."""
    if not flags.delivers and flags.metrics_listen is None:
        yield None
        return
    from matcher.fleet.agent import FleetAgent
    from matcher.fleet.metrics import Metrics, parse_listen, serve

    metrics = server = None
    if flags.metrics_listen is not None:
        metrics = Metrics()
        metrics.rules_loaded(signatures)
        try:
            server = serve(metrics, *parse_listen(flags.metrics_listen))
        except OSError as exc:
            fail(f"--metrics {flags.metrics_listen}: {exc.strerror or exc}")

    def observe(options: LiveOptions) -> LiveObserver:
        return FleetAgent.open(
            flags.options(),
            state=options.state,
            cooldown=options.cooldown,
            metrics=metrics,
            on_log=_log,
        )

    try:
        yield observe
    finally:
        if server is not None:
            server.close()
