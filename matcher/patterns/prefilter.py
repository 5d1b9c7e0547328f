"""Multi-pattern prefilters: one pass over a buffer of complete lines finds candidate lines.

A prefilter may report lines that do not match (the exact pattern confirms them) but never
misses one. ``HyperscanPrefilter`` runs every symptom's loose pattern in one Hyperscan scan;
``PurePrefilter`` (standard library only) searches each symptom's required literal with
``bytes.find``. Both report ``(symptom index, offset inside the matching line)``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any, Protocol

ENGINE_ENV = "MATCHER_ENGINE"
ENGINES = ("auto", "hyperscan", "pure")


class Prefilter(Protocol):
    name: str
    # Symptoms it cannot filter: the scanner tries them on every line (slow, reported at load).
    unfiltered: tuple[int, ...]

    def candidates(self, block: bytes | memoryview) -> list[tuple[int, int]]: ...

    def serialize(self) -> bytes | None: ...


def hyperscan_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("hyperscan") is not None


def hyperscan_fingerprint() -> str:
    """Which Hyperscan build is installed, read from its files rather than by importing it (a
    scan of empty input then never loads the library); a cached database is valid only for the
    build that wrote it."""
    import importlib.util

    spec = importlib.util.find_spec("hyperscan")
    if spec is None or not spec.submodule_search_locations:
        return "none"
    parts = []
    for folder in spec.submodule_search_locations:
        for name in sorted(os.listdir(folder)):
            if name == "_version.py" or name.endswith((".so", ".pyd", ".dylib")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(parts)


def choose_engine(requested: str | None = None) -> str:
    """``auto`` picks Hyperscan where it is installed; ``$MATCHER_ENGINE`` overrides the default."""
    name = requested or os.environ.get(ENGINE_ENV) or "auto"
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    if name == "auto":
        return "hyperscan" if hyperscan_available() else "pure"
    return name


class PurePrefilter:
    name = "pure"

    def __init__(self, literals: Sequence[bytes | None]) -> None:
        self.literals = [(i, lit) for i, lit in enumerate(literals) if lit]
        self.unfiltered = tuple(i for i, lit in enumerate(literals) if not lit)

    def candidates(self, block: bytes | memoryview) -> list[tuple[int, int]]:
        if isinstance(block, memoryview):
            block = block.tobytes()
        found = []
        for index, literal in self.literals:
            find = block.find
            pos = find(literal)
            while pos != -1:
                found.append((index, pos))
                # Skip to the next line: one candidate per line and symptom is enough.
                eol = block.find(b"\n", pos)
                if eol == -1:
                    break
                pos = find(literal, eol + 1)
        return found

    def serialize(self) -> bytes | None:
        return None


_TRAILING_ANY = re.compile(r"(?:\.\+\??|\.\*\??|\\S\+\??|\.\{1,\d+\}\??)$")
_LEADING_ANY = re.compile(r"^(?:\.\+\??|\.\*\??|\\S\+\??)")


def trim_edges(pattern: str) -> str:
    """A placeholder at either end only needs one character there to match (the bench README
    notes this); reporting every position of a trailing ``.+`` would flood the callback."""
    trimmed = _TRAILING_ANY.sub(
        lambda m: m.group(0)[:2] if m.group(0).startswith("\\") else ".", pattern
    )
    trimmed = _LEADING_ANY.sub(
        lambda m: m.group(0)[:2] if m.group(0).startswith("\\") else ".", trimmed
    )
    return trimmed


class HyperscanPrefilter:
    name = "hyperscan"

    def __init__(self, patterns: Sequence[str], database: bytes | None = None) -> None:
        self.unfiltered: tuple[int, ...] = ()
        self._body: bytes | None = None
        self._patterns = patterns
        if database is not None:
            # Loaded on the first scan: a scan of empty input never pays for it.
            self.unfiltered = self._read_unfiltered(database)
            self._body = database[: -self._trailer_length(database)]
            self._db: Any = None
            return
        self._db, self.unfiltered = self._compile(patterns)

    @property
    def _hs(self) -> Any:
        import hyperscan

        return hyperscan

    @property
    def db(self) -> Any:
        if self._db is None and self._body is not None:
            hs = self._hs
            body, self._body = self._body, None
            try:
                self._db = hs.loadb(body, hs.HS_MODE_BLOCK)
                # A deserialized database comes without the scratch space a scan needs.
                self._db.scratch = hs.Scratch(self._db)
            except Exception:  # a database this build cannot load: compile anew
                self._db, _ = self._compile(self._patterns)
        return self._db

    @staticmethod
    def _trailer_length(blob: bytes) -> int:
        return int(blob[-8:]) + 8

    @staticmethod
    def _read_unfiltered(blob: bytes) -> tuple[int, ...]:
        length = int(blob[-8:])
        trailer = blob[-8 - length : -8]
        return tuple(int(x) for x in trailer.split(b",") if x)

    def _compile(self, patterns: Sequence[str]) -> tuple[Any, tuple[int, ...]]:
        hs = self._hs
        expressions = [trim_edges(p).encode("utf-8") for p in patterns]
        if not expressions:
            return None, ()
        try:  # the common case: everything compiles exactly, in one go
            return self._build(
                expressions, list(range(len(expressions))), [0] * len(expressions)
            ), ()
        except hs.error:
            pass
        ok: list[int] = []
        flags: list[int] = []
        unfiltered: list[int] = []
        for index, expression in enumerate(expressions):
            flag = self._compile_flag(expression)
            if flag is None:
                unfiltered.append(index)
            else:
                ok.append(index)
                flags.append(flag)
        db = self._build(expressions, ok, flags) if ok else None
        return db, tuple(unfiltered)

    def _build(self, expressions: list[bytes], ids: list[int], flags: list[int]) -> Any:
        hs = self._hs
        db = hs.Database(mode=hs.HS_MODE_BLOCK)
        db.compile(
            expressions=[expressions[i] for i in ids], ids=ids, elements=len(ids), flags=flags
        )
        return db

    def _compile_flag(self, expression: bytes) -> int | None:
        """The flag this pattern compiles with on its own: exact if possible, else Hyperscan's
        prefilter approximation (a superset), else ``None``."""
        hs = self._hs
        for flag in (0, hs.HS_FLAG_PREFILTER):
            try:
                probe = hs.Database(mode=hs.HS_MODE_BLOCK)
                probe.compile(expressions=[expression], ids=[0], elements=1, flags=[flag])
                return int(flag)
            except hs.error:
                continue
        return None

    def candidates(self, block: bytes | memoryview) -> list[tuple[int, int]]:
        if self.db is None:
            return []
        found: list[tuple[int, int]] = []
        append = found.append

        def on_match(index: int, start: int, end: int, flags: int, context: object) -> None:
            append((index, end - 1 if end else 0))

        db: Any = self.db  # the stubs accept bytes only; the binding takes any buffer
        db.scan(block, match_event_handler=on_match)
        return found

    def serialize(self) -> bytes | None:
        if self.db is None:
            return None
        trailer = ",".join(str(i) for i in self.unfiltered).encode()
        return bytes(self._hs.dumpb(self.db)) + trailer + b"%08d" % len(trailer)
