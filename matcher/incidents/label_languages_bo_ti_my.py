"""The labels of the house format in Tibetan, Tigrinya and Burmese (labels.py adds them to the
others): Tibetan in its script, its syllables parted by the tsheg (`་`), a label closed by the
shad (`།`) where others write a colon (script_labels.py reads that shad as the colon, and drops
the tsheg a syllable keeps before it); Tigrinya in the Ge'ez script it shares with Amharic, whose
labels are in label_languages_east (Tigrinya spells many a word apart: `ምኽንያት`, not `ምክንያት`);
Burmese in the Myanmar script, whose words are written without spaces between them, with the
English word a team keeps (`ဖြစ်ရပ် ID`). A line per language, `|` between spellings; the
sections that are no field (OTHER) include each language's words for what was ruled out."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER

BO_TI_MY: dict[str, tuple[str, ...]] = {
    "id": (
        "དོན་རྐྱེན་ཨང་རྟགས|དོན་རྐྱེན་གྱི་ཨང་རྟགས|དོན་རྐྱེན་ཨང་གྲངས|དོན་རྐྱེན་གྱི་ཨང་གྲངས|དོན་རྐྱེན་ id|དོན་རྐྱེན་ཨང",
        "መለለዪ ፍጻመ|ቁጽሪ ፍጻመ|መለለዪ ክስተት|ናይ ፍጻመ መለለዪ|ናይ ፍጻመ ቁጽሪ|መለለዪ ሓደጋ",
        "ဖြစ်ရပ် id|ဖြစ်ရပ်id|ဖြစ်ရပ် နံပါတ်|ဖြစ်ရပ်နံပါတ်|ဖြစ်စဉ် id|ဖြစ်စဉ် နံပါတ်|ဖြစ်စဉ်နံပါတ်|incident နံပါတ်",
    ),
    "title": (
        "ཁ་བྱང|མཚན་བྱང|ཁ་ཡིག|དོན་རྐྱེན་གྱི་ཁ་བྱང",
        "ኣርእስቲ|ርእሲ|ኣርእስቲ ፍጻመ",
        "ခေါင်းစဉ်|ခေါင်းစီး|ဖြစ်ရပ် ခေါင်းစဉ်",
    ),
    "date": (
        "ཚེས་གྲངས|ཟླ་ཚེས|དོན་རྐྱེན་གྱི་ཚེས་གྲངས",
        "ዕለት|ዕለት ፍጻመ|ዝተፈጸመሉ ዕለት",
        "ရက်စွဲ|နေ့စွဲ|ဖြစ်ပွားသည့် ရက်",
    ),
    "severity": (
        "ཚབས་ཆེ་ཚད|ཚབས་ཚད|ཉེན་ཚད|གལ་ཆེའི་རིམ་པ|ཚབས་ཆེའི་རིམ་པ",
        "ደረጃ ክብደት|ክብደት|ደረጃ ሓደጋ|ደረጃ ኣገዳስነት",
        "ပြင်းထန်မှု|ပြင်းထန်မှု အဆင့်|ပြင်းထန်မှုအဆင့်|အရေးပါမှု|ဦးစားပေး အဆင့်",
    ),
    "services": (
        "ཕོག་པའི་ཞབས་ཞུ|ཤུགས་རྐྱེན་ཕོག་པའི་ཞབས་ཞུ|ཞབས་ཞུ",
        "ዝተተንከፉ ኣገልግሎታት|ዝተጸልዉ ኣገልግሎታት|ኣገልግሎታት",
        "ထိခိုက်သည့် ဝန်ဆောင်မှုများ|ထိခိုက်သော ဝန်ဆောင်မှုများ|ထိခိုက်ခဲ့သည့် ဝန်ဆောင်မှုများ|ဝန်ဆောင်မှုများ",
    ),
    "symptoms": (
        "རྟགས་མཚན|མཚོན་རྟགས|ནད་རྟགས|མཐོང་བའི་རྟགས་མཚན",
        "ምልክታት|ምልክት|ዝተራእየ|ዝረኣናዮ",
        "လက္ခဏာများ|လက္ခဏာ|ရောဂါလက္ခဏာများ|တွေ့ရှိချက်များ|တွေ့ရသည်များ",
    ),
    "root_cause": (
        "རྩ་བའི་རྒྱུ་རྐྱེན|རྩ་བའི་རྒྱུ་མཚན|གཞི་རྩའི་རྒྱུ་རྐྱེན|རྒྱུ་རྐྱེན|རྒྱུ་མཚན",
        "ሱር ምኽንያት|ቀንዲ ምኽንያት|ምኽንያት|ሱር ጠንቂ|ጠንቂ",
        "အမြစ်အကြောင်းရင်း|အမြစ် အကြောင်းရင်း|အဓိက အကြောင်းရင်း|မူလ အကြောင်းရင်း|အကြောင်းရင်း",
    ),
    "resolution": (
        "ཐག་གཅོད|སེལ་ཐབས|བཅོས་ཐབས|ཐབས་ལམ",
        "ፍታሕ|መፍትሒ|ዝተወስደ ስጉምቲ",
        "ဖြေရှင်းပုံ|ဖြေရှင်းချက်|ဖြေရှင်းနည်း|ပြုပြင်ချက်",
    ),
    "action_items": (
        "རྗེས་མའི་ལས་འགན|རྗེས་འབྲེལ་ལས་འགན|མུ་མཐུད་ལས་འགན|ལས་འགན",
        "ዝስዕቡ ስራሓት|ቀጻሊ ስጉምቲታት|ስጉምቲታት|ዝስዕብ ስጉምቲ",
        "နောက်ဆက်တွဲ လုပ်ဆောင်ရန်|နောက်ဆက်တွဲ လုပ်ဆောင်ချက်များ|လုပ်ဆောင်ရန်များ|နောက်ဆက်တွဲ အဆင့်များ",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes; not related, not the cause)
        "ཤུགས་རྐྱེན|དུས་རིམ|བསྡུས་དོན|སློབ་སྦྱོང|མཆན|འབྲེལ་བ་མེད་པ|རྒྱུ་རྐྱེན་མ་རེད",
        "ጽልዋ|ናይ ግዜ መስመር|ጽማቕ|ትምህርቲ|መዘኻኸሪ|ዘይምልከቱ|ርክብ ዘይብሎም|ጠንቂ ዘይኮኑ",
        "သက်ရောက်မှု|အချိန်ဇယား|အကျဉ်းချုပ်|သင်ခန်းစာများ|မှတ်ချက်|မသက်ဆိုင်သည်များ|အကြောင်းရင်း မဟုတ်သည်များ",
    ),
}
