"""Verdicts in Afaan Oromoo, chiShona and Wolof (verdict_languages.py joins them to the others):
not the error, not this incident, no relation, another problem or bug, do not count it or mix
it up, only a warning, a check, a retry or an info line, our own, expected. The words that refer
back to a log text, the verbs of saying before an unquoted message (and Oromo's after it) and
the words of how often are at the end.

Oromo negates a noun with `miti` after it (`dogoggora miti`: it is not an error) and a verb with
`hin` before it (`wal hin qabatu`: it is not related; `hin lakkaa'inaa`: do not count it), and
writes its long vowels and geminates doubled, as some write them single, with the hudhaa (`'`)
or without: each word is matched either way. Shona glues its negative copula to the class of
the noun denied (`haisi`, `hausi`, `hachisi`, `hazvisi`: it is not; `zvisiri`: which are not)
and its tenses to its verbs (`yaingova`: it was merely; `musaverenga`: do not count it). Wolof
negates with `du` and `duñu` (it is not, they are not) and the suffix `-ul` (`amul`: there is
no), and is written with `ñ`, `ë`, `à` as its official spelling has them or French-style (`gn`,
`e`, `a`)."""

from __future__ import annotations

# Oromo: a long vowel or geminate written doubled or single, the hudhaa or none
_Q = r"['\u2019]?"
# ... the nouns a verdict denies or calls another (error, incident, problem, symptom, cause,
# bug, ticket, matter)
_OM_NOUN = (
    r"(?:dog+og+or\w*|bala+\w*|rakk?o+\w*|mall?att?o+\w*|sababa\w*|bug\w*|tike+ti+\w*"
    r"|ticket\w*|issue\w*|incident\w*|dhimm?a+\w*|taate+\w*)"
)
# Shona: the nouns a verdict denies or calls another (error, problem, incident, symptom, bug)
_SN_NOUN = (
    r"(?:\w*kanganiso|\w*kanganisika|dambudziko|\w*netso|\w*itiko|\w*ratidzo|bug|error|ticket"
    r"|tikiti|nyaya|\w*konzero)"
)
# Wolof: not (`du`, `duñu`, `dumaa` …, French-style `dugnu`, `dunyu`)
_WO_NOT = r"\bdu(?:ñu|gnu|nyu|nu|ma|maa|loo|ngeen|leen)?"
# ... the nouns it denies (the error, it, them, anything, the incident, the symptom, the cause;
# not French words: `du bug`, `du problème` are French)
_WO_NOUN = (
    r"(?:njumte\w*|moom|ñoom|gnoom|nyoom|dara|xew-xew|khew-khew|m[àa]ndarga\w*|sabab\w*"
    r"|jafe-jafe\w*|ay\s+njumte|yeneen\s+njumte|loolu)\b"
)

OM_SN_WO_VERDICT = (
    # Oromo: not the error, not this incident's, not it (`dogoggora miti`, `balaa kanaa miti`,
    # `isa miti`), not only is no verdict (`… qofa miti`); not related (`wal hin qabatu`,
    # `walitti hin dhufu`), do not count, take or mix it (`hin lakkaa'inaa`, `dogoggora jennee
    # hin fudhanne`, `hin makinaa`), another error or bug (`dogoggora biraa`, `bug biraa`), only
    # a warning, a retry, an info line (`akeekkachiisa qofa`, `sarara odeeffannoo`), our own
    # check (`of-qorannoo keenyaa`, `akeekkachiisa app keenyaa`), as expected (`akka eegametti`),
    # a consequence (`bu'aa … sanaa`), no relation (`walitti dhufeenya hin qabu`), misleading
    # (`nu gowwoomse`)
    r"(?<!qofa\s)\bmiti\b"
    rf"|\bwal(?:itti)?\s+hin\s+(?:qabat|dhuf|hidhat|fakkaat)\w*"
    rf"|\bhin\s+(?:lakk?a+{_Q}\w*|herreg\w*|fudhann?e\w*|fudhatin\w*|walmak\w*|makin\w*"
    rf"|ilaalin\w*|yaadin\w*)"
    rf"|\b{_OM_NOUN}\s+(?:biraa|biroo|adda)\b"
    r"|\b(?:akk?eekk?achiis\w*|odeeffann?o+\w*|retry|warning|check|INFO|DEBUG|WARNING"
    r"|irra\s+deebi\w*|of-?qorann?o+\w*|mirkaneess\w*)\s+(?:\S+\s+){0,3}?qofa\b"
    r"|\bsarara\s+odeeffann?o+\w*|\b(?:of-?qorann?o+|script|app|check|retry)\w*\s+keenya\w*"
    rf"|\bakka\s+eegam\w*|\bbu{_Q}aa\s+(?:\S+\s+)?(?:sana|kana|isaa)\w*"
    r"|\bwal(?:itti)?\s+dhufeenya\s+(?:\S+\s+)?hin\s+qab\w*|\bgowwooms\w*"
    # Shona: it is not (`haisi`, `hausi`, `hachisi`, `hazvisi`, `harisi`, `hadzisi` …), which is
    # not (`zvisiri zviratidzo`, `chisiri chikanganiso`), not the error (`kwete error`; `kwete …
    # chete`, not only, is none), nothing to do with it (`haina chekuita`), it does not mean
    # (`hazvireve`), another or a different bug (`imwe bug`, `bug yakasiyana`), merely a retry,
    # info only (`yaingova ruzivo chete`, `kuedza zvakare chete`), do not count, confuse, rely on
    # it (`musaiverenga`, `musavhiringidza`, `asatsamira`), our app's (`eapp yedu`), expected,
    # no relation (`hazvina hukama`), it did not cause it (`hachina kukonzera`), misleading
    r"|\bha(?:i|u|chi|zvi|ri|dzi|ka|tu|ku|pa|mu|a|ru|yi|zi)si\b"
    rf"|\b(?:zvi|chi|i|u|ri|dzi|ka|tu|ku|pa|mu|ma)siri\s+(?:\S+\s+)?{_SN_NOUN}"
    r"|\bkwete\b(?!\s+(?:\S+\s+){0,2}?chete\b)"
    r"|\bha\w{0,4}na\s+ch[eo]kuita\b|\bha\w{0,3}reve\b"
    rf"|\b(?:i|chi|ri|zvi|dzi|ma)mwe\s+{_SN_NOUN}|\b{_SN_NOUN}\s+\w{{1,4}}kasiyana\b"
    r"|\b\w*ngova\b|\b(?:ruzivo|yambiro|warning|retry|check|cheki|INFO|DEBUG|kuedza)\w*"
    r"\s+(?:\S+\s+){0,2}?chete\b"
    r"|\b(?:musa|usa|tisa|vasa|asa)\w{0,4}(?:verenga|vhiringidz|sanganis|tsamira|batanidz)\w*"
    r"|\bha(?:ti|ndi|vana|zvi)\w{0,3}vereng\w*"
    r"|\b\w*(?:app|script|check|cheki|retry)\s+(?:y|r|ch|z|w|dz|zv)edu\b|\b\w*tarisirwa\b"
    r"|\bha\w{0,4}na\s+(?:hukama|kukonzera|kukonzeresa)\b|\b\w*nyengedz\w*"
    # Wolof: it is not the error, not it, not them, nothing (`du njumte bi`, `du moom`, `du
    # ñoom`, `du dara`, `duñu yeneen njumte`), there is no link (`amul benn lonkoo`), another
    # bug, ticket, limit (`beneen bug`, `beneen ticket`), only a warning or a retry (`warning la
    # rekk`), it is the check (`check bi la`), do not mix it, take it, count it (`bul ko boole`,
    # `bul ko jël ni màndarga`, `buleen ko lim`), what we expected (`lu ñu xaar`), it did not
    # cause it (`waralul`), a consequence (`ñoo ko topp`), it misled us (`nax na ñu`)
    rf"|{_WO_NOT}\s+{_WO_NOUN}|\bamul\s+(?:benn\s+)?(?:lonk\w*|solo|dara\s+(?:ci|ak))"
    r"|\bwaralul\b|\b(?:ñoo|gnoo|nyoo)\s+ko\s+topp\b|\bnax\s+(?:na\s+)?(?:ñu|nu|gnu)\b"
    r"|\b(?:beneen|yeneen|weneen|keneen)\s+(?:bug|njumte|jafe-jafe|ticket|tiket|xew-xew"
    r"|khew-khew|limit|probl[èe]me|error|incident|mbir|sabab)\w*"
    r"|\b(?:warning|retry|check|INFO|DEBUG|xibaar|yëgle|yegle|artu)\w*\s+(?:\S+\s+){0,4}?rekk\b"
    r"|\b(?:check|retry|warning|INFO|DEBUG|test)\s+bi\s+la\b"
    r"|\bbu(?:l|leen)\s+(?:ko|leen|koy)?\s*(?:boole|j[ëe]l|lim\w*|j[àa]pp|xool|jaxase)\b"
    r"|\blu\s+(?:ñu|nu|gnu)\s+xaar\w*"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Oromo `kun`, `kana`, `sun`, `sana`, `kanneen`, `isaan` (this, that, these,
# they); Shona `iyi`, `iyo`, `ichi`, `icho`, `izvi`, `izvo`, `uyu`, `uyo`, `aya`, `iri`; Wolof
# `loolu`, `lii`, `yii`, `yooyu`, `moom`, `ñoom` (that, this, these, those, it, them)
OM_SN_WO_BACK = (
    r"kun|kana|sun|sana|kanneen|isaan"
    r"|iyi|iyo|ichi|icho|izvi|izvo|uyu|uyo|aya|idzi|idzo|iri|iro"
    r"|loolu|lii|yii|yooyu|moom|ñoom|gnoom"
)

# Verbs of saying before an unquoted message (extract.py reads what follows as log text): Shona
# `yakanyora`, `yakati`, `yakadhinda` (it wrote, said, printed); Wolof `bind na`, `tontu na`,
# `dafa bind` (it wrote, answered), before English words only (`bind na traceback bu …` is
# Wolof). Oromo puts its verb after the message (`… jedhee galmeesse`: quotes.py cuts it off)
OM_SN_WO_SAID = (
    r"(?:ya|a|i|zva|cha|ri)ka(?:nyora|dhinda|ti)"
    r"|(?:(?:bind|tontu|wax|wone)\s+na|dafa\s+(?:bind|wone|tontu))(?=(?:\s+[!-~]+){3})"
    r"(?!\s+\S+\s+(?:bu|bi|yi|la|ci|ak|ba)\b)"
)
# ... and Oromo's after it (`… SERVER_ERROR out of memory storing object jedhu kenne`: which
# said; `… jedhee galmeesse`: saying, it logged), what follows it no part of it
OM_SAID_AFTER = r"jedh(?:u|e|ee|a|ame|amee|ameera)|jechuun|jedhuun"

# How often, between what logged and the colon before its message (`nginx error.log for each:`,
# loglabels.py's English): Oromo `yeroo hunda`, `… hundaaf`, `tokko tokkoon` (every time, for
# each, one by one); Shona `pa … yega yega`, `nguva dzose` (for each …, always); Wolof `… bu
# nekk`, `saa su nekk` (each …, every time)
OM_SN_WO_EACH = (
    r"yeroo\s+(?:hunda|mara)\w*|\S+\s+hundaa?f|tokko\s+tokkoon"
    r"|pa\s+\S+\s+(?:yega\s+yega|imwe\s+neimwe)|nguva\s+dz[eo]se"
    r"|\S+\s+[bwy]u\s+nekk|saa\s+su\s+nekk"
)
