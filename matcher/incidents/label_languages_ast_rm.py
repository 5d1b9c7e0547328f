"""The labels of the house format in Asturian and Romansh (labels.py adds them to the others):
Asturian as Xixón and Uviéu teams write it beside Spanish, its masculine `-u` and plural `-os`
(`Títulu`, `Servicios afeutaos`), its `ḷḷ` (western `ḷḷ`, written `ll` or `l.l` on a keyboard
without it) and its `y`/`x` where Spanish has `ll`/`j` (`Llinia`, `Xeres`); Romansh in Rumantsch
Grischun and the idioms teams also write (Sursilvan, Vallader: `Titel`, `Tetel`; `Soluziun`,
`Schliaziun`), with `d'`/`da` before a noun (`ID d'incident`). `AST_RM` holds them, a line per
language, `|` between spellings. The sections that say their items are not the incident's
(`Lo que nun ye esti fallu`, `Betg quest incident`) are no field: what is under them is never a
symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.incidents.label_languages_br_lg_gn import BR_LG_GN
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "númberu d'incidente|númberu del incidente|id d'incidente|id del incidente|incidente nᵘ"
        "|númberu d'incidencia|id d'incidencia|referencia del incidente",
        "id d'incident|numer d'incident|nr. d'incident|nr. da l'incident|id da l'incident"
        "|numer da l'incident|referenza d'incident",
    ),
    "title": (
        "títulu|títulu del incidente|nome del incidente|asuntu",
        "titel|tetel|titel da l'incident|num da l'incident",
    ),
    "date": (
        "data|data del incidente|data del incidente (utc)|fecha del incidente",
        "data|datum|data da l'incident",
    ),
    "severity": (
        "gravedá|gravedá del incidente|severidá|nivel de gravedá|prioridá|importancia",
        "grevezza|gravezza|grevezia|prioritad|impurtanza|grad da grevezza|stgalim da grevezza",
    ),
    "services": (
        "servicios afeutaos|servicios afectaos|servicios afeutados|servicios tocaos"
        "|sistemes afeutaos|servicios implicaos|componentes afeutaos",
        "servetschs pertutgads|servetschs pertutgà|servetschs pertutgai|servezzans pertocs"
        "|servetschs|sistems pertutgads",
    ),
    "symptoms": (
        "síntomes|síntomas|síntoma|lo que vimos|lo que se vio|señales|lo que vimos nos rexistros",
        "sintoms|sintom|simptoms|sintomas|quai che nus avain vis|tge che nus avain vis"
        "|observaziuns|indizis",
    ),
    "root_cause": (
        "causa de fondu|causa raíz|causa raigañu|causa principal|causa|orixe|por qué pasó|la causa",
        "chaschun|chaschun principala|la chaschun|raschun|raschun principala|motiv|causa",
    ),
    "resolution": (
        "resolución|solución|igua|l'igua|lo que se fixo|cómo s'iguó|cómo s'arregló|arreglu",
        "soluziun|schliaziun|la soluziun|reparaziun|tge ch'è vegnì fatg|quai ch'è vegnì fatg",
    ),
    "action_items": (
        "aiciones|acciones|aiciones de siguimientu|tarees|tarees pendientes|xeres|pasos siguientes"
        "|lo que queda por facer",
        "acziuns|acziuns da suandar|measiras|mesiras|lavurs|proxims pass|pass proxims|pendenzas",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, owner, links; not this incident, what we
        # do not count)
        "impautu|impactu|cronoloxía|llinia temporal|resumen|lleiciones|lo que deprendimos"
        "|notes|notes finales|responsable|enllaces|lo que nun ye esti fallu|nun ye esti incidente"
        "|descartao|descartaos|nun cunta",
        "consequenzas|cronologia|resumaziun|resumada|emprendì|quai che nus avain emprendì"
        "|remartgas|annotaziuns|responsabel|colliaziuns|links|betg quest incident|nagin sintom"
        "|betg l'errur|exclus",
    ),
}


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its accents, with Asturian's `ḷḷ` as `ll`, `l.l` or
    `ḷḷ` for `ll`, and with the apostrophe curly."""
    forms = [spelling, unaccented(spelling)]
    if "ll" in spelling or "ḷḷ" in spelling:
        plain = [f.replace("ḷḷ", "ll") for f in forms]
        forms += plain + [f.replace("ll", alt) for f in plain for alt in ("ḷḷ", "l.l")]
    if "'" in spelling:
        forms += [s.replace("'", "\u2019") for s in forms]
    return forms


AST_RM = spelt_table(_AS_WRITTEN, _spelt)

# Breton's, Luganda's and Guarani's tables with these (labels.py reads both through this name)
BR_TO_RM = {name: (*BR_LG_GN.get(name, ()), *AST_RM.get(name, ())) for name in AST_RM}
