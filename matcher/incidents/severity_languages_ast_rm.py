"""The severities of severity_words.py in Asturian and Romansh (severity_words_more.py joins
them; model.py reads them without accents and lower-cased). Asturian's agree with `gravedá`
(feminine, `alta`, `baxa`) and, after `nivel`, are masculine with its `-u` (`altu`, `baxu`);
Spanish's words it shares (`alta`, `media`) are Spanish's already. Romansh's are in Rumantsch
Grischun and the idioms teams also write (Sursilvan `aulta`, Vallader `ota`, `mezdana`)."""

from __future__ import annotations

_ASTURIAN = {
    # (crítica, mui alta: critical; alta, grave: high; media, mediana: middle; baxa: low)
    "críticu": "critical",
    "criticu": "critical",
    "mui alta": "critical",
    "mui altu": "critical",
    "altu": "high",
    "grave": "high",
    "mediu": "medium",
    "mediana": "medium",
    "medianu": "medium",
    "baxa": "low",
    "baxu": "low",
    "llixera": "low",
    "llixeru": "low",
}
_ROMANSH = {
    # (critic, fitg aut: critical; aut, grev: high; mesaun, mez: middle; bass, pitschen: low)
    "critic": "critical",
    "fitg auta": "critical",
    "fitg aut": "critical",
    "zund auta": "critical",
    "auta": "high",
    "aut": "high",
    "aulta": "high",
    "ota": "high",
    "grev": "high",
    "greva": "high",
    "mesauna": "medium",
    "mesaun": "medium",
    "mesauns": "medium",
    "mezdana": "medium",
    "mezzana": "medium",
    "bass": "low",
    "pitschna": "low",
    "pitschen": "low",
}
AST_RM_SEVERITY_WORDS: dict[str, str] = {**_ASTURIAN, **_ROMANSH}
