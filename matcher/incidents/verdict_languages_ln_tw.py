"""Verdicts in Lingala and Twi (Akan) (verdict_languages.py joins them to the others): not the
error, not this incident, no relation, another problem or bug, do not count it or mix it up,
only a warning, a check, a retry or a notice, our own, noise. The words that refer back to a log
text, the verbs of saying before an unquoted message and the words of how often are at the end.

Lingala negates a clause with `te` at its end (`ezali erreur te`: it is not an error; `tolandaka
yango te`: we do not follow it), borrows French and English nouns and writes them in French
spelling (`erreur`, `conséquence`), and puts `mosusu` (other) and `kaka` (only) after and
before what they qualify. Twi negates its copula as `ɛnyɛ` or `nyɛ` (it is not) and a verb with
a nasal prefix (`yɛnkan`: we do not count), and is written with `ɛ`, `ɔ` or, on a keyboard
without them, `e`, `o`: a word with them is matched both ways, but the bare `nye`, `enye`
(Danish `nye`, new; isiXhosa `enye`, one) only before a Twi word of what it denies."""

from __future__ import annotations

# Twi's open vowels, written or typed as `e`, `o`
_E = "[ɛe]"
_O = "[ɔo]"
# Lingala: the copula (`ezali`, `ezalaki`, `bazali` …), not its progressive (`ezalaki kokweya`:
# it was failing, a symptom)
_LN_IS = r"\b(?:e|ba|bi|ma|mi|li|lo)zal(?:i|í|aki|aka|ak[ií])\b(?!\s+ko\w)"
# ... the nouns a verdict denies or calls another (error, incident, matter, sign, cause, bug)
_LN_NOUN = (
    r"(?:erreur|error|likama|likambo|makambo|elembo|bilembo|ntina|bug|probl[èe]me|ticket"
    r"|issue|incident|timeout|errno|limite?|mokakatano|mikakatano|faute|message|line|ba-line)"
)
# Twi: the nouns a verdict denies or calls another (error, matter, problem, bug, limit)
_TW_NOUN = (
    rf"(?:mfoms{_O}|mfomso{_O}|as{_E}m|ns{_E}m|{_O}haw|ohaw|haw|bug|error|ticket|issue"
    r"|incident|limit|query|nsunsuanso)"
)

# ... its `te` (not), at a clause's end or before a Lingala word (`tolandi yango te lokola
# likama oyo`), never Haitian Creole's `te` (its past) before a verb (`yo te wè "…"`)
_TE = (
    r"te(?=\s*(?:[.,;:!?)\]\u2014\u2013]|$)"
    r"|\s+(?:lokola|na|mpo|kasi|lisusu|ata|soki|mpe|wana|tii|sikoyo|ya\s+solo)\b)"
)

LN_TW_VERDICT = (
    # Lingala: it is not (`ezali erreur te`, `ezali yango te`, `ezali ntina ya likama oyo te`),
    # not an error, not it, but no (`erreur te`, `yango te`, `kasi te`), another matter, error,
    # timeout (`likambo mosusu`, `erreur ya sika mosusu`), only a retry, a notice, a check
    # (`ezali kaka …`, `kaka kozongela`), noise (`makelele`), do not count, follow, take or mix
    # it (`totangaka yango te`, `tolandaka te`, `kozwa yango te`, `kosangisa te`), leave it
    # (`tika yango`), no relation (`boyokani te`, `etali likama oyo te`), our own check (`check
    # na biso moko`), what we expected (`tozalaki kozela`), normal (`ezali normal`)
    rf"{_LN_IS}\s+(?:[^\s.;:,!?]+\s+){{0,7}}?{_TE}"
    rf"|\b(?:{_LN_NOUN}|yango|kasi|bango)\s+{_TE}"
    rf"|\b{_LN_NOUN}\s+(?:ya\s+\S+\s+)?mosusu\b|{_LN_IS}\s+kaka\b"
    r"|\bkaka\s+(?:\S+\s+){0,2}?(?:retry|notice|warning|info|debug|check|configuration|config"
    r"|rapport|kozongela|makelele|bruit|cons[ée]quence|health|avertissement)\b|\bmakelele\b"
    r"|\b\w{0,4}(?:tang|land|zw|sangis|kotis)(?:a|aka|i|aki|ak[aií])\s+"
    rf"(?:[^\s.;:,!?]+\s+){{0,4}}?{_TE}"
    rf"|\b(?:bo)?tika\s+(?:yango|yo|bango|yango\s+wana)\b|\bboyokani\s+{_TE}"
    rf"|\b(?:e|ba)?tal(?:i|aka)\s+(?:[^\s.;:,!?]+\s+){{0,3}}?{_TE}"
    r"|\b(?:check|retry|script|test|alerte|alert)\w*\s+(?:ya\s+)?(?:na\s+)?biso(?:\s+moko)?\b"
    rf"|\btozalaki\s+kozela\b|{_LN_IS}\s+(?:kaka\s+)?normal\w*"
    # Twi: it is not (`ɛnyɛ mfomso no`, `ɛno nyɛ …`, `ɛnyɛ asɛm yi`; not `ɛnyɛ adwuma`, it does
    # not work, nor the severity `ɛnyɛ den`), and the bare `nye` before what it denies; another,
    # a different one (`bug foforo`, `limit foforo koraa`, `soronko`), it does not concern it
    # (`ɛmfa asɛm yi ho`), nothing to do with it (`nni hwee`), only a warning, a retry (`warning
    # pɛ`, `retry nko ara`), we do not count it, do not put it in (`yɛnkan`, `yɛmfa nhyɛ asɛm yi
    # mu`), leave it (`gyae no`), our own check (`yɛn ankasa check`), a consequence (`nsunsuanso`)
    rf"|\b{_E}?n{{1,2}}yɛ\b(?!\s+(?:adwuma|yie|yiye|den)\b)|\bɛn{{1,2}}y{_E}\b(?!\s+(?:adwuma|den)\b)"
    rf"|\b(?:e|en)?nye\s+(?:{_TW_NOUN}|{_E}no|nea|saa|yei|eyi|biribi)\b"
    rf"|\b{_TW_NOUN}\s+(?:\S+\s+)?foforo\s+koraa\b|\b{_TW_NOUN}\s+foforo\b|\bsoronko\b"
    rf"|\b{_E}?(?:m|n)fa\s+(?:\S+\s+){{0,3}}?ho\b|\bnni\s+hwee\b"
    rf"|\b(?:warning|retry|check|info|debug|notice|health|k{_O}k{_O}b{_O})\w*\s+(?:\S+\s+){{0,2}}?"
    rf"(?:pɛ(?!\w)|pe(?=\s*(?:[.,;:)\u2014\u2013]|\s-\s|$))|nko\s+ara(?!\w))"
    rf"|\b(?:y{_E}|mo|w{_O})n{{1,2}}kan\b|\b(?:y{_E}|mo|w{_O})?m{{1,2}}fa\s+(?:\S+\s+){{0,3}}?n(?:hy{_E}|ka)\b"
    rf"|\bgya[ew]\s+(?:no|saa|{_E}no)\b|\by{_E}n\s+(?:ankasa\s+)?(?:check|retry|script|test|health)\b"
    r"|\bnsunsuanso\w*"
)

# The words that refer back to a log text (verdict_languages.py joins them to its own): Lingala
# `yango`, `oyo`, `wana`, `yango wana`, `bango`, `ba-line oyo` (it, this, that, they, these
# lines); Twi `ɛno`, `eyi`, `yei`, `saa`, `eyinom`, `wɔn`, `nsɛm yi` (that, this, these, them, these
# things)
LN_TW_BACK = (
    r"yango|oyo|wana|yango\s+wana|bango|ba-line\s+oyo|ba-line\s+yango"
    rf"|{_E}no|eyi|yei|saa|{_E}yinom|wɔn|ns{_E}m\s+yi"
)

# Verbs of saying before an unquoted message (extract.py reads what follows as log text):
# Lingala `elobaki`, `alobaki`, `ekomaki`, `akomaki` (it said, it wrote), before English words
# only (`ekomaki na Kafka te`, it did not reach Kafka, is Lingala); Twi `kaa sɛ`, `kae sɛ` (said
# that), `kyerɛw`, `kyerɛɛ` (wrote, showed), `buae`, `buaa` (answered)
LN_TW_SAID = (
    r"(?:[ae]lob(?:aki|i|ak[aií])|[ae]kom(?:aki|í)|[ae]bimisaki)(?=(?:\s+[!-~]+){3})"
    r"(?!(?:\s+\S+){0,2}\s+(?:na|ya|mpe|te|mpo|oyo|tii|kaka|lisusu|sima|liboso|pene)\b)"
    rf"|(?:ka[ae]\s+s{_E}|ka\s+sɛ|kyer{_E}(?:w|{_E}|e)w?(?!\s+s{_E}\b)|bua[ae])"
    # (... not before Twi: `kyerɛɛ sɛ heap no du …`, it showed that the heap reached …)
    rf"(?!(?:\s+\S+){{0,2}}\s+(?:no|na|ne|w{_O}|s{_E}|yi|bi|a|nso|ara|mu|so)\b)"
)

# The prose after a message in the team's words (quotes.py cuts it off): Lingala `mpo na …`
# (for …), `sima ya`, `liboso ya` (after, before), `na ba-…` (with the …), `mbala …` (… times),
# `tango nyonso` (always); Twi `wɔ … mu` (in …), `bere a` (when), `mpɛn …` (… times)
LN_TW_AFTER = (
    r"mpo\s+na|sima\s+ya|liboso\s+ya|na\s+ba-|mbala\s+\w+|tango\s+nyonso|ntango\s+nyonso"
    rf"|w{_O}\s+\S+(?:\s+\S+)?\s+mu|bere\s+a|mp{_E}n\s+\w+"
)

# How often, between what logged and the colon before its message: Lingala `mpo na … nyonso`,
# `… moko moko`, `mbala na mbala`, `tango nyonso` (for every …, one by one, again and again,
# always); Twi `… biara`, `bere biara`, `mpɛn biara` (every …, every time)
LN_TW_EACH = (
    r"mpo\s+na\s+\S+\s+(?:nyonso|moko\s+moko)|\S+\s+moko\s+moko|mbala\s+na\s+mbala"
    rf"|tango\s+nyonso|ntango\s+nyonso|\S+\s+biara|bere\s+biara|mp{_E}n\s+biara"
)

# Twi's `no` (the), after its noun and before a Twi word (`Importer no kyerɛw …`: the importer
# wrote), which dismissal.py does not read as English's `no` (`no "…"`: there was none)
TW_THE = r"\s+(?:\w*[ɛɔ]|(?:kaa|kae|buaa|buae|too|de|kyerew|kyeree|yee|san|nso|nyinaa|mu|so|ho)\b)"
