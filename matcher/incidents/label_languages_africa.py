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
        "lambar lamari|lambar lamarin|id na lamari|lambar aukuwa",
        "aqoonsiga dhacdada|lambarka dhacdada|id-ga dhacdada",
    ),
    "title": (
        "umutwe|umutwe w'ikibazo|umutwe w’ikibazo|inyito",
        "isihloko|isihloko sesigameko",
        "take|taken lamari|taken lamarin",
        "cinwaanka|cinwaanka dhacdada",
    ),
    "date": (
        "itariki|itariki y'ikibazo|itariki y’ikibazo",
        "usuku|usuku lwesigameko|idethi",
        "kwanan wata|kwanan watan lamari|ranar lamari",
        "taariikhda|taariikhda dhacdada",
    ),
    "severity": (
        "uburemere|uburemere bw'ikibazo|uburemere bw’ikibazo|urwego rw'uburemere",
        "ubunzima|ubucayi|izinga lobunzima",
        "tsanani|matakin tsanani|girman matsala",
        "darnaanta|heerka darnaanta",
    ),
    "services": (
        "serivisi zagizweho ingaruka|serivisi zagezweho ingaruka|serivisi zahungabanye|serivisi",
        "izinsizakalo ezithintekile|izinsiza ezithintekile|izinhlelo ezithintekile|izinsizakalo",
        "sabis da abin ya shafa|ayyukan da abin ya shafa|sabis ɗin da abin ya shafa",
        "adeegyada ay saameysay|adeegyada ay saamaysay|adeegyada la saameeyay|adeegyada",
    ),
    "symptoms": (
        "ibimenyetso|ibyo twabonye",
        "izimpawu|esikubonile|okubonakele",
        "alamomi|alamun matsala|abin da muka gani",
        "calaamadaha|astaamaha",
    ),
    "root_cause": (
        "intandaro y'ikibazo|intandaro y’ikibazo|intandaro|impamvu nyamukuru|impamvu",
        "imbangela|imbangela eyinhloko|imbangela eyisisekelo|imbangela yangempela",
        "tushen matsala|tushen matsalar|asalin matsala",
        "sababta asalka ah|sababta asalka|sababta",
    ),
    "resolution": (
        "uko twabikemuye|uko cyakemutse|igisubizo",
        "isixazululo|esikwenzile|ukuxazulula",
        "magani|maganin matsala|yadda muka gyara",
        "xalka|sida loo xalliyay",
    ),
    "action_items": (
        "ibikorwa bizakurikiraho|ibikorwa bikurikiraho|intambwe zikurikiraho|ibikorwa",
        "izinyathelo zokulandelela|izinyathelo ezilandelayo|izinyathelo|imisebenzi elandelayo",
        "matakan gaba|matakai na gaba|ayyukan gaba",
        "tallaabooyinka xiga|talaabooyinka xiga|hawlaha xiga",
    ),
    OTHER: (
        "ingaruka|incamake|uko byagenze|ibyo twize|amasomo twakuyemo",
        "umthelela|isifinyezo|umugqa wesikhathi|izifundo|amanothi|okufundiwe",
        "tasiri|taƙaitawa|takaitawa|jadawalin lokaci|darussa|darussan da muka koya",
        "saameynta|soo koobid|jadwalka|casharrada|qoraallo",
    ),
}
