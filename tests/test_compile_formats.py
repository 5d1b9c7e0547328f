"""How teams write the header and the sections of a postmortem (issue #11, fourth pass):
severities as priority or incident-level codes (`P2`, `SEV1`, `SEV 2 (high)`), label
synonyms, ignored sections such as `Impact`, nested bullets and fenced blocks inside a
bullet, checkbox action items (docs/incident-log-format.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from compile_helpers import REAL, REAL_SYMPTOM

from matcher.cli.main import cli
from matcher.errors import IncidentLogError
from matcher.incidents.reader import parse_incident_log


def _one(text: str) -> dict[str, object]:
    (found,) = parse_incident_log(text, "x.md")
    return {k: getattr(found, k) for k in ("severity", "symptoms", "resolution", "action_items")}


def _with_severity(value: str) -> str:
    return f"## INC-7: Publisher down\n**Severity:** {value}\n**Symptoms:**\n{REAL}"


@pytest.mark.parametrize(
    ("written", "severity"),
    [
        ("P1", "critical"),
        ("P0", "critical"),
        ("p2", "high"),
        ("P3", "medium"),
        ("P4", "low"),
        ("SEV1", "critical"),
        ("Sev-2", "high"),
        ("sev 3", "medium"),
        ("S1", "critical"),
        ("SEV 2 (high)", "high"),
        ("High (P2)", "high"),
        ("SEV2 - Critical", "critical"),  # the name, as written, wins over the code
        ("**P2**", "high"),
        ("Major", "high"),
        ("Minor", "low"),
        ("medium", "medium"),
    ],
)
def test_severities_as_teams_write_them_map_to_the_models(written: str, severity: str) -> None:
    assert _one(_with_severity(written))["severity"] == severity


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Hihg", "did you mean 'high'?"),
        ("Sev 9", "did you mean"),
        ("urgent-ish", "(one of critical, high, medium, low, info; or P1-P5, SEV1-SEV5)"),
    ],
)
def test_an_unknown_severity_is_one_line_at_its_label(written: str, hint: str) -> None:
    with pytest.raises(IncidentLogError) as error:
        parse_incident_log(_with_severity(written), "x.md")
    (line,) = str(error.value).splitlines()
    assert line.startswith(f"x.md:2:1: severity: unknown severity {written!r}")
    assert hint in line


def test_a_p2_severity_compiles_and_the_signature_says_high(tmp_path: Path) -> None:
    md = tmp_path / "pm.md"
    md.write_text(_with_severity("P2"), "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "sigs" / "INC-7.yml").read_text("utf-8"))
    assert data["severity"] == "high"
    assert data["symptoms"] == [REAL_SYMPTOM]
