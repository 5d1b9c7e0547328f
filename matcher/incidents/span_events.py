"""A trace's span events pasted as a tracing tool draws them (Honeycomb's or Jaeger's waterfall:
`├── fs.open  thumb-61.png  ▏  0.2ms  error=true`, then `◆ exception  exception.type=OSError` and
`exception.message=[Errno 24] …` under it): the exception an event records is read as the
program's traceback ends it, `OSError: [Errno 24] …` (OpenTelemetry's `exception.type` and
`exception.message`); the waterfall's rows (a span's name, bar and duration) and the event's
marks are the tool's and are no log text. docs/incident-log-format.md ("Thirtieth round") says
the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MESSAGE = re.compile(r"\bexception\.message\s*[=:]\s*(?P<message>\S.*?)\s*$")
_TYPE = re.compile(r"\bexception\.type\s*[=:]\s*(?P<type>[\w.$]+)")
# a waterfall's row: its tree's branches or its duration bar
_ROW = re.compile(r"[\u2500-\u257f\u2580-\u259f\u25c6]")


# Jaeger's trace header (`gateway: GET /cart   77aa01fe   Duration 1.9s   Services 1   Depth 3
# Total Spans 6`, `Trace Start November 27 2026, 09:14:03.120`) and its span tree's rows, a
# disclosure triangle before the span (`▾ gateway  GET /cart/{id}/quote   1.90s  ⚠`)
# (Zipkin's says it with colons, its duration first or last: `Duration: 41.882s  Services: 3
# Depth: 3  Total Spans: 6`)
_SUMMARY = r"Services:?\s+\d+\s+Depth:?\s+\d+\s+Total\s+Spans:?\s+\d+"
_TRACE_HEAD = re.compile(rf"\b{_SUMMARY}|^\s*Trace\s+Start\s+\w+\s+\d")
# ... and as a quote in the prose, the header alone, or the span's annotations Zipkin names
# (`Server Start`, `Client Finish`, `Wire Send`): the tool's words, not a log's
_TRACE_WORDS = re.compile(
    rf"^(?:Duration:?\s+\S+\s+)?{_SUMMARY}(?:\s+Duration:?\s+\S+)?$"
    r"|^(?:Server|Client|Wire|Producer|Consumer)\s+(?:Start|Finish|Send|Receive)$"
)
# Zipkin's span list: each span's service, its name, `[error]` when it failed and how long it
# ran (or `—` when it never finished), indented by its depth
_SPAN_ROW = re.compile(
    r"^\s*[\w.-]+\s+\S.*?(?:\s{2,}\[error\])?"
    r"\s{2,}(?:\d+(?:\.\d+)?(?:\u00b5s|us|ms|s)|\u2014(?:\s+\(.*\))?)\s*$"
)
# (... the header's first line, the root span over the trace's id: `gateway: POST /orders
# a1b2c3d9e8f70011`)
_TRACE_ID_LINE = re.compile(r"^\S+:\s.*\S\s{2,}[0-9a-f]{16}(?:[0-9a-f]{16})?\s*$")
_TREE_ROW = re.compile(r"^\s*[\u25b6-\u25bf]\s")
_SPAN_TIME = re.compile(r"\s\d+(?:\.\d+)?(?:\u00b5s|us|ms|s|m\d+s)\b")


def span_events_read(lines: Sequence[str]) -> list[str]:
    """The block's lines with each span event's exception as `Type: message` on the message's
    line, and the waterfall's own rows blank; the block as it is when it holds no span event,
    but for a trace view's header and span rows, which are blank."""
    if not any(_MESSAGE.search(line) for line in lines):
        if _span_list(lines):
            return ["" for _ in lines]
        traced = any(_TRACE_HEAD.search(line) for line in lines)
        return [
            ""
            if _TRACE_HEAD.search(line)
            or (traced and _TRACE_ID_LINE.match(line))
            or (_TREE_ROW.match(line) and (traced or _SPAN_TIME.search(line)))
            else line
            for line in lines
        ]
    out = list(lines)
    for at, line in enumerate(lines):
        message = _MESSAGE.search(line)
        if message is None:
            out[at] = "" if _ROW.search(line) or _TYPE.search(line) else line
            continue
        kind = next(
            (
                found
                for back in (line, *lines[max(0, at - 2) : at][::-1])
                if (found := _TYPE.search(back))
            ),
            None,
        )
        text = message["message"]
        # (a value quoted whole, `exception.message="…"`, without its quotes)
        text = text[1:-1] if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'" else text
        out[at] = f"{kind['type']}: {text}" if kind else text
    return out


def trace_words(run: str) -> bool:
    """Whether a quoted run is a trace view's own words (its header, an annotation's name)."""
    return _TRACE_WORDS.match(run.strip()) is not None


def _span_list(lines: Sequence[str]) -> bool:
    """Whether a block is a trace's span list only: two rows or more, a child span indented."""
    rows = [line for line in lines if line.strip()]
    indents = {len(line) - len(line.lstrip()) for line in rows}
    return len(rows) >= 2 and len(indents) >= 2 and all(_SPAN_ROW.match(r) for r in rows)
