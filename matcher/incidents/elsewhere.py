"""An error the author sets aside in one item and that another item of the incident lists (a
log stream's row `ZeroDivisionError: division by zero`, then the finding `The
ZeroDivisionError in jobs.send_digest is a separate bug`): the verdict holds for every
mention of it. docs/incident-log-format.md ("Not this incident") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import NAMED_ERROR, SEARCHED, put_aside
from matcher.incidents.blocks import split_header
from matcher.incidents.markdown import Item
from matcher.incidents.quotes import quoted_runs

_ELISION = re.compile(r"\s*(?:\u2026|\.{3,})\s*")
_ENDING_ERROR = re.compile(r"(?<=: )(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception):\s.{8,}$")


def dismissed(items: Sequence[Item], others: Sequence[Item] = ()) -> list[tuple[int, str]]:
    """(item, text) for each error an item names and sets aside; `others` are the items of
    the sections that are no field (`Conclusions`, `Not the cause`), numbered below 0."""
    found: list[tuple[int, str]] = []
    for at, item in [*enumerate(items), *((-1 - k, o) for k, o in enumerate(others))]:
        if item.code:
            continue
        runs = [r for r in quoted_runs(item.text) if len(r) >= 8 and not _searched(item.text, r)]
        # (not a class named as a search term: `be careful when grepping for OperationalError`)
        names = [
            m[0]
            for m in NAMED_ERROR.finditer(item.text)
            if m[0] not in "".join(runs) and not SEARCHED.search(item.text[: m.start()])
        ]
        for text in dict.fromkeys([*runs, *names]):
            # (`the same "…" again`: the incident's error once more, whatever else is said)
            same = re.search(rf"(?i)\bsame\s+\W{{0,2}}{re.escape(text[:24])}", item.text)
            again = same is not None or _conceded(item.text, text)
            if not again and put_aside(item.text, text, text in runs):
                found.append((at, text))
    return found


def set_aside_elsewhere(text: str, at: int, aside: Sequence[tuple[int, str]]) -> bool:
    """Whether another item sets aside the error a log text of item `at` states (the caller
    asks only for pasted evidence, a code block or a table's row: a bullet that quotes an
    error states it)."""
    for where, other in aside:
        if where == at:
            continue
        if NAMED_ERROR.fullmatch(other):
            if re.match(rf"(?:[\w.]*\.)?{re.escape(other.rsplit('.', 1)[-1])}\b", text):
                return True
            continue
        # (a quote, elided or not, by the parts the author wrote, the longest among them,
        # and a quarter of the line at least: `connect() failed` named beside a verdict on
        # another line is no verdict on nginx's whole `[error] … connect() failed (111: …) …`)
        # (... as the pasted line is read, its log header off: `[error] 2041#2041: *5 no live …`
        # quoted, `[error] no live …` pasted)
        level, message = split_header(other)
        # (... or by the error that ends it, the words before misremembered: `Connection
        # failed: KafkaConnectionError: 111 …` quoted, `Bootstrap connection to … failed:
        # KafkaConnectionError: 111 …` logged)
        error = _ENDING_ERROR.search(message)
        quotes = [other, f"{level} {message}" if level else message, error[0] if error else ""]
        for quote in dict.fromkeys(q for q in quotes if q):
            parts = [p for p in _ELISION.split(quote.strip(" .")) if len(p) >= 4]
            found = sum(len(p) for p in parts if p in text)
            longest = max(parts, key=len, default="")
            if found >= 12 and longest in text and found >= 0.25 * len(text):
                return True
    return False


# a clause that grants what it quotes is the incident's too (`though the tail "…" is the same`,
# Māori `ahakoa he rite te hiku "…"`, Sundanese `sanajan`, Indonesian `walaupun`, `meskipun`)
_CONCEDING = re.compile(
    r"(?i)\b(?:though|although|even if|albeit|ahakoa|sanajan|najan|sanaos|walaupun|meskipun)"
    r"\b[^.;:\u2014]*$"
)


def _conceded(text: str, run: str) -> bool:
    """Whether a quoted run is quoted in a clause that concedes it: no verdict on it."""
    quoted = re.finditer(rf"[`\"'\u201c]{re.escape(run)}", text)
    return any(_CONCEDING.search(text[: m.start()]) for m in quoted)


def _searched(text: str, run: str) -> bool:
    """Whether a quoted run is a search term (`when grepping for "OperationalError"`)."""
    at = re.search(rf"[`\"'\u201c]{re.escape(run)}", text)
    return at is not None and SEARCHED.search(text[: at.start()]) is not None
