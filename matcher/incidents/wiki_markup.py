"""A log kept in Confluence's wiki markup, or exported with its macros left in (`{panel:title=
Symptoms}` … `{panel}`, `{code}` … `{code}`, `{noformat}`, `{{monospace}}`, `h3. Heading`,
`||Field||Value||`), or in MkDocs' admonitions and tabs (`!!! danger "Symptoms"`, `??? note
"Not the cause"`, `=== "error.log"`, each with a body indented by four): read as the same log in
Markdown. The line count is kept: locations still point into the file as written."""

from __future__ import annotations

import re

_MACRO = r"(?:panel|info|note|tip|warning|expand|section|column|quote)"
# a line that says the document is wiki markup: a block macro or a heading alone on its line
_WIKI = re.compile(rf"(?m)^(?:\{{(?:{_MACRO}|code|noformat)(?::[^}}\n]*)?\}}|h[1-6]\.\s)")
_CODE = re.compile(r"^\s*\{(?:code|noformat)(?::[^}\n]*)?\}\s*$")
_TITLED = re.compile(rf"^\s*\{{{_MACRO}:(?:[^}}\n]*\|)?title=([^|}}\n]+)[^}}\n]*\}}\s*$")
_BARE = re.compile(rf"^\s*\{{(?:{_MACRO}|toc)(?::[^}}\n]*)?\}}\s*$")
_HEADING = re.compile(r"^h([1-6])\.\s+")
_MONO = re.compile(r"\{\{(.+?)\}\}")
_HEADER_ROW = re.compile(r"^\s*\|\|(.*)\|\|\s*$")
# a list item: `#` numbers it and `*` bullets it, doubled for each level (`## nested`), where
# Markdown would read `# …` as a heading
_ITEM = re.compile(r"^([#*]*#[#*]*|\*{2,})\s+")


def wiki_as_markdown(text: str) -> str:
    """The log with wiki markup written as Markdown, when it has any; else as it is."""
    if _WIKI.search(text) is None:
        return text
    out: list[str] = []
    code = False
    previous = ""
    for line in text.split("\n"):
        if _CODE.match(line):
            code = not code
            out.append("```")
        elif code:
            out.append(line)
        else:
            # (`# …` right under a line is a numbered item; after a blank line, a Markdown
            # heading, which a page that mixes the two has)
            listed = bool(previous.strip()) or not line.startswith("#")
            out.append(_line(_ITEM.sub(_item, line) if listed else line))
        previous = line
    return "\n".join(out)


def _line(line: str) -> str:
    titled = _TITLED.match(line)
    if titled:  # a panel's title names its section (`{panel:title=Symptoms}`)
        return f"**{titled[1].strip()}:**"
    if _BARE.match(line):
        return ""
    line = _HEADING.sub(lambda m: "#" * int(m[1]) + " ", line)
    header = _HEADER_ROW.match(line)
    if header:
        line = "| " + " | ".join(c.strip() for c in header[1].split("||")) + " |"
    return _MONO.sub(lambda m: f"`{m[1]}`", line)


def _item(m: re.Match[str]) -> str:
    marks = m[1]
    return "   " * (len(marks) - 1) + ("1. " if marks[-1] == "#" else "* ")


# an admonition (`!!! danger "Symptoms"`, `??? note "Not the cause"`, `???+ tip`) or a content
# tab (`=== "error.log"`): its title, then a body indented by four
_ADMONITION = re.compile(
    r'^(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"([^"]*)")?|===[ \t]+"([^"]*)")[ \t]*$'
)


# a callout of Obsidian or GitHub (`> [!bug] Symptoms`, `> [!NOTE]`, `> [!tip]- Folded`): its
# title names the section its quoted body is
_CALLOUT = re.compile(r"^([ \t]*>[ \t]*)\[![\w-]+\][+-]?[ \t]*(.*?)[ \t]*$", re.MULTILINE)


# a container of Docusaurus, HackMD or pandoc (`:::note Not this incident`, `:::danger[Impact]`,
# `:::info`, `::: {.warning}`) and the `:::` that closes it: its title names the section its body
# is; the body is as it is
_CONTAINER = re.compile(
    r"^[ \t]{0,3}:{3,}[ \t]*(?:\{[^}]*\}|[\w-]+)?"
    r"(?:\[(?P<b>[^\]]*)\]|[ \t]+(?P<t>[^:{].*?))?[ \t]*$",
    re.MULTILINE,
)


def admonitions_as_markdown(text: str) -> str:
    """The log with each admonition, tab, callout or container written as its title's label
    and its body out-dented, when it has any; else as it is."""
    text = _CALLOUT.sub(lambda m: f"{m[1]}**{m[2].rstrip(':')}:**" if m[2] else m[1], text)
    text = _CONTAINER.sub(
        lambda m: f"**{t.rstrip(':')}:**" if (t := m["b"] or m["t"]) else "", text
    )
    lines = text.split("\n")
    if not any(_ADMONITION.match(line) for line in lines):
        return text
    out: list[str] = []
    body = False
    for line in lines:
        found = _ADMONITION.match(line)
        if found:
            # (an admonition's title names a section; a tab's, what its body is of: `error.log:`)
            title = (found[1] or found[2] or "").strip().rstrip(":")
            label = f"**{title}:**" if found[1] else f"- {title}:"
            out.append(label if title else "")
            body = True
        elif body and (line.startswith("    ") or not line.strip()):
            out.append(line[4:])
        else:
            body = False
            out.append(line)
    return "\n".join(out)
