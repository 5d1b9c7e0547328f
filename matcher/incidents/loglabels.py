"""The words before a colon that label the log text after it (`App log: …`, `the line
was: …`, `…, I think the line was: cp: error writing …`, `error.log: …`, `… failed: …`), as
people write them, and what comes before such a label and is no part of it (a timeline's time,
a report's numbered finding)."""

from __future__ import annotations

import re

from matcher.incidents.verdict_languages_ay import AY_EACH, AY_WROTE
from matcher.incidents.verdict_languages_gd_ig_yi import GD_IG_YI_EACH
from matcher.incidents.verdict_languages_ln_tw import LN_TW_EACH
from matcher.incidents.verdict_languages_om_sn_wo import OM_SN_WO_EACH
from matcher.incidents.verdict_languages_xh_qu_eo import XH_QU_EO_EACH

# How often, before the colon (`for each of them`, `per upload`) in English and the languages
_EACH = rf"(?:for|each|every|per|on|in|at)(?:\s+[a-z]+){{0,3}}|{GD_IG_YI_EACH}|{XH_QU_EO_EACH}"
_EACH += rf"|{OM_SN_WO_EACH}|{LN_TW_EACH}|{AY_EACH}"  # (and om, sn, wo; ln, tw; Aymara)
CLASS_END = re.compile(
    r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:[A-Z]\w*)?(?:Error|Exception|Warning|Failure|Fault|Exit)$"
)
BARE_CLASSES = frozenset({"Error", "Exception", "Warning", "Failure", "Fault", "Exit"})
# A label before log text: a few words of prose ending in a word such as "log" or "output".
LABEL = re.compile(r"^([A-Za-z][A-Za-z0-9 ()'/,-]{0,60}?)\s*:\s+(?=\S)")
LABEL_NOUNS = frozenset(
    [
        "log",
        "logs",
        "output",
        "status",
        "side",
        "traceback",
        "trace",
        "message",
        "messages",
        "stderr",
        "stdout",
        "console",
        "error",
        "errors",
        "line",
        "lines",
        "layer",
        "alert",
        "response",
        "said",
        "showed",
    ]
)
# What the subject of a label did before its error (`Client layer: died with OSError: …`,
# `worker: crashed again with an ImportError: …`): the author's verb, no part of the text.
# ... or what ended in it, named (`What we saw: the booking-api traceback ended in pymysql…`).
FAILED_LEAD = re.compile(
    r"^(?:(?:the|a|an|our|its|their|every|each)\s+(?:[\w.'-]+\s+){0,3}?)?"
    r"(?:(?:it|then|and|also|just|finally|eventually)\s+)*(?:aborted|failed|died|crashed"
    r"|errored(?: out)?|exited|terminated|bailed(?: out)?|stopped|blew up|fell over"
    r"|(?:ended|ends|finished|bottomed out)(?=\s+(?:in|with)\b))"
    r"(?:\s+(?:again|twice|immediately|instantly|early))?\s+(?:with|in)\s+(?:an?\s+)?"
)
# A clause after prose that names the log text following its colon (`, the line was: `).
CLAUSE_LABEL = re.compile(
    r"[,;\u2014]\s+(?:(?:I|we)\s+(?:think|believe|guess)\s+)?(?:the|its|their|his|her|our)\s+"
    r"(?:[\w-]+\s+)?(?:line|lines|output|message|error|log)\s+(?:was|were|read|reads|said)"
    r"\s*:\s+(?=\S)"
    # ... or what they were like (`The workers logged lines similar to: …`)
    r"|\b(?:line|lines|messages?|errors?|output|something|entries)\s+(?:similar\s+to|like"
    r"|such\s+as|along\s+the\s+lines\s+of)\s*:\s+(?=\S)"
    # ... or the part of a long error that tells it, the message right after (`The error was
    # long; the useful part was Failed to resolve 'db' (…)`)
    r"|[,;\u2014]\s+the\s+(?:useful|relevant|important|key|telling|interesting)\s+(?:part|bit)"
    r"\s+(?:was|is|read|reads)\s*:?\s+(?=[A-Z])"
)
# A copula after a label's noun (`I think the line was: cp: error writing …`, `the output
# read: …`): the noun names what follows all the same.
_COPULA = frozenset(["was", "were", "is", "read", "reads"])


def _label_parts(words: str) -> list[str]:
    parts = words.lower().replace("(", " ").replace(")", " ").split()
    return parts[:-1] if len(parts) > 1 and parts[-1] in _COPULA else parts


def names_a_log(words: str) -> bool:
    parts = _label_parts(words)
    # (... or opens with what it is: `Symptom on the nginx side, one line per upload: …`)
    if len(parts) > 1 and parts[0] in ("symptom", "symptoms"):
        return True
    # not `Error:` (`Error: connect ECONNREFUSED …` is Node's own line), nor a status or side
    return bool(parts) and parts[-1] in LABEL_NOUNS - {"status", "side", "error", "errors"}


def is_label(words: str) -> bool:
    parts = _label_parts(words)
    # `… there is the error OSError: [Errno 28] …`, `… crashed with Error: connect …`: the
    # class starts the text (a bare `Error:` alone is a label)
    ends_in_class = CLASS_END.search(words)
    if ends_in_class and (ends_in_class[0] not in BARE_CLASSES or len(parts) > 1):
        return False
    if not parts or re.search(r"\b\d+\b", words):
        return False
    return parts[-1] in LABEL_NOUNS or (len(parts) >= 3 and words[0].isupper())


# Words that join one log text to the next in a sentence (`upload for user <id> failed, and
# then the exception PermissionError: …`).
THEN = re.compile(
    # `…, then further down the chained urllib3.exceptions.NewConnectionError: …`
    r",?\s+(?:and\s+)?then\s+(?:further\s+)?(?:down|up|below|above)\s+(?:the\s+)?(?:chained\s+"
    r"|inner\s+|wrapped\s+)?"
    r"|,?\s+(?:and\s+)?(?:then|after that|followed by)\s+(?:(?:the|an?)\s+(?:exception|error"
    r"|traceback)\s+)?"
    r"|,?\s+and\s+(?:a|the)\s+(?:traceback|stack ?trace)\s+(?:with|ending (?:in|with)|of)\s+"
    # ... or a sentence of its own after a line (`… secs.') traceback ends in kafka.errors…`)
    r"|[,;.]?\s+(?:and\s+)?(?:the\s+)?(?:traceback|stack ?trace)\s+ends\s+(?:in|with)\s+"
    # a chain written with arrows: `ConnectionRefusedError: … → urllib3…NewConnectionError: …`
    r"|\s+(?:\u2192|->|=>)\s+"
)

# A class of any name before its message (`DeadlockDetected: deadlock detected`).
CAMEL_CLASS = re.compile(r"^(?:[a-z_]\w*\.)*[A-Z][a-z]+(?:[A-Z][a-z]+)+:\s+[a-z]")

# A subject failed with its error, perhaps hedged (`failed with something like cp: …`).
FAILED_WITH_TEXT = re.compile(
    r"\b(?:aborted|failed|died|crashed|errored(?: out)?|exited|terminated|bailed(?: out)?|blew up"
    r"|fell over)\s+with\s+"
    r"(?:(?:something|an? (?:error|message|line))\s+like\s+|roughly\s+|(?:an?\s+)?)"
    # ... and a verb that names what it was reported as (`the error was reported as X: …`)
    r"|\b(?:reported|logged|shown|printed|surfaced|raised|written|recorded)\s+as\s+"
)

# A bullet that reads the one before it (`* seen: …` then `* meaning: not this; …`, or `→ not
# it`): the author's gloss, never a program's label (`nginx: …`), whose verdict is about the
# log text it follows.
GLOSS_WORDS = (
    r"meaning|means|meant|interpretation|verdict|assessment|reading|significance|relevance"
    r"|takeaway|analysis|so what|what it meant|what it means|why it matters"
    # (a security timeline's `Analyst comment:` under each entry)
    r"|(?:analyst|reviewer)(?:'s)? (?:comment|note)"
)
GLOSS = re.compile(rf"(?i)^\W*(?:(?:{GLOSS_WORDS})\s*:|\u2192|->|=>)\s*")

# A log file's name as the label (`error.log: …`, `the worker.out: …`): what follows is its text.
# (... in any language: words of any script before it, and a postposition after it, `ކޮންމެ
# ފަހަރަކު nginx error.log ގައި: …`, Turkish `error.log'da: …`; and how often it was logged:
# `error.log for each upload: …`)
FILE_LABEL = re.compile(
    r"^(?:[^\s\x00-\x40\[\]`'(][^\s:]* ){0,3}(?:[\w.-]*/)*[\w-]+(?:\.[\w-]+)*"
    r"\.(?:log|txt|out|err|json|jsonl)(?:\.\d+)?"
    r"(?: ?[^\s\x00-\x7f]{1,8}|'[a-z\u00e7\u011f\u0131\u00f6\u015f\u00fc]{1,4})?"
    rf"(?:,?\s+(?:{_EACH}))?\s*:\s+(?=\S)"
)


def whole_file_line(text: str) -> bool:
    """Whether a paragraph's line is a log file's line pasted whole (`error.log: [error] …`, its
    quotes closed): the line after it is the author's again."""
    return FILE_LABEL.match(text) is not None and text.count('"') % 2 == 0


# A verb of failing or reporting, then a colon: the log text follows (`… then failed: cp: …`).
COLON_VERB = re.compile(
    r"\b(?:failed|fails|said|says|showed|shows|printed|prints|logged|logs|reported|reports"
    r"|recorded|records|raised|returned|emitted|threw|wrote"
    r"|errored|crashed|died|aborted|exited|read|reads"
    rf"|nivîsand|nivisand|nanoratra|{AY_WROTE})"  # (Kurmanji's, Malagasy's, Aymara's `wrote`)
    # ... with how (`failed the same way:`, `crashed again with:`, `errored out with:`)
    r"(?:\s+(?:the same way|in the same way|likewise|again|too|as well|out|with|like this"
    r"|like so|as follows)){0,3}"
    # ... and how often (`logged, for each of them:`, `wrote for each one:`; not `died again,
    # and so on: a crash loop`)
    rf"(?:,?\s+(?:{_EACH}))?\s*:\s+(?=\S)"
    # ... or the author's words that name what follows as the message (`… in its own words:
    # could not translate …`, `the key bit of the error was Failed to resolve …`)
    r"|\bin (?:its|their|his|her|our) own words\s*:\s+(?=\S)"
    r"|\b(?:error|message|line|output)\s+(?:was|were|read|reads)\s+(?=[A-Z\[(])"
)

# A formal report's numbered finding or observation before what it says: `Finding 5.3 — `,
# `O4: `, `Observation 2 - `.
# ... or a triage tag in capitals before what was seen (`EFFECT: nginx error log: …`,
# `SIGNAL: …`); the tags that set aside (`NOISE:`, `UNRELATED:`) are verdicts, not stripped.
FINDING = re.compile(
    r"^(?:EFFECT|SIGNAL|SYMPTOM|EVIDENCE|SEEN|FACT|OBSERVED|IMPACT|TRIGGER|CAUSE|ROOT CAUSE)"
    r"\s*:\s+(?=\S)"
    r"|^(?:Finding|Observation|Obs\.?|Item|Point|O|F)\s*#?\d+(?:\.\d+)*\s*"
    r"(?:[\u2014\u2013:-]|\.(?=\s))\s*(?=\S)"
    # ... and a plain sentence before a label and its message (`Quotes did not load. The
    # gateway gave a DNS error: Failed to resolve …`): the label is read as the item's own, when
    # its message opens as a log's does (`Failed …`, `[error] …`), not as prose (`lowest link …`)
    r"|^(?:(?![^.!]*\b[A-Z]{2})[A-Z][^.:;!?'\"`<>()\[\]=#\d\u2026]*?[a-z]{2}[.!]\s+)+"
    r"(?=[A-Z][^\W\d_]*(?: [^\W\d_]+){1,8}:\s+[A-Z\[])"
)

# A timeline's time before what happened: `09:31 — `, `[14:22] `, `**02:16** - `, `11:05 UTC: `.
TIMELINE = re.compile(
    r"^(?:\*\*)?\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?\]?(?:\*\*)?"
    r"(?:\s*[\u2014\u2013-]\s*|:\s+|\s+)(?=\S)"
)
