"""Issue #11, twelfth pass, thirty-third round: labels, severities and verdicts in Faroese,
Javanese and Assamese; a Faroese verb of saying before an unquoted log text; pm2's prefix on a
pasted app line (docs/incident-log-format.md, "Thirty-third round", says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.reader import compile_incident_log

READ_ONLY = "redis.exceptions.ReadOnlyError: You can't write against a read only replica."
READ_ONLY_SYMPTOM = READ_ONLY.rstrip(".")
NOSCRIPT = "redis.exceptions.ResponseError: NOSCRIPT No matching script. Please use EVAL."


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            f"""**Hendingar-ID:** INC-PM-201
**Dagfesting:** 4. apríl 2026
**Álvarsstig:** Kritiskt
**Heiti:** Kurvin goymdi einki eftir failover
**Ávirkaðar tænastur:** cart-api

**Eyðkenni:**
* Í logginum hjá cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` kom frá náttarjobbinum – tað er ein annar feilur, ikki partur av hesi hending.

**Grundorsøk:**
* Sentinel vísti enn á gamla primary.

**Tiltøk:**
* [Gjørt] Klientin lesur primary úr Sentinel.
""",
            "critical",
        ),
        (
            f"""**Nomer Kedadeyan:** INC-PM-201
**Tanggal:** 4 April 2026
**Tingkat Abote:** Endhek
**Irah-irahan:** Kranjang ora kasimpen sawise failover
**Layanan sing kena:** cart-api

**Gejala:**
* Ing log cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` saka job reindex, kuwi masalah liya, aja dietung.

**Oyot Masalah:**
* Sentinel isih nuduhake primary lawas.

**Tindak Lanjut:**
* [x] Klien maca primary saka Sentinel.
""",
            "low",
        ),
        (
            f"""**ঘটনাৰ আইডি:** INC-PM-201
**তাৰিখ:** 2026-04-04
**গুৰুত্ব:** সংকটজনক
**শিৰোনাম:** failover-ৰ পিছত কাৰ্ট সংৰক্ষণ নহ'ল
**প্ৰভাৱিত সেৱা:** cart-api

**লক্ষণ:**
* cart-api-ৰ লগত: `{READ_ONLY}`
* `{NOSCRIPT}` — ৰাতিৰ reindex job-ৰ, এই ঘটনাৰ লগত কোনো সম্পৰ্ক নাই।

**মূল কাৰণ:**
* Sentinel-এ পুৰণি primary দেখুৱাই আছিল।

**কৰিবলগীয়া কাম:**
* [সম্পন্ন] ক্লায়েণ্টে Sentinel-ৰ পৰা primary পঢ়ে।
""",
            "critical",
        ),
    ],
    ids=["faroese", "javanese", "assamese"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-201", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "aside",
    [
        # Faroese: nothing to do with it; only a warning, not to be counted
        f"* `{NOSCRIPT}` hevur einki við hesa hending at gera.",
        f"* `{NOSCRIPT}`: bara ein ávaring, skal ikki teljast.",
        # Javanese: not the cause, only a consequence; no relation to this incident
        f"* `{NOSCRIPT}`: dudu sababe, mung akibat restart.",
        f"* `{NOSCRIPT}` ora ana hubungane karo kedadeyan iki.",
        # Assamese: another problem, do not count it; only a warning, not an error
        f"* `{NOSCRIPT}` — এইটো বেলেগ সমস্যা, গণনা নকৰিব।",
        f"* `{NOSCRIPT}` — কেৱল সতৰ্কবাণী, ত্ৰুটি নহয়।",
    ],
    ids=["fo-nothing", "fo-warning", "jv-cause", "jv-relation", "as-other", "as-warning"],
)
def test_a_line_set_aside_in_the_teams_language_is_no_symptom(aside: str) -> None:
    assert symptoms_of(f"* `{READ_ONLY}`\n{aside}") == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        f"* Eisini `{NOSCRIPT}` í stderr. Hatta var IKKI orsøkin: Rannvá koyrdi `redis-cli"
        " --eval` á test-maskinuni.",
        f"* Ana uga baris `{NOSCRIPT}`. Iki **dudu** errore: kuwi skrip `warm-cache` sing"
        " mlaku bengi.",
        f"* ৰাতি `{NOSCRIPT}` দুবাৰ আহিছিল। সেইটো আমাৰ নিজৰ চেক।",
    ],
    ids=["faroese", "javanese", "assamese"],
)
def test_a_next_sentence_that_refers_back_in_the_teams_language(item: str) -> None:
    # (the Javanese one has a quote of its own in the sentence that judges: only the word that
    # refers back ties the verdict to the line before)
    assert symptoms_of(f"* `{READ_ONLY}`\n{item}") == (READ_ONLY_SYMPTOM,)


def test_a_javanese_head_that_sets_aside_the_list_under_it() -> None:
    item = f"* Sing dudu masalah iki:\n  * `{NOSCRIPT}` (bengi, saka job reindex)"
    assert symptoms_of(f"* `{READ_ONLY}`\n{item}") == (READ_ONLY_SYMPTOM,)


def test_an_assamese_verdict_label_before_the_quote() -> None:
    item = f'* **এইটো এই ঘটনা নহয়:** "{NOSCRIPT}"'
    assert symptoms_of(f"* `{READ_ONLY}`\n{item}") == (READ_ONLY_SYMPTOM,)


def test_an_unquoted_log_text_after_a_faroese_verb_of_saying() -> None:
    # (`segði` said what the program logged; `segði at …` is what a person said, and Faroese
    # words after it are the author's: `loggaði undantakið …`, it logged the exception)
    found = symptoms_of(
        "* Útflutningurin (sqlite) segði database or disk is full\n"
        "* Turið segði at tað var seint um kvøldið, og tað tók leingi\n"
        "* Klientin loggaði undantakið frá requests; tað stóð í logginum"
    )
    assert found == ("database or disk is full",)


def test_pm2s_prefix_is_no_part_of_the_apps_line() -> None:
    block = (
        "* Úr `pm2 logs worker --err`:\n\n```\n"
        "0|worker  | Error: connect ECONNREFUSED 10.0.0.5:6379\n"
        "0|worker  |     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
        "```\n"
    )
    assert symptoms_of(block) == ("Error: connect ECONNREFUSED <ip>:<port:int>",)
