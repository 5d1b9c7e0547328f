"""What the postmortem-compile tests share: one incident around symptom bullets, what it
compiles to, and the lines of a real log its compiled signature flags."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import matcher
from matcher.cli.main import cli
from matcher.incidents.reader import compile_incident_log, parse_incident_log

LOGS = Path(__file__).parent / "data" / "postmortems" / "logs"
REAL = "* Producers died: KafkaTimeoutError: Failed to update metadata after 60.0 secs.\n"
REAL_SYMPTOM = "KafkaTimeoutError: Failed to update metadata after <secs:num> secs"


def incident(symptoms: str) -> str:
    return (
        "**Incident ID:** INC-9\n**Title:** T\n**Severity:** Low\n\n"
        f"**Symptoms:**\n{symptoms}\n\n**Resolution:**\n* Fixed.\n"
    )


def symptoms_of(symptoms: str) -> tuple[str, ...]:
    (found,) = parse_incident_log(incident(symptoms), "x.md")
    return found.symptoms


def flagged(tmp_path: Path, symptoms: str, log: str) -> set[int]:
    """The lines of a real log flagged by the compiled incident."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    md = tmp_path / "pm.md"
    md.write_text(incident(symptoms), "utf-8")
    out = tmp_path / "sigs"
    assert CliRunner().invoke(cli, ["compile", str(md), "-o", str(out)]).exit_code == 0
    ruleset = matcher.load_ruleset([out])
    return {n for f in matcher.scan_file(ruleset, LOGS / log) for n in f.matched_lines}


def compiled(tmp_path: Path, text: str) -> Path:
    """The signatures `matcher compile` writes from a whole incident log."""
    md = tmp_path / "pm.md"
    md.write_text(text, "utf-8")
    out = tmp_path / "sigs"
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def flagged_lines(sigs: Path, log: str) -> list[str]:
    """The lines of a real log the compiled signatures flag."""
    ruleset = matcher.load_ruleset([sigs])
    lines = (LOGS / log).read_text("utf-8").splitlines()
    return [lines[n - 1] for f in matcher.scan_file(ruleset, LOGS / log) for n in f.matched_lines]


def incidents_of(text: str) -> dict[str, tuple[str, ...]]:
    """Each incident's symptoms, the log compiling without a problem."""
    log = compile_incident_log(text, "x.md")
    assert not log.problems, log.problems
    return {i.id: i.symptoms for i in log.incidents}


def symptom_texts(text: str) -> list[str]:
    """The symptoms' texts of the one incident a whole postmortem compiles to, with no problem."""
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]
