"""Verdicts in Sundanese (with the Indonesian its teams mix in), Turkmen (with the Russian words
its teams mix in, which verdict_languages reads) and Māori (verdict_languages.py joins them to
the others): not the error, not this incident, no relation, another problem or case, do not
count it or mix it up, only a warning, a check, a retry or the frame of a trace, a consequence,
our own, normal. Each is read with and without its accents (`é`, `ý`, `ā`), which a keyboard
without them drops. The words that refer back to a log text are at the end."""

from __future__ import annotations

# Sundanese's `é`, Turkmen's letters and Māori's macrons, or the bare letter a keyboard gives
# (`_EM`: Māori's `ē`)
_E, _Y, _A, _O, _U, _N, _S = "[ée]", "[ýy]", "[āa]", "[ōo]", "[ūu]", "[ňn]", "[şs]"
_AE, _OE, _EM = "[äa]", "[öo]", "[ēe]"
# what an error is called in these languages and the English they mix in (a log level too)
_ERROR = (
    rf"error\w*|masalah\w*|gejala\w*|kajadian\w*|insiden\w*|sabab\w*|cukang\s+lantaran"
    rf"|akar\s+masalah\w*|bug\w*|kasalahan\w*|pesen\s+error\w*|timeout\w*|OOM|ticket\w*"
    rf"|{_Y}al{_N}y{_S}l\w*|seb{_AE}b\w*|mesele\w*|hadysa\w*"
    rf"|alamat\w*|problema\w*|s{_AE}wlik\w*|{_S}owsuzlyk\w*"
    rf"|hapa\w*|tohu\b|aitu{_A}\b|p{_U}take\b|raruraru\b|p{_U}iro\b"
)

SU_TK_MI_VERDICT = (
    # Sundanese: not the error, not this problem, not a symptom of its own (`lain masalahna`,
    # `SANÉS masalah ieu`, `lain pesen errorna`, `lain gejala sorangan`, `sanés errno 13`),
    # no relation (`teu aya patalina jeung kajadian ieu`, `teu aya hubunganana`), another case,
    # report or bug (`béda kasus`, `laporan séjén`, `bug séjén`), do not put it in, count it or
    # be misled (`Ulah diasupkeun`, `ulah diitung`, `ulah kabobodo`), only a warning, a report
    # of progress, the frame of a trace, a check (`ngan peringatan`, `ngan laporan progrés`,
    # `ngan pigura`, `ngan pamariksaan`), only its consequence (`akibatna wungkul`), our own
    # (`aplikasi urang sorangan`), normal, expected (`wajar`, `geus disangka`)
    rf"\blain(?!-)\s+(?:\S+\s+)?(?:{_ERROR}|errno\b)"
    rf"|\bsan{_E}s\s+(?:\S+\s+)?(?:{_ERROR}|errno\b)"
    rf"|\b(?:teu|henteu|hent[ée]u)\s+aya\s+(?:patali\w*|hubungan\w*|patula-patali\w*|sambung\w*)"
    rf"|\b(?:teu|henteu)\s+(?:patali|nyambung|aya\s+pakuat-pakait)\w*"
    rf"|\bb{_E}da\s+(?:kasus|masalah|perkara|hal|bug|tiket|ticket|kajadian)\b"
    rf"|\b(?:kasus|masalah|perkara|bug|tiket|ticket|kajadian|laporan|error|hal)\w*\s+"
    rf"(?:s{_E}j{_E}n|b{_E}da|lian)\b"
    rf"|\bulah\s+(?:\S+\s+)?(?:diasupkeun|diitung|diétang|dietang|dicampur\w*|kabobodo"
    rf"|katipu|salah\s+sangka|dianggap|dipaliré|dipalire|dijieun\s+alert)"
    rf"|\b(?:teu|henteu)\s+(?:kudu\s+|perlu\s+)?(?:diitung|di[ée]tang|diasupkeun|dianggap)\b"
    rf"|\bngan\s+(?:\S+\s+){{0,2}}?(?:peringatan|b{_E}ja|laporan|pigura|pamariksaan|c{_E}k"
    rf"|retry|INFO|DEBUG|WARNING|notice|konteks|informasi|akibat\w*|stack)\b"
    rf"|\bakibat\w*\s+(?:wungkul|hungkul)\b|\b(?:mangrupa|ngan)\s+akibat\w*"
    rf"|\b(?:mah|t{_E}h)\s+(?:ngan\s+)?(?:pamariksaan|pigura|b{_E}ja|peringatan)\b"
    rf"|\burang\s+sorangan\b|\bgeus\s+(?:disangka|diperkirakeun|kaduga)\b"
    # ... Turkmen: not the error, not its cause, not the error itself, not a separate error
    # (`Ýalňyşlyk däl`, `sebäbi däl`, `ýalňyşlygyň özi däl`, `aýratyn ýalňyşlyk däl`, `ýat
    # meselesi däl`), does not belong to it (`degişli däl`), no relation (`baglanyşygy ýok`),
    # another problem, report, errno (`başga mesele`, `başga hasabatda`, `başga errno`), do not
    # alert on it, count it or mix it up (`alert goýmaly däl`, `hasaba almaly däl`,
    # `garyşdyrmaň`), only a warning, a retry or the stack (`diňe duýduryş`, `diňe WARNING`,
    # `diňe stack`), its consequence (`netijesi`), our own (`biziň öz`), normal (`kadaly`)
    rf"|(?:{_ERROR}|errno\w*|zat)\s+(?:hem\s+)?d{_AE}l\b|\b{_OE}z(?:i|[üu])\s+d{_AE}l\b"
    rf"|\bdegi{_S}li\s+d{_AE}l\b|\b(?:baglany{_S}ygy|gatna{_S}ygy|dahyly)\s+{_Y}ok\b"
    rf"|\bba{_S}ga\s+(?:bir\s+)?(?:mesele\w*|{_Y}al{_N}{_S}\w*|errno\w*|hasabat\w*|tiket\w*"
    rf"|hadysa\w*|zat\w*|bug\w*|problema\w*|s{_AE}wlik\w*|{_Y}agda{_Y}\w*|(?-i:[A-Z]+_[A-Z_]+))"
    rf"|\b(?:go{_Y}maly|almaly|garyşdyrmaly|garysdyrmaly|sanamaly|hasaplamaly)\s+d{_AE}l\b"
    rf"|\b(?:gary{_S}dyrma{_N}|hasaplama{_N}|sanama{_N})\b"
    rf"|\bdi{_N}e\s+(?:\S+\s+)?(?:du{_Y}dury{_S}\w*|WARNING|INFO|DEBUG|stack\w*|barlag\w*"
    rf"|ga{_Y}tadan\s+synany{_S}yk\w*|retry|netije\w*)"
    rf"|\bnetije(?:si|sidir)\b|\bbizi{_N}\s+{_OE}z\w*|\bkadaly\s+{_Y}agda{_Y}"
    # ... Māori: not an error, not this incident, not a symptom of it (`Ehara i te hapa`,
    # `Ehara i tēnei aituā`, `ehara i te tohu o tēnei aituā`, `Ehara tērā i te …`), no relation
    # (`kāore he hononga ki`, `kāore he pānga`), another matter or bug (`he take kē atu`, `he
    # pūiro kē`, `he mate-raka kē tēnā`), do not count, include or alert on it (`Kaua e tatau`,
    # `kaua e whakaurua`, `Kaua e whakaoho`), only a retry, talk, a statistic (`he whakamātau
    # anō noa iho`, `he kōrero noa`, `he tatauranga noa`), a recovery (`he whakaora`), ours
    rf"|\behara\s+(?:\S+\s+)?i\b|\bk{_A}ore\s+(?:he|i\s+te)\s+(?:hononga|p{_A}nga|take)\b"
    rf"|\bk{_EM}\s+atu\b|\bhe\s+\S+(?:\s+\S+)?\s+k{_EM}\b"
    rf"|\bkaua\s+e\s+(?:tatau|whakaur\w*|whakaoho|p{_O}h{_EM}h{_EM}|aro|whakaranu)\w*"
    rf"|\bnoa\s+iho\b|\bhe\s+(?:k{_O}rero|tatauranga|p{_A}tai|whakam{_A}tau(?:\s+an{_O})?"
    rf"|whakat{_U}pato\w*)\s+noa\b|\bhe\s+whakaora\b|\b(?:t{_A}|n{_A})\s+m{_A}tou\s+(?:ake|an{_O})\b"
)

# The words that refer back to a log text in the languages above (verdict_languages.py joins
# them to its own): Sundanese `éta`, `ieu`, `duanana` (both), `kabéhanana` (all of them);
# Turkmen `bu` (Uzbek's, there already), `ol`, `olar`, `bular`, `şol`; Māori `tēnā`, `tērā`,
# `tēnei`, `ēnei`, `ērā`, `ēnā`
SU_TK_MI_BACK = (
    rf"{_E}ta|ieu|duanana|kab{_E}hanana|ol|olar|bular|{_S}ol"
    rf"|t{_EM}n{_A}|t{_EM}r{_A}|t{_EM}nei|{_EM}nei|{_EM}r{_A}|{_EM}n{_A}"
)
