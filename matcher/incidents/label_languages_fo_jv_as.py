"""The labels of the house format in Faroese, Javanese and Assamese (labels.py adds them to the
others): Faroese with its own letters (`ð`, `ø`) and accents, which a label is also read
without; Javanese as its teams write it in ngoko, in the Latin script, beside the Indonesian of
label_languages_asia (`Tanggal`, `Gejala` are both's); Assamese in its script, which it shares
with Bengali but for `ৰ` and `ৱ` (Bengali's labels are in label_languages_east). A line per
language, `|` between spellings. (`য়` is written as its two code points, as editors type it.)"""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

FO_JV_AS: dict[str, tuple[str, ...]] = {
    "id": (
        "hendingar-id|hendingar id|hendingarnummar|hendingar-nr|id hendingarinnar|hending-id",
        "nomer kedadeyan|nomer kedadean|id kedadeyan|id kedadean|nomer kadadeyan",
        "ঘটনাৰ আইডি|ঘটনা আইডি|ঘটনাৰ নম্বৰ|ঘটনাৰ নং|ইনচিডেণ্ট আইডি",
    ),
    "title": (
        "heiti|yvirskrift|heiti á hending|tittul",
        "irah-irahan|irah irahan|irah-irahane|judhul|sesirah",
        "শিৰোনাম|বিষয়|ঘটনাৰ শিৰোনাম",
    ),
    "date": (
        "dagfesting|dagur|dato|hendingardagur",
        "tanggal kedadeyan|tanggal kedadean",
        "তাৰিখ|ঘটনাৰ তাৰিখ",
    ),
    "severity": (
        "álvarsstig|álvarsemi|álvarssemi|raðfesting|týdningsstig",
        "tingkat abote|abote|tingkat kaabotan|kaabotan|tingkat bebaya",
        "গুৰুত্ব|তীব্ৰতা|গুৰুত্বৰ স্তৰ",
    ),
    "services": (
        "ávirkaðar tænastur|ávirkaðar skipanir|ávirkað tænasta|tænastur",
        "layanan sing kena|layanan kang kena|layanan sing kena pengaruh|layanan sing kena dampak",
        "প্ৰভাৱিত সেৱা|প্ৰভাৱিত সেৱাসমূহ|প্ৰভাৱিত চাৰ্ভিচ|সেৱাসমূহ",
    ),
    "symptoms": (
        "eyðkenni|sjúkueyðkenni|hvat sóu vit",
        "gejala|tandha-tandha|tandha|sing katon",
        "লক্ষণ|লক্ষণসমূহ|কি দেখা গ'ল|কি দেখিলোঁ",
    ),
    "root_cause": (
        "grundorsøk|orsøk|høvuðsorsøk",
        "oyot masalah|oyote masalah|sabab utama|sababe|panyebab",
        "মূল কাৰণ|কাৰণ",
    ),
    "resolution": (
        "loysn|úrbót|hvat gjørdu vit",
        "cara ndandani|pandandan|ndandani|cara ngatasi",
        "সমাধান|প্ৰতিকাৰ|কি কৰিলোঁ",
    ),
    "action_items": (
        "tiltøk|næstu stig|uppgávur|eftirfylging",
        "tindak lanjut|langkah sabanjure|gawean sabanjure",
        "কৰিবলগীয়া কাম|পৰৱৰ্তী পদক্ষেপ|পদক্ষেপসমূহ",
    ),
    OTHER: (
        "ávirkan|tíðarlinja|samandráttur|lærdómar|viðmerkingar",
        "dampak|pengaruh|urutan wektu|ringkesan|piwulang",
        "প্ৰভাৱ|সময়ৰেখা|সাৰাংশ|টোকা|শিক্ষা",
    ),
}
