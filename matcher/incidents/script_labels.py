"""Labels closed by another script's mark than the colon, read as the house format's (dialects.py
reads them so before the rest).

Tibetan writes no colon: a label ends on the shad (`།`), its sentence mark, as every sentence does
(`**ཚབས་ཆེ་ཚད།** མཐོ།`, `**རྟགས་མཚན།**` alone on its line, `## རྟགས་མཚན།`), and a syllable keeps
its tsheg (`་`) before the shad after `ང` (`**ཁ་བྱང་།**`), and before a colon where one is
written (`**ཁ་བྱང་:**`). The shad that closes a bold label in the script is read as its colon,
the one that closes its value or a heading is dropped, and the tsheg before either becomes a
space, so each line keeps its length and columns (a shad elsewhere ends a sentence, no label).

Tigrinya and Amharic write the Ge'ez preface colon (`፦`) before what a label introduces, a list
or words said (`**ምልክታት፦**`, `ምልክታት፦ …`): it is a colon wherever it is, as Khmer's is."""

from __future__ import annotations

import re

# a letter or sign of the Tibetan script (U+0F00-0FFF) other than its tsheg and shad
_TIBETAN = "\u0f00-\u0f0a\u0f0f-\u0fff"
# the end of a Tibetan clause: a shad or two (`།`, `༎`), perhaps after a tsheg
_SHAD = "[\u0f0b\u0f0c]?[\u0f0d\u0f0e]{1,2}"
# `**ཚབས་ཆེ་ཚད།** value`, `- **ཁ་བྱང་།** value`, `**X**།` (the shad outside the bold), and a
# colon written after the tsheg (`**ཁ་བྱང་:**`)
_BOLD = re.compile(
    rf"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<mark>\*\*|__)(?P<name>[^*_:\n]{{0,40}}[{_TIBETAN}])"
    rf"(?P<shad>{_SHAD}(?P=mark)|(?P=mark){_SHAD}|[\u0f0b\u0f0c]:(?P=mark))(?P<value>[^\n]*)$",
    re.MULTILINE,
)
_HEADING = re.compile(
    rf"^(?P<head>[ \t]{{0,3}}#{{1,6}}[ \t]+[^\n]*?[{_TIBETAN}])(?P<shad>{_SHAD})[ \t]*$",
    re.MULTILINE,
)
# (a value's closing shad, after a word of the script or another: `… 502།`)
_VALUE_END = re.compile(rf"(?<=\S){_SHAD}(?=[ \t]*$)")
# the Ge'ez preface colon (U+1366)
_PREFACE = "\u1366"


def _spaced(mark: str) -> str:
    """A tsheg or shad as spaces (a colon in place of the shad of a label)."""
    return " " * len(mark)


def _label(found: re.Match[str]) -> str:
    shad, mark = found["shad"], found["mark"]
    closing = shad.replace(mark, "")
    value = _VALUE_END.sub(lambda m: _spaced(m[0]), found["value"])
    return f"{found['lead']}{mark}{found['name']}{_spaced(closing[:-1])}:{mark}{value}"


def script_labels(text: str) -> str:
    """The text with Tibetan and Ge'ez labels closed by a colon (see above)."""
    if _PREFACE in text:  # (a space after it where the text runs on, as after a colon)
        text = re.sub(f"{_PREFACE}(?=[^\\s*_])", ": ", text).replace(_PREFACE, ":")
    if re.search("[\u0f0b-\u0f0e]", text) is None:  # (no tsheg nor shad: no Tibetan)
        return text
    text = _BOLD.sub(_label, text)
    return _HEADING.sub(lambda m: m["head"] + _spaced(m["shad"]), text)
