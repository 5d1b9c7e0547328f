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
        ("Critical 🔥", "critical"),
        ("🔴 High", "high"),
        ("P2 - degraded checkout", "high"),
        ("high impact", "high"),
    ],
)
def test_severities_as_teams_write_them_map_to_the_models(written: str, severity: str) -> None:
    assert _one(_with_severity(written))["severity"] == severity


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Hihg", "did you mean 'high'?"),
        ("Sev 9", "did you mean"),
        ("Hgh", "(one of critical, high, medium, low, info; or P1-P5, SEV1-SEV5)"),
    ],
)
def test_an_unknown_severity_is_one_line_at_its_label(written: str, hint: str) -> None:
    with pytest.raises(IncidentLogError) as error:
        parse_incident_log(_with_severity(written), "x.md")
    (line,) = str(error.value).splitlines()
    assert line.startswith(f"x.md:2:1: severity: unknown severity {written!r}")
    assert hint in line


@pytest.mark.parametrize("written", ["spicy-ish", "Υψηλή", "Uchel"])
def test_a_severity_word_of_no_known_language_compiles_as_medium_with_a_warning(
    tmp_path: Path, written: str
) -> None:
    md = tmp_path / "pm.md"
    md.write_text(_with_severity(written), "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    warning = f"pm.md:2:1: severity: unknown severity {written!r} (one of critical"
    assert warning in result.stderr
    data = yaml.safe_load((tmp_path / "sigs" / "INC-7.yml").read_text("utf-8"))
    assert data["severity"] == "medium"


def test_a_p2_severity_compiles_and_the_signature_says_high(tmp_path: Path) -> None:
    md = tmp_path / "pm.md"
    md.write_text(_with_severity("P2"), "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "sigs" / "INC-7.yml").read_text("utf-8"))
    assert data["severity"] == "high"
    assert data["symptoms"] == [REAL_SYMPTOM]


def _incident(header: str, sections: str) -> str:
    return f"## INC-7: Publisher down\n{header}\n{sections}"


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("**Fix**:", "resolution"),
        ("**Fix:**", "resolution"),
        ("**Mitigation:**", "resolution"),
        ("Remediation:", "resolution"),
        ("### Mitigation", "resolution"),
        ("**Follow-ups**:", "action_items"),
        ("**Next steps:**", "action_items"),
        ("Next Steps:", "action_items"),
        ("## Follow ups", "action_items"),
    ],
)
def test_label_synonyms_of_resolution_and_action_items(label: str, field: str) -> None:
    text = _incident("**Severity:** High", f"**Symptoms:**\n{REAL}\n{label}\n- Restarted it.\n")
    found = _one(text)
    value = found[field]
    assert (value == "Restarted it.") if field == "resolution" else (value == ("Restarted it.",))


@pytest.mark.parametrize(
    "services",
    ["**Services:** orders, events", "**Affected**: orders, events", "Affected: orders; events"],
)
def test_label_synonyms_of_services(services: str) -> None:
    text = _incident(f"**Severity:** High\n{services}", f"**Symptoms:**\n{REAL}")
    (found,) = parse_incident_log(text, "x.md")
    assert found.services == ("orders", "events")


@pytest.mark.parametrize(
    "impact",
    [
        "**Impact:**\n- `OSError: [Errno 28] No space left on device` on the report host",
        "**Impact**: OSError: [Errno 28] No space left on device on the report host",
        "Impact:\n- OSError: [Errno 28] No space left on device on the report host",
        "### Impact\nOSError: [Errno 28] No space left on device on the report host",
        "- **Customer impact:** OSError: [Errno 28] No space left on device on the report host",
    ],
)
def test_an_impact_section_ends_the_symptoms_and_is_never_a_symptom(impact: str) -> None:
    text = _incident("**Severity:** High", f"**Symptoms:**\n{REAL}{impact}\n\n**Fix:**\n- Done.")
    found = _one(text)
    assert found["symptoms"] == (REAL_SYMPTOM,)
    assert found["resolution"] == "Done."


def test_a_misspelt_section_that_is_no_field_is_skipped_a_misspelt_field_is_not() -> None:
    text = _incident("**Severity:** High", f"**Symptoms:**\n{REAL}**Timline:**\n- 09:14 paged\n")
    assert _one(text)["symptoms"] == (REAL_SYMPTOM,)
    with pytest.raises(IncidentLogError, match="did you mean 'Next Steps'"):
        parse_incident_log(text + "**Nxt steps:**\n- x\n", "x.md")


def test_symptom_bullets_nested_under_a_bulleted_label() -> None:
    text = (
        "## INC-7: Publisher down\n- **Severity:** P3\n- **Services:** events\n- **Symptoms:**\n"
        "  - fulfilment got no events\n"
        "  - `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n"
        "- **Fix**: restarted the brokers\n- **Follow-ups:**\n  - [x] alert on the outbox\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description == "fulfilment got no events"
    assert (found.severity, found.resolution, found.status) == (
        "medium",
        "restarted the brokers",
        "resolved",
    )


_TRACEBACK = (
    "```python\n"
    "Traceback (most recent call last):\n"
    '  File "/app/pub.py", line 3, in send\n'
    "    fut.get()\n"
    "kafka.errors.KafkaTimeoutError: KafkaTimeoutError: Failed to update metadata after 60.0"
    " secs.\n"
    "```\n"
)


@pytest.mark.parametrize("indent", ["", "  ", "    ", "\t"])
@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_fenced_block_inside_a_bullet(tmp_path: Path, indent: str, blank: str) -> None:
    block = "".join(indent + line + "\n" for line in _TRACEBACK.splitlines())
    text = _incident("**Severity:** High", f"**Symptoms:**\n- And the traceback:\n{blank}{block}")
    # the class repeated in its message is said once (docs/symptoms.md, layers)
    assert _one(text)["symptoms"] == (
        "kafka.errors.KafkaTimeoutError: Failed to update metadata after <secs:num> secs",
    )


@pytest.mark.parametrize(
    ("items", "status"),
    [
        ("- [x] alert on the outbox\n- [X] lower max_block_ms\n", "resolved"),
        ("- [x] alert on the outbox\n- [ ] lower max_block_ms\n", "open"),
        ("* [ ] alert on the outbox\n", "open"),
    ],
)
def test_checkbox_action_items(items: str, status: str) -> None:
    text = _incident(
        "**Severity:** High", f"**Symptoms:**\n{REAL}\n**Fix:** x\n\n**Next steps:**\n{items}"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.status == status
    assert found.action_items == tuple(line[2:] for line in items.splitlines())


def test_a_header_table_and_a_table_of_symptoms(tmp_path: Path) -> None:
    text = (
        "# Incidents\n\n| Field | Value |\n|---|---|\n| Incident ID | INC-61 |\n"
        "| Title | Kafka publisher stuck |\n| Severity | Sev 2 / High |\n| Services | events |\n\n"
        "### Symptoms\n| Time | Service | Log line |\n|------|:-------:|----------|\n"
        "| 09:14 | publisher | `KafkaTimeoutError: Failed to update metadata after 60.0 secs.` |\n"
        "| 09:16 | producer | KafkaTimeoutError: Failed to update metadata after 12.5 secs. |\n"
        "| 09:15 | consumers | nothing in the logs |\n\n### Resolution\n- updated the policy\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.title, found.severity, found.services) == (
        "INC-61",
        "Kafka publisher stuck",
        "high",
        ("events",),
    )
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.resolution == "updated the policy"
    assert found.description is not None and "| 09:15 | consumers |" in found.description


@pytest.mark.parametrize(
    "labels",
    [
        # bold labels alone on their line, without a colon
        "**Severity**\nP3\n\n**Symptoms**\n{real}\n**Mitigation**\n- pinned the port\n",
        "__Severity:__ P3\n\n__Symptoms__\n{real}\n__Fix__\n- pinned the port\n",
        # plain header labels in a list
        "- Severity: P3\n- Date: 2026-10-01\n\n**Symptoms:**\n{real}\n**Fix:**\n- pinned the"
        " port\n",
        # numbered, decorated and qualified section names
        "**Severity:** P3\n### 1. Symptoms\n{real}\n### 2) Resolution & follow-up\n- pinned the"
        " port\n",
        "**Severity:** P3\n## 🔥 Symptoms / detection\n{real}\n## 🧯 Fix (what we did)\n- pinned"
        " the port\n",
        "**Severity:** P3\n**1. Symptoms:**\n{real}\n**Remediation (short term):**\n- pinned the"
        " port\n",
        # a field and a section that is none, in either order
        "**Severity:** P3\n### Impact / Symptoms\n{real}\n### Timeline and fix\n- pinned the"
        " port\n",
    ],
)
def test_more_ways_to_write_labels(labels: str) -> None:
    text = "## INC-62: Publisher down\n" + labels.format(real=REAL)
    found = _one(text)
    assert (found["severity"], found["symptoms"]) == ("medium", (REAL_SYMPTOM,))
    assert found["resolution"] == "pinned the port"


@pytest.mark.parametrize(
    "line",
    [
        "**Note** the consumer retried: KafkaTimeoutError: Failed to update metadata after 9 secs.",
        "- Cause: KafkaTimeoutError: Failed to update metadata after 9 secs.",
        "Fix and rerun: KafkaTimeoutError: Failed to update metadata after 9 secs.",
    ],
)
def test_what_is_no_label_stays_a_symptom_item(line: str) -> None:
    # emphasis is no label, a section name in a list is no label, a plain label is read exactly
    text = f"## INC-62: Publisher down\n**Severity:** P3\n**Symptoms:**\n{line}\n"
    assert _one(text)["symptoms"] == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    "header",
    [
        "### Severity: P3\n### Date: 2026-10-01",
        "**Severity** — P3\n**Date** - 2026-10-01",
        "> **Severity:** P3\n> **Date:** 2026-10-01",
    ],
)
def test_header_fields_in_headings_with_a_dash_or_in_a_quote(header: str) -> None:
    text = f"## INC-62: Publisher down\n{header}\n\nSymptoms (what we saw):\n{REAL}"
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.date, found.symptoms) == ("medium", "2026-10-01", (REAL_SYMPTOM,))


def test_symptoms_pasted_as_a_quoted_block() -> None:
    text = (
        "## INC-62: Publisher down\n**Severity:** P3\n**Symptoms:**\n"
        "> 2026-11-12 09:14:52,003 ERROR kafka.events publish failed\n"
        "> KafkaTimeoutError: Failed to update metadata after 60.0 secs.\n"
    )
    assert REAL_SYMPTOM in _one(text)["symptoms"]  # type: ignore[operator]


def test_a_bold_word_and_a_dash_is_no_label() -> None:
    line = "**Note** - the publisher logged KafkaTimeoutError: Failed to update metadata after 9"
    line += " secs."
    text = f"## INC-62: Publisher down\n**Severity:** P3\n**Symptoms:**\n{line}\n"
    assert _one(text)["symptoms"] == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    "label", ["### Error messages", "**Logs:**", "## What we observed", "Log lines:"]
)
def test_synonyms_of_symptoms(label: str) -> None:
    text = f"## INC-62: Publisher down\n**Severity:** P3\n{label}\n{REAL}"
    assert _one(text)["symptoms"] == (REAL_SYMPTOM,)


def test_a_plain_errors_line_in_a_resolution_is_no_label() -> None:
    text = (
        f"## INC-62: Publisher down\n**Severity:** P3\n**Symptoms:**\n{REAL}\n"
        "**Resolution:**\nErrors: none after the restart.\n- raised max_block_ms\n"
    )
    found = _one(text)
    assert found["resolution"] == "Errors: none after the restart.\nraised max_block_ms"


def test_every_label_a_plain_bullet() -> None:
    text = (
        "## INC-62: Publisher down\n- Severity: P2\n- Services: events\n- Symptoms:\n"
        f"  {REAL}  - Cause: the broker's listeners changed (an item, not a label)\n"
        "- Resolution:\n  - updated the network policy\n- Action items:\n  - [x] alert\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.services, found.symptoms) == (
        "high",
        ("events",),
        (REAL_SYMPTOM,),
    )
    assert found.description == "Cause: the broker's listeners changed (an item, not a label)"
    assert (found.resolution, found.action_items) == ("updated the network policy", ("[x] alert",))
