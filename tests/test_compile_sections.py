"""Section names as teams write them: a `**What happened**` narrative holds the symptoms."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import matcher
from matcher.cli import cli
from matcher.incidents.reader import parse_incident_log

LOGS = Path(__file__).parent / "data" / "postmortems" / "logs"
OOM = "redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'"
NOTES = f"""## INC-PM-106 - redis full, carts brkoen
- **Severity:** high-ish

**What happened**
- users couldnt add stuff to cart for like 20 min
- web log was full of `{OOM}` (thats how i remember it)

**Root cause**
- maxmemory was 64mb and noeviction

**Fix**
- bumped to 256mb
"""


def test_a_what_happened_section_holds_the_symptoms() -> None:
    (found,) = parse_incident_log(NOTES, "notes.md")
    assert found.symptoms == (OOM,)
    assert "users couldnt add stuff to cart" in found.description


def test_what_happened_beside_symptoms_is_read_with_it() -> None:
    both = NOTES.replace(
        "**Root cause**",
        "**Symptoms:**\n- `ERROR 1040 (HY000): Too many connections`\n\n**Root cause**",
    )
    (found,) = parse_incident_log(both, "notes.md")
    assert found.symptoms == (OOM, "ERROR 1040 (HY000): Too many connections")


def test_a_what_happened_incident_compiles_and_flags_the_real_redis_lines(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text(NOTES, "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    ruleset = matcher.load_ruleset([tmp_path / "sigs"])
    flagged = {
        n for f in matcher.scan_file(ruleset, LOGS / "cache-redis.log") for n in f.matched_lines
    }
    lines = (LOGS / "cache-redis.log").read_text("utf-8").splitlines()
    assert flagged and all("maxmemory" in lines[n - 1] for n in flagged)
