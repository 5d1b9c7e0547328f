"""A compiled ruleset: the signatures, their exact patterns and one multi-pattern prefilter."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from matcher.engines import (
    HyperscanPrefilter,
    Prefilter,
    PurePrefilter,
    choose_engine,
    hyperscan_fingerprint,
)
from matcher.model import Role, Signature, Symptom
from matcher.symptoms import SymptomPattern, compile_symptom

# Bump when compiled patterns or the cache payload change meaning.
ENGINE_VERSION = "9"
CACHE_ENV = "MATCHER_CACHE"
# Candidate id of an error marker (unknown-failure mode); symptom ids are >= 0.
MARKER = -1
# Candidate id of pytest's failures banner: from there on, findings look for their test.
PYTEST = -2
PYTEST_LITERALS = (b"= FAILURES =", b"= ERRORS =")
# Plain literals for Hyperscan too (the same as the pure engine's): an alternation with
# repeats cost a quarter of the whole scan at N = 10.
PYTEST_PATTERNS = (r"=\ FAILURES\ =", r"=\ ERRORS\ =")
# Error-like lines, found by the same prefilter pass as the symptoms (see docs/ci.md).
MARKER_PATTERNS = (
    r"Traceback \(most recent call last\):",
    r"\b(?:ERROR|FATAL|FAILED|CRITICAL|SEVERE|PANIC)\b",
    r"\bpanic: ",
    r"Exception\b",
)
MARKER_LITERALS = (
    b"Traceback (most recent call last):",
    b"ERROR",
    b"FATAL",
    b"FAILED",
    b"CRITICAL",
    b"SEVERE",
    b"PANIC",
    b"panic: ",
    b"Exception",
)


class CompiledSymptom(NamedTuple):
    signature: int  # index into Ruleset.signatures
    symptom: Symptom
    pattern: SymptomPattern


class Ruleset:
    """Everything the scanner needs, built once per set of signatures."""

    def __init__(
        self,
        signatures: Sequence[Signature],
        engine: str | None = None,
        prefilter_blob: bytes | None = None,
        unknown: bool = False,
        patterns: Sequence[SymptomPattern] | None = None,
    ) -> None:
        self.signatures = tuple(signatures)
        self.markers = unknown
        self.symptoms: list[CompiledSymptom] = []
        # Per signature, the indices of its symptoms by role: (any, all, unless). A tuple,
        # not a dict keyed by Role: hashing an Enum member runs Python code, per event.
        self.by_signature: list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = []
        for sig_index, sig in enumerate(self.signatures):
            roles: tuple[list[int], list[int], list[int]] = ([], [], [])
            for symptom in sig.symptoms:
                role = symptom.role
                slot = 0 if role is Role.ANY else 1 if role is Role.ALL else 2
                roles[slot].append(len(self.symptoms))
                pattern = (
                    patterns[len(self.symptoms)]
                    if patterns is not None
                    else compile_symptom(symptom)
                )
                self.symptoms.append(CompiledSymptom(sig_index, symptom, pattern))
            self.by_signature.append((tuple(roles[0]), tuple(roles[1]), tuple(roles[2])))
        self.engine = choose_engine(engine)
        # UNLESS symptoms never make a line a candidate; they are checked on candidates only.
        self.filtered = [
            i for i, s in enumerate(self.symptoms) if s.symptom.role is not Role.UNLESS
        ]
        self.prefilter = self._build_prefilter(prefilter_blob)
        self.unfiltered = tuple(
            self._ids[i] for i in self.prefilter.unfiltered if self._ids[i] >= 0
        )
        self._regexes: dict[int, Any] = {}

    def _build_prefilter(self, blob: bytes | None) -> Prefilter:
        """One prefilter for the symptoms, pytest's banner and (with ``unknown``) the error
        markers; ``self._ids`` maps its pattern numbers to symptom indices or MARKER/PYTEST."""
        hyperscan = self.engine == "hyperscan"
        markers = (MARKER_PATTERNS if hyperscan else MARKER_LITERALS) if self.markers else ()
        banner = PYTEST_PATTERNS if hyperscan else PYTEST_LITERALS
        self._ids = [*self.filtered, *[MARKER] * len(markers), *[PYTEST] * len(banner)]
        if hyperscan:
            patterns = [self.symptoms[i].pattern.prefilter for i in self.filtered]
            return HyperscanPrefilter([*patterns, *markers, *banner], blob)
        literals = [self.symptoms[i].pattern.literal for i in self.filtered]
        return PurePrefilter([*literals, *markers, *banner])

    def regex(self, index: int) -> Any:
        """The exact pattern of symptom ``index``, compiled on first use (most never are)."""
        compiled = self._regexes.get(index)
        if compiled is None:
            compiled = _compile_confirm(self.symptoms[index])
            self._regexes[index] = compiled
        return compiled

    def candidates(self, block: bytes | memoryview, markers: bool = False) -> list[tuple[int, int]]:
        """(symptom index or MARKER, offset) of candidate matches in a block of complete lines."""
        hits = self.prefilter.candidates(block)
        ids = self._ids
        if markers or not self.markers:
            return [(ids[i], offset) for i, offset in hits]
        return [(ids[i], offset) for i, offset in hits if ids[i] != MARKER]

    @property
    def slow_symptoms(self) -> list[CompiledSymptom]:
        """Symptoms the prefilter cannot narrow down: tried on every line."""
        return [self.symptoms[i] for i in self.unfiltered]


def _compile_confirm(compiled: CompiledSymptom) -> Any:
    """The exact pattern of a symptom: a literal chain needs no regex compiling (a regex
    costs about 0.5 ms to compile, most of a 1000-symptom scan's start-up)."""
    pattern = compiled.pattern
    if pattern.chain is not None:
        from matcher.literal_chain import ChainMatcher

        return ChainMatcher(pattern.pattern, pattern.chain)
    import regex  # imported on first candidate: an empty scan starts faster

    return regex.compile(pattern.pattern)


SIGNATURE_SUFFIXES = (".yml", ".yaml")


def find_signature_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Expand files and directories (recursively, ``*.yml``/``*.yaml``) in a stable order."""
    found: list[str] = []
    for raw in paths:
        path = str(Path(raw))  # as Path shows it: no trailing slash, no leading ./
        if os.path.isdir(path):
            found.extend(
                os.path.join(path, *parts) for parts in sorted(_signature_files_under(path))
            )
        else:
            found.append(path)
    return found


def _signature_files_under(root: str) -> Iterator[tuple[str, ...]]:
    """Relative path parts (sorting them sorts like paths) of the signature files below
    ``root``; symlinked directories are not entered. os.scandir and strings, not Path.rglob:
    a thousand Path objects cost more than the rest of a cached start-up."""
    pending: list[tuple[str, ...]] = [()]
    while pending:
        rel = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(root, *rel)))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((*rel, entry.name))
            elif os.path.splitext(entry.name)[1] in SIGNATURE_SUFFIXES and entry.is_file():
                yield (*rel, entry.name)


def compile_ruleset(
    signatures: Sequence[Signature], engine: str | None = None, unknown: bool = False
) -> Ruleset:
    """Compile loaded signatures; ``unknown`` adds the error markers to the prefilter."""
    return Ruleset(signatures, engine, unknown=unknown)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incident-matcher"


def load_ruleset(
    paths: Iterable[str | os.PathLike[str]],
    engine: str | None = None,
    cache: bool | None = None,
    unknown: bool = False,
) -> Ruleset:
    """Load signatures from files/directories and compile them, reusing a cached compilation
    when the signature files are byte-for-byte the same (``$MATCHER_CACHE=0`` turns it off)."""
    from matcher.errors import Problem, SignatureError
    from matcher.model import SourceLocation

    engine = choose_engine(engine)
    if cache is None:
        cache = os.environ.get(CACHE_ENV, "1") not in ("0", "false", "no")
    problems: list[Problem] = []
    texts: list[tuple[str, bytes]] = []
    for file in find_signature_files(paths):
        try:
            with open(file, "rb") as fh:
                texts.append((file, fh.read()))
        except OSError as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror
            problems.append(Problem(SourceLocation(file, 1, 1), "file", str(reason)))
    if problems:
        raise SignatureError(problems)
    key = _cache_key(texts, f"{engine}{'+markers' if unknown else ''}")
    cached = _read_cache(key) if cache else None
    if cached is not None:
        signatures, blob, patterns = cached
        return Ruleset(signatures, engine, blob, unknown=unknown, patterns=patterns)
    decoded: list[tuple[str, str]] = []
    for path, data in texts:
        try:
            decoded.append((path, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(SourceLocation(path, 1, 1), "file", f"not UTF-8 (byte {exc.start})")
            )
    from matcher.signatures import parse_signature_texts  # YAML is only read on a cache miss

    parsed = parse_signature_texts(decoded, problems)
    if problems:
        raise SignatureError(problems)
    ruleset = Ruleset(parsed, engine, unknown=unknown)
    if cache:
        patterns = tuple(s.pattern for s in ruleset.symptoms)
        _write_cache(key, (ruleset.signatures, ruleset.prefilter.serialize(), patterns))
    return ruleset


def _cache_key(texts: Sequence[tuple[str, bytes]], variant: str) -> str:
    engine = variant.split("+")[0]
    digest = hashlib.sha256(f"{ENGINE_VERSION}\0{variant}\0{_engine_version(engine)}".encode())
    for path, data in texts:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _engine_version(engine: str) -> str:
    return hyperscan_fingerprint() if engine == "hyperscan" else "pure"


CachedRuleset = tuple[tuple[Signature, ...], bytes | None, tuple[SymptomPattern, ...]]


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
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{key}.pickle")
    except OSError:
        pass  # a cache that cannot be written only costs the next start-up its speed
