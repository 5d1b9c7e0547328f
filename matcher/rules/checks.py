"""Checks of single field values that need no YAML: runbook links and symptom patterns."""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from typing import Any

import regex

from matcher.model import Symptom
from matcher.patterns.symptoms import SymptomSyntaxError, compile_symptom

URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
HTTP_URL = re.compile(r"^[hH][tT][tT][pP][sS]?://[^\s/?#@]+(?:[/?#]\S*)?$")
EMPTY_PROBES = ("", "x", "a b", "ERROR: x 1 -", "_", "\t", "\u00e9")


def runbook_problem(link: str) -> str | None:
    """Why a runbook link is not an http(s) URL or a repository path, or None."""
    scheme = URL_SCHEME.match(link)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        return None if HTTP_URL.match(link) else "malformed URL (http(s)://host/…)"
    if (scheme and len(scheme.group(1)) > 1) or link.startswith("//"):
        return "link must be http(s) or a repository path"
    if not link.isprintable():
        return "a repository path must be printable text"
    return None


def pattern_problem(symptom: Symptom) -> str | None:
    """Why a symptom cannot be used (empty, does not compile, matches the empty string)."""
    if not symptom.text.strip():
        return "pattern is empty"
    try:
        compiled = regex.compile(compile_symptom(symptom).pattern)
    except SymptomSyntaxError as exc:
        return str(exc)
    except regex.error as exc:
        return f"regex does not compile: {exc}"
    if _matches_empty(compiled):
        return "pattern matches the empty string"
    return None


def _matches_empty(compiled: regex.Pattern[str]) -> bool:
    """Whether a pattern can match zero characters (``x*``, ``(?=x)``, ``\\b``): such a symptom
    would flag lines without pointing at any text of them."""
    shortest = _shortest_match(compiled.pattern)
    if shortest is not None:
        return shortest == 0
    for probe in EMPTY_PROBES:  # syntax only the regex module has (\\p{L}, fuzzy matching)
        found = compiled.search(probe)
        if found is not None and found.end() == found.start():
            return True
    return False


def _shortest_match(pattern: str) -> int | None:
    """The length of the shortest match, by the standard library's parser, if it reads it as
    ``regex`` does (a "possible nested set" warning says it may not: ``[[:digit:]]``)."""
    try:
        parser: Any = importlib.import_module(
            "re._parser" if sys.version_info >= (3, 11) else "sre_parse"
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return int(parser.parse(pattern).getwidth()[0])
    except (ImportError, AttributeError, re.error, OverflowError, RecursionError, Warning):
        return None
