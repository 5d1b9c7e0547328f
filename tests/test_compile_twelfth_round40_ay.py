"""Issue #11, twelfth pass, fortieth round: labels, severities and verdicts in Aymara (`janiw
…-ti`, `yaqha`, `-kiwa`, its ejectives written with `'`, U+2019 or nothing), its verbs of saying
before an unquoted message; a verdict in any language in the paragraph under a paste that names
a line of it; a bold `What the customer saw:` after a ticket's fields no customer's turn; a
table row named by a number only it holds (docs/incident-log-format.md, "Fortieth round")."""

from __future__ import annotations

import pytest

from matcher.incidents.reader import compile_incident_log

LOCKED = 'psycopg2.errors.LockNotAvailable: could not obtain lock on relation "orders"'
DEADLOCK = "psycopg2.errors.DeadlockDetected: deadlock detected"
FULL = "OSError: [Errno 28] No space left on device"
READ_ONLY = "OSError: [Errno 30] Read-only file system: '/srv/dump/retry.dump'"


def _texts(text: str) -> list[str]:
    (incident,) = compile_incident_log(text, "x.md").incidents
    return list(incident.symptoms)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            f"""**Jan walt'awi ID:** INC-PM-801
**Sutipa:** Orders tabla jark'ata
**Jach'a kankañapa:** Wali jach'a
**Uru:** 2026-04-11
**Uñacht'äwinaka:**
* Orders log ukanx: `{LOCKED}`
* `{DEADLOCK}` ukax yaqha kutinwa, janiw aka jan walt'awïkiti.

**Kunatsa pasäna:** Migration-x taqpach tabla katuntäna.
**Askichäwi:** Migration jisk'a pasonakar jaljata.
**Lurañanaka:**
* lock_timeout taqi migraciones ukana
""",
            "critical",
        ),
        (
            # (the ejectives' apostrophes curly, the diaeresis left out)
            f"""**Jan walt\u2019awi ID:** INC-PM-801
**Sutipa:** Orders tabla jark\u2019ata
**Jach\u2019a kankañapa:** Jisk\u2019a
**Uñacht\u2019awinaka:**
* Orders log ukanx: `{LOCKED}`
* Janiw pantjawïkiti: `{DEADLOCK}` (yaqha pantjawi).

**Kunatsa pasana:** Migration-x taqpach tabla katuntana.
""",
            "low",
        ),
    ],
)
def test_aymara_labels_severities_and_verdicts(text: str, severity: str) -> None:
    (incident,) = compile_incident_log(text, "x.md").incidents
    assert incident.title.startswith("Orders tabla jark")
    assert str(incident.severity).lower() == severity
    assert list(incident.symptoms) == [LOCKED]


def test_aymara_only_an_info_line_and_fine_notices_are_no_symptoms() -> None:
    text = f"""**Jan walt'awi ID:** INC-PM-802
**Sutipa:** Backup volumen phuqhantäna
**Jach'a kankañapa:** Taypi
**Uñacht'äwinaka:**
* Backup log: `{FULL}`
* `disk check: 100% used on /srv/dump, low space warning sent` INFO qillqatakiwa.
* `worker process started` notice-nakax walikiwa.
"""
    assert _texts(text) == [FULL]


def test_aymara_a_verdict_in_the_next_sentence_refers_back() -> None:
    text = f"""**Jan walt'awi ID:** INC-PM-803
**Sutipa:** Backup volumen phuqhantäna
**Uñacht'äwinaka:**
* Backup log: `{FULL}`
* Uka pachparakiw kernel-x `{READ_ONLY}` qillqäna. Ukax janiw aka jan walt'awin
  pantjäwipäkiti: uka qhipat jutiwa.
"""
    assert _texts(text) == [FULL]


def test_aymara_verbs_of_saying_before_an_unquoted_message() -> None:
    text = """**Jan walt'awi ID:** INC-PM-804
**Sutipa:** Jach'a archivos jark'ata
**Uñacht'äwinaka:**
* nginx-x qillqäna: client intended to send too large body: 2097152 bytes
* Auditoría export ukax sänwa database or disk is full
"""
    found = ["client intended to send too large body: <bytes:datasize>", "database or disk is full"]
    assert _texts(text) == found


def test_a_symptom_sentence_with_janiw_and_a_verb_is_kept() -> None:
    # (`janiw sarkänti`: it did not go through; a denied verb is what was seen, no verdict)
    text = f"""**Jan walt'awi ID:** INC-PM-805
**Sutipa:** Reservanaka jark'ata
**Uñacht'äwinaka:**
* Reservanakax janiw sarkänti; orders-x qillqäna `{LOCKED}`.
"""
    assert _texts(text) == [LOCKED]


CONNECT_LINE = (
    "[error] 12048#12048: *7 connect() failed (111: Connection refused)"
    " while connecting to upstream"
)
_PASTE = """**Incident ID:** INC-PM-806
**Title:** 502 from inventory
**Severity:** High

**Symptoms:**

* nginx error log: `{CONNECT_LINE}`

Lines after it:

    2026/06/03 11:20:21 [error] 12048#12048: *5 no live upstreams while connecting to upstream

{verdict}

**Root cause:** pods in the upstream before they were ready.
"""
CONNECT = "[error] connect() failed (111: Connection refused) while connecting to upstream"


@pytest.mark.parametrize(
    "verdict",
    [
        # (Luganda: it comes of that, we do not count either; Aymara: it comes after, neither
        # is this incident; Luganda: both are not this problem's error)
        '"no live upstreams" kivudde ku ekyo \u2014 byombi tetubibala nga kizibu kyennyini.',
        "Uka qhipat jutiwa — panpacha janiw aka jan walt'awïkiti.",
        "Nnyingo za nginx zokka; byombi si nsobi ya kizibu kino.",
    ],
)
def test_a_verdict_under_a_paste_in_any_language_sets_its_line_aside(verdict: str) -> None:
    assert _texts(_PASTE.format(verdict=verdict, CONNECT_LINE=CONNECT_LINE)) == [CONNECT]


def test_a_paragraph_under_a_paste_that_names_a_line_as_the_error_keeps_it() -> None:
    text = _PASTE.format(
        verdict='"no live upstreams" ye nsobi yennyini.', CONNECT_LINE=CONNECT_LINE
    )
    assert "[error] no live upstreams while connecting to upstream" in _texts(text)


_TICKET = """## INC-PM-807 \u00b7 Orders DB refused new connections

**Severity:** High \u00b7 **Date:** 2026-03-02 \u00b7 **Apps:** orders \u00b7 Jira DPL-7

**What the customer saw:** checkout 500s for 20 minutes. The app logged:

```
pymysql.err.OperationalError: (1040, 'Too many connections')
```

Templates (last 24h):

| Template | Count |
|---|---|
| `pymysql.err.OperationalError: (1040, "Too many connections")` | 1,812 |
| `pymysql.err.OperationalError: (1045, "Access denied for user {{text}}")` | 2 |

{note}

**Root cause:** pools too big.
"""


def test_what_the_customer_saw_after_a_tickets_fields_is_read() -> None:
    found = _texts(_TICKET.format(note="Both rows are ours."))
    assert "pymysql.err.OperationalError: Too many connections" in found


def test_a_table_row_named_by_a_number_only_it_holds_is_set_aside() -> None:
    note = "The 1045 template is a typo in a staging DSN; unrelated, not the error."
    found = _texts(_TICKET.format(note=note))
    assert found and not any("1045" in t or "Access denied" in t for t in found)
    kept = _texts(_TICKET.format(note="The 1045 template showed up too."))
    assert any("Access denied" in t for t in kept)
