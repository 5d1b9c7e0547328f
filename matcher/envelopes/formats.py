"""One physical line of each envelope, parsed: where its payload is, its stream key, its fields.

Each parser takes a raw line (bytes, no newline) and returns a ``Piece``, or None when the
line is not of that envelope (it is then read as plain text). Formats, from their
specifications and the tools that write them, are described in docs/envelopes.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import NamedTuple

from matcher.envelopes.provenance import JSON, Segment
from matcher.text import ANSI_BYTES, ANSI_PATTERN

# A new logical line, joined to the held record of the same stream as one more payload line, or
# appended to that record's last (unfinished) line.
NEW, NEXT_LINE, SAME_LINE = "new", "next-line", "same-line"


class Piece(NamedTuple):
    segment: Segment
    key: str  # stream key for demultiplexing ("" for none)
    fields: tuple[tuple[str, str], ...]
    ends_line: bool = True  # False: a partial record, the line goes on in the next piece
    mode: str = NEW
    marker: bool = False  # a CI marker line (group/section end): no payload


Parser = Callable[[int, bytes], "Piece | None"]

RFC3339 = rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)"
_SGR = rb"(?:\x1b\[[0-9;]*m)*"
# Cleanup applied to every payload: ANSI CSI sequences (colours, erase-line), and GitLab's
# collapsible-section markers, which the runner writes as ``section_start:<epoch>:<name>\r\e[0K``.
CLEAN = ANSI_BYTES
CLEAN_GITLAB = re.compile(
    ANSI_PATTERN.encode() + rb"|section_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[[^\]\r\n]*\])?\r?"
)

# CRI (kubelet's /var/log/containers): <RFC3339Nano> <stdout|stderr> <P|F>[:more tags] <line>
_CRI = re.compile(rb"^(" + RFC3339 + rb") (stdout|stderr) ([PF])(?::\S*)?(?: |$)")


def parse_cri(number: int, raw: bytes) -> Piece | None:
    m = _CRI.match(raw)
    if not m:
        return None
    stream = m.group(2).decode()
    fields = (("stream", stream), ("time", m.group(1).decode()))
    seg = Segment(number, raw, m.end(), len(raw))
    return Piece(seg, stream, fields, ends_line=m.group(3) == b"F")


# docker json-file always writes these keys in this order (attrs only with --log-opt labels).
_DOCKER = re.compile(
    # the string's inside as an unrolled loop: a run of plain bytes between escapes is one step
    # (``(?:[^"\\]|\\.)*`` takes a step a byte, four times slower on docker's lines)
    rb'^\{"log":"([^"\\]*(?:\\.[^"\\]*)*)","stream":"([a-z]+)",(?:"attrs":\{[^{}]*\},)?'
    rb'"time":"([^"]*)"\}\s*$'
)


def parse_docker(number: int, raw: bytes) -> Piece | None:
    m = _DOCKER.match(raw)
    if not m:
        return _parse_docker_slowly(number, raw) if raw.startswith(b"{") else None
    stream = m.group(2).decode()
    fields = (("stream", stream), ("time", m.group(3).decode()))
    seg = Segment(number, raw, m.start(1), m.end(1), JSON)
    # A line longer than 16 KiB is written as several records; only the last ends in \n.
    return Piece(seg, stream, fields, ends_line=ends_with_newline_escape(m.group(1)))


def _parse_docker_slowly(number: int, raw: bytes) -> Piece | None:
    """The same record with other spacing or key order (re-encoded by a collector, say)."""
    from matcher.envelopes.structured import members

    text = raw.decode("utf-8", "surrogateescape")
    try:
        spans = {key: (a, b) for key, a, b in members(text, 0)}
    except (ValueError, IndexError):
        return None
    if not {"log", "time"} <= spans.keys() or text[spans["log"][0]] != '"':
        return None
    a, b = (len(text[:i].encode("utf-8", "surrogateescape")) for i in spans["log"])
    stream = ""
    if "stream" in spans:
        stream = str(json.loads(text[slice(*spans["stream"])]))
    fields = (("stream", stream), ("time", str(json.loads(text[slice(*spans["time"])]))))
    inner = raw[a + 1 : b - 1]
    return Piece(
        Segment(number, raw, a + 1, b - 1, JSON),
        stream,
        fields,
        ends_line=ends_with_newline_escape(inner),
    )


def ends_with_newline_escape(inner: bytes) -> bool:
    """Whether a JSON string's inside ends with the ``\\n`` escape (not ``\\\\`` then ``n``)."""
    if not inner.endswith(b"n"):
        return False
    body = inner[:-1]
    return (len(body) - len(body.rstrip(b"\\"))) % 2 == 1


# ``docker compose logs``: ``%-<width>s | `` with the service's colour around the prefix (v2:
# around ``name | ``; docker-compose 1.x: around ``name |``, the space after the colour).
_COMPOSE = re.compile(
    rb"^" + _SGR + rb"([A-Za-z0-9][A-Za-z0-9_.-]*) +" + _SGR + rb"\|" + _SGR + rb"(?: |$)" + _SGR
)


def parse_compose(number: int, raw: bytes) -> Piece | None:
    m = _COMPOSE.match(raw)
    if not m:
        return None
    name = m.group(1).decode()
    return Piece(Segment(number, raw, m.end(), len(raw)), name, (("service", name),))


_KUBECTL_PREFIX = re.compile(rb"^\[pod/([^/\]\s]+)/([^\]\s]+)\] ")
# no ``^``: matched at a position (after a kubectl prefix), where ``^`` would never match
_TIMESTAMP = re.compile(rb"(?:\xef\xbb\xbf)?(" + RFC3339 + rb")(?: |$)")


def parse_kubectl(number: int, raw: bytes) -> Piece | None:
    """``kubectl logs --prefix`` (``[pod/NAME/CONTAINER] ``) and/or ``--timestamps``."""
    fields: list[tuple[str, str]] = []
    key = ""
    pos = 0
    m = _KUBECTL_PREFIX.match(raw)
    if m:
        pod, container = m.group(1).decode(), m.group(2).decode()
        fields += [("pod", pod), ("container", container)]
        key, pos = f"{pod}/{container}", m.end()
    t = _TIMESTAMP.match(raw, pos)
    if t:
        fields.append(("time", t.group(1).decode()))
        pos = t.end()
    if not pos:
        return None
    return Piece(Segment(number, raw, pos, len(raw)), key, tuple(fields))


_PRECISE = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\[pod/[^\]]*\] )?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7,9}Z "
)


def precise_timestamp(raw: bytes) -> bool:
    """A timestamp prefix with 7 to 9 fraction digits (GitHub: 7, kubelet: up to 9)."""
    return bool(_PRECISE.match(raw))


_GITHUB_GROUP = re.compile(rb"##\[(group|endgroup)\]")


def parse_github(number: int, raw: bytes) -> Piece | None:
    """GitHub Actions' downloaded logs: ``<timestamp, 7 digits>Z <line>``, ``##[group]``."""
    t = _TIMESTAMP.match(raw)
    if not t:
        return None
    pos = t.end()
    fields = (("time", t.group(1).decode()),)
    g = _GITHUB_GROUP.match(raw, pos)
    if g and g.group(1) == b"endgroup":
        return Piece(Segment(number, raw, len(raw), len(raw)), "", fields, marker=True)
    if g:
        pos = g.end()
    return Piece(Segment(number, raw, pos, len(raw)), "", fields)


# GitLab runner 17+ with FF_TIMESTAMPS: <timestamp> <2 hex: stream number><O|E><flag><line>,
# the flag ``+`` when the line continues the previous one (the runner splits long lines), else
# a space.
_GITLAB_TS = re.compile(rb"^(" + RFC3339 + rb") ([0-9a-fA-F]{2})([OE])([+ ]|$)")


def parse_gitlab(number: int, raw: bytes) -> Piece | None:
    t = _GITLAB_TS.match(raw)
    if not t:
        if b"section_" in raw or b"\x1b[" in raw:
            seg = Segment(number, raw, 0, len(raw))
            return Piece(seg, "", (), marker=_only_markers(raw))
        return None
    stream = "stdout" if t.group(3) == b"O" else "stderr"
    fields = (("time", t.group(1).decode()), ("stream", stream))
    seg = Segment(number, raw, t.end(), len(raw))
    mode = SAME_LINE if t.group(4) == b"+" else NEW
    return Piece(seg, "", fields, mode=mode, marker=_only_markers(raw[t.end() :]))


def _only_markers(raw: bytes) -> bool:
    return b"section_" in raw and not CLEAN_GITLAB.sub(b"", raw).strip()


def parse_stern(number: int, raw: bytes) -> Piece | None:
    """stern's default template: ``<pod> <container> <line>`` (coloured on a terminal)."""
    m = _STERN.match(raw)
    if not m:
        return None
    pod, container = m.group(1).decode(), m.group(2).decode()
    fields: tuple[tuple[str, str], ...] = (("pod", pod), ("container", container))
    start = m.end()
    t = _STAMP_AT.match(raw, start)  # stern --timestamps
    if t:
        fields, start = (*fields, ("time", t.group(1).decode())), t.end()
    return Piece(Segment(number, raw, start, len(raw)), f"{pod}/{container}", fields)


# A timestamp with more digits than applications write (kubelet's, as --timestamps prints it).
_STAMP_AT = re.compile(rb"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7,9}(?:Z|[+-]\d\d:\d\d))(?: |$)")


# A pod name as controllers make them: ``<deployment>-<hash>-<5 chars>`` or ``<set>-<ordinal>``.
_STERN = re.compile(
    rb"^"
    + _SGR
    + rb"([a-z0-9][a-z0-9.-]*-(?:[a-z0-9]{5}|\d+))"
    + _SGR
    + rb" "
    + _SGR
    + rb"([a-z0-9][a-z0-9-]{0,62})"
    + _SGR
    + rb"(?: |$)"
)


def parse_none(number: int, raw: bytes) -> Piece | None:
    return Piece(Segment(number, raw, 0, len(raw)), "", ())
