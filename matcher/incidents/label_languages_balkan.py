"""The labels of the house format in more Slavic languages that teams write beside English
(labels.py adds them to the others): Macedonian of the Balkans (Cyrillic, its own spellings
beside the Bulgarian and Serbian ones of label_languages_east) and Belarusian (Cyrillic, its own
spellings beside the Russian and Ukrainian ones there). A line per language, `|` between
spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

BALKAN: dict[str, tuple[str, ...]] = {
    "id": (
        "id на инцидент|id на инцидентот|број на инцидент|број на инцидентот|инцидент бр.",
        "id інцыдэнту|id інцыдэнта|нумар інцыдэнту|нумар інцыдэнта|інцыдэнт №",
    ),
    "title": ("наслов|назив|наслов на инцидентот", "загаловак|назва інцыдэнту"),
    "date": ("датум|датум на инцидентот", "дата інцыдэнту"),
    "severity": (
        "сериозност|тежина|ниво на сериозност|приоритет",
        "сур'ёзнасць|сур’ёзнасць|сурʼёзнасць|узровень сур'ёзнасці|крытычнасць|прыярытэт",
    ),
    "services": (
        "засегнати сервиси|засегнати услуги|засегнати системи|погодени сервиси|сервиси",
        "закранутыя сэрвісы|закранутыя сервісы|закранутыя сістэмы|сэрвісы",
    ),
    "symptoms": ("симптоми|што видовме|што забележавме", "сімптомы|прыкметы|што бачылі"),
    "root_cause": (
        "основна причина|коренска причина|главна причина|причина",
        "першапрычына|каранёвая прычына|асноўная прычына|прычына",
    ),
    "resolution": ("решение|поправка|што направивме", "вырашэнне|рашэнне|выпраўленне|што зрабілі"),
    "action_items": (
        "акциски точки|акциони точки|следни чекори|понатамошни чекори|задачи",
        "задачы|далейшыя крокі|наступныя крокі|дзеянні",
    ),
    OTHER: (
        "влијание|временска линија|хронологија|резиме|забелешки",
        "уплыў|храналогія|падсумаванне|нататкі|урокі",
    ),
}
