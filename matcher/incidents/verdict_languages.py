"""Verdicts in the languages teams write beside English (verdicts.py reads them with the English
ones): unrelated, not the same error, not the cause, a side effect, does not count, another
problem, it was us, noise, excluded, and the abbreviations of terse notes."""

from __future__ import annotations

# Verdicts in the languages teams write beside English (Portuguese, Spanish, French, German,
# Italian): unrelated, not the same error, not the cause, a side effect, does not count,
# another problem, it was us, noise, excluded.
FOREIGN_VERDICT = (
    r"sem rela\u00e7\u00e3o|n\u00e3o tem rela\u00e7\u00e3o|n\u00e3o (?:\u00e9|foi|era) o mesmo erro"
    r"|n\u00e3o (?:\u00e9|foi|era) a causa|efeito colateral|n\u00e3o contam?\b|outro problema"
    r"|fomos n\u00f3s|sin relaci\u00f3n|no tiene relaci\u00f3n|no (?:es|fue|era) el mismo error"
    r"|no (?:es|fue|era) la causa|efecto (?:secundario|colateral)|no cuentan?\b|otro problema"
    r"|fuimos nosotros|descartad[oa]s?\b|sans rapport|sans lien|pas la m\u00eame erreur"
    r"|pas la cause|effet (?:de bord|secondaire)|ne comptent? pas|autre probl\u00e8me"
    r"|c'\u00e9tait nous|\u00e9cart\u00e9e?s?\b|non li\u00e9e?s?\b|kein zusammenhang"
    r"|nicht (?:die|der) ursache|nicht derselbe fehler|nebenwirkung|nebeneffekt"
    r"|z\u00e4hlt nicht|z\u00e4hlen nicht|anderes problem|waren wir\b|ausgeschlossen"
    r"|non correlat[oaie]\b|nessuna relazione|non (?:\u00e8|era) lo stesso errore"
    r"|non (?:\u00e8|era) la causa|effetto collaterale|non contano\b|altro problema"
    r"|eravamo noi|\brumore\b|\bru\u00eddo\b|\bruido\b|\bbruit\b|\brauschen\b"
    # (a consequence, another message, the wrong track, not the real error, left out)
    r"|andere meldung|\b(?:die|eine) folge\b|nicht in die signatur|nichts (?:damit )?zu tun"
    r"|nicht der (?:eigentliche )?fehler|falsche spur|folgefehler|consequ\u00eancia"
    r"|n\u00e3o (?:\u00e9|era) o erro|consecuencia|no (?:es|era) el error|cons\u00e9quence"
    r"|(?:n'est|n'\u00e9tait) pas l'erreur|conseguenza|non (?:\u00e8|era) l'errore"
    r"|pista sbagliata|pista errada|fuera de la firma|hors de la signature"
    r"|not an? (?:bug|error|failure|problem|fault) of (?:its|their) own"
    # ... in Catalan, Danish, Norwegian and Swedish, and Swahili
    r"|res a veure|no relacionat|no era aix\u00f2|un altre (?:missatge|error|problema)"
    r"|no (?:\u00e9s|era) el que|si hii\b|no (?:\u00e9s|era) (?:la causa|l'error)|\bsoroll\b"
    r"|ikke (?:\u00e5rsag(?:en)?|fejlen|feilen|relateret|relatert)|uafh\u00e6ngig|\bst\u00f8j\b"
    r"|inte (?:orsaken|felet)|orelaterad|haihusiani|si chanzo|\bkelele\b|si (?:hitilafu|error)\b"
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
)
