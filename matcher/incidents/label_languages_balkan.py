"""The labels of the house format in more languages of Europe that teams write beside English
(labels.py adds them to the others): Macedonian of the Balkans (Cyrillic, its own spellings
beside the Bulgarian and Serbian ones of label_languages_east), Belarusian (Cyrillic, its own
spellings beside the Russian and Ukrainian ones there), Bosnian (Latin, only what the Croatian
and Serbian ones there lack: `Akcioni koraci`, `Šta smo vidjeli`) and Maltese (Latin with its
own letters, beside the Italian ones of label_languages). A line per language, `|` between
spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

BALKAN: dict[str, tuple[str, ...]] = {
    "id": (
        "id на инцидент|id на инцидентот|број на инцидент|број на инцидентот|инцидент бр.",
        "id інцыдэнту|id інцыдэнта|нумар інцыдэнту|нумар інцыдэнта|інцыдэнт №",
        "id tal-inċident|numru tal-inċident|l-id tal-inċident|numru tal-inċidenti|inċident nru",
    ),
    "title": (
        "наслов|назив|наслов на инцидентот",
        "загаловак|назва інцыдэнту",
        "naslov incidenta",
        "titlu|isem tal-inċident",
    ),
    "date": ("датум|датум на инцидентот", "дата інцыдэнту", "datum incidenta", "data tal-inċident"),
    "severity": (
        "сериозност|тежина|ниво на сериозност|приоритет",
        "сур'ёзнасць|сур’ёзнасць|сурʼёзнасць|узровень сур'ёзнасці|крытычнасць|прыярытэт",
        "nivo ozbiljnosti|stepen ozbiljnosti",
        "serjetà|livell ta' severità|livell ta’ severità|prijorità",
    ),
    "services": (
        "засегнати сервиси|засегнати услуги|засегнати системи|погодени сервиси|сервиси",
        "закранутыя сэрвісы|закранутыя сервісы|закранутыя сістэмы|сэрвісы",
        "pogođene usluge|pogođeni sistemi|zahvaćeni sistemi|servisi",
        "servizzi affettwati|servizzi milquta|sistemi affettwati|servizzi",
    ),
    "symptoms": (
        "симптоми|што видовме|што забележавме",
        "сімптомы|прыкметы|што бачылі",
        "šta smo vidjeli|šta smo primijetili",
        "x'rajna|x’rajna|dak li rajna",
    ),
    "root_cause": (
        "основна причина|коренска причина|главна причина|причина",
        "першапрычына|каранёвая прычына|асноўная прычына|прычына",
        "uzrok problema",
        "kawża ewlenija|kawża prinċipali|kawża primarja|kawża",
    ),
    "resolution": (
        "решение|поправка|што направивме",
        "вырашэнне|рашэнне|выпраўленне|што зрабілі",
        "ispravka|šta smo uradili",
        "riżoluzzjoni|soluzzjoni|tiswija|x'għamilna|x’għamilna",
    ),
    "action_items": (
        "акциски точки|акциони точки|следни чекори|понатамошни чекори|задачи",
        "задачы|далейшыя крокі|наступныя крокі|дзеянні",
        "akcioni koraci|akcione stavke|naredni koraci|dalji koraci|daljnji koraci",
        "azzjonijiet|passi li jmiss|il-passi li jmiss|azzjonijiet ta' segwitu",
    ),
    OTHER: (
        "влијание|временска линија|хронологија|резиме|забелешки",
        "уплыў|храналогія|падсумаванне|нататкі|урокі",
        "uticaj|hronologija|vremenska linija|rezime|napomene|pouke|naučene lekcije",
        "impatt|kronoloġija|sommarju|noti|lezzjonijiet|lezzjonijiet meħuda",
    ),
}
