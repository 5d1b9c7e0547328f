"""A log kept on a DokuWiki page (`===== INC-7 =====`, `^ Severity | High |`, `<code>` blocks,
`  * items`, `''mono''`) is read as the same log in Markdown; another page is left as it is
(docs/incident-log-format.md, **A DokuWiki page**)."""

from __future__ import annotations

import re

import pytest

from matcher.incidents.dialects import as_markdown
from matcher.incidents.dokuwiki import dokuwiki_as_markdown
from matcher.incidents.reader import compile_incident_log

COMMIT_FAILED = (
    "2026-11-02 10:01:12 ERROR [billing] CommitFailedException: Commit cannot be completed "
    "since the group has already rebalanced"
)
HEARTBEAT = "WARN [billing] heartbeat session expired, rejoining group"
TLS = "smtp TLS handshake failed: certificate has expired"

PAGE = f"""====== Known errors: queue workers ======

//Kept by the queue team. See [[ops:queues:start|the queue overview]].//

^ Incident ^ Area ^ Error ^ Status ^
| [[#inc-q-42|INC-Q-42]] | billing consumer | offset commit failed | fixed |

===== INC-Q-42 =====

^ Incident | INC-Q-42 |
^ Severity | High |

==== Symptoms ====

  * Invoices stopped going out for an hour.
  * The consumer log:
<code text>
{COMMIT_FAILED}
</code>
  * Also seen: ''{HEARTBEAT}'' - that one is not the error, it shows up on every deploy.

==== Cause ====

''max.poll.interval.ms'' too low for the batch size.

==== Fix ====

  - Raised ''max.poll.interval.ms''.
  - Smaller batches.

===== INC-Q-43: Mail relay refuses TLS =====

^ Severity | Low |

==== Symptoms ====

  * Relay log: ''{TLS}'' \\\\
  * <del>DNS issue</del> ruled out.

==== Cause ====

Certificate renewal cron had been disabled.
"""


def _symptoms(symptom: object) -> str:
    return symptom["text"] if isinstance(symptom, dict) else str(symptom)


def test_a_dokuwiki_page_compiles_to_its_incidents() -> None:
    log = compile_incident_log(PAGE, "pm.md")
    assert not log.problems
    found = {i.id: (i.title, i.severity) for i in log.incidents}
    assert found == {
        # (an id alone in its heading: the title the page's index gives it)
        "INC-Q-42": ("billing consumer \u2014 offset commit failed", "high"),
        "INC-Q-43": ("Mail relay refuses TLS", "low"),
    }


def test_the_log_lines_of_a_code_block_and_of_mono_text_are_the_symptoms() -> None:
    first, second = compile_incident_log(PAGE, "pm.md").incidents
    assert [_symptoms(s) for s in first.symptoms] == [
        "ERROR CommitFailedException: Commit cannot be completed"
    ]
    assert [_symptoms(s) for s in second.symptoms] == [TLS]


def test_a_line_set_aside_in_words_is_no_symptom() -> None:
    first, _ = compile_incident_log(PAGE, "pm.md").incidents
    assert not any("heartbeat" in _symptoms(s) for s in first.symptoms)


def test_the_cause_and_the_numbered_fix_are_read_as_sections() -> None:
    first, _ = compile_incident_log(PAGE, "pm.md").incidents
    assert first.root_cause == "`max.poll.interval.ms` too low for the batch size."
    assert first.resolution == "Raised `max.poll.interval.ms`.\nSmaller batches."


def test_the_line_count_is_kept_and_no_equals_heading_is_left() -> None:
    read = as_markdown(PAGE)
    assert read.count("\n") == PAGE.count("\n")
    lines = read.split("\n")
    assert not [line for line in lines if re.match(r"^\s*==", line)]
    # (six `=` are level 1, five level 2, four level 3: the other way round from MediaWiki)
    assert lines[0] == "# Known errors: queue workers"
    assert "## INC-Q-43: Mail relay refuses TLS" in lines
    assert lines.count("### Symptoms") == 2


def test_the_inline_marks_are_read_as_markdown() -> None:
    page = (
        "====== Notes ======\n"
        "^ Field ^ Value ^\n"
        "  * see //the wiki// at https://wiki.example.org/a//b and [[ops:x|the runbook]]\n"
        "    * nested <del>old</del> item with <code>ERROR x</code> \\\\ here\n"
        "  - first step\n"
    )
    read = dokuwiki_as_markdown(page).split("\n")
    assert read[1] == "| Field | Value |"
    assert read[2] == "- see *the wiki* at https://wiki.example.org/a//b and the runbook"
    assert read[3] == "  - nested ~~old~~ item with `ERROR x` here"
    assert read[4] == "1. first step"


HOUSE = f"""## INC-7: Billing consumer stalls
**Severity:** High

**Symptoms:**
- Consumer log: `{COMMIT_FAILED}`
  - the same in the retry worker's log

**Root cause:** poll interval too low.
<code>max.poll.interval.ms</code> was raised.
"""

MEDIAWIKI = f"""== INC-7: Billing consumer stalls ==
{{| class="wikitable"
! Severity
| High
|}}

=== Symptoms ===
* ''Consumer log'':
<code>{COMMIT_FAILED}</code>
"""

FENCED = f"""## INC-7: Billing consumer stalls
**Severity:** High

**Symptoms:**
- Consumer log: `{COMMIT_FAILED}`
- The wiki page we copied it from:
```
===== INC-7 =====
^ Severity | High |
```
"""


@pytest.mark.parametrize("text", [HOUSE, MEDIAWIKI, FENCED], ids=["house", "mediawiki", "fenced"])
def test_another_page_is_left_as_it_is(text: str) -> None:
    assert dokuwiki_as_markdown(text) == text


def test_a_mediawiki_page_keeps_its_heading_levels() -> None:
    # (`== ... ==` is MediaWiki's level 2: read as DokuWiki's, it would be level 5)
    assert "## INC-7: Billing consumer stalls" in as_markdown(MEDIAWIKI).split("\n")
