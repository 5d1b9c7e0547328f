"""The severities teams write in the languages beside English (accents taken off and
lower-cased before lookup, as model.severity_as_written reads them), and the model severity each
stands for, by name; model.py joins them to the English words."""

from __future__ import annotations

from matcher.incidents.severity_languages_bo_ti_my import BO_TI_MY_SEVERITY_WORDS
from matcher.incidents.severity_languages_fo_jv_as import FO_JV_AS_SEVERITY_WORDS
from matcher.incidents.severity_languages_gd_ig_yi import GD_IG_YI_SEVERITY_WORDS
from matcher.incidents.severity_languages_ku_dv_mg import KU_DV_MG_SEVERITY_WORDS
from matcher.incidents.severity_languages_su_tk_mi import SU_TK_MI_SEVERITY_WORDS
from matcher.incidents.severity_languages_xh_qu_eo import XH_QU_EO_SEVERITY_WORDS
from matcher.severity_words_more import MORE_SEVERITY_WORDS

SEVERITY_WORDS: dict[str, str] = {
    # the same words in the languages teams write in (accents taken off before lookup)
    **dict.fromkeys(("critica", "critique", "kritisch", "kritiek", "kritisk"), "critical"),
    # ... Korean, Vietnamese
    **dict.fromkeys(("긴급", "심각", "치명적", "nghiem trong", "khan cap"), "critical"),
    **dict.fromkeys(("높음", "cao"), "high"),
    **dict.fromkeys(("중간", "보통", "trung binh"), "medium"),
    **dict.fromkeys(("낮음", "thap"), "low"),
    # ... Polish, Japanese, Chinese
    **dict.fromkeys(("krytyczny", "krytyczna", "重大", "致命", "紧急", "严重"), "critical"),
    **dict.fromkeys(("wysoki", "wysoka", "高"), "high"),
    **dict.fromkeys(("sredni", "srednia", "中"), "medium"),
    **dict.fromkeys(("niski", "niska", "低"), "low"),
    # ... Czech, Turkish, Russian (the keys as looked up: `Střední` -> `stredni`, `й` -> `и`)
    **dict.fromkeys(("kriticka", "kritik", "критическая", "критичная", "критическии"), "critical"),
    **dict.fromkeys(("vysoka", "yuksek", "высокая", "высокии"), "high"),
    **dict.fromkeys(("stredni", "orta", "средняя", "среднии"), "medium"),
    **dict.fromkeys(("nizka", "dusuk", "низкая", "низкии"), "low"),
    # ... Estonian, Afrikaans, Basque
    **dict.fromkeys(("kriitiline", "kritiek"), "critical"),
    **dict.fromkeys(("korge", "altua"), "high"),
    **dict.fromkeys(("keskmine", "ertaina"), "medium"),
    **dict.fromkeys(("madal", "baxua"), "low"),
    # ... Thai, Hebrew, Swahili
    **dict.fromkeys(
        (
            "\u0e27\u0e34\u0e01\u0e24\u0e15",
            "\u0e27\u0e34\u0e01\u0e24\u0e15\u0e34",
            "\u05e7\u05e8\u05d9\u05d8\u05d9\u05ea",
            "\u05e7\u05e8\u05d9\u05d8\u05d9",
            "hatari",
            "mbaya sana",
        ),
        "critical",
    ),
    **dict.fromkeys(
        (
            "\u0e2a\u0e07",
            "\u05d2\u05d1\u05d5\u05d4\u05d4",
            "\u05d2\u05d1\u05d5\u05d4",
            "juu",
            "kubwa",
        ),
        "high",
    ),
    **dict.fromkeys(
        (
            "\u0e1b\u0e32\u0e19\u0e01\u0e25\u0e32\u0e07",
            "\u05d1\u05d9\u05e0\u05d5\u05e0\u05d9\u05ea",
            "\u05d1\u05d9\u05e0\u05d5\u05e0\u05d9",
            "wastani",
            "kati",
        ),
        "medium",
    ),
    **dict.fromkeys(
        (
            "\u0e15\u0e4d\u0e32",
            "\u05e0\u05de\u05d5\u05db\u05d4",
            "\u05e0\u05de\u05d5\u05da",
            "chini",
            "ndogo",
        ),
        "low",
    ),
    # ... Ukrainian, Catalan
    **dict.fromkeys(
        (
            "\u043a\u0440\u0438\u0442\u0438\u0447\u043d\u0430",
            "\u043a\u0440\u0438\u0442\u0438\u0447\u043d\u0438\u0438",
            "critica",
            "critic",
        ),
        "critical",
    ),
    **dict.fromkeys(
        (
            "\u0432\u0438\u0441\u043e\u043a\u0430",
            "\u0432\u0438\u0441\u043e\u043a\u0438\u0438",
            "alt",
        ),
        "high",
    ),
    **dict.fromkeys(
        (
            "\u0441\u0435\u0440\u0435\u0434\u043d\u044f",
            "\u0441\u0435\u0440\u0435\u0434\u043d\u0456\u0438",
            "mitjana",
            "mitja",
        ),
        "medium",
    ),
    **dict.fromkeys(
        (
            "\u043d\u0438\u0437\u044c\u043a\u0430",
            "\u043d\u0438\u0437\u044c\u043a\u0438\u0438",
            "baix",
        ),
        "low",
    ),
    # ... Arabic, Tagalog (Chinese: `高`, `中`, `低` above)
    **dict.fromkeys(
        ("\u062d\u0631\u062c\u0629", "\u062d\u0631\u062c", "\u56b4\u91cd", "kritikal"),
        "critical",
    ),
    **dict.fromkeys(
        ("\u0639\u0627\u0644\u064a\u0629", "\u0639\u0627\u0644\u064a", "mataas"), "high"
    ),
    **dict.fromkeys(
        ("\u0645\u062a\u0648\u0633\u0637\u0629", "\u0645\u062a\u0648\u0633\u0637", "katamtaman"),
        "medium",
    ),
    **dict.fromkeys(
        ("\u0645\u0646\u062e\u0641\u0636\u0629", "\u0645\u0646\u062e\u0641\u0636", "mababa"),
        "low",
    ),
    # ... Bengali, Georgian
    **dict.fromkeys(
        (
            "\u099c\u09b0\u09c1\u09b0\u09bf",
            "\u0997\u09c1\u09b0\u09c1\u09a4\u09b0",
            "\u09b8\u0982\u0995\u099f\u09aa\u09c2\u09b0\u09cd\u09a3",
            "\u10d9\u10e0\u10d8\u10e2\u10d8\u10d9\u10e3\u10da\u10d8",
        ),
        "critical",
    ),
    **dict.fromkeys(
        (
            "\u0989\u099a\u09cd\u099a",
            "\u09ac\u09c7\u09b6\u09bf",
            "\u10db\u10d0\u10e6\u10d0\u10da\u10d8",
        ),
        "high",
    ),
    **dict.fromkeys(
        (
            "\u09ae\u09be\u099d\u09be\u09b0\u09bf",
            "\u09ae\u09a7\u09cd\u09af\u09ae",
            "\u10e1\u10d0\u10e8\u10e3\u10d0\u10da\u10dd",
        ),
        "medium",
    ),
    **dict.fromkeys(
        ("\u09a8\u09bf\u09ae\u09cd\u09a8", "\u0995\u09ae", "\u10d3\u10d0\u10d1\u10d0\u10da\u10d8"),
        "low",
    ),
    "\u056f\u0580\u056b\u057f\u056b\u056f\u0561\u056f\u0561\u0576": "critical",  # ... Armenian
    "\u0562\u0561\u0580\u0571\u0580": "high",
    "\u0574\u056b\u057b\u056b\u0576": "medium",
    "\u0581\u0561\u056e\u0580": "low",
    # ... Kazakh, Amharic
    "\u043a\u0440\u0438\u0442\u0438\u043a\u0430\u043b\u044b\u049b": "critical",
    "\u0441\u044b\u043d\u0438": "critical",
    "\u12a0\u1235\u1278\u12b3\u12ed": "critical",
    "\u0436\u043e\u0493\u0430\u0440\u044b": "high",
    "\u12a8\u134d\u1270\u129b": "high",
    "\u043e\u0440\u0442\u0430\u0448\u0430": "medium",
    "\u1218\u12ab\u12a8\u1208\u129b": "medium",
    "\u0442\u04e9\u043c\u0435\u043d": "low",
    "\u12dd\u1245\u1270\u129b": "low",
    "\u0917\u092e\u094d\u092d\u0940\u0930": "critical",  # ... Nepali
    "\u0905\u0924\u093f \u0909\u091a\u094d\u091a": "critical",
    "\u0909\u091a\u094d\u091a": "high",
    "\u092e\u0927\u094d\u092f\u092e": "medium",
    "\u0928\u094d\u092f\u0942\u0928": "low",
    # ... Uzbek, Mongolian, Sinhala
    **dict.fromkeys(
        (
            "kritik",
            "jiddiy",
            "\u043d\u043e\u0446\u0442\u043e\u0439",
            "\u0dad\u0dd3\u0dbb\u0dab\u0dcf\u0dad\u0dca\u0db8\u0d9a",
        ),
        "critical",
    ),
    **dict.fromkeys(
        (
            "yuqori",
            "\u04e9\u043d\u0434\u04e9\u0440",
            "\u0d89\u0dc4\u0dc5",
        ),
        "high",
    ),
    **dict.fromkeys(
        (
            "o\u2018rta",
            "o'rta",
            "o\u02bbrta",
            "orta",
            "\u0434\u0443\u043d\u0434",
            "\u0db8\u0db0\u0dca\u200d\u0dba\u0db8",
            "\u0db8\u0db0\u0dca\u0dba\u0db8",
        ),
        "medium",
    ),
    **dict.fromkeys(
        (
            "past",
            "\u0431\u0430\u0433\u0430",
            "\u0d85\u0da9\u0dd4",
        ),
        "low",
    ),
    # ... Azerbaijani, Tajik, Khmer
    **dict.fromkeys(
        (
            "kritik",
            "\u043c\u0443\u04b3\u0438\u043c",
            "\u04b7\u0438\u0434\u0434\u04e3",
            "\u1792\u17d2\u1784\u1793\u17cb\u1792\u17d2\u1784\u179a",
            "\u1794\u1793\u17d2\u1791\u17b6\u1793\u17cb",
        ),
        "critical",
    ),
    **dict.fromkeys(
        (
            "y\u00fcks\u0259k",
            "yuks\u0259k",
            "\u0431\u0430\u043b\u0430\u043d\u0434",
            "\u1781\u17d2\u1796\u179f\u17cb",
        ),
        "high",
    ),
    **dict.fromkeys(
        (
            "\u043c\u0438\u0451\u043d\u0430",
            "\u1798\u1792\u17d2\u1799\u1798",
        ),
        "medium",
    ),
    **dict.fromkeys(
        (
            "a\u015fa\u011f\u0131",
            "\u043f\u0430\u0441\u0442",
            "\u1791\u17b6\u1794",
        ),
        "low",
    ),
    # ... Kyrgyz, Lao
    **dict.fromkeys(
        (
            "\u043a\u0440\u0438\u0442\u0438\u043a\u0430\u043b\u044b\u043a",
            "\u0eae\u0ec9\u0eb2\u0e8d\u0ec1\u0eae\u0e87",
        ),
        "critical",
    ),
    **dict.fromkeys(("\u0436\u043e\u0433\u043e\u0440\u0443", "\u0eaa\u0eb9\u0e87"), "high"),
    **dict.fromkeys(("\u043e\u0440\u0442\u043e", "\u0e81\u0eb2\u0e87"), "medium"),
    **dict.fromkeys(
        (
            "\u0442\u04e9\u043c\u04e9\u043d",
            "\u0e95\u0ec8\u0eb3",
            "\u0e95\u0ecd\u0ec8\u0eb2",
        ),
        "low",
    ),
    # ... Telugu, Albanian, Gujarati (Telugu klishtamaina, ekkuva, madhyastham, takkuva; Albanian
    # kritike, e larte, mesatare, e ulet; Gujarati gambhir, uchch, madhyam, nichi)
    "\u0c15\u0c4d\u0c32\u0c3f\u0c37\u0c4d\u0c1f\u0c2e\u0c48\u0c28": "critical",
    "\u0c05\u0c24\u0c4d\u0c2f\u0c35\u0c38\u0c30\u0c02": "critical",
    "\u0c05\u0c24\u0c4d\u0c2f\u0c35\u0c38\u0c30": "critical",
    "kritike": "critical",
    "urgjente": "critical",
    "shum\u00eb e lart\u00eb": "critical",
    "\u0a97\u0a82\u0aad\u0ac0\u0ab0": "critical",
    "\u0a85\u0aa4\u0abf \u0a97\u0a82\u0aad\u0ac0\u0ab0": "critical",
    "\u0aa4\u0abe\u0aa4\u0acd\u0a95\u0abe\u0ab2\u0abf\u0a95": "critical",
    "\u0c0e\u0c15\u0c4d\u0c15\u0c41\u0c35": "high",
    "\u0c05\u0c27\u0c3f\u0c15\u0c02": "high",
    "\u0c05\u0c27\u0c3f\u0c15": "high",
    "e lart\u00eb": "high",
    "i lart\u00eb": "high",
    "\u0a89\u0a9a\u0acd\u0a9a": "high",
    "\u0a8a\u0a82\u0a9a\u0ac0": "high",
    "\u0a8a\u0a82\u0a9a\u0ac1\u0a82": "high",
    "\u0ab5\u0aa7\u0ac1": "high",
    "\u0c2e\u0c27\u0c4d\u0c2f\u0c38\u0c4d\u0c25\u0c02": "medium",
    "\u0c2e\u0c27\u0c4d\u0c2f\u0c38\u0c4d\u0c25": "medium",
    "\u0c2e\u0c27\u0c4d\u0c2f\u0c2e\u0c02": "medium",
    "mesatare": "medium",
    "mesatar": "medium",
    "e mesme": "medium",
    "i mes\u00ebm": "medium",
    "\u0aae\u0aa7\u0acd\u0aaf\u0aae": "medium",
    "\u0ab8\u0abe\u0aae\u0abe\u0aa8\u0acd\u0aaf": "medium",
    "\u0c24\u0c15\u0c4d\u0c15\u0c41\u0c35": "low",
    "\u0c05\u0c32\u0c4d\u0c2a\u0c02": "low",
    "e ul\u00ebt": "low",
    "i ul\u00ebt": "low",
    "\u0aa8\u0ac0\u0a9a\u0ac0": "low",
    "\u0aa8\u0ac0\u0a9a\u0ac1\u0a82": "low",
    "\u0a93\u0a9b\u0ac0": "low",
    "\u0a93\u0a9b\u0ac1\u0a82": "low",
    # ... Macedonian (kritichen, visok, sredna, niska), Marathi (gambhir, kami), Indonesian
    "\u043a\u0440\u0438\u0442\u0438\u0447\u0435\u043d": "critical",
    "\u0917\u0902\u092d\u0940\u0930": "critical",
    "\u0905\u0924\u093f\u0917\u0902\u092d\u0940\u0930": "critical",
    "\u0905\u0924\u093f \u0917\u0902\u092d\u0940\u0930": "critical",
    "kritis": "critical",
    "darurat": "critical",
    "\u0432\u0438\u0441\u043e\u043a": "high",
    "tinggi": "high",
    "\u0441\u0440\u0435\u0434\u043d\u0430": "medium",
    "\u0441\u0440\u0435\u0434\u0435\u043d": "medium",
    "sedang": "medium",
    "menengah": "medium",
    "\u043d\u0438\u0441\u043a\u0430": "low",
    "\u043d\u0438\u0437\u043e\u043a": "low",
    "\u0915\u092e\u0940": "low",
    "\u0928\u093f\u092e\u094d\u0928": "low",
    **dict.fromkeys(("rendah", "ringan"), "low"),
    # ... Romanian, Persian
    **dict.fromkeys(("ridicata", "\u0628\u0627\u0644\u0627", "\u0632\u06cc\u0627\u062f"), "high"),
    **dict.fromkeys(("medie", "\u0645\u062a\u0648\u0633\u0637"), "medium"),
    **dict.fromkeys(("scazuta", "\u067e\u0627\u06cc\u06cc\u0646", "\u06a9\u0645"), "low"),
    **dict.fromkeys(("\u0628\u062d\u0631\u0627\u0646\u06cc",), "critical"),
    **dict.fromkeys(
        ("alta", "alto", "haute", "elevee", "hoch", "hoog", "hog", "h\u00f8y", "h\u00f8j"),
        "high",
    ),
    **dict.fromkeys(
        ("media", "medio", "moyenne", "mittel", "gemiddeld", "middel", "matig", "medel", "middels"),
        "medium",
    ),
    **dict.fromkeys(
        ("baja", "bajo", "basse", "faible", "bassa", "baixa", "niedrig", "laag", "lag", "lav"),
        "low",
    ),
    **MORE_SEVERITY_WORDS,  # (Punjabi, Belarusian, Sorani ... isiZulu: severity_words_more.py)
    **FO_JV_AS_SEVERITY_WORDS,  # (and Faroese, Javanese, Assamese)
    **BO_TI_MY_SEVERITY_WORDS,  # (and Tibetan, Tigrinya, Burmese)
    **SU_TK_MI_SEVERITY_WORDS,  # (and Sundanese, Turkmen, Maori)
    **KU_DV_MG_SEVERITY_WORDS,  # (and Kurmanji, Dhivehi, Malagasy)
    **GD_IG_YI_SEVERITY_WORDS,  # (and Scottish Gaelic, Igbo, Yiddish)
    **XH_QU_EO_SEVERITY_WORDS,  # (and isiXhosa, Quechua, Esperanto)
}
