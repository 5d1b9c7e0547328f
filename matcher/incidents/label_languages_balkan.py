"""The labels of the house format in more languages of the Balkans that teams write beside
English (labels.py adds them to the others): Macedonian (Cyrillic, its own spellings beside the
Bulgarian and Serbian ones of label_languages_east). A line per language, `|` between
spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

BALKAN: dict[str, tuple[str, ...]] = {
    "id": ("id на инцидент|id на инцидентот|број на инцидент|број на инцидентот|инцидент бр.",),
    "title": ("наслов|назив|наслов на инцидентот",),
    "date": ("датум|датум на инцидентот",),
    "severity": ("сериозност|тежина|ниво на сериозност|приоритет",),
    "services": ("засегнати сервиси|засегнати услуги|засегнати системи|погодени сервиси|сервиси",),
    "symptoms": ("симптоми|што видовме|што забележавме",),
    "root_cause": ("основна причина|коренска причина|главна причина|причина",),
    "resolution": ("решение|поправка|што направивме",),
    "action_items": ("акциски точки|акциони точки|следни чекори|понатамошни чекори|задачи",),
    OTHER: ("влијание|временска линија|хронологија|резиме|забелешки",),
}
