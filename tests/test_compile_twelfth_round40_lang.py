"""Issue #11, twelfth pass, fortieth round: labels, severities and verdicts in Asturian (`nun`,
`ye`, `otru`, `esti`, `-u` endings, `ḷḷ`) and Romansh (Rumantsch Grischun's `betg`, `nagin`,
`mo`, Sursilvan's `buc`, Vallader's `brich`); their verbs of saying and the prose after a
message; a plain sentence before a label and its message (docs/incident-log-format.md,
"Fortieth round", says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.reader import compile_incident_log
from matcher.model import severity_as_written

LOCKED = 'psycopg2.errors.LockNotAvailable: could not obtain lock on relation "orders"'
DEADLOCK = "psycopg2.errors.DeadlockDetected: deadlock detected"


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            f"""**Incidente:** INC-PM-702
**Títulu:** Los pedíos quedaron bloquiaos pola migración
**Gravedá:** Baxa
**Data:** 2026-04-11
**Servicios afeutaos:** orders

**Síntomes:**
* Nel rexistru d'orders: `{LOCKED}`
* `{DEADLOCK}` salió del job d'informes; nun ye'l fallu d'esti incidente.

**Causa de fondu:** La migración garró un lock en tola tabla.

**Igua:** La migración partióse en pasos pequeños.

**Aiciones:**
* [fecho] lock_timeout en toles migraciones
""",
            "low",
        ),
        (
            # (Romansh: Rumantsch Grischun's labels, the Sursilvan severity)
            f"""**ID d'incident:** INC-PM-702
**Data:** 2026-04-11
**Grevezza:** Aulta
**Servetschs pertutgads:** orders
**Titel:** Las empustaziuns bloccadas da la migraziun

**Sintoms:**
* En il log dad orders: `{LOCKED}`
* Betg l'errur: `{DEADLOCK}` dal job da rapports.

**Chaschun:** La migraziun tegneva in lock sin l'entira tabella.

**Soluziun:** La migraziun è partida en pass pitschens.

**Acziuns:**
* [fatg] lock_timeout per tut las migraziuns
""",
            "high",
        ),
    ],
    ids=["asturian", "romansh"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-702", severity)
    assert found.services == ("orders",)
    assert found.symptoms == (LOCKED,)


@pytest.mark.parametrize(
    "verdict",
    [
        # Asturian: they are not the error; it has nothing to do with it; do not count them;
        # another bug; only a retry; do not mix it up; it is not part of this incident; normal
        "`{}` vien del job d'informes; eses llinies nun son el fallu.",
        "`{}` — nun tien nada que ver.",
        "`{}` salió tamién. Nun hai que contales.",
        "`{}` ye otru bug (OPX-71).",
        "`{}` ye namás un reintentu del job.",
        "Nun confundir con `{}` del job d'informes.",
        "`{}` nun ye d'esti incidente.",
        "`{}` sal cada nueche y ye normal.",
        # Romansh: no symptom; another problem; nothing to do with it; we did not count it;
        # only our retry; it was us; Sursilvan's `buc`, Vallader's `brich`
        "Nagin sintom: `{}` dal job da rapports.",
        "`{}` è in auter problem (OPS-71).",
        "`{}` n'ha nagut da far cun quest incident.",
        "`{}` — quel n'avain nus betg dumbrà.",
        "`{}` è mo il retry da noss code.",
        "`{}` — quai eran nus sezs.",
        "Quei ei buc il sbagl: `{}`.",
        "`{}` nun es brich l'errur.",
        "Era betg: `{}` da la medema ura.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{LOCKED}`\n* {verdict.format(DEADLOCK)}"
    assert symptoms_of(symptoms) == (LOCKED,)


@pytest.mark.parametrize(
    "said",
    [
        # Asturian: `nun contestaba` (it did not answer), `nun ye cosa de la rede` (it is not
        # the network's doing) are about the symptom; Romansh `forsa ina autra classa`
        # (perhaps another class), `na cuntanscheva betg` (could not reach)
        f"Orders nun contestaba: `{LOCKED}`",
        f"Al fondu de la traza `{LOCKED}` (nun ye cosa de la rede)",
        f"En il traceback stat `{LOCKED}` (forsa ina autra classa)",
        f"Orders na cuntanscheva betg la banca da datas: `{LOCKED}`",
    ],
    ids=["asturian-answer", "asturian-network", "romansh-class", "romansh-reach"],
)
def test_words_near_a_verdict_are_none(said: str) -> None:
    assert symptoms_of(f"* {said}") == (LOCKED,)


@pytest.mark.parametrize(
    "said",
    [
        "El worker d'orders dicía could not translate host name",
        "La esportación dixo que could not translate host name",
        "Il worker dad orders ha logà could not translate host name",
    ],
    ids=["asturian", "asturian-that", "romansh"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    (symptom,) = symptoms_of(f'* {said} "db.invalid" to address')
    assert symptom.endswith('could not translate host name "<host>" to address')


@pytest.mark.parametrize(
    "after",
    ["pa `a.invalid` y tamién pa otru host", "durant l'entira fasa da migraziun"],
    ids=["asturian", "romansh"],
)
def test_the_teams_prose_after_a_message_is_no_part_of_it(after: str) -> None:
    said = "Log del gateway: Failed to resolve 'orders-db' ([Errno -2] Name or service not known)"
    (symptom,) = symptoms_of(f"* {said} {after}")
    assert symptom == "Failed to resolve 'orders-db' ([Errno -2] Name or service not known)"


@pytest.mark.parametrize(
    "lead",
    ["Quotes did not load.", "Les cotizaciones nun cargaben.", "Las offertas na chargiavan betg."],
)
def test_a_plain_sentence_before_a_label_and_its_message_is_no_part_of_the_label(
    lead: str,
) -> None:
    said = "The gateway gave a DNS error: Failed to resolve '...' ([Errno -2] Name or service"
    (symptom,) = symptoms_of(f"* {lead} {said} not known)")
    assert symptom == "Failed to resolve '<any>' ([Errno -2] Name or service not known)"


@pytest.mark.parametrize(
    ("written", "severity"),
    [
        ("Baxa", "low"),
        ("Mui alta", "critical"),
        ("Mediana", "medium"),
        ("Auta", "high"),
        ("Mesauna", "medium"),
        ("Fitg auta", "critical"),
        ("Pitschna", "low"),
        ("Ota", "high"),
        ("Mezdana", "medium"),
    ],
)
def test_asturian_and_romansh_severities(written: str, severity: str) -> None:
    assert str(severity_as_written(written)) == severity
