"""Issue #11, twelfth pass, thirty-ninth round (lead): Breton, Luganda and Guarani postmortems in
the house format's labels translated, their severities, their verdicts on near misses, a verb of
saying before an unquoted message and a language's "and the rest" after it.
docs/incident-log-format.md, "Thirty-ninth round", says the rules."""

from __future__ import annotations

from compile_helpers import incidents_of

from matcher.incidents.reader import compile_incident_log

BRETON = """**Niverenn an darvoud:** INC-71
**Titl:** Diaz an urzhioù o nac'h kevreadennoù
**Pouez:** Uhel

**Azonoù:**
* E log an arload : `OperationalError: (1040, 'Too many connections')`
* N'eo ket ar fazi al linenn `WARNING retrying checkout after Too many connections` : ar pool
  eo a adklask.

**Abeg diazez:** re a workerioù.

**Diskoulm:** pool bihanaet.
"""

LUGANDA = """**Ennamba y'ekizibu:** INC-72
**Omutwe:** Uploads ennene zaagaanibwa
**Obuzito:** Butono

**Obubonero:**
* nginx yawandiika client intended to send too large body: 2097152 bytes, n'ebirala.
* `[warn] upstream server temporarily disabled` si nsobi ya kizibu kino, tetugibala.

**Ekyavaako:** client_max_body_size ya 1m.

**Engonjoola:** client_max_body_size 20m.
"""

GUARANI = """**Incidente ID:** INC-73
**Téra (Título):** Eventos de pago ndojepublicái
**Mba'eichaitépa ivaí (Severidad):** Tuicha / High

**Mba'épa jahecha (Síntomas):**
* `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`
* "Bootstrap failed: Unable to bootstrap from 10.4.2.17:9092" ambue timeout, ndaha'éi ko jejavy.

**Mba'érepa (Causa raíz):** advertised listeners oñemoambue.

**Mba'éichapa ojesoluciona (Resolución):** bootstrap list oñemoambue.
"""


def _one(text: str) -> tuple[str, str, list[str]]:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    texts = [s if isinstance(s, str) else s["text"] for s in found.symptoms]
    return found.title, found.severity, texts


def test_a_breton_postmortem_is_read_and_its_near_miss_set_aside() -> None:
    title, severity, texts = _one(BRETON)
    assert title == "Diaz an urzhioù o nac'h kevreadennoù"
    assert severity == "high"
    assert texts == ["OperationalError: Too many connections"]


def test_a_luganda_postmortem_reads_a_message_after_its_verb_of_saying() -> None:
    title, severity, texts = _one(LUGANDA)
    assert title == "Uploads ennene zaagaanibwa"
    assert severity == "low"
    assert texts == ["client intended to send too large body: <bytes:datasize>"]


def test_a_guarani_postmortem_with_spanish_glosses_sets_another_timeout_aside() -> None:
    title, severity, texts = _one(GUARANI)
    assert title == "Eventos de pago ndojepublicái"
    assert severity == "high"
    assert texts == ["KafkaTimeoutError: Failed to update metadata after <secs:num> secs"]


def test_breton_ket_alone_in_a_symptom_is_no_verdict() -> None:
    text = BRETON.replace(
        "* N'eo ket ar fazi",
        "* Ar workerioù ne gevreent ket ken : `FATAL: sorry, too many clients already`\n* N'eo ket",
    )
    assert "FATAL: sorry, too many clients already" in incidents_of(text)["INC-71"]


_TRACE = """## INC-74 — Ledger lookups failed

Severity: medium · 2026-11-27

```
gateway: GET /cart  5e5e01fe3c2b9d40  Duration 1.2s  Services 1  Depth 2  Total Spans 4
▾ gateway  GET /cart/{id}/total          1.20s  ⚠
   ▸ gateway  pg.connect ledger              0.47s  ⚠   db.system=postgresql
```

Span `pg.connect ledger` → Tags: `error=true` `db.system=postgresql` `net.peer.name=ledger-db`
Logs: `event=exception` `exception.type=psycopg2.OperationalError`
`exception.message=could not translate host name "ledger-db" to address: Name or service not known`

Process: `service.name=gateway` `hostname=gw-1`
"""


def test_a_jaeger_trace_pasted_gives_its_exception_message_alone() -> None:
    assert incidents_of(_TRACE)["INC-74"] == (
        'could not translate host name "<host>" to address: Name or service not known',
    )


def test_a_span_event_block_under_a_trace_view_is_read_as_its_exception() -> None:
    text = _TRACE.replace(
        "Logs: `event=exception` `exception.type=psycopg2.OperationalError`\n"
        '`exception.message=could not translate host name "ledger-db" to address: '
        "Name or service not known`\n",
        "Logs (1):\n```\n0.47s event=exception exception.type=psycopg2.OperationalError\n"
        '      exception.message=could not translate host name "ledger-db" to address\n```\n',
    )
    assert incidents_of(text)["INC-74"] == (
        'psycopg2.OperationalError: could not translate host name "<host>" to address',
    )


def test_a_line_of_code_spans_that_are_no_attributes_is_kept() -> None:
    text = _TRACE.replace(
        "Process: `service.name=gateway` `hostname=gw-1`",
        "Also seen: `FATAL: sorry, too many clients already` `retry=3`",
    )
    assert "FATAL: sorry, too many clients already" in incidents_of(text)["INC-74"]


def test_a_dataprime_query_and_a_lucene_query_are_no_symptoms() -> None:
    text = """## INC-75 · Orders DB refused connections

**Severity:** High · **Date:** 2026-03-02

Query (last 1h):

```
source logs
| filter $m.severity == ERROR && $l.applicationname == 'orders'
| choose $m.timestamp, $l.subsystemname, $d.message
```

The old saved view:

```
coralogix.metadata.applicationName:"orders" AND text:"Too many connections"
```

The bastion probe printed `ERROR 1040 (08004): Too many connections`.

**Root cause:** pools too big.
"""
    assert incidents_of(text)["INC-75"] == ("ERROR 1040 (08004): Too many connections",)


def test_an_authors_error_word_before_an_exception_and_a_wrapped_sentence_after_are_cut() -> None:
    text = """## INC-76 · Avatar uploads failing

**Severity:** High

**Symptoms (cell):** every avatar upload returned 500. Error: PermissionError: [Errno 13]
Permission denied: '/srv/uploads/avatar-1.png'. Worker runs as `nobody`.

**Symptoms (cell):** the builder died with FATAL ERROR: Reached heap limit Allocation failed -
JavaScript heap out of memory. Ran with --max-old-space-size=512; the GC lines showed ~509 MB.
"""
    assert incidents_of(text)["INC-76"] == (
        "PermissionError: [Errno 13] Permission denied: '<path>'",
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    )


def test_luganda_and_guarani_prose_around_an_unquoted_message_is_no_part_of_it() -> None:
    luganda = LUGANDA.replace(
        "* nginx yawandiika client intended to send too large body: 2097152 bytes, n'ebirala.",
        "* Backup job yawandiika OSError: [Errno 28] No space left on device, n'efuluma; dump"
        ' n\'esigala.\n* ledger yagamba nti could not translate host name "ledger-db" to address',
    )
    assert incidents_of(luganda)["INC-72"] == (
        "OSError: [Errno 28] No space left on device",
        'could not translate host name "<host>" to address',
    )
    guarani = GUARANI.replace(
        "* `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`",
        "* Backup he'i OSError: [Errno 28] No space left on device reheve; dump opyta mbyky",
    )
    assert incidents_of(guarani)["INC-73"] == ("OSError: [Errno 28] No space left on device",)


def test_a_logfmt_line_in_a_code_span_is_no_span_attribute() -> None:
    text = _TRACE.replace(
        "Process: `service.name=gateway` `hostname=gw-1`",
        'Gateway log: `ts=14:05:12Z msg="upstream call failed"`',
    )
    assert 'ts=<ts:time>Z msg="upstream call failed"' in incidents_of(text)["INC-74"] or any(
        "upstream call failed" in s for s in incidents_of(text)["INC-74"]
    )
