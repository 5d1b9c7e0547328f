"""One deliverer per target: empties its spool into the target, at least once.

A background thread takes the oldest pending payloads, posts them, and removes them from the
spool only when the target answered 2xx. Connection errors, timeouts, 5xx, 408 and 429 are
retried with capped exponential backoff and jitter (so that forty agents that lost the same
Alertmanager do not all come back in the same millisecond); any other 4xx means the payload
itself is wrong, so it is logged and dropped instead of blocking the queue for ever. Time
comes from an injected clock and HTTP from an injected poster: ``step()`` is one attempt, so
tests drive it by hand with no thread, no network and no sleep.
"""

from __future__ import annotations

import http.client
import random
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from matcher.errors import MatcherError
from matcher.fleet.spool import Spool

Log = Callable[[str, str], None]  # (level: "info" | "warning" | "error", message)
RETRYABLE_4XX = frozenset({408, 425, 429})


@dataclass(frozen=True)
class Request:
    url: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Response:
    status: int
    detail: str = ""  # the start of the body, for the log


Poster = Callable[[Request, float], Response]  # raises OSError when there is no answer


class Target(Protocol):
    """Where payloads go and how a batch of them becomes one request."""

    @property
    def url(self) -> str: ...

    @property
    def name(self) -> str: ...  # for logs and metric labels: no credentials in it

    @property
    def batch(self) -> int: ...  # payloads per request

    def encode(self, payloads: Sequence[str]) -> Request: ...


class Events(Protocol):
    """What a deliverer reports (``matcher.fleet.metrics.Metrics`` implements it)."""

    def delivery_attempt(self, target: str) -> None: ...

    def delivery_failure(self, target: str, reason: str) -> None: ...

    def delivered(self, target: str, count: int) -> None: ...

    def spool_changed(self, target: str, size: int, dropped: int) -> None: ...


def urllib_post(request: Request, timeout: float) -> Response:
    """The default poster: the standard library, no dependency."""
    req = urllib.request.Request(
        request.url, data=request.body, headers=dict(request.headers), method="POST"
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            return Response(answer.status, answer.read(512).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        with exc:
            detail = exc.read(512).decode("utf-8", "replace")
        return Response(exc.code, detail)


@dataclass(frozen=True)
class Backoff:
    """Delay after the n-th consecutive failure: ``initial * factor**(n-1)``, capped, then
    scaled by a random factor in [0.5, 1) ("equal jitter": never zero, never above cap)."""

    initial: float = 0.5
    cap: float = 30.0
    factor: float = 2.0

    def delay(self, failures: int, rng: random.Random) -> float:
        base = min(self.cap, self.initial * self.factor ** max(0, failures - 1))
        return base * (0.5 + rng.random() / 2)


class Deliverer:
    def __init__(
        self,
        target: Target,
        spool: Spool,
        *,
        poster: Poster = urllib_post,
        clock: Callable[[], float] = time.monotonic,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        timeout: float = 5.0,
        on_log: Log | None = None,
        events: Events | None = None,
    ) -> None:
        self.target, self.spool, self.poster, self.clock = target, spool, poster, clock
        self.backoff = backoff or Backoff()
        self.rng = rng or random.Random()
        self.timeout = timeout
        self.log: Log = on_log or (lambda level, message: None)
        self.events = events
        self.failures = 0  # consecutive
        self.rejected = 0  # payloads dropped on a 4xx
        self._batch = target.batch
        self._due = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def submit(self, payload: str) -> None:
        """Spool one payload (durable at the next ``commit``) and wake the thread."""
        dropped = self.spool.append(payload)
        if dropped:
            self.log(
                "warning",
                f"{self.target.name}: spool full ({self.spool.cap}), "
                f"dropped the oldest {dropped} (total {self.spool.dropped})",
            )
        self._report_spool()
        self._wake.set()

    def commit(self) -> None:
        self.spool.commit()

    def step(self) -> float | None:
        """One attempt if one is due. Returns None when the spool is empty, else the seconds
        until the next attempt is wanted (0: right away)."""
        now = self.clock()
        if now < self._due:
            return self._due - now
        items = self.spool.peek(self._batch)
        if not items:
            return None
        if self.events:
            self.events.delivery_attempt(self.target.name)
        try:
            answer = self.poster(self.target.encode([p for _, p in items]), self.timeout)
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timeout, garbled
            return self._retry("connection", _describe(exc))
        return self._answered(answer, [s for s, _ in items])

    def _answered(self, answer: Response, seqs: list[int]) -> float | None:
        status = answer.status
        if 200 <= status < 300:
            if self.failures:
                self.log(
                    "info",
                    f"{self.target.name}: delivering again after {self.failures} failed attempt(s)",
                )
            self.failures, self._due, self._batch = 0, 0.0, self.target.batch
            self._remove(seqs)
            if self.events:
                self.events.delivered(self.target.name, len(seqs))
            return 0.0 if len(self.spool) else None
        if status == 413 and len(seqs) > 1:
            self._batch = max(1, len(seqs) // 2)  # too large: split, no backoff
            return 0.0
        if 400 <= status < 500 and status not in RETRYABLE_4XX:
            return self._reject(status, answer.detail, seqs)
        return self._retry(f"http_{status // 100}xx", f"HTTP {status} {answer.detail[:200]}")

    def _reject(self, status: int, detail: str, seqs: list[int]) -> float | None:
        self.log(
            "error",
            f"{self.target.name}: HTTP {status}, dropping {len(seqs)} "
            f"payload(s) it will never accept: {detail.strip()[:300]}",
        )
        if self.events:
            self.events.delivery_failure(self.target.name, "rejected")
        self.rejected += len(seqs)
        self.failures, self._due = 0, 0.0
        self._remove(seqs)
        return 0.0 if len(self.spool) else None

    def _retry(self, reason: str, message: str) -> float:
        self.failures += 1
        delay = self.backoff.delay(self.failures, self.rng)
        self._due = self.clock() + delay
        if self.failures == 1 or self.failures % 10 == 0:  # say it, but not every attempt
            self.log(
                "warning",
                f"{self.target.name}: {message}; {len(self.spool)} pending, "
                f"retrying in {delay:.1f}s (attempt {self.failures})",
            )
        if self.events:
            self.events.delivery_failure(self.target.name, reason)
        return delay

    def _remove(self, seqs: list[int]) -> None:
        self.spool.done(seqs)
        self._report_spool()

    def _report_spool(self) -> None:
        if self.events:
            self.events.spool_changed(self.target.name, len(self.spool), self.spool.dropped)

    def start(self, stop: threading.Event | None = None) -> None:
        """Deliver in a background thread until ``stop()`` (or the given event is set)."""
        if stop is not None:
            self._stop = stop
        self._thread = threading.Thread(
            target=self._run, name=f"deliver {self.target.name}", daemon=True
        )
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                delay = self.step()
            except MatcherError as exc:  # the spool cannot be written (disk full): keep trying
                self.log("error", f"{self.target.name}: {exc}")
                delay = self.backoff.cap
            if delay is None or delay > 0:
                self._wake.wait(delay)

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def flush(self, timeout: float) -> bool:
        """Deliver in the calling thread until the spool is empty (True) or ``timeout``
        seconds of real time ran out (False). For one-shot runs and shutdown; call it only
        when the background thread is not running."""
        deadline = time.monotonic() + timeout
        while True:
            delay = self.step()
            if delay is None:
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if delay > 0:
                time.sleep(min(delay, left))  # a backoff: nothing to wait for but time


def _describe(exc: Exception) -> str:
    """``connection refused`` rather than ``<urlopen error [Errno 111] Connection refused>``."""
    reason = getattr(exc, "reason", None) or exc  # URLError wraps the socket error
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


class TargetError(MatcherError):
    """A target URL that cannot be posted to."""


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else a ``TargetError`` naming it."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetError(f"{target_name(url)!r}: not an http:// or https:// URL")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise TargetError(f"{url!r}: bad port") from None
    return url


def target_name(url: str) -> str:
    """A URL fit for logs and metric labels: no user, password, query or fragment."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        netloc = f"{host}:{parts.port}" if parts.port else host
    except ValueError:  # a port that is not a number: name it as given, minus credentials
        netloc = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))
