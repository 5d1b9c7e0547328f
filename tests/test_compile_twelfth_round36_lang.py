"""Issue #11, twelfth pass, thirty-sixth round: labels, severities and verdicts in Scottish
Gaelic, Igbo and Yiddish (Hebrew script, right to left, with or without its points and
ligatures); their verbs of saying before an unquoted message; a log file's name and how often
before the colon (docs/incident-log-format.md, "Thirty-sixth round", says the rules)."""

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
            f"""**Àireamh an tachartais:** INC-PM-402
**Ceann-latha:** 2026-04-04
**Trom-chùis:** Ìosal
**Tiotal:** Cha deach an cairt a shàbhaladh às dèidh failover
**Seirbheisean:** cart-api

**Comharran:**
* Ann an log cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` bhon obair reindex; chan e mearachd an tachartais seo a th' ann.

**Bun-adhbhar:** Bha Sentinel fhathast a' comharrachadh an t-seann fhrithealaiche.

**Gnìomhan:**
* [x] an client a' leughadh an fhrithealaiche bho Sentinel
""",
            "low",
        ),
        (
            f"""**Nọmba Ihe Mberede:** INC-PM-402
**Ụbọchị:** 2026-04-04
**Ịdị Njọ:** Dị oke njọ
**Isiokwu:** Echekwaghị cart mgbe failover gasịrị
**Ọrụ Metụtara:** cart-api

**Ihe Ịrịba Ama:**
* N'ime log cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` si na job reindex; ọ bụghị njehie nke ihe mberede a.

**Isi Ihe Kpatara Ya:** Sentinel ka na-atụ aka na primary ochie.

**Ihe A Ga-eme:**
* [x] client na-agụ primary site na Sentinel
""",
            "critical",
        ),
        (
            f"""<div dir="rtl" lang="yi">

**אינצידענט־נומער:** INC-PM-402
**דאַטע:** 2026-04-04
**ערנסטקייט:** מיטל
**טיטל:** דער קאָרב איז נישט געראַטעוועט געוואָרן נאָכן failover
**באַטראָפֿענע סערוויסן:** cart-api

**סימפּטאָמען:**
* אין cart-api־לאָג: `{READ_ONLY}`
* `{NOSCRIPT}` קומט פֿון דער reindex־אַרבעט; דאָס איז נישט קיין טעות פֿון דעם אינצידענט.

**וואָרצל־סיבה:** Sentinel האָט נאָך געוויזן אויף דעם אַלטן primary.

</div>
""",
            "medium",
        ),
        (
            # (Yiddish as a keyboard without points writes it, its double yod a ligature)
            f"""**אינצידענט־נומער:** INC-PM-402
**דאטע:** 2026-04-04
**ערנסטקײט:** הויך
**טיטל:** דער קארב איז נישט געראטעוועט געווארן
**באטראפענע סערוויסן:** cart-api

**סימפטאמען:**
* אין cart-api־לאג: `{READ_ONLY}`
* `{NOSCRIPT}` קומט פון דער reindex־ארבעט, נישט דער פעלער פון דעם אינצידענט.

**ווארצל־סיבה:** Sentinel האט נאך געוויזן אויף דעם אלטן primary.
""",
            "high",
        ),
    ],
    ids=["gaelic", "igbo", "yiddish", "yiddish-unpointed"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-402", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "verdict",
    [
        # Gaelic: do not count it; another bug; nothing to do with this incident; only a warning
        "`{}`: na cunntaibh e, 's e obair reindex a th' ann.",
        "`{}` — bug eile (OPS-12).",
        "Chunnaic sinn `{}` cuideachd, ach chan eil gnothach aige ris an tachartas seo.",
        "`{}` — rabhadh a-mhàin.",
        # Igbo: another problem; no relation to this incident; we did not count it; not the error
        "`{}` bụ nsogbu ọzọ (OPS-12).",
        "Anyị hụrụ `{}`, mana ọ nweghị ihe jikọrọ ya na ihe mberede a.",
        "`{}`: anyị agụghị ya.",
        "`{}` abụghị njehie ahụ.",
        # Yiddish: another thing; we do not count it; not the error; not related (unpointed)
        "`{}` איז אַן אַנדער זאַך (OPS-12).",
        "`{}` — מיר רעכענען עס נישט.",
        "`{}` איז **נישט** דער פֿעלער.",
        "`{}` איז נישט שייך צו דעם אינצידענט.",
        "`{}` איז נישט קײן טעות.",
        # ... in a next sentence that refers back to it (that is another bug, problem, thing)
        "`{}` bhon obair reindex. Sin bug eile.",
        "`{}` si na job reindex. Nke ahụ bụ nsogbu ọzọ.",
        "`{}` קומט פֿון reindex. דאָס איז אַן אַנדער זאַך.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{READ_ONLY}`\n* {verdict.format(NOSCRIPT)}"
    assert symptoms_of(symptoms) == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        'Bha an ceangal DB ag ràdh could not translate host name "db.invalid" to address',
        'Njikọ DB kwuru could not translate host name "db.invalid" to address',
        'די DB־פֿאַרבינדונג האָט געזאָגט could not translate host name "db.invalid" to address',
    ],
    ids=["gaelic", "igbo", "yiddish"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    assert symptoms_of(f"* {said}") == ('could not translate host name "<host>" to address',)


@pytest.mark.parametrize(
    "each",
    ["for each upload", "airson gach luchdadh", "maka nke ọ bụla", "פֿאַר יעדן"],
    ids=["english", "gaelic", "igbo", "yiddish"],
)
def test_a_log_files_name_and_how_often_before_the_colon_label_the_message(each: str) -> None:
    said = f"nginx error.log {each}: client intended to send too large body: 2097152 bytes"
    assert symptoms_of(f"* {said}") == ("client intended to send too large body: <bytes:datasize>",)


def test_an_english_label_one_letter_from_a_gaelic_one_is_no_misspelt_label() -> None:
    text = (
        "**Incident ID:** INC-9\n**Title:** T\n**Severity:** Low\n**Total:** 212 errors\n\n"
        f"**Symptoms:**\n* `{READ_ONLY}`\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    assert log.incidents[0].symptoms == (READ_ONLY_SYMPTOM,)
