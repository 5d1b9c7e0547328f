"""Verdicts in Kurmanji Kurdish (with the Turkish and English its teams mix in), Dhivehi and
Malagasy (with the French its teams mix in, which verdict_languages reads; verdict_languages.py
joins them to the others): not the error, not this incident, no relation, another problem, do
not count it or mix it up, only a warning, a check or a count, a consequence, our own, normal.
Kurmanji's accents (`ê`, `î`, `û`, `ş`, `ç`) are read with or without them, as a keyboard gives
them. The words that refer back to a log text are at the end.

Dhivehi's Thaana writes a word's vowels (fili) and its sukun as signs after each consonant,
which are no word characters to `re`: an alternative never ends on a sign where a `\\b` may
follow (`ނޫން` is matched up to its second `ނ`, the sukun after it looked ahead for)."""

from __future__ import annotations

# Kurmanji's letters or the bare letter a keyboard gives
_E, _I, _U, _S, _C = "[êe]", "[îi]", "[ûu]", "[şs]", "[çc]"
# what an error is called in Kurmanji
_KU_ERROR = (
    rf"xelet[îi]\w*|[çc]ewt[îi]\w*|{_S}a{_S}[îi]\w*|sedem\w*|b{_U}yer\w*|pirsgir{_E}k\w*"
    rf"|k{_E}{_S}e\w*|n{_I}{_S}an\w*|r{_E}za\s+xeleti\w*"
)
# ... and the Turkish and English words its teams mix in, which other languages write too (an
# Urdu or Hindi `ne`, a Romanian `din`): read only before a Kurmanji copula (`ne arıza ye`)
_KU_MIXED = r"ar[ıi]za\w*|hata\w*|sorun\w*|error\w*|bug\w*|timeout\w*|incident\w*"
# ... Malagasy: error, problem, cause, incident, symptom (and the French and English)
_MG_ERROR = (
    r"hadisoana\w*|olana\w*|antony\w*|tranga\w*|soritr\w*|erreur\w*|probl[èe]me\w*"
    r"|error\w*|bug\w*|incident\w*|timeout\w*"
)
# ... Dhivehi: error, fault, problem, cause, incident, symptom, each up to its last consonant,
# and a word after it (`އެރަރެއް`, `ސަބަބެއް`, `މައްސަލައެއް`: an error, a cause, a problem)
_DV_ERROR = r"(?:error|bug|timeout|incident|އެރަރ|ކުށ|މައްސަލަ|ސަބަބ|ހާދިސާ|އަލާމާތ|ލައިނ|ނިޝާނ)[^\s.,:;]*"

KU_DV_MG_VERDICT = (
    # Kurmanji: not the error, not its cause, not of this incident (`ne xeletî ne`, `ne ev xeletî
    # ne`, `ne sedema vê bûyerê ye`, `ne ji vê bûyerê ne`, `ne arıza ye`, `ne rêza xeletiyê ye`),
    # no new error, none (`xeletiyeke nû nîne`), no relation (`têkiliya wê tune`, `ne
    # têkildar`), another problem or incident (`pirsgirêkeke din`, `bûyereke cuda`), we do not
    # count it, it is not counted, no alarm is set on it (`nahesibînin`, `naşimêrin`, `nayê
    # hesibandin`, `nayê danîn`), do not mix it up (`tevlihev neke`, `mirov dikare tevlihev
    # bike`), only information, a check, a count, a warning (`tenê agahî`, `tenê kontrol`,
    # `tenê jimartina …`), its result (`encama xeletiyê`), our own (`ya me ya xwe`), normal
    rf"\bne\s+(?:ji\s+|ev\s+|ew\s+|wek\s+)?(?:\S+\s+){{0,2}}?(?:{_KU_ERROR}|t{_E}kildar\w*)"
    rf"|\bne\s+(?:\S+\s+)?(?:{_KU_MIXED})\s+(?:ye|e|ne|in|b{_U})\b"
    rf"|(?:{_KU_ERROR})\s+(?:\S+\s+)?(?:n{_I}ne|tune|tuneye)\b"
    rf"|\bt{_E}kiliy\w*\s+(?:\S+\s+){{0,3}}?(?:tune|tuneye|n{_I}ne)\b"
    rf"|\b(?:{_KU_ERROR}|t[îi]ket\w*)\s+(?:ya\s+|y{_E}\s+|a\s+|{_E}\s+)?(?:din|cuda|cih{_E})\b"
    rf"|\b(?:nahesib{_I}n|nehesib{_I}n|na{_S}im{_E}r|ne{_S}im{_E}r|najm{_E}r|nejm{_E}r)\w*"
    rf"|\bnay{_E}\s+(?:hesibandin|jimartin|{_S}imartin|dan{_I}n|girtin)\b"
    rf"|\btevlihev\s+(?:neke|nekin|meke|mekin|bike|bikin|dibe|nebe)\b"
    rf"|\bten{_E}\s+(?:\S+\s+)?(?:agah{_I}|kontrol|jimartin|hi{_S}yar{_I}|WARNING|INFO|DEBUG"
    rf"|notice|retry|encam|ceribandin|{_S}{_I}rove)\w*"
    rf"|\bencam(?:a|ek)\s+(?:\S+\s+)?(?:{_KU_ERROR})|\b(?:ya|yê|a)\s+me\s+(?:ya|yê|a)\s+xwe\b"
    rf"|\brew{_S}a\s+normal\b"
    # ... Dhivehi: not an error, not a cause, not this incident's error, not that line (`އެރަރެއް
    # ނޫން`, `ސަބަބެއް ނޫން`, `މި ހާދިސާގެ އެރަރ ނޫން`, `ލައިން ނޫން`), no relation (`ގުޅުމެއް
    # ނެތް`), another or a separate problem, a different errno (`އެހެން މައްސަލައެއް`, `ވަކި
    # މައްސަލައެއް`, `ތަފާތު errno`), do not count it, alert on it or include it (`ނުގުނާ`,
    # `އެލަރޓް ނުޖަހާ`, `ނުހިމަނާ`), noise, a consequence, only information (`ނޮއިޒް`,
    # `ނަތީޖާ`, `މަޢުލޫމާތު ލައިން`), a warning (`ވޯނިންގ`, `އިންޒާރު`)
    rf"|(?:{_DV_ERROR}|މިއަށް|އެއަށް)\s+ނޫނ(?=ް)|ގުޅުމެއް\s+ނެތ(?=ް)|ގުޅުމެއް\s+ނުވ(?=ާ)|ބެހޭ\s+ކަމެއް\s+ނޫނ(?=ް)"
    rf"|(?:އެހެން|ވަކި|ތަފާތު)\s+(?:{_DV_ERROR}|errno|ticket|ޓިކެޓ)"
    r"|ނުގުނ|ނުހިމަނ|ނުޖަހ|ނޮއިޒ(?=ް)|ނަތީޖ(?=ާ)|މަޢުލޫމާތު\s+ލައިނ(?=ް)|ވޯނިންގ|އިންޒާރ(?=ު)"
    # ... Malagasy: not the error, not it, not that (`tsy hadisoana`, `TSY izy io ilay olana`,
    # `Tsy io:`, `tsy ilay hadisoana`), not related, no relation (`Tsy mifandray amin'ity`, `Tsy
    # misy ifandraisany`), another problem or error (`olana hafa`, `hadisoana hafa`), do not
    # count it, it is not what is counted (`aza isaina`, `Tsy io no isaina`), only a warning,
    # its consequence, a check (`fampitandremana fotsiny`, `vokany fotsiny`, `fanamarinana`),
    # ours (`nosoratanay ihany`), expected (`andrasana`, `expected`)
    rf"|\btsy\s+(?:izy\b|io\b|ireo\b|ilay\s+(?:{_MG_ERROR})|(?:{_MG_ERROR})|mifandray\w*"
    rf"|misy\s+ifandraisany\w*|isaina\b|tokony\s+isaina\b)"
    rf"|\b(?:{_MG_ERROR}|zavatra|tranga|bug|ticket|tapakila)\s+(?:\S+\s+)?hafa\b"
    rf"|\baza\s+(?:\S+\s+)?(?:isaina|ampidirina|afangaro\w*|raisina|atao\s+alerte|jerena)\b"
    rf"|\b(?:fampitandremana|vokany|vokatry|vokatra|fanamarinana|WARNING|INFO|DEBUG|retry"
    rf"|notice|fampahafantarana)\w*\s+(?:\S+\s+)?(?:fotsiny|ihany|monja)\b"
    rf"|\bvokatry\s+ny\s+(?:{_MG_ERROR})|\bnosoratanay\b|\bnosoratantsika\b|\bandrasana\b"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Kurmanji `ev`, `ew`, `evana`, `ewana`, `evan`, `ewan`, `her du` (both);
# Dhivehi `މިއީ`, `އެއީ` (this is, that is), `މިއަށް`, `އެއަށް`, `މިތަކަކީ` (each up to the
# consonant before its sign); Malagasy `io`, `izy io`, `ireo`, `ireto`, `ity`, `izany`, `ilay`
KU_DV_MG_BACK = (
    r"ev|ew|evana|ewana|evan|ewan|her\s+du"
    r"|މިއ(?=ީ)|އެއ(?=ީ)|މިއަށ(?=ް)|އެއަށ(?=ް)|މިތަކަކ(?=ީ)"
    r"|io|izy\s+io|ireo|ireto|ity|izany|ilay"
)
