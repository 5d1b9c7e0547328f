"""The one object the live loop and ``scan`` talk to: a finding in, an alert to every
Alertmanager peer and a record to every webhook out, each through its own spool and
deliverer.

Every configured peer gets every alert (Alertmanager's documented practice for an HA
cluster: its peers share silences and notification logs, not alerts, and deduplicate what
they send). Alerts and webhook records follow the same cadence: every finding, or with a
cooldown the first of each window per alert and one re-post carrying the repeat count.
"""

from __future__ import annotations

import hashlib
import json
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from matcher.fleet.alerts import DEFAULT_TTL, AlertmanagerTarget, Repeats, alert_for, event_time
from matcher.fleet.delivery import Backoff, Deliverer, Events, Log, Poster, Target, urllib_post
from matcher.fleet.spool import DEFAULT_CAP, Spool
from matcher.fleet.webhook import WebhookTarget, load_secret, webhook_payload
from matcher.model import Finding


@dataclass(frozen=True)
class FleetOptions:
    alertmanagers: tuple[str, ...] = ()  # --alertmanager URL, repeatable: every peer
    webhooks: tuple[str, ...] = ()  # --webhook URL
    webhook_secret_file: str | None = None
    alert_ttl: float = DEFAULT_TTL  # --alert-ttl
    cooldown: float = 0.0  # --cooldown: one post per window per alert
    host: str = ""  # the host label; "" = this machine's name
    state: str | None = None  # spools go next to it; None = in memory (one-shot scan)
    spool_cap: int = DEFAULT_CAP
    timeout: float = 5.0  # per request
    backoff: Backoff = field(default_factory=Backoff)

    @property
    def enabled(self) -> bool:
        return bool(self.alertmanagers or self.webhooks)


def _targets(options: FleetOptions) -> list[tuple[str, Target]]:
    """Each URL once: two spools on one file would corrupt it."""
    secret = load_secret(options.webhook_secret_file) if options.webhook_secret_file else None
    peers = [("alertmanager", AlertmanagerTarget(u)) for u in dict.fromkeys(options.alertmanagers)]
    hooks = [("webhook", WebhookTarget(u, secret)) for u in dict.fromkeys(options.webhooks)]
    return [*peers, *hooks]


def spool_path(state: str, kind: str, url: str) -> str:
    """``<state>.<kind>-<hash of the URL>.spool``: one per target, found again on restart."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{state}.{kind}-{digest}.spool"


class Dispatcher:
    def __init__(
        self,
        options: FleetOptions,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        poster: Poster = urllib_post,
        events: Events | None = None,
        on_log: Log | None = None,
        rng: random.Random | None = None,
    ) -> None:
        """Opens (and replays) the spools. Raises ``TargetError`` (a URL), ``WebhookError``
        (the secret file) or ``SpoolError``, all ``MatcherError``s, before anything is sent."""
        self.options, self.clock = options, clock
        self.host = options.host or socket.gethostname()
        self.repeats = Repeats(options.cooldown)
        self.alerting: list[Deliverer] = []
        self.webhooks: list[Deliverer] = []
        for kind, target in _targets(options):
            path = spool_path(options.state, kind, target.url) if options.state else None
            deliverer = Deliverer(
                target,
                Spool(path, options.spool_cap),
                poster=poster,
                clock=monotonic,
                backoff=options.backoff,
                rng=rng,
                timeout=options.timeout,
                on_log=on_log,
                events=events,
            )
            (self.alerting if kind == "alertmanager" else self.webhooks).append(deliverer)

    @property
    def deliverers(self) -> list[Deliverer]:
        return self.alerting + self.webhooks

    def finding(self, finding: Finding, event_at: float | None = None) -> None:
        """Every finding the loop sees, including those its cooldown holds back. Spooled,
        not yet durable: ``commit()`` before the state that vouches for the line."""
        now = self.clock()
        repeat = self.repeats.observe((finding.signature.id, finding.source), finding, now)
        if repeat is not None:
            self._post(finding, now, event_at, repeat)

    def tick(self) -> None:
        """Re-post the alerts whose cooldown window closed with repeats; call it each cycle."""
        now = self.clock()
        for held in self.repeats.expire(now):
            self._post(held.last, now, None, held.count)

    def _post(self, finding: Finding, now: float, event_at: float | None, repeat: int) -> None:
        if event_at is None:
            event_at = event_time(finding.event[0] if finding.event else finding.text)
        if self.alerting:
            alert = alert_for(
                finding,
                host=self.host,
                now=now,
                ttl=self.options.alert_ttl,
                event_at=event_at,
                repeat=repeat,
            )
            payload = json.dumps(alert, ensure_ascii=True, separators=(",", ":"))
            for deliverer in self.alerting:
                deliverer.submit(payload)
        if self.webhooks:
            record = webhook_payload(finding)
            for deliverer in self.webhooks:
                deliverer.submit(record)

    def commit(self) -> None:
        """fsync every spool: call it before writing the state (at-least-once)."""
        for deliverer in self.deliverers:
            deliverer.commit()

    def start(self) -> None:
        for deliverer in self.deliverers:
            deliverer.start()

    def pending(self) -> dict[str, int]:
        return {d.target.name: len(d.spool) for d in self.deliverers}

    def flush(self, timeout: float) -> bool:
        """Deliver everything now, every target in parallel, for at most ``timeout`` seconds;
        True when nothing is left. For one-shot runs (``scan --alertmanager``)."""
        results: dict[int, bool] = {}

        def run(index: int, deliverer: Deliverer) -> None:
            results[index] = deliverer.flush(timeout)

        threads = [
            threading.Thread(target=run, args=(i, d), daemon=True)
            for i, d in enumerate(self.deliverers)
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + timeout + 1.0
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return all(results.get(i, False) for i in range(len(threads)))

    def close(self, timeout: float = 2.0) -> bool:
        """Stop the threads, post the held repeat counts, try ``timeout`` seconds more, then
        close the spools (what is left stays in them for the next run). True: all delivered."""
        for deliverer in self.deliverers:
            deliverer.stop()
        now = self.clock()
        for held in self.repeats.expire(now + self.options.cooldown):
            self._post(held.last, now, None, held.count)
        self.commit()
        done = self.flush(timeout)
        for deliverer in self.deliverers:
            deliverer.spool.close()
        return done
