"""Verdicts in Breton, Luganda and Guarani (verdict_languages.py joins them to the others): not
the error, not this incident, not related, another error or bug, set aside, do not count it or
take it for one, only a warning, a check or a retry, ordinary. The words that refer back to a
log text are at the end.

Breton negates a verb between `ne`/`n'` and `ket` (`n'eo ket ar fazi`: it is not the error;
`n'int ket`: they are not; `n'eo nemet`: it is only), and `ket` alone is no verdict: a symptom
says `ne gevreent ket ken` (they could not connect any more). Luganda denies a noun with `si`
(`si nsobi`, `si kizibu kino`) and a verb with the prefix `te-` (`tetugibala`: we do not count
it; `tezaali kizibu`: they were no problem). Guarani negates with `nd-`…`-i` (`ndaha'éi`: it is
not) and mixes Spanish's (`no es el error`), which verdict_languages.py reads already."""

from __future__ import annotations

from matcher.incidents.verdict_languages_om_sn_wo import OM_SN_WO_SAID

_Q = r"['\u2019]?"

BR_LG_GN_VERDICT = (
    # Breton: it is not, they are not the error, this incident, related (`n'eo ket ar fazi`,
    # `n'int ket fazioù`, `n'eo ket an darvoud-mañ`, `n'eo ket liammet`), a report not made is
    # no verdict (`n'eo ket bet savet`); it is only (`n'eo nemet an adklask`); another one (`un
    # all eo`, `bug all`, `ur fazi all`); set aside (`lezet a-gostez`); not counted, do not take
    # it for (`ne vez ket kontet`, `na gemerit ket anezhi evel ur fazi`); not ours (`n'eo ket
    # deomp`)
    rf"\bn{_Q}(?:eo|int|e|oa|edo)\s+ket\b(?!\s+bet\b)|\bn{_Q}(?:eo|int|oa)\s+nemet\b"
    r"|\b(?:un|ur|bug|fazi|deadlock|kudenn|tiket|darvoud)\s+all\b|\ba-gostez\b"
    r"|\bne\s+(?:vez|vo|voe|gont\w*)\s+ket\s+kont\w*|\bna\s+(?:gemer|gont|veskit)\w*\s+ket\b"
    # Luganda: it is not an error, this problem, what it was (`si nsobi`, `si y'ensobi`, `si
    # kizibu kino`, `si bye byali ensobi`); we do not count it (`tetugibala`, `tetubibala`,
    # `temugibala`), were no problem (`tezaali kizibu`), we do not need it (`tetugyetaaga`),
    # another error (`nsobi ndala`, `kizibu kirala`), only a check (`check yokka`), ordinary
    # (`bya bulijjo`), nothing to do with it (`tekikwatagana`)
    rf"|\bsi\s+(?:[yzkb]{_Q})?e?(?:nsobi|kizibu|bye|kye|ye|ze|bwe|buzibu|bubonero)\b"
    r"|\bte\w{0,4}(?:bala|baza)\w*|\bte\w{0,3}aali\s+(?:ki|bu)?zibu\b|\bte\w{0,4}etaaga\w*"
    r"|\b(?:nsobi|kizibu|bug|ticket|nsonga)\s+(?:e?ndala|kirala|kyokka\s+ekirala)\b"
    r"|\b(?:check|INFO|DEBUG|warning|retry|kulabula)\s+(?:\S+\s+)?yokka\b|\bbya\s+bulijjo\b"
    r"|\bte\w{0,3}kwatagana\w*"
    # ... it comes of it, a consequence (`kivudde ku ekyo`, `eva ku nsobi y'emu`)
    r"|\b(?:ki|e|bi|ge|zi|lu|ka|tu|ku|byo)?(?:vudde|va|vaamu)\s+ku\b"
    # Guarani: it is not (`ndaha'éi`, `nda'éi`), another (`ambue`), only that (`upévante`),
    # do not count or worry (`ani pejepy'apy`, `ndojeipapái`), as usual (`ha'e normal`)
    rf"|\bnda(?:ha)?{_Q}[eé]i\b|\bambue\b|\bup[eé]vante\b|\bani\s+(?:pe|re|ja|ña)\w*"
    r"|\bnd(?:o|a|ai)\w{0,4}papa\w*"
)

# The words that refer back to a log text: Breton `an dra-se`, `hennezh`, `houmañ`, `se`;
# Luganda `eyo`, `ekyo`, `ebyo`, `ezo`, `byombi`; Guarani `upéva`, `umíva`, `péva`
BR_LG_GN_BACK = (
    r"an\s+dra-se|hennezh|houmañ|honnezh|eyo|ekyo|ebyo|ezo|byombi|up[eé]va|um[ií]va|p[eé]va"
)

# The verbs of saying before an unquoted message (extract.py, beside Oromo's, Shona's and
# Wolof's): Luganda's with their subject's class (`nginx yawandiika client intended to send …`:
# wrote; `yalaga`: showed; `yagamba`: said), Breton's after `a` (`a skrivas`: wrote; `a
# lavaras`: said), Guarani's `he'i` (says) and `ohai` (writes), before English words only
OM_TO_GN_SAID = (
    rf"{OM_SN_WO_SAID}"
    r"|(?:(?:ya|kya|ba|baa|za|bya|lya|twa|ga)(?:wandiika|wandiise|laga|laze|gamba|ddamu)"
    r"|a\s+(?:skrivas|skriv|lavaras|lavar|respontas)|he['\u2019]?i|ohai(?:va['\u2019]?ekue)?)"
    r"(?=(?:\s+[!-~]+){3})"
)
