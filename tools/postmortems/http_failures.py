"""Client-side network failures: requests/urllib3 against a closed port and a .invalid host,
psycopg2 against a .invalid host, and kafka-python with no broker.

Two rounds with other ports, hosts and timeouts, as after a config change.
"""

from __future__ import annotations

import logging

import psycopg2
import requests
from harness import LOGS, app_logger, expect, line_count, near, say
from kafka import KafkaProducer
from kafka.errors import KafkaError

APP_LOG = LOGS / "gateway-http.log"
KAFKA_LOG = LOGS / "events-kafka.log"
INC_REFUSED = "INC-PM-109"
INC_DNS = "INC-PM-110"
INC_KAFKA = "INC-PM-111"


def closed_port(port: int, log: logging.Logger) -> None:
    n = line_count(APP_LOG)
    try:
        requests.get(f"http://127.0.0.1:{port}/api/v2/health", timeout=2)
    except requests.ConnectionError:
        log.exception("inventory service health check failed")
    try:
        requests.post(f"http://127.0.0.1:{port}/api/v2/reserve", json={"sku": port}, timeout=2)
    except requests.ConnectionError as exc:
        log.error("reserve call failed: %s", exc)
    # the chain: ConnectionRefusedError -> NewConnectionError -> MaxRetryError -> requests
    expect(
        APP_LOG,
        n,
        r"^ConnectionRefusedError: \[Errno 111\] Connection refused$",
        INC_REFUSED,
        note="cause in chain",
    )
    expect(
        APP_LOG,
        n,
        r"Failed to establish a new connection: \[Errno 111\] Connection refused",
        INC_REFUSED,
        count=4,
        note="urllib3/requests layers + str()",
    )
    n = line_count(APP_LOG)
    log.info("circuit breaker closed again for 127.0.0.1:%d (was: Connection refused)", port)
    log.debug("retry policy: total=3 connect=3 (retries on 'Failed to establish a new connection')")
    near(
        APP_LOG,
        n,
        r"Connection refused|Failed to establish",
        INC_REFUSED,
        count=2,
        note="info/debug prose",
    )


def bad_host(host: str, log: logging.Logger) -> None:
    n = line_count(APP_LOG)
    try:
        requests.get(f"https://{host}:8443/v1/quote", timeout=2)
    except requests.ConnectionError:
        log.exception("quote lookup failed")
    expect(
        APP_LOG,
        n,
        r"Name or service not known",
        INC_DNS,
        count=4,
        note="gaierror -> NameResolutionError -> MaxRetryError -> requests",
    )
    n = line_count(APP_LOG)
    try:
        psycopg2.connect(host=host.replace("api", "db"), port=5432, connect_timeout=2)
    except psycopg2.OperationalError as exc:
        log.error("ledger db unreachable: %s", str(exc).strip())
    expect(
        APP_LOG,
        n,
        r"could not translate host name \"[\w.-]+\" to address: Name or service "
        r"not known$",
        INC_DNS,
        note="libpq",
    )
    n = line_count(APP_LOG)
    log.info("resolver check: %s resolves? no (expected for .invalid in staging)", host)
    near(APP_LOG, n, r"resolves\? no", INC_DNS, note="question")


def no_broker(port: int, max_block_ms: int, log: logging.Logger) -> None:
    n = line_count(KAFKA_LOG)
    producer = KafkaProducer(
        bootstrap_servers=f"127.0.0.1:{port}",
        api_version=(2, 6, 0),
        max_block_ms=max_block_ms,
        reconnect_backoff_ms=200,
    )
    try:
        producer.send("order-events", b"{}").get(timeout=5)
    except KafkaError as exc:
        log.error("publish order event failed: %r", exc)
    try:
        producer.send("audit-events", b"{}")
    except KafkaError:
        log.exception("publish audit event failed")
    producer.close(timeout=1)
    secs = f"{max_block_ms / 1000:.1f}"
    expect(
        KAFKA_LOG,
        n,
        rf"KafkaTimeoutError\('Failed to update metadata after {secs} secs\.'\)$",
        INC_KAFKA,
        note="repr",
    )
    expect(
        KAFKA_LOG,
        n,
        rf"^kafka\.errors\.KafkaTimeoutError: KafkaTimeoutError: Failed to update "
        rf"metadata after {secs} secs\.$",
        INC_KAFKA,
        note="traceback",
    )
    near(
        KAFKA_LOG,
        n,
        r"Bootstrap failed: KafkaTimeoutError: Unable to bootstrap",
        INC_KAFKA,
        note="another timeout of the same client",
    )


def main() -> None:
    log = app_logger(
        "gateway", APP_LOG, "%(asctime)s %(levelname)s %(name)s:%(lineno)d %(message)s"
    )
    kafka_log = app_logger(
        "kafka", KAFKA_LOG, "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
    )
    kafka_app = logging.getLogger("kafka.events")
    for port, host, kport, block in (
        (59111, "pricing-api.invalid", 59092, 1000),
        (59222, "quotes-api.invalid", 59093, 1500),
    ):
        say(f"requests to closed port {port}, {host}; kafka 127.0.0.1:{kport}")
        closed_port(port, log)
        bad_host(host, log)
        no_broker(kport, block, kafka_app)
    del kafka_log


if __name__ == "__main__":
    main()
