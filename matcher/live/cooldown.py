"""Cooldown windows (repeats of one incident counted, not reported) and the sink that writes
findings and repeat records to the output."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timezone

from matcher.live.state import Output, Window
from matcher.model import Finding, UnknownFailure
from matcher.reporters import make_reporter

REPEAT_SCHEMA = "incident-matcher/repeat/v1"


class Cooldown:
    """Repeats of one incident with the same captures within ``seconds`` of its alert are
    counted, not reported; a closed window with repeats becomes a repeat record."""

    def __init__(self, seconds: float, windows: Iterable[Window] = ()) -> None:
        self.seconds = seconds
        self._open = {(w.incident, w.captures): w for w in windows}

    def admit(self, finding: Finding, now: float) -> tuple[bool, Window | None]:
        """(report it?, a window it closed that has repeats to report first)."""
        if self.seconds <= 0:
            return True, None
        key = (finding.signature.id, tuple(sorted(finding.captures.items())))
        window = self._open.get(key)
        if window is not None and now - window.first < self.seconds:
            self._open[key] = replace(window, last=now, count=window.count + 1)
            return False, None
        self._open[key] = Window(key[0], key[1], now, now, 0, finding.id)
        return True, window if window is not None and window.count else None

    def expire(self, now: float) -> list[Window]:
        closed = [k for k, w in self._open.items() if now - w.first >= self.seconds]
        return [w for w in (self._open.pop(k) for k in closed) if w.count]

    def drain(self) -> list[Window]:
        windows = [w for w in self._open.values() if w.count]
        self._open.clear()
        return windows

    def windows(self) -> tuple[Window, ...]:
        return tuple(self._open.values())


def _iso(t: float) -> str:
    stamp = datetime.fromtimestamp(t, tz=timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def repeat_to_dict(window: Window, seconds: float) -> dict[str, object]:
    return {
        "schema": REPEAT_SCHEMA,
        "incident": window.incident,
        "captures": dict(window.captures),
        "count": window.count,
        "first": _iso(window.first),
        "last": _iso(window.last),
        "window": seconds,
        "finding": window.finding,
    }


class Sink:
    """Findings and repeat records to the output, in the chosen format."""

    def __init__(self, output: Output, fmt: str, color: bool, cooldown: float) -> None:
        self.output, self.fmt, self.cooldown = output, fmt, cooldown
        self.reporter = make_reporter(fmt, output.stream, color=color)
        self.dirty = False
        self.findings = 0

    def finding(self, finding: Finding) -> None:
        self.output.cut_back()
        self.reporter.finding(finding)
        self.dirty = True
        self.findings += 1

    def unknown(self, failure: UnknownFailure) -> None:
        """An error-like event no signature explains (``watch --unknown``): its own record
        (schema ``incident-matcher/unknown/v1`` in JSON), never a finding."""
        self.reporter.unknown_failure(failure)  # type: ignore[attr-defined]
        self.dirty = True

    def repeat(self, window: Window) -> None:
        import json

        record = repeat_to_dict(window, self.cooldown)
        if self.fmt == "json":
            line = json.dumps(record, ensure_ascii=True)
        else:
            captures = " ".join(f"{k}={v}" for k, v in window.captures)
            line = (
                f"{window.incident} [repeat] {window.count} more time(s) within "
                f"{self.cooldown:g}s of its alert{f' ({captures})' if captures else ''}: "
                f"first {record['first']}, last {record['last']}"
            )
        self.output.cut_back()
        self.output.stream.write(line + "\n")
        self.dirty = True
