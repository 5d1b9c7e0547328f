"""The labels of the house format in Breton, Luganda and Guarani (labels.py adds them to the
others): Breton with its mutations as they fall after the article (`an darvoud`, `ar c'hudenn`)
and its `c'h` written with a straight or curly apostrophe; Luganda with its class prefixes and
the elided vowel before an apostrophe (`ennamba y'ekizibu`, `eby'okukola`); Guarani as
Paraguayans write it beside Spanish (jopara), its nasal vowels and accents (`mba'épa`, `téra`)
and its puso (`'`) kept or dropped, and a Spanish gloss in brackets after the label
(`Téra (Título)`). `BR_LG_GN` holds them all, a line per language, `|` between spellings. The
sections that say their items are not the incident's (`N'eo ket an darvoud`, `Si bubonero`,
`Ndaha'éi jejavy`) are no field: what is under them is never a symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "niverenn an darvoud|niverenn an degouezh|niverenn ar gudenn|niv. darvoud|id an darvoud"
        "|darvoud niv.|niverenn",
        "ennamba y'ekizibu|ennamba y'obuzibu|namba y'ekizibu|ennamba y'ensobi|ennamba|id y'ekizibu",
        "incidente papapy|papapy|jejavy papapy|incidente id|número incidente",
    ),
    "title": (
        "titl|titl an darvoud|anv an darvoud|talbenn",
        "omutwe|omutwe gw'ekizibu|erinnya ly'ekizibu|erinnya",
        "téra|téra incidente|hérava|tema",
    ),
    "date": (
        "deiziad|deiz|deiziad an darvoud|d'an deiz",
        "olunaku|ennaku|olunaku lw'ekizibu|ddi",
        "ára|ára incidente|arange",
    ),
    "severity": (
        "pouez|pouezusted|grevusted|live|live ar grevusted|live pouez",
        "obuzito|obuzito bw'ekizibu|obukulu|obunene",
        "mba'eichaitépa ivaí|mba'éichapa ivaí|mba'eichaite ivaí|ivaikue|mbaretekue|tuichakue",
    ),
    "services": (
        "servijoù tizhet|servijoù|servij tizhet|servijoù touchet|servijoù lakaet da fall",
        "empeereza ezaakosebwa|empeereza ezakosebwa|empeereza|empeereza ezaakwatibwako",
        "servicio ojehupytýva|servicios ojehupytýva|mba'e ojehupytýva",
    ),
    "symptoms": (
        "azonoù|azon|arouezioù|arouez|ar pezh a welsomp|ar pezh a oa gwelet|pezh a welas",
        "obubonero|akabonero|bye twalaba|bye twalabye|ebyalabise|ebyalabika",
        "mba'épa jahecha|mba'épa jahechakuri|mba'e jahechava'ekue|techaukaha|jehechaukaha",
    ),
    "root_cause": (
        "abeg diazez|abeg|abeg pennañ|abeg don|orin|orin ar gudenn|gwrizienn ar gudenn",
        "ekyavaako|ekyavuddeko|ensibuko|ensibuko y'ekizibu|ekyaleeta ekizibu",
        "mba'érepa|mba'ére|mba'érepa oiko|ypykue|hapo|mba'e omoheñóiva",
    ),
    "resolution": (
        "diskoulm|diskoulmoù|an diskoulm|reizhadur|ar pezh a voe graet|pezh a zo bet graet",
        "engonjoola|okugonjoola|kye twakola|bye twakola|eky'okugonjoola",
        "mba'éichapa ojesoluciona|mba'éichapa jasoluciona|mba'éichapa ñamyatyrõ|ñemyatyrõ"
        "|mba'e jajapova'ekue",
    ),
    "action_items": (
        "oberoù da heul|oberoù|traoù d'ober|da ober|labourioù da heul",
        "eby'okukola|ebigenda okukolebwa|emirimu egisigaddeyo|eby'okukola ebiddako",
        "tembiapo|tembiapo oĩ hapykuéri|tembiapo hapykuéri|tembiapo ojejapo va'erã",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, owner, links; not this incident, what we
        # do not count)
        "levezon|efedoù|red an amzer|amzerlinenn|diverradur|kentelioù|ar pezh hon eus desket"
        "|notennoù|perc'henn|liammoù|n'eo ket an darvoud|lezet a-gostez|n'int ket azonoù",
        "ebyavaamu|ebyakosebwa|ebyafaayo|mu bufunze|bye twayize|ebiwandiiko|nnannyini"
        "|si bubonero|ebitakwatagana",
        "mba'épa ojehu|tiempo rupi|mbykyhápe|mba'épa ñaaprende|jehaipyre|ijára|ndaha'éi jejavy",
    ),
}


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its accents or tilde, and with the apostrophe curly or,
    for Guarani's puso, left out."""
    forms = [spelling, unaccented(spelling)]
    if "'" in spelling:
        forms += [s.replace("'", q) for s in list(forms) for q in ("\u2019", "")]
    return forms


BR_LG_GN = spelt_table(_AS_WRITTEN, _spelt)
