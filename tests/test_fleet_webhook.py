"""The generic webhook, against a real HTTP server on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fleet_helpers import Receiver, finding

from matcher.fleet.delivery import Backoff
from matcher.fleet.dispatch import Dispatcher, FleetOptions
from matcher.fleet.webhook import SIGNATURE_HEADER, WebhookError, load_secret
from matcher.reporters.jsonl import SCHEMA


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


def test_each_finding_is_posted_as_its_json_record_signed(
    receiver: Receiver, tmp_path: Path
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_bytes(b"s3cret\n")
    options = FleetOptions(webhooks=(receiver.url,), webhook_secret_file=str(secret_file))
    dispatcher = Dispatcher(options)
    findings = [finding(offset=n, line=n + 1) for n in range(3)]
    for f in findings:
        dispatcher.finding(f)
    assert dispatcher.flush(timeout=10)

    assert [body["id"] for body in receiver.bodies()] == [f.id for f in findings]
    for (path, headers, body), f in zip(receiver.posts, findings, strict=True):
        assert path == "/hook"
        assert body["schema"] == SCHEMA and body["line"] == f.line
        assert body["incident"] == "INC-2024-001" and body["captures"] == {"x": "5", "y": "10"}
        assert headers["Idempotency-Key"] == f.id
        raw = json.dumps(body, ensure_ascii=True).encode()  # the body, byte for byte
        expected = "sha256=" + hmac.new(b"s3cret", raw, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers[SIGNATURE_HEADER], expected)


def test_without_a_secret_there_is_no_signature_header(receiver: Receiver) -> None:
    dispatcher = Dispatcher(FleetOptions(webhooks=(receiver.url,)))
    dispatcher.finding(finding())
    assert dispatcher.flush(timeout=10)
    [(_, headers, _)] = receiver.posts
    assert SIGNATURE_HEADER not in headers


def test_a_receiver_error_is_retried_and_a_rejection_dropped() -> None:
    receiver = Receiver(statuses=[503, 503, 422])
    try:
        options = FleetOptions(webhooks=(receiver.url,), backoff=Backoff(initial=0.01, cap=0.05))
        logged: list[tuple[str, str]] = []
        dispatcher = Dispatcher(options, on_log=lambda level, m: logged.append((level, m)))
        dispatcher.finding(finding(offset=1))  # 503, 503, then 422: dropped
        dispatcher.finding(finding(offset=2))  # 200
        assert dispatcher.flush(timeout=10)
        assert [b["offset"] for b in receiver.bodies()] == [2]
        assert [level for level, _ in logged] == ["warning", "error"]
    finally:
        receiver.close()


def test_secret_file_problems_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(WebhookError, match="empty"):
        load_secret(str(empty))
    with pytest.raises(WebhookError, match="cannot read"):
        load_secret(str(tmp_path / "missing"))
    with pytest.raises(WebhookError):
        Dispatcher(FleetOptions(webhooks=("http://x/",), webhook_secret_file=str(empty)))
