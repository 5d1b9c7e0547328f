"""The labels of the house format in more languages of Africa that teams write beside English
(labels.py adds them to the others; Swahili's and Amharic's are in label_languages_east):
Kinyarwanda (its `y'` written with an apostrophe or a typographic one) and isiZulu (its class
prefix joined by a hyphen to a borrowed word: `I-ID Yesigameko`). A line per language, `|`
between spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

AFRICA: dict[str, tuple[str, ...]] = {
    "id": (
        "nomero y'ikibazo|nomero y’ikibazo|nimero y'ikibazo|nimero y’ikibazo|id y'ikibazo"
        "|id y’ikibazo",
        "i-id yesigameko|id yesigameko|inombolo yesigameko|i-id yesehlakalo|inombolo yesehlakalo",
    ),
    "title": (
        "umutwe|umutwe w'ikibazo|umutwe w’ikibazo|inyito",
        "isihloko|isihloko sesigameko",
    ),
    "date": (
        "itariki|itariki y'ikibazo|itariki y’ikibazo",
        "usuku|usuku lwesigameko|idethi",
    ),
    "severity": (
        "uburemere|uburemere bw'ikibazo|uburemere bw’ikibazo|urwego rw'uburemere",
        "ubunzima|ubucayi|izinga lobunzima",
    ),
    "services": (
        "serivisi zagizweho ingaruka|serivisi zagezweho ingaruka|serivisi zahungabanye|serivisi",
        "izinsizakalo ezithintekile|izinsiza ezithintekile|izinhlelo ezithintekile|izinsizakalo",
    ),
    "symptoms": (
        "ibimenyetso|ibyo twabonye",
        "izimpawu|esikubonile|okubonakele",
    ),
    "root_cause": (
        "intandaro y'ikibazo|intandaro y’ikibazo|intandaro|impamvu nyamukuru|impamvu",
        "imbangela|imbangela eyinhloko|imbangela eyisisekelo|imbangela yangempela",
    ),
    "resolution": (
        "uko twabikemuye|uko cyakemutse|igisubizo",
        "isixazululo|esikwenzile|ukuxazulula",
    ),
    "action_items": (
        "ibikorwa bizakurikiraho|ibikorwa bikurikiraho|intambwe zikurikiraho|ibikorwa",
        "izinyathelo zokulandelela|izinyathelo ezilandelayo|izinyathelo|imisebenzi elandelayo",
    ),
    OTHER: (
        "ingaruka|incamake|uko byagenze|ibyo twize|amasomo twakuyemo",
        "umthelela|isifinyezo|umugqa wesikhathi|izifundo|amanothi|okufundiwe",
    ),
}
