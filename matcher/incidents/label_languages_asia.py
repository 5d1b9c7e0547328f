"""The labels of the house format in more languages of Asia that teams write beside English
(labels.py adds them to the others): Uzbek (Latin, its `o'` and `g'` written with a turned
comma or an apostrophe), Mongolian (Cyrillic), Sinhala, Azerbaijani, Tajik and Khmer. A line
per language, `|` between spellings."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

ASIA: dict[str, tuple[str, ...]] = {
    "id": (
        "hodisa id|hodisa raqami|insident id|insident raqami",
        "инцидентийн дугаар",
        "සිද්ධි අංකය",
        "hadisə id|hadisə nömrəsi",
        "рақами ҳодиса",
        "លេខសម្គាល់ឧប្បត្តិហេតុ",
    ),
    "title": ("sarlavha|nomi", "гарчиг", "මාතෘකාව", "başlıq", "сарлавҳа|унвон", "ចំណងជើង"),
    "date": ("sana", "огноо", "දිනය", "tarix", "сана|санаи ҳодиса", "កាលបរិច្ឆេទ"),
    "severity": (
        "jiddiylik|muhimlik darajasi",
        "түвшин|ноцтой байдал",
        "බරපතලකම",
        "ciddilik|ciddiyyət",
        "ҷиддият|дараҷаи ҷиддият",
        "កម្រិតធ្ងន់ធ្ងរ",
    ),
    "services": (
        "ta’sirlangan xizmatlar|ta'sirlangan xizmatlar|taʼsirlangan xizmatlar|xizmatlar",
        "нөлөөлсөн сервис|нөлөөлсөн сервисүүд|сервисүүд",
        "බලපෑමට ලක් වූ සේවා|සේවා",
        "təsirlənən xidmətlər|xidmətlər",
        "хизматҳои осебдида|хизматҳо",
        "សេវាកម្មដែលរងផលប៉ះពាល់",
    ),
    "symptoms": (
        "belgilar|alomatlar",
        "шинж тэмдэг|шинж тэмдгүүд",
        "රෝග ලක්ෂණ|ලක්ෂණ",
        "əlamətlər|simptomlar",
        "нишонаҳо|аломатҳо",
        "រោគសញ្ញា",
    ),
    "root_cause": (
        "asosiy sabab|sabab",
        "үндсэн шалтгаан|шалтгаан",
        "මූල හේතුව|හේතුව",
        "kök səbəb|səbəb",
        "сабаби асосӣ|сабаб",
        "មូលហេតុចម្បង|មូលហេតុ",
    ),
    "resolution": ("yechim|hal qilish", "шийдвэрлэлт|шийдэл", "විසඳුම", "həll", "ҳал", "ដំណោះស្រាយ"),
    "action_items": (
        "vazifalar|keyingi qadamlar",
        "цаашид хийх ажил|хийх ажлууд",
        "ඉදිරි ක්‍රියාමාර්ග|ක්‍රියාමාර්ග",
        "tədbirlər|növbəti addımlar",
        "чораҳои минбаъда|чораҳо",
        "ការងារត្រូវធ្វើបន្ត",
    ),
    OTHER: (
        "ta’sir|ta'sir|xronologiya|xulosa",
        "нөлөө|он цагийн дараалал|дүгнэлт",
        "බලපෑම",
        "növbətçi|təsir|xronologiya",
        "таъсир|хронология",
        "ផលប៉ះពាល់",
    ),
}
