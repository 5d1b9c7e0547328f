"""Verdicts in more languages teams write beside English (verdict_languages.py joins them to
the others): Macedonian, Marathi, Indonesian, Punjabi, Belarusian, Kurdish Sorani, Kannada,
Maltese, Bosnian, Odia, Kinyarwanda, isiZulu, Hausa, Uyghur, Somali, Tatar, Luxembourgish (with
the French its teams mix in), Pashto, Cebuano (with the Tagalog its teams mix in), Haitian
Creole and West Frisian. Unrelated, not this incident, not part of it, a separate ticket, does
not count, only a retry or a health check, a consequence, ignore it."""

from __future__ import annotations

# Macedonian (`не е поврзано со инцидентот`, `посебна работа`, `од друг извештај`, `не е ова`,
# `Тоа е последица`, `само нашата порака`, `не ги бројте`), Marathi (`याचा संबंध नाही`, `error
# नाही`, `या घटनेचा भाग नाही`, `वेगळा bug`, `मोजू नका`, `फक्त stats`, `आमच्या pool ची retry`)
# and Indonesian (`bukan bagian insiden`, `beda urusan`, `lain cerita`, `jgn dihitung`, `cuma
# WARNING dari retry kita`, `health check doang`, `udah ada tiketnya sendiri`). A Devanagari
# word that ends in a vowel sign ends no `\w` run: the Marathi ones are read without `\b`.
MORE_VERDICT = (
    r"\bне (?:е|се|беше|беа) (?:поврзан\w*|дел\b|грешк\w*|причин\w*|симптом\w*|проблемот\b"
    r"|(?:овој|тој|истиот|нашиот) (?:инцидент|проблем|случај)|ова\b|тоа\b)|\bнеповрзан\w*"
    r"|\bнема(?:ат)? (?:никаква )?врска|\bпосеб(?:ен|на|но|ни) (?:грешк|проблем|работ|тикет|баг"
    r"|инцидент|приказн|случај)\w*|\bдруг(?:а|о|и)? (?:извештај|проблем|грешка|баг|тикет|инцидент"
    r"|приказна|работа|случај)\b|\bне (?:ги |го |ја )?бро(?:и|ј)(?:ме|те)?\b|\bне се брои"
    r"|\bне (?:ги |го )?мешај(?:те)?\b|\bда не се меша|\bзанемар\w*|\bспоредн\w* (?:ефект|појав)"
    r"|\bсамо (?:наш\w* |\w+ )?(?:порак|предупредувањ|проверк|трага)\w*"
    r"|\bсамо (?:наш\w* )?(?:retry|health check)|\b(?:е|се) (?:само )?предупредувањ\w*"
    r"|\bнаш(?:ата|иот|ето|ите) (?:\S+ )?(?:предупредувањ|health check|проверк|retry)\w*"
    r"|संबंध नाही|संबंधित नाही|संबंध नसलेल|(?:घेणं|घेणे) ?(?:देणं|देणे) नाही|भाग नाही|भाग नव्हत"
    r"|(?:error|errors|एरर|त्रुटी|चूक|incident|घटने?\S*|timeout|bug|issue|समस्या|cause|कारण"
    r"|लक्षण|ओळ|ओळी|line|message)\s+नाही(?!स)"
    r"|(?:ही|हा|हे|ते|ती|तो) (?:\S+ )?पण नाही(?=\s*(?:[.,;।)\u2014\u2013-]|$))"
    r"|वेगळ(?:ा|ी|े|ं) (?:bug|issue|ticket|टिकेट|तिकीट|message|प्रश्न|मुद्दा|विषय|समस्या|घटना"
    r"|प्रकार|error|त्रुटी|गोष्ट|प्रकरण)|मोज(?:ू नका|त नाही|ली नाही|ले नाही|ायच\S* नाही)"
    r"|गणू नका|धरू नका|विचारात घेऊ नका|दुर्लक्ष कर|ignore कर|alert लावू नका|परिणाम आहे|दुष्परिणाम"
    r"|गोंधळ(?:ून जाऊ| घालू| करू) नका|confuse (?:होऊ|करू) नका"
    r"|फक्त (?:retry|stats|माहिती|health check|INFO|DEBUG|notice)"
    r"|आमच(?:्या|ी|ा|े)(?:च)? (?:\S+ ){0,2}?(?:retry|WARNING|INFO|health check|cleanup)"
    r"|\bbukan (?:ini|itu|yang ini|yg ini)\b(?!\s+(?:aja|saja|doang|semua))"
    r"|\bbukan (?:bagian|kejadian|insiden|sumber|akar)\w*|\b(?:gak|ga|nggak|enggak|ngga|gk|tdk"
    r"|tidak|tak) (?:ada )?(?:relevan|hubungan\w*|kaitan\w*|terkait|berkaitan)\b"
    r"|\bbeda (?:urusan|cerita|masalah|kasus|hal|isu|bug|tiket|error|kejadian)\b"
    r"|\b(?:lain|beda) cerita\b|\b(?:cerita|urusan|kasus) lain\b|\befek samping\b"
    r"|\b(?:jangan|jgn|gak usah|ga usah|nggak usah|gausah|tidak usah|tak usah|tdk usah)"
    r" (?:(?:di)?(?:hitung|itung|masuk|anggap)\w*|dipake|dipakai)"
    r"|\b(?:tidak|tak|gak|nggak|ga) dihitung\b"
    r"|\b(?:cuma|cuman|hanya|sekadar|sekedar) (?:log )?(?:warning|info|debug|retry|health ?check"
    r"|statistik|peringatan)\b|\b(?:retry|health ?check|warning|info) doang\b"
    r"|\b(?:itu|ini) (?:cuma |hanya )?(?:retry|health ?check|cleanup|warning) (?:punya |dari )?"
    r"(?:kita|kami)\b|\btiket\w* (?:sendiri|terpisah|tersendiri)\b"
    r"|\b(?:isu|masalah|kasus) (?:terpisah|tersendiri)\b"
    # ... Punjabi (Gurmukhi: `ਕੋਈ ਲੈਣਾ-ਦੇਣਾ ਨਹੀਂ`, `ਇਸ ਘਟਨਾ ਦਾ ਹਿੱਸਾ ਨਹੀਂ`, `error ਨਹੀਂ`, `ਵੱਖਰਾ bug`,
    # `ਨਾ ਗਿਣੋ`, `ਲੱਛਣ ਨਾ ਸਮਝੋ`, `ਸਿਰਫ਼ health check`, `ਸਾਡੀ ਆਪਣੀ retry`; its vowel signs and
    # `ਂ` end no `\w` run either: read without `\b`, and `ਸਿਰਫ਼` with or without its nukta)
    r"|(?<!ਕੋਈ )(?:error|errors|ਐਰਰ|ਗ\u0a3c?ਲਤੀ|ਤਰੁੱਟੀ|ਲੱਛਣ|ਕਾਰਨ|cause|timeout|incident|ਘਟਨਾ|bug"
    r"|issue|ਸਮੱਸਿਆ|line|ਲਾਈਨ|message|FATAL)\s+ਨਹੀਂ"
    r"(?!\s+(?:ਆ|ਮਿਲ|ਦਿਸ|ਦਿਖ|ਦੇਖ|ਵੇਖ|ਲੱਭ|ਹੋਇ|ਹੋਈ|ਹੋਏ|ਰਹ|ਕਰ|ਛੱਡ|ਬਚ))"
    r"|(?:ਹਿੱਸਾ|ਹਿੱਸੇ|ਭਾਗ|ਸਬੰਧ|ਸੰਬੰਧ|ਸਬੰਧਤ|ਸਬੰਧਿਤ|ਸੰਬੰਧਿਤ|ਵਾਸਤਾ|ਲੈਣਾ[- ]ਦੇਣਾ|ਲੈਣ[- ]ਦੇਣ)"
    r"(?: ਵੀ| ਹੀ)? ਨਹੀਂ|(?:ਇਸ|ਘਟਨਾ|incident|ਮਸਲੇ|ਸਮੱਸਿਆ) ਨਾਲ (?:ਨਹੀਂ ਜੁੜ|ਜੁੜ\S* ਨਹੀਂ)"
    r"|(?:ਘਟਨਾ|incident) (?:ਦਾ|ਦੀ|ਦੇ) ਨਹੀਂ|ਵੱਖਰ(?:ਾ|ੀ|ੇ) (?:bug|issue|ਮਸਲਾ|ਮਾਮਲਾ|ਸਮੱਸਿਆ|error"
    r"|ਗ\u0a3c?ਲਤੀ|FATAL|ticket|ਟਿਕਟ|ਗੱਲ|ਘਟਨਾ|ਕਹਾਣੀ|ਕੇਸ)|(?:ticket|ਟਿਕਟ) ਵੱਖਰੀ|ਹੋਰ (?:bug|ਮਸਲਾ|ਮਾਮਲਾ"
    r"|ਸਮੱਸਿਆ|ਗੱਲ|ਕਹਾਣੀ)|ਨਾ ਗਿਣ(?:ੋ|ਿਓ|ਣਾ|ੀਏ)|ਨਹੀਂ ਗਿਣ|ਗਿਣ(?:ਿਆ|ੀ|ੇ|ਦੇ|ਦਾ|ਦੀ) ਨਹੀਂ|ਗਿਣਤੀ ਵਿੱਚ ਨਾ"
    r"|ਨਾ (?:ਮੰਨ|ਸਮਝ)(?:ੋ|ਿਓ|ਣਾ)|ਨਹੀਂ ਮੰਨ(?:ਿਆ|ੀ|ੇ|ਦੇ|ਦਾ|ਦੀ)|ਧਿਆਨ ਨਾ ਦਿ|ignore ਕਰ|ਅਣਡਿੱਠ"
    r"|ਨ(?:ਜ|\u0a5b)\u0a3c?ਰ ?ਅੰਦਾ(?:ਜ|\u0a5b)|ਭੁਲੇਖਾ ਨਾ|ਨਾ ਰਲਾ|ਰਲਗੱਡ ਨਾ|ਨਤੀਜਾ ਹੈ"
    r"|(?:ਵਾਲ(?:ਾ|ੀ|ੇ) (?:\S+ )?|ਇਹ |ਉਹ )ਵੀ (?:ਇਹ )?ਨਹੀਂ(?=\s*(?:[.,;।|)\u2014\u2013-]|$))"
    r"|ਸਿਰ(?:ਫ\u0a3c?|\u0a5e) (?:retry|health check|INFO|DEBUG|notice|ਜਾਣਕਾਰੀ|check|ਚੈੱਕ|stats|ਗਿਣਤੀ)"
    r"|ਸਾਡ(?:ੀ|ਾ|ੇ)(?: ਆਪਣ(?:ੀ|ਾ|ੇ))? (?:\S+ ){0,2}?(?:retry|WARNING|INFO|health check|cleanup"
    r"|check|ਚੈੱਕ)"
    # ... Belarusian (`гэта НЕ той інцыдэнт`, `не памылка`, `за сімптом не лічым`, `асобная
    # гісторыя`, `дачынення не мае`, `іншы баг`, `заведзены асобна`, `не блытаць`, `наша ўласнае
    # папярэджанне`, `толькі трасіроўка`), its own words beside the Russian and Ukrainian ones;
    # a bare `не памылка` in parentheses is about the text it follows there, not the bullet's
    r"|\bне (?:той|тая|тое|гэты|гэтая|гэтае|наш|наша) (?:інцыдэнт|праблем|памылк|выпад|сімптом"
    r"|збой)\w*|\bне (?:сама |сам )?(?:памылк|сімптом|прычын)\w*(?![^()\n]*\))"
    r"|\bне з['’ʼ]яўл\w* (?:памылк|сімптом|прычын)\w*|\bне [уў]?ліч\w*|\bне адно[сш]\w*"
    r"|\bне датыч\w*|\b(?:не |ня )?звязан\w* з (?:гэтым|інцыдэнт)\w*|\bне звязан\w*"
    r"|\b(?:дачынення|адносін) не ма(?:е|юць|ла|ў|лі)\b"
    r"|\bне ма(?:е|юць|ла|ў|лі) (?:ніякага |ніякіх )?(?:дачынення|адносін)\b|\bніякага дачынення\b"
    r"|\bінш(?:ы|ая|ае|ыя|ой|ога) (?:баг|праблем|памылк|гісторы|інцыдэнт|справ|паведамленн|выпад"
    r"|тыкет|тікет)\w*|\bасобн(?:ая|ы|ае|ыя|ай) (?:гісторы|праблем|памылк|баг|тыкет|інцыдэнт"
    r"|выпад|справ)\w*|\bзаведзен\w* асобна\b|\bасобна заведзен\w*|\bне (?:пера)?блыта\w*"
    r"|\bнаступств\w*|\bтолькі (?:трасіроўк|паўтор|рэтра|праверк|папярэджанн|heartbeat|retry"
    r"|health check|info|debug|warning)\w*|\bгэта (?:проста )?(?:паўтор|рэтрай|retry|heartbeat)\w*"
    r"|\bнаш(?:а|ы|ае|ыя)? (?:уласн\w+ )?(?:heartbeat|папярэджанн|праверк|загаловак|retry|рэтра"
    r"|health check)\w*|\bігнар\w*"
    # ... Kurdish Sorani (`هەڵە نییە`, `هەڵەی ئەم ڕووداوە نییە`, `بەشێک نییە لەم ڕووداوە`,
    # `پەیوەندی بەم ڕووداوەوە نییە`, `هەڵەیەکی ترە`, `نایانژمێرین`, `تەنها INFO ـە`, `ئەنجامی
    # هەڵەکەیە`), its own words beside Persian's
    r"|(?<!هیچ )(?:هەڵە|هەڵەکە|هەڵەی \S+(?: \S+)?|دێڕی هەڵە|بەشێک|بەشی \S+(?: \S+)?|هۆکاری \S+"
    r"|نیشانە\S*|کێشەکە) (?:نییە|نیە|نین)\b"
    r"|پەیوەندی\S* (?:بە|بەم|لەگەڵ) (?:\S+ ){0,2}?(?:ڕووداو|کێشە|incident)\S* (?:نییە|نیە|نین)\b"
    r"|پەیوەندیدار (?:نییە|نیە|نین)\b|هیچ پەیوەندییەکی"
    r"|(?:هەڵە|کێشە|باس|بابەت|ڕووداو|bug|error)\S* (?:تر|دیکە|جیاواز)(?:ە|ن|یە)?\b"
    r"|\bنا\S{0,3}ژمێر\S*|\bمە\S{0,3}ژمێر\S*|\bنەژمێرد\S*"
    r"|\bتەنها \[?(?:\S+ )?(?:INFO|DEBUG|notice|warn|WARNING|retry|هەوڵدانەوە|ئەنجام)"
    r"|ئەنجامی هەڵەکە|ئەنجامەکەیە|پشتگوێ\S*|فەرامۆش\S*|تێکەڵی? مەکە\S*"
    # ... Kannada (`error ಅಲ್ಲ`, `ಈ incident ಗೆ ಸಂಬಂಧ ಇಲ್ಲ`, `ಬೇರೆ bug`, `ಬೇರೆ ವಿಷಯ`, `ಎಣಿಸಬೇಡಿ`,
    # `ಲೆಕ್ಕಕ್ಕೆ ತಗೋಬೇಡಿ`, `ಸೇರಿಸಬೇಡಿ`, `ಪರಿಗಣಿಸಿಲ್ಲ`, `ಗೊಂದಲ ಮಾಡ್ಕೋಬೇಡಿ`, `ನಮ್ಮ retry wrapper ನ log`); its
    # vowel signs end no `\w` run either: read without `\b`. A bare `error ಅಲ್ಲ` in parentheses
    # is about the text it follows there (`(STATEMENT ಸಾಲು error ಅಲ್ಲ)`), not the bullet's
    r"|(?:error|errors|ಎರರ್|ದೋಷ|ತಪ್ಪು|ಲಕ್ಷಣ|ಕಾರಣ|cause|timeout|incident|ಘಟನೆ|bug|issue|ಸಮಸ್ಯೆ|line"
    r"|ಸಾಲು|ಸಾಲುಗಳು|message|FATAL|ಭಾಗ|[A-Z]+-[A-Z\d-]*\d)\s+ಅಲ್ಲ(?![\u0c80-\u0cff])(?![^()\n]*\))"
    r"|ಭಾಗವಲ್ಲ|ಸಂಬಂಧ(?:ವೇ|ವು)?\s+(?:ಇಲ್ಲ|ಇರಲಿಲ್ಲ)|ಸಂಬಂಧ(?:ವಿಲ್ಲ|ಪಟ್ಟಿಲ್ಲ|ಪಡುವುದಿಲ್ಲ)|ಸಂಬಂಧಿಸಿಲ್ಲ"
    r"|ಸಂಬಂಧಿಸಿದ್ದಲ್ಲ|ಸಂಬಂಧಿತವಲ್ಲ|(?:ಬೇರೆ(?:ಯೇ)?|ಪ್ರತ್ಯೇಕ) (?:ವಿಷಯ|ಕಥೆ|ಪ್ರಕರಣ|ಸಮಸ್ಯೆ|ಸಾಲು|ದೋಷ|ತಪ್ಪು"
    r"|ಘಟನೆ|bug|ಬಗ್|issue|ticket|ಟಿಕೆಟ್|error|incident|message|problem|FATAL)"
    r"|(?:ಎಣಿಸ|ಲೆಕ್ಕಿಸ|ಪರಿಗಣಿಸ)(?:ಬೇಡಿ|ಬೇಡ|ಬಾರದು|ಿಲ್ಲ|ಲ್ಲ|ುವುದಿಲ್ಲ|ಲಾಗಿಲ್ಲ)|ಸೇರಿಸ(?:ಬೇಡಿ|ಬೇಡ|ಬಾರದು)"
    r"|ಲೆಕ್ಕಕ್ಕೆ \S*(?:ಬೇಡಿ|ಬೇಡ|ಬಾರದು|ಿಲ್ಲ|ಲ್ಲ)|ಗೊಂದಲ[^\n.,;]{0,20}?ಬೇಡ|ನಿರ್ಲಕ್ಷಿಸ\S*|ignore ಮಾಡಿ"
    r"|ನಮ್ಮ(?: ಸ್ವಂತ)? (?:\S+ ){0,3}?(?:retry|WARNING|INFO|DEBUG|health check|stats|cleanup)"
    # ... Maltese (`mhux l-iżball`, `MHIX l-iżball`, `mhumiex żbalji`, `mhux dan l-inċident`,
    # `ma kellux x'jaqsam`, `ma tgħoddx`, `ma għoddejniehx`, `storbju`, `konsegwenza`, `hija biss
    # il-konfigurazzjoni`, `check tagħna stess`), its `ż` typed as `z` too
    r"|\bm(?:hux|hix|hu|hi|humiex|huwiex|hijiex|['’]hux)\s+(?:(?:dan|din|dawn|minn)\s+)?"
    r"(?:(?:l|il|i[żz]|is|it|in|ir|id|iċ)-)?(?:istess\s+)?(?:i?[żz]ball\w*|[żz]balji|kaw[żz]a\b"
    r"|problem\w*|in[ċc]ident\w*|falliment\w*|sintom\w*|parti\b)"
    r"|\bm(?:hux|hix|humiex)\s+relatat\w*|\b(?:ebda|bla|l-ebda) rabta\b"
    r"|\b(?:ma\s+|m['’])(?:għand|kell|ghand)\w*\s+x['’]\s*(?:jaqsam|taqsam|jaqsmu)\w*"
    r"|\bxejn x['’]\s*(?:jaqsam|taqsam|jaqsmu)|\bma\s+\w{0,2}(?:għodd|ghodd)\w*"
    r"|\bla\s+t(?:għodd|ghodd)\w*|\bstorbju\b|\bkonsegwenz\w*|\binjora\w*"
    r"|\b(?:hu|hi|huwa|hija|huma)\s+biss\b"
    r"|\b(?:problema|kwistjoni|storja|ħaġa|bug|ticket)\s+(?:oħra|ieħor|separat\w*)\b"
    r"|\b(?:i?[żz]ball|każ|in[ċc]ident)\s+(?:ieħor|separat\w*)\b"
    r"|\b(?:check|retry|twissija|warning|messaġġ\w*)\s+tagħna(?:\s+stess)?\b|\baħna stess\b"
    # ... Bosnian, beside the Croatian and Serbian ones of verdict_languages (`ne brkati sa`,
    # `Šta NIJE ovaj incident`, `nije to —`, `stari problem`, `naš INFO`, `naše upozorenje, ne
    # greška`, `je normalno`)
    r"|\bne (?:brkati|brkajte|mije[šs]ati|mije[šs]ajte|me[šs]ati)\b"
    r"|\bni(?:je|su)\s+(?:ovaj|ovo|taj|ta|to|ovi|ove|oni|te)\s+(?:incident|problem|bug"
    r"|slu[čc]aj|gre[šs]k|kvar|pad)\w*|\bni(?:je|su)\s+(?:to|ovo|taj|ono)\b(?=\s*(?:[—–,.;:!)-]|$))"
    r"|\bne (?:gre[šs]k[aei]|uzrok|pad)\b|\bstar(?:i|a|o) (?:problem|bug|gre[šs]ka|tiket|ticket)\b"
    r"|\bna[šs](?:e|a|i)? (?:INFO|WARNING|DEBUG|upozorenj\w*|retry|provjer\w*|health check)\b"
    r"|\b(?:je|su)\s+(?:sasvim\s+|potpuno\s+)?normaln(?:o|a|e|i)\b"
    r"|\bposeb(?:an|na|no|ni) (?:bug|problem|gre[šs]k\w*|tiket|ticket|slu[čc]aj)\b"
    r"|\bima(?:ju)? svoj (?:ticket|tiket)\b"
    # ... Odia (`error ନୁହେଁ`, `ଏହି ଘଟଣା ନୁହେଁ`, `ଲକ୍ଷଣ ନୁହେଁ`, `ଅଲଗା bug`, `ଅଲଗା କଥା`, `ସମ୍ପର୍କ ନାହିଁ`,
    # `ଗଣନା କରନ୍ତୁ ନାହିଁ`, `ଧରନ୍ତୁ ନାହିଁ`, `ଯୋଡ଼ନ୍ତୁ ନାହିଁ`, `ଆମ pool ର retry`, `ଆମ app ର ନିଜ INFO`, `ଆମେ
    # ନିଜେ`); like Kannada's, its vowel signs end no `\w` run: read without `\b`. A bare `error
    # ନୁହେଁ` in parentheses is about the text it follows there, not the bullet's
    r"|(?:error|errors|ଏରର୍|ତ୍ରୁଟି|ଲକ୍ଷଣ|କାରଣ|cause|timeout|incident|ଘଟଣା|bug|issue|ସମସ୍ୟା|line"
    r"|ଲାଇନ୍|message|FATAL|ଅଂଶ|[A-Z]+-[A-Z\d-]*\d)\s+ନୁହ(?:େଁ|େ|ଁ)(?![\u0b00-\u0b7f])(?![^()\n]*\))"
    r"|(?:ଅଲଗା|ପୃଥକ|ଭିନ୍ନ)\s+(?:କଥା|ବିଷୟ|ସମସ୍ୟା|ଘଟଣା|ତ୍ରୁଟି|bug|ବଗ୍|issue|ticket|ଟିକେଟ୍|error"
    r"|incident|message|problem|FATAL)|(?:ସମ୍ପର୍କ|ସମ୍ବନ୍ଧ)(?:\s+\S+)?\s+(?:ନାହିଁ|ନଥିଲା)"
    r"|ସମ୍ପର୍କିତ\s+ନୁହ|ସମ୍ପର୍କହୀନ|(?:ଗଣନା\s+କରନ୍ତୁ|ଗଣନ୍ତୁ|ଗଣିବେ|ଧରନ୍ତୁ|ଯୋଡ\u0b3c?ନ୍ତୁ|ମିଶାନ୍ତୁ)\s+ନାହିଁ"
    r"|ଉପେକ୍ଷା|ଅଣଦେଖା|ignore କର|ଆମେ\s+ନିଜେ|(?<![\u0b00-\u0b7f])ଆମ(?:ର)?\s+(?:\S+\s+){0,3}?"
    r"(?:retry|INFO|WARNING|DEBUG|health check|stats)"
    # ... Kinyarwanda (`si iki kibazo`, `si ikosa`, `SI byo`, `ntabwo ari ikosa`, `ntabwo ari yo
    # ntandaro`, `ntaho bihuriye`, `ni ingaruka gusa`, `ni indi bug`, `ni bug yindi`, `ni
    # recursion bug itandukanye`, `lock check yacu`, `twabanje kubyitiranya`, `Ibyo tutitaho`)
    r"|\bsi\s+(?:iki|iyi|byo|ryo|cyo|iyacu|ibyacu|ikosa|ikibazo|intandaro)\b"
    r"|\bntabwo\s+(?:ari|ali|byari|yari|ryari)\s+(?:yo|ryo|byo|cyo|ikosa|ikibazo|intandaro|iki)\b"
    r"|\bntaho\s+\w{0,4}hurir?[ey]\b|\bnta\s+sano\b|\bni\s+ingaruka\b|\bingaruka\s+gusa\b"
    r"|\b(?:indi|ikindi|irindi|ibindi|undi)\s+(?:bug|kibazo|ikibazo|ikosa|ticket|tiketi)\b"
    r"|\b(?:bug|ikosa|ikibazo|kibazo|ticket|tiketi)\s+(?:yindi|rindi|kindi|[irgb]?itandukanye)\b"
    r"|\biratandukanye\b|\b(?:check|retry|warning|script|WARNING|INFO|DEBUG)\s+yacu\b"
    r"|\b\w{0,4}itiranya\b|\bntimu\w{0,3}itiranye\b|\btutitaho\b|\bntimu\w{0,3}bare\b"
    # ... isiZulu (`akuyona iphutha`, `AZISIYO iphutha`, `ayisilo iphutha`, `hhayi iphutha`,
    # `hhayi imbangela`, `akufani no-INC-…`, `ayihlangene nalokhu`, `zingumsindo nje`,
    # `kungumphumela`, `asiyibalanga`, `ungawubali`, `ungayifaki`, `sikwenze thina`, `check yethu`)
    r"|\ba(?:ku|yi|wu|zi|li)(?:si)?(?:yo|yona|lo|lona|wo|wona|zo|zona|sona)\b"
    r"|\bh?hayi\s+(?:iphutha|amaphutha|imbangela|isigameko|uphawu)\b"
    r"|\ba(?:ku|yi|zi|wu|li|si)(?:fani|hlangene|hlobene)\b|\b\w*(?:umsindo|imisindo)\b"
    r"|\b\w*umphumela\b|\b(?:asi|unga|ninga|singa)\w{0,3}bal(?:anga|i)\b|\b(?:unga|ninga)\w{0,3}faki\b"
    r"|\bsi\w{0,3}enze\s+thina\b|\bthina\s+ngokwethu\b"
    r"|\b(?:check|retry|config|warning|breaker|INFO|DEBUG)\s+yethu\b"
    # ... Hausa (`ba na wannan lamarin ba ne`, `ba na INC-… ba`, `ba shi ne kuskuren ba`, `ba
    # kuskure ba ne`, `ba error ba`, `ba sabon deadlock ba ne`, `daban ne`, `bug ne na daban`,
    # `ticket daban`, `kada a ruɗe`, `kada a ƙirga shi`); as Odia's, a bare `ba kuskure ba ne` in
    # parentheses is about the text it follows there (`(… layin STATEMENT ba kuskure ba ne)`)
    r"|\bba\s+na\s+(?:wannan\b|[A-Z]+-[A-Z\d-]*\d)|\bba\s+(?:shi|ita|su)\s+ne\s+(?:kuskure"
    r"|matsala|error|sanadi|dalili)\w*|\bba\s+layin\s+kuskure\w*"
    r"|\bba\s+(?:kuskure|kuskuren|error|matsala|matsalar|sabon\s+\w+)\s+ba\b(?![^()\n]*\))"
    r"|\bdaban\s+ne\b|\b(?:na|ticket|bug)\s+daban\b|\bkada\s+a\s+(?:ru[ɗd]e|[ƙk]irga|ha[ɗd]a)\w*"
    # ... Uyghur, Arabic script (`خاتالىق ئەمەس`, `بۇ ۋەقە ئەمەس`, `ۋەقەگە تەۋە ئەمەس`, `OOM
    # ئەمەس`, `ئالاقىسى يوق`, `باشقا bug`, `ئايرىم bug`, `باشقا مەسىلە`, `ئىزدىمەڭ`, `بىزنىڭ ئۆز`,
    # `— نورمال`)
    r"|(?:خاتالىق\w*|ۋەقە\w*|مەسىلە\w*|تەۋە|error|bug|OOM)\s+ئەمەس\b"
    r"|(?:ئالاقىسى|مۇناسىۋىتى)\s+يوق\b|(?:باشقا|ئايرىم)\s+(?:bug|مەسىلە|خاتالىق|ۋەقە|ticket)"
    r"|\bئىزدىمەڭ\b|\b(?:ساناپ|قوشۇپ)\s+كەتمەڭ\b|\bبىزنىڭ\s+ئۆز\w*|(?:—|–|-)\s*نورمال\b"
    # ... Somali (`ma aha khaladka`, `ma aha dhacdada`, `khalad ma aha`, `dhacdada ma aha`, `ha
    # lagu darin`, `ha loo tirin`, `ha lagu khaldin`, `kuma xirna`, `annaga ayaa sababay`, `buuq`);
    # `bug kale`, `arrin kale`, `branch kale` (another bug, matter, branch's run); not `ma aha
    # khalad kale` (no other error: the same chain's line)
    r"|\bma\s+aha\s+(?:khalad\w*|dhacdad\w*|line-ka\s+khalad\w*)\b(?!\s+kale\b)"
    r"|\b(?:khalad\w*|dhacdad\w*)\s+ma\s+aha\b|\bha\s+(?:lagu|loo)\s+(?:darin|tirin|khaldin"
    r"|xisaabin)\b|\bkuma\s+xirn(?:a|aa)\b|\bannaga\s+ayaa\s+sababay\b|\bbuuq\b"
    r"|\b(?:bug|ticket|arrin|dhibaato|branch)\s+kale\b"
    # ... Tatar, Cyrillic (`хата түгел`, `төп хата түгел`, `хата юлы түгел`, `сәбәп түгел`, `бәйле
    # түгел`, `кагылышы юк`, `башка нәрсә`, `аерым тикет`, `санамагыз`, `катнаштырмагыз`,
    # `инцидентка керми`, `безнең үз …`, `warning гына`, `— нормаль`), with the Russian its teams
    # mix in (`не наш случай`, `не путать с`)
    r"|(?:хата\w*|инцидент\w*|сәбәп\w*|симптом\w*|мәсьәлә\w*|timeout|error|bug|баг)"
    r"(?:\s+юл\w*)?\s+түгел\b|(?:бәйле|кагылышлы)\s+түгел\b"
    r"|(?:кагылышы|бәйләнеше|катнашы|мөнәсәбәте)\s+юк\b"
    r"|\b(?:башка|аерым)\s+(?:нәрсә|хата|баг|bug|мәсьәлә|проблема|тикет|ticket|инцидент)\w*"
    r"|\bсанама(?:гыз|ыйбыз|дык|ыйлар|ска)\b|\b(?:катнаштырма|бутама)(?:гыз|ыйбыз|ска)\b"
    r"|\b(?:инцидент|вакыйга)\w*\s+керми\w*|\bбезнең\s+үз\w*"
    r"|\b(?:warning|info|debug|retry)\S*\s+гына\b|\bне наш\w* случа\w*|\bне путать\b"
    r"|(?:—|–)\s*нормал(?:ь|ьно|ьный|ьная)?\b"
    # ... Luxembourgish (`net dësen Tëschefall`, `net de Feeler`, `keen Feeler`, `keng
    # Feelermeldung`, `en anere Bug`, `huet näischt mat … ze dinn`, `net verwiesselen`, `net
    # zielen`, `separat Ticket`, `dat waren mir selwer`, `Nofolg`, `net eng nei Erreur`, `eise
    # Check`, `eis eege WARNING`, `ass just INFO`) and the French of its teams
    # (`n'est PAS cet incident`, `ticket séparé`)
    r"|\bnet (?:dësen|dëse|dës|dëst|deen|dee|den|de|dat|déi|eisen|eise|eng|en|e) (?:tëschefall"
    r"|virfall|incident|feeler|problem|bug|grond|ursaach|timeout)\b|\bkee(?:n)? feeler\b"
    r"|\bkeng (?:feelermeldung|erreur)\w*|\b(?:en |eng )?aner(?:e|en|t)? (?:bug|feeler|problem"
    r"|ticket|tëschefall|virfall|saach|geschicht|erreur)\b"
    r"|\bnäischt (?:\S+ ){0,4}ze (?:dinn|doen)\b"
    r"|\bnet (?:ze )?(?:verwiesselen|zielen|matzielen)\b|\bnet gezielt\b|\bignoréier\w*"
    r"|\bseparat(?:en|t|e)? (?:ticket|bug|problem|feeler)\b|\bdat ware?n? mir\b|\bnofolg\w*"
    r"|\bnet (?:eng |en |e )?nei(?:en|e)? (?:erreur|feeler|bug|problem)\b"
    r"|\beis(?:en?|em)?\s+(?:eeg\w*\s+)?(?:check|retry|statistik|warning|kontroll|test)\b"
    r"|\b(?:ass|sinn|war|waren)\s+(?:just\s+|nëmmen?\s+)?(?:INFO|DEBUG)\b"
    r"|\b(?:n['’]est|n['’]était|ne sont|n['’]étaient) pas (?:cet|ce|notre|le bon) (?:incident"
    r"|problème|bug)\b|\b(?:ticket|bug|problème|incident) séparé\b"
    # ... Pashto (`تېروتنه نه ده`, `د پېښې تېروتنه نه ده`, `پېښه نه ده`, `تړاو نه لري`, `پایله
    # ده`, `نه یې شمېرو`, `مه یې شمېرئ`, `زموږ خپل کار`, `جلا ستونزه`, `بله ستونزه`, `مه ګډوئ`,
    # `له پامه وغورځوئ`, `یوازې INFO`); not `جلا پېښه نه ده` (no separate incident: this one's)
    r"|(?<!جلا )(?:تېروتن\w*|تیروتن\w*|پېښ\w*|پیښ\w*|لامل|ستونز\w*|error|bug|incident)"
    r"\s+نه\s+(?:ده|دی|دي|وه|و)\b|(?:تړاو|اړیک\w*|اړه|تعلق)\s+(?:نه\s+لري|نلري|نه\s+درلود)"
    r"|\bپایل(?:ه|ې)\s+(?:ده|دي|وه|دی)\b|\b(?:نه|مه)\s+(?:یې\s+)?(?:شمېر|شمیر)\w*"
    r"|\bزموږ\s+خپل(?:ه|ې)?\s+(?:کار|INFO|DEBUG|WARNING|check|چک|retry|health\s+check|alert"
    r"|کرښه)|\bجلا\s+(?:ستونزه|bug|ticket|ټکټ|تېروتنه|تیروتنه|موضوع)"
    r"|\bبل(?:ه)?\s+(?:ستونزه|bug|ticket|تېروتنه|تیروتنه|موضوع|پېښه|پیښه)\b"
    r"|\bمه\s+(?:یې\s+)?(?:ګډوئ|گډوئ)|\bله\s+پامه\s+(?:یې\s+)?(?:وغورځوئ|وباسئ)"
    r"|\bیوازې\s+(?:یو\s+|د\s+)?(?:INFO|DEBUG|WARNING|notice|retry|health\s+check)\b"
    # ... Cebuano (`dili kini ang error`, `dili error`, `dili parte sa insidente`, `walay labot`,
    # `lahi nga bug`, `lain nga mensahe`, `ayaw pansina`, `ayaw i-mix`, `dili i-count`, `kami ra
    # to`, `health check ra`, `retry ra ni`, `normal ra`) with the Tagalog of its teams (`hindi
    # yan yung error`)
    r"|\bdili\s+(?:(?:kini|kana|ni|na|to|kadto|sila)\s+)?(?:mao\s+)?(?:ang\s+|usa\s+ka\s+)?"
    r"(?:error|errors|sayop|problema|hinungdan|parte|bahin|apil|kalabot|insidente|timeout|bug"
    r"|isyu|simtomas|gi-page|gipage|cause|mismo)\b"
    r"|\bdili\s+(?:kini|kana|ni|to|kadto)\b(?=\s*(?:[.,;!)\u2014\u2013-]|$))"
    r"|\bwala(?:y)?\s+(?:(?:kini|ni|kana|siya|to)\s+)?(?:labot|kalabotan|kalambigitan|kalabutan"
    r"|relasyon)\b|\blaing\s+(?:insidente|bug|isyu|problema|ticket|tiket|kaso|mensahe|istorya)\b"
    r"|\b(?:atong|among|ato|amo)\s+(?:\S+\s+)?kaugalingo(?:n|ng)\b"
    r"|\b(?:lahi|lain)\s+(?:na\s+)?(?:nga?\s+)?(?:bug|error|mensahe|problema|isyu|ticket|tiket"
    r"|istorya|butang|insidente|kaso|message)\b|\b(?:lahi|lain)\s+na\b(?=\s*[,;.\u2014])"
    r"|\bayaw\s+(?:(?:na|ni|kini|kana|sila|to|nato|ninyo)\s+){0,2}(?:pansina|pansinon|tagda"
    r"|tagdaa|pagtagda|pagpansin|i-?mix|isagol|i-?count|ihapa|ihapon|i-?apil|apila|ilakip|i-?alert"
    r"|liboga)\b"
    r"|\bdili\s+(?:(?:na|nato|namo|ni|kini)\s+){0,2}(?:i-?count|ihapon|iapil|i-apil|apilon"
    r"|ilakip|isagol)\b"
    r"|\b(?:kami|kita|ako|amo|ato)\s+ra\s+(?:to|kadto|ni|kini|na)\b"
    r"|\b(?:retry|check|checks|health\s+check|stats|warning|info|debug|notice|recovery"
    r"|konteksto|extra\s+info)(?:\s+line)?\s+ra\b|\bnormal\s+(?:ra|lang)\b"
    r"|\bhindi\s+(?:yan|iyan|yun|iyon|ito)\s+(?:yung|ang)\s+(?:error|problema|cause)\b"
    # ... Haitian Creole (`se pa li`, `se pa erè a`, `pa li non plis`, `se pa yon erè`, `pa gen
    # rapò ak`, `pa gen anyen pou wè ak`, `pa fè pati`, `se bri`, `se konsekans`, `yon lòt
    # pwoblèm`, `pa konfonn`, `pa konte yo`, `se nòmal`, `se yon notice`, `se nou menm`)
    r"|\b(?:se|sa|li|yo|sa\s+a|sa\s+se)\s+pa\s+(?:t\s+|te\s+)?(?:yon\s+)?(?:erè|ere|pwoblèm"
    r"|pwoblem|kòz|koz|ensidan|bug|sentòm|sentom|error|menm\s+erè|menm\s+ere)\b"
    r"|\b(?:se\s+|sa\s+)?pa\s+(?:li|yo|sa)\b(?=\s*(?:non\s+plis\b|[.,;!)\u2014\u2013-]|$))"
    r"|\bpa\s+gen\s+(?:okenn\s+|ankenn\s+)?(?:rapò|rapo|relasyon|anyen\s+pou\s+w[èe]"
    r"|anyen\s+a\s+w[èe]|anyen\s+pou\s+fè|anyen\s+pou\s+fe)\b"
    r"|\bpa\s+(?:fè|fe)\s+pati\b|\bse\s+(?:yon\s+)?(?:bri|konsekans|rezilta|efè\s+segondè)\b"
    r"|\b(?:yon\s+)?l[òo]t\s+(?:pwoblèm|pwoblem|bug|erè|ere|ensidan|tikè|tike|ticket|istwa"
    r"|zafè|zafe|koze|pool)\b"
    r"|\bpa\s+(?:konfonn|melanje|konte|kontabilize|enpòtan|enpotan|mete\s+(?:okenn\s+)?al[èe]t)\b"
    r"|\bpa\s+pran\s+(?:\S+\s+){0,2}?an\s+kont\b"
    r"|\b(?:tcheck|check|retry|al[èe]t|av[èe]tisman|warning|INFO|DEBUG|script)\s+pa\s+nou\b"
    r"|\b(?:inyore|inyoré|neglije)\b|\bse\s+(?:tou\s+)?n[òo]mal\b"
    r"|\bse\s+(?:(?:sèlman|selman|jis)\s+(?:yon\s+)?|yon\s+)(?:notice|avètisman|avetisman"
    r"|warning|retry|tcheck|check|health\s+check|INFO|DEBUG)\b|\bse\s+nou\s+menm\b"
    # ... West Frisian (`net dizze flater`, `NET de flater`, `gjin flater`, `gjin aparte
    # flater`, `oare bug`, `in oar probleem`, `eigen ticket`, `hoart hjir net by`, `net by
    # dizze`, `neat mei te krijen`, `net ferwikselje`, `net telle`, `ús eigen warskôging`, `in
    # warskôging, gjin crash`, `dat is goed`, `is ferwachte`, `in gefolch`)
    r"|\bnet\s+(?:dizze|dit|de|it|ús|us|dy|dat)\s+(?:flater|ynsidint|oarsaak)\b"
    r"|\bnet\s+(?:dizze|it|ús)\s+(?:probleem|bug|melding|crash|saak)\b"
    r"|\bgjin\s+(?:aparte\s+|echte\s+|eigen\s+|nije\s+|oare\s+)?(?:flater|flaters|crash"
    r"|probleem|bug|ynsidint|oarsaak|symptoom)\b"
    r"|\b(?:in\s+)?oar(?:e)?\s+(?:bug|flater|probleem|ynsidint|ticket|melding|ferhaal|kwestje"
    r"|saak)\b|\b(?:eigen|apart|aparte)\s+ticket\b"
    r"|\b(?:hoart|heart|hearre|hearde|hearden)\s+(?:\S+\s+){0,4}?net\s+by\b"
    r"|\bnet\s+by\s+dizze\b|\bneat\s+(?:\S+\s+){0,2}?mei\s+(?:\S+\s+){0,3}?te\s+"
    r"(?:krijen|meitsjen|dwaan)\b"
    r"|\bnet\s+(?:ferwikselje|ferwiksele|betize|telle|meitelle|meirekkenje|meinimme)\b"
    r"|\b(?:wiene|wienen|binne|wie)\s+wy\s+sels\b"
    r"|\b(?:is|wie|binne)\s+(?:gewoan\s+|hielendal\s+)?normaal\b(?=\s*(?:[.,;!)]|$))"
    r"|\b(?:negearje|negearre|ignorearje)\b"
    r"|\b[úu]s\s+eigen\s+(?:\w+[- ])?(?:check|retry|warsk[ôo]ging|warning|info|debug|rigel|stap"
    r"|health\s+check|kontrôle|alert|test)\w*|\bin\s+warsk[ôo]ging\b"
    r"|\bdat\s+is\s+goed\b(?=\s*(?:[.,;!)]|$))|\b(?:is|wie|binne|wiene)\s+(?:gewoan\s+)?"
    r"ferwachte?\b|\b(?:in|it|is|binne)\s+gefolch\b"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Tatar `бу`, `ул`, `алар`, `болар`; Luxembourgish `dat`, `dëst`, `déi`,
# `dee`, `deen`; Pashto `دا`, `دغه`, `هغه`, `دوی`; Cebuano `kini`, `kana`, `kadto`, `sila`;
# Haitian Creole `sa`, `sa a`, `li`, `yo`, and a sentence opened by its `se` (it is); West
# Frisian `dit`, `dizze`, `dy`, `se`
MORE_BACK = (
    r"бу|ул|алар|болар|dat|dëst|déi|dee|deen|دا|دغه|هغه|دوی|kini|kana|kadto|sila"
    r"|sa(?: a)?|li|yo|se|dit|dizze|dy"
)
