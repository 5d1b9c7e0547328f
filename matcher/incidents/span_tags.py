"""A trace's span attributes pasted as prose (Jaeger's span detail copied: `HTTP GET /v1/quote`
Tags: `error=true` `otel.status_code=ERROR` `http.url=…`, then Logs: `event=exception`
`exception.type=psycopg2.OperationalError`, `exception.message=could not translate host name …`,
Process: `service.name=gateway`): a line of nothing but such `key=value` code spans, perhaps
after the span's name and a `Tags:`, `Logs:` or `Process:` label, is the tracer's record of the
span, no log text, but for the message an attribute holds (`exception.message`, `error.message`,
`otel.status_description`, `process.stderr`), which is the program's and is kept, quoted. The
line count is kept. docs/incident-log-format.md ("Thirty-ninth round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines

# an attribute in a code span: `db.system=postgresql`, `exception.message=could not …`
_ATTRIBUTE = re.compile(r"`(?P<key>[A-Za-z_][\w.]*)=(?P<value>[^`]*)`")
# what may stand before the attributes: a list mark, the span's name in a code span, a label
_LEAD = re.compile(
    r"^(?P<indent>\s*(?:[-*+]\s+)?)(?:(?:Span\s+)?`[^`=]+`\s*(?:\u2192|->)?\s*)?"
    r"(?P<label>(?:Tags|Logs|Process|Attributes|Resource|Events?|Span\s+attributes)"
    r"(?:\s*\(\d+\))?\s*:\s*)?"
)
_MESSAGE_KEYS = re.compile(
    r"(?:^|\.)(?:message|msg|status_description|stderr|error_message)$", re.IGNORECASE
)


def span_tags_read(text: str) -> str:
    """The text with each prose line of span attributes read as the messages it holds."""
    if "=" not in text or "`" not in text:
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    for at, line in enumerate(lines):
        if fenced[at] or "`" not in line:
            continue
        lead = _LEAD.match(line)
        rest = line[lead.end() :] if lead else line
        # (an attribute's value is one word, but a message's: a logfmt line in a code span,
        # `ts=14:05:12Z msg="upstream call failed"`, is the program's)
        found = [
            m
            for m in _ATTRIBUTE.finditer(rest)
            if _MESSAGE_KEYS.search(m["key"]) or not re.search(r"\s", m["value"])
        ]
        if lead and lead["label"] and not rest.strip():
            lines[at] = ""  # (the span's name over its attributes' table: `Span `…` → Tags:`)
            continue
        left = rest
        for m in found:
            left = left.replace(m[0], "", 1)
        if not found or left.strip(" ,;"):
            continue
        messages = [m["value"] for m in found if _MESSAGE_KEYS.search(m["key"]) and m["value"]]
        indent = lead["indent"] if lead else ""
        lines[at] = indent + " ".join(f"`{m}`" for m in messages) if messages else ""
    return "\n".join(lines)
