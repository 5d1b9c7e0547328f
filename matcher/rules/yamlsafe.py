"""Strict, safe YAML: no tags, anchors, aliases or duplicate keys; every node keeps its place.

PyYAML's ``safe_load`` would silently take the last of two duplicate keys, expand alias bombs and
turn ``id: 0123`` into 83. Here the document is composed into nodes (never constructed into Python
objects by PyYAML) and converted by hand into ``Node`` values that remember where they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

from matcher.errors import Problem
from matcher.model import SourceLocation

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SURROGATE = re.compile("[\ud800-\udfff]")
# A signature nests four levels deep; this leaves room and stays far from the recursion limit.
MAX_DEPTH = 32


@dataclass(frozen=True)
class Node:
    """A YAML value with its location. ``value`` is str (scalars, raw text), list or dict."""

    value: Any
    tag: str
    location: SourceLocation

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        names = {STR: "string", INT: "integer", FLOAT: "number", BOOL: "boolean", NULL: "null"}
        return names.get(self.tag, "date" if self.tag == TIMESTAMP else "scalar")


@dataclass(frozen=True)
class Key:
    name: str
    location: SourceLocation


class _StrictComposer(yaml.SafeLoader):
    """A SafeLoader that refuses aliases, anchors, explicit tags and deep nesting while
    composing (PyYAML composes recursively: ``[[[…]]]`` 400 deep is a RecursionError)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        problem = _refused(event)
        if problem is None and self.depth >= MAX_DEPTH:
            problem = f"nested deeper than {MAX_DEPTH} levels"
        if problem is not None:
            raise yaml.MarkedYAMLError(None, None, problem, event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _refused(event: Any) -> str | None:
    """Why an event is not allowed in a signature file, or None."""
    if isinstance(event, AliasEvent):
        return "aliases (*name) are not allowed"
    if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
        if event.anchor is not None:
            return "anchors (&name) are not allowed"
        if event.tag is not None and event.tag != "!":
            return f"tags ({event.tag}) are not allowed"
    return None


def _location(path: str, mark: Any) -> SourceLocation:
    return SourceLocation(path, mark.line + 1, mark.column + 1)


def load_yaml(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into located nodes; syntax errors come back as problems."""
    loader = _StrictComposer(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _location(path, mark) if mark is not None else SourceLocation(path, 1, 1)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Problem(where, "yaml", message or "invalid YAML")]
    except yaml.YAMLError as exc:
        return None, [Problem(SourceLocation(path, 1, 1), "yaml", str(exc))]
    except RecursionError:  # called from deep in a stack already: still one located error
        where = _location(path, loader.get_mark())
        return None, [Problem(where, "yaml", "nested too deeply")]
    finally:
        loader.dispose()
    if root is None:
        return None, []
    problems: list[Problem] = []
    return _convert(root, path, problems), problems


def _convert(node: Any, path: str, problems: list[Problem]) -> Node:
    where = _location(path, node.start_mark)
    if isinstance(node, yaml.MappingNode):
        items: dict[str, tuple[Key, Node]] = {}
        for key_node, value_node in node.value:
            key_where = _location(path, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(key_where, "yaml", "keys must be plain strings"))
                continue
            name = str(key_node.value)
            if name in items:
                first = items[name][0].location
                problems.append(
                    Problem(key_where, name, f"duplicate key (first at line {first.line})")
                )
                continue
            items[name] = (Key(name, key_where), _convert(value_node, path, problems))
        return Node(items, "mapping", where)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, path, problems) for item in node.value], "list", where)
    text = str(node.value)
    if _SURROGATE.search(text):  # "\ud83d\ude00" escapes: YAML leaves the pair in halves
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
        lone = _SURROGATE.search(text)
        if lone:
            problems.append(
                Problem(where, "yaml", f"\\u{ord(lone.group()):04x} is half a character")
            )
            text = _SURROGATE.sub("\ufffd", text)
    return Node(text, str(node.tag), where)
