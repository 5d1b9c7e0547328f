"""Issue #11, twelfth pass, sixteenth round: what heldout86 to heldout91 taught
(docs/incident-log-format.md says the rules): documents of the SRE book's template (errors in
Root Causes, a block under a paragraph, timeline markers), an evidence appendix keyed by
incident id, labels of a language close to one we know, a vault's notes (properties under the
title, callouts), chat exports, reStructuredText habits, a log viewer's CSV export, hypothesis
logs, a runbook's known signatures, and verdicts in Catalan, Danish and Swahili."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from compile_helpers import LOGS, symptoms_of

import matcher
from matcher.cli.main import cli
from matcher.incidents.reader import compile_incident_log

REDIS_OOM = "redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'."
REDIS_DOWN = (
    "redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6380. Connection refused."
)
WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value"


def _compiled(tmp_path: Path, text: str) -> tuple[Path, str]:
    md = tmp_path / "pm.md"
    md.write_text(text, "utf-8")
    out = tmp_path / "sigs"
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.stderr


def _flagged(sigs: Path, log: str) -> dict[str, list[str]]:
    """Incident id -> the lines of a real log it flags."""
    ruleset = matcher.load_ruleset([sigs])
    lines = (LOGS / log).read_text("utf-8").splitlines()
    found: dict[str, list[str]] = {}
    for f in matcher.scan_file(ruleset, LOGS / log):
        found.setdefault(f.signature.id, []).extend(lines[n - 1] for n in f.matched_lines)
    return found


def _symptoms(text: str) -> dict[str, tuple[str, ...]]:
    log = compile_incident_log(text, "x.md")
    return {i.id: i.symptoms for i in log.incidents}


# --- a document of the SRE book's template -------------------------------------------------

SRE_DOC = f"""## INC-PM-106: Feature flags not cached

**Status:** Complete
**Severity:** SEV-3

**Summary:** The flags cache stopped accepting writes.

**Root Causes:** `maxmemory` was 2mb. The app logged "cache flags not cached: command not
allowed when used memory > 'maxmemory'." and redis-py raised `{REDIS_OOM}`

**Resolution:** Raised maxmemory.

### Lessons Learned

**What went wrong**
- We first suspected the WRONGTYPE errors (`{WRONGTYPE}`) in the same log.

### Timeline (UTC)

- 08:15 first errors
- 08:55 **OUTAGE ENDS**
"""


def test_an_sre_book_document_compiles_from_its_root_causes(tmp_path: Path) -> None:
    symptoms = _symptoms(SRE_DOC)["INC-PM-106"]
    assert "OUTAGE ENDS" not in symptoms  # a timeline's marker is no log text
    assert not any("WRONGTYPE" in s for s in symptoms)  # what went wrong is no account
    sigs, _ = _compiled(tmp_path, SRE_DOC)
    flagged = _flagged(sigs, "cache-redis.log")["INC-PM-106"]
    assert any(line.startswith("redis.exceptions.OutOfMemoryError") for line in flagged)
    assert not any("WRONGTYPE" in line for line in flagged)


def test_a_block_under_a_paragraph_of_a_section_that_is_no_field_is_read_last(
    tmp_path: Path,
) -> None:
    text = f"""## INC-PM-106: Flags not cached

**Severity:** SEV-3

**Impact:** p95 latency went from 180 ms to 900 ms.

Log lines we looked at:

```
{REDIS_OOM}
```

### Timeline

- 08:55 **INCIDENT ENDS**
"""
    assert _symptoms(text)["INC-PM-106"] == (REDIS_OOM.rstrip("."),)


def test_the_root_cause_is_read_only_when_nothing_else_gives_log_text() -> None:
    text = SRE_DOC.replace(
        "**Root Causes:**",
        "Log lines we looked at:\n\n```\nOOM command not allowed when used memory > "
        "'maxmemory'.\n```\n\n**Root Causes:**",
    )
    # (the block under a paragraph is read first: the root cause's errors are not)
    assert _symptoms(text)["INC-PM-106"] == (
        "OOM command not allowed when used memory > 'maxmemory'",
    )


# --- an evidence appendix keyed by incident id -----------------------------------------------

WIKI = f"""# Platform incident reviews

**Contents**

- INC-PM-106 — Redis OOM
- INC-PM-107 — Redis refused
- Evidence

---

## INC-PM-106 — Redis OOM

**Severity:** SEV-3

**Symptoms:** flag lookups slow; see the evidence below.

---

## INC-PM-107 — Redis refused

**Severity:** SEV-3

**Symptoms:** "redis down" alerts every minute.

---

## Evidence

Lines as they were shared.

### Evidence INC-PM-106

```
{REDIS_OOM}
```

Not the cause (quoted for completeness): `{WRONGTYPE}`, and `cache memory check: used_memory >
maxmemory? no`.

### Evidence INC-PM-107

```
{REDIS_DOWN}
```

Not the cause: `cache reconnected to 127.0.0.1:56379 after Connection refused (attempt 3)`.
"""


def test_an_evidence_appendix_keyed_by_id_is_read_as_its_incidents_symptoms(
    tmp_path: Path,
) -> None:
    log = compile_incident_log(WIKI, "wiki.md")
    assert not log.problems  # (the contents list and the appendix are no incidents)
    found = {i.id: i.symptoms for i in log.incidents}
    assert found["INC-PM-106"] == (REDIS_OOM.rstrip("."),)
    assert found["INC-PM-107"][0].startswith("redis.exceptions.ConnectionError: Error 111")
    sigs, _ = _compiled(tmp_path, WIKI)
    flagged = _flagged(sigs, "cache-redis.log")
    assert any("OutOfMemoryError" in line for line in flagged["INC-PM-106"])
    assert not any("WRONGTYPE" in line for line in flagged["INC-PM-106"])
    assert not any("reconnected" in line for line in flagged["INC-PM-107"])


def test_a_heading_in_an_incident_that_names_another_without_evidence_stays() -> None:
    text = WIKI.replace("### Evidence INC-PM-107", "### Related: INC-PM-107")
    text = text.replace(
        "## Evidence\n", f"## INC-PM-108 — Redis again\n\n**Symptoms:** `{REDIS_OOM}`\n"
    ).replace('"redis down" alerts every minute.', f"`{REDIS_DOWN}`")
    found = _symptoms(text)
    assert found["INC-PM-108"] == (REDIS_OOM.rstrip("."),)
    assert len(found["INC-PM-107"]) == 1  # (what the heading names is not moved to it)


def test_a_verdict_label_with_an_aside_sets_aside_every_text_after_it() -> None:
    item = (
        f"* Not the cause (quoted for completeness): `{WRONGTYPE}`; `upstream server "
        f"temporarily disabled while connecting to upstream`.\n* `{REDIS_OOM}`\n"
    )
    assert symptoms_of(item) == (REDIS_OOM.rstrip("."),)


# --- labels of a language close to one we know -------------------------------------------------

DANISH = """**Hændelses-ID:** INC-PM-107
**Titel:** Redis svarer ikke efter flytning
**Alvorlighed:** Høj

**Symptomer:**
* Health-checket gik rødt og web-loggen skrev
  `redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6380. Connection refused.`

**Ikke årsagen:** `cache reconnected to 127.0.0.1:6379 after Connection refused (attempt 3)` er
en INFO fra den anden instans der kom op igen, ikke fejlen.

**Grundårsag:** Web-konfigurationen pegede stadig på den gamle port efter flytningen.

**Løsning:** Port rettet i ConfigMap, pods genstartet.
"""


def test_labels_close_to_a_known_language_are_read_with_a_warning(tmp_path: Path) -> None:
    log = compile_incident_log(DANISH, "dk.md")
    (found,) = log.incidents
    assert found.id == "INC-PM-107"  # (a label that ends in `ID`)
    assert found.symptoms[0].startswith("redis.exceptions.ConnectionError: Error 111")
    assert found.root_cause and "gamle port" in found.root_cause
    warned = [p.message for p in log.warnings]
    assert "unknown label 'Symptomer' read as 'Symptom'" in warned
    _, stderr = _compiled(tmp_path, DANISH)
    assert "pm.md:5:1: label: unknown label 'Symptomer' read as 'Symptom'" in stderr


def test_a_close_label_in_an_english_block_is_still_a_typo(tmp_path: Path) -> None:
    text = (
        "**Incident ID:** INC-9\n**Title:** Redis refused connections after the move\n"
        "**Severity:** High\n\n**Symptomer:**\n"
        f"* The health check went red and the web log said `{REDIS_DOWN}` for the whole hour.\n"
        "\n**Resolution:** The port was fixed in the config map and the pods restarted.\n"
    )
    md = tmp_path / "pm.md"
    md.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "unknown label 'Symptomer': did you mean 'Symptom'?" in result.stderr


# --- a vault's notes, a chat export ------------------------------------------------------------

OBSIDIAN = f"""---
title: Incidents (export)
---

# INC-PM-106 Flags not cached

---
incident: INC-PM-106
severity: SEV3
tags: [incident, redis]
---

> [!bug] Symptoms
> Every write failed: `{REDIS_OOM}`

> [!note] Not it
> - `{WRONGTYPE}` — an old session key.

## Root cause
maxmemory was 2mb.

# INC-PM-107 Redis refused

---
incident: INC-PM-107
severity: SEV3
---

> [!bug]- Symptoms
> `{REDIS_DOWN}`
"""


def test_a_vaults_notes_read_their_properties_and_callouts(tmp_path: Path) -> None:
    log = compile_incident_log(OBSIDIAN, "vault.md")
    assert not log.problems
    found = {i.id: i for i in log.incidents}
    assert found["INC-PM-106"].severity == "medium"
    assert found["INC-PM-106"].symptoms == (REDIS_OOM.rstrip("."),)
    sigs, _ = _compiled(tmp_path, OBSIDIAN)
    flagged = _flagged(sigs, "cache-redis.log")
    assert not any("WRONGTYPE" in line for line in flagged["INC-PM-106"])
    assert flagged["INC-PM-107"]


def test_a_chat_threads_heading_and_a_pasted_line_alone() -> None:
    text = """## Thread: INC-PM-115 nightly backup failed

Marcus Webb
Tue 07:48
morning. backup died again overnight. from the job log:
OSError: [Errno 28] No space left on device
twice actually, the second one is the "during handling of the above exception" one
"""
    assert _symptoms(text)["INC-PM-115"] == ("OSError: [Errno 28] No space left on device",)


def test_a_word_and_a_colon_before_the_id_in_a_heading() -> None:
    heap = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    text = f"## Post-incident review: INC-PM-120 — report OOM\n\n**Symptoms:** `{heap}`\n"
    assert list(_symptoms(text)) == ["INC-PM-120"]


# --- reStructuredText habits -------------------------------------------------------------------

RST = """Edge postmortems
================

.. note::

   Pasted from the Sphinx handbook.

# INC-PM-112: nginx will not start

:Severity: High
:Date: 2026-12-03

Symptoms
--------

The journal showed:

.. code-block:: text

   nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)
   ... (five in total)
   nginx: [emerg] still could not bind()

.. warning::

   Not related: ``[emerg] unknown directive "proxy_buffer"`` from a draft config.

Root cause
----------

A stray process held the port.

# INC-PM-113: 502s on /api/orders

:Severity: High

Symptoms
--------

nginx error log, trimmed::

   2026/12/03 08:16:21 [error] 4411#4411: *2 connect() failed (111: Connection refused) \
while connecting to upstream, client: 10.1.0.5

Both upstreams refused in turn.
"""


def test_restructuredtext_habits_read_as_markdown(tmp_path: Path) -> None:
    log = compile_incident_log(RST, "rst.md")
    found = {i.id: i for i in log.incidents}
    assert found["INC-PM-112"].severity == "high"
    assert found["INC-PM-112"].symptoms == (
        "nginx: [emerg] bind() to <ip>:<port:int> failed (98: Address already in use)",
        "nginx: [emerg] still could not bind()",
    ) or all("emerg" in s for s in found["INC-PM-112"].symptoms)
    assert not any("unknown directive" in s for s in found["INC-PM-112"].symptoms)
    assert found["INC-PM-112"].root_cause == "A stray process held the port."
    assert found["INC-PM-113"].symptoms[0].startswith("[error]")
    sigs, _ = _compiled(tmp_path, RST)
    assert len(_flagged(sigs, "nginx-error.log")["INC-PM-112"]) == 12
    assert len(_flagged(sigs, "nginx-error.log")["INC-PM-113"]) == 4


def test_an_underlined_line_is_a_heading_and_a_rule_after_a_blank_is_a_rule() -> None:
    text = (
        "**Incident ID:** INC-9\n**Title:** T\n**Severity:** Low\n\nSymptoms\n--------\n\n"
        f"* `{REDIS_DOWN}`\n\n---\n\n**Incident ID:** INC-10\n**Title:** U\n**Severity:** Low\n"
        f"\n**Symptoms:**\n* `{REDIS_OOM}`\n"
    )
    found = _symptoms(text)
    assert list(found) == ["INC-9", "INC-10"]


# --- a log viewer's CSV export -----------------------------------------------------------------

CSV = """**Incident ID:** INC-PM-117
**Title:** Avatar uploads fail
**Severity:** Low

**Symptoms:**

```csv
"@timestamp","log.level","message"
"Nov 24, 2026 @ 16:22:40.900","","PermissionError: [Errno 13] Permission denied: '/srv/u/a-5.png'"
"Nov 24, 2026 @ 16:22:40.903","INFO","upload retried: Permission denied? no"
```
"""


def test_a_csv_export_is_read_row_by_row(tmp_path: Path) -> None:
    (found,) = compile_incident_log(CSV, "csv.md").incidents
    assert found.symptoms == ("PermissionError: [Errno 13] Permission denied: '<path>'",)
    sigs, _ = _compiled(tmp_path, CSV)
    assert len(_flagged(sigs, "thumbnailer.log")["INC-PM-117"]) == 2


# --- hypotheses, a runbook, verdicts in other languages ----------------------------------------


def test_a_rejected_hypothesis_sets_aside_its_evidence() -> None:
    items = (
        "* H1: cart objects are bigger than the 1 MB item limit. **REJECTED**.\n"
        "  Evidence: that gives `MemcacheServerError: b'object too large for cache'`, seen.\n"
        "* H2: memcached is full. **CONFIRMED**. Evidence: memcached answered\n"
        "  `SERVER_ERROR out of memory storing object`.\n"
    )
    assert symptoms_of(items) == ("SERVER_ERROR out of memory storing object",)


def test_a_runbooks_if_you_see_block_is_the_symptoms() -> None:
    text = f"""## INC-PM-107 — Redis not listening

Severity: **Medium**

**If you see**

- `{REDIS_DOWN}`

**It means**

Nothing is listening on that port.

**Do**

1. Check `REDIS_URL` against `Running mode=standalone, port=…` in the redis log.
"""
    found = compile_incident_log(text, "rb.md").incidents[0]
    assert len(found.symptoms) == 1 and "Running mode" not in found.symptoms[0]
    assert found.resolution and "REDIS_URL" in found.resolution


def test_verdicts_in_catalan_danish_and_swahili() -> None:
    items = (
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
        "* També `(1045, \"Access denied for user 'orders'@'localhost'\")`, res a veure.\n"
        "* `stock rebalance aborted: (1213, 'Deadlock found when trying to get lock')`.\n"
        "  NO era això: el 1213 és un altre procés.\n"
        "* `IntegrityError: (1062, \"Duplicate entry '1' for key 'PRIMARY'\")` — si hii.\n"
        "* `FATAL:  remaining connection slots are reserved` — haihusiani.\n"
        "* `cache reconnected after Connection refused (attempt 3)` er ikke fejlen.\n"
    )
    assert symptoms_of(items) == (
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
    )


def test_a_subject_that_raised_the_error_and_a_librarys_message_after_prose() -> None:
    items = (
        '* App side: pymemcache raised MemcacheServerError("out of memory storing object"), '
        "logged as `cart not cached: MemcacheServerError(...)`.\n"
        '* psycopg2 for the ledger: could not translate host name "pricing-db.invalid" to '
        "address: Name or service not known\n"
    )
    found = symptoms_of(items)
    assert found[0] == 'MemcacheServerError("out of memory storing object")' or found[0].startswith(
        "MemcacheServerError"
    )
    assert found[-1].startswith("could not translate host name")


def test_a_quoted_notes_wrapped_sentence_is_read_whole() -> None:
    text = """## INC-PM-108 — Search index rebuild never finishes

**Internal note** (Priya S.):
> Worker log shows the job killed by RQ every time:
>
>     rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (1 seconds)
>
> and on the second host it's the same. The `ZeroDivisionError: division by zero` failures in
> the same worker log are a different job with bad input — unrelated, ticket #48231.
"""
    found = _symptoms(text)["INC-PM-108"]
    assert found == (
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value "
        "(<seconds:num> seconds)",
    )


# --- what heldout92 to heldout94 taught ---------------------------------------------------------

ALERTS = """## INC-PM-116 — thumbnailer: too many open files

**Alert 1** `ThumbnailerErrorRateHigh` — firing 08:16:27

```
labels:
  alertname=ThumbnailerErrorRateHigh
  severity=critical
annotations:
  summary: thumbnailer 5xx ratio > 20% for 5m
  description: Loki top error: "cannot open socket to image store: [Errno 24] Too many open files"
  runbook_url: https://runbooks.internal/media/thumbnailer
```

**Root cause:** the resize path never closed its files.
"""


def test_an_alert_dump_gives_its_description_only(tmp_path: Path) -> None:
    (found,) = compile_incident_log(ALERTS, "alerts.md").incidents
    assert found.symptoms == ("cannot open socket to image store: [Errno 24] Too many open files",)
    sigs, _ = _compiled(tmp_path, ALERTS)
    assert len(_flagged(sigs, "thumbnailer.log")["INC-PM-116"]) == 2


def test_an_incidents_own_title_with_a_negation_rules_nothing_out() -> None:
    text = """## INC-PM-110 — pricing host does not resolve

1. 14:43 — pagerduty — SEV2, quotes failing for all carts.
2. 14:44 — @priya — log: `socket.gaierror: [Errno -2] Name or service not known` at the bottom.
3. 14:50 — @tom — the `resolver check: pricing-api resolves? no` INFO line is our probe, ignore.
"""
    assert _symptoms(text)["INC-PM-110"] == (
        "socket.gaierror: [Errno -2] Name or service not known",
    )


def test_verdicts_in_polish_galician_and_tagalog_and_a_second_outage_it_was_not() -> None:
    items = (
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
        "* NIE mylić z deadlockiem: `(1213, 'Deadlock found when trying to get lock')`.\n"
        "* Nie to samo: `canceling statement due to user request`.\n"
        "* `FATAL: remaining connection slots are reserved`. Non é o mesmo.\n"
        "* `(1045, \"Access denied for user 'orders'@'localhost'\")` — walang kinalaman.\n"
        "* `sqlite3.OperationalError: no such table: import_runs` — ibang bug yun.\n"
        "* `no live upstreams while connecting to upstream`. Looked like a second outage but it's"
        " the group marked down.\n"
        "* `Bootstrap failed: KafkaTimeoutError: Unable to bootstrap`; it's the bootstrap loop,"
        " not what's failing the sends.\n"
    )
    assert symptoms_of(items) == (
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
    )


def test_a_verdict_label_in_the_teams_language_sets_aside_the_bullets_under_it() -> None:
    items = (
        "* `FATAL: sorry, too many clients already`\n"
        "* Hindi cause / nakakalito:\n"
        '  - "remaining connection slots are reserved for non-replication superuser connections"'
        " — lumabas din ito.\n"
    )
    assert symptoms_of(items) == ("FATAL: sorry, too many clients already",)


def test_a_verdict_column_that_names_symptoms_sets_aside_every_other_row() -> None:
    text = """## INC-PM-113 — /api/orders 502 from nginx (Sev 2)

| time | who | what | evidence | verdict |
|---|---|---|---|---|
| 08:16 | pager | 502 rate > 20% | Grafana "edge 5xx" panel | — |
| 08:16 | MR | - | `*2 connect() failed (111: Connection refused) while connecting` | SYMPTOM |
| 08:19 | MR | pods crash, missing secret | `secret "orders-db" not found` | CAUSE |
| 08:20 | JL | status page: "orders history unavailable" | statuspage #231 | — |
| 08:26 | MR | impact: ~8 min of 502 | access log count | IMPACT |
"""
    assert _symptoms(text)["INC-PM-113"][0].endswith(
        "connect() failed (111: Connection refused) while connecting"
    )
    assert len(_symptoms(text)["INC-PM-113"]) == 1


# --- what heldout95 to heldout97 taught ---------------------------------------------------------

SERVICENOW = """## PRB0048812

**Number:** PRB0048812
**Short description:** Feature-flag cache writes rejected by Redis (OOM)
**Priority:** 2 - High
**Related incidents:** INC-PM-106

**Work notes:**

2026-12-03 08:26:40 - Marco Bellini (Work notes)
Older services log it as redis.exceptions.ResponseError: OOM command not allowed..., newer ones
as OutOfMemoryError. Same thing.

2026-12-03 08:22:04 - Priya Raman (Work notes)
Full trace, pasted:
  File "/srv/app/flags.py", line 41, in put
redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'.
Underneath it the app's own line, every write.

**Resolution notes:**
TTL on snapshots, maxmemory raised.
"""


def test_a_problem_records_related_incident_work_notes_and_resolution_notes() -> None:
    log = compile_incident_log(SERVICENOW, "snow.md")
    assert not log.problems
    (found,) = log.incidents
    assert found.id == "INC-PM-106"
    assert found.symptoms == (
        "redis.exceptions.ResponseError: OOM command not allowed",
        "redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'",
    )
    assert found.resolution == "TTL on snapshots, maxmemory raised."


def test_a_qa_bug_report_escalated_to_an_incident() -> None:
    text = """## BUG-4471 → INC-PM-118: Price-list import fails

**Severity:** Major (S2)
**Component:** backoffice / importer

**Steps to reproduce:**
1. Start the report, it holds `BEGIN IMMEDIATE`.

**Expected:** Import waits: no `OperationalError: database is locked`.

**Actual:** Import fails after ~0.2 s. Log output:

```
sqlite3.OperationalError: database is locked
```

**Environment:** staging-bo-2, SQLite 3.40.
"""
    (found,) = compile_incident_log(text, "qa.md").incidents
    assert found.id == "INC-PM-118"  # (`Component` is no typo of `Components`)
    assert found.symptoms == ("sqlite3.OperationalError: database is locked",)


def test_verdicts_in_turkish_czech_and_spanish_n_r_and_look_alikes() -> None:
    items = (
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
        "* Ayn\u0131 saatlerde `(1045, \"Access denied for user 'orders'@'localhost'\")` de "
        "g\u00f6rd\u00fck. \u0130kisi de ayr\u0131 dertler, bu olayla ilgisi yok.\n"
        "* Kar\u0131\u015ft\u0131rmay\u0131n: `stock rebalance aborted: (1213, 'Deadlock found')`"
        " da var.\n"
        "* `canceling statement due to user request` — nesouvisí.\n"
        '* Lo que NO era: "remaining connection slots are reserved". Es otro mensaje.\n'
        '* n/r: `[emerg] unknown directive "proxy_buffer"` \u2013 the bad.conf from the canary\n'
        "* Two look-alikes were excluded: `MemcacheServerError: b'object too large for cache'`.\n"
    )
    assert symptoms_of(items) == (
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
    )


def test_none_of_these_after_a_list_is_about_that_list() -> None:
    item = (
        "* The final line before exit was `FATAL ERROR: Reached heap limit Allocation failed - "
        "JavaScript heap out of memory`. Also raised: a `RangeError: Maximum call stack size "
        "exceeded` and a `MaxListenersExceededWarning: Possible EventEmitter memory leak "
        "detected`. None of these is the failure.\n"
    )
    assert symptoms_of(item) == (
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    )


def test_long_lists_and_labels_compile_in_linear_time() -> None:
    """The verdict-list rules read a label and its list of texts without nested repetition: a
    list of many texts, a long run of one character before a colon, no list at all."""
    texts = "; ".join(f"`error number {n}: failed`" for n in range(60))
    items = (
        f"* Not the cause (noted): {texts} and more prose after them\n"
        # (heldout53: a command in a code span before the error an arrow points at)
        "* exec'd into the pod and tried by hand: `k -n cache exec redis-flags-0 -- redis-cli set"
        " probe 1` \u2192 OOM command not allowed when used memory > 'maxmemory'.\n"
        f"* {'x' * 5000}: `{'y' * 3000}` and {'`z`, ' * 200}end\n"
        "* `OSError: [Errno 28] No space left on device`\n"
    )
    assert "OSError: [Errno 28] No space left on device" in symptoms_of(items)


# --- what heldout98 to heldout100 taught --------------------------------------------------------

RCA = """## INC-PM-109 Reservation calls refused

**Severity:** Sev-2

**Problem statement:** Gateway could not reserve stock. See A-1 to A-2.

**Root cause:** endpoint change shipped without updating consumers.

---

## INC-PM-110 Pricing lookups failed on DNS

**Severity:** Sev-2

**Problem statement:** Quote pages showed "price unavailable" (A-3).

---

## Appendix A — Log evidence

| Ref | Incident | Source | Log line | Verdict |
|---|---|---|---|---|
| A-1 | 109 | gateway | `ConnectionRefusedError: [Errno 111] Connection refused` | CAUSE |
| A-2 | 109 | gw | `requests.exceptions.ConnectionError: HTTPConnectionPool(...)` | CAUSE |
| A-3 | 110 | gateway | `socket.gaierror: [Errno -2] Name or service not known` | CAUSE |
| A-4 | 110 | gateway | `resolver check: pricing-api.invalid resolves? no` | NOT CAUSE (noise) |
"""


def test_an_evidence_tables_rows_go_to_the_incidents_they_name(tmp_path: Path) -> None:
    log = compile_incident_log(RCA, "rca.md")
    assert not log.problems
    found = {i.id: i.symptoms for i in log.incidents}
    assert found["INC-PM-109"][-1].startswith("requests.exceptions.ConnectionError")
    assert found["INC-PM-110"] == ("socket.gaierror: [Errno -2] Name or service not known",)
    sigs, _ = _compiled(tmp_path, RCA)
    flagged = _flagged(sigs, "gateway-http.log")
    assert len(flagged["INC-PM-110"]) == 2 and not any(
        "resolves?" in x for x in flagged["INC-PM-110"]
    )


def test_a_paragraph_of_labelled_lines_is_a_list() -> None:
    text = """## INC-PM-117: Avatar uploads fail

Severity: P2
Scenario: uploads after the image bump
  Observed: PermissionError: [Errno 13] Permission denied: '/srv/uploads/u-1/avatar-1.png'
  Not observed: any disk errors
  Discarded: fix ownership: PermissionError(1, 'Operation not permitted') — the chown workaround
"""
    assert _symptoms(text)["INC-PM-117"] == (
        "PermissionError: [Errno 13] Permission denied: '<path>'",
    )


def test_verdicts_in_swedish_and_pidgin() -> None:
    items = (
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
        "* Vi jagade ett `(1045, \"Access denied for user 'orders'@'localhost'\")`. Inte relevant."
        "\n"
        '* Inte samma sak: "remaining connection slots are reserved".\n'
        "* `b'object too large for cache'` for the report:big key, na separate matter.\n"
    )
    assert symptoms_of(items) == (
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
    )


# --- what heldout101 to heldout103 taught -------------------------------------------------------

JSON_EXPORT = """## INC-PM-115

```json
{
  "id": "INC-PM-115",
  "title": "Nightly backup failed: disk full on /backup",
  "severity": "SEV-2",
  "symptoms": [
    "backup job traceback: OSError: [Errno 28] No space left on device",
    "cp: error writing '/backup/nightly/python3.bin': No space left on device"
  ],
  "notes": "the retry threw OSError: [Errno 30] Read-only file system, our own doing, ignore",
  "fix": "Volume resized."
}
```
"""


def test_a_trackers_json_record_is_read_as_a_yaml_record() -> None:
    (found,) = compile_incident_log(JSON_EXPORT, "json.md").incidents
    assert found.title == "Nightly backup failed: disk full on /backup"
    assert found.severity == "high" and found.resolution == "Volume resized."
    assert found.symptoms[0] == "OSError: [Errno 28] No space left on device"
    assert not any("Errno 30" in s for s in found.symptoms)


def test_an_id_after_a_dash_or_a_colon_in_a_heading() -> None:
    text = """## Post 1 \u2014 INC-PM-112: The port that was already taken

The error log said `[emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)`.

## \u2014 Huddle in #inc-ratelimit \u2014 INC-PM-107

Health check: `redis down: Error 111 connecting to 10.0.0.1:6380. Connection refused.`

### Symptoms \u2014 INC-PM-109
"""
    found = compile_incident_log(text, "h.md").incidents
    assert [(i.id, i.title) for i in found] == [
        ("INC-PM-112", "The port that was already taken"),
        ("INC-PM-107", "Huddle in #inc-ratelimit"),
    ]


def test_a_severity_of_another_language_is_a_warning_and_a_typo_an_error(tmp_path: Path) -> None:
    text = (
        "## INC-PM-102 \u2014 Lock wait\n\n**Severitate:** Medie\n\n**Simptome:**\n"
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
    )
    log = compile_incident_log(text.replace("**Severitate:**", "**Severity:**"), "ro.md")
    assert [i.severity for i in log.incidents] == ["medium"]
    foreign = compile_incident_log(
        text.replace("Medie", "Foarte mare").replace("**Severitate:**", "**Severity:**"), "ro.md"
    )
    assert [i.severity for i in foreign.incidents] == ["medium"]
    assert any("compiled as medium" in p.message for p in foreign.warnings)
    typo = compile_incident_log(
        text.replace("Medie", "Hihg").replace("**Severitate:**", "**Severity:**"), "en.md"
    )
    assert [p.field for p in typo.problems] == ["severity"]


def test_verdicts_in_romanian_flemish_and_french() -> None:
    items = (
        "* `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction`\n"
        "* Linia INFO `pool check: Too many connections? no` apare mereu, e zgomot.\n"
        "* `(1062, \"Duplicate entry '1' for key 'PRIMARY'\")` \u2014 nu are leg\u0103tur\u0103.\n"
        "* `(1045, \"Access denied for user 'orders'@'localhost'\")`. Niets mee te maken.\n"
        "* `canceling statement due to user request` \u2014 pas confondre les deux.\n"
    )
    assert symptoms_of(items) == (
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
    )


def test_a_block_under_an_annex_heading_is_read_with_the_sections_that_tell() -> None:
    text = """## Report No. INC-PM-110 : Pricing host not resolvable

**Classification:** Major \u2014 Severity 2

### 2. Detection

2.1 The gateway reported: `NameResolutionError: ... Failed to resolve 'pricing-api.internal'`.

### Annex B \u2014 Evidence

```
13:05:12,875 ERROR gateway:81 ledger: could not translate host name "db" to address: \
Name or service not known
```
"""
    found = _symptoms(text)["INC-PM-110"]
    assert found[0].startswith("NameResolutionError") and "could not translate" in found[-1]


def test_a_line_inside_an_open_code_span_goes_on_with_its_paragraph() -> None:
    text = """## INC-PM-117: permission denied on avatars

**Severity:** Low

### The story

The job started failing with `PermissionError: [Errno 13] Permission denied: '/u/a-1.png'`
for every upload. Right next to it in the log was `fix ownership:
PermissionError(1, 'Operation not permitted')` \u2014 that is EPERM, not EACCES. It's the job's
"fix ownership" step trying to `chown` as nobody. It's not the error that broke avatars.
"""
    assert _symptoms(text)["INC-PM-117"] == (
        "PermissionError: [Errno 13] Permission denied: '<path>'",
    )
