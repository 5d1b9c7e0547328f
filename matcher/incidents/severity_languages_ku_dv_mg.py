"""The severities of severity_words.py in Kurmanji Kurdish, Dhivehi and Malagasy (that module joins
them to its own; model.py reads them without accents and lower-cased). Kurmanji teams also write
Turkish's (`kritik`, `yüksek`, `orta`, `düşük`), there already; Malagasy teams French's."""

from __future__ import annotations

KU_DV_MG_SEVERITY_WORDS: dict[str, str] = {
    # Kurmanji (krîtîk, pir bilind: very high; bilind; navîn: middle; nizm, kêm: low)
    "krîtîk": "critical",
    "pir bilind": "critical",
    "pir giran": "critical",
    "bilind": "high",
    "giran": "high",
    "navîn": "medium",
    "navincî": "medium",
    "nizm": "low",
    "kêm": "low",
    "sivik": "low",
    # Dhivehi (ވަރަށް ބޮޑު: very big; މަތި: high; މެދުމިން: middle; ދަށް: low)
    "ވަރަށް ބޮޑު": "critical",
    "ވަރަށް މަތި": "critical",
    "ކްރިޓިކަލް": "critical",
    "މަތި": "high",
    "ބޮޑު": "high",
    "މެދުމިން": "medium",
    "މެދު": "medium",
    "ދަށް": "low",
    "ކުޑަ": "low",
    # Malagasy (tena avo, mafy be: very high; avo; antonony: middling; ambany: low)
    "tena avo": "critical",
    "mafy be": "critical",
    "tena mafy": "critical",
    "avo": "high",
    "mafy": "high",
    "antonony": "medium",
    "salantsalany": "medium",
    "ambany": "low",
    "kely": "low",
}
