"""An error's class and its message parted by a comma where the log has a colon, as a person
writes it in prose (`urllib3 NameResolutionError, Failed to resolve 'x' ([Errno -2] …)`): the
comma is read as the colon, so the class and its message are one log text. Only before a
message that opens as one does, a capital word and lower case words after it (`…Error, Failed
to resolve`); a list of classes (`ConnectionError, TimeoutError and …`) or a clause of prose in
lower case (`a KeyError, so we …`) is left as it is. docs/incident-log-format.md
("Thirty-ninth round") says the rule."""

from __future__ import annotations

import re

_CLASS_COMMA = re.compile(
    r"(?<![\w.'\"`])(?P<cls>(?:[a-z_]\w*\.)*[A-Z][A-Za-z0-9]*(?:Error|Exception|Fault)),\s+"
    r"(?=[A-Z][a-z]+(?:\s+[a-z][\w'-]*){2})"
)


def class_colons(text: str) -> str:
    """The text with a comma between an error's class and its message read as a colon."""
    return _CLASS_COMMA.sub(r"\g<cls>: ", text)
