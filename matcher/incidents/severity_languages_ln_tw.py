"""The severities of severity_words.py in Lingala and Twi (Akan) (severity_words_more.py joins
them to the others; model.py reads them without accents and lower-cased). Lingala's with `mingi`
(much, very) after them and without; Twi's with its open vowels `ɛ`, `ɔ` and as they are written
with `e`, `o`, and with the copula `ɛyɛ` (it is) before them and without."""

from __future__ import annotations

_LINGALA = {
    # (makasi mingi: very strong; likama monene: a big danger; makasi: strong; ya katikati: of
    # the middle; moke: small; mpamba: nothing much)
    "makasi mingi": "critical",
    "makasi mpenza": "critical",
    "likama monene": "critical",
    "ya makasi mingi": "critical",
    "makasi": "high",
    "ya makasi": "high",
    "monene": "high",
    "ya katikati": "medium",
    "katikati": "medium",
    "ya kati": "medium",
    "moke": "low",
    "ya moke": "low",
    "mpamba": "low",
}
_TWI = {
    # (ɛyɛ den paa: it is very hard; ɛyɛ hu: it is dreadful; ɛyɛ den: it is hard; mfinimfini:
    # middle; ɛnyɛ den: it is not hard; kakraa bi: a little)
    "ɛyɛ den paa": "critical",
    "eye den paa": "critical",
    "ɛyɛ den koraa": "critical",
    "eye den koraa": "critical",
    "ɛyɛ hu": "critical",
    "eye hu": "critical",
    "ɛyɛ den": "high",
    "eye den": "high",
    "mfinimfini": "medium",
    "ntam": "medium",
    "ɛnyɛ den": "low",
    "enye den": "low",
    "ennyɛ den": "low",
    "kakraa bi": "low",
    "ketewa": "low",
}
LN_TW_SEVERITY_WORDS: dict[str, str] = {**_LINGALA, **_TWI}
