"""Findings as Alertmanager v2 alerts; the dispatcher's cadence with a cooldown."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from fleet_helpers import finding, signature

from matcher.fleet.alerts import Repeats, alert_for, event_time, iso
from matcher.fleet.delivery import Request, Response
from matcher.fleet.dispatch import Dispatcher, FleetOptions, spool_path
from matcher.model import Status

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc).timestamp()


def test_labels_and_annotations_as_the_issue_specifies() -> None:
    sig = signature(status=Status.RESOLVED, runbook="https://runbooks.example.com/db-pool")
    alert = alert_for(finding(sig), host="web-1", now=NOW, ttl=600)
    assert alert["labels"] == {
        "alertname": "INC-2024-001",
        "severity": "high",
        "host": "web-1",
        "service": "api,db",
        "source": "/var/log/app.log",
        "regression": "true",
    }
    assert alert["annotations"] == {
        "summary": "INC-2024-001: DB connection pool exhausted",
        "description": "TimeoutError: QueuePool limit of size 5 overflow 10 reached",
        "resolution": "Raise pool_size.",
        "location": "/var/log/app.log:7",
        "finding_id": finding(sig).id,
        "runbook_url": "https://runbooks.example.com/db-pool",
        "captures": "x=5 y=10",
    }
    assert alert["startsAt"] == "2026-12-03T08:00:00.000Z"
    assert alert["endsAt"] == "2026-12-03T08:10:00.000Z"


def test_an_open_incident_has_no_regression_label_and_no_empty_annotations() -> None:
    alert = alert_for(finding(captures={}), host="h", now=NOW)
    assert "regression" not in alert["labels"]
    assert "runbook_url" not in alert["annotations"] and "captures" not in alert["annotations"]
    assert alert["endsAt"] == iso(NOW + 3600)  # default --alert-ttl: 1 h


def test_line_text_is_neutralised_and_bounded() -> None:
    text = "boom \x1b[31mred\x1b[0m \u202egnp.exe \udcff" + "x" * 10_000
    alert = alert_for(finding(text=text, captures={"x": "\x1b]0;pwn\x07"}), host="h", now=NOW)
    description = alert["annotations"]["description"]
    assert description.startswith("boom \\x1b[31mred\\x1b[0m \\u202egnp.exe \\xff")
    assert len(description) == 4096 and description.endswith("…")
    assert alert["annotations"]["captures"] == "x=\\x1b]0;pwn\\x07"
    json.dumps(alert, ensure_ascii=True)  # and it is plain JSON
    assert "\x1b" not in json.dumps(alert, ensure_ascii=False)


def test_the_event_time_of_the_line_is_startsat_when_it_has_a_zone() -> None:
    assert event_time("2026-12-03T07:59:30.250Z ERROR x") == NOW - 29.75
    assert event_time("[2026-12-03 08:59:30+01:00] x") == NOW - 30
    assert event_time("2026-12-03T07:59:30+0000 x") == NOW - 30
    assert event_time("2026-12-03 07:59:30 ERROR naive, zone unknown") is None
    assert event_time("2026-13-45T07:59:30Z not a date") is None
    assert event_time("no stamp") is None
    alert = alert_for(finding(), host="h", now=NOW, ttl=60, event_at=NOW - 30)
    assert alert["startsAt"] == iso(NOW - 30)
    assert alert["endsAt"] == iso(NOW + 60)  # read late: still firing for a full TTL
    future = alert_for(finding(), host="h", now=NOW, event_at=NOW + 500)
    assert future["startsAt"] == iso(NOW)  # a skewed clock does not post from the future


def test_repeats_one_post_per_window_carrying_the_count() -> None:
    repeats = Repeats(cooldown=60)
    f = finding()
    assert repeats.observe("k", f, 0) == 0
    assert [repeats.observe("k", f, t) for t in (1, 2, 3)] == [None, None, None]
    assert repeats.observe("other", f, 4) == 0
    assert repeats.observe("k", f, 61) == 3  # a new window, carrying the last one's count
    assert repeats.expire(100) == []  # "other" closed with nothing held
    repeats.observe("k", f, 110)
    [held] = repeats.expire(121)
    assert held.count == 1 and held.last is f
    assert Repeats(cooldown=0).observe("k", f, 0) == 0  # no cooldown: every finding posts


def test_repeats_remember_a_bounded_number_of_keys() -> None:
    repeats = Repeats(cooldown=60, tracked=3)
    for key in range(10):
        repeats.observe(key, finding(), 0)
    assert list(repeats.pending()) == [7, 8, 9]


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def posted_alerts(posts: list[Request]) -> list[dict[str, Any]]:
    return [alert for r in posts for alert in json.loads(r.body)]


def test_dispatcher_posts_every_alert_to_every_peer_and_repeats_with_a_count() -> None:
    posts: list[Request] = []

    def poster(request: Request, timeout: float) -> Response:
        posts.append(request)
        return Response(200)

    clock = Clock()
    options = FleetOptions(
        alertmanagers=("http://am-a:9093", "http://am-b:9093", "http://am-a:9093"),
        host="web-1",
        cooldown=60,
    )
    dispatcher = Dispatcher(options, clock=clock, poster=poster)
    for n in range(5):  # one alert key, five occurrences within the window
        clock.now = NOW + n
        dispatcher.finding(finding(offset=n, line=n + 1))
    clock.now = NOW + 61
    dispatcher.tick()
    assert dispatcher.flush(timeout=5)
    assert {r.url for r in posts} == {
        "http://am-a:9093/api/v2/alerts",
        "http://am-b:9093/api/v2/alerts",
    }
    for peer in ("am-a", "am-b"):
        alerts = posted_alerts([r for r in posts if peer in r.url])
        assert [a["annotations"].get("repeat_count") for a in alerts] == [None, "4"]
        assert alerts[1]["annotations"]["location"] == "/var/log/app.log:5"


def test_spools_live_next_to_the_state_one_per_target(tmp_path: Path) -> None:
    state = str(tmp_path / "state.json")
    options = FleetOptions(
        alertmanagers=("http://a:9093",), webhooks=("http://hook/x",), state=state
    )

    def refused(request: Request, timeout: float) -> Response:
        raise ConnectionRefusedError("nobody listens")

    dispatcher = Dispatcher(options, poster=refused)
    dispatcher.finding(finding())
    dispatcher.commit()
    assert dispatcher.pending() == {"http://a:9093": 1, "http://hook/x": 1}
    assert dispatcher.close(timeout=0.1) is False
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        [
            spool_path(state, "alertmanager", "http://a:9093/api/v2/alerts").rsplit("/", 1)[1],
            spool_path(state, "webhook", "http://hook/x").rsplit("/", 1)[1],
        ]
    )
    assert all(name.startswith("state.json.") and name.endswith(".spool") for name in names)
