"""A list item that goes on from the one above with a connective (`- then cannot open socket to
image store: [Errno 24] Too many open files`, `- and then cp: error writing …`): the word says
when the text was seen, not what was logged, so the item is read without it when what follows
is a short lowercase label and its message. The line count is kept. docs/incident-log-format.md
("Thirty-seventh round") says the rule."""

from __future__ import annotations

import re

# the item's marker, the connective, then a label of up to seven lowercase words and a message
_CONTINUED = re.compile(
    r"(?m)^(?P<item>[ \t]*[-*+][ \t]+)(?:and[ \t]+)?(?:then|also|plus)[ \t]+"
    r"(?=[a-z][\w'-]*(?:[ \t]+[a-z][\w.'-]*){0,6}:[ \t]+\S)"
)


def item_connectives_read(text: str) -> str:
    """The log with a list item's opening connective taken off before a label and message."""
    return _CONTINUED.sub(r"\g<item>", text) if "- " in text or "* " in text else text
