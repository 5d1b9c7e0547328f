"""The severities of severity_words.py in isiXhosa, Quechua and Esperanto (that module joins them
to its own; model.py reads them without accents and lower-cased). isiXhosa's are here with the
class prefix `bu-` of `ubunzima` (severity) that agrees with it and without; Quechua's with the
apostrophe of an ejective and without (Ayacucho writes none), and Spanish's are there already;
Esperanto's with the x-system's `cx`, `gx` beside the bare letters."""

from __future__ import annotations

XH_QU_EO_SEVERITY_WORDS: dict[str, str] = {
    # isiXhosa (bubucayi, kubucayi: grave; buphezulu kakhulu: very high; buphezulu: high;
    # buphakathi: middle; buphantsi: low)
    "bubucayi": "critical",
    "bunzima kakhulu": "critical",
    "buphezulu kakhulu": "critical",
    "phezulu kakhulu": "critical",
    "ingxamisekileyo": "critical",
    "buphezulu": "high",
    "bunzima": "high",
    "buphakathi": "medium",
    "phakathi": "medium",
    "kuphakathi": "medium",
    "buphantsi": "low",
    "phantsi": "low",
    "kuphantsi": "low",
    # Quechua (ancha hatun: very big; hatun: big; chawpi: middle; huch'uy, uchuy: small)
    "ancha hatun": "critical",
    "anchata hatun": "critical",
    "sinchi hatun": "critical",
    "ancha sinchi": "critical",
    "hatun": "high",
    "sinchi": "high",
    "chawpi": "medium",
    "chaupi": "medium",
    "chawpilla": "medium",
    "huch'uy": "low",
    "huch’uy": "low",
    "huchuy": "low",
    "uchuy": "low",
    "uchuk": "low",
    # Esperanto (kritika; tre alta: very high; alta there already; meza: middle; malalta: low)
    "kritika": "critical",
    "tre alta": "critical",
    "urĝa": "critical",
    "urgxa": "critical",
    "meza": "medium",
    "mezgrava": "medium",
    "malalta": "low",
    "malgrava": "low",
    "malpli grava": "low",
}
