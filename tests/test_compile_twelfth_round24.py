"""Issue #11, twelfth pass, twenty-fourth round: what heldout146 to heldout148 taught
(docs/incident-log-format.md says the rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import compiled, flagged_lines, symptoms_of

from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"
LOCK_WAIT = "OperationalError: (1205, 'Lock wait timeout exceeded; try restarting transaction')"
LOCK_WAIT_SYMPTOM = "OperationalError: Lock wait timeout exceeded; try restarting transaction"


# --- verdicts in Bengali, Georgian and Armenian (their labels: test_compile_twelfth_round22.py) --


@pytest.mark.parametrize(
    "aside",
    [
        f"* `{DEADLOCK}` — এটা শুধু রিট্রাইয়ের WARNING, আসল এরর না; এটাকে গুনবেন না।",
        f"* `{DEADLOCK}` — ওটা deadlock, ১২০৫ না। এই ঘটনার অংশ নয়।",
        f"* `{DEADLOCK}` — ეს ჩვენ ვიყავით, ინციდენტის ნაწილი არ არის.",
        f"* `{DEADLOCK}` — շփոթեցրեց, բայց կապ չունի, առանձին տոմս է։",
    ],
    ids=["bn-not-the-error", "bn-not-part", "ka-it-was-us", "hy-no-relation"],
)
def test_what_is_set_aside_in_bengali_georgian_and_armenian(aside: str) -> None:
    assert symptoms_of(f"* `{TOO_MANY}`\n{aside}") == (TOO_MANY_SYMPTOM,)


def test_a_part_of_the_log_text_quoted_again_is_still_about_it() -> None:
    # (the sentence between quotes the end of the same line: the verdict after it is on it)
    aside = (
        f"* At the same time `{DEADLOCK}` came from stock rebalance. At the end "
        '"try restarting transaction" is the same, so we mixed them up. Not part of this incident.'
    )
    assert symptoms_of(f"* `{LOCK_WAIT}`\n{aside}") == (LOCK_WAIT_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        "* In the Postgres log: \u201cERROR:  canceling statement due to statement timeout\u201d, "
        "right after it the `STATEMENT:` line with the query text (that is just the query, not an "
        "error).",
        "* Postgres-\u056b \u056c\u0578\u0563\u0578\u0582\u0574\u055d "
        "\u201cERROR:  canceling statement due to statement timeout\u201d, "
        "\u0564\u0580\u0561\u0576\u056b\u0581 "
        "\u0561\u0576\u0574\u056b\u057b\u0561\u057a\u0565\u057d \u0570\u0565\u057f\u0578 "
        "`STATEMENT:` \u057f\u0578\u0572\u0568 "
        "(\u057d\u056d\u0561\u056c \u0579\u0567)\u0589",
    ],
    ids=["english", "armenian"],
)
def test_a_verdict_on_another_thing_brought_in_after_the_error_keeps_it(item: str) -> None:
    assert symptoms_of(item) == ("ERROR: canceling statement due to statement timeout",)


def test_a_quoted_batch_name_is_no_log_text() -> None:
    found = symptoms_of(
        "* `psycopg2.errors.DeadlockDetected: deadlock detected`\n"
        "* The `settle invoices 2,1` batch failed on both runs."
    )
    assert found == ("psycopg2.errors.DeadlockDetected: deadlock detected",)


# --- a CI triage page ---------------------------------------------------------------------------

TRIAGE = f"""# Nightly integration — triage

## Week 49

| Run | Test | Known issue? |
|---|---|---|
| #4187 | `test_checkout` | INC-PM-101 |

### test_checkout

**Known issue?** INC-PM-101 (pool size). Stays red until the fix lands.

<details><summary>pytest output</summary>

```
E       {TOO_MANY}
------------------------------ Captured log call -------------------------------
ERROR    orders.db:pool.py:88 checkout failed: 1040 (08004): Too many connections
```
</details>

- The `retrying checkout after Too many connections` WARNING next to it is only our retry.

### test_import_report

**Known issue?** No, new. `sqlite3.OperationalError: no such table: import_runs` is a fixture
bug, NOT INC-PM-118. CI-912.
"""


def test_a_ci_triage_pages_tests_linked_to_an_incident_are_read_as_it() -> None:
    log = compile_incident_log(TRIAGE, "triage.md")
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-PM-101", "test_checkout")
    # (the pasted run's output in <details>, pytest's `E` and its captured log's framing gone)
    assert found.symptoms == (
        TOO_MANY_SYMPTOM,
        "ERROR checkout failed: 1040 (08004): Too many connections",
    )


def test_a_test_whose_known_issue_answers_no_is_no_incident() -> None:
    marked = as_markdown(TRIAGE)
    assert "### test_import_report" in marked
    assert "### INC-PM-101: test_checkout" in marked


@pytest.mark.parametrize(
    "link",
    [
        "**Linked incident:** INC-PM-101",
        "**Known issue?** \u2705 Yes \u2014 INC-PM-101",
        "**Related incident**: [INC-PM-101](https://tracker/INC-PM-101)",
    ],
)
def test_a_heading_over_a_link_to_one_incident_is_its_heading(link: str) -> None:
    text = f"## checkout failures\n\n{link}\n\n- `{TOO_MANY}`\n"
    (found,) = compile_incident_log(text, "pm.md").incidents
    assert (found.id, found.symptoms) == ("INC-PM-101", (TOO_MANY_SYMPTOM,))


# --- a support knowledge base -------------------------------------------------------------------

KB = f"""# Support knowledge base

---

## KB-4107: "We couldn't process your order" at checkout

**Audience:** Tier 1, Tier 2

**Customers may see:**
- "We couldn't process your order. Please try again."

**Cause:**
The database ran out of connections. What engineering saw *(internal)*:
- `{TOO_MANY}`

**Workaround:**
Ask them to "try again in a few minutes".

**Internal reference:** INC-PM-101
"""


def test_a_support_articles_internal_reference_is_its_incident() -> None:
    log = compile_incident_log(KB, "kb.md")
    (found,) = log.incidents
    assert found.id == "INC-PM-101"
    # (what customers see is the product's words, no log text; the cause quotes the log)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


# --- an org-mode ops log ------------------------------------------------------------------------

ORG = """#+TITLE: ops log
#+TODO: TODO | DONE

* 2026-12
** DONE INC-PM-115 nightly backup: volume full                    :backup:disk:
CLOSED: [2026-12-04 Fri 11:02]
:PROPERTIES:
:SEVERITY: high
:OWNER:    dk
:END:
:LOGBOOK:
- State "DONE"       from "TODO"       [2026-12-04 Fri 11:02]
:END:
*** symptoms
- orders dump died, traceback ends in =OSError: [Errno 28] No space left on device=
- the cp right after it:
#+BEGIN_EXAMPLE
cp: error writing '/mnt/backup/python3.bin': No space left on device
#+END_EXAMPLE
- NOT it: the retry got =OSError: [Errno 30] Read-only file system= -- I remounted it ro.
*** fix
- volume resized
"""


def test_an_org_mode_ops_log_is_read_as_markdown() -> None:
    log = compile_incident_log(ORG, "ops-log.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-115", "high")
    assert found.title == "nightly backup: volume full"
    assert found.resolution == "volume resized"


def test_an_org_mode_ops_log_finds_its_errors_in_a_real_log(tmp_path: Path) -> None:
    flagged = flagged_lines(compiled(tmp_path, ORG), "backup-job.log")
    assert any("[Errno 28]" in line for line in flagged)
    assert any(line.startswith("cp: error writing") for line in flagged)
    assert not any("Read-only" in line for line in flagged)


@pytest.mark.parametrize(
    "text",
    [
        "* a Markdown list item\n* another\n\n```\n#+BEGIN_EXAMPLE\n```\n",
        "**Severity:** high\n\n#+ not a keyword line\n",
    ],
    ids=["list", "bold-label"],
)
def test_markdown_that_only_looks_like_org_is_left_as_it_is(text: str) -> None:
    assert as_markdown(text) == text


# --- a digest of Sentry issues and monitors -----------------------------------------------------

DIGEST = """## INC-PM-117 — uploads: avatar writes denied

**Sentry**

| | Issue | Title | Events |
|---|---|---|---|
| \U0001f7e2 | MEDIA-4HH | `PermissionError: [Errno 13] Permission denied: '/srv/up/a.png'` | 419 |
| \U0001f507 | MEDIA-4HJ | `PermissionError(1, 'Operation not permitted')` | 419 |

MEDIA-4HJ is the chown fallback failing as `nobody`; it's **not** the incident error, muted.

**Datadog**

- log monitor `uploads fatal` on `"FATAL ERROR: uploads worker gave up"` \u2014 triggered
- the older monitor on just `"permission denied"` is too broad.
"""


def test_a_row_named_by_its_key_and_set_aside_is_no_symptom() -> None:
    (found,) = compile_incident_log(DIGEST, "digest.md").incidents
    assert "PermissionError: [Errno 13] Permission denied: '<path>'" in found.symptoms
    assert not any("Operation not permitted" in s for s in found.symptoms)


def test_a_monitors_quoted_phrase_is_the_message_inside_its_quotes() -> None:
    (found,) = compile_incident_log(DIGEST, "digest.md").incidents
    assert "FATAL ERROR: uploads worker gave up" in found.symptoms
    # (a few words in quotes are a search's terms, no message)
    assert "permission denied" not in found.symptoms
