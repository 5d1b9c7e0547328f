"""The severities of severity_words.py in Breton, Luganda and Guarani (severity_words_more.py
joins them; model.py reads them without accents and lower-cased). Luganda's agree with
`obuzito` (`bunene`, `bwa wakati`) and are here with the other classes' prefixes too."""

from __future__ import annotations

_BRETON = {
    # (kritikel, grevus-kenañ: critical; uhel, pouezus: high; etre, krenn: middle; izel: low)
    "kritikel": "critical",
    "grevus-kenañ": "critical",
    "grevus kenañ": "critical",
    "uhel-kenañ": "critical",
    "uhel": "high",
    "pouezus": "high",
    "grevus": "high",
    "etre": "medium",
    "krenn": "medium",
    "etre-etre": "medium",
    "izel": "low",
    "bihan": "low",
}
_LUGANDA = {
    # (bwa maanyi nnyo: very strong; bunene, kinene: big; bwa wakati: middle; butono: small)
    "bwa maanyi nnyo": "critical",
    "kya maanyi nnyo": "critical",
    "bunene nnyo": "critical",
    "kinene nnyo": "critical",
    "bwa maanyi": "high",
    "bunene": "high",
    "kinene": "high",
    "bwa wakati": "medium",
    "kya wakati": "medium",
    "wakati": "medium",
    "butono": "low",
    "kitono": "low",
    "bitono": "low",
}
_GUARANI = {
    # (ivaietereíva: very bad; tuicha: big; mbyte: middle; michĩ: small)
    "ivaietereíva": "critical",
    "ivaietereiva": "critical",
    "ivaiete": "critical",
    "tuichaite": "critical",
    "tuicha": "high",
    "ivaí": "high",
    "ivai": "high",
    "mbyte": "medium",
    "mbytepe": "medium",
    "michĩ": "low",
    "michi": "low",
    "michĩmi": "low",
}
BR_LG_GN_SEVERITY_WORDS: dict[str, str] = {**_BRETON, **_LUGANDA, **_GUARANI}
