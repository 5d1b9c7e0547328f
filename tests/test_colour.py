"""Colours inside the text (issue #12: "ANSI SGR sequences are ignored for matching
everywhere"). A real log of rich's RichHandler on a terminal (tools/envelopes/rich_app.py:
numbers and strings highlighted *inside* the message) gives the findings of the same run
without a terminal: recognised as a coloured bare log (envelope ``ansi``), or, when colour
starts past the lines the envelope is recognised on, through the scanner's colour fallback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, signature_fields, write_signature

ENV = Path(__file__).resolve().parent / "data" / "envelopes"
COLOUR, PLAIN = ENV / "rich-colour.log", ENV / "rich-plain.log"
POOL = "sqlalchemy.exc.TimeoutError: QueuePool limit of size <x:int> overflow <y:int> reached"
DUPLICATE = 'duplicate key value violates unique constraint "ix_users_email"'


@pytest.fixture
def sigs(tmp_path: Path) -> Path:
    where = tmp_path / "sigs"
    write_signature(where, signature_fields("INC-POOL", symptoms=[POOL]))
    write_signature(where, signature_fields("INC-DUP", symptoms=[DUPLICATE]))
    return where


def scan(sigs: Path, path: Path, *options: str) -> list[dict[str, Any]]:
    result = run_cli(["scan", "-f", "json", "-s", str(sigs), *options, str(path)])
    assert result.exit_code == 1, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def essence(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["incident"], r["line"], r["text"], r["span"], r["captures"]) for r in records]


def test_the_raw_colour_log_really_splits_the_symptoms() -> None:
    raw = COLOUR.read_text(encoding="utf-8")
    assert "\x1b[" in raw and "QueuePool limit of size 5" not in raw
    assert "QueuePool limit of size 5" in PLAIN.read_text(encoding="utf-8")


def test_a_coloured_log_gives_the_findings_of_the_same_run_without_colour(sigs: Path) -> None:
    plain = scan(sigs, PLAIN)
    assert [r["incident"] for r in plain] == ["INC-POOL", "INC-DUP"]
    coloured = scan(sigs, COLOUR)
    assert essence(coloured) == essence(plain)
    assert all(r["decoded"] is None and r["raw_span"] for r in coloured)
    assert coloured[0]["captures"] == {"x": "5", "y": "10"}


def test_colour_starting_past_the_first_lines_is_still_seen_through(
    sigs: Path, tmp_path: Path
) -> None:
    """A bare log (not recognised as coloured) whose later lines are: the scanner's prefilter
    and its confirmation read those lines with their escape codes taken off."""
    lines = PLAIN.read_text(encoding="utf-8").splitlines(keepends=True)
    coloured = COLOUR.read_text(encoding="utf-8").splitlines(keepends=True)
    mixed = tmp_path / "restarted.log"
    mixed.write_text("".join(lines[:40] + coloured[40:]), encoding="utf-8")
    assert essence(scan(sigs, mixed)) == essence(scan(sigs, PLAIN))
    # the same with the envelope forced off
    assert essence(scan(sigs, COLOUR, "--envelope", "none")) == essence(scan(sigs, PLAIN))


def test_colour_inside_a_coloured_compose_payload(sigs: Path, tmp_path: Path) -> None:
    """docker compose colours its own prefix; the service's own colours sit inside the line."""
    lines = COLOUR.read_text(encoding="utf-8").splitlines()
    wrapped = tmp_path / "compose.log"
    prefix = "\x1b[36mapi-1     |\x1b[0m "
    wrapped.write_text("".join(f"{prefix}{line}\n" for line in lines), encoding="utf-8")
    got = scan(sigs, wrapped)
    assert [(r["incident"], r["line"], r["text"]) for r in got] == [
        (r["incident"], r["line"], r["text"]) for r in scan(sigs, PLAIN)
    ]
    assert {r["fields"]["service"] for r in got} == {"api-1"}


def test_the_coloured_envelope_can_be_forced_and_is_listed(sigs: Path) -> None:
    assert essence(scan(sigs, PLAIN, "--envelope", "ansi")) == essence(scan(sigs, PLAIN))
    result = run_cli(["scan", "--help"])
    assert "ansi" in result.stdout
