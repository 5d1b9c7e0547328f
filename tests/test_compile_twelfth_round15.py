"""Issue #11, twelfth pass, fifteenth round: what heldout80 to heldout85 taught
(docs/incident-log-format.md says the rules): an incident log in a language we have no labels
of (the first of its sections with log text, a severity guessed with a warning), accented
labels, org-mode headings, a ticket's number before the incident's, an operator's ticket
template, heads that judge the bullets under them, a part of an error set aside, a speaker's
quoted words."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from compile_helpers import LOGS, REAL_SYMPTOM

import matcher
from matcher.cli.main import cli
from matcher.incidents.reader import compile_incident_log, parse_incident_log

KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
ZERO = "ZeroDivisionError: division by zero"

# An incident written in Hungarian: no label is known but the date's, the id is in the heading
# (Samoan: a language we have no labels of; Malagasy was one until round 35 learnt its labels,
# Somali until round 30, Estonian until round 21, and then Basque until round 21's last sets)
OWN = """## INC-PM-900: Na motusia sootaga MariaDB

**Mamafa:** Maualuga
**Aso na tupu ai:** 2026-12-03

**Fa'ailoga:**
* Na toe maua le sese 500 i le checkout mo le ono minute.
* Tusi: `pymysql.err.OperationalError: (1040, 'Too many connections')`.
* Na le manuia fo'i le siakiga i le client `mariadb`:

      ERROR 1040 (08004): Too many connections

Fa'amatalaga: WARNING `retrying checkout after Too many connections (attempt 2 of 5)` o nei
laina ua na o le toe taumafai.

**Mea na matou tuuese:**
* `stock rebalance aborted: (1213, 'Deadlock found when trying to get lock; try
  restarting transaction')` e le fesootai ma lenei mea.

**Mafuaaga autu:**
* `OperationalError: (1045, "Access denied for user 'orders'@'localhost'")` cron tuai.
"""


def _flagged(tmp_path: Path, text: str, log: str) -> list[str]:
    md = tmp_path / "pm.md"
    md.write_text(text, "utf-8")
    out = tmp_path / "sigs"
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ruleset = matcher.load_ruleset([out])
    lines = (LOGS / log).read_text("utf-8").splitlines()
    return [lines[n - 1] for f in matcher.scan_file(ruleset, LOGS / log) for n in f.matched_lines]


def test_an_incident_in_a_language_we_have_no_labels_of_compiles_from_its_first_section(
    tmp_path: Path,
) -> None:
    log = compile_incident_log(OWN, "x.md")
    (found,) = log.incidents
    assert not log.problems
    assert found.symptoms == (
        "pymysql.err.OperationalError: Too many connections",
        "ERROR 1040 (08004): Too many connections",
    )
    # (the default severity, and the warning that says so at the incident's first line)
    assert found.severity == "medium"
    assert [(p.location.line, p.field) for p in log.warnings] == [(1, "severity")]
    flagged = _flagged(tmp_path, OWN, "orders-mysql.log")
    assert flagged and all("Too many connections" in line for line in flagged)
    assert not any("WARNING" in line or "Deadlock" in line for line in flagged)


def test_compile_prints_the_guessed_severity_as_a_warning_and_exits_0(tmp_path: Path) -> None:
    md = tmp_path / "pm.md"
    md.write_text(OWN, "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0
    assert "pm.md:1:4: severity: no severity read, compiled as medium" in result.stderr


def test_a_label_close_to_a_known_one_in_a_block_of_unknown_labels_is_a_warning() -> None:
    # (round 16: in a block of another language it is read as that label, with the warning)
    text = OWN.replace("**Fa'ailoga:**", "**Symptomai:**")
    log = compile_incident_log(text, "x.md")
    assert [i.id for i in log.incidents] == ["INC-PM-900"]
    assert ("label", "unknown label 'Symptomai' read as 'Symptom'") in [
        (p.field, p.message) for p in log.warnings
    ]


@pytest.mark.parametrize(
    ("value", "severity"),
    [("Tinggi (SEV-2)", "high"), ("P1", "critical"), ("Magas [P3]", "medium"), ("Tinggi", None)],
)
def test_a_level_code_under_a_label_of_no_known_name_is_the_severity(
    value: str, severity: str | None
) -> None:
    text = OWN.replace("**Mamafa:** Maualuga", f"**Ambaratongan'ny hamafiny:** {value}")
    log = compile_incident_log(text, "x.md")
    assert log.incidents[0].severity == (severity or "medium")
    assert bool(log.warnings) is (severity is None)


def test_a_known_severity_label_with_a_word_of_another_language_compiles_as_medium() -> None:
    text = f"## INC-PM-900: producers\n\n**Severity:** Υψηλή\n\n**Symptoms:**\n- `{KAFKA}`\n"
    log = compile_incident_log(text, "x.md")
    assert [i.severity for i in log.incidents] == ["medium"]
    (warning,) = log.warnings
    assert warning.message.startswith("unknown severity 'Υψηλή' (one of critical")
    assert warning.message.endswith(": compiled as medium")


def test_an_accented_label_is_the_label_without_its_accents() -> None:
    text = (
        "## INC-PM-900: producers\n\n**Dátum:** 2026-12-03\n**Severity:** Low\n\n"
        f"**Symptoms:**\n- `{KAFKA}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.date == "2026-12-03"


TICKET = "## TICKET NO: NOC-48812 / INC-PM-900 \u2014 Kafka producer stuck"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## DONE INC-PM-900 Kafka producer stuck     :kafka:events:P2:", "Kafka producer stuck"),
        ("## TODO INC-PM-900 Kafka producer stuck", "Kafka producer stuck"),
        ("## KE-0412 \u00b7 INC-PM-900 \u2014 Kafka producer stuck", "Kafka producer stuck"),
        (TICKET, "Kafka producer stuck"),
        ("## INC-PM-900 / PRB-12 \u2014 producer stuck", "/ PRB-12 \u2014 producer stuck"),
    ],
)
def test_the_incident_id_in_an_org_heading_or_after_a_tickets_number(
    heading: str, expected: str
) -> None:
    text = f"{heading}\n\n**Severity:** Low\n\n**Symptoms:**\n- `{KAFKA}`\n"
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.title) == ("INC-PM-900", expected)


def test_a_known_errors_own_number_is_the_id_when_no_incident_is_named() -> None:
    text = f"## KE-0412 \u00b7 nginx bind\n\n**Severity:** Low\n\n**Symptoms:**\n- `{KAFKA}`\n"
    (found,) = parse_incident_log(text, "x.md")
    assert found.id == "KE-0412"


def test_an_operators_ticket_template() -> None:
    text = (
        "## INC-PM-900 \u2014 PRODUCERS STUCK\n\n**PRIORITY:** P2 (HIGH)\n\n"
        f"**SYMPTOM DESCRIPTION:**\n- log: {KAFKA}\n\n**CUSTOMER IMPACT:**\n- none.\n\n"
        f'**ACTION TAKEN:**\n- NOTE: "{ZERO}" in the same log = other job, not this fault.\n'
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.symptoms) == ("high", (REAL_SYMPTOM,))
    assert "other job" in (found.resolution or "")


@pytest.mark.parametrize(
    "head",
    [
        "what comes after it is noise from the abort, not separate errors",
        "Indicators (consequence, not cause):",
        "Indicators (not part of the case):",
    ],
)
def test_a_head_that_judges_the_bullets_under_it_sets_them_aside(head: str) -> None:
    text = (
        f"## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n- `{KAFKA}`\n"
        f"- {head}\n  - `{ZERO}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


@pytest.mark.parametrize("head", ["Indicators:", "then the worker crashed with", "not only this"])
def test_a_head_that_judges_nothing_keeps_the_bullets_under_it(head: str) -> None:
    text = (
        f"## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n- `{KAFKA}`\n"
        f"- {head}\n  - `{ZERO}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM, ZERO)


CACHE = "MemcacheServerError: b'object too large for cache'"


def test_a_part_of_an_error_set_aside_is_set_aside_where_it_is_quoted_again() -> None:
    text = (
        f"## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n- `{KAFKA}`\n"
        f"- Not part of the case:\n  - `{CACHE}`\n"
        '- Analyst comment: "object too large" is one 2 MB value over the item limit.\n'
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_part_of_an_error_set_aside_that_a_kept_item_also_states_is_kept() -> None:
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n"
        "- `ERROR 1040 (08004): Too many connections`\n"
        "- `retrying checkout after Too many connections (attempt 2 of 5)` is only the retry, "
        "not the error\n"
        '- The CLI said "Too many connections" too.\n'
    )
    (found,) = parse_incident_log(text, "x.md")
    assert "Too many connections" in found.symptoms


def test_a_speakers_quoted_words_are_speech_whose_own_quotes_hold_the_log_text() -> None:
    text = (
        "## INC-PM-900: RQ jobs killed\n\n**Severity:** Low\n\n### Key quotes\n"
        "- **Jonas Berg:** \"The worker traceback ends in 'JobTimeoutException: Task exceeded "
        "maximum timeout value (1 seconds)'. After the hotfix it said two seconds.\"\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (
        "JobTimeoutException: Task exceeded maximum timeout value (<seconds:num> seconds)",
    )


def test_a_label_of_no_known_name_with_its_value_on_its_line_is_read_after_the_sections() -> None:
    # (`Raportat de: alerta „orders checkout 5xx”`: a header field, the symptoms come below)
    text = OWN.replace(
        "**Aso na tupu ai:** 2026-12-03\n",
        "**Aso na tupu ai:** 2026-12-03\n**Raportat de:** `orders checkout 5xx`\n",
    )
    (found,) = compile_incident_log(text, "x.md").incidents
    assert found.symptoms == (
        "pymysql.err.OperationalError: Too many connections",
        "ERROR 1040 (08004): Too many connections",
    )


def test_an_en_dash_set_apart_in_a_quote_is_the_logs_hyphen(tmp_path: Path) -> None:
    text = (
        "## INC-PM-900: report-builder out of memory\n\n**Severity:** Low\n\n**Symptoms:**\n"
        '- "FATAL ERROR: Reached heap limit Allocation failed \u2013 JavaScript heap out of '
        'memory"\n'
    )
    flagged = _flagged(tmp_path, text, "node-services.log")
    assert flagged and all("Allocation failed - JavaScript heap" in line for line in flagged)


CHANGELOG = """### INC-PM-900: export 502s, gunicorn WORKER TIMEOUT
- date 2026-11-30 · sev P2 · svc export-svc
- sym: `[CRITICAL] WORKER TIMEOUT (pid:NNNNN)` every ~30s on the master
- nr: `ZeroDivisionError: division by zero` is the digest job's
- rc: sync worker blocks on a 5-min build, > `--timeout 30`
- fix: stream the response + `timeout 120`
- ai: [x] stream (MK)

```
[2026-11-30 08:16:32 +0000] [12235] [CRITICAL] WORKER TIMEOUT (pid:12250)
```
"""


def test_a_changelogs_terse_cause_fix_and_noise_entries_are_no_symptoms() -> None:
    (found,) = compile_incident_log(CHANGELOG, "x.md").incidents
    assert found.symptoms  # (the bullet's and the pasted line's)
    assert all(s.startswith("[CRITICAL] WORKER TIMEOUT (pid:") for s in found.symptoms)


def test_without_the_terse_labels_the_same_entries_are_read() -> None:
    # (the control: `rc:` and `fix:` are what keeps their log texts out)
    text = CHANGELOG.replace("- rc: ", "- ").replace("- fix: ", "- ")
    (found,) = compile_incident_log(text, "x.md").incidents
    assert "--timeout <timeout:num>" in found.symptoms


@pytest.mark.parametrize(
    "context",
    [
        "During handling\u2026",
        "Mark-Compact 17.7 (50.2) -> 16.9 (51.0) MB",
        "Emitted 'error' event on ClientRequest instance at: \u2026",
    ],
)
def test_framing_beside_the_error_is_no_symptom_of_its_own(context: str) -> None:
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n"
        f"- `{KAFKA}`, then `{context}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


@pytest.mark.parametrize(("gloss", "kept"), [("Analyst comment: ", False), ("", True)])
def test_an_analysts_comment_reads_the_entry_before_it(gloss: str, kept: bool) -> None:
    table = "sqlite3.OperationalError: no such table: import_runs"
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n"
        f"- `{KAFKA}`\n- `{table}` from the report query.\n"
        f"- {gloss}same module, different error, not part of this case.\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (table in found.symptoms) is kept


def test_a_bullet_that_judges_keeps_the_code_block_after_its_list() -> None:
    # (a head without a colon judges the bullets nested under it, not the appendix below)
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms**\n\n"
        "- The publisher stopped.\n"
        "- A separate job was failing, with a division by zero. Not part of this incident.\n\n"
        f"**Appendix: raw lines (from on-call)**\n\n```\n{KAFKA}\n```\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<b>Severity:</b>&nbsp;High (P2)<br>", "high"),
        ("**Severity:** High (P2)", "high"),
    ],
)
def test_an_emails_inline_html_is_read_as_markdown(line: str, expected: str) -> None:
    text = (
        "### INC-PM-900 \u2013 producers<br>\n"
        f"{line}\n<b>Date:</b>&nbsp;03/12/2026<br>\n<br>\n<b>What we saw (symptoms):</b><br>\n"
        f"- The publisher died with <i>{KAFKA}</i><br>\n<pre>\n{KAFKA}\n</pre>\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.severity, found.date, found.symptoms) == (expected, "03/12/2026", (REAL_SYMPTOM,))


def test_a_fix_commits_subject_names_the_incident_at_its_end() -> None:
    text = (
        "## fix(events): stop publishing when the broker is gone (INC-PM-900)\n\n"
        f"Severity: low\n\nSymptoms\n\n    {KAFKA}\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert (found.id, found.title) == (
        "INC-PM-900",
        "fix(events): stop publishing when the broker is gone",
    )
    assert found.symptoms == (REAL_SYMPTOM,)


def test_a_section_name_with_an_id_after_it_is_still_the_section() -> None:
    text = (
        f"## INC-PM-900: producers\n\n**Severity:** Low\n\n### Symptoms (INC-PM-900)\n- `{KAFKA}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


@pytest.mark.parametrize("framing", ["node:events:502", "<--- Last few GCs --->"])
def test_nodes_crash_framing_is_context(framing: str) -> None:
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n"
        f"- `{KAFKA}`\n- `{framing}`\n"
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)


# The same layout written in English: labels of no known name, prose in English
ENGLISH_TICKET = f"""## INC-PM-900: producers stuck

**Ticket:** #48530
**Severity:** P3
**Account:** ACC-3307

**Customer reports:**
> The report spins forever and then shows "something went wrong".

**Internal note (Dev):** the publisher crashed. The engineers found this in the log:
"{KAFKA}" with the stack trace under it, and it was the same on both hosts after the restart.
"""


def test_english_prose_under_unknown_labels_is_read_whole_not_by_its_first_section() -> None:
    (found,) = parse_incident_log(ENGLISH_TICKET, "x.md")
    assert REAL_SYMPTOM in found.symptoms


def test_a_sentence_that_ends_in_a_colon_introduces_the_bullets_under_it() -> None:
    text = (
        "## INC-PM-900: producers\n\n**Severity:** Low\n\n**Symptoms:**\n"
        "- The nightly job wrote half a file and stopped. The write-up lists:\n"
        f'  - the publisher raised "{KAFKA}" and exited\n'
    )
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
