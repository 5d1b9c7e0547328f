"""Which quoted runs of a symptom bullet are log text (``"…"``, `` `…` ``, “…”): a message
such as ``TimeoutError: QueuePool limit …``, not a lone path or identifier in backticks.
Used by ``matcher.incidents.reader``; the rules are in docs/incident-log-format.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from matcher.incidents.build_consoles import stage_header
from matcher.incidents.span_events import trace_words
from matcher.incidents.verdict_languages_ast_rm import LN_TO_RM_AFTER as LN_TW_AFTER
from matcher.incidents.verdict_languages_om_sn_wo import OM_SAID_AFTER

_NAME_MESSAGE = re.compile(r"^[A-Za-z_][\w.$]*:\s+\S")
# An error tracker's culprit, where the error was raised (`orders.db in restock`, a module and
# its function): a place in the code, not what the log said
# ... or a query's condition on a field (`httpStatusCode_d == 502`, `SeverityLevel >= 3`)
_CULPRIT = re.compile(
    r"^[A-Za-z_]\w*(?:[./]\w+)+ in [A-Za-z_<][\w.<>]*$"
    r"|^[A-Za-z_][\w.]*\s*(?:==|!=|>=|<=|=~|!~)\s*[\w.\"'-]+$"
)
_OPENS_CONTENT = "_<([{/\\$%'"


def _quote_role(text: str, i: int) -> str:
    """Whether the `"` at i opens or closes a quote, judged by the characters around it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open, can_close = not after.isspace(), not before.isspace()
    if can_open and can_close:  # `key="v"`, `email""`: opens when content follows
        return "open" if after.isalnum() or after in _OPENS_CONTENT else "close"
    return "open" if can_open else "close"


def _double_quoted(text: str, start: int) -> tuple[str | None, int]:
    """The outermost "…" run opening at start (inner quotes stay literal) and where it ends."""
    depth = 1
    for i in range(start + 1, len(text)):
        if text[i] == '"':
            depth += 1 if _quote_role(text, i) == "open" else -1
            if depth == 0:
                return text[start + 1 : i], i + 1
    last = text.rfind('"')  # unbalanced: the outermost pair is the first and the last quote
    return (text[start + 1 : last], last + 1) if last > start else (None, start + 1)


def _code_span(text: str, start: int) -> tuple[str | None, int]:
    width = len(text) - start - len(text[start:].lstrip("`"))
    end = re.compile(rf"(?<!`)`{{{width}}}(?!`)").search(text, start + width)
    if end is None:
        return None, start + width  # unmatched backticks are literal
    span = text[start + width : end.start()]
    # (a search's quoted phrase, `"FATAL ERROR: Reached heap limit …"` in a monitor's query,
    # is the text inside its quotes when it is a message: a few words are a search's terms)
    phrase = len(span) > 2 and span[0] == span[-1] == '"' and '"' not in span[1:-1]
    phrase = phrase and (":" in span or len(span.split()) >= 5)
    return span[1:-1] if phrase else span, end.end()


def _paired(close: str) -> Callable[[str, int], tuple[str | None, int]]:
    """A reader of a quote whose closing mark differs from its opening one."""

    def read(text: str, start: int) -> tuple[str | None, int]:
        end = text.find(close, start)
        return (text[start + 1 : end], end + 1) if end > 0 else (None, start + 1)

    return read


_typographic = _paired("\u201d")
# (Japanese and Chinese corner brackets quote as “…” does: 「pymysql.err.OperationalError: …」)
_QUOTE_READERS = {
    "`": _code_span,
    "\u201c": _typographic,
    '"': _double_quoted,
    "\u300c": _paired("\u300d"),
    "\u300e": _paired("\u300f"),
}


def quoted_runs(text: str) -> list[str]:
    """Every quoted run of a symptom text, left to right."""
    runs: list[str] = []
    i = 0
    while i < len(text):
        reader = _QUOTE_READERS.get(text[i])
        # (a bytes literal's quote is the value's: `MemcacheServerError: b"out of memory …"`)
        bytes_literal = text[i] == '"' and re.search(r"(?<![\w.])b$", text[:i]) is not None
        if reader is None or bytes_literal or (text[i] == '"' and _quote_role(text, i) == "close"):
            i += 1
            continue
        run, i = reader(text, i)
        if run and run.strip():
            runs.append(run.strip())
    return runs


def is_log_text(run: str) -> bool:
    """A message reads as log text; a lone path, file name or identifier does not."""
    # (... nor a trace view's header or annotation, span_events.py, or a CI stage's header)
    if not any(c.isspace() for c in run) or _CULPRIT.match(run) or trace_words(run):
        return False
    if stage_header(run):
        return False
    return len(run) >= 12 or _NAME_MESSAGE.match(run) is not None


def take_out(rest: str, run: str) -> str:
    """The item with a quoted run and its quote characters replaced by a mark: a quote
    character is never the edge of an unquoted log text."""
    # (the run where it is quoted: its words may come before, unquoted or in a bytes literal's
    # quotes, `…: b'out of memory storing object' … Error("out of memory storing object")`)
    quoted = re.search(rf"(?<=[{_QUOTES}])\s*{re.escape(run)}", rest)
    start = rest.find(run, quoted.start()) if quoted else rest.find(run)
    if start < 0:
        return rest  # already taken out with an enclosing run
    left, right = start, start + len(run)
    while left > 0 and rest[left - 1] in _QUOTES:
        left -= 1
    while right < len(rest) and rest[right] in _QUOTES:
        right += 1
    return rest[:left] + "\x00" + rest[right:]


_QUOTES = '"`\u201c\u201d\u300c\u300d\u300e\u300f'
# Where the prose goes on after unquoted log text: a new sentence of words (`). The ledger…`).
_PROSE_SENTENCE = re.compile(
    # (... its subject may name two things, `Stderr/journal shows the same`)
    # (... or an acronym, `Last GC lines before it showed …`; its third word a flag, `Ran with
    # --max-old-space-size=512`)
    r"(?<=[^.][.!?])\s+(?=[A-Z][a-z]*(?:['\u2019][a-z]+|/[a-z]+)?\s+(?:[A-Z]{2,}\s+)?[a-z]+"
    r"\s+-{0,2}[a-z]+)"
    r"|\s*[(\[]\s*$"
    # (... or says what a thing of it is: `… out of memory. Exit 134 is V8 aborting itself`)
    r"|(?<=[^.][.!?])\s+(?=[A-Z][a-z]+(?:\s+\S+){0,2}\s+(?:is|was|are|were|means)\s+\w)"
    # (the next sentence's first word, where a quote of its own was taken out after it: `… (1040,
    # 'Too many connections'). The "…" ones are unrelated.`)
    r"|(?<=[^.][.!?])\s+(?:The|This|That|These|Those|It|Its|Our|We|Both|All|Each|Any|Only)"
    r"(?:['\u2019]s)?\s*$"
)


# `pymysql OperationalError 1040` before its quoted message: a class without a message.
_NOTE_AFTER = re.compile(r"\s+\((?:an?|the|one|some|our|its|their)\s[^()]*\)(?:[.;]\s.*)?$")
_BARE_CLASS = re.compile(
    r"^(?:[a-z][\w.-]*\s+)?(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:\s+-?\d+)?(?:\s*(?:\u2026|\.{3}))?$"
)


# Where the prose goes on inside the sentence: how often, how long or how many (`… every time, after
# exactly 15 s`, `… roughly every 30 s under load`, `…, one per batch of SKUs`, `…, dozens per
# second`), and a place said in passing (`… in the legacy cron too`, `…) on the big tenant`).
_COUNT = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a few|several|many|dozens"
    r"|hundreds|thousands|\d+)"
)
# ... Māori's `mō ngā …`, `i te …`, `ki te …` (for, at, to the), Sundanese's `, nu …` (which),
# Quechua's verb of saying or seeming after the message (`… deadlock detected nirqan …`, `…
# 'maxmemory' hina rikukurqan (…)`: it said, it looked like), Oromo's (`… jedhu kenne`: which
# said, it gave)
_TEAM_PROSE_AFTER = re.compile(
    r"\s+(?:m[\u014do]|ki|n[\u0101a]|i|o)\s+(?:ng[\u0101a]|te|ia|t[\u0113e]tahi)\s.*$"
    r"|,\s+(?:nu|anu)\s+[a-z\u00e9]+\s.*$"
    # (Luganda's, Breton's and Guarani's "and the rest", `…: 2097152 bytes, n'ebirala (client, …)`,
    # Luganda's "and it …", `…, n'efuluma`, and Guarani's "with", `… on device reheve; …`)
    r"|,\s+(?:n['\u2019][a-z]+|hag\s+all|ha\s+ambue)\b.*$|\s+reheve\b.*$"
    r"|\s+(?:nirqa?n(?:ku)?|ninku|nispa|nisqa(?:ta|wan)?|hina\s+(?:rikukurqa?n|lluqsirqa?n)\w*"
    rf"|{OM_SAID_AFTER})(?:\s.*)?$"
    rf"|\s+(?:{LN_TW_AFTER})\s.*$"  # (Lingala's, Twi's: `…) mpo na ba-host mibale`)
)
# ... and before it, whose line a level names (Māori `ERROR a te taupānga: …`, the app's)
_TEAM_PROSE_BEFORE = re.compile(
    r"^(?:ERROR|WARN(?:ING)?|INFO|FATAL|CRITICAL)\s+(?:a|o|n[\u0101a]|[\u0101a])\s+"
    r"(?:te|ng[\u0101a])\s+[^\s:]+:\s+(?=\S)"
    r"|^nti\s+(?=[a-z])"  # (... and Luganda's "that" before it: `… yagamba nti could not …`)
)
_PROSE_AFTER = re.compile(
    r"(?:,\s*|\s+)(?:(?:for|on|in|at|after)\s+)?"
    r"(?:(?:roughly|about|around|approximately|exactly|nearly|almost)\s+)?"
    r"(?:every|each)\s+(?:time|after|\d+|few|other|second|minute|hour|day|night|run|batch"
    r"|request|job|event)\b.*$"
    rf"|,\s*{_COUNT}\s+(?:per|a|an|each|every|times)\b.*$"
    r"|\s+(?:under (?:heavy |high )?load|at peak)\b.*$"
    r"|(?<=[\"')])\s+(?:once|twice|three times)\s+(?:for|per|on|in|a|an)\b.*$"
    # (an elision, then the author's words: `OOM command not allowed..., newer ones as …`)
    r"|(?:(?<=\.\.\.)|(?<=\u2026)),\s+[a-z]+\s+[a-z]+\b.*$"
    r"|\s+(?:in|on|from|for) the(?:\s+[a-z][\w-]*){1,3}\s+(?:too|as well|also)$"
    r"|(?<=\))\s+(?:in|on|for) the(?:\s+[a-z][\w-]*){1,2}$"
    r"|\s+(?:as well|too)$"
    # what was under it, after a message's closing parenthesis (`… not known) and under it the
    # resolver's own socket.gaierror: …`): the next text, which is read on its own
    r"|(?<=\))\s+and\s+(?:under|below|beneath|above|before|after)\s+(?:it|that|this)\b.*$"
    # when, after a comma (`…, right after "building report 24"`)
    r"|,\s+(?:right|just|shortly|immediately|soon|directly)\s+(?:after|before)\b.*$"
    # how often, right after a message's closing parenthesis (`… (98: Address already in use)
    # repeated, then …`, `…) twice`): a message does not go on with how often it was logged
    r"|(?<=\))\s+(?:repeated(?:ly)?|again|twice|thrice|once more|over and over|on repeat"
    rf"|(?:{_COUNT}|a few|multiple|many) times)\b.*$"
    # (... in a parenthesis of the author's at the end: `… on device (twice, the 2nd is the
    # chained one)`, `… (x5 per start)`)
    r"|\s+\((?:once|twice|thrice|x\s?\d+|\d+\s?[x\u00d7]|\u00d7\s?\d+|\d+ times|every|each"
    r"|repeated)\b.*\)\s*$"
    # (... or an example of the author's: `… NNNN bytes (e.g. 1572864 for a 1.5 MB photo)`)
    r"|\s+\((?:e\.\s?g\.|i\.\s?e\.|z\.\s?B\.|p\.\s?ex\.|for (?:example|instance)\b).*\)\s*$"
    r"|\s+(?:over and over(?: again)?|again and again|repeatedly|constantly|continuously"
    r"|non-?stop|all (?:night|day|morning|evening|afternoon|weekend)(?: long)?"
    r"|in a (?:tight )?loop|for (?:hours|minutes|days|a while)|the whole (?:night|day|time)"
    r"|all over the (?:place|logs?))\b.*$"
    r"|\s+(?:on|for|in|from|across|at|to)\s+(?:most|all|many|some|several|half|both|every"
    r"|each|a few|the majority)\b.*$"
    # the author's next clause in a paragraph: a relative clause that says what the line did
    # (`… 'maxmemory' which confirmed the instance was full`), a clause after a semicolon or
    # `, and` with a subject of its own (`…; in the Python tracebacks it shows up as …`)
    r"|\s+(?:which|that)\s+(?:confirmed|showed|meant|means|told|tells|proved|made|was|were"
    r"|is|are|came|comes|happened|happens)\b.*$"
    # (... or what lies under it, in the author's words: `…; gaierror [Errno -2] underneath`)
    r"|;\s+[^;]{1,60}\s(?:underneath|beneath)$"
    r"|;\s+(?=(?:in|and|but|so|then|the|we|it|our|this|that|there|i|you|they|somebody"
    r"|someone|a|an|also|some|one|two|several|plus)\b).*$"
    r"|,\s+and\s+(?=(?:somebody|someone|we|i|they|there|it|then|the (?:[\w-]+ )?(?:team|pods?"
    r"|worker|service|logs?|on-call)))\b.*$"
    # what the author did with it (`… (pid:XXXX) to count them, there were 14`)
    r"|\s+to\s+(?:count|find|spot|see|catch|list|tally)\s+(?:them|it|those|these|all)\b.*$"
    # a typographic dash set apart is the author's (`… already — from the worker pods`); a
    # message's own is ASCII (`Allocation failed - JavaScript heap out of memory`)
    r"|\s+[\u2014\u2013]\s+.*$"
    # a new clause: a conjunction, a subject and its verb (`… already and Kubernetes restarted
    # them`, `… refused so we rolled back`)
    r"|\s+(?:and|but|so|then|while|until)\s+(?:[A-Z][a-z]+|we|they|it|he|she|i|someone|nobody"
    r"|everyone)\s+[a-z]+\b.*$"
    # a reference back to what the author said before (`… with the same DETAIL`, `… as above`,
    # `… like the first time`): the log said it before, the prose says it again
    r"|\s+(?:with|as|like|and|in|for)\s+(?:the\s+)?(?:same|matching|identical|above|previous|first"
    r" time|one above|ones above|before)\b.*$"
    # (... or names what it points back at: `… with the DETAIL cycle above`)
    r"|\s+(?:with|as|like|and|in|for)\s+(?:the|its|their)\s+(?:[\w-]+\s+){1,3}above\b.*$"
    # what came with it, in the author's words (`…, followed by the "STATEMENT: …"`, `…, then
    # a retry`, `… along with a DETAIL line`): a message does not say what follows it
    r"|(?:,?\s+(?:followed by|preceded by|along with|together with|accompanied by)"
    r"|,\s+(?:then|plus))"
    r"\s+(?:the|a|an|its"
    r"|their|one|two|\d+|several|some|many|lots|(?-i:[A-Z]{3,}:))(?:\b|(?<=:)).*$"
    # what wrapped it, in the author's words (`… not known), wrapped in MaxRetryError / …`)
    r"|(?:,\s+|(?<=\))\s+)(?:wrapped|caught|re-?raised|rethrown|swallowed|surfaced) (?:in|by|as"
    r"|inside)\b.*$"
    # what it ran with (`…, running with `--max-old-space-size=512``)
    r"|,\s+(?:running|started|launched|configured|deployed|built)\s+with\b.*$"
    # how widely (`… (180 seconds) on basically every big account`, `… for all tenants`)
    r"|\s+(?:on|for|in|across)\s+(?:basically\s+|almost\s+|nearly\s+|pretty much\s+)?"
    r"(?:every|each|all|most|many)\b.*$"
    # where the author saw it (`… in the log`, `… in the worker logs`, `… in Sentry`)
    r"|\s+(?:in|on|from|into)\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:logs?"
    r"|output|console|stderr|stdout|journal|kibana|sentry|grafana|datadog|splunk|loki)\b.*$"
)


_TRAILING_ELISION = re.compile(r"(?:[,;]\s*[a-z_]+:)?\s*(?:\u2026|\.{3,}|\[\.\.\.\])$")
# A stub of a word the elision cuts (`… JavaScript heap out of mem…`, `… statement ti…`), after
# four words at least: the line has more of it, which the words before stand for (the few
# before `Retrying…` would not). A longer word is as often whole (`… too many clients…`)
_CUT_WORD = re.compile(r"\s+[A-Za-z]{1,3}(?:\u2026|\.{3})$")


_DOING = re.compile(r"\s+(?:while|whilst|when)\s+[a-z]+ing\s+(?:the|a|an|our|their|its|this)\s.*$")
_CODE_ASIDE = re.compile(r"\s+\([^()`]*(?:`[^`]*`[^()`]*)+\)(?:[.;]\s.*)?$")


_NOT_LATIN = r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"  # a letter of another script
_OTHER_SCRIPT = re.compile(
    rf"(?:\s+|^|[\u3001\u3002\uff0c\uff1b]){_NOT_LATIN}\S*(?:\s+{_NOT_LATIN}\S*)*"
)


# The author's `Error:` before an exception's line (`returned 500. Error: PermissionError: …`)
_ERROR_WORD = re.compile(r"^(?:Error|ERROR):\s+(?=(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception)\b)")


def clip_prose(text: str) -> str:
    """Unquoted log text up to where the prose goes on, without an unbalanced `)`."""
    text = _PROSE_SENTENCE.split(_ERROR_WORD.sub("", text), maxsplit=1)[0].rstrip(" .,;:")
    # (the prose of a language of another script around a Latin log line: `… disk is full ហើយ
    # abort`, `ledger DB ក៏ដូចគ្នាដែរ: ledger db unreachable: …`): its longest Latin stretch
    # (... of three words at least: `— upstream` between two such stretches is none)
    if re.match(r"\W*[A-Za-z]", text) and _OTHER_SCRIPT.search(text):
        text = max(_OTHER_SCRIPT.split(text), key=len).strip(" :,;\u2014\u2013-")
        text = text if len(text.split()) >= 3 else ""
    # (the prose of a Latin-script language around it: a message goes on in English, not in
    # the team's words: `… deadlock detected mō ngā rere e rua`, `…), nu ditulis ku aplikasi`)
    text = _TEAM_PROSE_AFTER.sub("", _TEAM_PROSE_BEFORE.sub("", text)).rstrip(" .,;:")
    # again until nothing is cut: `… too, with the same DETAIL` ends in two asides
    while (cut := _PROSE_AFTER.sub("", text).rstrip(" .,;:")) != text:
        text = cut
    # what the process was doing, after a long message (`… heap out of memory while rendering
    # the year-end report`); `Error while committing the transaction` is too short to be cut
    doing = _DOING.search(text)
    text = text[: doing.start()] if doing and len(text[: doing.start()].split()) >= 5 else text
    # `… ECONNREFUSED 127.0.0.1:4000 …`, `…, client: …`: "and so on" ends the text; a symptom
    # matches wherever it is in the line, so the rest may be anything or nothing
    cut_word = _CUT_WORD.search(text)
    if cut_word and len(text[: cut_word.start()].split()) >= 4:
        text = text[: cut_word.start()]
    text = _TRAILING_ELISION.sub("", text).rstrip(" .,;:")
    # (the author's parenthesis with code of their own: `… on device (både ved `open()` og …)`,
    # and the sentences after it)
    text = _CODE_ASIDE.sub("", text).rstrip(" .,;:")
    if text.count("(") > text.count(")"):  # the cut was inside a parenthesis: `(repeated, …)`
        text = text[: text.rindex("(")].rstrip(" .,;:")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    # (... a name and the author's note on it: `a different SERVER_ERROR (a single item …)`)
    bare = _BARE_CLASS.match(_NOTE_AFTER.sub("", text))
    return "" if bare or _BARE_CLASS.match(text) else text.strip()


# Emphasis as Markdown writes it (`**…**`, `__…__`, `*…*`, `_…_`): a mark that opens before a
# word and closes after one, never inside a word (`__init__`, `SELECT * FROM`, nginx's `*2`).
# (never across a table's cells: `*N connect() … | 502 on /api/orders/*`)
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=[^\s*_])([^|]+?)(?<=[^\s*_])\1(?![\w*])")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_PROSE_AFTER_MARK = re.compile(r"\s|$|[,;!?](?:\s|$)|\.(?:\s|$)")


def emphasis_as_quotes(text: str, reads_as_log: Callable[[str], bool]) -> str:
    """The item with emphasis that wraps log text written as a code span (`**OSError: …**`
    delimits the message as a quote would) and the marks of other emphasis taken off (in prose
    it is just emphasis). Code spans are left as written: their stars are the log's."""

    def one(match: re.Match[str]) -> str:
        inner = match[2]
        if reads_as_log(inner) and "`" not in inner:
            return f"`{inner}`"
        # a word in stars or underscores is emphasis where prose goes on after it (`*every*
        # batch`, `__again__`), a name where code does (`__init__()`, `__main__:`)
        prose_after = _PROSE_AFTER_MARK.match(match.string, match.end()) is not None
        return inner if match[1] == "**" or " " in inner or prose_after else match[0]

    parts: list[str] = []
    at = 0
    for span in _CODE_SPAN.finditer(text):
        parts.append(_EMPHASIS.sub(one, text[at : span.start()]) + span[0])
        at = span.end()
    parts.append(_EMPHASIS.sub(one, text[at:]))
    return "".join(parts)
