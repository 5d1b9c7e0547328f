"""Verdicts in Tibetan, Tigrinya and Burmese (verdict_languages.py joins them to the others):
not the error, not this incident, no relation, another problem, a separate ticket, do not count
it, do not mix it up, only a warning, a check or a retry, a consequence, our own, expected. The
words that refer back to a log text are at the end.

Tibetan and Burmese write a word's vowels, finals, medials and stacked letters as signs, which
are no word characters to `re`, and Burmese puts no space between words: an alternative never
ends on a sign where a `\\b` may follow (`མི་རྩི` is matched up to its `ར`, `မဟုတ်` up to its `တ`,
`မရှိ` up to its `ရ`, the signs after it looked ahead for). Tibetan parts its syllables with the
tsheg (`་`), not spaces. Tigrinya's Ge'ez letters are word characters, its words parted by
spaces as in English; each letter is a syllable whose vowel a verb's ending changes (`ኣይንቑጽሮን`,
`ኣይትቑጽሩ`): a verb is matched up to the syllable before its ending."""

from __future__ import annotations

# Tibetan: a tsheg or space between syllables
_T = r"[\u0f0b\s]+"
# ... the nouns a verdict denies: error, fault, cause, incident, issue, symptom, difficulty
_BO_NOUN = (
    r"(?:ནོར་འཁྲུལ|ནོར་བ|སྐྱོན|རྒྱུ་རྐྱེན|རྒྱུ་མཚན|དོན་རྐྱེན|གནད་དོན|རྟགས་མཚན|དཀའ་ངལ"
    r"|error|bug|timeout)"
)
# Burmese: the nouns (error, problem, cause, symptom, incident, fault), each up to its last letter
_MY_NOUN = (
    r"(?:error|bug|timeout|incident|cause|ပြဿန(?=ာ)|အကြောင်းရင(?=်း)|လက္ခဏ(?=ာ)|ဖြစ်ရပ(?=်)"
    r"|ဖြစ်စဉ(?=်)|အမ(?=ှား)|ချို့ယွင်းချက(?=်))"
)

BO_TI_MY_VERDICT = (
    # Tibetan: not the error, not the cause, not this error (`ནོར་འཁྲུལ་མ་རེད`, `རྩ་བའི་
    # ནོར་འཁྲུལ་མ་རེད`, `ནོར་འཁྲུལ་འདི་མ་རེད`, `རྒྱུ་རྐྱེན་མིན`), no relation (`འདི་དང་འབྲེལ་བ་
    # མེད`), not counted as an error (`ནོར་འཁྲུལ་དུ་མི་རྩི`, `རྩིས་མེད`), a consequence or the
    # result of something else (`རྗེས་འབྲས་ཙམ་རེད`, `…འབྲས་བུ་ཡིན`), only a report, a warning,
    # a check (`སྙན་ཞུ་ཙམ`, `ཉེན་བརྡ་ཙམ`), another issue or incident (`གནད་དོན་གཞན`, `ལོགས་སུ`),
    # do not be confused (`མགོ་མ་འཁོར`), our own (`ང་ཚོ་རང་གི`), expected (`རེ་བ་ལྟར`,
    # `སྔོན་དཔག་ལྟར`), no need to mind it (`དོ་སྣང་མི་དགོས`)
    rf"{_BO_NOUN}(?:{_T}[^\s\u0f0b\u0f0d]{{1,6}}){{0,2}}?{_T}(?:མ་རེད|མ་ཡིན|མིན(?![^\s\u0f0b\u0f0d]))"
    rf"|འབྲེལ(?:་བ)?(?:་གང་ཡང|་ཅི་ཡང)?{_T}(?:མེད|མི་འདུག)"
    rf"|(?:མི|མ)་ར(?=ྩི)|རྩིས་(?:སུ་)?(?:མེད|མི་རྒྱག|མི་འཇོག)|རྗེས་འབྲས|འབྲས་བུ{_T}(?:ཡིན|རེད)"
    rf"|(?:སྙན་ཞུ|ཉེན་བརྡ|གསལ་བརྡ|ཞིབ་བཤེར|བརྟག་དཔྱད|བསྐྱར་ཚོད|INFO|DEBUG|WARNING|warning|notice"
    rf"|retry)[\u0f0b\s]*ཙམ"
    rf"|{_BO_NOUN}{_T}(?:གཞན|ལོགས་པ)|ལོགས་ས(?=ུ་)|མགོ་(?:མ་|མི་)?འཁོར"
    rf"|ང་ཚོ་རང|རེ་བ་ལྟར|སྔོན་དཔག་ལྟར|དོ་སྣང་མི་དགོས|སྣང་མེད་གཏོང"
    # ... Tigrinya: not the error, not of this incident (`ጌጋ ኣይኮነን`, `ናይዚ ፍጻመ ኣይኮነን`,
    # `timeout ኣይኮነን`, `ጌጋታት ኣይኮኑን`), no relation, not concerned (`ምስዚ ፍጻመ ርክብ የብሉን`,
    # `ዘይምልከት`), another problem, bug or ticket (`ኻልእ ጸገም`, `ካልእ ባግ`, `ፍልይ ትኬት`), do not
    # mix it in, count it or use it (`ኣይትደባልቕዎ`, `ኣይንቑጽሮን`, `ኣይትጠቐምሉ`), only a warning,
    # a check, a question (`ማስጠንቀቕታ ጥራይ`, `ሕቶ ጥራይ እዩ`), ourselves (`ንሕና ባዕልና`), a
    # consequence (`ሳዕቤን`), expected (`ዝተጸበናዮ`)
    r"|\b(?:ጌጋ|ጌጋታት|ጸገም|ሽግር|ምኽንያት|ጠንቂ|ፍጻመ|ክስተት|ምልክት|ክፋል|ባግ|ጉዳይ|bug|error"
    r"|timeout)\S*\s+(?:\S+\s+)?(?:ባዕሉ\s+)?ኣይኮ(?:ነ|ኑ|ነት|ና)ን\b"
    r"|\bርክብ\s+(?:የብሉን|የብሎምን|የብላን|የብሉ|የብሎም|የለን|የብልናን|የለዎን)\b"
    r"|\b(?:ዘይምልከ|ዘየገድስ|ኣይምልከ|ዘይተኣሳሰረ)\w*"
    r"|\b(?:ካልእ|ኻልእ|ካልኦት|ኻልኦት|ፍሉይ|ፍልይ|ዝተፈልየ)\s+(?:ጸገም|ሽግር|ጉዳይ|ባግ|bug|ትኬት|ticket"
    r"|ጌጋ|ፍጻመ|ክስተት|ጠንቂ|ምኽንያት)\w*"
    r"|\bኣይት(?:ደባል|ሕወ|ቑጽ|ቖጽ|ጠቐ|ታለ|ጋገ)\w*|\bኣይን(?:ቑጽ|ቖጽ|ጽብጽ|ደባል)\w*"
    r"|\b(?:ማስጠንቀቕታ|ሓበሬታ|ምርመራ|ሕቶ|ዳግመ-ፈተነ|retry|INFO|DEBUG|WARNING|notice)\S*\s+"
    r"(?:\S+\s+)?ጥራይ\b|\bጥራይ\s+(?:እዩ|እዮም|ኢዩ|እያ)\b"
    r"|\bንሕና\s+ባዕልና\b|\bባዕልና\b|\bሳዕቤን\w*|\bዝተጸበናዮ\b"
    # ... Burmese: not the error, not this problem, not a symptom (`error မဟုတ်ပါ`,
    # `ဒီပြဿနာ မဟုတ်ပါ`, `လက္ခဏာ မဟုတ်ပါ`), not related (`မသက်ဆိုင်ပါ`, `မဆိုင်ဘူး`,
    # `ဆက်စပ်မှု မရှိ`), do not count, take, add or mix it (`မရေတွက်ပါ`, `မယူပါနဲ့`,
    # `မထည့်ပါနဲ့`, `မရောပါနဲ့`), only noise, a consequence, a report (`noise သာ`,
    # `အကျိုးဆက်သာ`, `report သာ`), a consequence, a side effect (`အကျိုးဆက်`, `ဘေးထွက်`),
    # another or a separate problem or ticket (`တခြား ပြဿနာ`, `သီးခြား ticket`), not the same
    # errno (`errno လည်း မတူပါ`), expected (`မျှော်လင့်ထားသလို`), misleading (`လမ်းလွဲ`),
    # ignore it (`လျစ်လျူရှု`)
    rf"|{_MY_NOUN}\S{{0,6}}\s*(?:လည်း\s*)?မဟုတ(?=်)"
    r"|မသက်ဆိုင(?=်)|မဆိုင(?=်)|(?:သက်ဆိုင်|ဆက်စပ်|ဆက်နွယ်)မှု\s*မရ(?=ှိ)"
    r"|မရေတွက(?=်)|ရေတွက်ခြင်း\s*မပ(?=ြု)"
    r"|မ(?:ယူ|ထည့်|ရော|ရောထွေး|ရေတွက်|သတ်မှတ်|စဉ်းစား)(?:ပါ|ရ)?န(?=ဲ့)"
    r"|(?:noise|အကျိုးဆက်|သတိပေးချက်|warning|notice|INFO|DEBUG|retry|check|report)\S{0,4}\s*"
    r"သ(?=ာ)|အကျိုးဆက(?=်)|ဘေးထွက(?=်)"
    rf"|(?:တခြား|အခြား|သီးခြား|သီးသန့်)\s*(?:{_MY_NOUN}|ticket)"
    r"|(?:errno|error|code)\S{0,4}\s*(?:လည်း\s*)?မတ(?=ူ)"
    r"|မျှော်လင့်ထ(?=ား)|လမ်းလ(?=ွဲ)|လျစ်လျူရ(?=ှ)"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Tibetan `འདི`, `དེ`, `དེ་དག`, `འདི་དག`, `དེ་གཉིས`; Tigrinya `እዚ`, `እዚኣ`,
# `እዞም`, `እቲ`, `ንሱ`, `ንሳቶም`; Burmese `ဒါ`, `ဒါက`, `ဒါတွေက`, `၎င်း` (each up to its last letter:
# see above)
BO_TI_MY_BACK = (
    r"དེ་དག|འདི་དག|དེ་གཉིས|འདི་གཉིས|འད(?=ི[\u0f0b\s\u0f0d])|ད(?=ེ[\u0f0b\s\u0f0d])"
    r"|እዚ|እዚኣ|እዞም|እዚኦም|እቲ|ንሱ|ንሳ|ንሳቶም"
    r"|ဒါတွေက|ဒါက|ဒ(?=ါ)|၎င(?=်း)"
)
