"""Verdicts in Scottish Gaelic, Igbo and Yiddish (verdict_languages.py joins them to the others):
not the error, not this incident, no relation, another problem or bug, do not count it, do not
alert on it or mix it up, only a warning, a check or a retry, our own, expected, noise. The words
that refer back to a log text, and the verbs of saying before an unquoted message, are at the
end.

Gaelic lenites a noun's first consonant after many words (`mearachd`, `an fhìor mhearachd`):
each noun is matched with or without its `h`, each accent with or without it. Igbo's dotted
vowels are matched dotted or bare, as keyboards give them. Yiddish's Hebrew script writes its
vowels as points after a letter, which are no word characters to `re`, and some teams write
none of them, or the ligatures (`װ`, `ײ`) as two letters: `_yi` spells a word so, and ends it
on its last letter, the points after it looked ahead for (a `\\b` may follow)."""

from __future__ import annotations

import unicodedata

from matcher.model import unaccented

# Gaelic: a grave (or the older acute) accent, or none
_A, _E, _I, _O, _U = "[àáa]", "[èée]", "[ìíi]", "[òóo]", "[ùúu]"
# ... the nouns a verdict denies (error, failure, problem, trouble, incident, cause, symptom)
_GD_NOUN = (
    rf"(?:m(?:h)?earachd\w*|f(?:h)?{_A}il\w*|d(?:h)?uilgheadas\w*|t(?:h)?rioblaid\w*"
    rf"|t(?:h)?achartas\w*|(?:h-)?adhbhar\w*|c(?:h)?omharr\w*|bug\w*|error\w*|timeout\w*)"
)
# Igbo: a dotted vowel, or the bare one
_IH, _OH, _UH = "[ịi]", "[ọo]", "[ụu]"
# ... error, problem, mistake, incident, cause, symptom (and the English words teams keep)
_IG_NOUN = (
    rf"(?:njehie|nsogbu|mperi|ihe\s+mberede|ihe\s+kpatara|ihe\s+{_IH}r{_IH}ba\s+ama"
    rf"|error\w*|bug\w*|timeout\w*|incident\w*)"
)

# Yiddish: the points a letter may carry (not the maqaf, U+05BE, which joins words)
_POINTS = "[\u05b0-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"
# ... and the letters that are a ligature or two letters (`װ` or `וו`, `ײ` or `יי`)
_PAIRS = {"\u05d5\u05d5": "\u05f0", "\u05d9\u05d9": "\u05f2", "\u05d5\u05d9": "\u05f1"}
# ... and the one-character forms of a pointed letter (`אַ`, U+FB2E: `א` and its patah)
_FORMS: dict[str, str] = {}
for _code in range(0xFB1D, 0xFB50):
    _base = unicodedata.normalize("NFD", chr(_code))[:1]
    _FORMS[_base] = _FORMS.get(_base, "") + chr(_code)
_START = r"(?<![\w\u05b0-\u05bd\u05bf-\u05c7])"


def _letter(letter: str) -> str:
    return f"[{letter}{_FORMS.get(letter, '')}]"


def _yi(words: str) -> str:
    """A pattern for Yiddish words (`|` between them) written with or without their points or
    ligatures, from its first letter to its last (the points after it only looked ahead for)."""
    spellings = []
    for word in words.split("|"):
        bare = unaccented(word)
        for pair, ligature in _PAIRS.items():
            bare = bare.replace(ligature, pair)
        parts, at = [], 0
        while at < len(bare):
            pair = bare[at : at + 2]
            if pair in _PAIRS:
                parts.append(f"(?:{_PAIRS[pair]}|{_letter(pair[0])}{_POINTS}*{_letter(pair[1])})")
                at += 2
            elif bare[at] == " ":
                parts.append(r"\s+")
                at += 1
            else:
                parts.append(_letter(bare[at]) if "\u05d0" <= bare[at] <= "\u05f2" else bare[at])
                at += 1
            parts.append(f"{_POINTS}*" if at < len(bare) and parts[-1] != r"\s+" else "")
        spellings.append("".join(parts))
    return rf"{_START}(?:{'|'.join(spellings)})(?={_POINTS}*(?![\w\u05be]))"


# Yiddish: not, no (`נישט`, `ניט`, `קיין`), and what may stand between it and the noun it denies
_NEG = _yi("נישט|ניט")
# ... the nouns a verdict denies (error, mistake, problem, incident, symptom, cause, bug, thing)
_YI_NOUN = (
    rf"(?:{_yi('פֿעלער|טעות|גרײַז|פּראָבלעם|פּראָבלעמע|אינצידענט|סימפּטאָם|סיבה|אורזאַך|באַג|ענין')}"
    r"|error\w*|bug\w*|timeout\w*|incident\w*)"
)
_YI_OTHER = _yi("אַנדער|אַנדערע|אַנדערער|אַנדערן|צווייטער|צווייטע|באַזונדער|באַזונדערע|באַזונדערער")
_YI_COUNT = _yi("רעכענען|צורעכענען|מיטרעכענען|רעכנט|ציילן|ציילט|מיטציילן")
_YI_KIND = _yi("וואָרענונג|ווארענונג|רעטריי|טשעק|קאָנטראָל|קאָנפֿיגוראַציע")

GD_IG_YI_VERDICT = (
    # Gaelic: not the (real) error, not the same thing, not a new failure, it was no error
    # (`Chan e sin an fhìor mhearachd`, `Chan e an aon rud a th' ann`, `chan e fàilligeadh ùr`,
    # `Cha b' e mearachd a bh' ann`), no relation, not part of it (`chan eil gnothach aige ris`,
    # `chan eil e co-cheangailte`, `nach eil nam pàirt dheth`), another or an old error or bug
    # (`mearachd eile`, `bug eile`, `seann duilgheadas`), do not count it, alert on it or mix it
    # up (`na cunntaibh iad`, `na cuiribh rabhadh air`, `na dèanaibh mearachd leis`), only a
    # warning, a check (`rabhadh a-mhàin`, `chan eil … ach a' sealltainn`), noise (`fuaim`),
    # our own (`againn fhèin`), expected (`mar a bhiodh dùil`), a result of the error (`toradh`)
    rf"\bcha(?:n|\s+b')?\s+e\s+(?:\S+\s+){{0,3}}?(?:{_GD_NOUN}|an\s+aon\s+(?:rud|n{_I}))"
    rf"|\b(?:chan|nach)\s+eil\s+(?:\S+\s+){{0,2}}?(?:co-cheangailte|ceangailte|gnothach|buntainn"
    rf"|(?:na|nam|mar)\s+ph?{_A}irt)"
    rf"|\bgun\s+cheangal\b|\b(?:{_GD_NOUN}|tiogaid\w*)\s+eile\b"
    rf"|'?s\s+e\s+(?:\S+\s+)?(?:rud|n{_I}|gnothach|sgeul)\s+eile\b|\bseann\s+(?:{_GD_NOUN})"
    rf"|\bna\s+cunnt\w*|\bcha\s+(?:do\s+)?chunnt\w*|\bgun\s+a\s+chunntadh\b"
    rf"|\bna\s+cuir(?:ibh|eadh)?\s+rabhadh|\bna\s+d{_E}an(?:aibh|adh)?\s+mearachd|\bna\s+measgaich"
    rf"|\b(?:rabhadh|WARNING|INFO|DEBUG|sgr{_U}dadh|ath-fh?euchainn|retry|fiosrachadh|notice"
    rf"|fuaim)\w*\s+(?:\S+\s+)?a-mh{_A}in\b"
    rf"|\bchan\s+eil\s+(?:\S+\s+){{0,12}}?ach\s+(?:a'\s+|ag\s+)?(?:sealltainn|toirt\s+rabhadh"
    rf"|rabhadh|fuaim|sgr{_U}dadh|ath-fh?euchainn)"
    rf"|\bfuaim\s*(?:[.;!]|$)|\bagainn\s+fh{_E}in\b|\bmar\s+a\s+bhiodh\s+d{_U}il\b"
    rf"|\btoradh\s+(?:\S+\s+)?(?:{_GD_NOUN})"
    # ... Igbo: not the error, not this one, not what we look for, not a new one (`abụghị
    # njehie ahụ`, `ọ bụghị nke a`, `abụghị ihe anyị na-achọ`, `ọ bụghị deadlock ọhụrụ`), another
    # or a different problem, bug or ticket (`nsogbu ọzọ`, `bug ọzọ`, `nsogbu dị iche`), no
    # relation (`ọ nweghị ihe jikọrọ ya na …`, `enweghị njikọ`, `o metụtaghị`), we did not
    # count it, do not count it, exclude it, do not mix it (`anyị agụghị ya`, `agụla ya`,
    # `ewepụla ya`, `agwakọtala`), only a retry or a check (`ọ bụ naanị pool na-anwa ọzọ`),
    # a health check, good news (`bụ nlele`, `ozi ọma`), our own retry or code (`retry nke app
    # anyị`, `bụ koodu anyị`), shows no error (`ọ naghị egosi njehie`), expected (`dị ka e tụrụ
    # anya`), a consequence (`nsonaazụ`)
    rf"|\b(?:a|{_OH}\s+)?b{_UH}gh{_IH}\s+(?:\S+\s+){{0,2}}?(?:{_IG_NOUN}|nke\s+a\b"
    rf"|ihe\s+any{_IH}\s+na-|{_OH}h{_UH}r{_UH})"
    rf"|\b(?:{_IG_NOUN}|tiketi|ticket|service)\s+(?:{_OH}z{_OH}\b|d{_IH}\s+iche\b)"
    rf"|\b(?:e|{_OH}\s+)?nwegh{_IH}\s+(?:ihe\s+)?(?:jik{_OH}r{_OH}|njik{_OH}|gbasara|met{_UH}tara)"
    rf"|\bmet{_UH}tagh{_IH}\b|\bgbasagh{_IH}\b"
    rf"|\b(?:ag{_UH}gh{_IH}|ag{_UH}la|g{_UH}kwala|ewep{_UH}la|at{_UH}la|agwak{_OH}tala)\b"
    rf"|\b(?:ewep{_UH}|wep{_UH})\s+ya\b"
    rf"|\bnaan{_IH}\s+(?:\S+\s+){{0,3}}?(?:na-anwa|retry|WARNING|INFO|DEBUG|nlele|check|ozi)"
    rf"|\b{_OH}\s+b{_UH}\s+naan{_IH}\b|\bb{_UH}\s+nlele\b|\bozi\s+{_OH}ma\b"
    rf"|\bretry\s+nke\s+(?:\S+\s+)?any{_IH}\b|\bb{_UH}\s+koodu\s+any{_IH}\b"
    rf"|\ba?nagh{_IH}\s+\S+\s+(?:{_IG_NOUN})|\bd{_IH}\s+ka\s+(?:e|any{_IH})\s+t{_UH}r{_UH}\s+anya\b"
    rf"|\bnsonaaz{_UH}\b"
    # ... Yiddish: not the error, not this incident, no error, no symptom (`**נישט** דער פֿעלער`,
    # `נישט דער אינצידענט`, `נישט קיין טעות`, `נישט אַ באַזונדערער טעות`), another or a second
    # thing, timeout, bug (`אַן אַנדער זאַך`, `אַ צווייטער טיימאַוט`), we do not count it (`מיר
    # רעכענען עס נישט`), nothing (`גאָרנישט`), no relation (`נישט שייך`, `קיין שייכות`, `האָט
    # נישט צו טאָן מיט`), only an INFO, a warning, a check, the configuration (`בלויז אַן
    # INFO`, `נאָר אַ וואָרענונג`), we did it ourselves (`מיר אַליין`), our own (`אונדזער
    # אייגענער`), as expected (`ווי געריכט`), do not mix it up (`נישט פֿאַרמישן`); not its noise,
    # `ראַש`, bare Hebrew's `ראש` (head)
    rf"|{_NEG}[*_]*\s+(?:\S+\s+){{0,2}}?{_YI_NOUN}"
    rf"|{_YI_OTHER}\s+(?:\S+\s+)?(?:{_YI_NOUN}|{_yi('טיקעט|טיימאַוט|זאַך')}|ticket)"
    rf"|{_NEG}\s+(?:\S+\s+)?{_YI_COUNT}|{_YI_COUNT}\s+(?:\S+\s+){{0,2}}?{_NEG}"
    rf"|{_yi('גאָרנישט|קיין שייכות|מיר אַליין|ווי געריכט|ווי דערוואַרט')}"
    rf"|{_NEG}\s+(?:\S+\s+)?{_yi('שייך|פֿאַרבונדן|פֿאַרמישן|צעמישן')}|{_NEG}\s+צו\s+{_yi('טאָן')}"
    rf"|{_yi('בלויז|נאָר|פּשוט')}\s+(?:{_yi('אַ|אַן')}\s+)?(?:\S+\s+)?(?:INFO|DEBUG|WARNING"
    rf"|notice|retry|warning|{_YI_KIND})"
    rf"|{_yi('אונדזער|אונדזערע')}\s+{_yi('אייגענער|אייגענע|אייגענעם')}"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Gaelic `sin`, `siud` (that); Igbo `nke ahụ`, `nke a`, `ndị ahụ`, `ihe a`;
# Yiddish `דאָס`, `עס`, `זיי`, `דאָס זעלבע`
GD_IG_YI_BACK = (
    rf"sin|siud|nke\s+ah{_UH}|nke\s+a|nd{_IH}\s+ah{_UH}|ihe\s+a"
    rf"|{_yi('דאָס זעלבע|דאָס|עס|זיי')}"
)

# Verbs of saying before an unquoted message (extract.py reads what follows as log text):
# Gaelic `ag ràdh`, `thuirt`, `sgrìobh` (saying, said, wrote); Igbo `kwuru`, `bipụtara`
# (said, printed); Yiddish `האָט געזאָגט`, `האָט געשריבן`, `האָט געלאָגט`, `האָט געענטפֿערט`
GD_IG_YI_SAID = (
    rf"ag\s+r{_A}dh|a'\s+r{_A}dh|thuirt|sgr{_I}obh|kwuru|bip{_UH}tara"
    rf"|{_yi('האָט געזאָגט|האָט געשריבן|האָט געלאָגט|האָט געענטפֿערט|האָט געדרוקט')}"
)

# How often, between what logged and the colon before its message (`nginx error.log for each:`,
# loglabels.py's English): Gaelic `airson gach …`, `gach turas` (each time); Igbo `maka nke ọ
# bụla`, `oge ọ bụla` (for each, each time); Yiddish `פֿאַר יעדן`, `יעדעס מאָל` (for each, each time)
GD_IG_YI_EACH = (
    rf"airson\s+gach(?:\s+\w+)?|gach\s+(?:turas|uair)|maka\s+nke\s+{_OH}\s+b{_UH}la"
    rf"|oge\s+{_OH}\s+b{_UH}la|{_yi('פֿאַר יעדן|פֿאַר יעדער|פֿאַר יעדע|בײַ יעדן|יעדעס מאָל|יעדן מאָל')}"
)
