"""The severities of severity_words.py in Scottish Gaelic, Igbo and Yiddish (that module joins
them to its own; model.py reads them without accents, dots or points and lower-cased). Yiddish's
are here with its double-yod ligature and with the two letters, as keyboards write them."""

from __future__ import annotations

GD_IG_YI_SEVERITY_WORDS: dict[str, str] = {
    # Gaelic (èiginneach: urgent; glè àrd: very high; àrd; meadhanach: middling; ìosal: low)
    "èiginneach": "critical",
    "glè àrd": "critical",
    "fìor àrd": "critical",
    "àrd": "high",
    "meadhanach": "medium",
    "ìosal": "low",
    "glè ìosal": "low",
    # Igbo (dị oke njọ: very bad; dị elu: high; etiti: middle; dị ala: low)
    "dị oke njọ": "critical",
    "oke njọ": "critical",
    "dị oke elu": "critical",
    "dị elu": "high",
    "dị njọ": "high",
    "etiti": "medium",
    "n'etiti": "medium",
    "nkịtị": "medium",
    "dị ala": "low",
    "dị nta": "low",
    # Yiddish (קריטיש; זייער הויך: very high; הויך; מיטל: middle; נידעריק: low)
    "קריטיש": "critical",
    "זייער הויך": "critical",
    "זײער הויך": "critical",
    "הויך": "high",
    "מיטל": "medium",
    "מיטלמעסיק": "medium",
    "נידעריק": "low",
    "נידריק": "low",
}
