"""Incidents kept as YAML or JSON records inside the log (a ```` ```yaml ```` block of `id:`,
`title:`, `severity:`, `symptoms:` …, as a team keeps them for a script; a tracker's JSON
export): each record is read as the same fields written as labels. Loaded safely; a block
that is no such record stays a code block."""

from __future__ import annotations

import re

import yaml

from matcher.incidents.labels import OTHER, label_name

# (JSON is YAML: an incident tracker's export, a ```` ```json ```` block a record, reads the same)
_YAML_BLOCK = re.compile(
    r"(?ms)^([ \t]*)(`{3,}|~{3,})[ \t]*(?:ya?ml|json)[ \t]*\n(.*?)^\1\2[ \t]*$"
)


def records_as_labels(text: str) -> str:
    """The log with every YAML record block written as labels, its line count kept."""
    return _YAML_BLOCK.sub(_as_labels, text)


def _as_labels(block: re.Match[str]) -> str:
    try:
        record = yaml.safe_load(block[3])
    except yaml.YAMLError:
        return block[0]
    fields = {}
    if isinstance(record, dict):
        fields = {k: v for k, v in record.items() if isinstance(k, str) and _field(k)}
    if "symptoms" not in {_field(k) for k in fields} or len(fields) < 2:
        return block[0]
    # (a rule first: records one after another are incidents one after another; under a
    # heading, the heading starts the incident and a rule would part it from its record)
    before = block.string[: block.start()].rstrip().rsplit("\n", 1)[-1]
    lines: list[str] = [] if before.lstrip().startswith("#") else ["---"]
    for key, value in fields.items():
        label = key.replace("_", " ").strip().capitalize()
        if isinstance(value, list):
            if _field(key) in ("services",):
                lines.append(f"**{label}:** {', '.join(map(str, value))}")
                continue
            lines.append(f"**{label}:**")
            lines.extend(f"- {' '.join(str(item).split())}" for item in value)
            lines.append("")  # (a list ends at a blank line; a label's line ends itself)
        elif value is not None:
            lines.append(f"**{label}:** {' '.join(str(value).split())}")
    # (as many lines as the block had, so what is reported names the file's own lines)
    room = block[0].count("\n") + 1
    while lines[-1] == "":
        lines.pop()
    if len(lines) > room and lines[0] == "---":  # (no room for the rule)
        lines = lines[1:]
    lines.extend([""] * (room - len(lines)))
    return "\n".join(lines)


def _field(key: str) -> str | None:
    name = label_name(key.replace("_", " "), loose=True)
    return "no field" if name == OTHER else name
