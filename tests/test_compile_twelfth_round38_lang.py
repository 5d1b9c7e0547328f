"""Issue #11, twelfth pass, thirty-eighth round: labels, severities and verdicts in Afaan Oromoo
(Qubee's doubled letters written doubled or single, the hudhaa or none, `… miti`, `hin …`),
chiShona (`haisi`, `hachisi`, `zvisiri`, `kwete`, tenses glued to the verb) and Wolof (`du`,
`duñu`, `-ul`, `ñ`, `ë`, `à` or their French-style spellings); their verbs of saying and words of
how often; Oromo's verb after the message; a word an elision cuts; systemd's note on a unit in a
traceback block (docs/incident-log-format.md, "Thirty-eighth round", says the rules)."""

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
            f"""**Lakkoofsa Balaa:** INC-PM-602
**Guyyaa:** 2026-05-05
**Hammeenya:** Gadi-aanaa
**Mata-duree:** Gaariin failover booda hin kuufamne
**Tajaajila Miidhame:** cart-api

**Mallattoolee:**
* Log cart-api keessaa: `{READ_ONLY}`
* `{NOSCRIPT}` job reindex irraa dhufe; dogoggora balaa kanaa miti.

**Sababa Hundee:** Sentinel ammallee primary durii agarsiisaa ture.

**Hojiiwwan Itti Aanan:**
* [x] client-iin primary Sentinel irraa dubbisa
""",
            "low",
        ),
        (
            # (Oromo with single letters for doubled ones and no hudhaa)
            f"""**Lakofsa Bala:** INC-PM-602
**Guya:** 2026-05-05
**Hamenya:** Olaana
**Mata-dure:** Gaariin failover booda hin kuufamne
**Tajajila Miidhame:** cart-api

**Malatole:**
* Log cart-api keessaa: `{READ_ONLY}`
* `{NOSCRIPT}` job reindex irraa dhufe, bug biraa.

**Sababa Hunde:** Sentinel ammallee primary durii agarsiisaa ture.
""",
            "high",
        ),
        (
            f"""**Nhamba yeChiitiko:** INC-PM-602
**Zuva:** 2026-05-05
**Kukomba:** Zvakaipisisa
**Musoro:** Ngoro hadzina kuchengetwa mushure me failover
**Masevhisi akabatwa:** cart-api

**Zviratidzo:**
* Log ye cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` yakabva ku reindex job; iyi haisi error yechiitiko ichi.

**Chakakonzera:** Sentinel yakanga ichiri kunongedza ku primary yekare.

**Zvichaitwa:**
* [x] client inoverenga primary ku Sentinel
""",
            "critical",
        ),
        (
            f"""**Nimero xew-xew:** INC-PM-602
**Bés:** 2026-05-05
**Diisaay:** Bu diggante
**Tur:** Panier yi dañu réer ginnaaw failover bi
**Sàrwiis yi mu laal:** cart-api

**Màndarga yi:**
* Ci log cart-api bi: `{READ_ONLY}`
* `{NOSCRIPT}` job reindex bi moo ko bind; du njumte bi.

**Li ko waral:** Sentinel bi dafa doon wone primary bu yàgg bi.

**Liggéey yi des:**
* [x] client bi dafay jàng primary bi ci Sentinel
""",
            "medium",
        ),
        (
            # (Wolof as a French keyboard writes it: `mandarga`, `gn` for `ñ`, `kh` for `x`)
            f"""**Nimero khew-khew:** INC-PM-602
**Bes:** 2026-05-05
**Diisaay:** Bu kawe lool
**Tur:** Panier yi dagnu reer ginnaaw failover bi
**Sarwiis yi mu laal:** cart-api

**Mandarga yi:**
* Ci log cart-api bi: `{READ_ONLY}`
* `{NOSCRIPT}` job reindex bi moo ko bind; dugnu njumte yi.

**Li ko waral:** Sentinel bi dafa doon wone primary bu yagg bi.
""",
            "critical",
        ),
    ],
    ids=["oromo", "oromo-single-letters", "shona", "wolof", "wolof-french-spelling"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-602", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "verdict",
    [
        # Oromo: not the error; not related; do not count it; another bug; only a warning; an
        # info line; our own check
        "`{}` — dogoggora miti, job reindex irraa.",
        "`{}` balaa kana waliin wal hin qabatu.",
        "`{}` ni mul'ata, garuu hin lakkaa'inaa.",
        "`{}` — rakkoo biraa (OPS-12).",
        "`{}` akeekkachiisa qofa.",
        "`{}` — sarara odeeffannoo.",
        "`{}` balaa kana waliin walitti dhufeenya tokkollee hin qabu.",
        # Shona: it is not; which are not symptoms; nothing to do with it; merely info; do not
        # count it; another bug; our app's
        "`{}` — hachisi chikanganiso chechiitiko ichi.",
        "`{}` haina chekuita nechiitiko ichi.",
        "`{}` yaingova ruzivo chete.",
        "`{}` yakaonekwa. Musaiverenga.",
        "`{}` — bug yakasiyana (OPS-12).",
        "`{}` — mashoko e script yedu, kwete error.",
        "`{}` hazvina hukama nechiitiko ichi.",
        # Wolof: it is not the error; another bug; only a warning (`artu`); do not mix it; no link
        "`{}` — du njumte bi.",
        "`{}` beneen bug la (OPS-12).",
        "`{}` artu la rekk.",
        "`{}` nu gis ko, waaye bul ko boole ak màndarga yi.",
        "`{}` — amul benn lonkoo ak xew-xew bii.",
        "`{}` waralul xew-xew bi.",
        # ... in a next sentence that refers back to it
        "`{}` job reindex irraa dhufe. Kun balaa kanaa miti.",
        "`{}` yakabva ku reindex. Izvi hazvisi zviratidzo.",
        "`{}` job reindex bi moo ko bind. Loolu du njumte bi.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{READ_ONLY}`\n* {verdict.format(NOSCRIPT)}"
    assert symptoms_of(symptoms) == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        # Oromo: a negative verb of its own is no verdict (the pictures were not made), nor
        # `… qofa miti` (not only)
        f"Suuraaleen hin uumamne; log-iin `{READ_ONLY}` qofa miti, kan biroos ni jiru",
        # Shona: `kwete … chete` (not only) is no verdict
        f"Kwete cart-api chete: `{READ_ONLY}` yakaonekwa ku checkout futi",
        # Wolof: `du ko tëj` (it does not close it) denies no error
        f"Worker bi du ko tëj, log bi bind na `{READ_ONLY}`",
    ],
    ids=["oromo", "shona", "wolof"],
)
def test_words_near_a_verdict_are_none(said: str) -> None:
    assert symptoms_of(f"* {said}") == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    ["DB yakanyora could not translate host name", "DB bi bind na could not translate host name"],
    ids=["shona", "wolof"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    (symptom,) = symptoms_of(f'* {said} "db.invalid" to address')
    assert symptom.endswith('could not translate host name "<host>" to address')


def test_oromos_verb_after_an_unquoted_message_is_no_part_of_it() -> None:
    said = (
        "Redis-iin redis.exceptions.ResponseError: OOM command not allowed when used memory"
        " > 'maxmemory' jedhee deebise (client durii)."
    )
    assert symptoms_of(f"* {said}") == (
        "redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'",
    )


def test_a_word_an_elision_cuts_leaves_the_words_before_it() -> None:
    said = "Log: redis.exceptions.ResponseError: OOM command not allowed when used mem\u2026"
    assert symptoms_of(f"* {said}") == (
        "redis.exceptions.ResponseError: OOM command not allowed when used",
    )


def test_a_whole_word_before_an_elision_stays() -> None:
    said = "Log: redis.exceptions.ResponseError: OOM command not allowed when used memory\u2026"
    assert symptoms_of(f"* {said}") == (
        "redis.exceptions.ResponseError: OOM command not allowed when used memory",
    )


def test_systemds_note_on_a_unit_is_no_exception_of_the_traceback_above_it() -> None:
    block = (
        "* journalctl:\n\n```\n"
        "Mar 03 04:05:06 web-1 app[88]: 2026-03-03 04:05:06,100 ERROR export failed\n"
        "Mar 03 04:05:06 web-1 app[88]: Traceback (most recent call last):\n"
        'Mar 03 04:05:06 web-1 app[88]:   File "/srv/app/export.py", line 12, in run\n'
        "Mar 03 04:05:06 web-1 app[88]: OSError: [Errno 28] No space left on device: '/srv/a.tmp'\n"
        "Mar 03 04:05:06 web-1 app[88]: 2026-03-03 04:05:06,101 ERROR cannot write"
        " spool file: [Errno 28] No space left on device\n"
        "Mar 03 04:05:07 web-1 systemd[1]: app.service: Main process exited, code=exited,"
        " status=1/FAILURE\n```\n"
    )
    assert symptoms_of(block) == (
        "OSError: [Errno 28] No space left on device: '<path>'",
        "ERROR cannot write spool file: [Errno 28] No space left on device",
    )


@pytest.mark.parametrize(
    "each", ["yeroo hunda", "upload hundaaf", "pa upload yega yega", "nguva dzose", "saa su nekk"]
)
def test_a_log_files_name_and_how_often_before_the_colon_label_the_message(each: str) -> None:
    said = f"nginx error.log {each}: client intended to send too large body: 2097152 bytes"
    assert symptoms_of(f"* {said}") == ("client intended to send too large body: <bytes:datasize>",)
