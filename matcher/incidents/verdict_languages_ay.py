"""Verdicts in Aymara (verdict_languages.py joins them to the others, after Breton's, Luganda's
and Guarani's): not the error, not this incident, not the same, not related, another error,
time, kind or bug, only an INFO line, a check or a report, fine, a consequence, do not count
it, set aside, expected, our own. The words that refer back to a log text, the verbs of saying
before an unquoted message and the words of how often are at the end.

Aymara denies with `janiw` (`jani`, `janiwa`) before the word it denies and `-ti` at that
word's end (`janiw pantjäwïkiti`: it is not an error; `janiw aka jan walt'awïkiti`: it is not
this incident), and `janiw` with a verb is no verdict: a symptom says `janiw sarkänti` (it did
not go through). Its ejectives are written with a straight or curly apostrophe or without it
(`walt'awi`, the same with U+2019, `waltawi`), its long vowels with a diaeresis or plain
(`pantjäwi`, `pantjawi`), and teams mix in Spanish, whose verdicts (`no es el error`) are read
already."""

from __future__ import annotations

from matcher.incidents.verdict_languages_ast_rm import (
    BR_TO_RM_BACK,
    BR_TO_RM_VERDICT,
    OM_TO_RM_SAID,
)

_Q = r"['\u2019]?"
# a word with its ejective's apostrophe and its suffixes
_W = r"[\w'\u2019-]*"
_NOT = r"\bjan(?:i|iw|iwa)?\s+(?:\S+\s+){0,4}?"
# the nouns a verdict denies, with the `-ti` of the denial at the end (error, incident, the
# same, the real one, the cause, a symptom, this, that)
_NOUN = (
    rf"(?:pantj|walt{_Q}[aä]w|pachpa|chiqpach|saph|u[ñn]acht{_Q}[aä]w|ak[aä]k|uk[aä]k)"
    rf"{_W}ti\b"
)
# ... what another one is (error, incident, time, kind, bug, ticket, errno, timeout, problem)
_OTHER = (
    r"(?:pantj|jan\s+walt|kasta|kuti|bug|ticket|tiket|incident|problem|errno|error|timeout"
    r"|issue|asunt|tema|limit|upstream|servidor)"
)
# ... what only an INFO line, a check, a report, a retry is (`INFO qillqatakiwa`)
_MERE = (
    r"(?:INFO|DEBUG|WARN\w*|notice|retry|reintento|check|qillqat|yatiyaw|jiskt{_Q}aw"
    r"|u[ñn]akipaw|yant{_Q}aw|advertencia)"
)

AY_VERDICT = (
    # not the error, not this incident, not the same, not that (`janiw pantjäwïkiti`, `janiw
    # aka jan walt'awin pantjäwipäkiti`, `janiw pachpäkiti`, `janiw ukäkiti`)
    rf"{_NOT}{_NOUN}"
    # not related, do not count it, not to be used for the alert, do not confuse it (`janiw
    # mayacht'atäkiti`, `janiw jakhuktanti`, `jan jakhumti`, `janiw alertatak apnaqañakiti`)
    rf"|{_NOT}(?:mayacht|chikt|jak{_Q}achat|jakhu|apnaq|pantjasi(?:m|pxam))\w*"
    # another error, time, kind (`yaqha pantjäwi`, `yaqha kutinwa`, `yaqha kasta`, `yaqha
    # errno`, `yaqha timeout-pawa`)
    rf"|\byaqha\s+{_OTHER}"
    # only an INFO line, a report, a check (`INFO/DEBUG qillqatanakakiwa`, `yatiyawipakiwa`)
    rf"|\b{_MERE}{_W}?k[iï](?:wa|w|pï)?\b"
    rf"|\b(?:INFO|DEBUG|WARN\w*|notice)\b\S*(?:\s+\S+){{0,3}}?\s+\S*k[iï](?:wa|w)\b"
    # fine, as usual (`walikiwa`, `walikiskiwa`), expected (`suyatawa`)
    r"|\bwali(?:ki|kisk[iï])(?:wa|w)?\b|\bsuyat[aä](?:wa|w|pachawa)\b"
    # a consequence (`uka qhipat jutiwa`: it comes after that; `uka qhipatwa`), set aside
    # (`apanukuta`), our own check or retry (`jiwasan check`)
    r"|\b(?:uka|aka)\s+qhipat(?:a|wa|w)?(?:\s+jut\w*)?\b|\bapanuk\w*"
    r"|\bjiwasa(?:n|naka|nakan)\s+(?:\S+\s+)?(?:check|retry|script|reintento|u[ñn]akip|yant)\w*"
)
BR_TO_AY_VERDICT = rf"{BR_TO_RM_VERDICT}|{AY_VERDICT}"

# The words that refer back to a log text: `uka`, `ukax`, `ukanaka` (that, those), `akax`,
# `akanaka` (this, these; not a bare `aka`, English's), `panpacha` (both)
BR_TO_AY_BACK = rf"{BR_TO_RM_BACK}|ukanakax|ukanaka|ukax|uka|akanakax|akanaka|akax|panpacha\w*"

# The verbs of saying before an unquoted message (extract.py, beside the other languages'):
# `sänwa`, `säna` (it said; not a bare `sana`, Swahili's very), `sapxäna` (they said),
# `qillqäna` (it wrote), `uñacht'ayäna` (it showed), `yatiyäna` (it reported), before English
# words only
AY_WROTE = (
    rf"s[äa]nwa|säna|sapx[äa]na|sataynawa|qillq(?:[äa]na|[äa]nwa|iwa|atayna)"
    rf"|u[ñn]acht{_Q}ay[äa]na|yatiy[äa]na|kutt{_Q}ay[äa]na"
)
OM_TO_AY_SAID = rf"{OM_TO_RM_SAID}|(?:{AY_WROTE})(?=(?:\s+[!-~]+){{3}})"

# How often, between what logged and the colon before its message: `sapa kuti` (each time),
# `sapa …-taki` (for each …), `taqi kuti`, `walja kuti` (every time, many times)
AY_EACH = r"sapa\s+\S+tak(?:i|iw)|(?:taqi|walja)\s+kuti\w*"
