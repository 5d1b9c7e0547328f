"""The labels of the house format in Aymara (labels.py adds them to the others, after Breton's,
Luganda's and Guarani's): as La Paz and El Alto teams write it beside Spanish, its ejectives
(`jach'a`, `walt'awi`, `uñacht'äwi`) with a straight or curly apostrophe or none, its long vowels
with the diaeresis (`askichäwi`) or without, `ñ` or `n`, and a Spanish gloss in brackets after
the label (`Sutipa (Título)`), which label_languages.py reads already. `AY` holds them; the
sections that say their items are not the incident's (`Janiw aka jan walt'awïkiti`: it is not
this incident) are no field: what is under them is never a symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.incidents.label_languages_ast_rm import BR_TO_RM
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "jan walt'awi id|jan walt'awin id-pa|jan walt'awi jakhu|jan walt'awin jakhupa"
        "|jan walt'awi numero|id jan walt'awi|jakhupa",
    ),
    "title": ("sutipa|jan walt'awin sutipa|jan walt'awi suti|sutichäwi",),
    "date": ("uru|urupa|jan walt'awin urupa|kuna urus|pachapa",),
    "severity": (
        "jach'a kankañapa|jach'a kankaña|jach'a kankañ|kunja jach'asa|kunjamas jach'a"
        "|jach'apa|ch'amapa|jan walt'awin jach'a kankañapa",
    ),
    "services": (
        "servicionaka|servicionakax|servicios uñtata|jan walt'ayata servicionaka"
        "|yanapäwinaka|kuna servicionakas",
    ),
    "symptoms": (
        "uñacht'äwinaka|uñacht'äwi|uñacht'awinaka|kuns uñjapxta|kunas uñjasïna|uñjatanaka"
        "|unanchanaka|chimpunaka|kuns uñjapxtan",
    ),
    "root_cause": (
        "kunatsa pasäna|kunats pasäna|kunatsa|saphipa|saphi|jan walt'awin saphipa"
        "|kawkitsa jutäna|kunat jutäna",
    ),
    "resolution": (
        "askichäwi|askichäwinaka|kunjams askichapxta|kunjamsa askichasïna|askichata|kuns lurapxta",
    ),
    "action_items": ("lurañanaka|qhipa lurañanaka|lurañanaka qhiparu|lurañataki|kuns lurañasa",),
    OTHER: (
        # (impact, timeline, summary, lessons, notes, owner, links; not this incident, not
        # related, what we do not count)
        "kuna jan walt'ayäna|jan walt'ayawi|pacha thakhi|pachanaka|juk'akiru|jisk'a qillqata"
        "|yatiqatanaka|kuns yatiqapxta|amtanaka|qillqirinaka|dueño|chinuqanaka"
        "|janiw aka jan walt'awïkiti|janiw jakhuktanti|yaqha jan walt'awinaka",
    ),
}


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without its diaeresis or tilde, and with the apostrophe of an
    ejective curly or left out."""
    forms = [spelling, unaccented(spelling)]
    if "'" in spelling:
        forms += [s.replace("'", q) for s in list(forms) for q in ("\u2019", "")]
    return forms


AY = spelt_table(_AS_WRITTEN, _spelt)
# (Breton's, Luganda's and Guarani's with Aymara's: labels.py registers them as one line)
BR_TO_AY = [BR_TO_RM, AY]
