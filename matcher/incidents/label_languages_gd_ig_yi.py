"""The labels of the house format in Scottish Gaelic, Igbo and Yiddish (labels.py adds them to
the others): Gaelic with its grave accents (`à`, `è`, `ì`, `ò`, `ù`); Igbo with its dotted
vowels (`ị`, `ọ`, `ụ`) and `ṅ`; Yiddish in the Hebrew script, right to left, its vowel points
(`אַ`, `אָ`, `פֿ`) and its ligatures (`װ`, `ײ`, `ױ`) written by some teams and not by others, its
compounds joined by the maqaf (`־`). Each spelling is also read without its accents or points,
as a keyboard without them writes it, and with a ligature's two letters or the ligature
(`GD_IG_YI` holds them all). A line per language, `|` between spellings. The sections that say
their items are not the incident's (`Chan eil co-cheangailte`, `Ọ bụghị nke a`, `נישט שייך`) are
no field: what is under them is never a symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER, spelt_table
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "àireamh an tachartais|àireamh tachartais|id an tachartais|àireamh na tachartais"
        "|comharra an tachartais",
        "nọmba ihe mberede|nọmba mberede|id ihe mberede|akara ihe mberede",
        "אינצידענט־נומער|אינצידענט נומער|נומער פֿונעם אינצידענט|אינצידענט־id|אינצידענט id",
    ),
    "title": (
        "tiotal|tiotal an tachartais|cuspair",
        "isiokwu|isi okwu|aha ihe mberede",
        "טיטל|קעפּל|טעמע",
    ),
    "date": (
        "ceann-latha|ceann-là|latha an tachartais",
        "ụbọchị|ụbọchị ihe mberede|ụbọchị o mere",
        "דאַטע|דאַטום|דאַטע פֿונעם אינצידענט",
    ),
    "severity": (
        "trom-chùis|tromachd|ìre na cùise|dè cho dona",
        "ịdị njọ|ogo njọ|ọkwa njọ|ịdị mkpa",
        "ערנסטקייט|שטרענגקייט|ערנסטקייט־שטאַפּל|פּריאָריטעט",
    ),
    "services": (
        "seirbheisean|seirbheisean air a bheil buaidh|seirbheisean a chaidh a bhualadh|seirbheis",
        "ọrụ metụtara|ọrụ ndị metụtara|ọrụ emetụtara|ọrụ ndị o metụtara",
        "באַטראָפֿענע סערוויסן|באַטראָפֿענע סערוויסעס|סערוויסן|סערוויסעס",
    ),
    "symptoms": (
        "comharran|comharraidhean|na chunnaic sinn|dè a chunnaic sinn",
        "ihe ịrịba ama|ihe ngosi|ihe anyị hụrụ|ihe a hụrụ|mgbaàmà",
        "סימפּטאָמען|סימפּטאָם|סימנים|וואָס מיר האָבן געזען",
    ),
    "root_cause": (
        "bun-adhbhar|prìomh adhbhar|adhbhar|bun-adhbhar an tachartais",
        "isi ihe kpatara ya|isi ihe kpatara|ihe kpatara ya|ihe kpatara",
        "וואָרצל־סיבה|וואָרצל סיבה|הויפּט־סיבה|סיבה|אורזאַך",
    ),
    "resolution": (
        "fuasgladh|càradh|mar a chaidh a chàradh|na rinn sinn",
        "ndozi|mmezi|otu e si dozie ya|ihe anyị mere",
        "לייזונג|פֿאַרריכטונג|וואָס מיר האָבן געטאָן",
    ),
    "action_items": (
        "gnìomhan|gnìomhan leantainneach|ceumannan eile|na nì sinn",
        "ihe a ga-eme|ihe anyị ga-eme|ihe ndị a ga-eme|nzọụkwụ ndị ọzọ",
        "צו טאָן|ווײַטערדיקע טריט|אַקציעס|וואָס מיר וועלן טאָן",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes; not related, not of this incident, what
        # we do not count)
        "buaidh|clàr-ama|loidhne-ama|geàrr-chunntas|leasanan|na dh'ionnsaich sinn|notaichean"
        "|chan eil co-cheangailte|nach eil co-cheangailte|chan e seo|rudan nach eil nam pàirt dheth"
        "|na cunntaibh iad",
        "mmetụta|usoro oge|nchịkọta|ihe mmụta|ihe anyị mụtara|ndetu"
        "|ọ bụghị nke a|enweghị njikọ|ihe anyị na-agụghị|ihe anyị agụghị",
        "השפּעה|ווירקונג|כראָנאָלאָגיע|צײַט־ליניע|צוזאַמענפֿאַסונג|לעקציעס|באַמערקונגען"
        "|נישט שייך|נישט פֿאַרבונדן|נישט דער אינצידענט|וואָס מיר רעכענען נישט",
    ),
}

# Yiddish's ligatures and the two letters a keyboard without them writes
_LIGATURES = (("\u05f0", "\u05d5\u05d5"), ("\u05f2", "\u05d9\u05d9"), ("\u05f1", "\u05d5\u05d9"))


def _spelt(spelling: str) -> list[str]:
    """A spelling as written, without accents or points, with ligatures and without them."""
    forms = [spelling, unaccented(spelling)]
    for form in list(forms):
        letters, joined = form, form
        for ligature, pair in _LIGATURES:
            letters = letters.replace(ligature, pair)
            # (`וי` is as often a vav and a yod: only the unambiguous pairs are joined)
            joined = joined.replace(pair, ligature) if pair != "\u05d5\u05d9" else joined
        forms += [letters, joined]
    return forms


GD_IG_YI = spelt_table(_AS_WRITTEN, _spelt)

# The spellings above that a common English word is one letter from (`Total` and `Tiotal`): a
# label so written is the English word, not a misspelt label (labels.py compares none with them)
UNCOMPARED = frozenset({"tiotal"})
