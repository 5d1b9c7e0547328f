"""The severities of severity_words.py in Sundanese, Turkmen and Māori (that module joins them to
its own; model.py reads them without accents and lower-cased). Sundanese's `kritis` and
`rendah` are Indonesian's, Turkmen's `orta` and `kritik` Turkish's, there already."""

from __future__ import annotations

SU_TK_MI_SEVERITY_WORDS: dict[str, str] = {
    # Sundanese (luhur pisan: very high; luhur; sedeng; handap)
    "luhur pisan": "critical",
    "parah pisan": "critical",
    "luhur": "high",
    "parah": "high",
    "sedeng": "medium",
    "handap": "low",
    "leutik": "low",
    # Turkmen (kritiki, örän ýokary: very high; ýokary; ortaça; pes)
    "kritiki": "critical",
    "örän ýokary": "critical",
    "ýokary": "high",
    "ortaça": "medium",
    "pes": "low",
    # Māori (nui rawa, tino nui: very great; nui; waenganui: middle; iti: small)
    "nui rawa": "critical",
    "tino nui": "critical",
    "nui": "high",
    "waenganui": "medium",
    "iti": "low",
    "iti rawa": "low",
}
