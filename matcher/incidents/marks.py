"""The marks that stand for log texts in the sentence the aside rules read: the log text being
judged (MARK) and the item's other log texts (OTHER), and which of them a verdict is about: the
nearest before it, with the texts listed together with it (`"…" and SystemExit: 1 after it are
expected`). docs/incident-log-format.md ("Not this incident") says the rule."""

from __future__ import annotations

import re

MARK = "\x01"
# Another log text of the item (asides.py marks them so): a verdict nearer to it is about it.
OTHER = "\x02"
# The start of a log text that is an error of its own: a class or an error level.
ERROR_START = r"\W?(?:[\w.]*(?:Error|Exception)\b|(?:ERROR|FATAL|CRITICAL)\b)"
# ... another log text that is such an error (marked twice when quoted whole, asides.py)
OTHER_ERROR = re.compile(rf"{OTHER}(?:\W{{0,2}}{OTHER}|{ERROR_START})")
# What joins log texts into one list, which a verdict after it is about as a whole (`"…" and
# SystemExit: 1 after it are expected`): a few words, no clause of their own.
_CLAUSE = re.compile(
    r"[;.:\u2014\u2013]|\b(?:which|but|because|so|while|when|where|that|it|this)\b"
)


_SEPARATOR = re.compile("[\\s`\"'\u201c\u201d,;/]*")
# A verdict said of all the texts before it.
# (`— this all is normal after the timeout`, as non-native English says it)
_ALL = re.compile(
    r"(?i)^[^\w\x01\x02]*(?:(?:they|those|these) (?:are|were) )?(?:all|both)\b"
    r"|^[^\w\x01\x02]*(?:this|that|it|these|those|they) all\b"
)


# Words that bring in another thing beside a log text: a verdict after them is about that
# (`…, preceded by a bunch of GC trace garbage (those are not the error …)`).
ANOTHER = re.compile(
    r"(?i)\b(?:(?:preceded|followed|accompanied) by|along with|together with|as well as"
    # (`"…", in between each time "…" (that is only the retry)`)
    r"|in between|interleaved with|dazwischen|zwischendurch|entre (?:eux|elles|ellos)"
    # (`"…", after the usual "<--- Last few GCs --->" block (those lines are not the error)`)
    r"|(?:right |just )?(?:after|before) the usual"
    # (`"…", right after it the STATEMENT: line with the query (that is just the query)`)
    r"|(?:right |just |immediately )?(?:after|before) (?:it|that|this),? the"
    # ... in Armenian (`դրանից անմիջապես հետո`), in Odia (`ତା ପରର STATEMENT: … ଲାଇନ୍`, the line
    # after it)
    r"|\u0564\u0580\u0561\u0576\u056b\u0581 (?:\S+ )?"
    r"(?:\u0570\u0565\u057f\u0578|\u0561\u057c\u0561\u057b)"
    r"|\u0b24\u0b3e \u0b2a\u0b30\u0b30"
    # ... in Cebuano (`sunod ang STATEMENT`, `gisundan sa`, `kauban ang`), Haitian Creole (`swiv
    # pa`, `ansanm ak`, `apre li,`) and West Frisian (`folge troch`, `tegearre mei`, `dêrnei de`)
    r"|sunod ang|gisundan (?:sa|og|ni)|kauban ang|(?:ki )?swiv pa|ansanm ak|apre li,? (?:gen|yon)"
    r"|folge troch|foarôfgien troch|tegearre mei|dêrnei (?:de|it|in))\b"
)


def _joined(between: str) -> bool:
    if _SEPARATOR.fullmatch(between):  # (`"…"; "…"`: a list, however it is punctuated)
        return True
    if ANOTHER.search(between):  # (`"…", preceded by the usual "…"`: another thing beside it)
        return False
    return (
        len(between) <= 40 and len(re.findall(r"\w+", between)) <= 6 and not _CLAUSE.search(between)
    )


def mark_runs(text: str) -> list[tuple[int, int, bool]]:
    """The log texts of a sentence as runs of joined ones: (start, end, holds the log text)."""
    places = [i for i, c in enumerate(text) if c in (MARK, OTHER)]
    runs: list[tuple[int, int, bool]] = []
    for i in places:
        if runs and _joined(text[runs[-1][1] + 1 : i]):
            start, _, mine = runs[-1]
            runs[-1] = (start, i, mine or text[i] == MARK)
        else:
            runs.append((i, i, text[i] == MARK))
    return runs


def past_the_mark(text: str) -> int:
    """Where the first log text after the log text's own run starts (-1: none): what follows
    it is about that one."""
    runs = mark_runs(text)
    mine = next((k for k, run in enumerate(runs) if run[2]), None)
    return runs[mine + 1][0] if mine is not None and mine + 1 < len(runs) else -1


def about_the_mark(text: str, start: int, end: int) -> bool:
    """Whether words at text[start:end] are about the log text: they hold it, or its run is
    the nearest before them (after them, when none is before)."""
    if MARK in text[start:end]:
        return True
    runs = mark_runs(text)
    before = [run for run in runs if run[1] < start]
    dashed = _dashed_list(text, start, before)
    if dashed:
        return any(run[2] for run in dashed)
    if before and _ALL.match(text[before[-1][1] + 1 : start]):
        return any(run[2] for run in before)  # `"…" and …, then "…" — all consequences of …`
    if before and ANOTHER.search(text[before[-1][1] + 1 : start]):
        return False
    if before:
        return before[-1][2]
    after = [run for run in runs if run[0] >= end]
    return bool(after) and after[0][2]


def _dashed_list(
    text: str, start: int, before: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    """The runs of a list set between dashes as the subject of the words after the closing one
    (`Other lines — "…" from a helper, a warning ("…"), and an INFO "…" — were reviewed and are
    not related`): the verdict is about them all, not only the last."""
    close = text.rfind("\u2014", 0, start)
    opening = text.rfind("\u2014", 0, close) if close > 0 else -1
    if opening < 0 or any(close < run[0] for run in before):
        return []
    inside = [run for run in before if opening < run[0] and run[1] < close]
    return inside if len(inside) > 1 else []
