"""The deliverer, driven step by step with an injected clock and a fake poster."""

from __future__ import annotations

import http.client
import random
import threading
from pathlib import Path

import pytest
from fleet_helpers import wait_for

from matcher.fleet.alerts import AlertmanagerTarget
from matcher.fleet.delivery import (
    Backoff,
    Deliverer,
    Request,
    Response,
    TargetError,
    target_name,
)
from matcher.fleet.spool import Spool
from matcher.fleet.webhook import WebhookTarget


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Poster:
    """Answers from a script: an int is a status, an exception is raised."""

    def __init__(self, *script: int | Exception) -> None:
        self.script = list(script)
        self.requests: list[Request] = []
        self.lock = threading.Lock()

    def __call__(self, request: Request, timeout: float) -> Response:
        with self.lock:
            self.requests.append(request)
            answer = self.script.pop(0) if self.script else 200
        if isinstance(answer, Exception):
            raise answer
        return Response(answer, "bad alert" if answer == 400 else "")


class Log:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def __call__(self, level: str, message: str) -> None:
        self.lines.append((level, message))


def deliverer(
    poster: Poster,
    clock: Clock,
    spool: Spool | None = None,
    batch: int = 100,
    log: Log | None = None,
) -> Deliverer:
    return Deliverer(
        AlertmanagerTarget("http://am.example:9093", batch=batch),
        spool if spool is not None else Spool(None),
        poster=poster,
        clock=clock,
        backoff=Backoff(initial=1.0, cap=8.0),
        rng=random.Random(7),
        on_log=log,
    )


def test_backoff_grows_exponentially_is_capped_and_jittered() -> None:
    backoff, rng = Backoff(initial=1.0, cap=8.0), random.Random(1)
    for failures, base in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (50, 8.0)]:
        delays = {backoff.delay(failures, rng) for _ in range(200)}
        assert all(base / 2 <= d < base for d in delays)
        assert len(delays) > 100  # jittered: forty agents do not retry in lockstep


def test_a_down_target_is_retried_with_backoff_then_delivered() -> None:
    clock, refused = Clock(), ConnectionRefusedError("refused")
    poster = Poster(refused, refused, 503, refused, 200)
    d = deliverer(poster, clock)
    d.submit('{"a":1}')
    delays = []
    while True:
        delay = d.step()
        if delay is None:
            break
        if delay > 0:
            delays.append(delay)
            assert d.step() == pytest.approx(delay)  # not due yet: no request
            clock.now += delay
    assert len(poster.requests) == 5
    for delay, base in zip(delays, [1.0, 2.0, 4.0, 8.0], strict=True):
        assert base / 2 <= delay < base
    assert len(d.spool) == 0 and d.failures == 0


def test_a_4xx_is_logged_and_dropped_never_retried() -> None:
    clock, log = Clock(), Log()
    poster = Poster(400, 200)
    d = deliverer(poster, clock, batch=1, log=log)
    d.submit('{"bad":1}')
    d.submit('{"good":2}')
    assert d.step() == 0.0  # rejected: the next one goes right away
    assert d.step() is None
    assert [r.body for r in poster.requests] == [b'[{"bad":1}]', b'[{"good":2}]']
    assert d.rejected == 1 and len(d.spool) == 0
    assert log.lines[0][0] == "error" and "HTTP 400" in log.lines[0][1]
    assert "bad alert" in log.lines[0][1]


@pytest.mark.parametrize(
    "status", [429, 408, 500, 502, TimeoutError("timed out"), http.client.BadStatusLine("x")]
)
def test_throttling_server_errors_and_broken_answers_are_retried(status: int | Exception) -> None:
    clock = Clock()
    poster = Poster(status, 200)
    d = deliverer(poster, clock)
    d.submit("{}")
    delay = d.step()
    assert delay is not None and delay > 0 and len(d.spool) == 1
    clock.now += delay
    assert d.step() is None and len(d.spool) == 0


def test_payload_too_large_splits_the_batch() -> None:
    poster = Poster(413, 200, 200)
    d = deliverer(poster, Clock(), batch=4)
    for n in range(4):
        d.submit(f'{{"n":{n}}}')
    while d.step() is not None:
        pass
    assert [r.body.count(b'"n"') for r in poster.requests] == [4, 2, 2]


def test_batches_keep_order_and_the_alertmanager_path() -> None:
    poster = Poster()
    d = deliverer(poster, Clock(), batch=2)
    for n in range(5):
        d.submit(f'{{"n":{n}}}')
    while d.step() is not None:
        pass
    assert [r.body for r in poster.requests] == [
        b'[{"n":0},{"n":1}]',
        b'[{"n":2},{"n":3}]',
        b'[{"n":4}]',
    ]
    assert {r.url for r in poster.requests} == {"http://am.example:9093/api/v2/alerts"}
    assert poster.requests[0].headers["Content-Type"] == "application/json"


def test_undelivered_payloads_stay_in_the_spool_file_for_the_next_run(tmp_path: Path) -> None:
    path = str(tmp_path / "am.spool")
    first = deliverer(Poster(ConnectionRefusedError()), Clock(), Spool(path))
    first.submit('{"n":1}')
    first.commit()
    assert first.step() is not None
    first.spool.close()
    poster = Poster()
    second = deliverer(poster, Clock(), Spool(path))
    assert second.step() is None
    assert [r.body for r in poster.requests] == [b'[{"n":1}]']


def test_the_background_thread_delivers_what_is_submitted_and_stops() -> None:
    poster = Poster()
    d = Deliverer(AlertmanagerTarget("http://am:9093"), Spool(None), poster=poster)
    d.start()
    try:
        for n in range(3):
            d.submit(f'{{"n":{n}}}')
            wait_for(lambda: len(poster.requests) == n + 1, what=f"post {n}")  # noqa: B023
    finally:
        d.stop(timeout=5)
    assert d._thread is None


def test_flush_gives_up_at_its_deadline_and_keeps_the_payloads() -> None:
    d = Deliverer(
        AlertmanagerTarget("http://am:9093"),
        Spool(None),
        poster=Poster(*[ConnectionRefusedError()] * 100),
        backoff=Backoff(initial=0.05, cap=0.1),
    )
    d.submit("{}")
    assert d.flush(timeout=0.3) is False
    assert len(d.spool) == 1


def test_target_names_carry_no_credentials() -> None:
    assert target_name("https://u:secret@am.example:9093/x?token=1") == "https://am.example:9093/x"
    assert AlertmanagerTarget("http://am:9093/api/v2/alerts/").url == "http://am:9093/api/v2/alerts"


@pytest.mark.parametrize("url", ["am:9093", "ftp://am/", "http:///x", "http://am:port/"])
def test_a_url_that_cannot_be_posted_to_is_an_error_up_front(url: str) -> None:
    with pytest.raises(TargetError):
        AlertmanagerTarget(url)
    with pytest.raises(TargetError):
        WebhookTarget(url)
