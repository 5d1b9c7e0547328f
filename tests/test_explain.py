"""`matcher explain` and `matcher compile --check`, on real logs (issue #11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from matcher.cli.main import cli

DATA = Path(__file__).parent / "data"
ORDERS = DATA / "postmortems" / "logs" / "orders-mysql.log"
MARIADB = DATA / "postmortems" / "logs" / "mariadb-cli.log"
POSTMORTEM = """**Incident ID:** DB-1
**Title:** Orders DB out of connections
**Severity:** High

**Symptoms:**
* mysql client: ERROR 1040 (08004): Too many connections
* The pool logged `QueuePool limit of size 5 overflow 10 reached` (on the web tier).

**Resolution:**
* Smaller pools.
"""


@pytest.fixture
def signatures(tmp_path: Path) -> Path:
    log = tmp_path / "pm.md"
    log.write_text(POSTMORTEM, encoding="utf-8")
    out = tmp_path / "sigs"
    result = CliRunner().invoke(cli, ["compile", str(log), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_explain_lists_matches_and_the_closest_lines_with_the_reason(signatures: Path) -> None:
    result = CliRunner().invoke(cli, ["explain", str(ORDERS), "-s", str(signatures)])
    assert result.exit_code == 0
    out = result.output
    assert f"matches {ORDERS}:24: " in out  # `checkout failed: 1040 (08004): Too many connections`
    assert f"close {ORDERS}:25 (100%): " in out
    assert "does not stand: inside a sentence: the word 'after' comes just before it" in out
    assert f"close {ORDERS}:26 (100%): " in out
    assert "asked about, not reported: a '?' follows it" in out
    assert "symptom: QueuePool limit of size <size:int> overflow <overflow:int> reached" in out
    assert "matches nothing" in out


def test_explain_json_has_the_same_verdicts(signatures: Path) -> None:
    result = CliRunner().invoke(
        cli, ["explain", str(ORDERS), "-s", str(signatures), "--format", "json", "--limit", "2"]
    )
    (first, second) = json.loads(result.output)
    assert first["signature"] == "DB-1"
    assert first["symptom"] == "ERROR 1040 (08004): Too many connections"
    assert [m["where"] for m in first["matched"]] == [f"{ORDERS}:23", f"{ORDERS}:24"]
    assert all(c["score"] == 1.0 and not c["matched"] for c in first["closest"])
    assert second["matched"] == []


def test_explain_line_says_how_a_symptom_matched_with_its_captures(signatures: Path) -> None:
    line = "ERROR [pool] QueuePool limit of size 7 overflow 3 reached"
    result = CliRunner().invoke(cli, ["explain", "-s", str(signatures), "--line", line])
    assert result.exit_code == 0
    assert "matches as written" in result.output
    assert "captures: size=7 overflow=3" in result.output


def test_explain_line_says_where_the_closest_symptom_failed(signatures: Path) -> None:
    line = "2026 WARNING retrying after Too many connections (attempt 2 of 5)"
    result = CliRunner().invoke(
        cli, ["explain", "-s", str(signatures), "--line", line, "--format", "json"]
    )
    assert result.exit_code == 1
    verdict = json.loads(result.output)
    assert verdict["matched"] is False
    best = verdict["symptoms"][0]
    assert best["symptom"] == "ERROR 1040 (08004): Too many connections"
    assert "without its level 'ERROR 1040 (08004):' but does not stand" in best["why"]
    other = "ERROR [pool] QueuePool limit of size 7 overflow 3 released"
    result = CliRunner().invoke(cli, ["explain", "-s", str(signatures), "--line", other])
    assert "differs at 'reached': the line has '3 released' (80%)" in result.output


def test_compile_check_uses_real_lines_and_reports_symptoms_matching_nothing(
    tmp_path: Path,
) -> None:
    log = tmp_path / "pm.md"
    log.write_text(POSTMORTEM, encoding="utf-8")
    out = tmp_path / "sigs"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["compile", str(log), "-o", str(out), "--check", str(ORDERS), "--check", str(MARIADB)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "DB-1: symptom matches nothing in the logs: QueuePool limit of size <size:int> "
        "overflow <overflow:int> reached"
    ) in result.stderr
    match = yaml.safe_load((out / "DB-1.yml").read_text(encoding="utf-8"))["examples"]["match"]
    assert "pymysql.err.OperationalError: (1040, 'Too many connections')" in match
    assert "ERROR 1040 (08004): Too many connections" in match  # mariadb-cli.log, as it is
    assert not any("[app] ERROR 1040" in line for line in match)  # no synthetic one for it
    (tmp_path / "samples").mkdir()
    tested = runner.invoke(cli, ["test", "-s", str(out), "--samples", str(tmp_path / "samples")])
    assert tested.exit_code == 0, tested.output


def test_explain_reads_gzip_and_a_missing_log_is_one_line_exit_2(
    signatures: Path, tmp_path: Path
) -> None:
    import gzip

    packed = tmp_path / "orders.log.gz"
    packed.write_bytes(gzip.compress(ORDERS.read_bytes()))
    result = CliRunner().invoke(cli, ["explain", str(packed), "-s", str(signatures)])
    assert result.exit_code == 0 and f"matches {packed}:24: " in result.output
    missing = tmp_path / "missing.log"
    for args in (["explain", str(missing), "-s", str(signatures)],):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert result.stderr == f"matcher: {missing}: No such file or directory\n"
    log = tmp_path / "pm.md"
    log.write_text(POSTMORTEM, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["compile", str(log), "-o", str(tmp_path / "o"), "--check", str(missing)]
    )
    assert result.exit_code == 2
    assert f"matcher: {missing}: No such file or directory" in result.stderr
    assert not (tmp_path / "o").exists()
