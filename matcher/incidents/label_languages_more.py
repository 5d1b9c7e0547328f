"""The labels of the house format in more languages teams write beside English (labels.py adds
them to the others): Tatar (Cyrillic, with the letters of its own that Russian lacks),
Luxembourgish (beside the German and French of label_languages) and Pashto (Arabic script,
written with its own letters or with the Persian ones a keyboard without them gives). A line
per language, `|` between spellings. (Luxembourgish `Symptomer` is Danish's and Norwegian's too,
which are read as a close language's, with a warning: it is left to that.)"""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

MORE: dict[str, tuple[str, ...]] = {
    "id": (
        "инцидент id|инцидент номеры|инцидентның номеры|вакыйга номеры|инцидент id-сы",
        "tëschefall-id|tëschefall id|tëschefallnummer|nummer vum tëschefall|virfall-id",
        "د پېښې شمېره|د پیښې شمیره|د پېښې id|د پیښې id|د پېښې پېژند|د پېښې نمبر",
    ),
    "title": (
        "исеме|исем|инцидент исеме|атамасы|башлам",
        "iwwerschrëft|bezeechnung|titel vum tëschefall",
        "سرلیک|د پېښې سرلیک|د پیښې سرلیک|عنوان",
    ),
    "date": (
        "датасы|инцидент датасы|көне",
        "datum vum tëschefall|dag",
        "نېټه|نیټه|د پېښې نېټه|د پیښې نیټه",
    ),
    "severity": (
        "җитдилек|җитдилек дәрәҗәсе|мөһимлек|авырлык дәрәҗәсе",
        "schwéiergrad|schwéierheet|gravitéit|prioritéit",
        "شدت|د شدت کچه|جدیت",
    ),
    "services": (
        "кагылган хезмәтләр|зыян күргән хезмәтләр|кагылган сервислар|хезмәтләр",
        "betraffe servicer|betraffen servicer|betraffe servicen|betraffe systemer|servicer",
        "اغېزمن خدمتونه|اغیزمن خدمتونه|اغېزمنې خدمتونه|اغېزمن سیستمونه|خدمتونه",
    ),
    "symptoms": (
        "симптомнар|билгеләр|без нәрсә күрдек",
        "unzeechen|wat mir gesinn hunn",
        "نښې|نښانې|نښه|څه مو ولیدل",
    ),
    "root_cause": (
        "төп сәбәп|сәбәп|сәбәбе|тамыр сәбәбе",
        "ursaach|grondursaach|haaptursaach",
        "اصلي لامل|لامل|بنسټیز لامل|اصلي علت",
    ),
    "resolution": (
        "хәл итү|чишелеш|төзәтү|нәрсә эшләдек",
        "léisung|behiewung|wat mir gemaach hunn",
        "حل|حل لاره|سمون|څه مو وکړل",
    ),
    "action_items": (
        "алга таба эшләр|киләсе адымнар|эшләр|бурычлар",
        "aktiounen|nächst schrëtt|moossnamen|ze maachen",
        "د عمل توکي|د عمل ټکي|راتلونکي ګامونه|راتلونکي گامونه|کړنې|دندې",
    ),
    OTHER: (
        "йогынты|хронология|вакыт сызыгы|йомгак|дәресләр|искәрмәләр",
        "impakt|auswierkung|auswierkungen|zäitlinn|resumé|zesummefassung|léieren|notizen",
        "اغېز|اغیز|مهال وېش|مهال ویش|لنډیز|زده کړې|یادښتونه",
    ),
}
