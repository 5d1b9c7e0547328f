"""Which envelope a source is in, from its first lines (then locked in, as lnav does)."""

from __future__ import annotations

from collections.abc import Sequence

from matcher import envelope_formats as fmt
from matcher import structured
from matcher.text import decode_line

# Recognised on their own (``auto``), most specific first.
ENVELOPES = (
    "cri",
    "docker",
    "journal-json",
    "rfc5424",
    "kubectl",
    "compose",
    "syslog",
    "gitlab",
    "github",
    "stern",
)
DETECT_LINES = 32  # non-blank lines looked at before the envelope is locked in
_RATIO = 0.8  # share of the sampled lines an envelope must claim


def detect(lines: Sequence[bytes]) -> str:
    """The envelope of a source starting with ``lines``, or ``"none"``."""
    sample = [raw for raw in lines if raw.strip()][:DETECT_LINES]
    if not sample:
        return "none"
    if any(b"section_start:" in raw for raw in sample):
        return "gitlab"
    for name in ENVELOPES:
        if _claims(name, sample):
            return name
    return "none"


def _claims(name: str, sample: Sequence[bytes]) -> bool:
    parser = fmt.PARSERS[name]
    votes = [parser(0, raw) for raw in sample]
    if name == "syslog":  # journalctl indents a message's continuation lines; `-- Boot … --`
        neutral = [raw[:1] in (b" ", b"\t") or raw.startswith(b"-- ") for raw in sample]
        votes = [v for v, n in zip(votes, neutral, strict=True) if v is not None or not n]
    claimed = [v for v in votes if v is not None]
    if not claimed or len(claimed) < _RATIO * len(votes):
        return False
    if name == "gitlab":
        return all(
            ("stream", "stdout") in v.fields or ("stream", "stderr") in v.fields for v in claimed
        )
    if name == "kubectl" and not any(v.key for v in claimed):
        return _nanoseconds(sample) and not any(b"##[" in raw for raw in sample)
    if name == "github":
        return _nanoseconds(sample)
    return True


def _nanoseconds(sample: Sequence[bytes]) -> bool:
    """A bare timestamp prefix is an envelope (kubectl --timestamps: 9 digits, GitHub: 7) only
    with more digits than applications write (3 or 6), so an app's own timestamps stay."""
    precise = sum(1 for raw in sample if fmt.precise_timestamp(raw))
    return precise >= _RATIO * len(sample)


def detect_structure(payloads: Sequence[bytes]) -> str:
    """``"json"``, ``"logfmt"`` or ``"none"`` for the first payload lines of a source."""
    texts = [decode_line(p) for p in payloads if p.strip()][:DETECT_LINES]
    if not texts:
        return "none"
    json_lines = sum(1 for t in texts if structured.is_json_record(t))
    if json_lines and json_lines >= 0.5 * len(texts):
        return "json"
    if sum(1 for t in texts if structured.is_logfmt(t)) >= _RATIO * len(texts):
        return "logfmt"
    return "none"
