"""Verdicts in isiXhosa, Quechua and Esperanto (verdict_languages.py joins them to the others):
not the error, not this incident, no relation, another problem or bug, do not count it or mix
it up, only a warning, a check, a retry or a summary, our own, expected. The words that refer
back to a log text, the verbs of saying before an unquoted message and the words of how often
are at the end.

isiXhosa glues its copula to the noun it negates and drops the noun's first vowel (`impazamo`,
error: `asiyompazamo`, `ayizompazamo`, it is not, they are not an error), and writes a borrowed
word after a class prefix and a hyphen (`iyenye i-bug`, it is another bug): both are matched so.
Quechua negates with `mana` (`manam`, `manan`) and the suffix `-chu` on the word denied, forbids
with `ama … -chu`, and glues its suffixes to Spanish and English words (`bug-mi`): each word is
matched with the suffixes it takes; its ejectives and aspirates with or without the apostrophe
or `h` (Ayacucho writes none). Esperanto's `ĉ ĝ ĥ ĵ ŝ ŭ` are matched as written, in the
x-system (`cx`, `ux`), the h-system (`ch`, `u`) and bare."""

from __future__ import annotations

# Esperanto: a letter with a circumflex or breve as written, in the x- or h-system, or bare
_EO_LETTERS = {"ĉ": "c", "ĝ": "g", "ĥ": "h", "ĵ": "j", "ŝ": "s"}


def _eo(words: str) -> str:
    """Esperanto words (`|` between them) with each `ĉ`, `ŭ` … as any typist writes it."""
    out = []
    for c in words:
        if c in _EO_LETTERS:
            out.append(f"(?:{c}|{_EO_LETTERS[c]}[xh]?)")
        elif c == "ŭ":
            out.append("(?:ŭ|ux|u)")
        elif c == " ":
            out.append(r"\s+")
        else:
            out.append(c)
    return "".join(out)


# isiXhosa: the nouns a verdict denies, with or without their first vowel (error, incident,
# problem, symptom, cause, part)
_XH_NOUN = r"(?:m?pazamo|siganeko|ziganeko|ngxaki|phawu|mpawu|nobangela|nxalenye)"
# ... the negative copula (`asi-`, `ayi-`, `azi-`, `aku-` …, with `-si-` or without)
_XH_NOT = r"\ba(?:si|yi|zi|ku|li|wu|bu|lu)(?:si)?"
# Quechua: not (`mana`, `manam`, `manan`, `manañam`), bold or not
_QU_NOT = r"\bmana(?:[mn]|ña[mn]?)?[*_]*\s+(?:\S+\s+){0,3}?"
# ... the words it denies, with the suffixes before `-chu` (error, problem, incident, this,
# that, the same; `pantayninchu`: not its error)
_QU_NOUN = (
    r"(?:pantay|pantasqa|sasachakuy|incidente|error|problema|sintoma|rikuchikuy|kikin|kaqlla"
    r"|kay|chay)(?:nin|n|yki|y|nchik|yku)?(?:kuna)?(?:lla)?(?:pa|man|manta|wan)?(?:qa)?chu\b"
)
# ... verbs of matching, belonging, counting (`mana tupanchu`: it does not match)
_QU_VERB = r"(?:tupa|tinku|rikch'?a|rikcha|hap'?ina|yupa)\w*chu\b"
# Esperanto: the nouns of a verdict (error, problem, incident, symptom, cause, bug, thing)
_EO_NOUN = rf"(?:eraro|problemo|incidento|simptomo|{_eo('kaŭzo')}|cimo|afero)j?n?\b"
_EO_DET = rf"(?:(?:la|{_eo('ĉi')}|tiu|tiuj|nova|aparta|vera|reala|sama|unu)\s+)"

XH_QU_EO_VERDICT = (
    # isiXhosa: it is not it, not them (`ayisiyiyo`, `asizizo`), not an error, not the incident
    # (`asiyompazamo`, `ayizompazamo`, `azisosiganeko`), not yet an error (`ayikabi
    # yimpazamo`), another problem or bug (`yenye ingxaki`, `iyenye i-bug`), a different errno
    # (`yi-errno eyahlukileyo`), nothing to do with it (`ayinanto yakwenza`, `ayinxulumananga`),
    # only a warning or a retry (`isisilumkiso kuphela`, `yi-retry nje`), our own check (`yi-check
    # yethu`), not this one (`Hayi le:`), do not count or confuse them, expected
    rf"{_XH_NOT}(?:yiyo|zizo|lilo|wuwo|bubo|lulo|kuko|yo|zo|lo|wo|bo|ko|so)\b"
    rf"|{_XH_NOT}(?:yi|zi|li|wu|bu|lu)?(?:yo|zo|lo|wo|bo|ko|so|ngo)?{_XH_NOUN}\w*"
    rf"|\ba\w{{0,3}}kabi\s+(?:yi|zi|li|si|ngu)?i?{_XH_NOUN}"
    rf"|\b(?:i?y|l|s|z|b|ng)?enye\s+(?:i{{1,2}}-?)?(?:{_XH_NOUN}|bug|tikiti|ticket|nto|into)\b"
    r"|\b(?:yi-|i-)?(?:errno|bug|\w*ngxaki|\w*mpazamo|tikiti|ticket|\w*error)\S*\s+e\w?ahluk\w*"
    r"|\ba\w{0,3}nanto\s+yakwenza\b|\bakukho\s+nto\s+yakwenza\b|\b\w*nxulumananga\b"
    r"|\ba\w{0,3}(?:dibananga|hlangananga)\b"
    r"|\b\w*(?:lumkiso|retry|check|warning|INFO|DEBUG)\S*\s+(?:\S+\s+)?(?:kuphela|nje)\b"
    r"|\b(?:yi|ngu|si|li)-?\S+\s+[ywzlsb]ethu\b|\bhayi\s+(?:le|lo|eli|esi|oku|ezi|ezo)\b"
    r"|\b(?:asi|unga|ninga|singa|musa\s+uku|musani\s+uku)\w{0,4}(?:bal(?:anga|i|a)|didanis\w*)\b"
    r"|\b\w*lindelekile\b"
    # ... Quechua: not the error, not the same, not this (`manam pantaychu`, `manam pantay
    # kikinchu`, `manam kay incidentechu`, `mana kikinchu`, `manam kaychu`), it does not match or
    # belong (`mana tupanchu`), another error, problem, bug (`huk pantaymi`, `huk sasachakuymi`,
    # `huk bug-mi`, `hukniraq`), do not mistake it, count it, alert on it (`ama pantaychikchu`,
    # `ama alerta-paq hap'iychikchu`), only a retry message, a statistics line (`reintento
    # willakuyllam`, `estadística chiqanllam`), fine, expected (`allinmi`, `suyasqa`), our own
    rf"|{_QU_NOT}{_QU_NOUN}|{_QU_NOT}{_QU_VERB}"
    r"|\bhuk\s+(?:pantay|pantasqa|sasachakuy|bug|incidente|problema|ticket|error|issue)\w*"
    r"|\bhukniraq\w*|\bama[*_]*\s+(?:\S+\s+){0,2}?\S*(?:y(?:chik|ku)?|nki(?:chik)?|chun)chu\b"
    r"|\b(?:reintento|retry|willakuy|estad[ií]stica|chiqan|advertencia|warning|check|INFO|DEBUG"
    r"|WARNING)\w*?lla(?:m|n|mi)?\b|\ballin(?:mi|yaymi|yay(?:lla)?mi)\b|\bsuya(?:ku)?sqa(?:m|n)?\b"
    r"|\b[ñn]uqa(?:nchik|yku)p?a?\s+(?:kikin\w*\s+)?(?:check|retry|script|reintento|qhawa\w*)"
    # ... Esperanto: not this error, not the error, not a separate error, not the same thing
    # (`NE estas ĉi tiu eraro`, `ne la eraro`, `ne estas aparta eraro`, `Ne la sama afero`), not
    # a symptom, also not (`ne simptomo`, `ankaŭ ne.`), another problem or bug (`alia problemo`,
    # `alia cimo`), unrelated (`ne rilatas`, `senrilata`), do not confuse or count it (`Ne
    # konfuzu kun`, `Ni ne kalkulis ilin`), only noise, a summary, a measurement, a warning
    # (`nur bruo`, `nur resumo`, `nur mezuro`, `nur antaŭaverto`), our own (`nia propra`), as
    # expected, a consequence
    rf"|\bne\s+(?:estas|estis|estos|estus)\s+{_EO_DET}{{0,3}}{_EO_NOUN}"
    rf"|\bne\s+{_EO_DET}{{0,3}}{_EO_NOUN}|\bne\s+{_EO_DET}?sama\b"
    rf"|\b{_eo('ankaŭ')}\s+ne\s*(?:[.;!]|$)"
    rf"|\b(?:alia|aliaj|aparta|apartaj|malsama|malsamaj)\s+(?:\S+\s+)?(?:{_EO_NOUN}"
    rf"|bileto|temo|{_eo('mesaĝo')})"
    r"|\bne\s+rilat\w*|\bsenrilat\w*|\bne\s+aparten\w*|\bnenio\w*\s+komun\w*"
    r"|\bne\s+(?:konfuzu|konfuzi|miksu|kalkulu|kalkuli|kalkulas|kalkulis|kalkulos)\b"
    rf"|\bnur\s+(?:\S+\s+)?(?:bruo|resumo|mezuro|averto|{_eo('antaŭaverto')}|kontrolo|reprovo"
    r"|informo|statistiko|INFO|WARNING|DEBUG|retry|check)\w*"
    r"|\bnia\s+propra\b|\b(?:nia|niaj)\s+(?:kontrolo|reprovo|skripto|retry|check)\w*"
    r"|\bkiel\s+atendite\b|\bkromefiko\w*|\bpostsekvo\w*"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): isiXhosa `oku`, `oko`, `ezi`, `ezo`, `lowo`, `leyo` (this, that, these,
# those); Quechua `kayqa`, `chayqa`, `kaykunaqa`, `chaykunaqa` (this, that, these, those);
# Esperanto `tio`, `tiu`, `tiuj`, `ĝi`, `ili`
XH_QU_EO_BACK = (
    r"oku|oko|ezi|ezo|esi|eso|eli|elo|olu|olo|lowo|leyo"
    r"|(?:kay|chay)(?:kuna)?(?:qa|pas)?"
    rf"|tio|tiu|tiuj|{_eo('ĝi')}|ili|{_eo('ĉi tio')}|tio {_eo('ĉi')}|tiu {_eo('ĉi')}"
)

# Verbs of saying before an unquoted message (extract.py reads what follows as log text):
# isiXhosa `yabhala`, `yaphendula`, `yaphakamisa` (it wrote, answered, raised); Esperanto
# `skribis`, `protokolis`, `levis`, `respondis`, not before a word of its own (`skribis en la
# protokolo …` is where it was written, `diris` is a person's). Quechua puts its verb after
# the message (`… deadlock detected nirqan …`: quotes.py cuts it and what follows off)
XH_QU_EO_SAID = (
    r"yabhala|ibhala|yaphendula|iphendula|yaphakamisa|yashicilela"
    r"|(?:skribis|protokolis|eligis|levis|respondis|presis)(?!\s+(?:la|en|al|de|el|ke|per|pri"
    rf"|{_eo('ĉe')}|dum|tion|{_eo('ĝin')}|ilin|nur|{_eo('ankaŭ')}|jam|denove|poste|tiam|nun|kaj|sed"
    r"|kiam|ekz|ekzemple)\b)"
)

# How often, between what logged and the colon before its message (`nginx error.log for each:`,
# loglabels.py's English): isiXhosa `qho`, `rhoqo`, `kwi-… nganye` (each time, for each …);
# Quechua `sapa kuti`, `sapa …-paq` (each time, for each …); Esperanto `ĉiufoje`, `por ĉiu …`
XH_QU_EO_EACH = (
    r"qho|rhoqo|kwi-\S+\s+nganye|ngalo\s+lonke\s+ixesha|sapa\s+kuti\w*|sapa\s+\S+paq"
    rf"|{_eo('ĉiufoje')}|{_eo('ĉiun')}\s+fojon|por\s+{_eo('ĉiu')}(?:\s+\w+)?"
)
