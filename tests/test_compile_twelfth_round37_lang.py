"""Issue #11, twelfth pass, thirty-seventh round: labels, severities and verdicts in isiXhosa
(noun-class prefixes, a copula glued to the noun it negates), Quechua (Cusco-Collao's ejectives
or Ayacucho's bare stops, `mana … -chu`, suffixes glued to Spanish and English words) and
Esperanto (`ĉ ĝ ĥ ĵ ŝ ŭ`, or the x-system's `cx … ux`); their verbs of saying and words of how
often; Quechua's verb after the message (docs/incident-log-format.md, "Thirty-seventh round",
says the rules)."""

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
            f"""**Inombolo yesiganeko:** INC-PM-502
**Umhla:** 2026-05-05
**Ubunzima:** Buphantsi
**Isihloko:** Iinqwelo azigcinwanga emva kwe-failover
**Iinkonzo ezichaphazelekayo:** cart-api

**Iimpawu:**
* Kwi-log ye-cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` ivela kwi-job ye-reindex; asiyompazamo yesi siganeko.

**Unobangela:** I-Sentinel ibisakhomba kwi-primary endala.

**Izinto ekufuneka zenziwe:**
* [x] i-client ifunda i-primary kwi-Sentinel
""",
            "low",
        ),
        (
            f"""**Sasachakuy ID:** INC-PM-502
**P'unchaw:** 2026-05-05
**Sinchi kaynin:** Ancha hatun
**Suti:** Carrito mana waqaychasqachu failover qhipaman
**Llamk'ay hap'isqa:** cart-api

**Rikuchikuykuna:**
* cart-api log-pi: `{READ_ONLY}`
* `{NOSCRIPT}` reindex job-manta hamun; manam kay sasachakuypa pantayninchu.

**Saphi kaq:** Sentinel-qa mawk'a primary-tam rikuchichkarqan.

**Ruranakuna:**
* [x] client-qa Sentinel-manta primary-ta ñawirin
""",
            "critical",
        ),
        (
            # (Quechua as Ayacucho and a keyboard without the apostrophe write it)
            f"""**Sasachakuy ID:** INC-PM-502
**Punchaw:** 2026-05-05
**Sinchi kaynin:** Chawpi
**Suti:** Carrito mana waqaychasqachu failover qipaman
**Llamkay hapisqa:** cart-api

**Rikuchikuykuna:**
* cart-api log-pi: `{READ_ONLY}`
* `{NOSCRIPT}` reindex job-manta hamun, huk pantaymi.

**Sapi kaq:** Sentinel-qa mawka primary-tam rikuchichkarqan.
""",
            "medium",
        ),
        (
            f"""**Incidenta ID:** INC-PM-502
**Dato:** 2026-05-05
**Graveco:** Malalta
**Titolo:** Ĉaroj ne konservitaj post la failover
**Tuŝitaj servoj:** cart-api

**Simptomoj:**
* En la protokolo de cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` venas de la reindex-tasko; ĝi ne estas ĉi tiu eraro.

**Radika kaŭzo:** Sentinel ankoraŭ montris la malnovan primary.

**Agoj:**
* [x] la kliento legas la primary el Sentinel
""",
            "low",
        ),
        (
            # (Esperanto as the x-system types it)
            f"""**Incidenta ID:** INC-PM-502
**Dato:** 2026-05-05
**Graveco:** Tre alta
**Titolo:** Cxaroj ne konservitaj post la failover
**Tusxitaj servoj:** cart-api

**Simptomoj:**
* En la protokolo de cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` venas de la reindex-tasko; alia cimo, ne la eraro.

**Radika kauxzo:** Sentinel ankoraux montris la malnovan primary.
""",
            "critical",
        ),
    ],
    ids=["xhosa", "quechua", "quechua-ayacucho", "esperanto", "esperanto-x-system"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-502", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "verdict",
    [
        # isiXhosa: it is not it; they are not errors of this incident; another bug; nothing to
        # do with it; only a warning; our own check; not this one
        "`{}` — ayisiyiyo, yi-job ye-reindex.",
        "`{}`: ezi ayizompazamo zesi siganeko.",
        "`{}` iyenye i-bug (OPS-12).",
        "Sabona ne-`{}`, kodwa ayinanto yakwenza nesi siganeko.",
        "`{}` isisilumkiso kuphela.",
        "`{}` yi-script yethu yokucoca.",
        "Hayi le: `{}`.",
        # Quechua: not the error; another problem; it does not match; do not count it; only a
        # retry message (Cusco's and Ayacucho's spellings, suffixes glued to a borrowed word)
        "`{}` manan pantaychu.",
        "`{}` huk sasachakuymi (OPS-12).",
        "`{}` kay sasachakuywan mana tupanchu.",
        "Ama `{}` yupaychikchu.",
        "`{}` — retry willakuyllam.",
        "`{}` huk bug-mi, ama alerta-paq hapiychikchu.",
        # Esperanto: not this error; another problem; unrelated; do not confuse; only noise;
        # in the x-system
        "`{}` NE estas ĉi tiu eraro.",
        "`{}` — alia problemo (OPS-12).",
        "`{}` ne rilatas al la incidento.",
        "Ne konfuzu kun `{}`.",
        "`{}` estas nur bruo.",
        "`{}` estas ankaux ne la sama afero.",
        # ... in a next sentence that refers back to it
        "`{}` ivela kwi-reindex. Oku yenye ingxaki.",
        "`{}` reindex-manta. Chayqa huk pantaymi.",
        "`{}` venas de reindex. Tio estas alia cimo.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{READ_ONLY}`\n* {verdict.format(NOSCRIPT)}"
    assert symptoms_of(symptoms) == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        # isiXhosa: a negative verb of its own is no verdict (the customers could not pay)
        f"Abathengi abakwazanga ukuhlawula; i-log yabhala {READ_ONLY}",
        # Quechua: `mana … -chu` that denies no error (for both, not only for one)
        f"Postgres ERROR: `{READ_ONLY}` nirqan iskaynin run-paq, mana hukllapaqchu.",
        # Esperanto: a different path is no different error
        f"La sama eraro kun alia vojo: `{READ_ONLY}`",
    ],
    ids=["xhosa", "quechua", "esperanto"],
)
def test_words_near_a_verdicts_are_none(said: str) -> None:
    assert symptoms_of(f"* {said}") == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        "I-DB yabhala could not translate host name",
        "La DB-konekto skribis could not translate host name",
    ],
    ids=["xhosa", "esperanto"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    (symptom,) = symptoms_of(f'* {said} "db.invalid" to address')
    assert symptom.endswith('could not translate host name "<host>" to address')


def test_quechuas_verb_after_an_unquoted_message_is_no_part_of_it() -> None:
    said = (
        "Chaymantapas redis.exceptions.ResponseError: OOM command not allowed when used memory"
        " > 'maxmemory' hina rikukurqan (redis-py mawk'a versión)."
    )
    assert symptoms_of(f"* {said}") == (
        "redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'",
    )


@pytest.mark.parametrize(
    "each", ["kwi-upload nganye", "sapa kuti", "sapa upload-paq", "por ĉiu alŝuto", "cxiufoje"]
)
def test_a_log_files_name_and_how_often_before_the_colon_label_the_message(each: str) -> None:
    said = f"nginx error.log {each}: client intended to send too large body: 2097152 bytes"
    assert symptoms_of(f"* {said}") == ("client intended to send too large body: <bytes:datasize>",)
