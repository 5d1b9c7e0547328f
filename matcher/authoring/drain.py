"""The clustering core of the miner: Drain's fixed-depth tree (He et al., "Drain: An Online
Log Parsing Approach with Fixed Depth Tree", ICWS 2017), with a similarity that ignores masked
values and keeps two different words apart (docs/suggest.md says why)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WILDCARD = "<*>"  # a token the miner generalized; written as an untyped placeholder
ANY = "<any>"  # a stretch too long for a token placeholder; stays <any> when generalized
# A plain word (``running``, ``TrustedInstaller``, ``finalization.``, ``SOCKS5``): where two
# lines have two different words, they are two messages, not one message with a value.
WORD = re.compile(r"[A-Za-z][a-z]*(?:[A-Z][a-z]*)*\d?[.,:;!?]?$")
_MASK_OR_PUNCT = re.compile(r"<[a-z]+>|[^\w<>]")


class _Node:
    __slots__ = ("children", "clusters")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.clusters: list[Cluster] = []


@dataclass
class Cluster:
    """A group while it is being mined (mutable; the miner hands out snapshots)."""

    key: int
    tokens: list[str]
    level: str | None
    first: str
    first_seen: int
    last: str = ""
    last_seen: int = 0
    count: int = 0
    examples: list[str] = field(default_factory=list)
    exception: str | None = None  # the first exception class set apart from a line's message
    headless: int = 0  # lines with no class set apart
    mixed: bool = False  # lines with another class than ``exception``
    # the tree nodes from the root to the cluster's leaf, with the key of each
    path: list[tuple[_Node, str]] = field(default_factory=list, repr=False)


class Tree:
    """Token count, then the first ``depth - 2`` tokens, lead to a leaf: a short list of
    clusters to compare a line with. Nodes left empty when a cluster goes are removed, so
    the tree is bounded by the number of clusters."""

    def __init__(self, depth: int, max_children: int, similarity: float) -> None:
        self.depth = depth
        self.max_children = max_children
        self.similarity = similarity
        self._root = _Node()

    def find(self, tokens: list[str]) -> Cluster | None:
        """The cluster of the leaf most similar to the line, if similar enough."""
        path = self._path(tokens, create=False)
        if path is None:
            return None
        parent, key = path[-1]
        return best_match(parent.children[key].clusters, tokens, self.similarity)

    def insert(self, cluster: Cluster) -> None:
        path = self._path(cluster.tokens, create=True)
        assert path is not None  # created
        cluster.path = path
        parent, key = path[-1]
        parent.children[key].clusters.append(cluster)

    @staticmethod
    def remove(cluster: Cluster) -> None:
        parent, key = cluster.path[-1]
        parent.children[key].clusters.remove(cluster)
        for parent, key in reversed(cluster.path):
            node = parent.children[key]
            if node.clusters or node.children:
                break
            del parent.children[key]

    def _path(self, tokens: list[str], create: bool) -> list[tuple[_Node, str]] | None:
        keys = [str(len(tokens))]
        keys += [WILDCARD if is_variable(t) else t for t in tokens[: self.depth - 2]]
        path: list[tuple[_Node, str]] = []
        node = self._root
        for depth, key in enumerate(keys):
            full = depth > 0 and len(node.children) >= self.max_children - 1
            if full and key not in node.children:
                key = WILDCARD  # a full node sends new tokens to its wildcard child
            child = node.children.get(key)
            if child is None:
                if not create:
                    return None
                child = node.children[key] = _Node()
            path.append((node, key))
            node = child
        return path


def is_variable(token: str) -> bool:
    """A token that cannot pick a tree branch: a placeholder is in it or a digit."""
    return "<" in token or any(c.isdigit() for c in token)


def is_masked(token: str) -> bool:
    """Only masked values and punctuation (``<int>``, ``[<ip>]:``): says nothing of the
    message."""
    return "<" in token and not _MASK_OR_PUNCT.sub("", token)


def best_match(clusters: list[Cluster], tokens: list[str], threshold: float) -> Cluster | None:
    """The most similar cluster, if similar enough: the share of the line's telling tokens
    (not only masked values) that the template has at the same place; a line of masked
    values only is compared on all its tokens. A wildcard in the template only breaks ties,
    as in Drain. Two different plain words at one place rule a cluster out."""
    telling = [not is_masked(t) for t in tokens]
    weight = sum(telling) or len(tokens)
    every = weight == len(tokens)
    best: Cluster | None = None
    best_score = (-1.0, -1)
    for cluster in clusters:
        score = _score(cluster.tokens, tokens, telling, every)
        if score is not None and score > best_score:
            best, best_score = cluster, score
    if best is None or (weight and best_score[0] / weight < threshold):
        return None
    return best


def _score(
    template: list[str], tokens: list[str], telling: list[bool], every: bool
) -> tuple[float, int] | None:
    same = wild = 0
    for mine, theirs, counts in zip(template, tokens, telling, strict=True):
        if mine == WILDCARD:
            wild += 1
        elif mine == theirs:
            same += counts or every
        elif WORD.match(mine) and WORD.match(theirs):
            return None
    return float(same), wild


def generalize(template: list[str], tokens: list[str]) -> None:
    """Turn the template's tokens that differ from the line's into wildcards."""
    for i, (mine, theirs) in enumerate(zip(template, tokens, strict=True)):
        if mine != theirs:
            template[i] = ANY if ANY in (mine, theirs) else WILDCARD
