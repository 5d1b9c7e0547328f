"""A SIEM's rule pasted as its configuration (Wazuh's and OSSEC's XML rules: `<rule id="100210"
level="10">`, `<if_sid>`, `<match>`, `<regex>`, `<description>`): what the team told the SIEM
to look for and how to call it, never a line a program logged. docs/incident-log-format.md
("Thirty-ninth round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

# One element a line: an opening or closing tag with its attributes, or an element with its
# text (`<match>bind() to</match>`), or a comment
_ELEMENT = re.compile(
    r"^\s*(?:<!--.*-->|</?[A-Za-z_][\w.-]*(?:\s+[\w:.-]+=(?:\"[^\"]*\"|'[^']*'))*\s*/?>"
    r"(?:[^<>]*</[A-Za-z_][\w.-]*>)?)\s*$"
)
# ... of a rule's vocabulary: the block is a rule file when one of them opens a rule
_RULE = re.compile(r"^\s*<(?:rule|group)\s+(?:id|name|level)=")


def siem_rules_dropped(lines: Sequence[str]) -> list[str]:
    """The lines with a rule file's emptied: a block whose lines are all elements, one of them
    a rule's or a group's opening tag; other blocks as they were."""
    filled = [line for line in lines if line.strip()]
    if not filled or not all(map(_ELEMENT.match, filled)) or not any(map(_RULE.match, filled)):
        return list(lines)
    return ["" for _ in lines]
