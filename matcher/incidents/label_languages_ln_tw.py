"""The labels of the house format in Lingala and Twi (Akan) (labels.py adds them to the others):
Lingala as Kinshasa and Kisangani teams write it, its plural prefix `ba-` glued to French and
English words with a hyphen, a space or nothing (`ba-service`, `ba service`, `baservice`), its
tone marks written (`motó`) or not; Twi with its open vowels `ɛ` and `ɔ` (`Nsɛnkyerɛnne`,
`Nnwuma a ɛkaa ho`) and as a keyboard without them writes it, `e` and `o` (`Nsenkyerenne`).
`LN_TW` holds them all. A line per language, `|` between spellings. The sections that say their
items are not the incident's (`Oyo ezali likama oyo te`, `Nea ɛnyɛ asɛm yi`) are no field:
what is under them is never a symptom."""

from __future__ import annotations

import re

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "nimero ya likama|nimero ya likambo|id ya likama|id ya likambo|nimero ya incident"
        "|motango ya likama|likama nimero|likama id",
        "asɛm id|asɛm no id|asɛm nɔma|asɛm no nɔma|ɔhaw id|ɔhaw nɔma|asɛmsi id|asɛmsi nɔma",
    ),
    "title": (
        "motó ya likambo|motó ya likama|kombo ya likama|kombo ya likambo|motó|titre ya likama",
        "asɛmti|asɛm ti|asɛmti no|asɛm no ti|asɛm din|ɔhaw no din|asɛm no din",
    ),
    "date": (
        "mokolo|mokolo ya likama|mokolo ya likambo|dati|date ya likama",
        "da|ɛda|da a ɛsii|da a ɛbae|da no|bere a ɛsii",
    ),
    "severity": (
        "bozito|bozito ya likama|bozito ya likambo|bonene ya likama|bonene ya likambo"
        "|lolenge ya bozito|makasi ya likama",
        "ne mu den|emu den|ne mu duru|sɛnea ɛyɛ den|ne den|ne kɛseɛ|ne kɛse",
    ),
    "services": (
        "ba-service oyo ezuamaki|ba-service oyo etungisamaki|ba-service oyo ekweyaki"
        "|ba-service oyo esimbamaki|ba-service oyo ebebaki|ba-service|service oyo ezuamaki",
        "nnwuma a ɛkaa ho|nnwuma a ɛkaa|nnwuma a ɛfa ho|nnwuma a ɛhaw kaa|services a ɛkaa ho"
        "|nnwuma a asɛm no kaa",
    ),
    "symptoms": (
        "bilembo|elembo|bilembo ya likama|oyo tomonaki|makambo oyo tomonaki"
        "|biloko oyo tomonaki|oyo emonanaki|ba-symptôme",
        "nsɛnkyerɛnne|nsɛnkyerɛnne no|sɛnkyerɛnne|nea yɛhunuu|nea yɛhuu|nea yɛhunui"
        "|nneɛma a yɛhunuu|nea ɛdaa adi",
    ),
    "root_cause": (
        "ntina ya likama|ntina ya likambo|ntina|ntina ya solo|ntina ya liboso|eutelo ya likama"
        "|oyo ebimisaki likama|esika likama euti",
        "nea ɛde bae|nea ɛde baeɛ|nea ɛde asɛm no bae|ne farebae|nea ɛmaa ɛsii|nea ɛma ɛbae"
        "|ɔhaw no ntini|ntini|ne ntini|asɛm no ntini",
    ),
    "resolution": (
        "ndenge tobongisaki|ndenge ya kobongisa|bobongisi|ndenge tosilisaki|oyo tosalaki"
        "|ndenge tobongisaki yango|kobongisa",
        "sɛnea yɛsiesiee|sɛnea yɛsiesiee no|sɛnea wɔsiesiee|nea yɛyɛe|nea yɛyɛɛ|ano aduru"
        "|sɛnea yɛsiesii",
    ),
    "action_items": (
        "misala|misala oyo etikali|misala ya kosala|makambo ya kosala|oyo tosengeli kosala"
        "|misala ya sima|misala oyo ekosalema",
        "nneɛma a ɛsɛ sɛ yɛyɛ|nea ɛsɛ sɛ yɛyɛ|nnwuma a ɛsɛ sɛ yɛyɛ|nea yɛbɛyɛ"
        "|nneɛma a yɛbɛyɛ|nea aka a yɛbɛyɛ",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, owner, links; not related, not of this
        # incident, what we do not count)
        "bopusi|matomba|ndenge makambo elandanaki|lisolo ya ntango|bokuse|na mokuse|mateya"
        "|oyo toyekoli|bikomeli|nkolo|ba-lien|oyo ezali likama oyo te|makambo mosusu"
        "|oyo tozali kotanga te|oyo ezali na boyokani te",
        "nkɛntɛnso|sɛnea nneɛma kɔɔ so|bere ne bere|nsɛm tiawa|tiawa|nea yɛsuae|adesua|nkaebɔ"
        "|wura|nea ɛnyɛ asɛm yi|nea ɛmfa asɛm yi ho|nea yɛnkan",
    ),
}

# Lingala's `ba-` glued to a borrowed word with a hyphen, a space or nothing
_BA = re.compile(r"\bba-")
# Twi's open vowels as a keyboard without them writes them
_TW = str.maketrans("ɛɔƐƆ", "eoEO")


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its accents, with `ɛ`, `ɔ` as `e`, `o`, and with
    Lingala's `ba-` spaced or glued."""
    forms = [spelling, unaccented(spelling), spelling.translate(_TW)]
    if "ba-" in spelling:
        forms += [_BA.sub("ba ", spelling), _BA.sub("ba", spelling)]
    return forms


LN_TW = spelt_table(_AS_WRITTEN, _spelt)
