"""Issue #11, twelfth pass, twenty-fifth round: what heldout149 to heldout151 taught
(docs/incident-log-format.md says the rules; the languages' labels, severities and verdicts are
in test_compile_twelfth_round22.py)."""

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
KAFKA = "KafkaTimeoutError: Failed to update metadata after 60.0 secs."
KAFKA_SYMPTOM = "KafkaTimeoutError: Failed to update metadata after <secs:num> secs"


# --- a pager's postmortem export ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "tags"),
    [
        ("# Postmortem: [INC-PM-111] Order events not published", "kafka, events"),
        ("# Postmortem: Order events not published", "INC-PM-111, kafka, events"),
    ],
    ids=["id-in-the-title", "id-in-the-tags"],
)
def test_an_opsgenie_postmortems_id_in_its_title_or_its_tags(heading: str, tags: str) -> None:
    text = (
        f"{heading}\n\n**Alert:** [Datadog] events lag\n**Priority:** P2\n**Tags:** {tags}\n\n"
        "## Timeline\n\n| Time | Action | Note |\n|---|---|---|\n"
        f"| 08:24 | AddNote | publisher log: `{KAFKA}` |\n"
    )
    log = compile_incident_log(text, "opsgenie.md")
    (found,) = log.incidents
    assert found.id == "INC-PM-111"
    assert found.title.endswith("Order events not published")
    assert found.symptoms == (KAFKA_SYMPTOM,)


def test_tags_that_name_no_single_incident_give_no_id() -> None:
    text = f"# Postmortem: events\n\n**Tags:** INC-PM-111, INC-PM-109\n\n**Symptoms:** `{KAFKA}`\n"
    log = compile_incident_log(text, "opsgenie.md")
    assert not log.incidents
    assert [p.field for p in log.problems] == ["id"]


# --- a Slack recap thread -----------------------------------------------------------------------

RECAP = f"""# #infra-oncall — Friday recap

**Selam Bekele** 5:43 PM
:floppy_disk: **the checkout thing (INC-PM-101)** — checkout 500s on Tuesday
- orders died with `{TOO_MANY}`
- the `retrying checkout after Too many connections` WARNING is only our retry

---

**Selam Bekele** 5:52 PM
:satellite: **events (INC-PM-111)**
- publisher: `{KAFKA}`

---

**Action items (from thread)**
- [ ] pool size per pod (@yonas)
"""


def test_a_chat_recaps_topics_name_their_incidents(tmp_path: Path) -> None:
    log = compile_incident_log(RECAP, "recap.md")
    assert not log.problems  # (the thread's own action items are no incident)
    found = {i.id: (i.title, i.symptoms) for i in log.incidents}
    assert found == {
        "INC-PM-101": ("the checkout thing \u2014 checkout 500s on Tuesday", (TOO_MANY_SYMPTOM,)),
        "INC-PM-111": ("events", (KAFKA_SYMPTOM,)),
    }
    flagged = flagged_lines(compiled(tmp_path, RECAP), "events-kafka.log")
    assert flagged and all("Failed to update metadata" in line for line in flagged)


def test_an_incidents_own_action_items_still_make_it_an_incident() -> None:
    log = compile_incident_log("## INC-9: t\n\n**Action items:**\n- fix\n", "pm.md")
    assert [p.field for p in log.problems] == ["symptoms"]


# --- a Google Docs export -----------------------------------------------------------------------

GOOGLE_DOC = f"""# Core Services — Postmortems

**Doc owner:** Priya Raman
**Status:** Reviewed
**Template:** go/pm-template v3

# INC-PM-111 — Kafka metadata timeout

## Symptoms

The publisher logged {KAFKA}[g]

Lots of `Connection failed: KafkaConnectionError: 111 ECONNREFUSED` lines around it — that's the
client's reconnect loop, background only.

---

[g]**Jonas B.:** In staging the timeout was 1.0 and 1.5 secs, prod 60.
**Priya R.:** agreed
_Marked as resolved_
"""


def test_a_google_docs_export_with_its_comments(tmp_path: Path) -> None:
    md = tmp_path / "doc.md"
    md.write_text(GOOGLE_DOC, "utf-8")
    # (the document's head and the comments at its end are no incidents: exit 0)
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "sigs")])
    assert result.exit_code == 0, result.output
    (found,) = compile_incident_log(GOOGLE_DOC, "doc.md").incidents
    # (the comment's anchor is no part of the text; the reconnect loop is set aside)
    assert found.symptoms == (KAFKA_SYMPTOM,)


# --- the author's parenthesis after unquoted log text -------------------------------------------


def test_a_parenthesis_with_code_ends_unquoted_log_text_and_its_sentence() -> None:
    found = symptoms_of(
        "- report-builder died with FATAL ERROR: Reached heap limit Allocation failed - "
        "JavaScript heap out of memory (`--max-old-space-size=24`, left over from a load test). "
        "The `<--- Last few GCs --->` block before it is just V8's trace."
    )
    assert found == (
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    )


def test_a_markdown_link_reference_is_no_google_docs_comment() -> None:
    text = "See the runbook[a] first.\n\n[a]: https://wiki.example/runbook\n"
    assert as_markdown(text) == text


def test_a_problem_records_cause_and_fix_notes_are_its_sections() -> None:
    text = (
        "## PRB0040951 · inventory refused\n\n**Related Incidents:** INC-PM-109\n\n"
        f"**Cause notes:** the pool died: `{TOO_MANY}`\n\n**Fix notes:** pool size raised.\n"
    )
    log = compile_incident_log(text, "prb.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.resolution) == ("INC-PM-109", "pool size raised.")
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"


@pytest.mark.parametrize(
    "aside",
    [
        f"* The `{DEADLOCK}` WARNING is just our retry wrapper talking — e no be another error, "
        "no count am.",
        f'* Note say "{DEADLOCK}" also dey for the logs. No be timeout be that — na Emeka wey '
        "cancel am. E no dey part of this incident, abeg.",
        f"* Make una no mix am with `{DEADLOCK}`: na 1213, different wahala entirely.",
        f"* Uwaga, fałszywy trop: `{DEADLOCK}` — nie ma związku z tym incydentem.",
        f"* Komunikaty „{DEADLOCK}” to byliśmy my. To nie jest objaw incydentu.",
    ],
    ids=["pidgin-no-count", "pidgin-no-dey-part", "pidgin-wahala", "pl-false-lead", "pl-it-was-us"],
)
def test_what_is_set_aside_in_pidgin_and_polish(aside: str) -> None:
    assert symptoms_of(f"* `{TOO_MANY}`\n{aside}") == (TOO_MANY_SYMPTOM,)


def test_pidgin_words_around_the_incidents_own_error_keep_it() -> None:
    found = symptoms_of(f"* Tunde got `{TOO_MANY}` straight away, so e no be only the app.")
    assert found == (TOO_MANY_SYMPTOM,)
