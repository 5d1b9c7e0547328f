"""A log with reStructuredText habits pasted into Markdown (a Sphinx handbook migrated to a
wiki): `.. code-block:: text` and a paragraph's `::` with the literal block indented under them,
`.. note::` / `.. warning::` bodies, `:Severity: High` field lists, `:class:`OSError`` roles.
Read as the same log in Markdown, line for line: locations still point into the file as
written. (Underlined headings are Markdown's too: markdown.py reads them.)"""

from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"^([ \t]*)\.\. ([\w-]+)::[ \t]*(.*)$")
_CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "highlight", "parsed-literal"})
_FIELD = re.compile(r"^:([A-Za-z][\w -]{0,30}):[ \t]+(?=\S)")
_ROLE = re.compile(r":[\w-]+:`")
_RST = re.compile(r"(?m)^[ \t]*\.\. [\w-]+::|::[ \t]*$|^:[A-Za-z][\w -]{0,30}: ")


def rst_as_markdown(text: str) -> str:
    """The log with its reStructuredText written as Markdown, when it has any; else as it is."""
    if _RST.search(text) is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        directive = _DIRECTIVE.match(line)
        end = _body_end(lines, at)
        literal = directive is None and line.rstrip().endswith("::") and end > at + 1
        if (directive and directive[2] in _CODE_DIRECTIVES) or literal:
            # the directive (or the blank line after `::`) opens a fence, the blank line after
            # the body closes it
            out.append(line.rstrip()[:-1] if literal else "```")
            body = _dedented(lines[at + 1 : end])
            if literal:
                body = ["```", *body[1:]] if body and not body[0].strip() else ["```", *body]
            out.extend(body)
            out.append("```")  # (on the blank line after the body, or one more line)
            at = end + 1 if end < len(lines) and not lines[end].strip() else end
            continue
        if directive:  # an admonition: its body is the text it holds
            out.append(f"**{directive[3]}:**" if directive[3] else "")
            out.extend(_dedented(lines[at + 1 : end]))
            at = end
            continue
        out.append(_ROLE.sub("`", _FIELD.sub(r"\1: ", line)))
        at += 1
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _body_end(lines: list[str], at: int) -> int:
    """The index after the indented body under line ``at`` (blank lines inside it kept), at the
    blank line that follows it when there is one."""
    margin = _indent(lines[at])
    end = at + 1
    last = at
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > margin):
        if lines[end].strip():
            last = end
        end += 1
    return last + 1


def _dedented(body: list[str]) -> list[str]:
    margin = min((_indent(b) for b in body if b.strip()), default=0)
    return [b[margin:] for b in body]
