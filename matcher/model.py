"""Typed records that flow through the matcher: signatures in, findings out."""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from matcher.severity_words import SEVERITY_WORDS


class Severity(enum.IntEnum):
    """Ordered so that ``Severity.HIGH > Severity.MEDIUM``."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``'high'`` -> ``Severity.HIGH``; raises ``ValueError`` on anything else."""
        try:
            return cls[text.upper()] if text == text.lower() else cls[text]
        except KeyError:
            raise ValueError(text) from None


SEVERITY_NAMES = tuple(str(s) for s in sorted(Severity, reverse=True))

# How teams write a severity in a postmortem, and the model's severity it stands for. The
# usual priority and incident-level scales: P0/P1 and SEV0/SEV1 (S1) are critical, 2 high,
# 3 medium, 4 low, 5 info; Jira's priority words too (docs/incident-log-format.md).
_SEVERITY_WORDS = {
    **{str(s): s for s in Severity},
    "crit": Severity.CRITICAL,
    "blocker": Severity.CRITICAL,
    "major": Severity.HIGH,
    "moderate": Severity.MEDIUM,
    "med": Severity.MEDIUM,
    # (a tracker's middle priority: Redmine's, YouTrack's and Bugzilla's `Normal`)
    "normal": Severity.MEDIUM,
    "urgent": Severity.CRITICAL,
    "minor": Severity.LOW,
    "trivial": Severity.INFO,
    "informational": Severity.INFO,
    # (Taiga's severities, Wishlist, Minor, Normal, Important, Critical; `Importante` as its
    # Spanish, Portuguese and Italian pages print it, no typo of the English word)
    "important": Severity.HIGH,
    "importante": Severity.HIGH,
    "wishlist": Severity.INFO,
}
# (a value close to one of these is a typo; close to another language's word, a word of a
# language we have no severities of: `Medie` beside Italian `medio`)
ENGLISH_SEVERITY_WORDS = frozenset(_SEVERITY_WORDS)


# ... and the same words in the languages teams write in (severity_words.py)
def unaccented(text: str) -> str:
    """`Crítica` -> `Critica`, `élevée` -> `elevee`."""
    # (recomposed: a Hangul syllable, `중간`, decomposes into letters that are no accents)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


# (a value is read unaccented: so are the words, whose scripts may have combining marks, `উচ্চ`)
_SEVERITY_WORDS |= {unaccented(word): Severity.parse(name) for word, name in SEVERITY_WORDS.items()}
_SEVERITY_LEVELS: tuple[Severity, ...] = (Severity.CRITICAL, Severity.CRITICAL, Severity.HIGH)
_SEVERITY_LEVELS += (Severity.MEDIUM, Severity.LOW, Severity.INFO)
_SEVERITY_CODE = re.compile(r"^(?:p|sev|s|severity|priority)[\s_-]*([0-5])$")
_SEVERITY_PART = re.compile(r"[(),/|:;\[\]\uff08\uff09\u301c~]|\s[\u2013\u2014-]\s|\s+(?=[a-z])")
_SEVERITY_CHUNK = re.compile(r"[(),/|:;\[\]\uff08\uff09\u301c~]|\s[\u2013\u2014-]\s")


def severity_as_written(text: str) -> Severity | None:
    """The severity a postmortem's value stands for: a name (`High`), a level code (`P2`,
    `SEV1`, `Sev-2`, `S1`), or both (`SEV 2 (high)`, `High (P2)`: the name wins). None when
    nothing in it is a severity."""
    key = " ".join(unaccented(text).lower().split())
    # (each part between brackets or commas whole before its words: `Makasi mingi (Critical)`,
    # very strong, is no `makasi`, strong)
    chunks = [c.strip() for c in _SEVERITY_CHUNK.split(key) if c and c.strip()]
    parts = [p for c in chunks for p in (c, *_SEVERITY_PART.split(c)) if p and p.strip()]
    parts = [p.strip() for p in parts]
    words = re.findall(r"[a-z]+", key)  # `Critical 🔥`, `🔴 high`
    for part in (key, *parts, *words):
        if part in _SEVERITY_WORDS:
            return _SEVERITY_WORDS[part]
    for part in (key, *parts):
        code = _SEVERITY_CODE.match(part)
        if code:
            return _SEVERITY_LEVELS[int(code[1])]
    # a level code before a sentence (`SEV2. Customers saw 502 …`)
    lead = re.match(r"(?:p|sev|severity|priority)[\s_-]*([0-5])(?!\w|[.,:]\w)", key)
    if lead:
        return _SEVERITY_LEVELS[int(lead[1])]
    # the level alone after the label (`Severity: 2`, `sev: 1 (half the edge out)`)
    bare = re.match(r"([0-5])(?![\d.,:])", key)
    return _SEVERITY_LEVELS[int(bare[1])] if bare else None


def severity_suggestion(text: str) -> str | None:
    """The severity name or code closest to a value that is none (`hihg` -> `high`)."""
    key = " ".join(text.lower().split())
    known = list(_SEVERITY_WORDS)
    if any(c.isdigit() for c in key):  # a code mistyped (`SEV-II` has none: no guess)
        known = [f"{p}{n}" for p in ("p", "sev") for n in range(6)]
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


class Status(enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return self.value


class Role(enum.Enum):
    """How a symptom takes part in a signature (see README, "Signatures over events")."""

    ANY = "any"
    ALL = "all"
    UNLESS = "unless"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class SourceLocation:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Symptom:
    """One pattern of a signature: postmortem text with placeholders, or a raw regex."""

    text: str
    location: SourceLocation
    is_regex: bool = False
    role: Role = Role.ANY
    # For regex symptoms: the literal the author says every match contains (prefilter hint).
    literal: str | None = None
    # For text symptoms: the message must stand as an error on the line (docs/symptoms.md,
    # "Where a message stands"); `matcher compile` sets it for messages without class or level.
    stands: bool = False


@dataclass(frozen=True)
class Examples:
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """A past incident, as loaded from one YAML file."""

    id: str
    title: str
    severity: Severity
    symptoms: tuple[Symptom, ...]
    resolution: str
    location: SourceLocation
    services: tuple[str, ...] = ()
    date: str | None = None
    description: str | None = None
    root_cause: str | None = None
    action_items: tuple[str, ...] = ()
    runbook: str | None = None
    status: Status = Status.OPEN
    tags: tuple[str, ...] = ()
    retryable: bool = False
    examples: Examples = field(default_factory=Examples)

    @property
    def resolution_summary(self) -> str:
        """The first non-empty line of the resolution, which findings show."""
        for line in self.resolution.splitlines():
            stripped = line.strip().lstrip("*-• ").strip()
            if stripped:
                return stripped
        return ""


@dataclass(frozen=True)
class Finding:
    """One signature firing on one line (or, with events, one event) of one source."""

    signature: Signature
    source: str
    line: int
    text: str
    span: tuple[int, int]
    captures: Mapping[str, str]
    offset: int = 0
    truncated: bool = False
    matched_lines: tuple[int, ...] = ()
    first_line: int = 0
    last_line: int = 0
    event: tuple[str, ...] = ()
    decoded: str | None = None
    fingerprint: str | None = None
    partial: bool = False
    testcase: str | None = None
    event_cut: bool = False  # the event was longer than the bounds and was cut
    # Up to ``--context`` lines just before and after the event (what the buffer held).
    context_before: tuple[str, ...] = ()
    context_after: tuple[str, ...] = ()
    # POSIX seconds from the line's (or its event's) leading timestamp, where there is one.
    time: float | None = None
    # Input in an envelope (matcher.envelopes): the envelope's fields of the finding's line
    # (``stream``, ``time``, ``host``, ``unit``, ``pod``, ``container``… as present), where the
    # match is in the raw file (first line, start column, last line, end column), and the
    # physical line of each event line when they are not consecutive (streams taken apart, a
    # JSON record's multi-line field).
    fields: Mapping[str, str] = field(default_factory=dict)
    raw_span: tuple[int, int, int, int] | None = None
    event_lines: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        """Stable across runs: the content it came from, where, and which incident."""
        import hashlib  # only findings that are reported need it; start-up stays short

        basis = f"{self.fingerprint or self.source}\0{self.offset}\0{self.signature.id}"
        return hashlib.sha1(basis.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    @property
    def is_regression(self) -> bool:
        return self.signature.status is Status.RESOLVED


@dataclass(frozen=True)
class UnknownFailure:
    """An error-like line or event that no signature explains (a new failure)."""

    source: str
    line: int
    text: str
    kind: str  # "traceback", "exception", "error", "fatal", "failed", "panic" or "testcase"
    first_line: int = 0
    last_line: int = 0
    testcase: str | None = None
