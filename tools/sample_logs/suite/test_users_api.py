"""Sample suite for sample_logs/pytest-output.log: 1 pass, 2 incident failures, 2 unrelated.

Deliberately failing -- do not "fix". The failures are real: a QueuePool timeout
(INC-2024-001), a PostgreSQL unique violation on ix_users_email (INC-2024-002), and two
failures that have nothing to do with either incident (KeyError, AssertionError).
"""

from __future__ import annotations

from typing import Any

from faker import Faker
from models import User
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session


def serialize_user(user: User) -> dict[str, Any]:
    return {"id": user.id, "email": user.email, "name": user.full_name}


def page_count(total: int, per_page: int) -> int:
    return total // per_page


def test_seeded_users_can_be_listed(session: Session) -> None:
    count = session.scalar(select(func.count()).select_from(User))
    assert count is not None and count >= 1


def test_report_queries_run_concurrently(engine: Engine) -> None:
    running = [engine.connect() for _ in range(2)]  # two slow reports in flight
    try:
        with engine.connect() as conn:  # a third request arrives meanwhile
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        for conn in running:
            conn.close()


def test_reimport_of_same_faker_batch(session: Session) -> None:
    for username in ("import-a", "import-b"):
        Faker.seed(7)  # the re-import reuses the seed -> same e-mail again
        fake = Faker("en_US")
        session.add(User(email=fake.email(), username=username, full_name=fake.name()))
        session.flush()


def test_user_payload_has_display_name() -> None:
    payload = serialize_user(User(id=1, email="ada@example.org", full_name="Ada Lovelace"))
    assert payload["display_name"] == "Ada Lovelace"


def test_user_list_page_count() -> None:
    assert page_count(31, 10) == 4
