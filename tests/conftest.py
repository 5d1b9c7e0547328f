"""Shared fixtures and helpers.

Every test gets its own ruleset cache (``XDG_CACHE_HOME``) and an environment without the
matcher's variables, so nothing leaks between tests or in from the developer's shell.
Signature files are written with one field per line (values as JSON, which YAML reads), so
a test knows the line of every field: ``id`` on line 1, ``title`` 2, ``severity`` 3,
``symptoms`` 4, ``resolution`` 5, then the optional fields in the order given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from matcher.cli.main import cli
from matcher.patterns.prefilter import hyperscan_available

REPO = Path(__file__).resolve().parent.parent
ENGINES = ("pure", "hyperscan") if hyperscan_available() else ("pure",)
MATCHER_VARIABLES = (
    "MATCHER_SIGNATURES",
    "MATCHER_ENGINE",
    "MATCHER_CACHE",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    # a CI runner's own: a scan would append its summary/outputs there
    "GITHUB_STEP_SUMMARY",
    "GITHUB_OUTPUT",
    "GITHUB_WORKSPACE",
)

# The two incidents of the core issue, as signature fields.
QUEUEPOOL = "TimeoutError: QueuePool limit of size <x> overflow <y> reached"
UNIQUE_EMAIL = 'IntegrityError: duplicate key value violates unique constraint "ix_users_email"'
INC_001: dict[str, Any] = {
    "id": "INC-2024-001",
    "title": "API unresponsive under moderate load - DB connection pool exhaustion",
    "severity": "high",
    "symptoms": [QUEUEPOOL],
    "resolution": "Increased pool_size and max_overflow in create_engine.\n"
    "Monitored connection usage after the change.\n",
    "services": ["Backend API"],
    "date": "2024-10-15",
    "runbook": "https://runbooks.example.com/db-pool",
    "examples": {
        "match": [
            "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, "
            "connection timed out, timeout 30.00"
        ],
        "no_match": ["DEBUG [sqlalchemy.pool.impl.QueuePool] Created new connection"],
    },
}
INC_002: dict[str, Any] = {
    "id": "INC-2024-002",
    "title": "Database seeding fails with unique constraint violation",
    "severity": "medium",
    "symptoms": [UNIQUE_EMAIL],
    "resolution": "Retry user creation with new fake data on IntegrityError.",
    "runbook": "docs/runbooks/seeding.md",
    "examples": {
        "match": ['ERROR:  duplicate key value violates unique constraint "ix_users_email"'],
        "no_match": ['ERROR:  duplicate key value violates unique constraint "ix_users_email_old"'],
    },
}
# Lines of a log that each core signature flags (and one that neither does).
POOL_LINE = (
    "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, "
    "connection timed out, timeout 30.00"
)
EMAIL_LINE = 'ERROR:  duplicate key value violates unique constraint "ix_users_email"'
QUIET_LINE = "INFO request served in 12 ms"


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    for name in MATCHER_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def signature_yaml(fields: dict[str, Any]) -> str:
    """YAML text of a signature: one ``key: <JSON value>`` per line, in the order given."""
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())


def signature_fields(sig_id: str = "INC-T", **fields: Any) -> dict[str, Any]:
    """A valid signature's fields (required ones first), overridden or extended by ``fields``;
    a field given as ``None`` is left out."""
    base: dict[str, Any] = {
        "id": sig_id,
        "title": f"Test incident {sig_id}",
        "severity": "high",
        "symptoms": ["connection pool exhausted"],
        "resolution": "Raise the pool size.",
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def write_signature(directory: Path, fields: dict[str, Any], name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (name or f"{fields.get('id', 'signature')}.yml")
    path.write_text(signature_yaml(fields), encoding="utf-8")
    return path


def write_text(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def core_signatures(tmp_path: Path) -> Path:
    """A directory holding the core issue's two signatures."""
    directory = tmp_path / "signatures"
    write_signature(directory, INC_001)
    write_signature(directory, INC_002)
    return directory


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine in turn (hyperscan only where it is installed)."""
    return str(request.param)


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_cli(args: Sequence[str], input: str | bytes | None = None) -> Result:
    """``matcher ARGS`` in-process (click's runner), stdout and stderr apart."""
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def run_module(
    args: Sequence[str],
    input: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m matcher ARGS`` in a child process (bytes in, bytes out)."""
    return subprocess.run(
        [sys.executable, "-m", "matcher", *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        check=False,
    )


def json_findings(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture
def in_tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test from an empty temporary directory (for defaults like ./signatures)."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path
