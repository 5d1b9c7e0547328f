"""Sample-log version of ``scripts/seed_database.py`` from INC-2024-002 (before the fix).

Creates the schema and inserts Faker users one by one, committing every --batch-size
users. In the incident Faker produced the same e-mail twice by chance; to make that
deterministic here, user number --duplicate-at reuses the e-mail Faker generated for user
--duplicate-of (everything else comes from Faker with the fixed --seed). The INSERT then
really fails in PostgreSQL on the unique index ``ix_users_email``; psycopg2 raises
``UniqueViolation``, SQLAlchemy wraps it in ``IntegrityError``, and the script logs the
traceback with ``logger.exception``, rolls the open batch back and exits with status 1
(like the original script, it has no retry logic).
"""

from __future__ import annotations

import argparse
import logging
import sys

from faker import Faker
from models import Base, User, make_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

log = logging.getLogger("seed_database")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--duplicate-at", type=int, default=37)
    parser.add_argument("--duplicate-of", type=int, default=12)
    parser.add_argument("--reset", action="store_true", help="drop and re-create the tables")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)-8s %(name)s: %(message)s",
        stream=sys.stderr,
    )

    engine = make_engine()
    log.info(
        "seeding %s on %s:%s (users=%d, batch_size=%d, faker seed=%d)",
        engine.url.database,
        engine.url.host,
        engine.url.port,
        args.users,
        args.batch_size,
        args.seed,
    )
    if args.reset:
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
        log.info("schema re-created: %s", ", ".join(sorted(Base.metadata.tables)))

    Faker.seed(args.seed)
    fake = Faker("en_US")
    emails: list[str] = []
    committed = 0
    with Session(engine) as session:
        for i in range(1, args.users + 1):
            email = fake.email()
            if i == args.duplicate_at:
                email = emails[args.duplicate_of - 1]  # the "Faker collision"
            emails.append(email)
            user = User(
                email=email,
                username=f"{fake.user_name()}{i:03d}",
                full_name=fake.name(),
            )
            try:
                session.add(user)
                session.flush()
            except IntegrityError:
                log.exception("failed to create user %d/%d", i, args.users)
                session.rollback()
                log.error(
                    "seeding aborted: rolled back users %d-%d, %d users committed",
                    committed + 1,
                    i,
                    committed,
                )
                return 1
            if i % args.batch_size == 0:
                session.commit()
                log.info("committed users %d-%d", committed + 1, i)
                committed = i
        session.commit()
        committed = args.users
    log.info("seeding finished: %d users", committed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
