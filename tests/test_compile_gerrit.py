"""A Gerrit code review's page pasted as text, read as the house format: each change whose
commit message's footer names one incident (`Bug: INC-7`) is that incident, its commit message
and its reviewers' comments its symptoms' prose; votes, footers, the code quoted under a file's
line and a CI bot's lines are no text of the log (matcher/incidents/gerrit.py)."""

from __future__ import annotations

from matcher.incidents.dialects import as_markdown
from matcher.incidents.gerrit import gerrit_read
from matcher.incidents.reader import compile_incident_log

CHANGE_ID = "I" + "3f0c9a1e" * 5
OTHER_CHANGE_ID = "I" + "b7d2e4c6" * 5
DECODE = "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"
DECODE_SYMPTOM = (
    "json.decoder.JSONDecodeError: Expecting value: line <line:int> column <column:int> "
    "(char <char:int>)"
)
HEARTBEAT = "ERROR supervisor: heartbeat missed for worker-3"
CODE = "payload = json.loads(raw)  # ValueError: malformed job payload rejected"
CODE_SYMPTOM = "ValueError: malformed job payload rejected"
SET_ASIDE = f"""Please ignore the "{HEARTBEAT}" lines
in the same log, that's the supervisor being slow, not the error."""

REVIEW = f"""Two changes from review.example.org, kept for the write-up.

Change 7301 - Merged

**worker: stop retrying poisoned jobs forever** \u00b7 ops/worker \u00b7 Owner: Ines Varga

    worker: stop retrying poisoned jobs forever

    A malformed payload made every worker crash on the same job:
      {DECODE}
    and the queue never drained.

    Bug: INC-51
    Change-Id: {CHANGE_ID}
    Signed-off-by: Ines Varga <ines@example.org>

Patch Set 1: Verified-1

Zuul: Build failed (check pipeline).
- worker-unit https://ci.example.org/b/91 : FAILURE in 3m 02s

Patch Set 1: Code-Review-1

worker/consume.py Line 88:
> {CODE}

{SET_ASIDE}

Patch Set 2: Code-Review+2 Verified+1

worker/consume.py Line 88: Done

Change 7302 - Abandoned

**docs: fix a typo in the README** \u00b7 ops/worker \u00b7 Owner: Ines Varga

    docs: fix a typo in the README

    Bug: INC-51, INC-52
    Change-Id: {OTHER_CHANGE_ID}

Patch Set 1: Code-Review+1
"""

# One change's page, no header above its commit message: its subject is its heading
ONE_CHANGE = f"""    worker: drain the dead-letter queue

    The dead-letter queue filled up and every enqueue failed with
    queue.Full: dead-letter queue at capacity (5000 items)

    Closes-Bug: INC-60
    Change-Id: {CHANGE_ID}

Patch Set 1: Code-Review+1

Patch Set 2: Code-Review+2 Verified+1
"""

HOUSE = """# Past incidents

## INC-70: exports time out

**Symptoms:**
- The export logged `TimeoutError: export of 40000 rows took longer than 30 s`.

**Root cause:** One query per row.

**Resolution:** A single query; Patch Set 2: was the one merged.
"""

# A commit log with Gerrit's footers and no review of it: no page of Gerrit's
COMMIT_LOG = f"""Change 7301 on the worker, as merged:

    worker: stop retrying poisoned jobs forever

    Bug: INC-51
    Change-Id: {CHANGE_ID}

Patch Set 2: was the one merged.
"""


def symptom_texts(symptoms: tuple[object, ...]) -> list[str]:
    return [s["text"] if isinstance(s, dict) else str(s) for s in symptoms]


def test_a_change_whose_footer_names_one_incident_is_that_incident() -> None:
    log = compile_incident_log(REVIEW, "review.md")
    assert not log.problems
    found = {i.id: (i.title, symptom_texts(i.symptoms)) for i in log.incidents}
    # (the second change names two incidents: it stays unnamed, no incident of either)
    assert found == {"INC-51": ("worker: stop retrying poisoned jobs forever", [DECODE_SYMPTOM])}
    markdown = gerrit_read(REVIEW).split("\n")
    assert markdown[2] == "## INC-51: worker: stop retrying poisoned jobs forever"
    assert "## docs: fix a typo in the README" in markdown


def test_one_changes_page_is_headed_by_its_subject() -> None:
    (found,) = compile_incident_log(ONE_CHANGE, "change.md").incidents
    assert (found.id, found.title) == ("INC-60", "worker: drain the dead-letter queue")
    assert symptom_texts(found.symptoms) == [
        "queue.Full: dead-letter queue at capacity (<items:int> items)"
    ]


def test_a_line_set_aside_in_words_stays_out_and_is_read_when_not() -> None:
    (found,) = compile_incident_log(REVIEW, "review.md").incidents
    assert HEARTBEAT not in symptom_texts(found.symptoms)
    said = REVIEW.replace(SET_ASIDE, f'The worker also logged "{HEARTBEAT}"\nevery few seconds.')
    (found,) = compile_incident_log(said, "review.md").incidents
    assert HEARTBEAT in symptom_texts(found.symptoms)


def test_code_quoted_under_a_files_line_is_no_symptom() -> None:
    (found,) = compile_incident_log(REVIEW, "review.md").incidents
    assert CODE_SYMPTOM not in symptom_texts(found.symptoms)
    assert CODE not in gerrit_read(REVIEW)
    # (the same quote under a line of prose is the reviewer's, and read)
    quoted = REVIEW.replace("worker/consume.py Line 88:\n>", "It said:\n>")
    (found,) = compile_incident_log(quoted, "review.md").incidents
    assert CODE_SYMPTOM in symptom_texts(found.symptoms)


def test_votes_footers_and_the_bots_lines_are_no_text_of_the_log() -> None:
    markdown = gerrit_read(REVIEW)
    for gone in ("Patch Set", "Code-Review", "Change-Id", "Signed-off-by", "Zuul", "FAILURE"):
        assert gone not in markdown, gone
    assert "Bug: INC-51" not in markdown and "Line 88" not in markdown
    assert "A malformed payload made every worker crash on the same job:" in markdown
    assert f"  `{DECODE}`" in markdown.split("\n")


def test_the_line_count_is_kept() -> None:
    for text in (REVIEW, ONE_CHANGE):
        assert gerrit_read(text) != text
        assert len(gerrit_read(text).split("\n")) == len(text.split("\n"))
        assert len(as_markdown(text).split("\n")) == len(text.split("\n"))


def test_a_house_document_and_a_commit_log_are_left_as_they_are() -> None:
    assert gerrit_read(HOUSE) == HOUSE
    assert gerrit_read(COMMIT_LOG) == COMMIT_LOG
    (found,) = compile_incident_log(HOUSE, "house.md").incidents
    assert found.id == "INC-70"
