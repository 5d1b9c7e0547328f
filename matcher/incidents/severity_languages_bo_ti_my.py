"""The severities of severity_words.py in Tibetan, Tigrinya and Burmese (that module joins them
to its own; model.py reads them without combining marks and lower-cased). A Tibetan value loses
the shad that closes it where script_labels.py reads its label."""

from __future__ import annotations

BO_TI_MY_SEVERITY_WORDS: dict[str, str] = {
    # Tibetan (ཉེན་ཁ་ཆེ: great danger, ཚབས་ཆེ: grave; མཐོ: high; འབྲིང: middle; དམའ: low)
    "ཉེན་ཁ་ཆེ": "critical",
    "ཉེན་ཁ་ཆེན་པོ": "critical",
    "ཚབས་ཆེ": "critical",
    "ཧ་ཅང་མཐོ": "critical",
    "མཐོ": "high",
    "མཐོ་པོ": "high",
    "འབྲིང": "medium",
    "འབྲིང་རིམ": "medium",
    "དམའ": "low",
    "དམའ་པོ": "low",
    # Tigrinya (ኣዝዩ ከቢድ: very grave; ከቢድ: grave, ልዑል: high; ማእከላይ: middle; ትሑት: low)
    "ኣዝዩ ከቢድ": "critical",
    "ከቢድ": "high",
    "ልዑል": "high",
    "ማእከላይ": "medium",
    "ትሑት": "low",
    "ተሑት": "low",
    # Burmese (အရေးကြီးဆုံး: most important; အလွန်မြင့်: very high; မြင့်: high; အလယ်အလတ်:
    # middle; နိမ့်: low)
    "အရေးကြီးဆုံး": "critical",
    "အလွန်မြင့်": "critical",
    "အလွန် မြင့်": "critical",
    "မြင့်": "high",
    "မြင့်မား": "high",
    "အလယ်အလတ်": "medium",
    "နိမ့်": "low",
}
