"""Issue #11, twelfth pass, thirteenth round: what heldout74 to heldout76 showed (docs/
incident-log-format.md says the rules): Polish, Japanese and Chinese, full-width colons, a
severity without its colon, a regulator's classification, a notebook's dated heading, code
under a footnote, verdicts without word boundaries, a wrapper's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL_SYMPTOM, flagged, symptoms_of

from matcher.incidents.reader import compile_incident_log, parse_incident_log

KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
BODY = f"\n**Symptoms:**\n- `{KAFKA}`\n"


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            "## INC-PM-900 — producenci\n\n**Priorytet:** Wysoki\n**Usługi:** publisher\n\n"
            f"**Objawy:**\n- `{KAFKA}`\n\n**Przyczyna źródłowa:**\nBroker.\n\n"
            "**Rozwiązanie:**\nRestart.\n",
            "high",
        ),
        (
            "## 障害報告 INC-PM-900\uff1aプロデューサ停止\n\n"
            "- 重大度\uff1a中\uff08Sev3\uff09\n- 影響サービス\uff1apublisher\n\n"
            f"### 発生事象\n\n- `{KAFKA}`\n\n### 原因\n\nBroker.\n\n### 対応内容\n\nRestart.\n",
            "medium",
        ),
        (
            "## INC-PM-900\uff1a生产者停止\n\n"
            "- **级别\uff1a** P2\uff08中\uff09\n- **影响服务\uff1a** publisher\n\n"
            f"**现象**\n\n- `{KAFKA}`\n\n**根因**\n\n- Broker.\n\n**处理**\n\n- Restart.\n",
            "medium",
        ),
    ],
)
def test_labels_and_severities_in_polish_japanese_chinese(text: str, severity: str) -> None:
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.severity, found.services) == ("INC-PM-900", severity, ("publisher",))
    assert found.symptoms == (REAL_SYMPTOM,)
    assert "Broker." in (found.root_cause or "") and "Restart." in (found.resolution or "")


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        (
            "- 同じログの `ZeroDivisionError: division by zero` は別の事象で、本件とは無関係。",
            False,
        ),
        ("- 日志里的 `ZeroDivisionError: division by zero` 和这次故障无关。", False),
        ("- `ZeroDivisionError: division by zero` — nie ma związku z incydentem.", False),
        ("- 同じログの `ZeroDivisionError: division by zero` も出ていた。", True),
    ],
)
def test_verdicts_in_japanese_chinese_polish(item: str, kept: bool) -> None:
    expected = (REAL_SYMPTOM, "ZeroDivisionError: division by zero") if kept else (REAL_SYMPTOM,)
    assert symptoms_of(f"- `{KAFKA}`\n{item}") == expected


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        ("severity high", "high"),
        ("- sev P2", "high"),
        ("**Classification:** Major — Severity 2", "high"),
        ("**Severity:** SEV2. Customers saw 502 for eight minutes.", "high"),
    ],
)
def test_more_ways_to_write_the_severity(line: str, severity: str) -> None:
    (found,) = parse_incident_log(f"## INC-PM-900: producers\n\n{line}\n" + BODY, "x.md")
    assert found.severity == severity


def test_a_word_after_severity_that_is_no_level_stays_prose() -> None:
    text = "## INC-PM-900: producers\n\nseverity unclear at first\n" + BODY
    log = compile_incident_log(text, "x.md")
    assert [(p.field, i.severity) for p, i in zip(log.warnings, log.incidents, strict=True)] == [
        ("severity", "medium")
    ]


def test_a_level_code_glued_to_a_word_is_no_severity() -> None:
    text = "## INC-PM-900: producers\n\n**Severity:** p2p network\n" + BODY
    log = compile_incident_log(text, "x.md")
    assert [(p.field, i.severity) for p, i in zip(log.warnings, log.incidents, strict=True)] == [
        ("severity", "medium")
    ]


def test_a_notebooks_dated_heading_names_the_id() -> None:
    text = "## 2026-11-25 Tue — INC-PM-900 producers stuck\n\n**Severity:** Low\n" + BODY
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.title) == ("INC-PM-900", "producers stuck")


FOOTNOTE = """## INC-PM-900: disk full

**Severity:** Medium

**Symptoms:**
- The orders dump failed with *No space left on device*[^1].

[^1]: From the job log, first host:

    ```
    [2026-12-03 08:16:25,974] ERROR in os_failures: dump of orders failed
    OSError: [Errno 28] No space left on device
    ```
"""


def test_the_code_block_under_a_footnote_is_read_with_it(tmp_path: Path) -> None:
    (found,) = parse_incident_log(FOOTNOTE, "x.md")
    assert "OSError: [Errno 28] No space left on device" in found.symptoms


def test_a_wrapper_message_keeps_its_class_and_package(tmp_path: Path) -> None:
    item = "- `requests.exceptions.ConnectionError: … Max retries exceeded …`"
    # requests' own lines (with their tracebacks), not urllib3's MaxRetryError lines
    lines = flagged(tmp_path, item, "gateway-http.log")
    assert lines >= {68, 207} and {47, 116, 186, 255}.isdisjoint(lines)


def test_a_program_message_ending_in_a_common_error_is_log_text(tmp_path: Path) -> None:
    item = (
        "- The ledger client failed at the same time with: ledger db unreachable: could not "
        'translate host name "pricing-db.invalid" to address: Name or service not known.'
    )
    assert flagged(tmp_path, item, "gateway-http.log") == {138, 277}


def test_a_common_error_alone_after_a_label_stays_no_symptom() -> None:
    # (the message alone says nothing of which stack; the incident keeps its one symptom)
    assert symptoms_of(f"- `{KAFKA}`\n- The copy failed with: No space left on device.") == (
        REAL_SYMPTOM,
    )
