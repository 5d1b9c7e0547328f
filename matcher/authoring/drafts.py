"""From mined groups to draft signatures: one symptom per group (its template), groups that
another group's template already explains folded into it, and examples that make each draft
pass ``matcher test`` beside the others.

A draft is tested the way ``matcher test`` tests a signature (``scan_text`` over one
ruleset of every candidate), so what is decided here holds when the drafts are loaded.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matcher.authoring.drafting import nearest, severity_for, title_for
from matcher.authoring.mining import Group
from matcher.model import Examples, Severity, Signature, SourceLocation, Symptom
from matcher.patterns.ruleset import compile_ruleset
from matcher.patterns.symptoms import SymptomSyntaxError, compile_symptom
from matcher.sources.scan import scan_text
from matcher.vocabulary import DRAFT_MARK, DRAFT_PREFIX

DRAFT_RESOLUTION = (
    f"{DRAFT_MARK}: write what fixed this failure here; "
    "matcher refuses this signature until this line is gone"
)
NO_MATCH_EXAMPLES = 3
MATCH_EXAMPLES = 5
NEAR_CANDIDATES = 20
_WHERE = SourceLocation("<draft>", 1, 1)


@dataclass(frozen=True)
class Draft:
    """A group of unknown failures and the draft signature written for it. ``members``: the
    ids of the groups folded into it (their lines match its symptom)."""

    group: Group
    signature: Signature
    members: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return self.group.count


def severity_of(group: Group) -> Severity:
    return severity_for(group.level)


def draftable(group: Group) -> bool:
    """Whether the template is a usable symptom: it has literal text (a template of
    placeholders only has none). A template's literals are escaped, so it compiles; the
    loader's full check (a regex compile each, ~5 ms) is for what people write."""
    try:
        compile_symptom(Symptom(group.template, _WHERE))
    except SymptomSyntaxError:
        return False
    return True


def _signature(group: Group, examples: Examples | None = None) -> Signature:
    return Signature(
        id=DRAFT_PREFIX + group.id,
        title=title_for(group.template),
        severity=severity_of(group),
        symptoms=(Symptom(group.template, _WHERE),),
        resolution=DRAFT_RESOLUTION,
        location=_WHERE,
        examples=examples or Examples(),
    )


class _Flags:
    """Which candidate drafts flag each example line, computed once over one ruleset."""

    def __init__(self, groups: Sequence[Group], engine: str) -> None:
        ruleset = compile_ruleset([_signature(g) for g in groups], engine)
        lines = list(dict.fromkeys(x for g in groups for x in g.examples))
        # One scan of all the lines, each its own event, as matcher test scans each example
        # alone; a line with a line break in it (never from the scanner) is scanned alone.
        plain = [x for x in lines if "\n" not in x and "\r" not in x]
        found: dict[int, set[str]] = {}
        for f in scan_text(ruleset, "\n".join(plain) + "\n", events="lines"):
            found.setdefault(f.line, set()).add(f.signature.id)
        self._by_line = {x: frozenset(found.get(n, ())) for n, x in enumerate(plain, 1)}
        for x in lines:
            if x not in self._by_line:
                self._by_line[x] = frozenset(f.signature.id for f in scan_text(ruleset, x))

    def of(self, line: str) -> frozenset[str]:
        return self._by_line.get(line, frozenset())

    def hosts(self, group: Group) -> frozenset[str]:
        """The drafts that flag every example line of ``group`` (its own included)."""
        sets = [self.of(x) for x in group.examples]
        return frozenset.intersection(*sets) if sets else frozenset()


def build_drafts(
    groups: Sequence[Group], min_count: int = 2, top: int | None = None, engine: str = "pure"
) -> list[Draft]:
    """Draft signatures for the groups seen at least ``min_count`` times (the ``top`` most
    frequent, then by severity), after folding each group into one whose template flags all
    its example lines. ``engine``: the prefilter the drafts are checked with; both give the
    same findings, and the pure one needs no compiling, which over a few thousand example
    lines is most of Hyperscan's cost (256 groups: 0.5 s against 0.8 to 1.4 s)."""
    unique = list({g.id: g for g in groups if draftable(g)}.values())
    if not unique:
        return []
    flags = _Flags(unique, engine)
    kept = _fold(unique, flags)
    ranked = sorted(
        kept, key=lambda d: (-d.count, -severity_of(d.group), d.group.keys[0], d.group.id)
    )
    chosen = [d for d in ranked if d.count >= min_count][:top]
    drafted = frozenset(d.signature.id for d in chosen)
    words = {g.id: frozenset(g.template.split()) for g in unique}
    return [_with_examples(d, unique, flags, drafted, words) for d in chosen]


def _fold(groups: Sequence[Group], flags: _Flags) -> list[Draft]:
    """Fold each group into a kept group whose template flags all of its examples, or fold
    kept groups into it when its template flags all of theirs (the broader template wins)."""
    kept: dict[str, Draft] = {}  # by draft id, in the order kept
    hosts: dict[str, frozenset[str]] = {}  # draft id -> the drafts that flag all its lines
    for group in sorted(groups, key=lambda g: (-g.count, g.keys[0])):
        own = DRAFT_PREFIX + group.id
        mine = flags.hosts(group)
        host = next((d for d in kept if d in mine and d != own), None)
        if host is not None:
            kept[host] = _absorb(kept[host], group)
            hosts[host] &= mine
            continue
        draft = Draft(group, _signature(group))
        for other in [d for d in kept if own in hosts[d]]:
            draft = _absorb(draft, kept[other].group, kept.pop(other).members)
            mine &= hosts.pop(other)
        kept[own], hosts[own] = draft, mine
    return list(kept.values())


def _absorb(host: Draft, group: Group, more: tuple[str, ...] = ()) -> Draft:
    """``host`` with ``group``'s lines counted and its examples kept (another layer of the
    same failure is the best match example there is)."""
    mine = host.group
    merged = replace(
        mine,
        count=mine.count + group.count,
        examples=tuple(dict.fromkeys(mine.examples + group.examples)),
        keys=mine.keys + group.keys,
        # the miner numbers lines as they come: the smaller key saw the earlier first line
        first=group.first if min(group.keys) < min(mine.keys) else mine.first,
    )
    return Draft(merged, host.signature, (*host.members, group.id, *more))


def _with_examples(
    draft: Draft,
    groups: Sequence[Group],
    flags: _Flags,
    drafted: frozenset[str],
    words: dict[str, frozenset[str]],
) -> Draft:
    """Match examples: the group's lines this draft flags and no other chosen draft does.
    No-match examples: lines of the nearest other groups that no chosen draft flags (a line
    another draft flags would fail ``matcher test``, where a near miss is flagged by none)."""
    own = draft.signature.id
    match = [
        x
        for x in draft.group.examples
        if own in flags.of(x) and not (flags.of(x) & drafted) - {own} and _one_line(x)
    ]
    mine = {draft.group.id, *draft.members}
    # nearest() compares token sequences (difflib); a cheap token-set likeness picks the
    # candidates first, so that a thousand groups cost a thousand set operations per draft
    tokens = words[draft.group.id]
    candidates = heapq.nlargest(
        NEAR_CANDIDATES,
        (g for g in groups if g.id not in mine),
        key=lambda g: _similarity(tokens, words[g.id]),
    )
    others = nearest(candidates, draft.group, k=NEAR_CANDIDATES)
    near = [
        line
        for g in others
        for line in g.examples
        if not (flags.of(line) & drafted) and line not in match and _one_line(line)
    ]
    examples = Examples(tuple(match[:MATCH_EXAMPLES]), tuple(near[:NO_MATCH_EXAMPLES]))
    return replace(draft, signature=replace(draft.signature, examples=examples))


def _one_line(text: str) -> bool:
    """An example ``matcher test`` reads as one line: it splits examples with
    ``str.splitlines``, which also breaks at U+2028, U+0085, form feeds and the like, where a
    log line does not break (a draft is better without such an example)."""
    return len(text.splitlines()) == 1


def _similarity(tokens: frozenset[str], other: frozenset[str]) -> float:
    """Jaccard similarity of two templates' tokens: cheap, and enough to pick neighbours."""
    return len(tokens & other) / (len(tokens | other) or 1)
