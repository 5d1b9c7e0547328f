"""Load a ruleset: find and read the signature files, reuse a cached compilation when they
are byte-for-byte the same, else parse and compile them (and cache the result)."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path

from matcher.errors import Problem, SignatureError
from matcher.model import Signature
from matcher.patterns.prefilter import choose_engine, hyperscan_fingerprint
from matcher.patterns.ruleset import ENGINE_VERSION, Ruleset
from matcher.patterns.symptoms import SymptomPattern
from matcher.rules.files import decode_signature_files, read_signature_files
from matcher.rules.select import SignatureFilter, select_signatures
from matcher.vocabulary import TMP_MARK

CACHE_ENV = "MATCHER_CACHE"
CachedRuleset = tuple[tuple[Signature, ...], bytes | None, tuple[SymptomPattern, ...]]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incident-matcher"


def load_ruleset(
    paths: Iterable[str | os.PathLike[str]],
    engine: str | None = None,
    cache: bool | None = None,
    unknown: bool = False,
    select: SignatureFilter | None = None,
) -> Ruleset:
    """Load signatures from files/directories and compile them, reusing a cached compilation
    when the signature files are byte-for-byte the same (``$MATCHER_CACHE=0`` turns it off).
    With ``select``, only the signatures it keeps are compiled (every file is still checked)."""
    engine = choose_engine(engine)
    if cache is None:
        cache = os.environ.get(CACHE_ENV, "1") not in ("0", "false", "no")
    problems: list[Problem] = []
    texts = read_signature_files(paths, problems)
    if problems:
        raise SignatureError(problems)
    variant = f"{engine}{'+markers' if unknown else ''}"
    key = _cache_key(texts, variant, select.key if select is not None else "")
    cached = _read_cache(key) if cache else None
    if cached is not None:
        signatures, blob, patterns = cached
        return Ruleset(signatures, engine, blob, unknown=unknown, patterns=patterns)
    decoded = decode_signature_files(texts, problems)
    from matcher.rules.signatures import parse_signature_texts  # YAML is read on a cache miss

    parsed = parse_signature_texts(decoded, problems)
    if problems:
        raise SignatureError(problems)
    ruleset = Ruleset(select_signatures(parsed, select), engine, unknown=unknown)
    if cache:
        patterns = tuple(s.pattern for s in ruleset.symptoms)
        _write_cache(key, (ruleset.signatures, ruleset.prefilter.serialize(), patterns))
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


def _read_cache(key: str) -> CachedRuleset | None:
    path = cache_dir() / f"{key}.pickle"
    try:
        with open(path, "rb") as fh:
            # Safe to unpickle: the cache directory is the user's own and the name is a hash
            # of the signature files plus the engine version.
            value = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    if not (isinstance(value, tuple) and len(value) == 3):
        return None
    signatures, blob, patterns = value
    return tuple(signatures), blob, tuple(patterns)


def _write_cache(key: str, value: CachedRuleset) -> None:
    import tempfile  # only when writing the cache: start-up stays short

    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=TMP_MARK)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{key}.pickle")
    except OSError:
        pass  # a cache that cannot be written only costs the next start-up its speed
