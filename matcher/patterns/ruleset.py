"""A compiled ruleset: the signatures, their exact patterns and one multi-pattern prefilter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from matcher.model import Role, Signature, Symptom
from matcher.patterns.markers import (
    MARKER,
    MARKER_LITERALS,
    MARKER_PATTERNS,
    PYTEST,
    PYTEST_HINT,
    PYTEST_HINT_LITERALS,
    PYTEST_HINT_PATTERNS,
    PYTEST_LITERALS,
    PYTEST_PATTERNS,
)
from matcher.patterns.prefilter import (
    HyperscanPrefilter,
    Prefilter,
    PurePrefilter,
    choose_engine,
)
from matcher.patterns.symptoms import SymptomPattern, compile_symptom

# Bump when compiled patterns or the cache payload change meaning.
ENGINE_VERSION = "11"


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
        hints = PYTEST_HINT_PATTERNS if hyperscan else PYTEST_HINT_LITERALS
        self._ids = [*self.filtered, *[MARKER] * len(markers), *[PYTEST] * len(banner)]
        self._ids += [PYTEST_HINT] * len(hints)
        if hyperscan:
            patterns = [self.symptoms[i].pattern.prefilter for i in self.filtered]
            return HyperscanPrefilter([*patterns, *markers, *banner, *hints], blob)
        literals = [self.symptoms[i].pattern.literal for i in self.filtered]
        return PurePrefilter([*literals, *markers, *banner, *hints])

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
        from matcher.patterns.literal_chain import ChainMatcher

        return ChainMatcher(pattern.pattern, pattern.chain)
    import regex  # imported on first candidate: an empty scan starts faster

    return regex.compile(pattern.pattern)


def compile_ruleset(
    signatures: Sequence[Signature], engine: str | None = None, unknown: bool = False
) -> Ruleset:
    """Compile loaded signatures; ``unknown`` adds the error markers to the prefilter."""
    return Ruleset(signatures, engine, unknown=unknown)
