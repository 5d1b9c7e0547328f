"""The `Symptoms` section of one incident read into symptoms: the log texts of each item and
code block (extract.py, blocks.py), what each became, and which are notes rather than symptoms
(a bare OS error another symptom wraps, no words of a message, context beside the error,
a search's words beside what it found). docs/incident-log-format.md says the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from matcher.errors import Problem
from matcher.incidents.alerts import alert_annotations
from matcher.incidents.blocks import code_log_texts
from matcher.incidents.chat import chat_messages, commit_messages, spoken
from matcher.incidents.context import (
    CONTEXT_NOTE,
    INDISTINCT_NOTE,
    context_symptoms,
    indistinct,
    owns_a_traceback,
    searched_for,
)
from matcher.incidents.csv_exports import csv_rows, rows_dropped
from matcher.incidents.elsewhere import dismissed, set_aside_elsewhere
from matcher.incidents.extract import (
    compiled_symptom,
    inner_errors,
    item_log_texts,
    symptom_of,
)
from matcher.incidents.hits import judged, rejected_hits, says_no, warns_of_false_hits
from matcher.incidents.loglabels import GLOSS
from matcher.incidents.loglike import query_words
from matcher.incidents.markdown import Block, Item
from matcher.incidents.numbered import referred_aside, rows_named_aside
from matcher.incidents.paste_verdicts import denied_pastes
from matcher.incidents.quotes import is_log_text, quoted_runs
from matcher.incidents.strangers import strangers
from matcher.incidents.tables import answered_no, crossed_out
from matcher.incidents.wrapped import (
    WRAPPED_NOTE,
    WRAPPER_NOTE,
    causeless_wrappers,
    wrapped_os_errors,
)
from matcher.model import SourceLocation
from matcher.patterns.symptoms import SymptomSyntaxError, compile_symptom


@dataclass(frozen=True)
class SymptomSource:
    location: SourceLocation  # the symptom item (or code block) the text was read from
    quote: str  # the log text as written
    symptom: str  # what it became


_VALUES_ONLY = re.compile(r"^(?:<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>|[\W_])*$")


def _glossed(items: list[Item], read: list[tuple[list[str], bool]]) -> list[tuple[list[str], bool]]:
    """Each item's log texts once the items that gloss it have had their say: a bullet that
    reads the one before it (`* meaning: not this; …`, `→ not it`) or a bullet nested under it
    with no log text of its own (`  - red herring`) may set its log texts aside, as a clause
    after them would (loglabels.GLOSS)."""
    read = list(read)
    for at, item in enumerate(items):
        # (a bullet with log text of its own, even set aside, speaks of that, not its parent)
        if item.code or read[at][0] or at == 0 or any(map(is_log_text, quoted_runs(item.text))):
            continue
        gloss = GLOSS.match(item.text)
        if gloss:
            of = at - 1
        else:  # the parent of a nested bullet: the nearest item before it, less indented
            column = item.location.column
            of = next((k for k in range(at - 1, -1, -1) if items[k].location.column < column), -1)
            # (a bullet's text starts at column 3 or more; a paragraph's at 1 is no parent)
            if of < 0 or items[of].location.column < 3:
                continue
        texts, _ = read[of]
        if of < 0 or items[of].code or not texts:
            continue
        body = item.text[gloss.end() :] if gloss else item.text
        joined, _ = item_log_texts(f"{items[of].text} \u2014 {body}")
        kept = [t for t in texts if t in joined]
        if gloss:  # (a gloss speaks of all the item's log texts, not of its last one)
            kept = [t for t in kept if t in item_log_texts(f"`{t}` \u2014 {body}")[0]]
        if len(kept) < len(texts):
            read[of] = (kept, True)
    return read


_ATTRIBUTION = re.compile(
    # (... or Zulip's, `@_**Dana Ito|211** [said](https://…):`)
    r"^@_\*\*[^*]{2,60}\*\*\s+\[said\]\([^)]*\):?(?:\s+(?=\S)|\s*$)|"
    r"^\*\*[^*]{2,60}\*\*:?\s+(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*[AaPp][Mm])?(?:\s+(?=\S)|\s*$)"
)
_FIRST_SENTENCE = re.compile(r".*?(?:[.!?](?=\s|$)|$)")


def _answered_no(items: list[Item], read: list[tuple[list[str], bool]]) -> list[str]:
    """The messages a chat's reply quotes and answers no in its first sentence (`> **Dana**
    08:55` / `> KafkaConnectionError: …`, then `different thing, that's the publisher`): the
    log texts they hold are set aside wherever the thread says them."""
    answered: list[str] = []
    for at, item in enumerate(items):
        if at == 0 or item.code or item.quoted or read[at][0] or not items[at - 1].quoted:
            continue
        first = _FIRST_SENTENCE.match(item.text)[0]  # type: ignore[index]
        if item_log_texts(f"{_PROBE} \u2014 {first}")[0]:
            continue
        start = at - 1
        while start > 0 and items[start - 1].quoted and not items[start - 1].code:
            start -= 1
        quoted = " ".join(" ".join(i.text.split()) for i in items[start:at] if i.text.strip())
        # (a reply quotes what was said before it: a quoted paste, said first, is evidence)
        if any(quoted in " ".join(i.text.split()) for i in items[:start] if not i.quoted):
            answered.append(quoted)
    return answered


# A log text no verdict is about: what a head does to it, it does to every bullet under it.
_PROBE = "`ValueError: the probe failed`"
_BOLD_HEAD = re.compile(r"^\*\*([^*]{3,60})\*\*\s*$")
# ... up to its last turn (`but`, a comma, a dash)
_LAST_TURN = re.compile(r"(?i)^.*(?:\bbut\b|[,;\u2014])\s*")
_NAMES_A_ROW = re.compile(
    r"(?i)\b(?:first|second|third|fourth|last|other|top|bottom)\s+(?:row|line|entry)\b"
)
_DENIED_HEAD = re.compile(r"(?i)\b(?:not|n't|no|never|nicht|kein|pas|n\u00e3o|non|ni)\b|\bnot\*")


def _under_a_head(
    items: list[Item], read: list[tuple[list[str], bool]]
) -> list[tuple[list[str], bool]]:
    """The log texts of bullets nested under a bullet without log text that ends in a colon
    (`- 🙈 Things we chased that weren't it:`, a wiki's toggle) are set aside when the head
    sets aside what follows it (a log text written right after it would be)."""
    read = list(read)
    for at, head in enumerate(items):
        bold = _BOLD_HEAD.match(head.text)  # (`**Wat het níet was**` alone: a head too)
        if head.code:
            continue
        text = f"{bold[1]}:" if bold else head.text.rstrip()
        # ... and one that judges what is under it, as a gloss would (`what comes after it is
        # noise from the abort, not separate errors`, `Indicators (consequence, not cause):`)
        # (with a colon, a head of a few words: a sentence that ends in one introduces)
        # (... not a paragraph that judges a row or line it names, `The second row … not this
        # incident.` under a table: the list after it is not what it judges)
        named = head.location.column == 1 and _NAMES_A_ROW.search(text) is not None
        judges = not item_log_texts(f"{_PROBE} \u2014 {text}")[0] and (
            (not text.endswith(":") and not named) or len(text.split()) <= 6
        )
        # (`For engineers:`, `all three are the same cause:`: a plain head sets nothing aside;
        # a long one may in its last clause: `Lines that look related but are **not** this:`)
        last = _LAST_TURN.sub("", text)
        kept = all(item_log_texts(f"{t} {_PROBE}")[0] for t in {text, last})
        if not judges and (not text.endswith(":") or kept):
            continue
        # a code block right after a head that sets aside (`Also in the output but *not* the
        # incident:`), said with a negation (`same root cause, different wording:` introduces
        # its block)
        after = at + 1 < len(items) and items[at + 1].code and read[at + 1][0]
        if after and text.endswith(":") and _DENIED_HEAD.search(head.text):
            read[at + 1] = ([], True)
        if read[at][0]:
            continue
        column = head.location.column  # (a paragraph's bullets, at column 3, are under it too)
        for k in range(at + 1, len(items)):
            if items[k].location.column <= column:
                break
            if read[k][0] and not items[k].code:
                read[k] = ([], True)
    return read


def _part_of_one_put_by(text: str, put_by: list[str], kept: list[str]) -> bool:
    """Whether a log text is a part of an error set aside and of no log text kept by another
    item."""
    if len(text) < 8 or not any(text in other and text != other for other in put_by):
        return False
    return not any(text in other for other in kept)


_STAMPED = re.compile(r"^\s*\[?(?:\d{4}[-/]\d\d[-/]\d\d|\d\d:\d\d)")


def _pastes_read(items: list[Item]) -> list[Item]:
    """The items with each chat transcript's or git log's messages as items of their own
    (chat.py), and a log text cut at a colon joined to the line it goes on in (`… port 5543x
    failed:` then a pasted `FATAL:  sorry, too many clients already`)."""
    out: list[Item] = []
    for item in items:
        if not item.code:
            item = replace(item, text=spoken(item.text))
        messages = (
            chat_messages(item.code) or commit_messages(item.code) or alert_annotations(item.code)
            if item.code
            else None
        )
        if messages is not None:
            out.extend(Item(m, item.location) for m in messages)
        elif item.code and len(item.code) <= 2 and out and _cut_at_colon(out[-1], item.code[0]):
            out[-1] = replace(out[-1], text=f"{out[-1].text.rstrip()} {item.code[0].strip()}")
            out.extend([replace(item, code=item.code[1:])] if item.code[1:] else [])
        else:
            out.append(item)
    return out


def _cut_at_colon(item: Item, then: str) -> bool:
    """Whether an item ends in a log text cut at its colon (not a label: `App log:`) that the
    line after it goes on (no log line of its own: no time in front)."""
    text = item.text.rstrip()
    if item.code or not text.endswith(":") or _STAMPED.match(then):
        return False
    texts, _ = item_log_texts(text)
    return bool(texts) and text[:-1].rstrip().endswith(texts[-1].rstrip(": "))


def read_symptoms(
    block: Block, problems: list[Problem]
) -> tuple[tuple[str, ...], str | None, tuple[SymptomSource, ...]]:
    """The symptoms read from the symptom items, the items kept as description (no log text,
    or prose around it), and where each symptom came from."""
    sources: list[SymptomSource] = []
    described: list[str] = []
    owners: set[str] = set()  # a line the author says a traceback follows
    values_only: list[tuple[Problem, str]] = []
    items = _pastes_read(block.sections.get("symptoms", []))
    # (a quoted reply's head, `> **Dana Ito** 08:55`, is who said it, not what)
    items = [replace(i, text=_ATTRIBUTION.sub("", i.text)) if i.quoted else i for i in items]
    # grep's hits that a bullet says no to (hits.py)
    rejected = rejected_hits([i.text for i in items if not i.code], [i.code for i in items])
    # ... and the rows of a table of log lines whose answer column says no (tables.py)
    no_rows = answered_no(items)
    # ... and the numbered paragraphs a later one sets aside by number (numbered.py)
    # (... and the rows of a search's result that a note sets aside by number, here or in the
    # incident's notes or asides)
    said = [*block.sections.get("asides", []), *(i for n in block.unknown_sections for i in n)]
    named = rows_named_aside([*items, *said])
    no_rows |= referred_aside(items, named)
    no_rows |= crossed_out([i.text for i in items])  # (a reviewer's \u2705 and \u274c: tables.py)
    # ... and so of the one CSV export there (csv_exports.py)
    exports = [i for i in items if i.code and csv_rows(i.code) is not None]
    named = named if len(exports) == 1 else set()
    items = [replace(i, code=rows_dropped(i.code, named)) if i in exports else i for i in items]
    read = [
        (code_log_texts(judged(i.code, rejected)), False)
        if i.code
        else ([], True)
        if says_no(i.text) or at in no_rows or warns_of_false_hits(i.text)
        else item_log_texts(i.text)
        for at, i in enumerate(items)
    ]
    first, read = read, _under_a_head(items, _glossed(items, denied_pastes(items, read)))
    # (what a gloss or a head set aside is set aside for every item: elsewhere.py)
    glossed = [
        (k, t)
        for k, (a, b) in enumerate(zip(first, read, strict=True))
        for t in a[0]
        if t not in b[0]
    ]
    # (... and what a reply quotes and answers no, for every item that says it, whoever spoke)
    replied = _answered_no(items, first)
    # a log text of another error in an item that dismisses something (dismissal.py)
    strange = strangers(
        [("" if i.code else i.text, texts) for i, (texts, _) in zip(items, read, strict=True)]
    )
    # ... and an error another item sets aside (elsewhere.py)
    # (... or the root cause sets aside: `The INFO "reconnected …" lines are the client
    # recovering, not part of the failure`)
    judging = [*block.sections.get("asides", []), *block.sections.get("root_cause", [])]
    aside = [*dismissed(items, judging), *glossed]
    # ... or a part of one, when no kept text holds it: `"object too large" is one 2 MB value`
    # after `MemcacheServerError: b'object too large for cache'` was set aside
    put_by = [
        t
        for i, (texts, _) in zip(items, read, strict=True)
        if not i.code
        for t in item_log_texts(i.text)[0]
        if t not in texts
    ]
    for at, (item, (texts, prose)) in enumerate(zip(items, read, strict=True)):
        pasted = bool(item.code) or item.text.lstrip().startswith("|")
        # (... and a question, answered no elsewhere: `also logging "…" since today, related?`)
        asks = item.text.rstrip().endswith("?")
        left = [
            t
            for t in texts
            if (at, t) not in strange
            and not ((pasted or asks) and set_aside_elsewhere(t, at, aside))
            and not any(" ".join(t.split()) in q for q in replied)
            and not _part_of_one_put_by(
                t, put_by, [u for k, r in enumerate(read) if k != at for u in r[0]]
            )
        ]
        if len(left) < len(texts):
            texts, prose = left, True
        for text in [t for found in texts for t in (found, *inner_errors(found))]:
            symptom = symptom_of(text)
            try:  # as the signature loader will, so the error names the Markdown line
                compile_symptom(compiled_symptom(symptom, item.location))
                problem = None
            except SymptomSyntaxError as error:
                problem = Problem(item.location, "symptoms", f"{symptom!r}: {error}")
            if _VALUES_ONLY.match(symptom):
                # values only: a block's line (` billing  |    97` of a table, a `---`), a
                # path quoted with a person's placeholders (`/srv/uploads/<user id>/a.png`):
                # an item's is an error only when the incident has no other symptom
                if problem and not item.code:
                    values_only.append((problem, symptom))
                continue
            if problem:
                problems.append(problem)

            sources.append(SymptomSource(item.location, " ".join(text.split()), symptom))
            if not item.code and owns_a_traceback(item.text, text):
                owners.add(symptom)
        if (prose or not texts) and item.text.strip():
            described.append(item.text.strip())
    wrapped = wrapped_os_errors([source.symptom for source in sources])
    sources = [replace(s, symptom=WRAPPED_NOTE) if s.symptom in wrapped else s for s in sources]
    wrappers = causeless_wrappers([s.symptom for s in sources if s.symptom != WRAPPED_NOTE])
    sources = [replace(s, symptom=WRAPPER_NOTE) if s.symptom in wrappers else s for s in sources]
    # no words of a message (`[Errno 111]` alone, a check answered `no`): nothing to tell by
    sources = [
        replace(s, symptom=INDISTINCT_NOTE)
        if s.symptom not in (WRAPPED_NOTE, WRAPPER_NOTE)
        and (indistinct(s.symptom) or indistinct(s.quote))
        else s
        for s in sources
    ]
    dropped = (WRAPPED_NOTE, WRAPPER_NOTE, INDISTINCT_NOTE)
    kept = [s for s in sources if s.symptom not in dropped]
    context = context_symptoms([s.symptom for s in kept])
    # the words of a search query beside the lines it found (context.py)
    searched = [w for item in items if not item.code for w in query_words(item.text)]
    # (... or beside an item that holds them and is no query: a query's `**Result:** …` line)
    found = [(" ".join(i.text.split()), "") for i in items if i.text and not query_words(i.text)]
    context |= searched_for(searched, [*((s.quote, s.symptom) for s in kept), *found])
    if any(s.symptom not in owners for s in kept):  # the exception states the error
        context |= owners
    sources = [replace(s, symptom=CONTEXT_NOTE) if s.symptom in context else s for s in sources]
    notes = (WRAPPED_NOTE, WRAPPER_NOTE, CONTEXT_NOTE, INDISTINCT_NOTE)
    symptoms = tuple(dict.fromkeys(s.symptom for s in sources if s.symptom not in notes))
    if not symptoms and values_only:  # the author's error, named at its line
        problems.extend(problem for problem, _ in values_only)
        symptoms = tuple(dict.fromkeys(symptom for _, symptom in values_only))
    return symptoms, "\n".join(described) or None, tuple(sources)
