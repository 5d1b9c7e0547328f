"""The labels of the house format in more languages of Asia that teams write beside English
(labels.py adds them to the others): Uzbek (Latin, its `o'` and `g'` written with a turned
comma or an apostrophe), Mongolian (Cyrillic) and Sinhala. A line per language, `|` between
spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

ASIA: dict[str, tuple[str, ...]] = {
    "id": (
        "hodisa id|hodisa raqami|insident id|insident raqami",
        "инцидентийн дугаар",
        "සිද්ධි අංකය",
    ),
    "title": ("sarlavha|nomi", "гарчиг", "මාතෘකාව"),
    "date": ("sana", "огноо", "දිනය"),
    "severity": ("jiddiylik|muhimlik darajasi", "түвшин|ноцтой байдал", "බරපතලකම"),
    "services": (
        "ta’sirlangan xizmatlar|ta'sirlangan xizmatlar|taʼsirlangan xizmatlar|xizmatlar",
        "нөлөөлсөн сервис|нөлөөлсөн сервисүүд|сервисүүд",
        "බලපෑමට ලක් වූ සේවා|සේවා",
    ),
    "symptoms": ("belgilar|alomatlar", "шинж тэмдэг|шинж тэмдгүүд", "රෝග ලක්ෂණ|ලක්ෂණ"),
    "root_cause": ("asosiy sabab|sabab", "үндсэн шалтгаан|шалтгаан", "මූල හේතුව|හේතුව"),
    "resolution": ("yechim|hal qilish", "шийдвэрлэлт|шийдэл", "විසඳුම"),
    "action_items": (
        "vazifalar|keyingi qadamlar",
        "цаашид хийх ажил|хийх ажлууд",
        "ඉදිරි ක්‍රියාමාර්ග|ක්‍රියාමාර්ග",
    ),
    OTHER: ("ta’sir|ta'sir|xronologiya|xulosa", "нөлөө|он цагийн дараалал|дүгнэлт", "බලපෑම"),
}
