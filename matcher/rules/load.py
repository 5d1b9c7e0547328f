"""Load a ruleset: find and read the signature files, reuse a cached compilation when they
are byte-for-byte the same, else parse and compile them (and cache the result)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence

from matcher.errors import Problem, SignatureError
from matcher.model import Signature
from matcher.patterns.prefilter import choose_engine, hyperscan_fingerprint
from matcher.patterns.ruleset import ENGINE_VERSION, Ruleset
from matcher.patterns.symptoms import SymptomPattern
from matcher.rules.cache import cache_dir, read_entry, write_entry
from matcher.rules.files import decode_signature_files, read_signature_files
from matcher.rules.select import SignatureFilter, select_signatures

CACHE_ENV = "MATCHER_CACHE"
CachedRuleset = tuple[tuple[Signature, ...], bytes | None, tuple[SymptomPattern, ...]]
Warn = Callable[[str], None]
__all__ = ["cache_dir", "load_ruleset"]


def load_ruleset(
    paths: Iterable[str | os.PathLike[str]],
    engine: str | None = None,
    cache: bool | None = None,
    unknown: bool = False,
    select: SignatureFilter | None = None,
    on_warning: Warn | None = None,
) -> Ruleset:
    """Load signatures from files/directories and compile them, reusing a cached compilation
    when the signature files are byte-for-byte the same (``$MATCHER_CACHE=0`` turns it off).
    With ``select``, only the signatures it keeps are compiled (every file is still checked).
    A damaged cache entry is rebuilt, and ``on_warning`` told."""
    engine = choose_engine(engine)
    if cache is None:
        cache = os.environ.get(CACHE_ENV, "1") not in ("0", "false", "no")
    problems: list[Problem] = []
    texts = read_signature_files(paths, problems)
    if problems:
        raise SignatureError(problems)
    variant = f"{engine}{'+markers' if unknown else ''}"
    key = _cache_key(texts, variant, select.key if select is not None else "")
    if cache:

        def rebuild(value: object) -> Ruleset:
            signatures, blob, patterns = _check_cached(value)
            return Ruleset(signatures, engine, blob, unknown=unknown, patterns=patterns)

        cached: Ruleset | None = read_entry(key, rebuild, on_warning)
        if cached is not None:
            return cached
    decoded = decode_signature_files(texts, problems)
    from matcher.rules.signatures import parse_signature_texts  # YAML is read on a cache miss

    parsed = parse_signature_texts(decoded, problems)
    if problems:
        raise SignatureError(problems)
    ruleset = Ruleset(select_signatures(parsed, select), engine, unknown=unknown)
    if cache:
        patterns = tuple(s.pattern for s in ruleset.symptoms)
        write_entry(key, (ruleset.signatures, ruleset.prefilter.serialize(), patterns))
    return ruleset


def _cache_key(texts: Sequence[tuple[str, bytes]], variant: str, selection: str) -> str:
    engine = variant.split("+")[0]
    basis = f"{ENGINE_VERSION}\0{variant}\0{_engine_version(engine)}"
    if selection:  # no filter: the key of every cache written before filters existed
        basis += f"\0{selection}"
    digest = hashlib.sha256(basis.encode("utf-8", "surrogateescape"))
    for path, data in texts:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _engine_version(engine: str) -> str:
    return hyperscan_fingerprint() if engine == "hyperscan" else "pure"


def _check_cached(value: object) -> CachedRuleset:
    """The cached triple, or an exception if it is not one (read_entry then discards it)."""
    if not (isinstance(value, tuple) and len(value) == 3):
        raise TypeError("not a cached ruleset")
    signatures, blob, patterns = value
    if not all(isinstance(s, Signature) for s in signatures) or not (
        blob is None or isinstance(blob, bytes)
    ):
        raise TypeError("not a cached ruleset")
    patterns = tuple(patterns)
    if len(patterns) != sum(len(s.symptoms) for s in signatures):
        raise TypeError("patterns and symptoms differ")
    return tuple(signatures), blob, patterns
