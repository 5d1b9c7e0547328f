"""The severities of severity_words.py in Faroese, Javanese and Assamese (that module joins them
to its own; model.py reads them without accents and lower-cased). Javanese's `kritis` and
Assamese's `উচ্চ`, `মধ্যম`, `নিম্ন` are Indonesian's and Bengali's, there already."""

from __future__ import annotations

FO_JV_AS_SEVERITY_WORDS: dict[str, str] = {
    # Faroese (kritiskt, its masculine; sera høgt: very high; høgt; miðal; lágt)
    "kritiskt": "critical",
    "kritiskur": "critical",
    "sera høgt": "critical",
    "høgt": "high",
    "høgur": "high",
    "høg": "high",
    "miðal": "medium",
    "miðalstórt": "medium",
    "lágt": "low",
    "lágur": "low",
    # Javanese (gawat, dhuwur banget: very high; dhuwur; sedheng, madya; endhek, cendhek)
    "gawat": "critical",
    "dhuwur banget": "critical",
    "dhuwur": "high",
    "sedheng": "medium",
    "madya": "medium",
    "endhek": "low",
    "cendhek": "low",
    # Assamese (সংকটজনক: critical, অতি উচ্চ: very high, গুৰুতৰ: grave)
    "সংকটজনক": "critical",
    "সংকটপূৰ্ণ": "critical",
    "অতি উচ্চ": "critical",
    "গুৰুতৰ": "critical",
}
