"""A finding as an Alertmanager v2 alert (``POST /api/v2/alerts``), and repeat counting.

Alertmanager identifies an alert by its label set, so the labels say *what* and *where*
(incident, severity, host, service, source, regression) and never carry line text or captured
values: the same incident on one file is one alert however often it recurs, and forty hosts
are forty alerts that one ``group_by: [alertname]`` route turns into one page. Everything
that varies per occurrence goes into annotations, neutralised (no terminal escapes, no bidi
overrides reach a chat client) and bounded in length.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from matcher.fleet.delivery import Request, check_url, target_name
from matcher.model import Finding
from matcher.text import neutralize, render

DEFAULT_TTL = 3600.0  # --alert-ttl: an alert not re-posted within this resolves by itself
MAX_ANNOTATION = 4096  # characters; a 1 MB minified line must not become a 1 MB page
ALERTS_PATH = "/api/v2/alerts"
DEFAULT_TRACKED = 10_000  # alert keys the repeat counter remembers (bounded memory)

# An RFC 3339 / ISO 8601 stamp at the start of a line, optionally in brackets. Only stamps
# with a zone are trusted: a naive "2024-05-01 12:00:00" could be any zone, and a wrong
# startsAt is worse than the read time.
_STAMP = re.compile(
    r"\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s?(Z|[+-]\d{2}:?\d{2})\b"
)


def iso(t: float) -> str:
    """Seconds since the epoch as the RFC 3339 text Alertmanager expects."""
    stamp = datetime.fromtimestamp(t, tz=timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def event_time(text: str) -> float | None:
    """The zoned timestamp a line starts with (seconds since the epoch), else None."""
    m = _STAMP.match(text.lstrip())
    if m is None:
        return None
    day, clock, fraction, zone = m.groups()
    zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    try:
        parsed = datetime.fromisoformat(f"{day}T{clock}{zone}")
    except ValueError:  # 2024-13-45: looks like a stamp, is not one
        return None
    return parsed.timestamp() + (float(f"0.{fraction}") if fraction else 0.0)


def _clean(text: str, limit: int = MAX_ANNOTATION) -> str:
    shown = neutralize(render(text))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def alert_labels(finding: Finding, host: str) -> dict[str, str]:
    """The identity of the alert: bounded values only (rules, hosts, configured sources)."""
    sig = finding.signature
    labels = {
        "alertname": sig.id,
        "severity": str(sig.severity),
        "host": host,
        "source": _clean(finding.source, 1024),
    }
    if sig.services:
        labels["service"] = _clean(",".join(sig.services), 1024)
    if finding.is_regression:
        labels["regression"] = "true"
    return labels


def alert_annotations(finding: Finding, repeat: int = 0) -> dict[str, str]:
    sig = finding.signature
    notes = {
        "summary": _clean(sig.title),
        "description": _clean(finding.text),
        "resolution": _clean(sig.resolution_summary),
        "location": _clean(f"{finding.source}:{finding.line}"),
        "finding_id": finding.id,
    }
    if sig.runbook:
        notes["runbook_url"] = _clean(sig.runbook)
    if finding.captures:
        pairs = " ".join(f"{k}={v}" for k, v in sorted(finding.captures.items()))
        notes["captures"] = _clean(pairs)
    if repeat:
        notes["repeat_count"] = str(repeat)
    return notes


def alert_for(
    finding: Finding,
    *,
    host: str,
    now: float,
    ttl: float = DEFAULT_TTL,
    event_at: float | None = None,
    repeat: int = 0,
) -> dict[str, Any]:
    """The v2 alert for one finding read at ``now``.

    ``startsAt`` is the event's own time when known (never later than ``now``: a skewed
    clock must not post an alert from the future). ``endsAt`` counts the TTL from the later
    of the two, so that a line read late (a back-scan, a spool emptied after an outage)
    still arrives as a firing alert rather than an already-resolved one that pages nobody.
    """
    starts = now if event_at is None else min(event_at, now)
    return {
        "labels": alert_labels(finding, host),
        "annotations": alert_annotations(finding, repeat),
        "startsAt": iso(starts),
        "endsAt": iso(max(starts, now) + ttl),
    }


@dataclass(frozen=True)
class Held:
    """A cooldown window: ``count`` occurrences held back since the post at ``first``."""

    first: float
    count: int
    last: Finding


class Repeats:
    """One post per alert key per ``cooldown`` window, carrying how often it recurred.

    ``observe`` answers for every finding: post now (with the count held back since the last
    post) or hold. ``expire`` hands back the windows that closed with occurrences nobody has
    posted yet, so a count is never lost because the incident went quiet. With cooldown 0
    every finding posts (Alertmanager deduplicates; each post extends ``endsAt``).
    """

    def __init__(self, cooldown: float, tracked: int = DEFAULT_TRACKED) -> None:
        self.cooldown = cooldown
        self.tracked = tracked
        self._open: OrderedDict[Hashable, Held] = OrderedDict()

    def observe(self, key: Hashable, finding: Finding, now: float) -> int | None:
        """None: hold it; else post it with this repeat count (0 on a first post)."""
        if self.cooldown <= 0:
            return 0
        held = self._open.get(key)
        if held is not None and now - held.first < self.cooldown:
            self._open[key] = Held(held.first, held.count + 1, finding)
            return None
        self._open[key] = Held(now, 0, finding)
        self._open.move_to_end(key)
        while len(self._open) > self.tracked:
            self._open.popitem(last=False)  # the longest-open window: at worst a re-post
        return held.count if held is not None else 0

    def expire(self, now: float) -> list[Held]:
        closed = [k for k, h in self._open.items() if now - h.first >= self.cooldown]
        return [h for h in (self._open.pop(k) for k in closed) if h.count]

    def pending(self) -> Mapping[Hashable, Held]:
        return dict(self._open)


class AlertmanagerTarget:
    """``POST /api/v2/alerts`` of one Alertmanager peer; alerts go in batches (one JSON array
    per request), which Alertmanager validates alert by alert."""

    def __init__(self, base_url: str, batch: int = 100) -> None:
        base = check_url(base_url).rstrip("/").removesuffix(ALERTS_PATH)
        self.url = base + ALERTS_PATH
        self.name = target_name(base)
        self.batch = batch

    def encode(self, payloads: Sequence[str]) -> Request:
        body = ("[" + ",".join(payloads) + "]").encode("ascii")
        headers = {"Content-Type": "application/json", "User-Agent": "incident-matcher"}
        return Request(self.url, body, headers)
