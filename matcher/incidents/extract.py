"""What in a symptom item is log text, as people write it: quoted (``"…"``, `` `…` ``, “…”),
unquoted after a label (``App log: …``) or a reporting verb (``… said …``), the log-like
part of a sentence (from an error level, an exception class or a repr on), and the lines of
a code block that state the error. The rules are in docs/incident-log-format.md."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import put_aside
from matcher.incidents.blocks import split_header, states_an_error
from matcher.incidents.loglabels import (
    CAMEL_CLASS,
    CLAUSE_LABEL,
    COLON_VERB,
    FAILED_LEAD,
    FAILED_WITH_TEXT,
    FILE_LABEL,
    FINDING,
    GLOSS_WORDS,
    LABEL,
    THEN,
    TIMELINE,
    is_label,
    names_a_log,
)
from matcher.incidents.loglike import (
    CODEISH,
    FAILED_WITH,
    MESSAGE,
    QUERY,
    START,
    TERSE,
    common_tail,
    emphasised_log,
    loggy,
    query_terms,
    quoted_log,
    raised_error,
)
from matcher.incidents.quotes import clip_prose, emphasis_as_quotes, quoted_runs, take_out
from matcher.incidents.trimmed import class_colons, elided_lines, run_on_parts, without_arrow_note
from matcher.incidents.verdict_languages_ay import OM_TO_AY_SAID as OM_SN_WO_SAID
from matcher.incidents.verdict_languages_gd_ig_yi import GD_IG_YI_SAID
from matcher.incidents.verdict_languages_ln_tw import LN_TW_SAID
from matcher.incidents.verdict_languages_xh_qu_eo import XH_QU_EO_SAID
from matcher.model import SourceLocation, Symptom
from matcher.patterns.generalise import generalise
from matcher.patterns.heads import find_head

# An error level and a few plain words before a quote: no message of its own.
_LEVEL_AND_WORDS = re.compile(
    r"^\[?(?:ERROR|FATAL|CRITICAL|PANIC|EMERG|SEVERE|error|crit|emerg)\]?(?:\s+[a-z]+){1,4}$"
)
# The key of a log line's field before its quoted value: `request: "GET …"`, `host="db-1"`.
_FIELD_KEY = re.compile(r"(?:^|[\s,])[a-z_]{2,20}(?::\s?|=)$")
# Who said it, when a person did (`someone said …`, `the on-call reported …`).
_PERSON = re.compile(
    r"(?i)\b(?:someone|somebody|on-?call|support|customers?|users?|we|i|he|she|they|team|"
    r"engineers?|devs?|developers?|manager|ops|sre|dba|people|everyone|nobody|finance|qa)"
    r"(?:\s+(?:also|then|first|just|later|initially|immediately))?\s*$"
)
_VERB = re.compile(
    r"\b(?:said|says|logged|printed|wrote|reported|answered|replied|complained|emitted"
    rf"|yathi|ithi|{XH_QU_EO_SAID}|{LN_TW_SAID}"  # (isiZulu's `yathi`: it said; xh … eo; ln, tw)
    # (... and Faroese's `segði`, `skrivaði`: said, wrote; before English words only, not its
    # own, `loggaði undantakið …`, nor reported speech, `segði at …`: after the English ones)
    r"|(?:segði|sigur|skrivaði|loggaði|prentaði|svaraði)(?=(?:\s+[!-~]+){3})"
    rf"|nivîsand|nivisand|ބުނީ|ލިޔުނީ|nanoratra|nilaza|{GD_IG_YI_SAID}|{OM_SN_WO_SAID})"  # (ku … wo)
    r"\s+(?!(?:a|an|the|that|this|no|some|every|nothing|something|out|in|on|off|as|it|them"
    r"|we|they|he|she|i|you|there|so|our|their|its|one|two|three|four|five|several|many"
    r"|few|dozens|hundreds|thousands|lots|\d+"
    # ... nor an adverb or a preposition: how, when or where it was said, not what (`the
    # warning was logged too, but …`, `printed again after the restart`, `logged at INFO`)
    r"|too|also|again|twice|once|only|just|repeatedly|constantly|earlier|later|then|here"
    r"|before|after|at|by|for|from|to|with|when|while|but|and|or|all|both|each"
    r"|tað|hetta|hatta|okkum|ikki|bara|eisini|frá|um|við|í|á|til|ein|eitt|eina)\b)(?=[\w\[(])"
)
# A quote of a person's words with the log text inside: a code span in it (`Sam: "the worker
# hit the limit — `OSError: …`"`), or a clause and a semicolon before it (`"memcached is full
# and won't evict; pymemcache raises MemcacheServerError(…)"`).
_SPOKEN = re.compile(r"^[^`]+`[^`]+`|^[a-z][\w'-]*(?:\s+[\w'-]+){3,}[^;:]*;\s+[a-z]")
_GUILLEMET_OPEN = re.compile(r"[\u00ab\u201e]\s*")
_GUILLEMET_CLOSE = re.compile(r"\s*\u00bb|(?<=\S)\u201c(?=[\s.,;:!?)]|$)")
# A short lowercase label (a program or component: `nginx: …`, `converter failed: …`).
_SHORT_LABEL = re.compile(rf"^(?!(?:{GLOSS_WORDS})$)[a-z][\w.-]*(?: [a-z][\w.-]*)?$")
_INNER = re.compile(r"(?<=:\s)((?:FATAL|ERROR|PANIC):\s+\S.{15,})$")

_YES_CELL = re.compile(r"(?i)^\W*(?:symptoms?|yes|signal)\W*(?:\(.*\))?\s*$")


def item_log_texts(text: str) -> tuple[list[str], bool]:
    """The log texts of one symptom item, left to right, and whether prose remains around
    them (then the item is kept in the description too)."""
    # French and German quotation marks (`« … »`, `„…“`) as the typographic ones
    text = _GUILLEMET_OPEN.sub("\u201c", _GUILLEMET_CLOSE.sub("\u201d", text))
    text = emphasis_as_quotes(text, emphasised_log)
    text = class_colons(without_arrow_note(text))  # (an arrow's note is prose; trimmed.py)
    if text.startswith("|") and text.endswith("|") and len(text) > 2:
        # a table row: each cell on its own (a time, a service, the log line); another cell
        # may set it aside (`| "…" | ruled out |`), read as a clause after a dash
        texts: list[str] = []
        prose = False
        cells = [cell.strip() for cell in text[1:-1].split("|")]
        # (a cell that names the row the incident's, `SYMPTOM`, is no bare verdict on it)
        row = " \u2014 ".join(c for c in cells if not _YES_CELL.match(c))
        for cell in cells:
            found_in, prose_in = item_log_texts(cell)
            kept = [t for t in found_in if not put_aside(row, t, True)]
            texts.extend(kept)
            prose = prose or prose_in or len(kept) < len(found_in)
        return texts, prose
    terse = TERSE.match(text.strip())
    if terse and not any(q in text for q in '"`\u201c'):  # the whole bullet is the message
        return [clip_prose(text.strip())], False
    line = _whole_line(text)
    if line:  # a pasted log line whose fields are quoted: one log text, its quotes in it
        kept = [t for t in run_on_parts(line) if not put_aside(text, t, False)]
        return kept, _has_prose(text, [line]) or not kept
    found: list[tuple[int, str]] = []
    rest = text
    for run in quoted_runs(text):
        if QUERY.match(run):  # a search: its quoted words may be log text, the query is not
            rest = take_out(rest, run)
            found.extend((text.find(q), q) for q in query_terms(run) if quoted_log(text, q))
        elif _SPOKEN.search(run) and text[text.find(run) - 1 : text.find(run)] in '"\u201c':
            # a person's words quoted, the log text inside them
            rest = take_out(rest, run)
            inner, _ = item_log_texts(run)
            found.extend((text.find(t), t) for t in inner if t in text)
        elif quoted_log(text, run):
            found.append((text.find(run), run))
            rest = take_out(rest, run)
    runs, offset = len(found), 0
    segments = rest.split("\x00")
    for i, segment in enumerate(segments):
        for unquoted in _every_unquoted(segment, introduces=i < len(segments) - 1):
            at = segment.find(unquoted)
            # (in single quotes, which are no quote marks: `ends in 'JobTimeoutException: …'.`)
            closed = at > 0 and segment[at - 1] == "'" and unquoted.endswith("'")
            # (a code span read as no log text, a class alone: `and finally
            # `requests.exceptions.ConnectionError`.`, is not read again without its marks)
            if not (at > 0 and segment[at - 1] == "`" and "`" in unquoted):
                found.append((offset + at, unquoted[:-1] if closed else unquoted))
            segment = segment.replace(unquoted, "", 1)
        offset += len(segment) + 1
    quoted = {t for _, t in found[:runs]}
    texts = [p for _, t in sorted(found) for p in elided_lines(t)]
    kept = [t for t in texts if states_an_error(t) and not put_aside(text, t, t in quoted, texts)]
    return kept, _has_prose(rest, texts) or len(kept) < len(texts)


# A lone quoted value inside a message that goes on after it (libpq's `could not translate
# host name "ledger-db.prod" to address: …`): the name is the message's, not a quote of its own.
_QUOTED_VALUE = re.compile(r'"[\w.:/@-]{1,60}"\s+[a-z]+\s+\w+[^"]*$')


def _whole_line(text: str) -> str | None:
    """The log line pasted unquoted in an item when its quotes are the values of its fields
    (nginx's `…, request: "GET /x HTTP/1.1", host: "…"`): the quotes are no log texts of
    their own, and the line does not end at the first of them."""
    if '"' not in text or "`" in text or "\u201c" in text:
        return None  # no quote, or the line is quoted as a whole (`…"GET …"…`)
    line = _unquoted(text)
    first = line.find('"') if line else -1
    if not line or first < 0:
        return None  # no quote in it
    if not _FIELD_KEY.search(line[:first]) and not _QUOTED_VALUE.match(line[first:]):
        return None  # prose around a quote (`said "…"`)
    if text[: text.find(line)].rstrip().endswith('"'):
        return None  # the line is quoted as a whole: `seeing "[error] … host: "…"" in the logs`
    return clipped if '"' in (clipped := clip_prose(line)) else None  # (else: a later quote's)


def inner_errors(text: str) -> list[str]:
    """The server's own error inside a client's message, as the server logs it:
    `connection to server at "db" (10.0.0.7), port 5432 failed: FATAL:  sorry, too many
    clients already` also gives `FATAL:  sorry, too many clients already`."""
    inner = _INNER.search(text)
    return [inner[1]] if inner and inner.start() > 0 else []


def _every_unquoted(segment: str, introduces: bool, depth: int = 0) -> list[str]:
    """Every unquoted log text of a stretch, left to right: a paragraph may hold several
    (`… full of pymysql.err.OperationalError: (1040, …) and the CLI said ERROR 1040 …`)."""
    found = _unquoted(segment, introduces)
    # (a stack frame joined to it from a pasted block: `… ECONNREFUSED … at TCPConnectWrap.x`)
    text = _FRAME_AFTER.sub("", clip_prose(found)) if found else ""
    if introduces:  # (`… disk is full. the` + a quote: the next sentence's first words)
        text = _NEXT_SENTENCE.sub("", text)
    # two texts: one line, then the next in words (`… failed, and then the exception OSError: …`)
    then = THEN.search(text)
    # (an arrow always joins two: `… refused \u2192 urllib3 MaxRetryError \u2192 …`)
    if then and (START.match(text, then.end()) or then[0].strip() in ("\u2192", "->", "=>")):
        text = text[: then.start()]
    at = segment.find(text) if text else -1
    if at < 0 or depth > 4:
        return []
    if at > 0 and segment[at - 1] == "(":
        # log text in the author's parenthesis (`… 'pricing-api' ([Errno -2] Name or service
        # not known), wrapped as usual …`) ends at its closing parenthesis
        text = _in_parenthesis(text)
    # before it, only log-like text: `The importer's own ERROR line prints it as a repr:` is
    # the label of what follows
    before = [t for t in _every_unquoted(segment[:at], False, depth + 1) if CODEISH.search(t)]
    after = _every_unquoted(segment[at + len(text) :], introduces, depth + 1)
    return [*before, text, *after]


def _in_parenthesis(text: str) -> str:
    """The text up to the `)` that closes a parenthesis opened before it."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return text[:i].rstrip()
    return text


_CLAUSES = re.compile(
    r"\b(?:but|because|although|though|whereas|while)\s+(?:the|a|an|its|their|our|some|all|most"
    r"|we|they|it|nobody|no one)\s"
)


def _unquoted(segment: str, introduces: bool = False) -> str | None:
    """The log text written without quotes in a stretch of an item, if any (`introduces`:
    a quote follows the stretch)."""
    # a timeline's time is no part of a label after it (`09:31 — error.log: client intended …`),
    # nor a report's number of a finding (`Finding 5.3 — The copy step recorded: cp: …`)
    segment = TIMELINE.sub("", FINDING.sub("", segment.strip(), count=1), count=1)
    # a clause that names the log after the prose (`… also failed, I think the line was: cp:
    # error writing …`): what follows the colon is the text, however long the prose before
    clause = CLAUSE_LABEL.search(segment)
    if clause:
        after = segment[clause.end() :].strip()
        if START.search(after) or (CODEISH.search(after) and len(after.split()) >= 3):
            return after
    label = LABEL.match(segment.strip())
    if label and (is_label(label[1]) or _SHORT_LABEL.match(label[1])):
        after = segment.strip()[label.end() :]
        # the label's subject failed, then its error (`**Client layer:** died with OSError:
        # …`): the verb is the author's, the error starts the text
        lead = FAILED_LEAD.match(after)
        if lead and START.match(after, lead.end()):
            return after[lead.end() :].strip()
        raised = raised_error(after)
        if raised:
            return raised
        log_like = CODEISH.search(after) and len(after.split()) >= 3
        # a label that names a log (`App log:`, `Error message:`) takes log-like text too
        log_label = _SHORT_LABEL.match(label[1]) is not None or names_a_log(label[1])
        if START.search(after) or (log_label and log_like) or MESSAGE.match(after):
            return after.strip()
    if label:
        # `Also the copy step: cp: error writing …`, `the shell step before it: cp: …`: prose,
        # then a program's own label
        after = segment.strip()[label.end() :]
        # ... or a library's message (`psycopg2 for the ledger: could not translate host name
        # "db" to address: …`)
        if len(re.sub(r"^(?:and|also|plus|then)\s+", "", label[1]).split()) <= 5 and MESSAGE.match(
            after.strip()
        ):
            return after.strip()
        program = LABEL.match(after)
        text = after[program.end() :] if program else ""
        if program and _SHORT_LABEL.match(program[1]) and loggy(text):
            return after.strip()
    named = FILE_LABEL.match(segment.strip())
    if named:
        after = segment.strip()[named.end() :]
        if START.search(after) or (CODEISH.search(after) and len(after.split()) >= 3):
            return after.strip()
    verb = _VERB.search(segment)
    if verb:
        after = segment[verb.end() :].strip()
        # plain words just before a quote introduce it (`reported errors such as "…"`)
        # ... and so do words that end in a colon (`logged one error per event:` + a block)
        plain = not introduces and not after.endswith(":") and len(after.split()) >= 3
        # ... and words a person said are no log line (`the on-call said checkout was slow`)
        plain = plain and not _PERSON.search(segment[: verb.start()])
        # ... nor words joined into clauses (`reported success on the dashboard but the dumps
        # were truncated`): a logged message does not argue
        plain = plain and not _CLAUSES.search(after)
        if START.search(after) or plain or (CODEISH.search(after) and len(after.split()) >= 3):
            return after
    # a subject failed with its error, perhaps hedged (`the copy step failed with something like
    # cp: error writing …`): the error starts the text
    failed = FAILED_WITH_TEXT.search(segment)
    if failed:
        after = segment[failed.end() :].strip()
        program = LABEL.match(after)  # `cp: error writing …`: a program's own label
        own = program and _SHORT_LABEL.match(program[1]) and loggy(after[program.end() :])
        # ... or a class of any name (`DeadlockDetected: deadlock detected`)
        if START.match(after) or own or CAMEL_CLASS.match(after):
            return after
    start = START.search(segment)
    colon = COLON_VERB.search(segment)
    if colon and (start is None or colon.end() <= start.start()):
        after = segment[colon.end() :].strip()
        if START.search(after) or (CODEISH.search(after) and len(after.split()) >= 3):
            return after
    failed = FAILED_WITH.search(segment)
    if failed and start is None and not introduces:  # `… aborted with database or disk is full`
        return segment[failed.end() :].strip()
    run = segment[start.start() :].strip() if start else common_tail(segment)
    if run and introduces and _LEVEL_AND_WORDS.match(run):
        return None  # `ERROR lines like "…"`: the words introduce the quote
    if run and _CLASS_IN_PROSE.match(run):
        return None  # `under it requests.exceptions.ConnectionError with "…"`: the prose's
    return run


_NEXT_SENTENCE = re.compile(r"(?<=\w)\.\s+[a-z]+(?:\s+[a-z]+){0,2}$")
_FRAME_AFTER = re.compile(
    r"\s+at\s+(?:new\s+|async\s+)?[A-Z][\w$]*\.[\w$<>]+(?:\s+\[as \w+\])?\s*(?:\(.*|\.{3}|\u2026)?$"
)


# A class named in a sentence that goes on in prose, no message of its own after it
_CLASS_IN_PROSE = re.compile(
    r"(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning)\s+(?:with|when|and|after|from|because"
    r"|while|was|were|is|raised|thrown|inside|under|for)\b"
)


def _has_prose(rest: str, texts: Sequence[str]) -> bool:
    """Words left once the log text and a label are taken out: the author's context."""
    left = rest
    for text in texts:
        left = left.replace(text, " ")
    label = LABEL.match(left.strip())
    if label and is_label(label[1]):
        left = left.strip()[label.end() :]
    words = re.findall(r"[A-Za-z]{2,}", left)
    return len(words) >= 3 or (not texts and bool(words))


def compiled_symptom(text: str, location: SourceLocation) -> Symptom:
    """A compiled symptom as the signature will hold it: a message written without class or
    level must stand as an error (`stands: true`)."""
    return Symptom(text, location, stands=find_head(text.strip()) is None)


def symptom_of(text: str) -> str:
    """The symptom for one log text: its header taken off (the level kept as written, so
    that it may become optional), then generalised."""
    level, message = split_header(text)
    return generalise(f"{level} {message}" if level else message)
