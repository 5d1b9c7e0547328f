"""Verdicts in Asturian and Romansh (verdict_languages.py joins them to the others): not the
error, the cause or this incident, nothing to do with it, another problem or bug, do not count
it or mix it up, only a warning, a check or a retry, normal, ruled out, a consequence, it was us.
The words that refer back to a log text and the verbs of saying before an unquoted message are
at the end.

Asturian negates with `nun` (Spanish's `no`: `nun ye'l fallu`, it is not the error; `nun tien
que ver`, it has nothing to do with it) and writes its copula `ye`, `son`, `yera`, `foi`, its
masculine with `-u` (`otru`, `mesmu`) and its `this` as `esti`, `esta`; what it shares with
Spanish (`consecuencia`, `otra cosa`) verdict_languages.py reads already. Romansh negates with
`betg` in Rumantsch Grischun, `buc`, `buca` in Sursilvan and `brich` in Vallader (`Betg l'errur`,
`n'è betg il timeout`), says `none` with `nagin`, `nagina` (Sursilvan `negin`, Vallader `ingün`)
and `only` with `mo` (`è mo il retry`). A word that is a verdict in one and a symptom's word in
the other (`nun ye cosa de la rede`: it is not the network's doing; `forsa ina autra classa`:
perhaps another exception class) is left out: such a clause is about the symptom, not against
it."""

from __future__ import annotations

from matcher.incidents.verdict_languages_br_lg_gn import (
    BR_LG_GN_BACK,
    BR_LG_GN_VERDICT,
    OM_TO_GN_SAID,
)
from matcher.incidents.verdict_languages_ln_tw import LN_TW_AFTER

_Q = r"['\u2019]"
# The nouns a verdict denies or calls another: the error, the cause, the incident, a symptom,
# the same one (Asturian, Spanish loans, Romansh, English loans)
_NOUN = (
    r"(?:fallu|fallos|fallo|error|errores|errur|errurs|sbagl|sbagls|causa|chaschun|s[ií]ntom\w*"
    r"|incidente|incidencia|incident|problema|problem|mesm[ua]|medem|medema|bug|timeout)"
)
# ... and the words between a negation and its noun (articles, `this`, `part of`)
_ARTICLES = (
    rf"(?:(?:el|la|los|les|l{_Q}|{_Q}l|un|una|d{_Q}|de|del|esti|esta|estos|estes|parte\s+d\w*"
    rf"|il|ils|las|in|ina|quest|questa|quests|questas|da|dal|part\s+da)\s*)*"
)
# Asturian's copula (`ye`, `son`, `yera`, `foi`) and Vallader's (`es`), after `nun`
_AST_IS = r"(?:ye|son|yera|yeren|foi|fo|fueron|fuera|ta|tán|taben|es)"

AST_RM_VERDICT = (
    # Asturian: it is not, they were not the error, the cause, this incident, part of it (`nun
    # ye'l fallu`, `nun son el fallu`, `nun ye d'esti incidente`, `nun forma parte`); nothing to
    # do with it, no relation (`nun tien que ver`, `ensin rellación`); do not count them, do
    # not mix it up (`nun hai que contales`, `nun la cuentes`, `nun confundir`); another error,
    # timeout, incident (`otru fallu`, `otra incidencia`); not the one (`non el que nos tiró`);
    # only a warning, a retry, a check (`namás un avisu`); normal (`son normales`); ruled out
    # (`descartáu`); a side effect (`efeutu secundariu`); it was us (`fuimos nós`); noise
    rf"\bnun\s+{_AST_IS}\b(?:{_Q}l\b)?\s*{_ARTICLES}{_NOUN}\b"
    r"|\bnun\s+(?:forma|formen|formaba|formaben)\s+parte\b"
    r"|\bnun\s+tien(?:en|e|íen|ía)?\s+(?:nada\s+|res\s+)?que\s+ver\b"
    r"|\b(?:ensin|nun\s+tien\w*)\s+rell?aci[oó]n\b|\bnun\s+ta(?:n|ben)?\s+rell?acionad?\w*"
    r"|\bnun\s+(?:hai\s+que\s+|se\s+|(?:lo|la|los|les)\s+)?(?:cont(?:a|e)(?:r|l[aeo]s?|mos|n)?"
    r"|cuent(?:a|e|as|es|an|en)|cunt(?:a|ar|en|an))\b(?!\s+con\b)"
    r"|\bnun\s+(?:(?:lo|la|los|les)\s+)?(?:confund|mecer|mezcl)\w*"
    r"|\botr[ua]s?\s+(?:fallu|fallos|error|errores|problema|incidente|incidencia|timeout|bug"
    r"|tique|tiquete|historia|hestoria|causa)\b|\bnon\s+(?:el|la)\s+(?:que|fallu|problema"
    r"|error|causa)\b"
    r"|\b(?:nam[aá]s|nom[aá]s|simplemente)\s+(?:(?:ye|son|un|una|el|la|los|les|l['\u2019])\s+)*"
    r"(?:avisu|avisos|aviso|reintentu|reintentos|retry|check|chequéu|comprobación|warning|info"
    r"|debug|notice)\b|\b(?:ye|son|yera|yeren)\s+(?:lo\s+)?normal(?:es)?\b"
    r"|\bdescarta(?:u|os|es|ao|ái|aos)\b|\befe[uc]tu\s+(?:secundariu|colateral)\b"
    r"|\b(?:fuimos|fuemos|yéremos|yeremos)\s+nós\b|\bru[ií]u\b"
    # Romansh: not the error, this incident, the same (`Betg l'errur`, `Era betg quest
    # incident`, `Betg il medem`, `n'è betg il timeout`, Sursilvan `buc il sbagl`, Vallader
    # `brich`); also not (`Era betg:`); no symptom, no error (`nagin sintom`, `negin sbagl`,
    # `ingün problem`); another problem, bug, diagnosis (`in auter problem`, `autra
    # diagnosa`); nothing to do with it, no relation (`n'ha nagut da far cun`, Sursilvan
    # `nuot da far`, `nagina relaziun`, `senza relaziun`); not counted, not mixed up (`betg
    # dumbrà`, `betg confunder`); only a retry, a check, our own code (`è mo il retry`, `mo in
    # check`, `mo noss agen code`); it was us (`eran nus sezs`); ruled out (`exclus`); normal
    rf"|\b(?:betg|buca?|brich)\s+{_ARTICLES}{_NOUN}\b"
    r"|\b(?:era|er|gnanc|schizunt)\s+(?:betg|buca?|brich)\b(?=\s*[:\u2014\u2013-])"
    r"|\b(?:nagin|nagina|nagins|naginas|negin|negina|ingün|ingüna|ingun|inguna)\s+(?:\w+\s+)?"
    r"(?:sintom\w*|errur\w*|sbagl\w*|problem\w*|chaschun|bug\w*|incident\w*)\b"
    r"|\b(?:auter|autra|autras|auters|oter|otra|oters|otras|tschel|tschella)\s+(?:problem"
    r"|problems|bug|bugs|incident|incidents|errur|errurs|sbagl|chaschun|diagnosa|ticket"
    r"|istorgia|chaussa|caussa)\b"
    r"|\b(?:nagut|nuot|nöglia|naglia)\s+(?:\w+\s+){0,2}?da\s+far\b|\bda\s+far\s+nagut\b"
    r"|\b(?:nagina|negina|ingüna)\s+relaziun\b|\bsenza\s+relaziun\b"
    r"|\b(?:betg|buca?|brich)\s+(?:\w+\s+)?(?:dumbr\w*|quint(?:ar|à|ads|ada)\b|confund\w*"
    r"|maschad\w*|misched\w*)"
    r"|\bmo\s+(?:(?:in|ina|il|la|l['\u2019]|ils|las|noss|nossa|nos|agen|agena|ün|üna)\s+)*"
    r"(?:retry|retries|check|avertiment|avis|warning|info|debug|notice|code|repetiziun)\b"
    r"|\b(?:eran|eravan|erian|èn\s+stads|eran\s+stads)\s+nus(?:\s+sez(?:s|zas)?)?\b"
    r"|\bexclus(?:a|as|ì|ida|idas)?\b|\b(?:è|èn|ei|sun|es)\s+(?:(?:tut|dal\s+tut)\s+)?normal"
    r"(?:s|as|a)?\b|\bconsequenz\w*"
)

# Breton's, Luganda's and Guarani's verdicts with these (verdict_languages.py reads both through
# this name)
BR_TO_RM_VERDICT = rf"{BR_LG_GN_VERDICT}|{AST_RM_VERDICT}"

# The words that refer back to a log text: Asturian `eso`, `esi`, `esa`, `eses`, `esos`, `esto`
# (that, those, this); Romansh `quai`, `quel`, `quella`, `quels`, `quellas` (Sursilvan `quei`,
# Vallader `quaist`); with Breton's, Luganda's and Guarani's
BR_TO_RM_BACK = (
    rf"{BR_LG_GN_BACK}|eso|esi|esa|eses|esos|esto|estes|quai|quel|quella|quels|quellas|quei"
    r"|quaist"
)

# The verbs of saying before an unquoted message (extract.py, beside the other languages'):
# Asturian `dicía`, `diz`, `dixo` (said, says), `dixo que` (said that), `escribió`,
# `escribía` (wrote), `amosaba` (showed); Romansh `scriveva`, `ha scrit` (wrote), `di`
# (says), `ha ditg` (said), `mussava`, `ha mussà` (showed), `ha logà` (logged); before English
# words only
AST_RM_SAID = (
    r"(?:(?:dic[ií]a|dic[ií]en|dix(?:o|eron)|diz)(?:\s+que)?|escrib(?:i[oó]|[ií]a|[ií]en)"
    r"|amos(?:aba|aben|ó)|scriveva|scrivevan|ha\s+scrit|ha\s+ditg|mussava|ha\s+mussà"
    r"|ha\s+logà|han\s+logà)"
    r"(?=(?:\s+[!-~]+){3})"
    # (... not before the team's words: `scriveva en la lingia da l'app: …`, Italian's
    # `scriveva una riga sola, tipo: …`, Spanish's `escribió antes que la alerta`)
    r"(?!(?:\s+\S+){0,2}?\s+(?:il|la|lo|le|los|les|las|ils|un|una|uno|in|ina|en|el|da|de|del"
    r"|dal|di|che|que|per|sin|al|sco|tipo|ha|y|e|ed|na|nel|nun|non|betg|plat|antes)\b)"
)

# Oromo's … Guarani's verbs of saying with these (extract.py reads them all through this name)
OM_TO_RM_SAID = rf"{OM_TO_GN_SAID}|{AST_RM_SAID}"

# The prose after a message in the team's words (quotes.py cuts it off): Asturian `pa` before a
# quote or an article (for: `pa "db.invalid"`, `pa'l …`; not Croatian's `pa nismo`, so we …),
# `mientres` (while), `dende` (since), `per cada …`, `cada vegada` (for each, every time);
# Romansh `durant` (during), `suenter` (after), `cura che` (when), `mintga …` (every); with
# Lingala's and Twi's
LN_TO_RM_AFTER = (
    rf"{LN_TW_AFTER}|pa(?:['\u2019]l)?(?=\s+[`'\"])|pa\s+(?:el|la|los|les)|mientres|dende"
    r"|per\s+cada|cada\s+vegada|durant|suenter|cura\s+che|mintga\s+\w+"
)
