"""Issue #11, twelfth pass, thirty-fourth round: Sundanese, Turkmen and Māori, and two note
formats, HedgeDoc's and Slab's (docs/incident-log-format.md, "Thirty-fourth round", says the
rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import Incident, compile_incident_log

_LOCKED = "* Impor gagal: `sqlite3.OperationalError: database is locked`\n"


def _one(text: str) -> Incident:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    return found


def test_sundanese_labels_and_severity_are_read() -> None:
    text = (
        "**Nomer Kajadian:** INC-PM-201\n**Judul:** Impor peuting gagal\n"
        "**Tingkat Bahaya:** Luhur\n\n**Gejala:**\n"
        f"{_LOCKED}\n**Akar Masalah:**\n* Vacuum nyepeng konci.\n\n"
        "**Cara Ngabéréskeun:**\n* Vacuum dipindahkeun.\n"
    )
    found = _one(text)
    assert found.id == "INC-PM-201" and found.severity == "high"
    assert found.title == "Impor peuting gagal"
    assert _texts(text) == ["sqlite3.OperationalError: database is locked"]


def test_sundanese_verdicts_set_a_quote_aside() -> None:
    for verdict in (
        "\u00e9ta mah lain masalahna, ngan pamariksaan",
        "teu aya patalina jeung kajadian ieu",
        "bug s\u00e9j\u00e9n, ulah diasupkeun kana gejala",
        "ngan peringatan ti aplikasi urang sorangan",
    ):
        text = (
            "**Nomer Kajadian:** INC-PM-202\n**Tingkat Bahaya:** Sedeng\n\n**Gejala:**\n"
            f"{_LOCKED}* Aya og\u00e9 `sqlite3.OperationalError: no such table: runs` \u2014"
            f" {verdict}.\n"
        )
        assert _texts(text) == ["sqlite3.OperationalError: database is locked"], verdict


def test_turkmen_labels_a_section_not_of_the_incident_and_verdicts() -> None:
    text = (
        "**Hadysa ID:** INC-PM-203\n**Agyrlyk derejesi:** Ýokary\n"
        "**Sözbaşy:** Importlar ýykyldy\n\n**Alamatlar:**\n"
        "* Logda: `sqlite3.OperationalError: database is locked`\n"
        "* `sqlite3.OperationalError: no such table: runs` başga mesele, ýalňyşlyk däl.\n\n"
        "**Bu hadysa degişli däl:**\n* `WARNING retrying import after database is locked`\n\n"
        "**Esasy sebäp:**\n* VACUUM.\n"
    )
    found = _one(text)
    assert found.id == "INC-PM-203" and found.severity == "high"
    assert _texts(text) == ["sqlite3.OperationalError: database is locked"]


def test_maori_labels_with_or_without_macrons_and_its_verdicts() -> None:
    for ngā, pūtake in (("Ngā", "Pūtake"), ("Nga", "Putake")):
        text = (
            "**Tohu Aituā:** INC-PM-204\n**Te Taumaha:** Nui rawa\n\n"
            f"**{ngā} Tohu:**\n{_LOCKED}"
            "* `sqlite3.OperationalError: no such table: runs` \u2014 he pūiro kē tēnā,"
            " kaua e tatau.\n\n"
            "**Ehara i te hapa:**\n* `WARNING retrying import after database is locked`\n\n"
            f"**Te {pūtake}:**\n* VACUUM.\n"
        )
        found = _one(text)
        assert found.severity == "critical", ngā
        assert _texts(text) == ["sqlite3.OperationalError: database is locked"], ngā


def test_a_maori_clause_after_a_log_text_is_no_part_of_it() -> None:
    text = (
        "**Tohu Aituā:** INC-PM-205\n**Te Taumaha:** Iti\n\n**Ngā Tohu:**\n"
        "* I tuhi a Postgres i te ERROR:  deadlock detected mō ngā rere e rua\n"
    )
    assert _texts(text) == ["ERROR: deadlock detected"]


def test_a_long_head_whose_last_clause_sets_aside_sets_aside_its_list() -> None:
    # (a HedgeDoc note's `:::warning` container around it)
    text = (
        "## INC-PM-206 Events not sent\n\n**Severity:** High\n\n### What happened\n"
        "The sender logged `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n\n"
        ":::warning\nThree kinds of lines in the same window look related but are **not**"
        " what we count:\n"
        "- `Connection failed: KafkaConnectionError: 111 ECONNREFUSED` from the old brokers.\n"
        "- `Bootstrap failed: KafkaTimeoutError: Unable to bootstrap from 10.0.0.2:9092`\n"
        ":::\n\n### Root cause\nBrokers moved.\n"
    )
    assert _texts(text) == ["KafkaTimeoutError: Failed to update metadata after <secs:num> secs"]


def test_a_plain_long_head_over_a_list_sets_nothing_aside() -> None:
    text = (
        "## INC-PM-207 Events not sent\n\n**Severity:** High\n\n### What happened\n"
        "The sender logged these two errors over and over, not just the timeouts:\n"
        "- `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n"
        "- `Connection failed: KafkaConnectionError: 111 ECONNREFUSED`\n"
    )
    assert len(_texts(text)) == 2


def test_a_quote_granted_to_be_the_same_is_no_verdict_on_the_pasted_line() -> None:
    text = (
        "## INC-PM-208 Reservations stuck\n\n**Severity:** Medium\n\n**Symptoms:**\n\n"
        "The restock job mailed this:\n\n```\n"
        "ERROR 1205 (HY000) at line 1: Lock wait timeout exceeded; try restarting transaction\n"
        "```\n\n**Not related:**\n"
        "* The `(1213, 'Deadlock found when trying to get lock; try restarting transaction')`"
        ' from rebalance is a different deadlock, though the tail "try restarting transaction"'
        " is the same. Not this incident.\n"
    )
    assert _texts(text) == [
        "ERROR 1205 (HY000) at line <line:int>: Lock wait timeout exceeded; try restarting"
        " transaction"
    ]


def test_a_name_with_a_note_in_brackets_and_our_own_warning_are_no_symptoms() -> None:
    # (a Slab post's `> [!TIP]` callout)
    text = (
        "## INC-PM-209 · Carts lost\n\n| Field | Value |\n|---|---|\n| Severity | 🟡 Medium |\n\n"
        "### What we saw\n\n- memcached answered SERVER_ERROR out of memory storing object.\n\n"
        "> [!TIP]\n> `MemcacheServerError: b'object too large for cache'` is a different"
        ' SERVER_ERROR (a single blob over 1 MB). And the WARNING "cache nearly full (…)"\n'
        "> is our own capacity warning, it names the error but isn't one.\n"
    )
    assert _texts(text) == ["SERVER_ERROR out of memory storing object"]


def test_the_useful_part_of_a_long_error_and_what_was_under_it() -> None:
    text = (
        "## INC-PM-210 Quotes failed\n\n**Severity:** Medium\n\n### What happened\n"
        "Every quote failed. The error was long; the useful part was\n"
        "Failed to resolve 'pricing.invalid' ([Errno -2] Name or service not known)\n"
        "and under it the resolver's own socket.gaierror: [Errno -2] Name or service not"
        " known.\n"
    )
    assert _texts(text) == [
        "Failed to resolve '<host>' ([Errno -2] Name or service not known)",
        "socket.gaierror: [Errno -2] Name or service not known",
    ]


def test_a_short_english_label_is_no_misspelt_maori_date() -> None:
    # Māori's bare `Rā` (date) would make `**Ran:**` a misspelt label and refuse the incident;
    # only `Te Rā` is a label.
    text = (
        "**Incident ID:** INC-PM-209\n**Title:** Disk filled\n**Severity:** High\n\n"
        "**Ran:** `./backup.sh --full`\n\n**Symptoms:**\n"
        "* `OSError: [Errno 28] No space left on device`\n\n"
        "**Root Cause:**\n* Old dumps kept.\n\n**Resolution:**\n* Pruned.\n"
    )
    found = _one(text)
    assert found.id == "INC-PM-209"
    assert _texts(text) == ["OSError: [Errno 28] No space left on device"]
    maori = text.replace("**Ran:** `./backup.sh --full`", "**Te Rā:** 2026-03-02")
    assert _one(maori).id == "INC-PM-209"
