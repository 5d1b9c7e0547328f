"""Schema shared by the sample app, the seed script, the near-miss generator and the pytest suite.

``unique=True, index=True`` makes SQLAlchemy name the indexes ``ix_users_email``,
``ix_users_username`` and ``ix_users_email_old`` -- the first one is the index from
INC-2024-002, the other two exist only to produce realistic near misses.
"""

from __future__ import annotations

import datetime as dt
import os

from sqlalchemy import DateTime, String, create_engine, func
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    full_name: Mapped[str] = mapped_column(String(255))
    # Address the user had before the 2023 e-mail migration (nullable, but unique when set).
    email_old: Mapped[str | None] = mapped_column(String(255), unique=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


def database_url() -> str:
    """URL of the throw-away sample database (set by make_samples.sh)."""
    return os.environ["SAMPLE_DATABASE_URL"]


def make_engine(**kwargs: object) -> Engine:
    return create_engine(database_url(), **kwargs)  # type: ignore[arg-type]
