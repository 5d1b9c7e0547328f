"""Issue #11, twelfth pass, thirty-fourth round: labels, severities and verdicts in Tibetan,
Tigrinya and Burmese; Tibetan's shad and Ge'ez's preface colon that close a label; the
scripts' full stops before a sentence with a log text of its own; a common error text that ends
before prose of another script (docs/incident-log-format.md, "Thirty-fourth round", says the
rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

from matcher.incidents.reader import compile_incident_log

READ_ONLY = "redis.exceptions.ReadOnlyError: You can't write against a read only replica."
READ_ONLY_SYMPTOM = READ_ONLY.rstrip(".")
NOSCRIPT = "redis.exceptions.ResponseError: NOSCRIPT No matching script. Please use EVAL."


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            # (each label closed by the shad, `ཁ་བྱང་།` with its tsheg before it; the values
            # closed by one too, the date in Tibetan digits)
            f"""**དོན་རྐྱེན་ཨང་རྟགས།** INC-PM-301
**ཚེས་གྲངས།** ༢༠༢༦-༠༤-༠༤
**ཚབས་ཆེ་ཚད།** དམའ།
**ཁ་བྱང་།** failover རྗེས་ cart ཉར་མ་ཐུབ།
**ཕོག་པའི་ཞབས་ཞུ།** cart-api

**རྟགས་མཚན།**
* cart-api ཡི་ log ནང་། `{READ_ONLY}`
* `{NOSCRIPT}` ནི་ reindex ལས་ཀའི་ཡིན། དོན་རྐྱེན་འདི་དང་འབྲེལ་བ་མེད།

**རྩ་བའི་རྒྱུ་རྐྱེན།** Sentinel གྱིས་ primary རྙིང་པ་སྟོན།

**རྗེས་མའི་ལས་འགན།**
* [ཚར།] client གྱིས་ Sentinel ནས་ primary ལེན།
""",
            "low",
        ),
        (
            f"""**መለለዪ ፍጻመ:** INC-PM-301
**ዕለት:** 2026-04-04
**ደረጃ ክብደት:** ልዑል
**ኣርእስቲ:** ድሕሪ failover ዘንቢል ኣይተዓቀበን
**ዝተተንከፉ ኣገልግሎታት:** cart-api

**ምልክታት፦**
* ሎግ cart-api: `{READ_ONLY}`
* `{NOSCRIPT}` ካብ reindex job እዩ፡ ምስዚ ፍጻመ ርክብ የብሉን።

**ሱር ምኽንያት:**
* Sentinel ገና ናብቲ ኣረጊት primary ይጠቍም ነበረ።

**ዝስዕቡ ስራሓት:**
* [ተፈጺሙ] client ካብ Sentinel primary የንብብ
""",
            "high",
        ),
        (
            f"""**ဖြစ်ရပ် ID:** INC-PM-301
**ရက်စွဲ:** ၂၀၂၆-၀၄-၀၄
**ပြင်းထန်မှု:** အလယ်အလတ်
**ခေါင်းစဉ်:** Failover ပြီးနောက် cart သိမ်းလို့ မရ
**ထိခိုက်သည့် ဝန်ဆောင်မှုများ:** cart-api

**လက္ခဏာများ:**
* cart-api log မှာ: `{READ_ONLY}`
* `{NOSCRIPT}` က reindex job ကပါ၊ ဒီ incident နဲ့ မသက်ဆိုင်ပါ။

**အမြစ်အကြောင်းရင်း:**
* Sentinel က primary အဟောင်းကို ညွှန်နေခဲ့ပါတယ်။

**နောက်ဆက်တွဲ လုပ်ဆောင်ရန်:**
* [ပြီး] Client က Sentinel ကနေ primary ကို ဖတ်ပါတယ်။
""",
            "medium",
        ),
    ],
    ids=["tibetan", "tigrinya", "burmese"],
)
def test_labels_severities_and_verdicts_in_the_teams_language(text: str, severity: str) -> None:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-PM-301", severity)
    assert found.services == ("cart-api",)
    assert found.symptoms == (READ_ONLY_SYMPTOM,)


def test_a_tibetan_heading_closed_by_a_shad_is_its_label() -> None:
    text = (
        "## INC-PM-302 \u2014 cart\n\n### རྟགས་མཚན།\n\n"
        f"* `{READ_ONLY}`\n\n### རྩ་བའི་རྒྱུ་རྐྱེན།\n\nSentinel གྱིས་ primary རྙིང་པ་སྟོན།\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems
    (found,) = log.incidents
    assert found.symptoms == (READ_ONLY_SYMPTOM,)
    assert found.root_cause == "Sentinel གྱིས་ primary རྙིང་པ་སྟོན།"


def test_a_tibetan_label_with_a_colon_after_its_tsheg() -> None:
    text = (
        "**དོན་རྐྱེན་ཨང་རྟགས:** INC-PM-303\n**ཁ་བྱང་:** cart ཉར་མ་ཐུབ\n**ཚབས་ཆེ་ཚད:** མཐོ\n\n"
        f"**རྟགས་མཚན:**\n* `{READ_ONLY}`\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems and not log.warnings
    (found,) = log.incidents
    assert (found.id, found.title, found.severity) == ("INC-PM-303", "cart ཉར་མ་ཐུབ", "high")


@pytest.mark.parametrize(
    "aside",
    [
        # Tibetan: not an error, only a consequence; not counted; another issue
        f"* `{NOSCRIPT}` ནི་ཉེན་བརྡ་ཙམ་རེད། ནོར་འཁྲུལ་མ་རེད།",
        f"* `{NOSCRIPT}` ནོར་འཁྲུལ་དུ་མི་རྩི།",
        f"* `{NOSCRIPT}` ནི་གནད་དོན་གཞན་ཞིག་རེད།",
        # Tigrinya: not the error; another bug; do not mix it in; only a warning
        f"* `{NOSCRIPT}` — ጌጋ ኣይኮነን።",
        f"* `{NOSCRIPT}` ካልእ ባግ እዩ (OPS-77)።",
        f"* `{NOSCRIPT}` ምስዚ ፍጻመ ኣይትደባልቕዎ።",
        f"* `{NOSCRIPT}` ማስጠንቀቕታ ጥራይ እዩ።",
        # Burmese: not the error; do not count it; only a consequence; a separate problem
        f"* `{NOSCRIPT}` — error မဟုတ်ပါ။",
        f"* `{NOSCRIPT}` ကို ဒီ incident ရဲ့ error အဖြစ် မရေတွက်ပါ။",
        f"* `{NOSCRIPT}` က restart ရဲ့ အကျိုးဆက်သာ ဖြစ်ပါတယ်။",
        f"* `{NOSCRIPT}` က သီးခြား ပြဿနာ ပါ။",
    ],
    ids=[
        *("bo-warning", "bo-count", "bo-other"),
        *("ti-error", "ti-bug", "ti-mix", "ti-warning"),
        *("my-error", "my-count", "my-consequence", "my-other"),
    ],
)
def test_a_line_set_aside_in_the_teams_language_is_no_symptom(aside: str) -> None:
    assert symptoms_of(f"* `{READ_ONLY}`\n{aside}") == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        # (a sentence after the line's that refers back to it: `དེ་ནི`, `እዚ`, `ဒါက`; its
        # verdict ends on a sign, `མི་རྩི`, `ኣይትቑጽሩ`, `မယူပါနဲ့`)
        f"* `{NOSCRIPT}` ཡང་བྱུང་། དེ་ནི་ནོར་འཁྲུལ་དུ་མི་རྩི།",
        f"* `{NOSCRIPT}` እውን ተራእዩ። እዚ ኣብ ጌጋታት ኣይትቑጽሩ።",
        f"* `{NOSCRIPT}` လည်း ထွက်ပါတယ်။ ဒါက error အဖြစ် မယူပါနဲ့။",
    ],
    ids=["tibetan", "tigrinya", "burmese"],
)
def test_a_next_sentence_that_refers_back_in_the_teams_language(item: str) -> None:
    assert symptoms_of(f"* `{READ_ONLY}`\n{item}") == (READ_ONLY_SYMPTOM,)


@pytest.mark.parametrize(
    "item",
    [
        # (Tibetan: nothing in the line denies it; Tigrinya and Burmese: the line is the cause)
        f"* `{NOSCRIPT}` ཡང་ཡོང་གི་འདུག",
        f"* `{NOSCRIPT}` ውን ተራእዩ፡ ንሱ እዩ እቲ ጌጋ።",
        f"* `{NOSCRIPT}` လည်း ထွက်ပါတယ်၊ ဒါက အဓိက error ပါ။",
    ],
    ids=["tibetan", "tigrinya", "burmese"],
)
def test_a_line_the_team_does_not_set_aside_stays(item: str) -> None:
    assert len(symptoms_of(f"* `{READ_ONLY}`\n{item}")) == 2


@pytest.mark.parametrize(
    "item",
    [
        # (the script's full stop, `།`, `።`, `။`, ends the first text's sentence: the verdict
        # after the second text is the second's)
        f"* cart-api ཡི་ log ནང་ `{READ_ONLY}` བྱུང་། `{NOSCRIPT}` ནི་འབྲེལ་བ་མེད།",
        f"* ሎግ cart-api: `{READ_ONLY}` ተራእዩ። `{NOSCRIPT}` ግን ርክብ የብሉን።",
        f"* cart-api log မှာ `{READ_ONLY}` ထွက်ပါတယ်။ `{NOSCRIPT}` ကတော့ မသက်ဆိုင်ပါ။",
    ],
    ids=["tibetan", "tigrinya", "burmese"],
)
def test_a_verdict_in_the_next_sentence_on_its_own_text_spares_the_first(item: str) -> None:
    assert symptoms_of(item) == (READ_ONLY_SYMPTOM,)


def test_an_unquoted_common_error_before_burmese_prose() -> None:
    # (`… လို့ ပြောပါတယ်`, it says so: the Burmese words after the message are the author's)
    found = symptoms_of(
        "Backup job ကလည်း tar: error writing '/srv/backup/db.tar': No space left on device"
        " လို့ ပြောပါတယ်။\n"
    )
    assert found == ("error writing '<path>': No space left on device",)
