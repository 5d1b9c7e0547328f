"""The labels of the house format in the languages of Central and Eastern Europe, Asia and
the Middle East that teams write beside English: a line per language, `|` between spellings
(labels.py adds them to the English spellings and label_languages' ones)."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

# Czech, Turkish and Russian, a line per language (`İ` lower-cases to `i̇`, so both spellings)
_MORE = {
    "id": ("číslo incidentu|olay no|olay numaras\u0131|номер инцидента|инцидент",),
    "title": ("název|başl\u0131k|название|заголовок",),
    "date": ("tarih|дата",),
    "severity": (
        "závažnost|priorita|dopad a závažnost",
        "önem|önem derecesi|öncelik|ciddiyet",
        "критичность|приоритет|серьёзность|серьезность|важность|уровень",
    ),
    "services": (
        "dotčené služby|služby|dotčené systémy",
        "etkilenen servis|etkilenen servisler|servisler|etkilenen sistemler",
        "сервисы|затронутые сервисы|системы|затронутые системы",
    ),
    "symptoms": (
        "příznaky|co jsme viděli|projevy",
        "belirtiler|gözlemler|ne gördük",
        "симптомы|признаки|что видели|проявления|наблюдения",
    ),
    "root_cause": (
        "příčina|hlavní příčina|kořenová příčina",
        "kök neden|neden|kök sebep",
        "причина|корневая причина|первопричина",
    ),
    "resolution": (
        "řešení|oprava|náprava",
        "çözüm|düzeltme",
        "решение|исправление|что сделали",
    ),
    "action_items": (
        "úkoly|akční body|další kroky",
        "yap\u0131lacaklar|aksiyonlar|aksiyon maddeleri",
        "задачи|действия|что дальше|дальнейшие шаги",
    ),
    OTHER: (
        "co to nebylo|časová osa|dopad|shrnutí|odkazy",
        "özet|ilgisiz|i\u0307lgisiz|zaman çizelgesi|etki|zaman ak\u0131ş\u0131",
        "что не было причиной|отброшено|что не относится|не путать|что не причина"
        "|хронология|влияние|итог|ссылки",
    ),
}
# ... Polish, Japanese, Chinese
_MORE_2 = {
    "id": ("インシデントid|インシデント番号|障害番号|障害id|管理番号|事件编号|事件id|故障编号",),
    "title": ("tytuł|件名|タイトル|标题",),
    "date": ("data zdarzenia|発生日時|発生日|日時|发生时间|日期|时间",),
    "severity": ("priorytet|ważność|waga|重大度|重要度|優先度|影響度|级别|严重程度|优先级",),
    "services": (
        "usługi|dotknięte usługi|systemy|影響サービス|対象サービス|影响服务|影响范围|涉及服务",
    ),
    "symptoms": ("objawy|symptomy|co widzieliśmy|発生事象|事象|症状|現象|现象|症状|故障现象",),
    "root_cause": ("przyczyna źródłowa|przyczyna|原因|根本原因|根因|根本原因分析",),
    "resolution": ("rozwiązanie|naprawa|対応内容|対応|復旧対応|处理|处理过程|解决方案|修复",),
    "action_items": ("zadania|działania|再発防止策|今後の対応|后续改进|改进措施|后续行动",),
    OTHER: (
        "co nie było przyczyną|co nie było przyczyną (sprawdzone)|oś czasu|wpływ|podsumowanie",
        "障害概要|概要|タイムライン|経緯|影響|原因ではないもの|排除项|排查过程中排除掉的东西|时间线|影响|概述",
    ),
}
# ... Korean, Vietnamese, and romanised Hindi as an Indian team mixes it into English
_MORE_3 = {
    "id": ("인시던트 id|사고 번호|장애 번호|mã sự cố|số sự cố|mã incident",),
    "title": ("제목|tiêu đề",),
    "date": ("발생일|발생 일시|일시|ngày xảy ra|ngày|thời gian",),
    "severity": ("심각도|우선순위|중요도|mức độ|mức độ nghiêm trọng|độ ưu tiên",),
    "services": ("영향 서비스|영향받은 서비스|대상 서비스|dịch vụ bị ảnh hưởng|dịch vụ",),
    "symptoms": ("증상|현상|triệu chứng|hiện tượng|kya hua|kya dikha",),
    "root_cause": ("원인|근본 원인|nguyên nhân gốc|nguyên nhân|asli wajah|wajah|asli kaaran",),
    "resolution": ("조치|해결|khắc phục|cách khắc phục|giải pháp|fix kya kiya|kya kiya",),
    "action_items": (
        "후속 조치|재발 방지|việc cần làm|hành động tiếp theo|hành động|aage kya karna hai",
    ),
    OTHER: (
        "배제한 것들|배제|원인이 아닌 것|타임라인|영향|요약|những thứ đã loại trừ|đã loại trừ"
        "|dòng thời gian|ảnh hưởng|tóm tắt|yeh nahi tha|yeh wala issue nahi tha|kaun dekh raha tha",
    ),
}
# ... Greek, Lithuanian, Latvian, Hungarian, Finnish, Romanian, Malay and Indonesian
_MORE_4 = {
    "id": (
        "αριθμός συμβάντος|κωδικός συμβάντος|incidento nr|incidento id|incidenta nr|incidenta id"
        "|incidens azonosító|id insiden|no insiden|no. insiden",
    ),
    "title": ("τίτλος|pavadinimas|nosaukums|cím|otsikko|titlu|tajuk|judul",),
    "date": ("ημερομηνία|data ir laikas|datums|dátum|päivämäärä|tarikh|tanggal",),
    "severity": (
        "σοβαρότητα|προτεραιότητα|κρισιμότητα",
        "sunkumas|svarba|prioritetas|nopietnība|smagums|prioritāte",
        "súlyosság|prioritás|vakavuus|prioriteetti|severitate|gravitate",
        "keterukan|tahap keterukan|keparahan|tingkat keparahan|prioritas",
    ),
    "services": (
        "υπηρεσίες|επηρεαζόμενες υπηρεσίες|paveiktos paslaugos|paslaugos|servisi|pakalpojumi"
        "|skartie servisi|skartie pakalpojumi",
        "érintett szolgáltatások|szolgáltatások|palvelut|servicii afectate|servicii",
        "perkhidmatan terjejas|perkhidmatan|layanan terdampak|layanan",
    ),
    "symptoms": (
        "συμπτώματα|τι είδαμε|παρατηρήσεις",
        "simptomai|ką matėme|simptomi|ko redzējām",
        "tünetek|amit láttunk|oireet|mitä näimme|simptome|ce am văzut",
        "gejala|apa yang kami lihat|apa yang dilihat",
    ),
    "root_cause": (
        "αιτία|βασική αιτία|γενεσιουργός αιτία|ριζική αιτία",
        "priežastis|pagrindinė priežastis|šakninė priežastis|cēlonis|pamatcēlonis",
        "kiváltó ok|gyökérok|juurisyy|syy|cauza|cauză|cauza principală|cauza rădăcină",
        "punca|punca utama|punca sebenar|akar masalah|penyebab|penyebab utama",
    ),
    "resolution": (
        "επίλυση|λύση|αντιμετώπιση|αποκατάσταση",
        "sprendimas|ištaisymas|risinājums|labojums",
        "megoldás|javítás|ratkaisu|korjaus|rezolvare|soluție|remediere",
        "penyelesaian|pembetulan|tindakan pembetulan|solusi|perbaikan",
    ),
    "action_items": (
        "ενέργειες|επόμενα βήματα|ενέργειες βελτίωσης",
        "veiksmai|tolesni veiksmai|darbības|turpmākās darbības|uzdevumi",
        "teendők|intézkedések|toimenpiteet|jatkotoimet|acțiuni|pași următori",
        "tindakan susulan|tindakan|tindak lanjut|langkah seterusnya",
    ),
    OTHER: (
        "χρονολόγιο|χρονοδιάγραμμα|επίπτωση|αντίκτυπος|σύνοψη|περίληψη|τι δεν ήταν|άσχετα",
        "laiko juosta|poveikis|santrauka|kas nebuvo priežastis|laika līnija|ietekme|kopsavilkums",
        "idővonal|hatás|összefoglaló|aikajana|vaikutus|yhteenveto|cronologie|impact|rezumat",
        "garis masa|kesan|ringkasan|bukan punca|linimasa|dampak",
    ),
}
# ... Croatian, Serbian, Bosnian and Slovenian; Icelandic; Bulgarian
_MORE_5 = {
    "id": (
        "id incidenta|broj incidenta|oznaka incidenta|številka incidenta|atvik|atviksnúmer",
        "id на инцидента|номер на инцидента|инцидент №",
    ),
    "title": ("naslov|naziv|heiti|titill|заглавие|наименование",),
    "date": ("dagsetning|dagur",),
    "severity": ("ozbiljnost|važnost|resnost|prioriteta|alvarleiki|forgangur|тежест|сериозност",),
    "services": (
        "zahvaćeni servisi|zahvaćene usluge|pogođeni servisi|usluge|prizadete storitve|storitve"
        "|prizadeti servisi|þjónustur|þjónusta|kerfi",
        "засегнати услуги|услуги|засегнати системи",
    ),
    "symptoms": (
        "simptomi|što smo vidjeli|kaj smo videli|einkenni|hvað sáum við|симптоми|какво видяхме",
    ),
    "root_cause": (
        "uzrok|temeljni uzrok|glavni uzrok|korijenski uzrok|osnovni uzrok|vzrok|osnovni vzrok"
        "|glavni vzrok"
        "|rótarorsök|orsök|frumorsök|основна причина|коренна причина",
    ),
    "resolution": (
        "rješenje|rešenje|popravak|rešitev|popravek|lausn|lagfæring|поправка|какво направихме",
    ),
    "action_items": (
        "akcije|sljedeći koraci|zadaci|ukrepi|naslednji koraki|aðgerðir|eftirfylgni|næstu skref",
        "следващи стъпки|последващи действия",
    ),
    OTHER: (
        "utjecaj|vremenska crta|kronologija|sažetak|nije povezano|vpliv|časovnica|povzetek"
        "|ni povezano|áhrif|tímalína|samantekt|ótengt|orðalisti",
        "въздействие|обобщение|не е свързано|несвързано|какво не беше причината|отхвърлено",
    ),
}
# ... Estonian; Hindi (Devanagari); Afrikaans; Malayalam
_MORE_6 = {
    "id": ("intsidendi id|intsidendi number|juhtumi id|घटना आईडी|insident-id|insident id",),
    "title": ("pealkiri|शीर्षक|തലക്കെട്ട്",),
    "date": ("kuupäev|तारीख|दिनांक|തീയതി",),
    "severity": ("tõsidus|raskusaste|prioriteet|गंभीरता|प्राथमिकता|erns|ernstigheid|തീവ്രത",),
    "services": (
        "mõjutatud teenused|teenused|प्रभावित सेवाएं|प्रभावित सेवाएँ|सेवाएं|dienste geraak"
        "|geaffekteerde dienste|dienste|ബാധിച്ച സേവനങ്ങൾ|സേവനങ്ങൾ",
    ),
    "symptoms": ("sümptomid|nähud|mida nägime|लक्षण|simptome|wat ons gesien het|ലക്ഷണങ്ങൾ",),
    "root_cause": ("algpõhjus|juurpõhjus|põhjus|मूल कारण|कारण|grondoorsaak|oorsaak|മൂലകാരണം",),
    "resolution": ("lahendus|parandus|समाधान|हल|oplossing|പരിഹാരം",),
    "action_items": (
        "tegevused|järgmised sammud|कार्रवाई|आगे की कार्रवाई|aksies|opvolgaksies|നടപടികൾ",
    ),
    OTHER: (
        "mõju|ajajoon|kokkuvõte|märkus|mida välistasime|välistatud|प्रभाव|समयरेखा|सारांश|impak"
        "|tydlyn|opsomming",
    ),
}
# ... Tamil; Urdu; Basque
_MORE_7 = {
    "id": (
        "சம்பவ எண்|சம்பவ ஐடி|واقعہ نمبر|واقعہ آئی ڈی|intzidentzia ida|intzidentzia id|gertakari id",
    ),
    "title": ("தலைப்பு|عنوان|izenburua",),
    "date": ("தேதி|تاریخ",),
    "severity": ("தீவிரம்|شدت|larritasuna",),
    "services": ("பாதிக்கப்பட்ட சேவைகள்|சேவைகள்|متاثرہ سروسز|سروسز|zerbitzuak|eragindako zerbitzuak",),
    "symptoms": ("அறிகுறிகள்|علامات|sintomak|ikusitakoa",),
    "root_cause": ("மூல காரணம்|காரணம்|بنیادی وجہ|وجہ|erro-kausa|erro kausa|kausa",),
    "resolution": ("தீர்வு|حل|konponbidea|konponketa",),
    "action_items": ("செயல்கள்|اقدامات|ekintzak|hurrengo urratsak",),
    OTHER: ("தாக்கம்|காலவரிசை|اثر|ٹائم لائن|eragina|kronologia|laburpena|oharra",),
}
# ... Thai; Swahili; Hebrew
_MORE_8 = {
    "id": (
        "รหัสเหตุการณ์|หมายเลขเหตุการณ์|kitambulisho cha tukio|namba ya tukio|מזהה אירוע|מספר אירוע",
    ),
    "title": ("หัวข้อ|ชื่อเหตุการณ์|kichwa|kichwa cha habari|כותרת",),
    "date": ("วันที่|tarehe|תאריך",),
    "severity": ("ความรุนแรง|ระดับความรุนแรง|ukali|חומרה",),
    "services": ("ระบบที่กระทบ|บริการที่กระทบ|huduma zilizoathirika|huduma|שירותים מושפעים|שירותים",),
    "symptoms": ("อาการ|สิ่งที่เห็น|dalili|tulichoona|תסמינים",),
    "root_cause": ("สาเหตุหลัก|สาเหตุ|ต้นเหตุ|chanzo kikuu|chanzo|sababu kuu|גורם שורש|סיבת שורש|סיבה",),
    "resolution": ("การแก้ไข|วิธีแก้|suluhisho|utatuzi|פתרון|תיקון",),
    "action_items": (
        "สิ่งที่ต้องทำต่อ|งานที่ต้องทำต่อ|hatua za kuchukua|hatua zinazofuata|hatua|משימות המשך"
        "|פעולות|צעדים הבאים",
    ),
    OTHER: (
        "ผลกระทบ|ไทม์ไลน์|สรุป|หมายเหตุ|athari|muhtasari|ratiba|maelezo|השפעה|ציר זמן|סיכום|הערות",
    ),
}
# ... Ukrainian; Catalan; Persian
_MORE_9 = {
    "id": ("id інциденту|номер інциденту|id de la incidència|id de la incidencia|شناسه حادثه",),
    "title": ("назва|заголовок|títol|titol|عنوان حادثه",),
    "date": ("дата|data|تاریخ حادثه",),
    "severity": ("серйозність|критичність|gravetat|prioritat|شدت حادثه",),
    "services": ("сервіси|зачеплені сервіси|serveis afectats|serveis|سرویس‌های درگیر|سرویس‌ها",),
    "symptoms": ("симптоми|ознаки|símptomes|simptomes|علائم|نشانه‌ها",),
    "root_cause": ("першопричина|коренева причина|причина|causa arrel|causa|علت اصلی|علت ریشه‌ای",),
    "resolution": ("рішення|виправлення|resolució|resolucio|solució|راه‌حل|راه حل|رفع مشکل",),
    "action_items": ("дії|наступні кроки|accions|acciones de seguiment|اقدامات|اقدامات بعدی",),
    OTHER: ("вплив|хронологія|підсумок|impacte|cronologia|resum|تأثیر|خلاصه|جدول زمانی",),
}
# ... Tagalog; Traditional Chinese; Arabic
_MORE_10 = {
    "id": ("numero ng insidente|事件編號|事件編碼|رقم الحادثة|معرف الحادثة|رقم الحادث",),
    "title": ("pamagat|標題|العنوان",),
    "date": ("petsa|petsa ng insidente|日期|التاريخ",),
    "severity": ("kalubhaan|嚴重程度|嚴重性|الخطورة|درجة الخطورة|الأولوية",),
    "services": (
        "apektadong serbisyo|mga apektadong serbisyo|影響服務|受影響服務|الخدمات المتأثرة|الخدمات",
    ),
    "symptoms": ("mga sintomas|sintomas|症狀|الأعراض|ما رأيناه",),
    "root_cause": ("ugat na sanhi|sanhi|根本原因|原因|السبب الجذري|السبب",),
    "resolution": ("solusyon|lunas|解決方式|解決方法|修復|الحل|المعالجة",),
    "action_items": (
        "mga aksyon|mga susunod na hakbang|後續行動|後續事項|الإجراءات|الخطوات التالية",
    ),
    OTHER: ("epekto|timeline ng pangyayari|影響|時間軸|摘要|التأثير|الجدول الزمني|ملخص",),
}
# ... Bengali; Georgian
_MORE_11 = {
    "id": ("ঘটনা আইডি|ঘটনার আইডি|ইনসিডেন্ট আইডি|ইনসিডেন্ট নম্বর|ინციდენტის id|ინციდენტის ნომერი",),
    "title": ("শিরোনাম|বিষয়|სათაური|დასახელება",),
    "date": ("তারিখ|ঘটনার তারিখ|თარიღი",),
    "severity": ("তীব্রতা|গুরুত্ব|সিভিয়ারিটি|სიმძიმე|კრიტიკულობა|პრიორიტეტი",),
    "services": ("প্রভাবিত সার্ভিস|প্রভাবিত সেবা|সার্ভিস|დაზიანებული სერვისები|სერვისები|მომსახურებები",),
    "symptoms": ("লক্ষণ|উপসর্গ|যা দেখা গেছে|სიმპტომები|ნიშნები|რა დავინახეთ",),
    "root_cause": ("মূল কারণ|কারণ|ძირეული მიზეზი|მიზეზი|ძირითადი მიზეზი",),
    "resolution": ("সমাধান|প্রতিকার|გადაწყვეტა|გამოსწორება|აღდგენა",),
    "action_items": ("করণীয়|পরবর্তী পদক্ষেপ|পদক্ষেপ|სამოქმედო პუნქტები|შემდეგი ნაბიჯები|ქმედებები",),
    OTHER: ("প্রভাব|সময়রেখা|সারসংক্ষেপ|মন্তব্য|გავლენა|ქრონოლოგია|შეჯამება|შენიშვნები",),
}
# ... Armenian
_MORE_12 = {
    "id": ("միջադեպի id|միջադեպի համար",),
    "title": ("վերնագիր",),
    "date": ("ամսաթիվ",),
    "severity": ("լրջություն|կարևորություն",),
    "services": ("ազդված ծառայություններ|ծառայություններ",),
    "symptoms": ("ախտանիշներ|նշաններ",),
    "root_cause": ("արմատային պատճառ|պատճառ",),
    "resolution": ("լուծում|շտկում",),
    "action_items": ("անելիքներ|հետագա քայլեր",),
    OTHER: ("ազդեցություն|ժամանակագրություն|ամփոփում",),
}
# ... Kazakh; Amharic
_MORE_13 = {
    "id": ("инцидент id|инцидент нөмірі|የክስተት መለያ|የክስተት ቁጥር",),
    "title": ("атауы|тақырыбы|ርዕስ",),
    "date": ("күні|ቀን",),
    "severity": ("маңыздылығы|ауырлығы|ክብደት",),
    "services": ("зардап шеккен сервистер|сервистер|የተጎዱ አገልግሎቶች|አገልግሎቶች",),
    "symptoms": ("белгілері|симптомдар|ምልክቶች",),
    "root_cause": ("түпкі себебі|себебі|негізгі себебі|ዋና ምክንያት|ምክንያት",),
    "resolution": ("шешімі|түзету|መፍትሄ",),
    "action_items": ("іс-шаралар|келесі қадамдар|የሚወሰዱ እርምጃዎች|እርምጃዎች",),
    OTHER: ("әсері|хронология|қорытынды|ተጽእኖ|የጊዜ ሰሌዳ|ማጠቃለያ",),
}
# ... Nepali
_MORE_14 = {
    "date": ("मिति",),
    "severity": ("गम्भीरता",),
    "services": ("प्रभावित सेवा|प्रभावित सेवाहरू",),
    "symptoms": ("लक्षणहरू|लक्षण",),
    "action_items": ("कार्य बुँदाहरू|कार्यहरू|अर्को कदम",),
    OTHER: ("अन-कल|प्रभाव|समयरेखा|सारांश",),
}
# ... Albanian
_MORE_15 = {
    "id": ("id e incidentit|id-ja e incidentit|numri i incidentit|nr. i incidentit|incidenti",),
    "title": ("titulli|titull|emërtimi",),
    "date": ("data e incidentit|data e ngjarjes",),
    "severity": ("rëndësia|ashpërsia|niveli i rëndësisë|prioriteti|përparësia",),
    "services": ("shërbimet e prekura|shërbimet e ndikuara|sistemet e prekura|shërbimet",),
    "symptoms": ("simptomat|simptomet|shenjat|çfarë pamë|çka pamë",),
    "root_cause": ("shkaku rrënjësor|shkaku kryesor|shkaku|shkaqet",),
    "resolution": ("zgjidhja|rregullimi|ndreqja|riparimi",),
    "action_items": ("veprimet në vijim|veprimet|hapat e ardhshëm|hapat e mëtejshëm|detyrat",),
    OTHER: ("ndikimi|kronologjia|përmbledhja|shënime|shënim",),
}
_ALL = (
    *(_MORE, _MORE_2, _MORE_3, _MORE_4, _MORE_5, _MORE_6, _MORE_7, _MORE_8, _MORE_9, _MORE_10),
    _MORE_11,
    _MORE_12,
    _MORE_13,
    _MORE_14,
    _MORE_15,
)
EAST: dict[str, tuple[str, ...]] = {
    k: tuple(spelling for more in _ALL for spelling in more.get(k, ())) for k in set().union(*_ALL)
}


# Serbian is written in both scripts, letter for letter: a Cyrillic label (`Симптоми`,
# `Основни узрок`) is read as its Latin spelling (`simptomi`, `osnovni uzrok`) when the
# Cyrillic one is not known. (Russian's own letters, `ы`, `я`, have no Latin here.)
_SERBIAN_LATIN = str.maketrans(
    {
        **dict(zip("абвгдђежзијклмнопрстћуфхцчш", "abvgdđežzijklmnoprstćufhcčš", strict=True)),
        **{"љ": "lj", "њ": "nj", "џ": "dž"},
    }
)


def serbian_latin(text: str) -> str:
    """`основни узрок` -> `osnovni uzrok` (lower-case text; other letters are kept)."""
    return text.translate(_SERBIAN_LATIN)
