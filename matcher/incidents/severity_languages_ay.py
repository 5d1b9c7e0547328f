"""The severities of severity_words.py in Aymara (severity_words_more.py joins them; model.py
reads them without accents and lower-cased): `wali jach'a` (very big), `jach'a` (big), `taypi`
(middle), `jisk'a` (small), the ejective's apostrophe straight, curly or left out."""

from __future__ import annotations

_AS_WRITTEN = {
    "wali jach'a": "critical",
    "sinti jach'a": "critical",
    "jach'apuni": "critical",
    "wali jach'a kankaña": "critical",
    "jach'a": "high",
    "jach'a kankaña": "high",
    "taypi": "medium",
    "taypinkiri": "medium",
    "jisk'a": "low",
    "jisk'aki": "low",
}
AY_SEVERITY_WORDS: dict[str, str] = {
    word.replace("'", q): name for word, name in _AS_WRITTEN.items() for q in ("'", "\u2019", "")
}
