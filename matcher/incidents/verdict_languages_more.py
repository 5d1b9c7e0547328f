"""Verdicts in more languages teams write beside English (verdict_languages.py joins them to
the others): Macedonian, Marathi and Indonesian. Unrelated, not this incident, not part of it, a
separate ticket, does not count, only a retry or a health check, a consequence, ignore it."""

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
)
