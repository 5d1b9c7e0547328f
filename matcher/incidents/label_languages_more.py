"""The labels of the house format in more languages teams write beside English (labels.py adds
them to the others): Tatar (Cyrillic, with the letters of its own that Russian lacks),
Luxembourgish (beside the German and French of label_languages) and Pashto (Arabic script,
written with its own letters or with the Persian ones a keyboard without them gives); and
Cebuano (beside the Tagalog of label_languages_east), Haitian Creole (with and without its
accents, which a keyboard without them drops) and West Frisian (beside Dutch). A line per
language, `|` between spellings. (Luxembourgish `Symptomer` is Danish's and Norwegian's too,
which are read as a close language's, with a warning: it is left to that.)"""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

MORE: dict[str, tuple[str, ...]] = {
    "id": (
        "инцидент id|инцидент номеры|инцидентның номеры|вакыйга номеры|инцидент id-сы",
        "tëschefall-id|tëschefall id|tëschefallnummer|nummer vum tëschefall|virfall-id",
        "د پېښې شمېره|د پیښې شمیره|د پېښې id|د پیښې id|د پېښې پېژند|د پېښې نمبر",
        "id sa insidente|numero sa insidente|insidente id|id sa hitabo|numero sa hitabo",
        "id ensidan|id ensidan an|nimewo ensidan|nimewo ensidan an|ensidan id|referans ensidan",
        "ynsidint-id|ynsidint id|ynsidintnûmer|ynsidintnummer|nûmer fan it ynsidint",
    ),
    "title": (
        "исеме|исем|инцидент исеме|атамасы|башлам",
        "iwwerschrëft|bezeechnung|titel vum tëschefall",
        "سرلیک|د پېښې سرلیک|د پیښې سرلیک|عنوان",
        "titulo|ulohan|titulo sa insidente|ulohan sa insidente",
        "tit|tit ensidan an|tit ensidan|sijè|sije",
        "titel fan it ynsidint|koptekst|ûnderwerp",
    ),
    "date": (
        "датасы|инцидент датасы|көне",
        "datum vum tëschefall|dag",
        "نېټه|نیټه|د پېښې نېټه|د پیښې نیټه",
        "petsa sa insidente|petsa sa hitabo|adlaw",
        "dat|dat ensidan an|dat ensidan|jou",
        "datum fan it ynsidint|dei",
    ),
    "severity": (
        "җитдилек|җитдилек дәрәҗәсе|мөһимлек|авырлык дәрәҗәсе",
        "schwéiergrad|schwéierheet|gravitéit|prioritéit",
        "شدت|د شدت کچه|جدیت",
        "kabug-aton|kabug aton|kabugaton|kagrabe|kagrabehon|kaseryoso|prayoridad|ka-grabe",
        "gravite|nivo gravite|gravite ensidan an|priyorite|enpòtans|enpotans",
        "earnst|earnstichheid|earnst fan it ynsidint|prioriteit|swierte",
    ),
    "services": (
        "кагылган хезмәтләр|зыян күргән хезмәтләр|кагылган сервислар|хезмәтләр",
        "betraffe servicer|betraffen servicer|betraffe servicen|betraffe systemer|servicer",
        "اغېزمن خدمتونه|اغیزمن خدمتونه|اغېزمنې خدمتونه|اغېزمن سیستمونه|خدمتونه",
        "mga serbisyo nga naapektuhan|serbisyo nga naapektuhan|mga naapektuhang serbisyo"
        "|naapektuhang serbisyo|naapektuhan nga mga serbisyo|naapektuhan|mga serbisyo",
        "sèvis ki touche|sevis ki touche|sèvis ki afekte|sevis ki afekte|sèvis afekte|sèvis"
        "|sevis|sistèm ki touche",
        "troffen tsjinsten|troffene tsjinsten|getroffen tsjinsten|tsjinsten|troffen systemen",
    ),
    "symptoms": (
        "симптомнар|билгеләр|без нәрсә күрдек",
        "unzeechen|wat mir gesinn hunn",
        "نښې|نښانې|نښه|څه مو ولیدل",
        "mga simtomas|simtomas|mga timailhan|timailhan|among nakita|unsay among nakita",
        "sentòm|sentom|sentòm yo|sentom yo|siy|sa nou te wè|sa nou te we",
        "ferskynsels|wat wy seagen|wat wy sjoen hawwe",
    ),
    "root_cause": (
        "төп сәбәп|сәбәп|сәбәбе|тамыр сәбәбе",
        "ursaach|grondursaach|haaptursaach",
        "اصلي لامل|لامل|بنسټیز لامل|اصلي علت",
        "gigikanan sa problema|gigikanan|hinungdan|ang hinungdan|tinuod nga hinungdan",
        "kòz rasin|koz rasin|kòz|koz|kòz prensipal|koz prensipal|rasin pwoblèm nan",
        "oarsaak|haadoarsaak|grûnoarsaak|woartel fan it probleem",
    ),
    "resolution": (
        "хәл итү|чишелеш|төзәтү|нәрсә эшләдек",
        "léisung|behiewung|wat mir gemaach hunn",
        "حل|حل لاره|سمون|څه مو وکړل",
        "sulbad|pagsulbad|ang gibuhat|among gibuhat|pag-ayo|pag-ayo sa problema",
        "rezolisyon|solisyon|koreksyon|reparasyon|sa nou te fè|sa nou te fe",
        "oplossing fan it probleem|ferhelping|wat wy dien hawwe|werstel",
    ),
    "action_items": (
        "алга таба эшләр|киләсе адымнар|эшләр|бурычлар",
        "aktiounen|nächst schrëtt|moossnamen|ze maachen",
        "د عمل توکي|د عمل ټکي|راتلونکي ګامونه|راتلونکي گامونه|کړنې|دندې",
        "mga buhaton|buhaton|sunod nga mga lakang|mga lakang|mga sunod nga buhaton",
        "aksyon pou fè|aksyon pou fe|aksyon|pwochen etap|pwochen etap yo|swivi",
        "aksjepunten|aksjes|folgjende stappen|ferfolchstappen|aksjepunt",
    ),
    OTHER: (
        "йогынты|хронология|вакыт сызыгы|йомгак|дәресләр|искәрмәләр",
        "impakt|auswierkung|auswierkungen|zäitlinn|resumé|zesummefassung|léieren|notizen",
        "اغېز|اغیز|مهال وېش|مهال ویش|لنډیز|زده کړې|یادښتونه",
        "kronolohiya|katingbanan|mga leksyon|mga nakat-onan|mga nota|epekto sa kustomer",
        "enpak|kwonoloji|rezime|leson|leson nou aprann",
        "ynfloed|gefolgen|tiidline|gearfetting|lessen|notysjes|opmerkingen",
    ),
}
