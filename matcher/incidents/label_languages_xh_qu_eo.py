"""The labels of the house format in isiXhosa, Quechua and Esperanto (labels.py adds them to the
others): isiXhosa with its noun-class prefixes (`iimpawu`, `isisombululo`), joined by a hyphen
to a borrowed word (`i-ID yesiganeko`); Quechua (runasimi) as Cusco-Collao writes it, with its
ejectives and aspirates (`p'unchaw`, `llamk'ay`, `saphi`), and as Ayacucho and keyboards
without the apostrophe write it (`punchaw`, `llamkay`, `sapi`), the apostrophe straight or
curly (U+2019), with the Spanish words its teams mix in; Esperanto with its circumflexed letters
and `ŭ` (`kaŭzo`, `tuŝitaj`), as the x-system types them (`kauxzo`, `tusxitaj`), as the
h-system does (`tushitaj`), and bare (`kauzo`). `XH_QU_EO` holds them all. A line per language,
`|` between spellings. The sections that say their items are not the incident's (`Ayinxulumananga`,
`Mana kay sasachakuymantachu`, `Ne rilataj`) are no field: what is under them is never a
symptom."""

from __future__ import annotations

import re

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "inombolo yesiganeko|i-id yesiganeko|id yesiganeko|isazisi sesiganeko"
        "|inombolo yesehlo|inombolo yesiganeko id",
        "sasachakuy id|sasachakuypa id-nin|sasachakuypa yupaynin|sasachakuy yupay"
        "|id sasachakuy|incidente id",
        "incidenta id|id de la incidento|incidento id|incidenta numero|numero de la incidento"
        "|identigilo de la incidento",
    ),
    "title": (
        "isihloko sesiganeko|isihloko|umxholo",
        "suti|sutin|sasachakuypa sutin|sasachakuy suti|titulo",
        "titolo|titolo de la incidento|temo",
    ),
    "date": (
        "umhla|umhla wesiganeko|umhla esenzeke ngawo",
        "p'unchaw|p'unchay|p'unchawnin|sasachakuypa p'unchawnin|fecha",
        "dato|dato de la incidento|okazdato",
    ),
    "severity": (
        "ubunzima|ubunzima besiganeko|inqanaba lobunzima|ubukhulu|ubungozi",
        "sinchi kaynin|sinchi kay|sinchikay|llasaq kaynin|llasaq kay|hatun kaynin|gravedad",
        "graveco|nivelo de graveco|gravecnivelo|grav-nivelo|prioritato",
    ),
    "services": (
        "iinkonzo ezichaphazelekayo|iinkonzo ezichatshazelweyo|iinkonzo ezichaphazelekileyo"
        "|iinkonzo",
        "llamk'ay hap'isqa|llamk'aykuna hap'isqa|hap'isqa llamk'aykuna|serviciokuna"
        "|servicios afectados",
        "tuŝitaj servoj|trafitaj servoj|koncernataj servoj|afektitaj servoj|servoj",
    ),
    "symptoms": (
        "iimpawu|iimpawu zesiganeko|esikubonileyo|oko sikubonileyo|izinto esizibonileyo",
        "rikuchikuykuna|rikuchikuy|rikusqakuna|rikusqanchik|imakunatam rikurqanchik"
        "|unanchakuna|sintomakuna",
        "simptomoj|simptomo|kion ni vidis|observoj|signoj",
    ),
    "root_cause": (
        "unobangela|unobangela oyintloko|oyena nobangela|unobangela wesiganeko|isizathu",
        "saphi kaq|sapi kaq|saphin|sapin|saphi kaqnin|saphi sasachakuy|imarayku karqan|causa raíz",
        "radika kaŭzo|kaŭzo|ĉefa kaŭzo|fundamenta kaŭzo|radikkaŭzo",
    ),
    "resolution": (
        "isisombululo|oko sikwenzileyo|esikwenzileyo|ukulungiswa|indlela esisombulule ngayo",
        "allichasqa|allichay|allichasqanchik|imaynatam allicharqanchik|allichakuy",
        "solvo|solvado|riparo|kion ni faris",
    ),
    "action_items": (
        "izinto ekufuneka zenziwe|izinto ezifuna ukwenziwa|amanyathelo alandelayo|amanyathelo"
        "|imisebenzi elandelayo",
        "ruranakuna|ruwanakuna|qatiq ruranakuna|hamuq ruranakuna|rurana",
        "agoj|agopunktoj|sekvaj paŝoj|farendaĵoj|plibonigoj",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, links; not related, not of this incident,
        # what we do not count)
        "impembelelo|isishwankathelo|ulandelelwano lwexesha|ixesha|izifundo|esikufundileyo"
        "|amanqaku|amakhonkco|ayinxulumananga|azinxulumananga|ayisosiganeko|esingazibaliyo",
        "ima hap'isqa|pacha siq'i|pachakuna|pisillapi|yachasqakuna|yachakusqanchik"
        "|willakuykuna|mana tupaqkuna|mana kay sasachakuymantachu|mana yupanachu",
        "efiko|tempolinio|kronologio|resumo|lecionoj|kion ni lernis|notoj"
        "|ne rilataj|ne rilatas|ne de ĉi tiu incidento|ne kalkulitaj|kion ni ne kalkulas",
    ),
}

# Esperanto's letters with a circumflex or breve, as the x-system and the h-system type them
_EO = {"ĉ": ("cx", "ch"), "ĝ": ("gx", "gh"), "ĥ": ("hx", "hh"), "ĵ": ("jx", "jh")}
_EO |= {"ŝ": ("sx", "sh"), "ŭ": ("ux", "u")}
# Quechua's ejectives and aspirates, which Ayacucho and a bare keyboard write as the plain stop
_QU_STOPS = re.compile(r"(?<=[kpqt])h|(?<=[chkpqt])'")


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its accents, in the x- and h-systems, without the
    apostrophe or aspirate of a stop, and with a curly apostrophe."""
    forms = [spelling, unaccented(spelling)]
    for system in (0, 1):
        forms.append("".join(_EO[c][system] if c in _EO else c for c in spelling))
    if "'" in spelling:
        forms += [_QU_STOPS.sub("", spelling), spelling.replace("'", "\u2019")]
    return forms


XH_QU_EO = spelt_table(_AS_WRITTEN, _spelt)
