"""Verdicts in Faroese, Javanese (ngoko, with the Indonesian its teams mix in) and Assamese
(verdict_languages.py joins them to the others): not the error, not this incident, another
problem, a separate ticket, do not count it, do not mix it up, only a warning or a retry, a
consequence, our own check, expected. The words that refer back to a log text are at the end.

Assamese is written in Bengali's script, whose vowel signs and nukta are no word characters to
`re`: an alternative never ends on one where a `\\b` may follow (`নহয়` is matched up to its
`য`, the sign after it looked ahead for), and a word's end is told by the next character not
being of the script. `য়` is written as its two code points, as editors type it."""

from __future__ import annotations

# Assamese's end of a word: no letter or sign of its script next
_END = r"(?![\u0980-\u09ff])"
# `নহয়` (is not), up to its last letter (see above)
_IS_NOT = r"নহয(?=\u09bc)"

FO_JV_AS_VERDICT = (
    # Faroese: not the error, not the cause, not part of it (`eru IKKI feilir`, `ikki feilurin
    # í hesi hending`, `IKKI orsøkin`, `ikki sami feilur`, `ikki grundfeilurin`, `ikki partur av
    # feilinum`), no error (`Eingin feilur`), nothing to do with it (`hevur einki við hesa
    # hending at gera`), another timeout or matter (`ein annar timeout`, `eitt annað mál`),
    # do not be misled or mix up (`Ikki forvirrast av`, `ikki blanda saman`), not counted
    # (`skal ikki teljast`, `Vit telja hana ikki`), a consequence (`avleiðing`), only noise or
    # a warning (`bara stroyggj`, `bara ein ávaring`), it retries (`roynir aftur`), our own
    # (`okkara egna kanning`), expected (`væntað`), does not belong (`hoyrir ikki til`)
    r"\bikki\s+(?:ein\s+|nakar\s+|sami\s+|sama\s+|tann\s+|hin\s+)?(?:feil(?:ur|urin|ir|irnir"
    r"|in|ið|inum)?|grundfeil\w*|orsøk\w*|grundorsøk\w*|trupulleik\w*|villa|villan"
    r"|hending(?:in|ini)?|eyðkenni\w*)(?!\w)"
    r"|\bikki\s+(?:ein\s+)?parti?ur\s+(?:av|í)\b|\beingin\s+(?:feilur|villa|trupulleiki)\b"
    r"|\beinki\s+(?:\S+\s+){0,4}?at\s+gera\b"
    r"|\b(?:ein\s+annar|eitt\s+annað|ein\s+onnur|aðrir|aðrar|annar)\s+(?:feil\w*|timeout\w*"
    r"|trupulleik\w*|mál\w*|hending\w*|villa|villur|bug\w*|ticket\w*|\[(?:emerg|error|crit"
    r"|alert|warn)\])"
    r"|\bikki\s+(?:\S+\s+)?(?:forvirr\w*|blanda\w*|rugla\w*)|\b(?:forvirrið|blandið|ruglið)"
    r"\s+ikki\b|\bikki\s+(?:\S+\s+)?telj\w*|\btelj\w*\s+(?:\S+\s+){0,3}?ikki\b"
    r"|\b(?:ikki\s+roknast|roknast\s+ikki)\b|\bavleiðing\w*|\bfylgifeil\w*"
    r"|\bbara\s+(?:ein\s+|eitt\s+)?(?:stroyggj|larm|ávaring\w*|INFO|DEBUG|WARNING|notice"
    r"|retry|endurroynd\w*|kanning\w*|heilsukanning\w*)|\bstroyggj\b|\broynir\s+aftur\b"
    r"|\bendurroynd\w*|\bokkara\s+(?:egn\w*|egin|egið)\b|\bvæntað\w*"
    r"|\b(?:hoyr\w*\s+ikki|ikki\s+hoyr\w*)\s+til\b|\bikki\s+geva\s+alarm"
    # ... Javanese: not the error, not this problem, not its cause (`dudu errore`, `dudu
    # masalah iki`, `dudu sababe`, `dudu OOM iki`, `Sing dudu:`), no relation (`ora ana
    # hubungane`, `ora nyambung`), another problem, its own ticket (`masalah liya`, `tiket
    # dhewe`), do not put it in, count it or mix it up (`aja dilebokke`, `ora usah dietung`,
    # `aja dicampur`, `aja nganti keliru`), only a warning, context, a check, a consequence
    # (`mung peringatan`, `mung konteks`, `mung pengecekan`, `mung akibat`), a retry that has not
    # failed yet (`iku retry, durung gagal`), a plain INFO (`INFO biasa`), ours (`cek awake
    # dhewe`), expected (`wajar`, `wis dikira`)
    r"|\bdudu\s+(?:\S+\s+)?(?:error\w*|masalah\w*|sabab\w*|penyebab\w*|oyot\w*|kedadeyan\w*"
    r"|kedadean\w*|gejala\w*|bug\w*|timeout\w*|OOM\w*|kesalahan\w*|sing\s+dadi|insiden\w*)"
    r"|\bsing\s+dudu\b|\bora\s+ana\s+(?:hubungan\w*|sambung\w*|gandheng\w*|sesambungan\w*"
    r"|gegayutan\w*|apa-apane)|\bora\s+nyambung\b"
    r"|\b(?:masalah|bug|tiket|ticket|kasus|perkara|prakara|error|kedadeyan|kedadean)"
    r"\s+(?:liya|liyane|dhewe|seje|sejen|beda)\b"
    r"|\baja\s+(?:\S+\s+)?(?:dilebok\w*|dietung\w*|diitung\w*|dicampur\w*|digatek\w*"
    r"|dianggep\w*|dimasukk?\w*|kesasar|bingung|keliru|kleru)"
    r"|\bora\s+(?:usah|perlu)\s+(?:\S+\s+)?(?:dietung|diitung|digatek\w*|dilebok\w*|dianggep"
    r"|diurus)|\bora\s+(?:dietung|diitung|dianggep|kaetung|kaitung|dilebok\w*)\b"
    r"|\bmung\s+(?:\S+\s+)?(?:warning|peringatan|konteks|akibat\w*|pengecekan\w*|cek|retry"
    r"|INFO|DEBUG|notice|health\s*check|informasi)\b"
    r"|\b(?:iku|kuwi|iki)\s+(?:mung\s+)?retry\b|\bdurung\s+gagal\b"
    r"|\b(?:INFO|DEBUG|WARNING|log|baris)\s+biasa\b|\bwajar\b|\bwis\s+(?:dikira|diarep)\w*"
    r"|\b(?:cek|skrip|script|pengecekan|retry|health\s*check|alert|wrapper)\s+(?:\S+\s+)?"
    r"awake?\s+dhewe\b"
    # ... Assamese: not the error, not this incident, not a symptom, not the problem (`ত্ৰুটি
    # নহয়`, `এই ঘটনাৰ নহয়`, `লক্ষণ নহয়`, `max_connections-ৰ সমস্যা নহয়`, `টাইমআউট নহয়`), no
    # relation (`একো সম্পৰ্ক নাই`), another matter or bug (`বেলেগ কথা`, `বেলেগ বাগ`, `আন এটা
    # সমস্যা`), do not be misled, mix up, count or alert on it (`বিভ্ৰান্ত নহ'ব`, `গণনা কৰোঁতে
    # বাদ দিব`, `এলাৰ্ট নবহুৱাব`), ignore it (`উপেক্ষা কৰক`), our own (`আমাৰ নিজৰ চেক`, `আমি
    # নিজে`), only information (`কেৱল তথ্য`), a consequence, expected, good news
    rf"|(?:ত্ৰুটি|এৰৰ|error|ঘটনা|লক্ষণ|কাৰণ|সমস্যা|বাগ|bug|টাইমআউট|timeout|ভুল|অংশ|বিফলতা)\S*"
    rf"\s+{_IS_NOT}"
    rf"|সম্পৰ্ক(?:িত)?\s+(?:নাই|নাথাকে|{_IS_NOT}){_END}"
    rf"|(?:বেলেগ|পৃথক|আন|অন্য)\s+(?:এটা\s+|এক\s+)?(?:কথা|বাগ|bug|সমস্যা|টিকট|টিকেট|ticket"
    rf"|ঘটনা|ত্ৰুটি|এৰৰ|error|বিষয়)"
    rf"|বিভ্ৰান্ত\s+(?:নহ['’]?ব|নহ['’]?বা|নহ'বা|নহ’বা)|(?:খেলিমেলি|মিহলি)\s+নকৰি"
    rf"|(?:গণনা|গণ্য|হিচাপ)\S*\s+(?:\S+\s+)?নকৰি|বাদ\s+(?:দিব|দিয়ক|দিয়া|দিলোঁ)"
    rf"|(?:উপেক্ষা|আওকাণ)\s+কৰ|এলাৰ্ট\s+(?:\S+\s+)?(?:নবহুৱাব|নিদিব)"
    rf"|আমাৰ\s+(?:\S+\s+)?নিজৰ{_END}|আমি\s+নিজে{_END}"
    rf"|কেৱল\s+(?:তথ্য|INFO|DEBUG|WARNING|retry|সতৰ্কবাণী|সতৰ্কতা|চেক|health\s*check)"
    rf"|পৰিণাম|প্ৰত্যাশিত|ভাল\s+খবৰ"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Faroese `hatta`, `hetta`, `tað`, `tær`, `teir`, `tey`, `hann`, `hon`,
# `hesar`, `hesir`; Javanese `iki`, `kuwi`, `iku`, `kae`; Assamese `এইটো`, `সেইটো`, `এইবোৰ`,
# `সেইবোৰ`, `ই`, `দুয়োটা` (each up to its last letter: see above)
FO_JV_AS_BACK = (
    r"hatta|hetta|tað|tær|teir|tey|hann|hon|hesar|hesir|iki|kuwi|iku|kae"
    r"|এইট(?=ো)|সেইট(?=ো)|এইবোৰ|সেইবোৰ|ই|দুয়োট(?=া)"
)
