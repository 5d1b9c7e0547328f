"""The labels of the house format in Afaan Oromoo, chiShona and Wolof (labels.py adds them to the
others): Oromo in Qubee, its long vowels and geminates doubled (`mallattoolee`, `furmaata`) and
its glottal stop written with the hudhaa (`'`, straight or curly: `ol'aanaa`), as some write it
with single letters (`malattole`) or without the hudhaa; Shona agglutinated, its class prefixes
glued to the noun (`zviratidzo`, `chakakonzera`, `yechiitiko`); Wolof as its official spelling
writes it (`màndarga`, `liggéey`, `ñ`, `ë`) and as a French keyboard or school does (`mandarga`,
`liggey`, `gn` or `ny` for `ñ`, `kh` for `x`). `OM_SN_WO` holds them all. A line per language,
`|` between spellings. The sections that say their items are not the incident's (`Kan balaa
kanaa hin taane`, `Zvisiri zviratidzo`, `Li du màndarga`) are no field: what is under them is
never a symptom."""

from __future__ import annotations

import re

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "lakkoofsa balaa|lakk. balaa|lakkoofsa taatee|lakkoofsa taateewwanii|id balaa"
        "|lakkoofsa rakkoo|lakkoofsa balaa id",
        "nhamba yechiitiko|nhamba yechiitiko id|id yechiitiko|chiitiko nhamba|nhamba yenjodzi",
        "nimero xew-xew|nimero xew-xew bi|numéro xew-xew|limu xew-xew|id xew-xew|xew-xew id",
    ),
    "title": (
        "mata-duree|mata duree|mata-duree balaa|matadureewwan",
        "musoro|musoro wechiitiko|musoro wenyaya|zita rechiitiko",
        "tur|tur bi|turu xew-xew bi|turu xew-xew",
    ),
    "date": (
        "guyyaa|guyyaa balaa|guyyaa taatee|guyyaa itti uumame",
        "zuva|zuva rechiitiko|musi|musi wechiitiko",
        "bés|bés bi|bésu xew-xew bi|besu xew-xew",
    ),
    "severity": (
        "hammeenya|hammeenya balaa|sadarkaa hammeenyaa|cimina|ciminaa balaa|ulfaatina",
        "kukomba|kukomba kwechiitiko|kuoma|huremu|chiyero chekukomba|kukosha",
        "diisaay|diisaay bi|diisaayu xew-xew bi|solo|gravité",
    ),
    "services": (
        "tajaajila miidhame|tajaajiloota miidhaman|tajaajila tuqame|tajaajiloota tuqaman"
        "|tajaajiloota|tajaajila",
        "masevhisi akabatwa|masevhisi akakanganiswa|masevhisi akakanganisika|masevhisi"
        "|mabasa akabatwa",
        "sàrwiis yi mu laal|sàrwiis yi ñu laal|sàrwiis yi|sàrwiis bi mu laal|service yi mu laal",
    ),
    "symptoms": (
        "mallattoolee|mallattoo|mallattoowwan|mallattoolee balaa|waan argine|kan argine"
        "|waan argame",
        "zviratidzo|chiratidzo|zviratidzo zvechiitiko|zvatakaona|zvakaonekwa",
        "màndarga yi|màndarga|màndargay xew-xew bi|li nu gis|li ñu gis|lu nu gis|lu ñu gis",
    ),
    "root_cause": (
        "sababa hundee|sababni hundee|sababa bu'uuraa|sababa|maddi rakkoo|hundee rakkoo|ka'umsa",
        "chakakonzera|chikonzero|chikonzero chikuru|mudzi wedambudziko|chakakonzera chiitiko",
        "li ko waral|lu ko waral|li waral xew-xew bi|sabab|sabab bi|sababu xew-xew bi",
    ),
    "resolution": (
        "furmaata|furmaata kenname|akkaataa itti furame|wanta hojjetame|sirreeffama",
        "magadzirisiro|kugadzirisa|zvakagadziriswa|mhinduro|zvatakaita",
        "saafara|saafara bi|li nu def|li ñu def|naka lañu ko saafaraa|pexe",
    ),
    "action_items": (
        "hojiiwwan itti aanan|hojii itti aanu|tarkaanfiiwwan itti aanan|tarkaanfiiwwan"
        "|hojiiwwan hafan|hojiiwwan",
        "zvichaitwa|zvinofanira kuitwa|matanho anotevera|zvinotevera|mabasa anotevera",
        "liggéey yi des|li des|li war a def|jëf yi des|liggéey yi nu war a def",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, owner, links; not related, not of this
        # incident, what we do not count)
        "dhiibbaa|miidhaa|tartiiba yeroo|hiriira yeroo|cuunfaa|barnoota|waan barannee"
        "|yaadannoo|hidhamtoota|abbaa qabeenyaa|kan wal hin qabanne|kan balaa kanaa hin taane"
        "|kan hin lakkaa'amne",
        "mhedzisiro|kukanganisa|nhevedzano yenguva|pfupiso|zvidzidzo|zvatakadzidza|zvinyorwa"
        "|muridzi|zvisina chekuita nechiitiko|zvisiri zviratidzo|zvatisingaverengi",
        "njeexital|li mu laal|diir bi|gàttal|li nu jàng|ku ko yor|lonkoo yi|li du màndarga"
        "|amul lonkoo|li nu limul",
    ),
}

# Oromo's long vowels and geminates, which some write single (`mallattoolee`, `malattole`)
_DOUBLED = re.compile(r"([a-z])\1")
# Wolof's letters as French spelling writes them (`ñ` as `gn` or `ny`, `x` as `kh`)
_WO = (("ñ", "gn"), ("ñ", "ny"), ("x", "kh"))


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its accents, with single letters for doubled ones, with
    Wolof's `ñ` and `x` as French spells them, and with the hudhaa curly or left out."""
    forms = [spelling, unaccented(spelling), _DOUBLED.sub(r"\1", spelling)]
    forms += [unaccented(spelling).replace(a, b) for a, b in _WO if a in spelling]
    if "'" in spelling:
        forms += [s.replace("'", q) for s in list(forms) for q in ("\u2019", "")]
    return forms


OM_SN_WO = spelt_table(_AS_WRITTEN, _spelt)
