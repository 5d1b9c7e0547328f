"""The table of cues that set log text aside (`Not to be confused with "…"`, `"…" — nothing to
do with this`), each with the stretch of the sentence it is read in (asides.py reads them; the
rules and their examples are in docs/incident-log-format.md, "Not this incident")."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from matcher.incidents.verdict_languages import FOREIGN_VERDICT
from matcher.incidents.verdicts import NOT_ALERTED


class Scope(enum.Enum):
    # the prose around the log text, the log text itself masked (`could not connect` inside a
    # quote is no cue)
    AROUND = "around"
    # the prose after the log text, to the end of its sentence (`"…" — nothing to do with this`)
    AFTER = "after"
    # a phrase anywhere in the sentence, also inside unquoted log text, which may run on into
    # the prose after it (`ZeroDivisionError: division by zero is a separate issue`)
    SENTENCE = "sentence"


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    scope: Scope
    example: str  # how an author writes it (docs, and why the cue is here)
    # only for a message without exception class, error level or errno: a person is shown
    # `price unavailable`, while `users got "ERROR 1040 …"` is a client's log line
    plain_only: bool = False


def _cue(pattern: str, scope: Scope, example: str, plain_only: bool = False) -> Cue:
    return Cue(re.compile(pattern, re.IGNORECASE), scope, example, plain_only)


LOGGY = re.compile(
    r"(?:^|[\s.(])[A-Z]\w*(?:Error|Exception)\b|\b(?:ERROR|FATAL|CRITICAL|PANIC)\b"
    r"|\[(?:Errno|error|emerg|crit)|^(?:[\w.]+):\s"
)


_A, _F, _S = Scope.AROUND, Scope.AFTER, Scope.SENTENCE
_THING = r"(?:thing|issue|error|problem|bug|story)"
CUES: tuple[Cue, ...] = (
    # phrases that hold wherever they are in the sentence
    _cue(
        # (`not to be confused` in the team's language: `Cuidado para não confundir com …: "…"`)
        r"\b(?:n\u00e3o|no|ne pas|non|nicht(?: zu)?|da non) (?:confundir|confondre|confondere"
        r"|verwechseln)\b|\bnot (?:to be confused|related|part of|evidence|proof"
        r"|an? (?:(?:second|2nd|separate|new|real|different|other)\s+)?(?:error|problem|incident"
        r"|issue|concern|bug)"
        r"|(?:second|separate|new|different|other)\s+(?:errors|problems|incidents|issues|bugs))\b"
        # (`… the retry, not error.`: no article, at its clause's end; `Don't chase the …`)
        r"|(?<!did )(?<!does )(?<!do )\bnot errors?(?=\s*(?:[.;,)!]|$))|\b(?:don't|do not) chase\b"
        # before the log text, `not the` denies it; after it, only when what is denied is this
        # incident's (`"…", not the symptom`), not another thing (`"…", not the retry warnings`)
        r"|\bnot (?:this|the|our)\b(?=[^\x01]*\x01)"
        r"|\bnot (?:this|the|our) (?:[\w'-]+ )?(?:incident|outage|problem|issue|error|symptom|cause"
        r"|failure|bug|crash|one|thing|culprit)s?\b|\bnot (?:(?:to|for|of) )?(?:this|that)"
        r"(?: one| time)?\s*(?:[.;,)!]|$)",
        _S,
        'not the "…" RangeError; "…", not the symptom',
    ),
    _cue(
        r"\b(?:is|are|were|was|'s) (?:just |only |all )?(?:normal|expected(?! to\b)|harmless"
        r"|benign|unrelated|noise|a (?:consequence|symptom|side effect)|consequences|side effects"
        r"|the (?:consequence|side effect|fallout|aftermath)(?!\s+of\b)"
        rf"|(?:an?(?:nother)? )?(?:different|separate|other) {_THING})\b",
        _S,
        "… is a separate issue",
    ),
    _cue(
        r"(?<!not )(?<!\bno )(?<!no other )(?<!n't )"
        r"\b(?:unrelated|harmless|benign|false (?:alarm|positive)s?|ignor(?:e|ed|ing)|noise|chatter"
        r"|red herring)\b",
        _S,
        "…, unrelated to the timeouts",
    ),
    # ... in the other languages teams write beside English (`… (1062) : aucun rapport`)
    _cue(rf"(?:{FOREIGN_VERDICT})", _S, "… dans le même fichier : aucun rapport"),
    _cue(
        # a verdict in Japanese, Chinese or Polish (no word boundaries between CJK characters)
        r"無関係|関係(?:ない|なし|ありません)|別物|別の事象|別件|除外|そのものではない"
        r"|原因ではない|ノイズ|无关|不相关|不是故障本身|不是原因|排除|不算|另一个问题|别的问题|噪音"
        r"|\bnie ma związku|\bniezwiązan\w*|\bbez związku|\binny problem|\bwykluczon\w*"
        r"|\bnie (?:jest|był[ao]?) przyczyną|\bto nie to\b"
        # ... Korean, Vietnamese, romanised Hindi
        r"|관련\s?없|무관|원인이 아니|배제|별개|không liên quan|\bloại trừ|không phải nguyên nhân"
        r"|\bnahi tha\b|\balag (?:issue|problem|cheez)\b|\bignore karo\b",
        _S,
        "本件とは無関係と判断した; 和这次故障无关; nie ma związku z incydentem",
    ),
    _cue(
        # routine lines around the error (`preceded by the usual wall of GC traces (`…`)`)
        r"\busual\s+(?:wall|flood|stream|spam|noise|bunch|pile|series|chatter|clutter)\s+of\b"
        r"(?=[^\x01]*\x01)",
        _S,
        "preceded by the usual wall of GC traces (…)",
    ),
    _cue(
        r"\b(?:distinct|separate) from (?:the|this|our|that)\b"
        r"|\b(?:recorded|noted|listed|included|mentioned) (?:here )?(?:only )?for (?:the sake of )?"
        r"completeness\b|\bfor completeness only\b",
        _S,
        '"…" was observed; it is distinct from the finding above, recorded for completeness',
    ),
    # what fails on purpose (`it fails on purpose (negative test)`)
    _cue(
        r"\b(?:fails?|failed|failing|errors?|raises?|raised|throws?|thrown)\s+(?:on purpose"
        r"|deliberately|by design|intentionally)\b|\bnegative tests?\b"
        r"|\b(?:expected|supposed|meant) to (?:fail|raise|error|throw)\b",
        _S,
        '"…" is the recursive template test, it fails on purpose',
    ),
    # what the incident's error is, said instead (`we track the metadata timeout as the incident
    # error`, `the refused connect is the real error`)
    _cue(
        r"\bwe (?:track|count|treat|alert on|page on|use)\b[^.;\x01]{0,60}\bas the (?:incident|real"
        r"|main|actual) (?:error|symptom|signal)\b",
        _S,
        "That is the network thread …; we track the metadata timeout as the incident error.",
    ),
    _cue(
        r"\bthe [\w\s-]{1,30} (?:is|was) the (?:real|actual|main) (?:error|problem|cause)\b",
        _F,
        '"…" — those are nginx reacting afterwards, the refused connect is the real error',
    ),
    _cue(r"\bnot (?:us|ours|mine)\b", _S, '"…" errors were the coupon service, not us'),
    _cue(
        r"\bpre-?existing\b|\bbeen (?:there|around|logged) (?:for|since)\b"
        r"|\b(?:happens|happened|shows up|appears) all the time\b",
        _S,
        '"…" has been there for months',
    ),
    # words that are cues in the prose around the log text only
    # `not` before the log text (`isn't "…"`, `not the "…" RangeError`); after it, `"…", not a
    # timeout` says what the error was not
    _cue(
        r"(?:\bnot|n't)\s+(?:(?!the (?:first|only|last) time\b)(?:an?|the|this|that|it|our|what)\b"
        r"[^\x01]*\x01|\W?\x01)",
        _A,
        'isn\'t "…"',
    ),
    _cue(
        # (not a chain: `an exception inside another exception`, `during handling of another`)
        r"(?<!inside )(?<!within )(?<!handling of )(?<!while handling )"
        r"\b(?:different|separate|other|another) (?:thing|issue|error|problem|bug|story|incident"
        r"|cause|one|message|errno|exception|signature)\b",
        _A,
        "a different bug; a separate message",
    ),
    _cue(r"(?<!as )\ba consequence\b(?!\s+of\b[^\x01]*\x01)", _A, '"…", a consequence'),
    # (the usual what: the log text it stands before or after, not another in the sentence;
    # not what the error was, `it was the usual OperationalError (1040, …)`)
    _cue(
        r"(?<!\bit was )(?<!\bit is )(?<!\bit's )(?<!\bthis was )(?<!\bthat was )"
        r"\bthe usual\s+\W?\x01"
        r"|\x01\W?[\s,\u2014\u2013-]+(?:(?:is|was|just|that's|it's)\s+)*the usual\b",
        _A,
        'the usual "…"',
    ),
    _cue(
        # (`the timeout we expected` is another thing's)
        r"(?<!than )(?<!not )(?<!n't )(?<!never )(?<!we )(?<!i )(?<!they )(?<!had )"
        r"\bexpected(?=\s*(?:[.,;)!]|$))"
        r"|(?<!not )\bas expected\b",
        _A,
        '"…", expected.',
    ),
    _cue(
        r"\x01\W?\s+(?:\w+\s+){0,3}(?:came|appeared|showed up|started|began)\s+(?:only\s+)?"
        r"(?:after|later)\b",
        _A,
        '"…" lines came after; appeared only later',
    ),
    _cue(r"\bknock-on\b", _A, '"…" showed up later, a knock-on'),
    _cue(r"\bwhat (?:it|this) (?:was|is)(?:n't|\s+not)\W+\x01", _A, 'What it was NOT: "…"'),
    # warnings about the log text; what paged was another error
    _cue(r"\bWARN(?:ING)?s?\s+(?:about|from)\b[^\x01]*\x01", _A, 'lots of WARNINGs about … "…"'),
    _cue(
        r"\bbut\s+the\s+(?:paging|real|actual|alerting|main|root|primary)\s+(?:error|problem"
        r"|issue|cause|alert)\s+(?:was|is)\b",
        _F,
        '"…" — those tell you …, but the paging error was the metadata timeout',
    ),
    # a part of a wrapper's message (`requests wrapped it as a ConnectionError with "…" in the
    # middle`): the wrapper's words, which it prints for every cause
    _cue(
        r"\bwith\s+\W?\x01\W?\s+in\s+(?:the\s+)?middle\b"
        r"|\bwrap(?:s|ped|ping)?\b[^\x01]{0,60}\bwith\s+\W?\x01",
        _A,
        'requests wrapped it as a ConnectionError with "…" in the middle',
    ),
    _cue(r"\bdoing (?:its|their) job\b", _A, "the breaker doing its job"),
    _cue(NOT_ALERTED.pattern, _F, '"…" — the connection symptom, not what the alert fired on'),
    _cue(r"\bjust (?:the|a|our)\b", _A, '"…", just the importer retrying'),
    _cue(r"\blast (?:week|month|year)'s\b", _A, 'last month\'s "…"'),
    _cue(r"^\W*not\b(?!\s+only\b)", _A, 'Not EACCES ("…") this time'),
    _cue(r"\bno\s+(?:[\w-]+\s*(?:/|\bor\b)\s*){1,2}\W?\x01", _A, 'there was no 1213 / "…"'),
    # (not `that was the outage`, which says the log text is the incident's)
    _cue(
        r"(?:^|[\u2014\u2013,;(-]\s*)that was\b(?!\s+(?:it|(?:the|our|exactly the)\s+(?:outage"
        r"|incident|cause|problem|culprit|error|one|real|root|main|actual|whole)\b))",
        _A,
        '"…" — that was the chown step',
    ),
    _cue(r"\bthen\s+\W?\x01\W?\s+once\b", _A, 'then "…" once both were down'),
    # a warning or info line: the incident's error is logged as an error
    _cue(
        r"\b(?:warn(?:ing)?|info|debug|notice)\s+(?:lines?|messages?|entries|logs?)\W*(?:like\s+"
        r"|such as\s+)?\W?\x01|\x01\W?\s+(?:(?:warn(?:ing)?|info|debug|notice)\s+"
        r"(?:lines?|messages?|entries)|warnings?)\b",
        _A,
        'many WARNING lines "…"; "…" warnings',
    ),
    # a message shown to a person (a page, the checkout, a customer), not a log line
    _cue(
        # a thing shows a message; a person sees or gets it (`the app saw "…"` is a client's)
        r"(?:\b(?:page|screen|ui|app|checkout|browser|banner|dialog|modal|popup|toast)s?"
        r"(?:\s+(?!(?:logs?|logged|journal|stderr|stdout|console|output|server)\b)"
        r"[^\s\x01]+){0,6}?\s+(?:showed|shows|show|said|says|say|displayed|displays|display)"
        r"|\b(?:customers?|users?|shoppers?)"
        r"(?:\s+(?!(?:logs?|logged|journal|stderr|stdout|console|output|server)\b)"
        r"[^\s\x01]+){0,6}?\s+(?:showed|shows|show|said|says|say|saw|sees|see"
        r"|got|gets|get|displayed|displays|display))\s+(?:[\w-]+\s+){0,2}\W?\x01"
        # (`users saw "…" in the API response`: an API's reply, not a page)
        r"(?!\W*\s+(?:in|from)\s+(?:the|an?|every|each)\s+(?:api|http|json|grpc)?\s*(?:api|response"
        r"|reply|body|payload|call)s?\b)",
        _A,
        'the checkout showed "price unavailable"',
        plain_only=True,
    ),
    # what a person saw, labelled (`User saw: “…”, then “…”`), and what a person clicked
    # (`after clicking “Export all orders (CSV)”`) or a named step (`the "fix ownership" step`)
    _cue(
        r"^\W*(?:what\s+)?(?:the\s+)?(?:users?|customers?|shoppers?|clients?|people|merchants?)"
        r"\s+(?:saw|see|sees|got|get|reported|report|were shown)\s*:",
        _A,
        "User saw: “…” for half a minute, then “…”",
        plain_only=True,
    ),
    _cue(
        r"\b(?:click(?:ed|ing|s)?|press(?:ed|ing|es)?|tap(?:ped|ping|s)?)\s+(?:on\s+)?(?:the\s+)?"
        r"\W?\x01|\x01\W?\s+(?:step|button|link|menu|tab|toggle|checkbox|option|dropdown)\b",
        _A,
        'after clicking "…"; the "…" step then logged',
        plain_only=True,
    ),
    # the name of a job that ran, not a log line (`Every run of `settle invoices` dies`)
    _cue(
        r"\b(?:run|runs|execution|executions|invocation|invocations|instance|instances)\s+of\s+"
        r"(?:the\s+)?\W?\x01",
        _A,
        "every run of `settle invoices` dies",
    ),
    # the name of an alert, a dashboard or a ticket, not a log line
    _cue(
        r"\b(?:alert|alarm|dashboard|panel|graph|monitor|slo|ticket|runbook|pager(?:duty)?|paged)"
        r"\s+(?:(?:called|named|titled|for)\s+)?\W?\x01"
        r"|\x01\W?\s+(?:alert|alarm|dashboard|panel|graph|monitor|slo|ticket|runbook)s?\b",
        _A,
        'the "Checkout p99 latency" alert fired',
    ),
    # after the log text: what it is, said in the rest of its sentence
    # as an aside of its own (`— follows from the above`, `(downstream of the refusals)`),
    # not as the sentence's verb (`"…" errors follow from the lock order` is about the cause)
    _cue(
        r"(?:^|[(,;:\u2014\u2013-]\s*|\b(?:it|this|that|which|is|are|was|were|just|all)\s+)"
        r"(?:follows? from|downstream of)\b|\bnot (?:a )?separate\b",
        _F,
        "— follows from the above, not separate",
    ),
    # `…; that's the worker being killed, same event`: one event, already a symptom
    _cue(
        r"(?:^|[,;(\u2014\u2013-]\s*)(?:all\s+|just\s+)?(?:part of\s+)?(?:the\s+)?same "
        r"(?:event|crash|failure|incident)\s*(?:[.;,)]|$)",
        _F,
        '"…" and a traceback; the worker being killed, same event',
    ),
    _cue(
        r"\b(?:a|just a|only a) (?:consequence|side[- ]effect) of\b",
        _F,
        '"…", a side effect of the restart',
    ),
    _cue(
        r"\b(?:is|are|were|was|'s)\s+(?:just|only|merely)\s+(?:the|a|an|our|some)\b",
        _F,
        '"…" — this are only the retries',
    ),
    _cue(r"\b(?:do not|don't|dont) count\b", _F, "please don't count them as failures"),
    _cue(
        r"\b(?:do|does|did)(?: not|n't) mean\b|^\W*(?:just\s+|perfectly\s+|all\s+)?"
        r"(?:normal|routine)\b",
        _F,
        '"…" lines … do not mean an import failed; "…" — normal.',
    ),
    # the author's first guess, taken back (`I first thought it was "…"; it wasn't that`)
    _cue(
        r"\b(?:it|that|this)\s+(?:was|is)(?:\s+not|n't)\s*(?:(?:that|it|this)\b|[,;\u2014\u2013]"
        r"|\.?$)|\bruled (?:it |that |this )?out\b",
        _F,
        'I first thought it was the limit ("…"); it wasn\'t that; "…" bit — it was not, …',
    ),
    # a verdict on what the log text is, said after it (`"…" on the next run. Side effect, not
    # the cause.`): a side effect or a knock-on, not the cause
    _cue(
        r"(?:^|[\s,;(\u2014\u2013-])(?:a\s+|just\s+a\s+|only\s+a\s+)?"
        r"(?:side[- ]effects?|knock-ons?)\s*(?:[,.;)]|$)"
        r"|\bnot (?:the|a|its) (?:root )?(?:cause|trigger)\b",
        _F,
        '"…" on the next run. Side effect, not the cause.',
    ),
    _cue(
        r"\bthat (?:then )?(?:succeeded|recovered|went through)\b|\bretried (?:and|then) "
        r"(?:succeeded|recovered|went through)\b",
        _F,
        '"…" retries that succeeded',
    ),
    _cue(r"^\W*(?:[\w-]+\s+){0,2}expected\b(?!\s+to\b)", _F, '"…", expected during a failover'),
    # `fine` of the log text itself, not of something else in the sentence (`"…" to every SET;
    # reads were fine`)
    _cue(
        r"^\W*(?:[\w:/-]+\s+){0,4}(?:is|are|were|was)\s+(?:just\s+|all\s+|perfectly\s+)?fine\b",
        _F,
        '"…" lines are fine',
    ),
    _cue(
        r"^\W*(?:\w+\s+){0,2}(?:is|are|was|were)\s+(?:just\s+|only\s+)?(?:an?\s+)?"
        r"(?:warnings?|info|debug|notice)\b",
        _F,
        '"…" is a warning we always get',
    ),
    _cue(
        r"\bbut\s+(?:they|those|these|it|that|this)\s+(?:\w+\s+)?(?:came|come|were|was|are|is)"
        r"\s+from\b(?!\s+(?:the\s+)?same\b)",
        _F,
        "`…` errors that week but they came from the coupon service",
    ),
)

# A label that says the text after it names an alert that fired, not a log line (`[Datadog]
# Monitor triggered: `gateway 5xx > 2% (5m)``): read before the label is taken off the clause.
ALERT_LABEL = re.compile(
    r"(?i)\b(?:alert|alarm|monitor|slo|check)\s+(?:triggered|fired|firing|breached|recovered"
    r"|resolved|went off):\s*\W?\x01"
)
