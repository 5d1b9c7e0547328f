"""The generic webhook: each finding's JSON record (the ``--format json`` schema, see
docs/json-format.md) POSTed on its own, with the same at-least-once delivery as alerts.

Receivers deduplicate with the ``Idempotency-Key`` header (the finding id, stable across
runs and restarts). With a secret, ``X-Incident-Matcher-Signature-256: sha256=<hex>`` is
the HMAC-SHA256 of the exact body bytes under the secret, as GitHub signs its webhooks:
a receiver recomputes it over the raw body and compares in constant time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections.abc import Sequence

from matcher.errors import MatcherError
from matcher.fleet.delivery import Request, check_url, target_name
from matcher.model import Finding
from matcher.reporters.jsonl import finding_to_dict

SIGNATURE_HEADER = "X-Incident-Matcher-Signature-256"
IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_SECRET = 4096


class WebhookError(MatcherError):
    """A webhook secret that cannot be used."""


def load_secret(path: str) -> bytes:
    """The secret in ``path`` without its trailing newline; an empty or unreadable file is an
    error (signing with an empty key would look signed and prove nothing)."""
    try:
        with open(path, "rb") as fh:
            secret = fh.read(MAX_SECRET + 1)
    except OSError as exc:
        raise WebhookError(f"{path}: cannot read the webhook secret ({exc.strerror})") from None
    secret = secret.rstrip(b"\r\n")
    if not secret:
        raise WebhookError(f"{path}: the webhook secret is empty")
    if len(secret) > MAX_SECRET:
        raise WebhookError(f"{path}: the webhook secret is longer than {MAX_SECRET} bytes")
    return secret


def webhook_payload(finding: Finding) -> str:
    """The body for one finding: exactly the line ``--format json`` writes, without its LF."""
    return json.dumps(finding_to_dict(finding), ensure_ascii=True)


def sign(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


class WebhookTarget:
    """One finding per request (a receiver answers for each one on its own)."""

    batch = 1

    def __init__(self, url: str, secret: bytes | None = None) -> None:
        self.url, self.secret = check_url(url), secret
        self.name = target_name(url)

    def encode(self, payloads: Sequence[str]) -> Request:
        (payload,) = payloads
        body = payload.encode("ascii")
        headers = {"Content-Type": "application/json", "User-Agent": "incident-matcher"}
        # not a finding record: still delivered, just without the key
        with contextlib.suppress(ValueError, KeyError, TypeError):
            headers[IDEMPOTENCY_HEADER] = str(json.loads(payload)["id"])
        if self.secret is not None:
            headers[SIGNATURE_HEADER] = sign(self.secret, body)
        return Request(self.url, body, headers)
