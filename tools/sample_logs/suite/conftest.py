"""Fixtures for the sample suite; it needs the throw-away database of make_samples.sh.

Without SAMPLE_DATABASE_URL (i.e. outside tools/sample_logs/make_samples.sh) the suite's
test files are not even collected, and nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

collect_ignore_glob = [] if os.environ.get("SAMPLE_DATABASE_URL") else ["test_*.py"]


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    from models import make_engine

    # the API's pool settings before the INC-2024-001 fix
    eng = make_engine(pool_size=2, max_overflow=0, pool_timeout=1)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    from sqlalchemy.orm import Session

    with Session(engine) as s:
        yield s
        s.rollback()
