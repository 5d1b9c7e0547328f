"""The severities of severity_words.py in Afaan Oromoo, chiShona and Wolof (that module joins them
to its own; model.py reads them without accents and lower-cased). Oromo's are here with their
doubled letters and hudhaa (`ol'aanaa`) and as they are written with single letters or without
it (`olaana`); Shona's with the class agreement of the noun they qualify (`yakakwira`,
`zvakakwira`, `rakakwira`) and without; Wolof's with the relative `bu` before them and without."""

from __future__ import annotations

_OROMO = {
    # (baay'ee ol'aanaa: very high; hamaa, ariifachiisaa: grave, urgent; ol'aanaa: high;
    # giddugaleessa: middle; gadi-aanaa: low; xiqqaa: small)
    "baay'ee ol'aanaa": "critical",
    "baayee olaanaa": "critical",
    "hamaa": "critical",
    "hamaa guddaa": "critical",
    "ariifachiisaa": "critical",
    "ol'aanaa": "high",
    "ol’aanaa": "high",
    "olaanaa": "high",
    "olaana": "high",
    "guddaa": "high",
    "giddugaleessa": "medium",
    "giddu-galeessa": "medium",
    "giddugalessa": "medium",
    "gidugalesa": "medium",
    "jidduu": "medium",
    "gadi-aanaa": "low",
    "gad-aanaa": "low",
    "gadi aanaa": "low",
    "gadiaanaa": "low",
    "gadi-aana": "low",
    "xiqqaa": "low",
    "xiqaa": "low",
}
_SHONA = {
    # (zvakaipisisa: worst; yakakwira zvikuru: very high; yakakwira: high; pakati: middle;
    # yakaderera: low)
    "zvakaipisisa": "critical",
    "yakaipisisa": "critical",
    "zvakakomba zvikuru": "critical",
    "yakakwira zvikuru": "critical",
    "yakakwira": "high",
    "zvakakwira": "high",
    "rakakwira": "high",
    "kwakakwira": "high",
    "yakakomba": "high",
    "zvakakomba": "high",
    "pakati": "medium",
    "yepakati": "medium",
    "zvepakati": "medium",
    "yakaderera": "low",
    "zvakaderera": "low",
    "rakaderera": "low",
    "kwakaderera": "low",
    "shoma": "low",
}
_WOLOF = {
    # (bu kawe lool: very high; bu metti: grave; bu kawe: high; bu diggante: middle; bu suufe:
    # low)
    "bu kawe lool": "critical",
    "kawe lool": "critical",
    "bu metti lool": "critical",
    "bu metti": "critical",
    "metti lool": "critical",
    "bu kawe": "high",
    "kawe": "high",
    "metti": "high",
    "bu diggante": "medium",
    "diggante": "medium",
    "bu digg": "medium",
    "bu suufe": "low",
    "suufe": "low",
    "bu yomb": "low",
    "yomb": "low",
}
OM_SN_WO_SEVERITY_WORDS: dict[str, str] = {**_OROMO, **_SHONA, **_WOLOF}
