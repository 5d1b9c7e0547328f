"""The labels of the house format in Sundanese, Turkmen and Māori (labels.py adds them to the
others): Sundanese as its teams write it, beside the Indonesian of label_languages_east
(`Gejala`, `Tindak Lanjut`, `Akar Masalah` are both's), with its `é` that a keyboard without it
drops; Turkmen in its Latin script (`ý`, `ň`, `ş`, `ä`, `ö`, `ü`, `ç`, `ž`); Māori with its
macrons (`ā`, `ō`, `ū`) or without them. Each spelling is also read without its accents, as a
keyboard without them writes it (`SU_TK_MI` holds both). A line per language, `|` between
spellings. The sections that say their items are not the incident's (`Lain gejala`, `Bu hadysa
degişli däl`, `Ehara i te hapa`) are no field: what is under them is never a symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "nomer kajadian|nomor kajadian|no. kajadian|id kajadian|kode kajadian|nomer kajadianana",
        "hadysa id|hadysa id-si|hadysanyň id-si|hadysa belgisi|hadysanyň belgisi|hadysa nomeri"
        "|hadysanyň nomeri|waka id",
        "tohu aituā|te tohu aituā|nama aituā|tau aituā|id aituā|tohu o te aituā",
    ),
    "title": (
        "judul|jejer|judul kajadian|irah-irahan",
        "sözbaşy|hadysanyň ady|tema|mowzuk",
        "taitara|te taitara|upoko|ingoa o te aituā",
    ),
    "date": (
        "tanggal|tanggal kajadian|titimangsa|waktos kajadian",
        "senesi|sene|hadysanyň senesi",
        "te rā|te rā o te aituā",  # (not a bare `Rā`: `**Ran:**` is one letter off)
    ),
    "severity": (
        "tingkat bahaya|tingkat kaparahan|kaparahan|tingkat seriusna|tahap bahaya",
        "agyrlyk derejesi|agyrlyk|howplulyk derejesi|ähmiýet derejesi|möhümlik derejesi",
        "te taumaha|taumaha|te kaha o te aituā|te hōhonu",
    ),
    "services": (
        "layanan nu kapangaruhan|layanan anu kapangaruhan|layanan nu kadampak|layanan anu"
        " kadampak|layanan nu katarajang|layanan kapangaruhan",
        "täsir eden hyzmatlar|täsir edilen hyzmatlar|zeper ýeten hyzmatlar|hyzmatlar",
        "ngā ratonga i pāngia|ratonga i pāngia|ngā ratonga|ngā ratonga i pā|ngā pūnaha i pāngia",
    ),
    "symptoms": (
        "gejala|gejala-gejala|tanda-tanda|naon nu katingali|nu katingali|anu katémbong",
        "alamatlar|alamatlary|alamat|görlen alamatlar|näme gördük|nämeleri gördük",
        "ngā tohu|tohu|ngā tohu i kitea|ngā mea i kitea",
    ),
    "root_cause": (
        "akar masalah|sabab utama|cukang lantaran|sababna|panyabab|anu nyababkeun",
        "esasy sebäp|sebäp|sebäbi|kök sebäp|düýp sebäp",
        "te pūtake|pūtake|te take|te pūtake matua|te take matua",
    ),
    "resolution": (
        "cara ngabéréskeun|cara ngungkulan|pangréngsé|ngabéréskeun|pamecahan|solusi",
        "çözgüt|çözgüdi|düzediş|näme etdik|çözülişi",
        "te rongoā|rongoā|te whakatika|whakatikatika|te otinga",
    ),
    "action_items": (
        "tindak lanjut|léngkah saterusna|pagawéan saterusna|nu kudu dipigawé",
        "ediljek işler|indiki ädimler|meýilleşdirilen işler|etmeli işler",
        "ngā mahi whai muri|mahi whai muri|ngā mahi e whai ake nei|ngā mahi hei whai",
    ),
    OTHER: (
        "dampak|pangaruh|kronologi|runtuyan waktu|ringkesan|kasimpulan|palajaran|catetan"
        "|lain gejala|lain masalah ieu|teu aya patalina",
        "täsir|wagt hatary|wagt tertibi|gysgaça|gysgaça mazmuny|sapaklar|bellikler"
        "|bu hadysa degişli däl|degişli däl|hadysa degişli däl|baglanyşygy ýok",
        "ngā pānga|pānga|te rārangi wā|rārangi wā|whakarāpopototanga|ngā akoranga|tuhipoka"
        "|ehara i te hapa|ehara i tēnei aituā|ehara i te tohu",
    ),
}


def _with_bare(line: str) -> str:
    """The spellings of a line and, after them, those written without accents."""
    spellings = line.split("|")
    bare = [unaccented(s) for s in spellings]
    return "|".join(dict.fromkeys([*spellings, *bare]))


SU_TK_MI: dict[str, tuple[str, ...]] = {
    name: tuple(_with_bare(line) for line in lines) for name, lines in _AS_WRITTEN.items()
}
