"""A severity written as the first words of a paragraph, the story going on after it on its line
(a tracker's description: `Severity: High. report-builder died with FATAL ERROR: …`): the label
keeps its value, and the sentences after it are a paragraph's line of their own, read as any
other. docs/incident-log-format.md ("Fortieth round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.markdown import Kind, Line
from matcher.model import severity_as_written

# The value, a full stop, then a sentence of its own, of three words at least (a service's name
# in lower case may open it: `High. report-builder died …`)
_VALUE_THEN_SENTENCE = re.compile(
    r"^(?P<value>[^.\n]{1,24}?)\.\s+(?P<rest>[\w\"'`\u201c]\S*(?:\s+\S+){2,})$"
)


def severity_sentences_read(lines: Sequence[Line]) -> list[Line]:
    """The lines with each severity label's sentences after its value set apart on a line of
    the same number, so the report names the line as written."""
    read: list[Line] = []
    for line in lines:
        found = _VALUE_THEN_SENTENCE.match(line.text) if line.label == "severity" else None
        # (a severity read from the value alone: `High (customer-facing). Orders …` is no one
        # word, and a value we do not know stays as written)
        if line.kind is not Kind.LABEL or not found or not severity_as_written(found["value"]):
            read.append(line)
            continue
        column = line.column + found.start("rest")
        read.append(replace(line, text=found["value"].strip()))
        read.append(Line(line.number, Kind.TEXT, found["rest"].strip(), column))
    return read
