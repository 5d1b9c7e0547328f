"""A tiny suite whose failures are real sqlite3 IntegrityErrors, run by ../make_traces.sh for
tests/data/events/pytest-params.log: a parametrized test whose id holds a dot
(``test_ratio[1.5]``) and a test in a class (``TestImport.test_dup``). Not collected by the
project's own test run (testpaths = tests; the name does not start with test_)."""

import sqlite3

import pytest


def insert_twice(email: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
    conn.execute("INSERT INTO users (email) VALUES (?)", (email,))
    conn.execute("INSERT INTO users (email) VALUES (?)", (email,))


@pytest.mark.parametrize("ratio", [1.5])
def test_ratio(ratio: float) -> None:
    insert_twice(f"user-{ratio}@example.org")


class TestImport:
    def test_dup(self) -> None:
        insert_twice("ada@example.org")


def test_passes() -> None:
    assert True
