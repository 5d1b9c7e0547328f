"""A later clause of the log text's sentence, or the next sentence, that refers back to it
and says it is not this incident's error (`"…" — that's a different limit`, `, but there were
none of those`, `Separate ticket.`), and the words the clause rule shares with it: a negation,
a verb of seeing, what a log text merely is. dismissal.py applies them; the rules and examples
are in docs/incident-log-format.md ("Not this incident")."""

from __future__ import annotations

import re

from matcher.incidents.verdict_languages import FOREIGN_BACK
from matcher.incidents.verdicts import VERDICT

# A negation (`dont`, `didnt` as typed in a hurry too).
NEG = (
    r"(?:\bnot\b|\bnever\b|n't|\b(?:dont|didnt|doesnt|havent|hasnt|wasnt|werent)\b|\bnobody\b"
    r"|\bno one\b|\bno point\b|\bnone of us\b)"
)

# A verb of seeing, hitting, getting or logging (`saw`, `hit`, `showed up`, `logged`).
SEEN = (
    r"(?:see|saw|seen|sees|spot(?:ted)?|notice[ds]?|observe[ds]?|find|found|hit|hits"
    r"|get|got|gotten|receive[ds]?|catch|caught|encounter(?:ed)?|run into|ran into"
    r"|trigger(?:ed)?|log(?!\s+(?:in|on|into)\b)|logged|print(?:ed)?|emit(?:ted)?"
    r"|show(?:ed|n)?(?: up)?"
    r"|appear(?:ed)?|occur(?:red)?|happen(?:ed)?|c[oa]me up|turn(?:ed)? up)"
)

# What a log text merely is: `just nginx giving up`; not `just that the pool …`, `just the same
# error`, `just like INC-7`.
MERELY = (
    r"(?:just|merely|simply)\b(?!\s+(?:that|because|the same|as|how|what|when|where|like"
    r"|before|after)\b)"
)
# a clause after the log text's own that says the verdict of it: one that refers back to it
# (`that's a different limit`, `but those were …`), or one with no subject (`— unrelated`)
# (... and in the languages teams write beside English: Malay `itu`/`tu`, Lithuanian `tai`,
# Latvian `tas`, Greek `αυτό`, Bengali `এটা`, and the Cyrillic ones of verdict_languages)
_BACK = (
    r"(?:that|this|those|these|it|they|them|which|both|neither|such|the latter"
    r"|itu|tu|ini|tai|\u010dia|tas|t\u0101|tie|\u03b1\u03c5\u03c4\u03cc|\u03b1\u03c5\u03c4\u03ac|\u098f\u099f\u09be|\u0993\u099f\u09be"
    rf"|{FOREIGN_BACK})"
)
LATER = re.compile(
    rf"(?i)^(?:and\s+|but\s+|so\s+|though\s+|although\s+)?"
    # a finding reported (`The review has determined that this …`, `we concluded that it …`)
    rf"(?:(?:[\w-]+\s+){{0,3}}(?:determined|concluded|found|established|confirmed|agreed|decided"
    rf"|notes|noted|observes|observed|states|stated"
    rf"|believes?|think|understand|consider|regard)\s+(?:that\s+)?(?={_BACK}\b))?(?:"
    rf"(?:{_BACK}\b|there\b)(?:(?!\b(?:the|a)\s+\w+\s+(?:said|logged|showed)\b).)*?\b(?:{VERDICT})\b"
    rf"|(?:(?:just|only|probably|likely|clearly|all|totally|entirely|completely|obviously|also"
    rf"|both)\s+)?(?:as\s+(?:an?\s+)?)?(?:{VERDICT})\b"
    # a verdict word that qualifies a subject of its own is about that (`Unrelated jobs were
    # fine`, `Noise in the dashboards hid it`)
    rf"(?!(?:\s+[\w-]+){{1,3}}?\s+(?:were|was|is|are|had|has|have|hid|hides|kept|made|got|went)\b)"
    # a bare verdict of what follows from the error: `consequence, not cause`, `follow-on`
    rf"|(?:(?:both|all|all of them|these|those)\s+)?(?:(?:just|only|also)\s+)?(?:an?\s+|the\s+)?"
    rf"(?:consequences?|symptoms?|side[- ]effects?"
    rf"|knock-ons?"
    rf"|follow-ons?|downstream|separate|different|distinct|something else)"
    rf"\s*(?:,|$|\bnot\b|\s(?:once|after|when)\b|\((?:after|once|when)\b)"
    rf"|(?:[\w-]+,?\s+)?not\s+(?:the\s+|a\s+|its\s+)?(?:root\s+)?(?:cause|trigger)\s*$"
    # (`Not part of INC-7, no handling needed.`)
    rf"|not\s+(?:a\s+)?part\s+of\s+(?:it\b|this\b|(?:the|this|our)\s+(?:incident|outage)\b"
    rf"|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d)"
    # (`nothing else in the log` says the log text was the only thing)
    rf"|(?:none|nothing|zero|never|nope|not once|not there|not present|absent|n/a\b"
    rf"|not applicable)\b(?!\s+(?:else|other|more)\b)"
    # (not a service's state: `so nothing was listening where we looked`)
    # (not a state: `so nothing was listening`, `nothing was slow`; `nothing was logged` is one)
    rf"(?!\s+(?:was|is|were)\s+(?!(?:found|logged|seen|there|printed|shown|returned|matched)\b)\w)"
    # (nor `nothing listening on the upstream port`)
    rf"(?!\s+(?:listening|running|bound|responding|serving|answering|reachable|up)\b)"
    rf"|(?:also\s+|still\s+|again\s+)?not (?:that|this|it)(?: one| either| again)?(?:\W*$|\s*,)"
    # `checked, wasn't that`
    rf"|(?:[\w-]+,?\s+)?(?:was(?:n't| not)|is(?:n't| not))\s+(?:that|it|this)(?: one)?\W*$"
    rf"|no (?:results?|hits?|matches)\b"
    # `but it never showed`, `we didn't.`
    rf"|{_BACK}\s+(?:\w+\s+)?{NEG}\s+(?:\w+\s+){{0,2}}?(?:{SEEN}|came|come|arrived)\b"
    rf"|(?:an?\s+)?(?:different|separate|distinct|another|other)\s+(?:[\w-]+\s+)?(?:ticket|issue"
    rf"|incident|bug|problem|cause|thing|story|limit|service|team|error|one|fix|group|pool|message"
    rf"|cluster|job|component)\b"
    rf"|(?:we|i|they)\s+(?:did|do|have|had)(?:n't| not)\W*$"
    # what it merely means (`which sounds scary but only means both peers were down`)
    rf"|(?:[\w-]+\s+){{0,5}}?(?:only|just|merely|simply)\s+means\b"
    # a limit doing its job, named (`that is the 1 MB item limit, not memory exhaustion`)
    rf"|{_BACK}(?:'s|\s+(?:is|was|are|were))\s+(?:just\s+|only\s+)?(?:the|an?|our)\s+"
    rf"(?:[\w-]+\s+){{0,4}}(?:limit|limiter|cap|quota|guard)\b(?!\s+(?:we|that|which)\b)"
    # ... or no effect of it (`; it did not affect the running config`)
    rf"|{_BACK}\s+(?:did|does|had|has)(?:n't|\s+not)\s+(?:affect|impact|touch|break)\w*\b"
    # a denied part in it (`We do not believe this contributed directly`)
    rf"|(?:we|i|they)\s+(?:do|did)(?:n't|\s+not)\s+(?:believe|think)\s+{_BACK}\s+(?:\w+\s+)?"
    rf"(?:contributed|caused|mattered)\b"
    # a guess about it taken back (`I thought that was the same thing but my mentor says …`)
    rf"|(?:i|we|they)\s+(?:\w+\s+)?(?:thought|assumed|believed)\s+{_BACK}\s+(?:was|were|is"
    rf"|are)\b[^;]*?\bbut\b"
    # another service's: `but it comes from report-builder, not stock-sync`
    rf"|{_BACK}\s+(?:comes?|came)\s+from\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?,?\s+not\s+"
    rf"(?:from\s+)?(?:the\s+)?[\w.-]+\W*$"
    # the alert was on another error: `; the alert was on the publish failure, not on them`
    rf"|.*\bnot\s+(?:on|about|for|from)\s+(?:them|those|these|it|that|this)\W*$"
    # a warning, said of it: `It's a warning about listeners`, `it is a listener count warning`
    rf"|{_BACK}(?:'s|\s+is|\s+was)\s+(?:just\s+|only\s+)?an?\s+(?:[\w-]+\s+){{0,3}}warning\b"
    # what it merely does: `they just point at the row`
    rf"|{_BACK}\s+(?:just|only|merely)\s+(?:point|say|show|tell|describe|repeat|add)s?\b"
    # another incident's, by its id: `That is INC-PM-111, different service.`
    rf"|{_BACK}(?:'s|\s+is|\s+was|\s+belongs\s+to|\s+goes\s+under)\s+(?:part\s+of\s+)?"
    rf"(?:incident\s+)?[A-Z][A-Z0-9]*-[\w-]*\d"
    # a message named again, then a verdict in a relative clause (`the reserved-slot message,
    # which we did not count as this incident`)
    rf"|(?:the\s+)?(?:[\w-]+\s+){{0,3}}(?:message|line|error|warning|entry|entries)s?,\s*"
    rf"(?:which|that)\b[^.;]*?\b(?:{VERDICT})\b"
    # a verdict that ends the clause after a comma: `— not the timeout, non conta`
    rf"|[^.;\x01\x02]{{0,70}},\s*(?:{VERDICT})\W*$"
    # `so we don't alert on it`; `It's a side effect, not the cause.`; `this is expected behaviour`
    rf"|.*\b(?:we|you)\s+(?:do not|don't|never|did not|didn't)\s+(?:alert|page)\s+on\s+"
    rf"(?:it|them|that|this|those)\b"
    rf"|{_BACK}(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:just\s+|only\s+)?(?:an?\s+|the\s+)?"
    rf"(?:side[- ]effects?|consequences?|knock-ons?|follow-ons?)\b(?!\s+of\b)"
    rf"|{_BACK}\s+(?:is|was|are|were)\s+(?:\w+\s+)?expected\b(?!\s+to\b)"
    # what follows from the error: `— that came *after* the publish errors`, `Those follow from
    # the refusals`
    rf"|{_BACK}\s+(?:came|comes|happened|appeared)\s+\W{{0,2}}after\W{{0,2}}\s+the\b"
    rf"|{_BACK}\s+follow(?:s|ed)?\s+from\s+the\b"
    # what the team's own remedy set off, said when (`— after we remounted ro to stop it`)
    rf"|(?:only\s+|just\s+)?after\s+(?:we|i|they|ops|someone)\s+(?:\w+\s+)?(?:remounted"
    rf"|rolled\s+back|restarted|failed\s+over|cleaned\s+up|killed|cancell?ed|drained)\b"
    # a first guess that refers back (`I first thought this was the bug but …`)
    rf"|(?:i|we|they|everyone|the team)\s+(?:\w+\s+)?(?:first|initially|originally)\s+"
    rf"(?:thought|assumed|suspected|believed|blamed)\s+{_BACK}\b"
    # a clause whose subject is the log text: `"…" — is just nginx giving up`
    rf"|(?:is|are|was|were)\s+(?:just|only|merely|simply)\b"
    # ... or refers back to it (`— thats just nginx giving up on them`)
    rf"|(?:that|this|it)(?:'|\u2019)?s\s+{MERELY}"
    rf"|(?:that|this|it|those|these|they)\s+(?:is|are|was|were)\s+{MERELY}"
    # the error that was alerted on named after it: `; the error we alert on is the timeout`
    rf"|the\s+(?:\w+\s+)?(?:error|alert|signal|line|one|thing|message)\s+(?:we|that|which)\s+"
    rf"(?:\w+\s+)?(?:alert(?:s|ed)?|page[ds]?|fire[ds]?|key(?:s|ed)?|care[ds]?|look(?:s|ed)?)"
    rf"\s+(?:on|about|for|at)\s+(?:is|was)\b"
    rf"|(?:we\s+|i\s+|they\s+)?(?:\w+\s+)?{NEG}\s+(?:\w+\s+){{0,2}}?{SEEN}\s+"
    rf"(?:it|that|this|those|these|them|any|one|either|that one|a single|a trace|any of)\b"
    rf"|.*\b(?:(?:there (?:were|was)|we (?:saw|had|got)) (?:none|nothing|zero) (?:of )?{_BACK}\b))"
)
