"""The labels of the house format as teams spell them (`**Symptoms:**`, `### What we saw`,
`Next steps:`), and the field each stands for; docs/incident-log-format.md lists them."""

from __future__ import annotations

import difflib
import re

from matcher.incidents.label_languages import OTHER as OTHER
from matcher.incidents.label_languages import TRANSLATIONS as WESTERN
from matcher.incidents.label_languages_africa import AFRICA
from matcher.incidents.label_languages_asia import ASIA
from matcher.incidents.label_languages_ay import BR_TO_AY
from matcher.incidents.label_languages_balkan import BALKAN
from matcher.incidents.label_languages_bo_ti_my import BO_TI_MY
from matcher.incidents.label_languages_east import EAST, serbian_latin
from matcher.incidents.label_languages_fo_jv_as import FO_JV_AS
from matcher.incidents.label_languages_gd_ig_yi import GD_IG_YI, UNCOMPARED
from matcher.incidents.label_languages_ku_dv_mg import KU_DV_MG
from matcher.incidents.label_languages_ln_tw import LN_TW
from matcher.incidents.label_languages_more import MORE
from matcher.incidents.label_languages_om_sn_wo import OM_SN_WO
from matcher.incidents.label_languages_su_tk_mi import SU_TK_MI
from matcher.incidents.label_languages_xh_qu_eo import XH_QU_EO
from matcher.model import unaccented

# The sections that are no field (below)
_NO_FIELD = (
    "impact|customer impact|user impact|business impact|timeline|detection|"
    "lessons learned|lessons|what went well|what went wrong|where we got lucky|"
    "contributing factors|summary|background|trigger|duration|owner|owners|"
    "participants|links|references|supporting information|notes|it means|expected|"
    "expected result|expected behaviour|expected behavior|steps to reproduce|"
    "environment|customers may see|what customers see|audience|last reviewed|"
    "workaround"
)
# How teams spell each label (lowercased, whitespace collapsed, "(s)" read as "s").
SPELLINGS = {
    "id": (
        "incident id",
        "incident",
        "incident number",
        "incident #",
        "id",
        "reference",  # (a status page entry's internal reference)
        "incident reference",
        "incident ref",
        "linked incident",  # (a service desk ticket's link to the incident it escalated)
        "our reference",  # (a letter to customers)
        "our ref",
    ),
    "title": ("title", "short description"),
    "date": ("date", "incident date"),
    "severity": ("severity", "sev", "priority"),
    "services": (
        "services affected",
        "affected services",
        "services",
        "service",
        "affected",
        "affected systems",
        "systems affected",
        "impacted services",
        "services impacted",
        "components",
    ),
    "symptoms": (
        "symptoms",
        "symptom",
        "observed symptoms",
        "symptoms observed",
        "symptom description",  # (an operator's ticket template)
        "problem statement",  # (a 5-whys or A3 sheet's)
        "technical details",  # (a security advisory's `### Details`, its evidence)
        "details",
        "problem description",
        "work notes",  # (an ITSM record's journal: ServiceNow's problem and incident records)
        # a bug report's (`Steps to reproduce` / `Expected` / `Actual`)
        "actual",
        "actual result",
        "actual results",
        "actual behaviour",
        "actual behavior",
        "observed behaviour",
        "observed behavior",
        # a runbook's known signature: `If you see` / `It means` / `Do`
        "if you see",
        "when you see",
        "you will see",
        "description of symptoms",
        "what we saw",
        "what we observed",
        # a narrative section under this name holds what was seen; where a team also has a
        # Symptoms section, the two are read together
        "what happened",
        "observations",
        # an occurrence report's facts, kept apart from its analysis
        "factual information",
        "facts",
        "error messages",
        "errors",
        "errors seen",
        *("error seen", "error line", "error lines"),  # (a log platform review's rows)
        "log excerpts",
        *("log line", "log lines"),
        # a service catalogue's known failure mode, by the line that tells it
        "identifying log line",
        "identifying log lines",
        "identifying line",
        "identifying lines",
        "signature line",
        "logs",
        "evidence",
        "signals",
        # an appendix of the raw lines a summary for readers outside engineering leaves out
        "raw lines",
        "raw logs",
        "raw log lines",
        "log evidence",
        "exhibits",
        "log exhibits",
        "appendix: raw lines",
        "appendix: raw logs",
        "appendix: log lines",
        "appendix: logs",
        "appendix: log evidence",
        "appendix: log excerpts",
    ),
    "root_cause": (
        *("root cause", "root causes", "root cause analysis", "cause", "root-cause"),
        "cause notes",  # (an ITSM problem record's)
    ),
    "resolution": (
        "resolution",
        "fix",
        "fixes",
        "remediation",
        "mitigation",
        "resolution steps",
        "action taken",  # (an operator's ticket template)
        "actions taken",
        "resolution notes",
        "close notes",
        "fix notes",
        "do",
    ),
    "action_items": (
        "action items",
        "action item",
        "follow-ups",
        "follow-up actions",
        "follow-up",
        "follow ups",
        "followups",
        "next steps",
        "action points",
        "actions",
        "todo",
        "to do",
    ),
    # Sections that are no field of the signature: they end the section before them and are
    # skipped, whatever their text says (an `Impact` bullet is never a symptom).
    OTHER: tuple(_NO_FIELD.split("|")),
}
_TABLES = [EAST, ASIA, BALKAN, AFRICA, MORE, FO_JV_AS, BO_TI_MY, SU_TK_MI, KU_DV_MG, GD_IG_YI]
_TABLES += [XH_QU_EO, OM_SN_WO, LN_TW, *BR_TO_AY]  # (every other language's: a line each)
TRANSLATIONS = {
    name: (
        *WESTERN[name],
        *(s for table in _TABLES for line in table.get(name, ()) for s in line.split("|")),
    )
    for name in WESTERN
}
LABELS = {spelling: name for name, spellings in SPELLINGS.items() for spelling in spellings}
LABELS.update(
    {spelling: name for name, spellings in TRANSLATIONS.items() for spelling in spellings}
)
# A handover in SBAR form inside Symptoms (`**S — Situation:**`, `**A - Assessment:**`): its
# Situation, Background and Assessment are what was seen and what it meant; its Recommendation
# is no field.
LABELS.update(
    {
        f"{letter}{gap}{dash} {word}": "symptoms" if letter != "r" else OTHER
        for letter, word in (
            ("s", "situation"),
            ("b", "background"),
            ("a", "assessment"),
            ("r", "recommendation"),
        )
        for dash in "-\u2013\u2014"
        for gap in ("", " ")
    }
)
# The labels of fields, which a misspelt label is compared with.
# (English first: `Tilte` is a misspelt `Title`, not `Titre`)
FIELD_LABELS = (
    tuple(
        spelling for name, spellings in SPELLINGS.items() if name != OTHER for spelling in spellings
    ),
    # (not one that a common English word is as close to: `**Total:**` is no misspelt `Tiotal`)
    tuple(s for n, ss in TRANSLATIONS.items() if n != OTHER for s in ss if s not in UNCOMPARED),
)
# A regulator's `Classification: Major — Severity 2`: the severity when no field gives one and
# it names a level (a document's `Classification: Confidential` does not).
LABELS.update({"classification": "classification", "incident classification": "classification"})
# A link to an incident (`**Related incidents:**`, `**Known issue?** INC-7`): its id if no other
_LINKS = "related incident|related incidents|linked incident|linked incidents|known issue"
_LINKS += "|known incident|internal reference|incident reference|engineering reference"
LABELS.update(dict.fromkeys(_LINKS.split("|"), "related"))
# A review written as questions (`1. **Which log lines?**`): read as the sections they ask for
# (a heading or a bold label; the question mark is no part of the name)
_QUESTIONS = {
    "symptoms": "which log lines|what did the logs show|what did the logs say|which errors"
    "|what did you see in the logs|what did you see"
    "|what errors did we see|what did we see|what was seen|what was logged",
    "root_cause": "what was the root cause|what caused it|why did it happen|why did it fail",
    "resolution": "how was it fixed|what fixed it|how did we fix it|how was it resolved",
    "action_items": "what are we doing about it|what are we doing to prevent it"
    "|what will we change",
    OTHER: "what did users see|what did customers see|who was affected|what was ruled out",
}
LABELS.update({q: name for name, qs in _QUESTIONS.items() for q in qs.split("|")})
SINGLE_VALUED = frozenset({"id", "title", "date", "severity", "classification", "related"})
# Date and services alone appear in prose preambles too; they do not make a block an incident.
INCIDENT_MARKERS = frozenset(LABELS.values()) - {
    "date",
    "services",
    "classification",
    "related",
    OTHER,
}


# Words that are labels only in a label's form (a heading, bold): as a plain `Errors: …` line
# they are as likely the start of a sentence.
_FORM_ONLY = frozenset(
    {"errors", "logs", "evidence", "signals", "observations", "actions"}
    # (one word of a sentence as often: `What: …`, `Seen: …`, `Causa: …`)
    | {"what", "why", "who", "when", "where", "seen", "broke", "fixed in", "causa", "data"}
    | {"seen in logs", "seen in the logs", "error line", "error lines"}  # (`Error lines: the…`)
    | {"analysis", "investigation", "diagnosis", "noise", "not it", "do"}
)
# `### 2. Symptoms`, `### 1.2 Symptoms`, `## 🔥 Impact`, `**1) Root cause:**`: a section's number
# or emoji is no part of its name.
_DECOR = re.compile(r"^(?:[^\w(#]+|\d{1,2}(?:\.\d{1,2})+[.)]?\s+|\d{1,2}[.)]\s*)+")
# `Root Cause (5 whys)`, `Symptoms / Detection`, `Root cause & fix`, `Resolution and follow-up`:
# the first name says which section it is.
_JOINED = re.compile(r"\s*(?:[/&+|]|\band\b)\s*")
_PARENS = re.compile(r"\([^)]*\)")
_QUALIFIED = re.compile(r"\s*(?:\(.*\)|[/&+|].*|\band\b.*|[\u2013\u2014-]\s.*)$")


def label_name(text: str, loose: bool = False) -> str | None:
    """The field a label spelling stands for, or None. `loose` (a heading or a bold label,
    which are labels by their form): a number or emoji before the name and a qualifier after
    it are no part of it."""
    key = " ".join(unwrap(text).rstrip(":").lower().replace("(s)", "s").split())
    if key not in LABELS:
        # (`Dátum` is the `Datum` of another language; `Наслов` is Serbian's `Naslov`)
        key = next((k for k in (unaccented(key), serbian_latin(key)) if k in LABELS), key)
    if key in LABELS and (loose or key not in _FORM_ONLY):
        return LABELS[key]
    if not loose:  # a plain label: only a parenthesis after the name (`Symptoms (what we saw):`)
        key = re.sub(r"\s*\([^)]*\)$", "", key)
        return None if key in _FORM_ONLY else LABELS.get(key)
    key = _DECOR.sub("", key).rstrip("?").strip()
    found = LABELS.get(key) or LABELS.get(_QUALIFIED.sub("", key).rstrip(": "))
    if found is None:
        # a label in the team's words with the field's name in parentheses (`Kya hua
        # (Symptoms)`, `Asli wajah (Root cause)`)
        named = re.search(r"\(([^)]{3,30})\)\s*$", key)
        found = LABELS.get(named[1].strip()) if named else None
    if found is None or found == OTHER:
        # `Impact / Symptoms`, `Timeline and symptoms`: a field named anywhere wins over a
        # section that is none
        for part in _JOINED.split(_PARENS.sub("", key)):
            field = LABELS.get(_DECOR.sub("", part.strip(" :")))
            if field is not None and field != OTHER:
                return field
    return found


def unwrap(text: str, marks: str = "*_") -> str:
    """`**High**` -> `High`: drop emphasis (or code) marks wrapped around the whole text."""
    text = text.strip()
    while len(text) > 1 and text[0] in marks and text[-1] == text[0]:
        text = text.strip(text[0]).strip()
    return text


def misspelt_label(written: str) -> str | None:
    """The known label a label misspells: close as a whole and word by word (`Root Casue`,
    `RootCause`), not another word beside a known one (`Incident Lead` is no `Incident Id`)."""
    key = " ".join(written.lower().split())
    if f"{key}s" in LABELS or key.removesuffix("s") in LABELS:
        return None  # (one of several, `Component`: another field of the author's, no typo)
    close = [difflib.get_close_matches(key, labels, n=3, cutoff=0.8) for labels in FIELD_LABELS]
    for label in close[0] + close[1]:
        words, known = key.split(), label.split()
        if len(words) != len(known):
            if difflib.SequenceMatcher(None, "".join(words), "".join(known)).ratio() >= 0.9:
                return label
            continue
        pairs = zip(words, known, strict=True)
        if all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.6 for a, b in pairs):
            return label
    return None


# Another header field after a value on the same line: `, severity: high`, `· Services: web`,
# `— **Date:** 2026-12-03` (a wiki's `&mdash;` between fields), `INC-7 (Severity: High)`.
_NEXT_FIELD = re.compile(
    r"(?:\s*[,;|\u00b7(]|\s+[\u2013\u2014])\s*(?:\*\*)?([^\W\d_][\w -]{1,24}?)(?:\*\*)?\s*:"
    r"(?:\*\*)?\s+"
)


def header_fields(label: str, text: str) -> list[tuple[str, str]]:
    """A header field's value, and the header fields written after it on its line
    (`date: 2026-05-27, severity: high (sev2), services: web`)."""
    if label not in ("id", "title", "date", "severity", "services"):
        return [(label, text)]
    fields: list[tuple[str, str]] = []
    start = 0
    for found in _NEXT_FIELD.finditer(text):
        name = label_name(found[1])
        # (after `·` or `|`, any label ends the value before it: `· Narrator: Hannah`)
        apart = found[0].strip()[:1] in "|\u00b7"
        if name in ("id", "date", "severity", "services") or apart:
            fields.append((label, text[start : found.start()].strip()))
            label, start = name or "", found.end()
    fields.append((label, text[start:].strip()))
    # (an id and the pager's own beside it: `INC-7 · PD #48213`, `INC-7 (PD-48213)`)
    fields = [(n, re.split(r"\s+[\u00b7|(,]", v)[0] if n == "id" else v) for n, v in fields]
    return [(name, value) for name, value in fields if name]


# A changelog's terse entries (`- rc: …`, `- ai: [x] …`, `- nr: …` for noise / ruled out)
_TERSE = {"rc": "root_cause", "ai": "action_items", "nr": "ruled_out", "noise": "ruled_out"}
_ITEM_LABEL = re.compile(r"^\W{0,3}([^\W\d_][\w '-]{0,30}?)\s*:\s")


def opens_with_another_field(text: str) -> bool:
    """Whether an item under no section opens with the label of the cause, the fix, the action
    items or what was ruled out (`fix: …`, `rc: …`, `nr: …`): no symptom when such items are
    read as symptoms for want of a Symptoms section."""
    found = _ITEM_LABEL.match(text)
    key = found[1].strip().lower() if found else ""
    name = _TERSE.get(key) or (label_name(key) if key else None)
    return name in ("root_cause", "resolution", "action_items", "ruled_out")
