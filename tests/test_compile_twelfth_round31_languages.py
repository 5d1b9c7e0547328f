"""Issue #11, twelfth pass, thirty-first round: labels, severities and verdicts in Tatar,
Luxembourgish and Pashto, and a job named by a quote after its word (docs/incident-log-format.md,
"Thirty-first round", says the rules)."""

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
            f"""**Инцидент номеры:** INC-PM-101
**Җитдилек:** Югары
**Исеме:** Checkout туктады
**Кагылган хезмәтләр:** orders-api

**Симптомнар:**
* Логта: `{TOO_MANY}`
* `{DEADLOCK}` — stock rebalance'ныкы, бу инцидентка бәйле түгел.

**Төп сәбәп:**
* max_connections бик аз иде.

**Алга таба эшләр:**
* [Эшләнде] Алерт өстәргә.
""",
            "high",
        ),
        (
            f"""**Tëschefall-ID:** INC-PM-101
**Schwéiergrad:** Niddreg
**Iwwerschrëft:** Checkout blockéiert
**Betraffe Servicer:** orders-api

**Symptomer:**
* Am Log: `{TOO_MANY}`
* `{DEADLOCK}` koum vum Rebalance-Job, dat huet näischt mat dësem Tëschefall ze dinn.

**Grondursaach:**
* max_connections war ze kleng.

**Aktiounen:**
* [Gemaach] Alert op threads_connected.
""",
            "low",
        ),
        (
            f"""**د پېښې شمېره:** INC-PM-101
**شدت:** منځنی
**سرلیک:** checkout ودرېد
**اغېزمن خدمتونه:** orders-api

**نښې:**
* په لاګ کې: `{TOO_MANY}`
* `{DEADLOCK}` د stock rebalance و، له دې پېښې سره تړاو نه لري.

**اصلي لامل:**
* max_connections ډېر کم و.

**د عمل توکي:**
* [بشپړ] alert زیات شو.
""",
            "medium",
        ),
    ],
    ids=["tatar", "luxembourgish", "pashto"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-101", severity)
    assert found.title.lower().startswith("checkout") and found.services == ("orders-api",)
    assert found.symptoms == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "aside",
    [
        # Tatar: another thing, don't count it, our own retry; with Russian mixed in
        f"* `{DEADLOCK}` — башка мәсьәлә, аны санамагыз.",
        f"* `{DEADLOCK}` — бу хата юлы түгел, не наш случай.",
        # Luxembourgish: another bug, not the error; French in the same team's notes
        f"* `{DEADLOCK}` ass en anere Bug, net de Feeler vun haut.",
        f"* Attention : `{DEADLOCK}` n'est PAS cet incident, ticket séparé.",
        # Pashto: not the incident's error, a separate problem, don't count it
        f"* `{DEADLOCK}` — دا د پېښې تېروتنه نه ده، جلا ستونزه ده.",
        f"* `{DEADLOCK}` د retry پایله ده؛ مه یې شمېرئ.",
    ],
    ids=["tatar-other", "tatar-russian", "lb-other-bug", "lb-french", "ps-not-error", "ps-count"],
)
def test_a_line_set_aside_in_the_teams_language_is_no_symptom(aside: str) -> None:
    assert symptoms_of(f"* `{TOO_MANY}`\n{aside}") == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "sentence",
    ["Бу безнең үз retry'ыбыз.", "Dat ass eise Check.", "دا زموږ خپل check دی."],
    ids=["tatar", "luxembourgish", "pashto"],
)
def test_a_next_sentence_that_refers_back_in_the_teams_language(sentence: str) -> None:
    found = symptoms_of(f"* `{TOO_MANY}`\n* Dann `pool check: {DEADLOCK}`. {sentence}")
    assert found == (TOO_MANY_SYMPTOM,)


@pytest.mark.parametrize(
    "said",
    [
        'Batch "settle invoices" ass ëmmer erëm ofgebrach.',
        'The job "nightly export" kept aborting, invoices retried twice.',
        'La tâche "purge sessions" a échoué deux fois.',
    ],
    ids=["luxembourgish", "english", "french"],
)
def test_a_jobs_name_quoted_after_its_word_is_no_log_text(said: str) -> None:
    # (a short name without a colon after `batch`, `job`, `task`: the quote sets a name off; a
    # message quoted after the same word stays log text)
    found = symptoms_of(f'* {said}\n* the job "{TOO_MANY}" again')
    assert found == (TOO_MANY_SYMPTOM,)
