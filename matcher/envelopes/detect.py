"""Which envelope a source is in, from its first lines (then locked in, as lnav does)."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.envelopes import formats as fmt
from matcher.envelopes import structured, syslog
from matcher.text import ANSI_BYTES, ESC, decode_line

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
PARSERS: dict[str, fmt.Parser] = {
    "cri": fmt.parse_cri,
    "docker": fmt.parse_docker,
    "journal-json": syslog.parse_journal_json,
    "rfc5424": syslog.parse_rfc5424,
    "kubectl": fmt.parse_kubectl,
    "compose": fmt.parse_compose,
    "syslog": syslog.parse_syslog,
    "gitlab": fmt.parse_gitlab,
    "github": fmt.parse_github,
    "stern": fmt.parse_stern,
    "none": fmt.parse_none,
    "ansi": fmt.parse_none,  # the line as it is; every envelope's payload loses its colours
}
# One line each, for the CLI's help and the docs' table.
DESCRIPTIONS = {
    "auto": "recognise the envelope on the first lines, then keep it (the default)",
    "none": "read every line as it is",
    "cri": "kubelet/containerd/CRI-O: '<time> <stdout|stderr> <P|F> <line>', partials joined",
    "docker": 'docker json-file: {"log": …, "stream": …, "time": …}, partials joined',
    "journal-json": "journalctl -o json: MESSAGE of each entry",
    "rfc5424": "syslog RFC 5424: '<PRI>1 TIME HOST APP PROCID MSGID SD MSG'",
    "kubectl": "kubectl logs --prefix and/or --timestamps",
    "compose": "docker compose logs: 'service-1  | <line>', coloured or not",
    "syslog": "syslog RFC 3164, rsyslog files, journalctl short/short-iso/short-precise",
    "gitlab": "GitLab job logs: timestamps, section markers, colours",
    "github": "GitHub Actions logs: a timestamp on each line, ##[group] markers",
    "stern": "stern: '<pod> <container> <line>'",
    "ansi": "a bare log in colour (pytest --color=yes, coloured loggers): escape codes taken off",
    "json": "one JSON object per line: the message and error fields",
    "logfmt": "logfmt key=value lines: the message and error fields",
}
DETECT_LINES = 32  # non-blank lines looked at before the envelope is locked in
_RATIO = 0.8  # share of the sampled lines an envelope must claim
STERN_MIN_LINES = 4  # stern's prefix is the loosest: recognised on a few lines, never on one


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
    # Colours can sit inside the text a symptom quotes and before pytest's section headers:
    # a coloured bare log is read like an envelope's payload, its escape sequences taken off.
    if any(ESC in raw and ANSI_BYTES.search(raw) for raw in sample):
        return "ansi"
    return "none"


def _claims(name: str, sample: Sequence[bytes]) -> bool:
    parser = PARSERS[name]
    votes = [parser(0, raw) for raw in sample]
    if name == "syslog":  # journalctl indents a message's continuation lines; `-- Boot … --`
        neutral = [raw[:1] in (b" ", b"\t") or raw.startswith(b"-- ") for raw in sample]
        votes = [v for v, n in zip(votes, neutral, strict=True) if v is not None or not n]
    claimed = [v for v in votes if v is not None]
    if not claimed or len(claimed) < _RATIO * len(votes):
        return False
    if name == "stern" and len(claimed) < STERN_MIN_LINES:
        return False  # ``worker-3 timed out …`` alone is a plain line, not pod and container
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
