"""A streaming template miner: lines in, groups of lines that share a template out.

The algorithm is Drain's (drain.py) with what suggest needs around it: a generic header
stripper and typed masks (masking.py), templates written in the symptom syntax of
docs/symptoms.md, an id that is a stable hash of the template, and a last step that joins
groups differing only in one word that takes many values (a user name, a host).

No I/O: the caller feeds lines (``add``) and reads ``groups()``. Memory is bounded by
``MinerConfig.max_groups`` (the least recently matched group is dropped, as with Drain3's
``max_clusters``) and ``MinerConfig.examples`` lines kept per group.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from matcher.authoring.drain import ANY, WILDCARD, WORD, Cluster, Tree, generalize, is_masked
from matcher.authoring.layers import is_distinctive, split_exception
from matcher.authoring.masking import mask, strip_header

WRITTEN_WILDCARD = "<x>"
# Bounds on what is mined of one line (see tokenize); a symptom token placeholder matches at
# most 256 characters and ``<any>`` at most 4096.
MAX_LINE = 8192
MAX_MESSAGE = 4000
MAX_TOKEN_CHARS = 256
MAX_TOKENS = 200
# Groups are joined on a varying word only when they share this many other telling tokens:
# ``cancelAutohide`` and ``suspendAutohide`` alone on their lines are two messages.
JOIN_CONTEXT = 3
# A camel-case word names code (a command, a function), not a user or a host: never joined.
_CAMEL = re.compile(r"[a-z][A-Z]")


@dataclass(frozen=True)
class MinerConfig:
    """Settings of the miner; the defaults are the one configuration measured on loghub."""

    similarity: float = 0.5  # share of a line's telling tokens its template must have
    depth: int = 4  # tree depth as in Drain: depth - 2 leading tokens pick the leaf
    max_children: int = 100  # fan-out of a tree node before new tokens share a wildcard child
    max_groups: int = 1000  # groups kept; the least recently matched one is dropped first
    examples: int = 3  # distinct example lines kept per group
    # groups that differ in one word only are one group when that word takes this many values
    join_values: int = 4

    def __post_init__(self) -> None:
        if not 0.0 < self.similarity <= 1.0:
            raise ValueError("similarity must be in (0, 1]")
        if self.depth < 3 or self.max_children < 2 or self.max_groups < 1:
            raise ValueError("depth must be >= 3, max_children >= 2, max_groups >= 1")
        if self.examples < 0 or self.join_values < 2:
            raise ValueError("examples must be >= 0 and join_values >= 2")


@dataclass(frozen=True)
class Group:
    """A snapshot of one group. ``keys`` are what ``add`` returned for its lines (one group
    may have joined several); ``id`` is a hash of the template, the same in every run."""

    id: str
    template: str
    count: int
    examples: tuple[str, ...]
    first: str  # the origin passed with the group's first line (e.g. "app.log:12")
    last: str  # ... and with its latest line
    level: str | None  # the log level in the header of the group's first line, if any
    keys: tuple[int, ...]


def template_id(template: str) -> str:
    """A stable id for a template: 10 hex digits of its SHA-256."""
    return hashlib.sha256(template.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def tokenize(line: str) -> tuple[list[str], str | None, str | None]:
    """The masked tokens of a line's message, the level its header names, and the exception
    class set apart from a distinctive message (layers.py; a short message keeps its class
    as its first token). Bounded, so that the template of any line compiles to a symptom
    that matches it: the first ``MAX_MESSAGE`` characters are mined, a token longer than a
    placeholder may match is ``<any>``, and tokens past ``MAX_TOKENS`` are one ``<any>``."""
    message = strip_header(line[:MAX_LINE])
    head, text = split_exception(message.text[:MAX_MESSAGE])
    tokens = [ANY if len(t) > MAX_TOKEN_CHARS else t for t in mask(text).split()]
    if head is not None and not is_distinctive(" ".join(tokens)):
        tokens.insert(0, head + ":")
        head = None
    if len(tokens) > MAX_TOKENS:
        tokens[MAX_TOKENS - 1 :] = [ANY]
    return tokens, message.level, head


def render(tokens: Iterable[str]) -> str:
    """A template in the symptom syntax: generalized tokens become ``<x>``."""
    return " ".join(WRITTEN_WILDCARD if t == WILDCARD else t for t in tokens)


class Miner:
    """Groups lines by template as they stream in."""

    def __init__(self, config: MinerConfig | None = None) -> None:
        self.config = config or MinerConfig()
        self._tree = Tree(self.config.depth, self.config.max_children, self.config.similarity)
        self._clusters: OrderedDict[int, Cluster] = OrderedDict()
        self.lines = 0
        self.dropped = 0  # groups dropped by the cap

    def add(self, line: str, origin: str = "") -> int:
        """Put a line (without its newline) into a group; returns the group's key."""
        self.lines += 1
        tokens, level, head = tokenize(line)
        cluster = self._tree.find(tokens)
        if cluster is None:
            cluster = self._create(tokens, level, origin)
        else:
            generalize(cluster.tokens, tokens)
            self._clusters.move_to_end(cluster.key)
        if head is None:
            cluster.headless += 1
        elif cluster.exception is None:
            cluster.exception = head
        elif cluster.exception != head:
            cluster.mixed = True
        cluster.count += 1
        cluster.last, cluster.last_seen = origin, self.lines
        example = line[:MAX_LINE]  # bounded: a huge line is kept by its start
        if len(cluster.examples) < self.config.examples and example not in cluster.examples:
            cluster.examples.append(example)
        return cluster.key

    def groups(self) -> list[Group]:
        """The groups kept, most frequent first (then in order of their first line)."""
        merged = [
            _combine(c, self.config.examples)
            for c in _join(self._clusters.values(), self.config.join_values)
        ]
        return sorted(merged, key=lambda g: (-g.count, g.keys[0]))

    def __len__(self) -> int:
        return len(self._clusters)

    def _create(self, tokens: list[str], level: str | None, origin: str) -> Cluster:
        cluster = Cluster(self.lines, list(tokens), level, origin, self.lines)
        self._tree.insert(cluster)
        self._clusters[cluster.key] = cluster
        if len(self._clusters) > self.config.max_groups:
            _, dropped = self._clusters.popitem(last=False)
            self._tree.remove(dropped)
            self.dropped += 1
        return cluster


def _join(clusters: Iterable[Cluster], values: int) -> list[list[Cluster]]:
    """Clusters that differ only in one word, where that word takes at least ``values``
    values, as one list: a word with that many values is a value (a user, a host), while
    two or so are two messages (``initialization``/``finalization``). Camel-case words
    (``clusterAddMember``, ``risBoot``) are left apart whatever their number."""
    clusters = list(clusters)
    parent = {c.key: c.key for c in clusters}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = key = parent[parent[key]]
        return key

    siblings: defaultdict[tuple[str, ...], list[Cluster]] = defaultdict(list)
    for c in clusters:
        for i, token in enumerate(c.tokens):
            if WORD.match(token) and not _CAMEL.search(token):
                siblings[(str(i), *c.tokens[:i], *c.tokens[i + 1 :])].append(c)
    for key, members in siblings.items():
        position = int(key[0])
        context = sum(1 for t in key[1:] if not is_masked(t))
        if context >= JOIN_CONTEXT and len({m.tokens[position] for m in members}) >= values:
            for m in members[1:]:
                parent[root(m.key)] = root(members[0].key)
    joined: defaultdict[int, list[Cluster]] = defaultdict(list)
    for c in clusters:
        joined[root(c.key)].append(c)
    return list(joined.values())


def _with_class(message: str, members: list[Cluster]) -> str:
    """The template with the group's exception class in front where the symptom then still
    matches every line: the message is distinctive (the class is optional), or every line
    had this very class."""
    classes = {m.exception for m in members if m.exception is not None}
    if not classes:
        return message
    headless = sum(m.headless for m in members)
    mixed = len(classes) > 1 or any(m.mixed for m in members)
    if is_distinctive(message) or (headless == 0 and not mixed):
        first = next(m.exception for m in members if m.exception is not None)
        return f"{first}: {message}"
    return message


def _combine(members: list[Cluster], examples: int) -> Group:
    members = sorted(members, key=lambda c: c.first_seen)
    tokens = list(members[0].tokens)
    for m in members[1:]:
        generalize(tokens, m.tokens)
    latest = max(members, key=lambda c: c.last_seen)
    kept = [line for m in members for line in m.examples]
    template = _with_class(render(tokens), members)
    return Group(
        id=template_id(template),
        template=template,
        count=sum(m.count for m in members),
        examples=tuple(dict.fromkeys(kept))[:examples],
        first=members[0].first,
        last=latest.last,
        level=members[0].level,
        keys=tuple(m.key for m in members),
    )
