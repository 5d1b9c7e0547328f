"""Issue #11, twelfth pass, thirty-fifth round: labels, severities and verdicts in Kurmanji
Kurdish, Dhivehi (Thaana, right to left) and Malagasy; their verbs of saying before an unquoted
message (docs/incident-log-format.md, "Thirty-fifth round", says the rules)."""

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
            f"""**Hejmara bûyerê:** INC-PM-401
**Dîrok:** 2026-04-04
**Giranî:** Bilind
**Sernav:** Piştî failover selik nehat tomarkirin
**Xizmetên bandorbûyî:** cart-api

**Nîşan:**
* Di logê cart-api de: `{READ_ONLY}`
* `{NOSCRIPT}` ji karê reindex tê, ne xeletiya vê bûyerê ye.

**Sedema bingehîn:** Sentinel hê nîşanî primary a kevn dida.

**Karên paşê:**
* [x] client primary ji Sentinel dixwîne
""",
            "high",
        ),
        (
            f"""<div dir="rtl" lang="dv">

**ހާދިސާގެ އައިޑީ:** INC-PM-401
**ތާރީޚު:** 4 އޭޕްރިލް 2026
**ނުރައްކާގެ މިންވަރު:** ދަށް
**ސުރުޚީ:** ފެއިލްއޯވަރު ފަހުން ކާޓް ސޭވް ނުވި
**އަސަރުކުރި ޚިދުމަތްތައް:** cart-api

**އަލާމާތްތައް:**
* cart-api ލޮގުގައި: `{READ_ONLY}`
* `{NOSCRIPT}` އަކީ reindex ޖޮބުގެ ލައިން. އެއީ މި ހާދިސާގެ އެރަރެއް ނޫން.

**އަސްލު ސަބަބު:** Sentinel އިން ދެއްކީ ބޭރު primary.

</div>
""",
            "low",
        ),
        (
            f"""**Laharan'ny tranga:** INC-PM-401
**Daty:** 2026-04-04
**Hamafin’ny olana:** Antonony
**Lohateny:** Tsy voatahiry ny harona taorian'ny failover
**Serivisy voakasika:** cart-api

**Soritr'aretina:**
* Tao amin'ny log an'ny cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` avy amin'ny job reindex, olana hafa, tsy hadisoana amin'ity tranga ity.

**Antony fototra:** Mbola nanondro ny primary taloha ny Sentinel.

**Asa atao:**
* [Vita] Mamaky ny primary avy amin'ny Sentinel ny client
""",
            "medium",
        ),
    ],
    ids=["kurmanji", "dhivehi", "malagasy"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-401", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "verdict",
    [
        # Kurmanji: we do not count it; only a check; another problem; not of this incident
        "Em `{}` nahesibînin, karê reindex e.",
        "`{}` tenê kontrola me ye.",
        "`{}` pirsgirêkeke din e (OPS-12).",
        "`{}`: ne ji vê bûyerê ye.",
        # Dhivehi: not a cause; a separate problem; do not count it
        "`{}` އަކީ ސަބަބެއް ނޫން.",
        "`{}` އަކީ ވަކި މައްސަލައެއް.",
        "`{}` ނުގުނާ، reindex ޖޮބުގެ ލައިން.",
        # Malagasy: do not count it; only a warning; not related to this
        "`{}`: aza isaina.",
        "`{}` fampitandremana fotsiny.",
        "`{}`: tsy mifandray amin'ity tranga ity.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{READ_ONLY}`\n* {verdict.format(NOSCRIPT)}"
    assert symptoms_of(symptoms) == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        'Girêdana DB nivîsand could not translate host name "db.invalid" to address',
        'DB ގުޅުމުން ބުނީ could not translate host name "db.invalid" to address',
        'Ny fifandraisana DB dia nanoratra could not translate host name "db.invalid" to address',
    ],
    ids=["kurmanji", "dhivehi", "malagasy"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    assert symptoms_of(f"* {said}") == ('could not translate host name "<host>" to address',)
