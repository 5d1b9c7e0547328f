"""An outliner's export kept as the team's incident log (Logseq journal pages and pages saved as
Markdown; Roam's and Obsidian's outliner look alike): every line a `- ` bullet nested by tabs
(or spaces), a block's properties as `key:: value` lines right under its first line, page refs
`[[Page]]`, tags `#tag`, tasks `TODO`/`DONE` at a bullet's start, code blocks inside bullets.
An incident is a block with a property whose value is one id (`incident:: [[INC-7]]`,
`incident-id::`, `inc::`, `ticket::`; not `id::` with the tool's own uuid), or a block that
opens with a ref to one (`- [[INC-7]] checkout down`). Its first line is read as the heading
`## INC-7: checkout down` (time, tags and refs' brackets left out), its properties as labels
where they are fields (`severity:: high` as `**Severity:** high`), and its descendants, up to
the next block as shallow as it, as a Markdown list: its children top-level `- ` items, deeper
ones nested two spaces a level, a code block as a plain fence. Other blocks are paragraphs
(`- ## [[Nov 24th, 2026]]` a heading); the tool's own lines (`collapsed:: true`, `id:: ...`,
`{{query ...}}`, `SCHEDULED: <...>`) are left out. Only a file that is an outline (every line a
bullet or under one, and several properties, or nested bullets and refs) is read so; an
ordinary Markdown list stays one. The line count is kept.
docs/incident-log-format.md ("Twenty-sixth round", **An outliner's export**) says the rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import SINGLE_VALUED, label_name

_BULLET = re.compile(r"^(?P<indent>[\t ]*)-(?: (?P<text>.*)|[ \t]*)$")
_PROPERTY = re.compile(r"^(?P<key>[A-Za-z][\w-]*)::(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_FENCE = re.compile(r"^(?:```|~~~)")
_FENCE_OPENS = re.compile(r"^(?:```|~~~)[\w+.-]*[ \t]*$")
_FENCE_CLOSES = re.compile(r"^(?:```|~~~)[ \t]*$")
_REF = re.compile(r"\[\[([^\[\]\n]+)\]\]")
_TAG = re.compile(r"(?<!\S)#(?:\[\[[^\]\n]+\]\]|[^\W\d][\w/-]*)")
_TRAILING_TAGS = re.compile(r"(?:[ \t]+#(?:\[\[[^\]\n]+\]\]|[^\W\d][\w/-]*))+[ \t]*$")
_TASK = re.compile(r"^(?:TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED)[ \t]+")
_TIME = re.compile(r"^\d{1,2}:\d\d(?:[ \t]*[ap]m)?\b[ \t]*(?:[\u2013\u2014:-][ \t]*)?", re.I)
_HEADING = re.compile(r"^(#{1,6})[ \t]+")
# the tool's own lines: a block's uuid, a query or an embed, a task's planning
_TOOL_LINE = re.compile(r"^(?:\{\{.*\}\}|(?:SCHEDULED|DEADLINE):[ \t]*<[^>]*>)[ \t]*$")
_TOOL_KEYS = frozenset({"id", "collapsed", "heading", "background-color", "icon", "template"})
# keys that name the block's incident (`label_name` reads `incident`, `incident-id` as `id`)
_ID_KEYS = frozenset({"inc", "incid", "ticket", "ticketid", "issue", "case", "postmortem"})
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_ONE_ID = re.compile(rf"^#?\[?\[?(?P<id>{INCIDENT_ID})\]?\]?$")
# (`[[INC-7]] checkout down`, `**[[INC-7]]** - checkout down`)
_OPENS_WITH_REF = re.compile(
    rf"^(\*\*)?\[\[(?P<id>{INCIDENT_ID})\]\]\1?(?:[ \t]*[:\u2013\u2014-])?[ \t]*"
)


@dataclass(frozen=True)
class _Line:
    """One line of the outline: a bullet's first line, a line under it, or the page's own."""

    kind: str  # "bullet", "under" (a line of the bullet's block), "code", "blank", "page"
    depth: int  # the bullet's nesting (0 for a top-level bullet; -1 for the page's own lines)
    text: str  # without the indent (a bullet's without its `- `)


def outliner_read(text: str) -> str:
    """The log with an outliner's export read as the house format's Markdown; else as it is."""
    if "- " not in text or ("::" not in text and "[[" not in text):
        return text
    parsed = _parse(text)
    if parsed is None or not _is_outline(parsed, text):
        return text
    starts = _incidents(parsed)
    if not starts:
        return text
    out: list[str] = []
    base: int | None = None  # the depth of the incident being read, while inside one
    for at, line in enumerate(parsed):
        if len(out) > at:  # (a line of an incident's properties, read with its first)
            continue
        if line.kind == "bullet" and base is not None and line.depth <= base:
            base = None
        if at in starts:
            base = line.depth
            out += _head(parsed, at, starts[at])
            continue
        out.append(_read(line, base))
    return "\n".join(out)


def _head(parsed: list[_Line], at: int, incident: str) -> list[str]:
    """An incident's first line and its properties' lines: its heading, then its fields as
    labels (a field that takes a list, `**Services:** ...`, before one that does not, so the
    block's children under them are read as no more services)."""
    line = parsed[at]
    end = _properties_end(parsed, at)
    fields = [
        (f["key"], f["value"] or "") for t in parsed[at:end] if (f := _PROPERTY.match(t.text))
    ]
    title = _title(line.text) if line.kind == "bullet" else ""
    if not title:  # (a page that is an incident, a block that is only the id: `title::`)
        title = next((_spans(v) for k, v in fields if k.lower() == "title"), "")
    labels = [(name, _label(k, v)) for k, v in fields if (name := _field(k)) and name != "title"]
    labels.sort(key=lambda label: label[0] in SINGLE_VALUED)
    if not any(name in SINGLE_VALUED for name, _ in labels):
        labels = []  # (... and none at all when the children would be read as services)
    read = [f"## {incident}: {title}".rstrip(" :")] + [text for _, text in labels]
    return read + [""] * (end - at - len(read))


def _parse(text: str) -> list[_Line] | None:
    """The outline's lines, or None when a line is neither a bullet nor under one."""
    lines = text.split("\n")
    # (nested by spaces: two a level, or four as Roam writes them)
    spaced = [len(m["indent"]) for t in lines if (m := _BULLET.match(t)) and m["indent"]]
    unit = 4 if spaced and "\t" not in text and min(spaced) >= 4 else 2
    parsed: list[_Line] = []
    bullet: tuple[int, int] | None = None  # (depth, width of its text's indent)
    code = False  # inside a code block of the bullet's
    for line in lines:
        bare = line.lstrip(" \t")
        indent = line[: len(line) - len(bare)]
        if code:
            code = not _FENCE_CLOSES.match(bare)
            kind = "code" if code else "under"
            parsed.append(_Line(kind, bullet[0] if bullet else -1, _dedent(line, bullet)))
            continue
        head = _BULLET.match(line)
        if head:
            depth = indent.count("\t") + indent.count(" ") // unit
            bullet = (depth, len(indent) + 2)
            parsed.append(_Line("bullet", depth, (head["text"] or "").strip()))
            code = bool(_FENCE_OPENS.match(head["text"] or ""))
        elif not bare:
            parsed.append(_Line("blank", -1, ""))
        elif bullet is not None and indent:
            parsed.append(_Line("under", bullet[0], _dedent(line, bullet)))
            code = bool(_FENCE_OPENS.match(bare))
        elif bullet is None and _PROPERTY.match(line):  # (the page's properties, at its top)
            parsed.append(_Line("page", -1, line.strip()))
        else:
            return None
    return parsed


def _dedent(line: str, bullet: tuple[int, int] | None) -> str:
    """A line under a bullet without the indent up to the bullet's text (a code line keeps its
    own indent past that)."""
    width = bullet[1] if bullet else 0
    return line[min(width, len(line) - len(line.lstrip(" \t"))) :]


def _is_outline(parsed: list[_Line], text: str) -> bool:
    """An outline, positively: several properties under bullets, or most lines bullets with
    nesting and refs."""
    properties = sum(
        1 for line in parsed if line.kind in ("under", "page") and _PROPERTY.match(line.text)
    )
    bullets = [line for line in parsed if line.kind == "bullet"]
    nested = any(line.depth > 0 for line in bullets)
    filled = [line for line in parsed if line.kind != "blank"]
    return len(bullets) >= 2 and (
        properties >= 2 or (nested and "[[" in text and len(bullets) * 2 > len(filled))
    )


def _incidents(parsed: list[_Line]) -> dict[int, str]:
    """The lines the incidents' blocks open at, with their ids. A block inside an incident's
    that opens with a ref to an id is a mention of that incident (`- [[INC-6]] again`), not
    one; a block with an id property is one wherever it is."""
    starts: dict[int, str] = {}
    inside: int | None = None  # the depth of the incident's block the line is in, if any
    for at, line in enumerate(parsed):
        if line.kind == "bullet" and inside is not None and line.depth <= inside:
            inside = None
        found = _incident(parsed, at, inside is None)
        if found:
            starts[at], inside = found, line.depth
    return starts


def _incident(parsed: list[_Line], at: int, opening: bool) -> str | None:
    """The id of the incident whose block opens at `at`, if it is one's (by a ref it opens
    with too, when `opening`); the page's properties are read from their first line."""
    line = parsed[at]
    if line.kind == "page" and at and parsed[at - 1].kind == "page":
        return None
    if line.kind not in ("bullet", "page"):
        return None
    first = _TASK.sub("", _HEADING.sub("", line.text))
    ref = _OPENS_WITH_REF.match(first) if line.kind == "bullet" and opening else None
    if ref:
        return ref["id"]
    named = heading_id(first) if opening and _HEADING.match(line.text) else None
    if named:
        return named[0]
    for below in parsed[at + (line.kind == "bullet") : _properties_end(parsed, at)]:
        field = _PROPERTY.match(below.text)
        found = _id_of(field["key"], field["value"] or "") if field else None
        if found:
            return found
    return None


def _properties_end(parsed: list[_Line], at: int) -> int:
    """Where the properties of the block at `at` end: the lines right under its first, or
    its first children's when they are `key:: value` (as Roam writes a block's attributes)."""
    line = parsed[at]
    end = at + 1
    while end < len(parsed):
        below = parsed[end]
        kind = below.kind == line.kind == "page" or (below.kind == "under" != line.kind)
        child = line.kind == "bullet" and below.kind == "bullet" and below.depth == line.depth + 1
        if not (kind or child) or not (_PROPERTY.match(below.text) or _TOOL_LINE.match(below.text)):
            break
        end += 1
    return end


def _id_of(key: str, value: str) -> str | None:
    """The incident's id a property gives (`incident:: [[INC-7]]`), if it gives one."""
    name = key.lower()
    if name in _TOOL_KEYS and (name != "id" or _UUID.match(value.strip())):
        return None
    if (
        name.replace("-", "").replace("_", "") not in _ID_KEYS
        and label_name(name.replace("-", " ").replace("_", " ")) != "id"
    ):
        return None
    one = _ONE_ID.match(value.strip())
    return one["id"] if one else None


def _title(text: str) -> str:
    """A block's first line as its incident's title: no task, time, tags or ref to the id."""
    title = _TASK.sub("", _HEADING.sub("", text))
    title = _OPENS_WITH_REF.sub("", title)
    title = _TIME.sub("", _TASK.sub("", title))
    title = _REF.sub(r"\1", _TAG.sub("", title))
    return re.sub(r"[ \t]+", " ", title).strip(" \t,;:\u2013\u2014-")


def _read(line: _Line, base: int | None) -> str:
    """One line as the house format reads it: inside an incident (`base` its depth) a list."""
    if line.kind == "blank":
        return ""
    if line.kind == "code":
        return (_indent(line.depth, base) if base is not None else "") + line.text
    field = _PROPERTY.match(line.text)
    if line.kind in ("under", "page") and (field or _TOOL_LINE.match(line.text)):
        return ""  # (a property of a block that is no incident's, or the tool's own line)
    if line.kind == "under":  # (a line of the block's text under its first)
        if _FENCE.match(line.text):
            return (_indent(line.depth, base) if base is not None else "") + line.text.strip()
        lead = _indent(line.depth, base) + "  " if base is not None and line.depth > base else ""
        return lead + _spans(line.text)
    if _TOOL_LINE.match(line.text):
        return ""
    if base is None:  # (a block outside the incidents: a paragraph, a heading that names none)
        heading = _HEADING.match(line.text)
        plain = _spans(line.text) if not _FENCE.match(line.text) else line.text
        if heading and heading_id(_HEADING.sub("", plain)) is None:
            return plain
        return _HEADING.sub("", plain)
    if _FENCE.match(line.text):
        return _indent(line.depth, base) + line.text
    return f"{_indent(line.depth, base)}- {_TRAILING_TAGS.sub('', _spans(line.text))}"


def _indent(depth: int, base: int | None) -> str:
    """The indent of a block `depth` deep in an incident `base` deep: its children at none."""
    return "  " * max(depth - (base if base is not None else 0) - 1, 0)


def _field(key: str) -> str | None:
    """The field a property is, where the house format has it (not the id: the heading's)."""
    if key.lower() in _TOOL_KEYS:
        return None
    name = label_name(key.replace("-", " ").replace("_", " "))
    return None if name in (None, "id") else name


def _label(key: str, value: str) -> str:
    """A property as its label (`severity:: high` as `**Severity:** high`)."""
    return f"**{key.replace('-', ' ').replace('_', ' ').capitalize()}:** {_spans(value)}"


def _spans(text: str) -> str:
    """Refs as their pages' names (`[[orders-db]]` as orders-db), outside code spans."""
    parts = text.split("`")
    parts[::2] = [_REF.sub(r"\1", part) for part in parts[::2]]
    return "`".join(parts)
