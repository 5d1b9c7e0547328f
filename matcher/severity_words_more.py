"""The severities of severity_words.py in more languages teams write beside English (that
module joins them to its own): Punjabi, Belarusian, Kurdish Sorani, Kannada, Maltese and
Bosnian. Keys lower-cased, as they are looked up."""

from __future__ import annotations

MORE_SEVERITY_WORDS: dict[str, str] = {
    # Punjabi (Gurmukhi: gambhir, nazuk; uchchi, uchcha; darmiani, madham; ghatt, nivin)
    "\u0a17\u0a70\u0a2d\u0a40\u0a30": "critical",
    "\u0a28\u0a3e\u0a1c\u0a3c\u0a41\u0a15": "critical",
    "\u0a05\u0a24\u0a3f \u0a17\u0a70\u0a2d\u0a40\u0a30": "critical",
    "\u0a2c\u0a39\u0a41\u0a24 \u0a17\u0a70\u0a2d\u0a40\u0a30": "critical",
    "\u0a09\u0a71\u0a1a\u0a40": "high",
    "\u0a09\u0a71\u0a1a\u0a3e": "high",
    "\u0a09\u0a71\u0a1a": "high",
    "\u0a26\u0a30\u0a2e\u0a3f\u0a06\u0a28\u0a40": "medium",
    "\u0a26\u0a30\u0a2e\u0a3f\u0a06\u0a28\u0a3e": "medium",
    "\u0a2e\u0a71\u0a27\u0a2e": "medium",
    "\u0a18\u0a71\u0a1f": "low",
    "\u0a28\u0a40\u0a35\u0a40\u0a02": "low",
    "\u0a28\u0a40\u0a35\u0a3e\u0a02": "low",
    # Belarusian (krytychnaya, vysoki, siaredniaya, nizkaya; its `vysokaya` is Russian's)
    "\u043a\u0440\u044b\u0442\u044b\u0447\u043d\u0430\u044f": "critical",
    "\u043a\u0440\u044b\u0442\u044b\u0447\u043d\u044b": "critical",
    "\u043a\u0440\u044b\u0442\u044b\u0447\u043d\u0430\u0435": "critical",
    "\u0432\u044b\u0441\u043e\u043a\u0456": "high",
    "\u0432\u044b\u0441\u043e\u043a\u0430\u0435": "high",
    "\u0441\u044f\u0440\u044d\u0434\u043d\u044f\u044f": "medium",
    "\u0441\u044f\u0440\u044d\u0434\u043d\u0456": "medium",
    "\u0441\u044f\u0440\u044d\u0434\u043d\u044f\u0435": "medium",
    "\u043d\u0456\u0437\u043a\u0430\u044f": "low",
    "\u043d\u0456\u0437\u043a\u0456": "low",
    "\u043d\u0456\u0437\u043a\u0430\u0435": "low",
    # Kurdish Sorani (zor berz, hestyar; berz; mamnawend, nawend; nizm, kem)
    "\u0632\u06c6\u0631 \u0628\u06d5\u0631\u0632": "critical",
    "\u0647\u06d5\u0633\u062a\u06cc\u0627\u0631": "critical",
    "\u06a9\u0631\u06cc\u062a\u06cc\u06a9\u0627\u06b5": "critical",
    "\u0628\u06d5\u0631\u0632": "high",
    "\u0645\u0627\u0645\u0646\u0627\u0648\u06d5\u0646\u062f": "medium",
    "\u0646\u0627\u0648\u06d5\u0646\u062f": "medium",
    "\u0646\u0627\u0648\u06d5\u0646\u062f\u06cc": "medium",
    "\u0646\u0632\u0645": "low",
    "\u06a9\u06d5\u0645": "low",
    # Kannada (gambhira, ati gambhira, turtu; hechchu, unnata; madhyama, sadharana; kadime)
    "\u0c97\u0c82\u0cad\u0cc0\u0cb0": "critical",
    "\u0c85\u0ca4\u0cbf \u0c97\u0c82\u0cad\u0cc0\u0cb0": "critical",
    "\u0ca4\u0cc1\u0cb0\u0ccd\u0ca4\u0cc1": "critical",
    "\u0cb9\u0cc6\u0c9a\u0ccd\u0c9a\u0cc1": "high",
    "\u0c89\u0ca8\u0ccd\u0ca8\u0ca4": "high",
    "\u0cae\u0ca7\u0ccd\u0caf\u0cae": "medium",
    "\u0cb8\u0cbe\u0ca7\u0cbe\u0cb0\u0ca3": "medium",
    "\u0c95\u0ca1\u0cbf\u0cae\u0cc6": "low",
    # Maltese (kritika, kritiku; gholja, gholi, also typed without its h-bar; medja, medju;
    # baxxa, baxx)
    "kritika": "critical",
    "kritiku": "critical",
    "g\u0127olja": "high",
    "g\u0127oli": "high",
    "gholja": "high",
    "medja": "medium",
    "medju": "medium",
    "baxxa": "low",
    "baxx": "low",
    # Bosnian, and Croatian and Serbian in Latin (kriticna, visoka, srednja, nizak; their
    # `niska` is Polish's, in severity_words.py)
    "kriti\u010dna": "critical",
    "kriti\u010dan": "critical",
    "kriti\u010dno": "critical",
    "visoka": "high",
    "visok": "high",
    "visoko": "high",
    "srednja": "medium",
    "srednji": "medium",
    "srednje": "medium",
    "nizak": "low",
    "nisko": "low",
}
