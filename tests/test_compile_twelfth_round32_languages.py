"""Issue #11, twelfth pass, thirty-second round: labels, severities and verdicts in Cebuano,
Haitian Creole and West Frisian, their words for a log text that follows another, and an access
log's line cut down to its request and status (docs/incident-log-format.md, "Thirty-second
round", says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.reader import compile_incident_log

TOO_MANY = "pymysql.err.OperationalError: (1040, 'Too many connections')"
TOO_MANY_SYMPTOM = "pymysql.err.OperationalError: Too many connections"
DEADLOCK = "(1213, 'Deadlock found when trying to get lock; try restarting transaction')"


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            f"""**ID sa Insidente:** INC-PM-101
**Kabug-aton:** Taas
**Titulo:** Checkout nahunong
**Mga Serbisyo nga Naapektuhan:** orders-api

**Mga Simtomas:**
* Sa log: `{TOO_MANY}`
* `{DEADLOCK}` — gikan sa stock rebalance, walay labot sa insidente.

**Gigikanan sa Problema:**
* Gamay ra kaayo ang max_connections.

**Mga Buhaton:**
* [Nahuman] Alert sa threads_connected.
""",
            "high",
        ),
        (
            f"""**ID Ensidan:** INC-PM-101
**Gravite:** Ba
**Tit:** Checkout bloke
**Sevis ki touche:** orders-api

**Sentòm:**
* Nan log la: `{TOO_MANY}`
* `{DEADLOCK}` soti nan rebalance stock la, li pa gen rapò ak ensidan sa a.

**Kòz rasin:**
* max_connections te twò piti.

**Aksyon pou fè:**
* [Fèt] Alèt sou threads_connected.
""",
            "low",
        ),
        (
            f"""**Ynsidint-ID:** INC-PM-101
**Earnst:** Kritysk
**Titel:** Checkout stiet stil
**Troffen tsjinsten:** orders-api

**Symptomen:**
* Yn it log: `{TOO_MANY}`
* `{DEADLOCK}` kaam fan de rebalance-job, dat hat neat mei dit ynsidint te krijen.

**Oarsaak:**
* max_connections wie te leech.

**Aksjepunten:**
* [Dien] Alert op threads_connected.
""",
            "critical",
        ),
    ],
    ids=["cebuano", "haitian-creole", "west-frisian"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems and not log.warnings
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-101", severity)
    assert found.title.lower().startswith("checkout") and found.services == ("orders-api",)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "aside",
    [
        # Cebuano: another issue, don't include it; not part of it, just the app's retry; with
        # the Tagalog its teams mix in
        f"* `{DEADLOCK}` — lain nga isyu, ayaw na ni i-apil.",
        f"* `{DEADLOCK}` — dili kini parte sa insidente, retry ra sa app.",
        f"* `{DEADLOCK}` — hindi yan yung error, walay kalabotan.",
        # Haitian Creole: another problem, don't count it; not the incident's error; nothing
        # to do with it
        f"* `{DEADLOCK}` — se yon lòt pwoblèm, pa konte l.",
        f"* `{DEADLOCK}` se pa erè ensidan an, se yon retry.",
        f"* `{DEADLOCK}`: sa pa gen anyen pou wè ak ensidan an.",
        # West Frisian: another bug with its own ticket; not this error, don't count it; no
        # error, our own warning
        f"* `{DEADLOCK}` – oare bug, hat in eigen ticket.",
        f"* `{DEADLOCK}` is net dizze flater; net meitelle.",
        f"* `{DEADLOCK}` – gjin flater, dat is ús eigen retry-warskôging.",
    ],
    ids=[
        "ceb-other",
        "ceb-not-part",
        "ceb-tagalog",
        "ht-other",
        "ht-not-error",
        "ht-nothing-to-do",
        "fy-other-bug",
        "fy-not-this",
        "fy-own-warning",
    ],
)
def test_a_line_set_aside_in_the_teams_language_is_no_symptom(aside: str) -> None:
    assert symptoms_of(f"* `{TOO_MANY}`\n{aside}") == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "same",
    [
        # (the same error again: `mao ra gihapon` in another worker, `se menm erè a`, only
        # another number)
        f"* `{TOO_MANY}` — mao ra gihapon, sa laing worker.",
        f"* Anba: `{TOO_MANY}` — se menm erè a, li jis pase nan plizyè kouch.",
        f"* Op de oare host itselde: `{TOO_MANY}`, allinnich in oar nûmer.",
    ],
    ids=["cebuano", "haitian-creole", "west-frisian"],
)
def test_the_same_error_said_again_in_the_teams_language_stays(same: str) -> None:
    assert symptoms_of(same) == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kini dili error, check ra sa pool.",
        "Sa se tcheck pa nou, se pa erè a.",
        "Dit is ús eigen check.",
    ],
    ids=["cebuano", "haitian-creole", "west-frisian"],
)
def test_a_next_sentence_that_refers_back_in_the_teams_language(sentence: str) -> None:
    found = symptoms_of(f"* `{TOO_MANY}`\n* Then `pool check: {DEADLOCK}`. {sentence}")
    assert found == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        f"* `{TOO_MANY}` (orders), sunod ang `{DEADLOCK}` — dili kini error.",
        f"* `{TOO_MANY}` (orders), swiv pa `{DEADLOCK}` — se pa li.",
        f"* `{TOO_MANY}` (orders), folge troch `{DEADLOCK}` – gjin flater.",
    ],
    ids=["cebuano", "haitian-creole", "west-frisian"],
)
def test_a_verdict_on_the_text_that_follows_leaves_the_one_before(item: str) -> None:
    # (`followed by` in the team's language: the verdict is about the text after it only)
    assert symptoms_of(item) == (TOO_MANY_SYMPTOM,)


def test_an_access_log_line_cut_to_method_path_and_status_is_context_beside_the_error() -> None:
    # (the Creole file's `access.log: `GET /api/orders/… 502``: that a request failed, which
    # the error beside it says why; alone, it is all the author gave and stays)
    cut = "* access.log: `GET /api/orders/… 502`. Kliyan yo pa t ka wè kòmand yo."
    assert symptoms_of(f"{cut}\n* `{TOO_MANY}`") == (TOO_MANY_SYMPTOM,)
    assert symptoms_of(cut) == ("GET <path><any> 502",)
