"""Verdicts in the languages teams write beside English (verdicts.py reads them with the English
ones): unrelated, not the same error, not the cause, a side effect, does not count, another
problem, it was us, noise, excluded, and the abbreviations of terse notes."""

from __future__ import annotations

from matcher.incidents.verdict_languages_ay import BR_TO_AY_BACK, BR_TO_AY_VERDICT
from matcher.incidents.verdict_languages_bo_ti_my import BO_TI_MY_BACK, BO_TI_MY_VERDICT
from matcher.incidents.verdict_languages_fo_jv_as import FO_JV_AS_BACK, FO_JV_AS_VERDICT
from matcher.incidents.verdict_languages_gd_ig_yi import GD_IG_YI_BACK, GD_IG_YI_VERDICT
from matcher.incidents.verdict_languages_ku_dv_mg import KU_DV_MG_BACK, KU_DV_MG_VERDICT
from matcher.incidents.verdict_languages_ln_tw import LN_TW_BACK, LN_TW_VERDICT
from matcher.incidents.verdict_languages_more import MORE_BACK, MORE_VERDICT
from matcher.incidents.verdict_languages_om_sn_wo import OM_SN_WO_BACK, OM_SN_WO_VERDICT
from matcher.incidents.verdict_languages_su_tk_mi import SU_TK_MI_BACK, SU_TK_MI_VERDICT
from matcher.incidents.verdict_languages_xh_qu_eo import XH_QU_EO_BACK, XH_QU_EO_VERDICT

# ... in Portuguese, Spanish, French, German, Italian: unrelated, not the same error, not the
# cause, a side effect, does not count, another problem, it was us, noise, excluded.
FOREIGN_VERDICT = (
    r"sem rela\u00e7\u00e3o|n\u00e3o tem rela\u00e7\u00e3o|n\u00e3o (?:\u00e9|foi|era) o mesmo erro"
    r"|n\u00e3o (?:\u00e9|foi|era) a causa|efeito colateral|n\u00e3o contam?\b|outro problema"
    r"|fomos n\u00f3s|sin relaci\u00f3n|no tiene relaci\u00f3n|no (?:es|fue|era) el mismo error"
    r"|no (?:es|fue|era) la causa|efecto (?:secundario|colateral)|no cuentan?\b|otro problema"
    r"|fuimos nosotros|\botra cosa\b|descartad[oa]s?\b|sans rapport|sans lien|pas la cause"
    r"|pas la m\u00eame erreur|effet (?:de bord|secondaire)|ne comptent? pas|autre probl\u00e8me"
    r"|c'\u00e9tait nous|\u00e9cart\u00e9e?s?\b|non li\u00e9e?s?\b|kein zusammenhang"
    r"|nicht (?:die|der) ursache|nicht derselbe fehler|nebenwirkung|nebeneffekt"
    r"|z\u00e4hlt nicht|z\u00e4hlen nicht|anderes problem|waren wir\b|ausgeschlossen"
    r"|non correlat[oaie]\b|nessuna relazione|non (?:\u00e8|era) lo stesso errore"
    r"|non (?:\u00e8|era) la causa|effetto collaterale|non contano\b|altro problema"
    r"|eravamo noi|\brumore\b|\bru\u00eddo\b|\bruido\b|\bbruit\b|\brauschen\b"
    # (a consequence, another message, the wrong track, not the real error, left out)
    r"|andere meldung|\b(?:die|eine) folge\b|nicht in die signatur"
    r"|nichts (?:[\w\u00e4\u00f6\u00fc]+ ){0,4}zu tun"
    r"|falsche f\u00e4hrte|\bkein (?:zus\u00e4tzlicher |eigener |echter |weiterer )?fehler\b"
    r"|separate[sn]? (?:thema|problem|ticket)|anderes thema|nicht teil (?:von|des|der|dieses)\b"
    r"|(?:einem|einen|ein) anderen? (?:incident|vorfall|ticket|problem|thema)\b"
    r"|nicht der (?:eigentliche )?fehler|falsche spur|folgefehler|consequ\u00eancia"
    r"|n\u00e3o (?:\u00e9|era) o erro|consecuencia|no (?:es|era|son|eran) el error|cons\u00e9quence"
    r"|(?:n'est|n'\u00e9tait) pas l'erreur|conseguenza|non (?:\u00e8|era) l'errore"
    r"|pista sbagliata|pista errada|fuera de la firma|hors de la signature"
    r"|not an? (?:bug|error|failure|problem|fault) of (?:its|their) own"
    # ... in Catalan, Danish, Norwegian and Swedish, and Swahili
    r"|res a veure|no relacionat|no era aix\u00f2|un altre (?:missatge|error|problema)"
    r"|no (?:\u00e9s|era) el que|si hii\b|no (?:\u00e9s|era) (?:la causa|l'error)|\bsoroll\b"
    r"|ikke (?:\u00e5rsag(?:en)?|fejlen|feilen|relateret|relatert)|uafh\u00e6ngig|\bst\u00f8j\b"
    r"|inte (?:orsaken|felet)|orelaterad|haihusiani|si chanzo|\bkelele\b|si (?:hitilafu|error)\b"
    r"|en annen sak|\bnoe annet\b|ikke (?:denne|den) feilen|ikke en (?:del av|ny feil)"
    r"|\burelatert\b|\bst\u00f8y\b|ikke \u00e5 forveksle"
    # ... more Italian
    r"|non c'entran[oa]|non (?:\u00e8|era) questo incidente|un'altra storia|causa diversa"
    r"|siamo stati noi|da ignorare|un altro (?:problema|incidente|errore)"
    # ... in Polish, Galician and Tagalog
    r"|nie myli\u0107|inny b\u0142\u0105d|inny przypadek|nie to samo|niezwi\u0105zan\w*"
    r"|bez zwi\u0105zku"
    r"|nie (?:jest|by\u0142[ao]?) przyczyn\u0105|czerwony \u015bled\u017a|nie liczy\u0107"
    r"|non \u00e9 (?:exactamente )?o mesmo|non (?:\u00e9|era) a causa|sen relaci\u00f3n"
    r"|walang kinalaman|hindi ito(?: yung)?\b|hindi (?:yung )?cause\b|hindi pala\b"
    r"|ibang (?:bug|issue|error|job|problema|ticket)|hiwalay na ticket"
    # ... more Spanish
    r"|lo que no era|no (?:es|son|era|eran) el incidente|(?:es )?otro mensaje"
    r"|no (?:lo|los|la|las) cuenten"
    # ... more Dutch (Flemish) and French
    r"|niets mee te maken|niet verwarren|andere melding|niet de fout|niet wat\b"
    r"|pas confondre|ce ne sont pas des erreurs|ce n'est pas (?:une |l')erreur"
    # ... Romanian
    r"|nu a fost cauza|nu confunda\w*|\bzgomot\b|alt\u0103 (?:situa\w+|problem\w*|eroare)"
    r"|nu are leg\u0103tur\u0103|nu (?:e|este) (?:cauza|eroarea)"
    # ... Swedish and Nigerian Pidgin
    r"|inte relevant|inte samma sak|inte det vi|ignorera|har inget med|inget med det"
    r"|na (?:separate|different|another) (?:matter|issue|thing|wahala)|no be (?:am|the cause)\b"
    r"|(?:it is|it's) not the same\b"
    # ... the abbreviation of terse notes (`n/r: "…"`, not related)
    r"|(?<![\w/])n/r(?![\w/])"
    # ... in Turkish and Czech
    r"|ilgisi yok|alakas\u0131 yok|ayr\u0131 (?:dert|konu|mesaj|sorun|hata|bir mesaj)\w*"
    r"|kar\u0131\u015ft\u0131rmay\u0131n|say\u0131lmaz|bo\u015funa|hata de\u011fil"
    r"|nesouvis\w*|nebyl[oa]? p\u0159\u00ed\u010din\w*|jin\u00e1 chyba|jin\u00fd probl\u00e9m"
    r"|co to nebylo|\u0161um\b|nepl\u00e9st"
    # ... and in Dutch
    r"|niet de oorzaak|niet gerelateerd|geen verband|\bruis\b|uitgesloten|telt niet|tellen niet"
    r"|een ander probleem|ander probleem|niet het probleem|gevolg(?:schade)?\b|afgeleid"
    r"|geen onderdeel van|wat het n(?:i|\u00ed)et was|niet (?:dit|het) incident"
    r"|los van (?:dit|het|deze) (?:incident|probleem|storing)|\biets anders\b|hoort niet bij"
    r"|apart bekeken"
    # ... Greek, Lithuanian and Latvian
    r"|\u03ac\u03c3\u03c7\u03b5\u03c4[\u03bf\u03b1\u03b7]\w*|\u03ac\u03bb\u03bb\u03bf (?:bug"
    r"|\u03c3\u03c6\u03ac\u03bb\u03bc\u03b1|\u03b8\u03ad\u03bc\u03b1|ticket)"
    r"|\u03b4\u03b5\u03bd (?:\u03b5\u03af\u03bd\u03b1\u03b9"
    r"|\u03ae\u03c4\u03b1\u03bd) (?:\u03c4\u03bf \u03c3\u03c6\u03ac\u03bb\u03bc\u03b1"
    r"|\u03b7 \u03b1\u03b9\u03c4\u03af\u03b1)"
    r"|\u03b4\u03b5\u03bd \u03c3\u03c7\u03b5\u03c4\u03af\u03b6\u03b5\u03c4\u03b1\u03b9"
    r"|\u03b8\u03cc\u03c1\u03c5\u03b2\u03bf\u03c2"
    r"|\u03bc\u03b7\u03bd \u03c8\u03ac\u03c7\u03bd\u03b5\u03c4\u03b5"
    r"|ne ta pati|atskiras (?:dalykas|bug\w*|klaida|incidentas)|nepainio\w*|kitas bug\w*"
    r"|nesusij\w*|(?:ne|nebuvo) prie\u017eastis|ne (?:timeout|klaida)\b"
    r"|nav saist\u012bt\w*|nesaist\u012bt\w*|cita k\u013c\u016bda|nav c\u0113lonis|\btroksnis\b"
    r"|nejaukt\w*"
    # ... Malay and Indonesian, Hungarian and Finnish, Bengali, and Quebec French
    r"|tak (?:ada )?(?:berkaitan|kaitan)|tidak (?:ber|ter)kait\w*|tidak (?:ada )?(?:ber)?hubung\w*"
    r"|bukan (?:punca|error|simptom|gejala|masalah|penyebab|isu|bagian dari)\b"
    r"|(?:incident|insiden|bug|isu|masalah|tiket) lain\b"
    r"|jangan (?:campur|keliru)\w*|\babaikan\b"
    r"|\b(?:itu|tu|ini|yang|hal) lain\b(?!-)"
    r"|nem kapcsol\u00f3d\w*|nem (?:ez|az) volt az ok|m\u00e1s hiba|ei liity|eri virhe"
    r"|ei (?:ole )?syy"
    r"|\u09b8\u09ae\u09cd\u09aa\u09b0\u09cd\u0995(?:\u09b9\u09c0\u09a8| \u09a8\u09c7\u0987)"
    r"|\u0986\u09b2\u09be\u09a6\u09be (?:\u09b8\u09ae\u09b8\u09cd\u09af\u09be"
    r"|\u09ac\u09be\u0997)|\u0995\u09be\u09b0\u09a3 \u09a8\u09af\u09bc"
    r"|\u0986\u09b2\u09be\u09a6\u09be (?:\u099c\u09bf\u09a8\u09bf\u09b8|error|bug|issue|ticket"
    r"|message)"
    r"|\u09ac\u09be\u09a6 (?:\u09a6\u09bf\u09a4\u09c7 \u09b9\u09ac\u09c7"
    r"|\u09a6\u09c7\u0993\u09af\u09bc\u09be|\u09a6\u09bf\u09a8)"
    r"|(?:timeout|error|bug|cause) \u09a8\u09be(?![^\s,.;!?\u0964])"
    r"|pas rapport|rien \u00e0 voir|aucun rapport|autre (?:bobo|affaire|histoire|ticket|bug|erreur)"
    r"|pas (?:le|la) m\u00eame (?:probl\u00e8me|bug|message|incident|affaire|erreur)"
    r"|c'est (?:juste )?nous(?: autres)?\b|\u00e0 ignorer|laiss\u00e9e?s? de c\u00f4t\u00e9"
    # ... more Portuguese, Polish and Turkish
    r"|n\u00e3o t[e\u00ea]m nada a ver|(?:\u00e9|s\u00e3o|era|eram|de) outra coisa"
    r"|n\u00e3o (?:foi|\u00e9|era) o problema"
    # ... Brazilian slang (`eram outra parada`, `nada a ver`, `não é esse incidente`, `é outra
    # mensagem`, `não contem como o mesmo erro`)
    r"|\bnada a ver\b|\boutr[ao] (?:parada|mensagem|hist\u00f3ria|treta|bronca|erro|bug)\b"
    # (`é barulho`, noise; `não é o nosso erro`, not our error)
    r"|\bbarulho\b|n\u00e3o (?:\u00e9|era|s\u00e3o|eram) (?:o |os )?nossos? erros?\b"
    r"|n\u00e3o (?:\u00e9|foi|era) (?:esse|este|desse|deste|do|o mesmo) incidente"
    r"|n\u00e3o (?:contem|conte|contar|contamos)\b|n\u00e3o (?:s\u00e3o|\u00e9|era|eram) o erro\b"
    r"|(?:s\u00e3o|\u00e9) (?:s\u00f3 |apenas )?(?:d?o )?nosso (?:job|retry|health|check|teste)"
    r"|nie ten incydent|nie (?:jest )?cz\u0119\u015bci?\u0105? (?:tego|incydentu)|nie liczymy"
    r"|fa\u0142szywy trop|nie ma zwi\u0105zku|byli\u015bmy my|nie jest objaw\w*"
    # ... in Nigerian Pidgin (`e no be another error, no count am`, `na another bug`, `different
    # wahala`, `make una no mix am`, `e no dey part of this incident`, `No relation.`)
    r"|\bno be (?:the |an?other |this |a |separate )?(?:\w+ )?(?:error|incident|cause|problem"
    r"|issue)\b|\bno count (?:am|dem|them)\b|\bna (?:another|different|separate) (?:bug|issue"
    r"|problem|error|wahala)\b|\bdifferent wahala\b|\bno mix (?:am|dem)\b|\bno (?:dey|be) part of\b"
    r"|^\W*no relation\W*$"
    r"|nie (?:osobny |jest )?b\u0142\u0105d\w*"
    r"|osobn[yae] (?:bug|b\u0142\u0105d|problem|incydent|sprawa)\w*|inny job"
    r"|bu olay(?:la ilgili)? de\u011fil|ba\u015fka bir (?:durum|sorun|konu|olay)"
    r"|say(?:ma|mad)\u0131k|ayr\u0131 bir (?:bug|hata|sorun|konu)"
    # ... Icelandic
    r"|\b\u00f3skylt\b|\b\u00f3tengt\b|\bekki rugla saman|\bhvorugt er\b"
    r"|\bekki (?:villan|ors\u00f6kin|vandam\u00e1li\u00f0|hluti af)\b|\banna\u00f0 m\u00e1l\b"
    # ... Croatian, Serbian and Bosnian, and Slovenian
    r"|\bni(?:je|su)? (?:povezan\w*|vezan\w*|isto|isti|zaseban problem|gre\u0161k[aei]|del\b)"
    r"|\bnepovezan\w*|nema(?:ju)? veze|\bne brojati|\bnebitn\w*|\bposljedic\w*"
    r"|\bdrug(?:i|a|o) (?:bug|problem|gre\u0161ka|pri\u010da|tiket|te\u017eava)"
    r"|\bni lo\u010den\w*|\bposledic\w*|\bstara te\u017eava|\bna\u0161e (?:lastno )?opozorilo"
    r"|\bna\u0161[ae] (?:dijagnosti\u010dk\w* )?poruk\w*|\bne \u0161tejemo"
    # ... Bulgarian, Russian and Ukrainian
    r"|\bнямат? нищо общо|\bнищо общо|\bне е част от|\bне е същото|\bнесвързан\w*"
    r"|\bдруг(?:а|о|и)? (?:проблем|грешка|бъг|задача|инцидент|тикет|история|ред)\b"
    r"|\bотдел(?:ен|на|но|ни) (?:бъг|проблем|грешка|тикет|инцидент)|\bне е от (?:този|тоя) инцидент"
    r"|\bне е (?:свързан\w*|грешката|причината|симптом)|\bсамо шум\b|\bигнорира\w*|\bе от нас\b"
    r"|\bне связан\w*|\bне относится\b|\bни при ч[её]м\b|\bпросто шум\b|\bэто мы\b"
    r"|\bдруг(?:ая|ой|ое) (?:проблема|ошибка|баг|инцидент|тикет)"
    r"|\bотдельн\w+ (?:баг|проблема|тикет|инцидент|ошибка)|\bне (?:часть|причина|ошибка|симптом)\b"
    # (`не наша ошибка, а следствие`, `не первичная ошибка`, `вторичное, не считаем`)
    r"|\bследстви\w*|\bвторичн\w*|\bне считаем\b|\bне (?:наша|первичн\w*) ошибк\w*"
    # ... Serbian in Cyrillic (`немају везе са овим`, `није део овог инцидента`, `посебан баг`,
    # `то су последице`, `не мешати са`, `наше дијагностичке поруке, не грешке`)
    r"|\bнема(?:ју)? везе|\bни(?:је|су) (?:део|дио|повезан\w*|грешк\w*|узрок)\b"
    r"|\bпосеб(?:ан|на|но|ни) (?:баг|проблем|грешка|тикет)|\bпоследиц\w*|\bне мешати\b"
    r"|\bнаш(?:е|а|и)? (?:дијагностичк\w+ )?(?:порук\w*|провер\w*|лог)\b|\bне грешк\w*"
    r"|\bне пов.язан\w*|\bінш(?:а|ий|е) (?:проблема|помилка|баг|інцидент|тікет)"
    r"|\bокрем\w+ (?:баг|проблема|тікет|інцидент)|\bне (?:частина|причина|помилка)\b"
    # ... more Hungarian (`nem ennek az incidensnek a része`, `külön, régi ügy`, `következmények`)
    r"|\bnem (?:ennek|ehhez) az? (?:incidens|hib|problém)\w*|\bnem része\b"
    r"|\bkülön(?:,? régi)? (?:hiba|ügy|probléma|bug|jegy)\w*"
    r"|\bkövetkezmény\w*|\bnem (?:ez|az)\W*$|\bnem a (?:timeout|hiba|ok)\b"
    # ... Vietnamese (`KHÔNG phải sự cố này`, `khác lỗi, không tính vào đây`, `không liên quan`)
    r"|\bkhông phải (?:là )?(?:sự cố|lỗi|nguyên nhân"
    r"|triệu chứng|vấn đề)|\bkhác lỗi\b"
    r"|\b(?:lỗi|sự cố|vấn đề|chuyện|bug) khác\b"
    r"|\bkhông (?:tính|liên quan|dính)\b|\bbỏ qua\b|\bhậu quả\b|\blỗi cũ\b"
    # ... Japanese and Chinese (`本件とは無関係`, `別件`, `エラーではない`, `无关`)
    r"|無関係|関係(?:ない|なし|なかった|がない)|別件|別事象|おまけ|除外|対象外|無視|ので省略"
    r"|(?:エラー|症状|原因|証拠|証跡)(?:では|じゃ)ない|区別して|无关|不是(?:本次|这次)"
    # ... Estonian (`ei olnud selle intsidendiga seotud`, `need ei ole viga ise`, `välistasime`)
    r"|\bei (?:ole|olnud) (?:\w+ )?(?:(?:selle (?:intsidendiga|vea|probleemiga)|sellega) )?seotud"
    r"|\bmitte osa\b|\bmeie enda (?:tegevus|viga|kontroll)|\bei puutu\b|\bteise teenuse\b"
    r"|\bpole (?:sellega )?seotud|\bei (?:ole|olnud) (?:see )?viga\b|\bvälista\w*|\bmüra\b"
    r"|\bkõrvalmõju\b|\beraldi (?:viga|probleem|pilet|teema)|\bteine (?:viga|probleem|teema)"
    # ... Afrikaans (`het niks hiermee te doen nie`, `'n ander ding`, `Nie deel van die insident
    # nie`, `ignoreer dit`, `was ons`)
    r"|\bniks (?:hier)?mee te (?:doen|make)\b|\bniks met (?:hierdie|die) \w+ te (?:doen|make)\b"
    r"|\b(?:'n )?ander (?:ding|fout|probleem|kwessie|storie)\b|\baparte (?:kaartjie|fout|probleem)"
    r"|\bwas ons\b|\bnie deel van\b|\bignoreer\b|\bnie (?:die )?(?:oorsaak|fout|simptome?)\b"
    # ... Hinglish (`iss incident se koi lena dena nahi`, `confuse mat hona`, `consequence hai`)
    r"|\blena[- ]dena nahi\b|\bconfuse mat\b|\bconsequence hai\b"
    r"|\balag (?:issue|bug|problem|ticket)"
    r"|\b(?:woh|yeh|ye) (?:timeout|error|issue|problem|cause) nahi\b|\bignore karo\b"
    r"|संबंध(?:ित)? नहीं|लेना[- ]देना नहीं|अलग (?:समस्या|बग)"
    # ... Roman Urdu (`dono alag masle hain, is incident ka hissa nahi`, `taalluq nahi`) and
    # Basque (`ez dute zerikusirik`, `beste arazo bat`, `ez da intzidentzia hau`, `ez nahastu`)
    r"|\balag (?:masl[ae]\w*|cheez|error|case)\b|\bhissa nahi\b|\btaalluq nahi\b|\bcount nahi\b"
    r"|\bis incident ka nahi\b|\bmat milaa\w*|\bez (?:dute|du) zerikusirik\b|\bez nahastu\b"
    r"|\bbeste (?:arazo|kontu|akats|gauza) bat\b|\bez da intzidentzia hau\b|\bgu izan ginen\b"
    r"|\bez da intzidentziaren parte\b"
    # ... Korean (`별건으로 확인됨`, `다른 상황임`, `장애 증상 아님`, `관련 없음`, `무시`)
    r"|별건|별개|무관|(?:관련|관계|상관) ?없|다른 (?:상황|문제|이슈|에러|오류|건|버그|티켓)"
    r"|(?:증상|원인|에러|오류)(?:이|가)? 아(?:님|니)|무시"
    # (`별도 티켓 처리함`, `이번 건 아님`, `시그니처로 보지 않음`)
    r"|별도(?:로)? (?:티켓|이슈|건|처리|분류)|(?:이번|이) 건(?:은|이)? 아(?:님|니)|보지 않"
    # ... Thai (`คนละเรื่อง`, `ไม่เกี่ยวกับเคสนี้`, `ไม่ใช่สาเหตุ`, `อย่านับ`, `แยก ticket`), Swahili
    # (`hazihusiani na tukio hili`, `tatizo lingine`, `sio sehemu ya tukio`, `usichanganye`) and
    # Hebrew (`לא קשורים`, `אירוע אחר`, `תוצאה, לא הסיבה`, `זה אנחנו`, `לא לבלבל`)
    r"|คนละ(?:เรื่อง|ปัญหา|เคส|ตัว)|ไม่เกี่ยว|ไม่ใช่(?:สาเหตุ|ตัวเดียวกัน|ตัวจริง|error ตัวจริง)"
    r"|ไม่ได้เป็น error|ไม่ใช่ ?error|แค่ ?log|อย่านับ|ไม่นับ|แยก ?(?:ticket|ตั๋ว)|(?:บั๊ก|ปัญหา|error)\S* ?อีกตัว"
    r"|เราทำเอง|\bha[a-z]{0,3}husiani\b"
    r"|\b(?:tatizo|kosa|jambo|suala|bug|hitilafu) (?:lingine|jingine|nyingine)\b|\btiketi tofauti\b"
    r"|\bujumbe wetu (?:wenyewe|wa ndani)\b|\b(?:si|sio|siyo) dalili\b|\bkitu kingine\b"
    r"|\b(?:si|sio|siyo) (?:sehemu ya|tukio hili|chanzo|tatizo hili|kosa hili)\b"
    r"|\busichanganye\b|\btulijisababishia\b|\bpuuza\b"
    r"|לא קשור|אירוע אחר|בעיה אחרת|תקלה אחרת|מצב אחר|לא הסיבה|לא חלק מ|זה אנחנו|לא לבלבל"
    r"|לא התקלה|לא היא ש|לא שגיאות|להתעלם"
    # ... Ukrainian (`окрема історія`, `не відносяться`, `інше повідомлення`, `не рахували`,
    # `наслідок наших дій`, `не плутати`, `це НЕ цей інцидент`), Catalan (`no hi té res a veure`,
    # `soroll`, `no l'error`, `una altra cosa`) and Persian (`ربطی به این حادثه نداشت`, `خطای
    # جداگانه‌ای است`, `حسابش نکنید`, `نتیجه‌ی کار خودمان`, `نه بخشی از حادثه`, `یک باگ جدا`)
    r"|\bокрем\w+ (?:історі\w+|справ\w+|помилк\w+)|\bне відно\w+|\bінш\w+ повідомлення\b"
    r"|\bне рахува\w*|\bнаслідок наших\b|\bне плута\w*|\bне (?:цей|той) інцидент\b"
    r"|\bне має (?:нічого )?спільного\b|\bшум\b"
    r"|\bno (?:hi )?t[ée] res a veure\b|\bsoroll\b|\bno (?:és |era )?l'error\b|\buna altra cosa\b"
    r"|\bno (?:és|era) la causa\b|\bno compta\b|\bvam ser nosaltres\b|\baltre problema\b"
    r"|\b(?:érem|erem|som|érom) nosaltres\b|\bno (?:formen|forma) part\b"
    r"|\b(?:és|són|era|eren) (?:una |la )?conseqüència\b"
    r"|\bno causa\b"
    r"|ربطی (?:به \S+ \S+ )?(?:نداشت|ندارد|نداره)|جداگانه|حساب(?:ش|شان)? نکنید|کار خودمان"
    r"|نه بخشی از|باگ جدا|(?:باگ|خطای|مشکل) دیگر|گمراه‌?کننده|نادیده بگیرید"
    # ... more Tagalog (`Separate na ticket`, `hindi namin sinama`, `wag isama`, `ibang
    # mensahe`, `magkamukha lang`), Traditional Chinese (`跟這次無關`, `不是這次的問題`) and
    # Arabic, Egyptian and standard (`ملهمش علاقة بالحادثة`, `مش هو ده`, `حالة مختلفة`, `ده كان
    # إحنا`, `مش جزء من المشكلة`, `مشكلة تانية`, `لا علاقة له`, `ليس جزءًا من`)
    r"|separate na ticket|hindi (?:namin |natin )?(?:sinama|isinama|binilang)"
    r"|\b(?:wag|huwag) (?:na )?(?:isama|bilangin|pansinin)|ibang mensahe|magkamukha lang"
    r"|無關|不是(?:本次|這次)|另一個問題|別的問題|不算在|請忽略"
    r"|(?:ملهوش|ملهمش|مالهاش|ليس له|ليس لها|لا) ?علاقة|مش هو ده|مش هي دي|حالة (?:مختلفة|تانية)"
    r"|مش هي اللي|كان إحنا|كانت إحنا|مش جزء من|ليس جزءًا من|ليست جزءًا من"
    r"|(?:مشكلة|حاجة|غلطة) (?:تانية|أخرى|مختلفة)|مش الخطأ|ليس الخطأ|تجاهل"
    # ... Bengali (`এই ঘটনার সাথে সম্পর্ক নেই`, `আসল এরর না`, `গুনবেন না`, `এই ঘটনার অংশ নয়`,
    # `আমাদের নিজেদের হেলথ চেক`), Georgian (`შეცდომა არ არის`, `არ ჩათვალოთ`, `სხვა ამბავია`,
    # `ინციდენტს არ ეკუთვნის`, `ეს ჩვენ ვიყავით`) and Armenian (`ինքը սխալը չէ`, `մի հաշվեք`,
    # `այլ խնդիր է`, `այս միջադեպին չի վերաբերում`, `առանձին տոմս`, `կապ չունի`)
    r"|সম্পর্ক নেই|সম্পর্কিত নয়|অংশ (?:নয়|না)(?![\u0980-\u09ff])"
    r"|(?:আসল |কোনো |এই )?এরর (?:না|নয়)(?![\u0980-\u09ff])|গুনবেন না|গোনা হবে না|ধরবেন না"
    r"|ধরা হয়নি|গণ্য করবেন না|আলাদা (?:সমস্যা|বাগ|টিকিট|সীমা)|অন্য (?:সমস্যা|বাগ|এরর)"
    r"|নিজে(?:র|দের) (?:কোডের )?(?:হেলথ চেক|সতর্কবার্তা|রিট্রাই|চেক|WARNING)|আমরা নিজেরাই"
    r"|შეცდომა არ არის|შეცდომად არ ვ?ითვლით|არ ჩათვალოთ|არ ვთვლით|არ ეკუთვნის"
    r"|სხვა (?:ამბავ|ბაგ|პრობლემ|შეცდომ|ინციდენტ)\w*|ნაწილი არ არის|ჩვენ ვიყავით"
    r"|ჩვენი (?:რეტრაის|კოდის|health)|არა ეს შეცდომა|ცალკე (?:ticket|ტიკეტ|ბაგ|პრობლემ)"
    r"|սխալը? չէ|սխալներ չեն|մի հաշվեք|(?:այլ|ուրիշ) (?:խնդիր|bug|սխալ|միջադեպ)"
    r"|չի վերաբերում|միջադեպը? (?:չէ|չեն)|առանձին (?:տոմս|խնդիր|bug)|կապ չունի"
    r"|մեր (?:սեփական|retry)"
    # ... Kazakh (`бұл инцидентке қатысы жоқ`, `бұл басқа`, `есептемейміз`, `шатастырмаңыз`,
    # `бөлек мәселе`, `осы инциденттің қатесі емес`), Amharic (`የዚህ ክስተት ስህተት አይደለም`,
    # `ለብቻው እንመለከተዋለን`, `እኛ ራሳችን`) and Nepali (`यो घटना होइन`, `त्रुटि होइन`, `कुनै सम्बन्ध
    # छैन`, `अर्कै bug हो`, `यो घटनामा पर्दैन`)
    r"|қатысы жоқ|бұл басқа\b|есептеме(?:йміз|ңіз|ңдер)|шатастырма\w*"
    r"|бөлек (?:мәселе|қате|баг|тикет)|(?:қатесі|қате|инцидент) емес"
    r"|(?:ስህተት|ክስተት) አይደለም|ለብቻው|እኛ ራሳችን"
    r"|(?:घटना|त्रुटि|समस्या|कारण) होइन|सम्बन्ध छैन|अर्कै (?:bug|समस्या|त्रुटि|कुरा)"
    r"|घटनामा पर्दैन|नगन्नु|नमिसाउनु"
    # ... Uzbek (`xatoning o‘zi emas`, `boshqa muammo`, `hisoblamang`, `aloqasi yo‘q`,
    # `kirmaydi`), Mongolian (`хамааралгүй`, `холбоогүй`, `алдаа гэж тооцохгүй`, `үр дагавар`,
    # `өөр асуудал`, `тусдаа алдаа биш`) and Sinhala (`මේ error එක නොවේ`, `අදාළ නැහැ`, `වෙනම
    # ticket එකක්`)
    r"|(?:xato\w*|o[‘'ʻ’]zi|timeout|sababi?|insident\w*|muammo\w*) emas\b"
    r"|boshqa (?:muammo|holat|bug|xato|masala|hodisa)|hisoblama(?:ng|ymiz)\b"
    r"|aloqasi yo[‘'ʻ’]q|kirmaydi\b|qarama(?:ng|ymiz)\b|chalkashtirma\w*"
    r"|хамааралгүй|холбоогүй|тооцохгүй|үр дагавар|(?:алдаа|инцидент|oom|асуудал) биш\b"
    r"|өөр (?:асуудал|алдаа|bug|тайлан)|тусдаа (?:алдаа|асуудал|bug|ticket)"
    r"|(?:එක|දෝෂය|දෝෂයක්) නොවේ|අදාළ නැහැ|අදාළ නැත|වෙනම (?:ticket|bug|issue)"
    # ... Azerbaijani (`aidiyyəti yoxdur`, `hadisənin xətası deyil`, `başqa bug-dır`, `aid
    # deyil`, `əlaqəsi yoxdur`, `qarışdırmayın`), Tajik (`хатои дигар аст`, `пайомад`, `робита
    # надорад`, `дахл надоранд`, `ин ҳодиса нест`, `хато нестанд`) and Khmer (`មិនពាក់ព័ន្ធ`,
    # `ផលវិបាក`, `មិនមែនជាកំហុស…ទេ`)
    r"|aidiyyəti yoxdur|(?:xəta\w*|səbəb\w*|hadisə\w*) deyil\b|aid deyil\b|əlaqəsi yoxdur"
    r"|(?:başqa|ayrı|ayrıca) (?:bug|problem|xəta|məsələ|hadisə)|qarışdırmayın|biz özümüz"
    r"|saymırıq|saymayın|sayılmır"
    r"|(?:хатои|мавзӯи|гузориши|масъалаи) дигар|пайомад|робита надор\w*|дахл надор\w*"
    r"|вобаста нест|(?:ҳодиса|хато|сабаб) (?:нест|не)\b|хато нестанд|на сабаби"
    r"|មិនពាក់ព័ន្ធ|ផលវិបាក|មិនមែនជា[^។]{0,40}ទេ"
    # ... Kyrgyz (`ката эмес`, `аны санабайбыз`, `башка нерсе`, `инцидентке кирбейт`, `тиешеси
    # жок`, `чаташтырбагыла`) and Lao (`ບໍ່ແມ່ນສາເຫດ`, `ບໍ່ກ່ຽວ`, `ບໍ່ຕ້ອງນັບ`, `ບັນຫາແຍກ`, `ຜົນຕາມມາ`)
    r"|(?:ката\w*|инцидент\w*|timeout|себеп\w*) эмес\b|санаба(?:йбыз|гыла|ңыз)"
    r"|башка (?:нерсе|ката|баг|маселе|job|тикет)|кирбейт|тиешеси жок|чаташтырба\w*"
    r"|ບໍ່ແມ່ນ(?:ສາເຫດ|\s*error|ເຫດການ|ບັນຫາ)|ບໍ່ກ່ຽວ|ບໍ່ຕ້ອງນັບ|(?:ບັນຫາ|ticket\s*)ແຍກ|ຜົນຕາມມາ"
    # ... Telugu (`ఈ incident కి సంబంధం లేదు`, `అసలు error కాదు`, `వేరే సంగతి`, `లెక్కపెట్టకండి`,
    # `confuse అవ్వకండి`, `retry lines మాత్రమే`), Albanian (`nuk ka lidhje`, `nuk janë pjesë e këtij
    # incidenti`, `është pasojë`, `bug tjetër`, `tiketë më vete`, `s'ka të bëjë me`) and Gujarati
    # (`error નથી`, `આ ઘટના નથી`, `અલગ રાખવી`, `ન ગણવો`, `નથી ગણતા`, `સંબંધ નથી`, `પરિણામ છે`)
    r"|సంబంధం (?:లేదు|లేని|లేనివి|లేనిది|ఉండదు)|సంబంధించి(?:నది|నవి) కా(?:దు|వు)|భాగం కా(?:దు|వు)"
    r"|(?:error|errors|ఎర్రర్|లోపం|దోషం|తప్పు|కారణం|cause|timeout|incident|సంఘటన|issue|bug|సమస్య"
    r"|line|lines|లైన్|message|లక్షణం)(?:\s+(?:కి|కు|లో|line|lines|లైన్))?\s+కా(?:దు|వు)"
    r"|వేరే (?:సంగతి|విషయం|సమస్య|కథ|ticket|టికెట్|issue|bug|incident|సంఘటన)"
    r"|లెక్క(?:పెట్ట|ించ|లోకి తీసుకో)(?:కండి|వద్దు|కూడదు|ము|లేదు)"
    r"|confuse (?:అవ్వ|కా)(?:కండి|వద్దు)|కలప(?:కండి|వద్దు|కూడదు)|గందరగోళ\S* పడకండి"
    r"|(?:retry|health check|checker|stats|రీట్రై)(?: \S+){0,2} మాత్రమే|పర్యవసాన|దుష్ప్రభావ"
    r"|ignore (?:చేయండి|చెయ్యండి|చేయి|చేశాము|చేసాము)|పట్టించుకోకండి|విస్మరించ"
    r"|\bnuk (?:ka|kanë|kishte|kishin) (?:asnjë )?lidhje\b|\bs['’]ka(?:në)? lidhje\b|\bpa lidhje\b"
    r"|\bnuk lidh(?:et|en)\b|\b(?:nuk |s['’])(?:ka|kanë|kishte) të bëj\w*|\bnuk i përk\w+"
    r"|\b(?:nuk |s['’])(?:është|janë|ishte|ishin) (?:pjesë\b|ky incident|gabimi\b|shkaku\b"
    r"|simptom\w*|gabim më vete)|\bjo (?:nga )?(?:ky|këtij|këtë) incident\w*"
    r"|\bjo (?:gabimi|shkaku)\b"
    r"|\b(?:gabim|bug|problem|incident|tiket|mesazh|çështje)\w* (?:tjetër|tjeter|më vete"
    r"|i veçantë|e veçantë|i ndarë|e ndarë)\b|\bpasoj[ëae]\w*|\befekt(?:i)? anësor\w*|\bdytësor\w*"
    r"|\bmos (?:e |i |t['’]i )?(?:numëroni|llogaritni|ngatërroni|përzieni|përdorni)\b"
    r"|\bnuk (?:e |i )?(?:numëro|llogari)\w*|\bvetëm (?:një )?(?:njoftim|paralajmërim|kontroll"
    r"|ripërpjekje|retry|health check)|\b(?:është|janë) (?:vetëm )?(?:normal[e]?|paralajmërim\w*)\b"
    r"|\binjoro\w*|\bshpërfill\w*"
    r"|(?:error|errors|એરર|ભૂલ|ક્ષતિ|કારણ|લક્ષણ|ઘટના|incident|timeout|bug|issue|સમસ્યા|line|લાઇન"
    r"|cause)\S*\s+નથી|સંબંધ નથી|સંબંધિત નથી|લેવા ?દેવા નથી|ભાગ નથી"
    r"|(?:અલગ|જુદ[ીોું]|બીજી) (?:સમસ્યા|ઘટના|bug|issue|ticket|ટિકિટ|વાત|મુદ્દો|ભૂલ)"
    r"|અલગ રાખ|અલગ ગણ|ન ગણ(?:વો|વી|વું|વા|શો)|ગણ(?:શો|વું|વો|વી|વા) નહીં|નથી ગણ|ગણ(?:તા|તી|્યા) નથી"
    r"|પરિણામ છે|નું પરિણામ|આડઅસર|ignore કર|અવગણ|alert ન મૂક|ભેળસેળ ન કર|ગૂંચવશો નહીં"
    r"|(?:અમારી|અમારો|અમારું|અમારા) પોતાન\S* (?:\S+ )?(?:check|ચેક|retry|health)"
    r"|ફક્ત (?:DEBUG|INFO|retry|health check|config|notice)"
    rf"|{MORE_VERDICT}|{FO_JV_AS_VERDICT}|{BO_TI_MY_VERDICT}|{SU_TK_MI_VERDICT}|{LN_TW_VERDICT}"
    rf"|{KU_DV_MG_VERDICT}|{GD_IG_YI_VERDICT}|{XH_QU_EO_VERDICT}|{OM_SN_WO_VERDICT}"
    rf"|{BR_TO_AY_VERDICT}"  # (Breton, Luganda, Guarani; Asturian, Romansh; Aymara)
)

# A verb of failing `with` what it logged, in the languages above (Bulgarian `пада с`, `гръмна
# с`, Russian `падает с`, `упал с`): loglike.py reads the quote before it as a job's name
FOREIGN_FAILS_WITH = r"(?:пада|гръмна|падает|упал|упала)\s+с"

# The words that refer back to a log text in the languages above (backrefs.py): Bulgarian
# `това`, `тези`, `те`, Russian `это`, `эти`, `они`, Ukrainian `це`, `ці`, `вони`; Portuguese
# `isso`, `esses`, and a sentence that opens with its verb (`É parente, mas é outra mensagem`);
# Kazakh `бұл`, `олар`; Mongolian `энэ`, `тэр`; Uzbek `bu`, `ular`; Sinhala `ඒක`; Tajik `ин`,
# `инҳо`, `он`; Azerbaijani `o`; Kyrgyz `бул`, `ал`; Albanian `kjo`, `ky`, `këto`, `ato`, `ajo`,
# and a sentence that opens with its verb (`Është pasojë, jo gabimi që kërkojmë`); Macedonian
# `ова`, `оваа`, `тоа`, `тој`, `таа`, `овие`, `тие`; Belarusian `гэта`, `гэтыя`, `яны`, `ён`,
# `яна`, `яно`; Punjabi `ਇਹ`, `ਉਹ`; Kurdish Sorani `ئەوە`, `ئەمە`, `ئەوانە`, `ئەمانە`; Maltese
# `dan`, `din`, `dawn`, `dik`, `dak`, and `anki dan` (even this); Kinyarwanda `ibyo`, `ibi`, `iyo`,
# `ayo`, `izo`, `icyo`; isiZulu `lokhu`, `lokho`, `lezi`, `lezo`, `leyo`, `lowo`, `lesi`, `leso`;
# Hausa `wannan`, `waɗannan`, `wancan`; Uyghur `بۇ`, `ئۇ`, `بۇلار`, `ئۇلار`; Somali `kani`, `taasi`…
FOREIGN_BACK = (
    r"това|тези|те|это|эти|они|це|ці|вони|бұл|олар|энэ|тэр|bu|ular|ඒක|ин|инҳо|он|o|бул|ал"
    r"|kjo|ky|këto|ato|ajo|është|janë|ова|тоа|овие|тие|оваа|тој|таа"
    r"|гэта|гэтыя|яны|ён|яна|яно|ਇਹ|ਉਹ|ئەوە|ئەمە|ئەوانە|ئەمانە"
    r"|(?:anki )?(?:dan|din|dawn)|dik|dak|ibyo|ibi|iyo|ayo|izo|icyo"
    r"|lokhu|lokho|lezi|lezo|leyo|lowo|lesi|leso|wannan|wa[ɗd]annan|wancan"
    r"|بۇ|ئۇ|بۇلار|ئۇلار|kani|taasi|kuwaasi|kaasi"
    r"|isso|isto|esse|essa|esses|essas|\u00e9|s\u00e3o|era|eram"
    rf"|{MORE_BACK}|{XH_QU_EO_BACK}|{OM_SN_WO_BACK}|{LN_TW_BACK}|{BR_TO_AY_BACK}"
    rf"|{FO_JV_AS_BACK}|{BO_TI_MY_BACK}|{SU_TK_MI_BACK}|{KU_DV_MG_BACK}|{GD_IG_YI_BACK}"
)
