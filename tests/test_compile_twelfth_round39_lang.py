"""Issue #11, twelfth pass, thirty-ninth round: labels, severities and verdicts in Lingala (a
clause negated by `te` at its end, `mosusu`, `kaka`, French spellings, `ba-` glued to a borrowed
word) and Twi (`ɛnyɛ`, `nyɛ`, `foforo`, `pɛ`, written with `ɛ`, `ɔ` or with `e`, `o`); their verbs
of saying and the prose after a message; Twi's article `no` no denial; a severity's bracketed
part read whole (docs/incident-log-format.md, "Thirty-ninth round", says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.reader import compile_incident_log
from matcher.model import severity_as_written

LOCKED = 'psycopg2.errors.LockNotAvailable: could not obtain lock on relation "orders"'
LOCKED_SYMPTOM = 'psycopg2.errors.LockNotAvailable: could not obtain lock on relation "orders"'
DEADLOCK = "psycopg2.errors.DeadlockDetected: deadlock detected"


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            f"""**Nimero ya likama:** INC-PM-701
**Mokolo:** 2026-04-11
**Bozito:** Makasi mingi
**Motó ya likambo:** Ba-commande ekangamaki na migration
**Ba-service oyo ezuamaki:** orders

**Bilembo:**
* Na log ya orders: `{LOCKED}`
* `{DEADLOCK}` ewutaki na job ya rapport; ezali erreur ya likama oyo te.

**Ntina ya likama:** Migration esimbaki lock na table mobimba.

**Ndenge tobongisaki:** Migration ekabolami na ba-étape mike.

**Misala:**
* [x] lock_timeout na ba-migration nyonso
""",
            "critical",
        ),
        (
            # (Lingala's `ba-` spaced, its tone marks left out)
            f"""**Nimero ya likama:** INC-PM-701
**Mokolo:** 2026-04-11
**Bozito:** Moke
**Moto ya likambo:** Ba-commande ekangamaki na migration
**Ba service oyo ezuamaki:** orders

**Bilembo:**
* Na log ya orders: `{LOCKED}`
* `{DEADLOCK}`: likambo mosusu (OPS-44).

**Ntina:** Migration esimbaki lock na table mobimba.
""",
            "low",
        ),
        (
            f"""**Asɛm ID:** INC-PM-701
**Da:** 2026-04-11
**Ne mu den:** Ɛyɛ den
**Asɛmti:** Orders gyinae wɔ migration no mu
**Nnwuma a ɛkaa ho:** orders

**Nsɛnkyerɛnne:**
* Orders log no mu: `{LOCKED}`
* `{DEADLOCK}` fi report job no mu; ɛnyɛ mfomso no.

**Nea ɛde bae:** Migration no kuraa lock wɔ table no nyinaa so.

**Sɛnea yɛsiesiee:** Yɛkyekyɛɛ migration no mu nketenkete.

**Nneɛma a ɛsɛ sɛ yɛyɛ:**
* [x] lock_timeout wɔ migrations nyinaa so
""",
            "high",
        ),
        (
            # (Twi as a keyboard without `ɛ` and `ɔ` writes it)
            f"""**Asem ID:** INC-PM-701
**Da:** 2026-04-11
**Ne mu den:** Mfinimfini
**Asemti:** Orders gyinae wo migration no mu
**Nnwuma a ekaa ho:** orders

**Nsenkyerenne:**
* Orders log no mu: `{LOCKED}`
* `{DEADLOCK}` fi report job no mu; enye mfomso no.

**Nea ede bae:** Migration no kuraa lock wo table no nyinaa so.
""",
            "medium",
        ),
    ],
    ids=["lingala", "lingala-bare", "twi", "twi-without-open-vowels"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-701", severity)
    assert found.services == ("orders",)
    assert found.symptoms == (LOCKED_SYMPTOM,)


@pytest.mark.parametrize(
    "verdict",
    [
        # Lingala: it is not; only a retry; another error; we do not follow it; leave it; noise;
        # not an error; our own check; no relation
        "`{}` ezali ntina ya likama oyo te.",
        "`{}` ezali kaka kozongela ya job.",
        "`{}` — erreur mosusu, KSG-77.",
        "`{}`: tolandaka yango te.",
        "`{}` ezali kaka log ya job ya butu, tika yango.",
        "`{}` ezali makelele ya reconnect.",
        "`{}` ewutaki na test, erreur te.",
        "`{}` ewutaki na check na biso moko.",
        "`{}` ezali na boyokani te na likama oyo.",
        # Twi: it is not this matter; another bug; only a warning; we do not count it; do not
        # put it in; it does not concern it; different
        "`{}` — ɛnyɛ asɛm yi.",
        "`{}` yɛ bug foforo (KOPS-9).",
        "`{}` — warning pɛ.",
        "`{}` fi report job no mu, yɛnkan.",
        "`{}` fi report job no mu; yɛmfa nhyɛ asɛm yi mu.",
        "`{}` ɛmfa asɛm yi ho.",
        "`{}` yɛ ɔhaw soronko.",
        "`{}` — enye asem yi.",
        # ... in a next sentence that refers back to it
        "`{}` ewutaki na job ya rapport. Yango ezali erreur ya likama oyo te.",
        "`{}` fi report job no mu. Ɛno nyɛ mfomso no.",
    ],
)
def test_a_verdict_in_the_teams_language_sets_its_log_text_aside(verdict: str) -> None:
    symptoms = f"* `{LOCKED}`\n* {verdict.format(DEADLOCK)}"
    assert symptoms_of(symptoms) == (LOCKED_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        # Lingala: a progressive negated (`ezalaki kokoma te`, it was not writing) is a symptom
        f"Ba-commande ezalaki kokoma te; log ya orders: `{LOCKED}`",
        # Twi: `ɛnyɛ adwuma` (it does not work) is a symptom; `foforo` of a new thing is none
        f"Orders ɛnyɛ adwuma; batch foforo biara de `{LOCKED}` bae",
        # ... nor Danish `nye` (new) nor isiXhosa `enye` (one)
        f"Fra den nye worker kom `{LOCKED}`",
        # ... nor Haitian Creole's `te` (its past) before a verb, nor Hinglish's `pe` (on)
        f"Kliyan yo te wè `{LOCKED}` sou chak kòmand",
        f"Health dashboard pe orders red: `{LOCKED}`",
    ],
    ids=["lingala", "twi", "danish", "haitian", "hinglish"],
)
def test_words_near_a_verdict_are_none(said: str) -> None:
    assert symptoms_of(f"* {said}") == (LOCKED_SYMPTOM,)


def test_twis_article_no_before_a_twi_word_denies_nothing() -> None:
    symptoms = f"* Worker no kyerɛw `{LOCKED}` ne traceback.\n* Job no nso: `{DEADLOCK}`"
    assert symptoms_of(symptoms) == (
        LOCKED_SYMPTOM,
        "psycopg2.errors.DeadlockDetected: deadlock detected",
    )


@pytest.mark.parametrize(
    "said",
    [
        "Worker ya orders elobaki could not translate host name",
        "Worker log no kaa sɛ could not translate host name",
    ],
    ids=["lingala", "twi"],
)
def test_a_verb_of_saying_before_an_unquoted_message_makes_it_log_text(said: str) -> None:
    (symptom,) = symptoms_of(f'* {said} "db.invalid" to address')
    assert symptom.endswith('could not translate host name "<host>" to address')


@pytest.mark.parametrize(
    "said",
    [
        "Worker ya orders elobaki ba-erreur mingi na ngonga ya butu",
        "GC lines no kyerɛɛ sɛ heap no du 760 MB",
    ],
    ids=["lingala", "twi"],
)
def test_a_verb_of_saying_before_the_teams_words_makes_no_log_text(said: str) -> None:
    assert symptoms_of(f"* {said}\n* `{LOCKED}`") == (LOCKED_SYMPTOM,)


def test_the_teams_prose_after_a_message_is_no_part_of_it() -> None:
    said = "Log ya gateway: Failed to resolve 'orders-db' ([Errno -2] Name or service not known)"
    (symptom,) = symptoms_of(f"* {said} mpo na ba-host mibale, `a.invalid` na `b.invalid`")
    assert symptom == "Failed to resolve 'orders-db' ([Errno -2] Name or service not known)"


@pytest.mark.parametrize(
    ("written", "severity"),
    [
        ("Makasi mingi (Critical)", "critical"),
        ("Makasi (High)", "high"),
        ("Ɛnyɛ den (Low)", "low"),
        ("Ɛyɛ den paa", "critical"),
    ],
)
def test_a_severitys_bracketed_part_is_read_whole_before_its_words(
    written: str, severity: str
) -> None:
    assert str(severity_as_written(written)) == severity
