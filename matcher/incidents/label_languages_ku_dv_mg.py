"""The labels of the house format in Kurmanji Kurdish, Dhivehi and Malagasy (labels.py adds them
to the others): Kurmanji in its Latin script (`ç`, `ê`, `î`, `ş`, `û`), with the Turkish words
its teams mix in; Dhivehi in the Thaana script, right to left, whose vowel signs (fili) are part
of each spelling as written; Malagasy, with the French its teams mix in, its apostrophe either
straight or curly (`Soritr'aretina`, U+2019). The Latin spellings are also read
without their accents, as a keyboard without them writes them (`KU_DV_MG` holds both). A line
per language, `|` between spellings. The sections that say their items are not the incident's
(`Ne ji vê bûyerê`, `މިއީ އެ މައްސަލައެއް ނޫން`, `Tsy olana`) are no field: what is under them is
never a symptom."""

from __future__ import annotations

from matcher.incidents.label_languages import OTHER
from matcher.model import unaccented

_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "id": (
        "hejmara bûyerê|hejmara bûyerê id|nasnameya bûyerê|id ya bûyerê|koda bûyerê|bûyer id",
        "ހާދިސާގެ އައިޑީ|ހާދިސާގެ ނަންބަރު|އިންސިޑެންޓް އައިޑީ|ހާދިސާ އައިޑީ",
        "laharan'ny tranga|laharana|laharan'ny olana|id tranga|id an'ny tranga|kaody tranga",
    ),
    "title": (
        "sernav|sernavê bûyerê|mijar|navê bûyerê",
        "ސުރުޚީ|ހާދިސާގެ ސުރުޚީ|މައުޟޫޢު|ސަބްޖެކްޓް",
        "lohateny|lohatenin'ny tranga|foto-kevitra",
    ),
    "date": (
        "dîrok|dîroka bûyerê|roj|tarîx",
        "ތާރީޚު|ހާދިސާގެ ތާރީޚު|ދުވަސް",
        "daty|datin'ny tranga|andro nitrangany",
    ),
    "severity": (
        "giranî|asta giraniyê|asta bûyerê|asta xeterê|girîngî|önem derecesi",
        "ނުރައްކާގެ މިންވަރު|ނުރައްކާ|ސީރިއަސްކަން|މުހިއްމުކަން|ސެވެރިޓީ",
        "hamafin'ny olana|hamafiny|haavon'ny loza|lanjany|gravité",
    ),
    "services": (
        "xizmetên bandorbûyî|xizmetên ku bandor lê bûyî|xizmetên têkildar|xizmet",
        "އަސަރުކުރި ޚިދުމަތްތައް|އަސަރުކުރި ޚިދުމަތް|އަސަރު ކުރި ޚިދުމަތްތައް|ޚިދުމަތްތައް",
        "serivisy voakasika|serivisy voakitika|serivisy tratra|services impactés",
    ),
    "symptoms": (
        "nîşan|nîşane|nîşanan|nîşaneyên|nîşanên bûyerê|tiştên ku me dîtin|me çi dît|belirtiler",
        "އަލާމާތްތައް|އަލާމާތް|ފެނުނު ކަންތައްތައް|ފެނުނު އަލާމާތްތައް",
        "soritr'aretina|soritra|ny hita|zavatra hita|ireo soritra|symptômes",
    ),
    "root_cause": (
        "sedema bingehîn|sedema sereke|sedem|sedema bûyerê|kök neden",
        "އަސްލު ސަބަބު|މައިގަނޑު ސަބަބު|ސަބަބު|ރޫޓް ކޯޒް",
        "antony fototra|antony lehibe|fototry ny olana|cause racine",
    ),
    "resolution": (
        "çareserî|çareseriya bûyerê|çawa hat çareserkirin|me çi kir|çözüm",
        "ހައްލު|ހައްލުކުރި ގޮތް|ކުރި ކަންތައް",
        "vahaolana|famahana|fanamboarana|ny natao|résolution",
    ),
    "action_items": (
        "karên paşê|karên ku divê bên kirin|gavên paşê|karên li pey|karên bê",
        "ކުރަންޖެހޭ ކަންތައްތައް|ކުރަންޖެހޭ ކަންތައް|ދެން ކުރާނެ ކަންތައްތައް|އެކްޝަން އައިޓަމްތައް",
        "asa atao|asa tokony hatao|dingana manaraka|ny hatao manaraka|actions",
    ),
    OTHER: (
        # (impact, timeline, summary, lessons, notes; not of this incident, not the error,
        # unrelated, what we do not count)
        "bandor|dema bûyerê|rêzeya demê|kurte|kurtasî|ders|dersên ku me girtin|nîşe|têbînî"
        "|ne ji vê bûyerê|ne ev xeletî|ne xeletî|ne têkildar|têkiliya wan tune"
        "|ya ku em nahesibînin|tiştên ku em nahesibînin|em nahesibînin",
        "އަސަރު|ހިނގި ގޮތް|ތާރީޚީ ތަރުތީބު|ޚުލާޞާ|ލިބުނު ފިލާވަޅުތައް|ނޯޓް|ނޯޓު"
        "|މިއީ އެ މައްސަލައެއް ނޫން|މިއީ މި ހާދިސާގެ އެރަރ ނޫން|ގުޅުމެއް ނެތް|ނުގުނާ ލައިންތައް",
        "fiantraikany|fizotran'ny fotoana|filaharam-potoana|famintinana|lesona|fanamarihana"
        "|tsy olana|tsy izy|tsy mifandray|tsy misy ifandraisany|tsy isaina|tsy hadisoana",
    ),
}


def _with_bare(line: str) -> str:
    """The spellings of a line, those with a curly apostrophe and those without accents."""
    spellings = line.split("|")
    curly = [s.replace("'", "\u2019") for s in spellings]
    bare = [unaccented(s) for s in spellings]
    return "|".join(dict.fromkeys([*spellings, *curly, *bare]))


KU_DV_MG: dict[str, tuple[str, ...]] = {
    name: tuple(_with_bare(line) for line in lines) for name, lines in _AS_WRITTEN.items()
}
