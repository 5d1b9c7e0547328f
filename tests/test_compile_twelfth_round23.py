"""Issue #11, twelfth pass, twenty-third round: what heldout143 to heldout145 taught
(docs/incident-log-format.md says the rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from compile_helpers import compiled, flagged_lines, symptoms_of

from matcher.cli.main import cli
from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"
BIND = "nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)"


# --- Serbian in Cyrillic ------------------------------------------------------------------------

SERBIAN = f"""**ИД инцидента:** INC-PM-101
**Озбиљност:** Висока
**Наслов:** MariaDB одбија конекције

**Симптоми:**
* У логу: `{TOO_MANY}`
* `{DEADLOCK}` — немају везе са овим инцидентом.

**Основни узрок:**
* max_connections је премали.

**Решење:**
* connection pool.
"""


def test_serbian_cyrillic_labels_are_read_as_their_latin_spelling() -> None:
    log = compile_incident_log(SERBIAN, "beograd.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity, found.title) == (
        "INC-PM-101",
        "high",
        "MariaDB одбија конекције",
    )
    assert found.symptoms == (TOO_MANY_SYMPTOM,)
    assert found.root_cause and "max_connections" in found.root_cause


def _with(old: str, new: str) -> tuple[str, ...]:
    """The symptoms of the Serbian incident with one of its lines rewritten."""
    (found,) = compile_incident_log(SERBIAN.replace(old, new), "pm.md").incidents
    return found.symptoms


def test_russian_labels_are_not_read_through_the_serbian_alphabet() -> None:
    # (`Симптомы` has a letter Serbian has not: it is a Russian label, read as such)
    assert _with("**Симптоми:**", "**Симптомы:**") == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "aside",
    [
        f"* `{DEADLOCK}` — није део овог инцидента.",
        f"* `{DEADLOCK}` је посебан баг, не мешати.",
        f"* `{DEADLOCK}` — то су последице.",
        f"* Линије `{DEADLOCK}` су наше дијагностичке поруке, не грешке.",
        f"* `{DEADLOCK}` eram outra parada, nada a ver.",
        f"* `{DEADLOCK}` é outra mensagem, não é esse incidente.",
        f"* `{DEADLOCK}` — são só o nosso retry.",
        f"* `{DEADLOCK}` là lỗi cũ.",
        f"* `{DEADLOCK}` is just the aftermath.",
        f"* `{DEADLOCK}` is the worker's own retry log.",
        f"* `{DEADLOCK}` is a diff bug.",
    ],
    ids=[
        "sr-not-part",
        "sr-separate",
        "sr-consequences",
        "sr-diagnostics",
        "pt-slang",
        "pt-other-message",
        "pt-our-retry",
        "vi-old-error",
        "en-aftermath",
        "en-retry-log",
        "en-diff-bug",
    ],
)
def test_what_is_set_aside_in_the_teams_words(aside: str) -> None:
    assert _with(f"* `{DEADLOCK}` — немају везе са овим инцидентом.", aside) == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        f"- O log do nosso job de checkout mostra `{TOO_MANY}`",
        f"- `{TOO_MANY}` — the aftermath was an hour of failed checkouts",
        f"- `{TOO_MANY}` in the retry loop's error branch",
    ],
    ids=["pt-our-job-log", "en-aftermath-story", "en-retry-loop"],
)
def test_the_same_words_around_the_incidents_own_error_keep_it(item: str) -> None:
    assert symptoms_of(item) == (TOO_MANY_SYMPTOM,)


# --- a pager's export ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "**Incident:** INC-PM-101 · PD #48213 · **Priority:** P2 · **Status:** Resolved",
        "**Incident:** INC-PM-101 (PD-48213)",
        "**Incident:** INC-PM-101 | PD 48213",
    ],
)
def test_a_pagers_own_number_beside_the_id_is_no_part_of_it(header: str) -> None:
    text = f"# Postmortem: checkout\n\n{header}\n\n**Symptoms:**\n* `{TOO_MANY}`\n"
    (found,) = compile_incident_log(text, "pd.md").incidents
    assert found.id == "INC-PM-101"


# --- a wiki's known issues as a definition list --------------------------------------------------

KNOWN_ISSUES = f"""# Known issues: edge

## nginx

`{BIND}`
`nginx: [emerg] still could not bind()`
:   **INC-PM-112** · edge · Sev 2 · 2026-12-03

    nginx retries the bind five times, then gives up.

    *Fix:* stop whatever holds the port.

`[emerg] unknown directive "proxy_buffer"`
:   a typo in a test config, not an incident.

`connect() failed (111: Connection refused) while connecting to upstream`
:   **INC-PM-113** · edge / orders-api · Sev 2

    One line per upstream server tried.
"""


def test_a_definition_list_of_known_errors_reads_each_entry_as_its_incident() -> None:
    log = compile_incident_log(KNOWN_ISSUES, "known-issues.md")
    assert not log.problems
    found = {i.id: i for i in log.incidents}
    assert set(found) == {"INC-PM-112", "INC-PM-113"}
    assert (found["INC-PM-112"].resolution or "").startswith("stop whatever holds the port.")
    assert any("still could not bind()" in s for s in found["INC-PM-112"].symptoms)
    assert not any("unknown directive" in s for i in log.incidents for s in i.symptoms)


def test_a_known_issues_page_finds_its_errors_in_a_real_nginx_log(tmp_path: Path) -> None:
    flagged = flagged_lines(compiled(tmp_path, KNOWN_ISSUES), "nginx-error.log")
    assert flagged, "the bind() retries and upstream refusals of the real log"
    assert all("bind()" in line or "connect() failed (111" in line for line in flagged)
    assert not any("unknown directive" in line for line in flagged)


@pytest.mark.parametrize(
    "text",
    [
        "Term\n:   a definition that names no incident\n",
        "```\n`error`\n:   **INC-PM-112** · in a code block\n```\n",
        "a paragraph line\nthat goes on\n:   INC-PM-112 follows it\n",
    ],
    ids=["no-id", "fenced", "after-a-paragraph"],
)
def test_a_definition_list_that_names_no_incident_is_left_as_it_is(text: str) -> None:
    if text.startswith("a paragraph"):
        text = "intro\n" + text  # (a line above the terms that is no blank nor heading)
    assert as_markdown(text) == text


# --- a runbook's documents: front matter above a title with no id -------------------------------

RUNBOOK = f"""# Runbook: edge

One entry per incident.

---
id: INC-PM-112
severity: high
---

## nginx won't start: address already in use

### When you see

```
{BIND}
```

### What to do

Stop the process holding the port.

---
id: INC-PM-113
severity: medium
---

## 502s from orders-api

### When you see

`connect() failed (111: Connection refused) while connecting to upstream`
"""


def test_a_runbooks_front_matter_gives_the_id_of_the_title_under_it() -> None:
    log = compile_incident_log(RUNBOOK, "runbook.md")
    assert not log.problems
    found = {i.id: (i.title, i.severity) for i in log.incidents}
    assert found == {
        "INC-PM-112": ("nginx won't start: address already in use", "high"),
        "INC-PM-113": ("502s from orders-api", "medium"),
    }


# --- an e-mail's head ---------------------------------------------------------------------------


def test_an_emails_head_above_the_incidents_is_no_incident(tmp_path: Path) -> None:
    text = (
        "**From:** Daniel (CTO)\n**To:** everyone@\n**Subject:** What broke this quarter\n\n"
        f"Hi all,\n\n## INC-PM-101 — checkout\n\n**Symptoms:**\n* `{TOO_MANY}`\n"
    )
    md = tmp_path / "letter.md"
    md.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sigs" / "INC-PM-101.yml").is_file()


def test_labels_of_no_letter_above_the_incidents_are_still_reported() -> None:
    text = (
        "**Incidnet:** checkout\n**Sevrity:** high\n\n"
        f"## INC-PM-101 — checkout\n\n**Symptoms:**\n* `{TOO_MANY}`\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert [p.field for p in log.problems][:1] == ["incident"]
