"""Issue #11, thirty-third round: a live pad's notes and issues copied from a forge
(docs/incident-log-format.md, "Thirty-third round", says the rules)."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log


def _texts(symptoms: tuple[object, ...]) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in symptoms]  # type: ignore[index]


_PAD = (
    "# ops-live (pad)\n\n"
    "Rules: prefix `[colour\u00b7name hh:mm]`, strike out, summary under a \u2702 line.\n\n"
    "----\n\n"
    "## 2026-03-02 \u00b7 exports\n\n"
    "[blue\u00b7Ana 10:01] export job red\n"
    "[red\u00b7Tom 10:02] log: PermissionError: [Errno 13] Permission denied: '/srv/out/a.csv'\n"
    "[blue\u00b7Ana 10:04] ~~disk full?~~ no, plenty of space\n"
    "[red\u00b7Tom 10:05] also `sqlite3.OperationalError: database is locked`, that was me\n"
    "holding the db open, not this\n\n"
    "\u2702 ------------------------------ summary (Ana, 03 Mar)\n\n"
    "**INC-41**: Exports could not write their files\n"
    "- Severity: High \u00b7 Service: Exports\n"
    "- Symptoms: every export failed with `PermissionError: [Errno 13] Permission denied`.\n"
    "- Not it: the database is locked error (Tom's shell).\n"
    "- Root cause: the deploy changed the owner of /srv/out.\n"
    "- Resolution: owner restored.\n\n"
    '\u2605 saved revision 88 "INC-41 summary"\n\n'
    "----\n\n"
    "## 2026-03-09 \u00b7 cache\n\n"
    "[red\u00b7Tom 14:10] 502s on /api, error.log: `[error] 7#7: *3 connect() failed (111:"
    " Connection refused) while connecting to upstream`\n"
    "[blue\u00b7Ana 14:12] pods listed before they were ready\n\n"
    "\u2702 ------------------------------ summary (Tom, 10 Mar)\n\n"
    "**INC-42**: 502s from the api upstream\n"
    "- Severity: Low\n"
    "- Symptoms: nginx logged connect() failed (111: Connection refused) five times, then"
    " gave up. Stderr/journal shows the same.\n"
)


def test_a_pads_summary_names_the_incident_its_live_lines_are_about() -> None:
    log = compile_incident_log(_PAD, "pad.md")
    assert not log.problems, log.problems
    first, second = log.incidents
    assert (first.id, first.title, first.severity) == (
        "INC-41",
        "Exports could not write their files",
        "high",
    )
    assert (second.id, second.title, second.severity) == (
        "INC-42",
        "502s from the api upstream",
        "low",
    )
    # (the summary says what the incident's symptoms are: the lead Tom ruled out, in the
    # summary's `Not it` too, is none)
    assert _texts(first.symptoms) == ["PermissionError: [Errno 13] Permission denied"]
    assert first.root_cause == "the deploy changed the owner of /srv/out."
    # (how often it was logged, and the author's next sentence, are no part of the message)
    assert _texts(second.symptoms) == ["connect() failed (111: Connection refused)"]


def test_a_pads_saved_revision_note_is_no_symptom() -> None:
    # (a summary with no log text of its own falls back on the pad's lines, not on the note
    # the pad keeps of its saved revision)
    text = _PAD.replace(
        "- Symptoms: nginx logged connect() failed (111: Connection refused) five times, then"
        " gave up. Stderr/journal shows the same.\n",
        '- Symptoms: 502s.\n\n\u2605 saved revision 91 "INC-42 summary"\n',
    )
    log = compile_incident_log(text, "pad.md")
    assert not log.problems, log.problems
    assert _texts(log.incidents[1].symptoms) == [
        "[error] connect() failed (111: Connection refused) while connecting to upstream"
    ]


def test_a_pad_with_no_headings_is_cut_at_its_rules() -> None:
    # (the rule a section opens with is the place of its incident's heading)
    text = _PAD.replace("## 2026-03-02 \u00b7 exports\n", "").replace(
        "## 2026-03-09 \u00b7 cache\n", ""
    )
    log = compile_incident_log(text, "pad.md")
    assert not log.problems, log.problems
    assert [(i.id, i.severity) for i in log.incidents] == [("INC-41", "high"), ("INC-42", "low")]
    assert _texts(log.incidents[1].symptoms) == ["connect() failed (111: Connection refused)"]


def test_a_rule_between_a_pads_live_lines_and_its_summary_is_its_cut_mark() -> None:
    text = _PAD.replace("\u2702 ------------------------------ summary (Ana, 03 Mar)", "---")
    log = compile_incident_log(text, "pad.md")
    assert not log.problems, log.problems
    assert [(i.id, i.severity) for i in log.incidents] == [("INC-41", "high"), ("INC-42", "low")]


_ISSUES = (
    "# ops/incidents: issues copied from the forge\n\n---\n\n"
    "## Exports cannot write their files #77\n\n"
    "**Closed** \u00b7 ana opened this issue 3 months ago \u00b7 2 comments\n"
    "- Labels: `incident` `sev/high` `area/exports`\n\n"
    "**ana** commented 3 months ago \u00b7 Owner\n"
    "INC-51, high. Every export fails:\n"
    "`PermissionError: [Errno 13] Permission denied: '/srv/out/a.csv'`\n"
    "Tracked for the fix in OPS-900.\n\n"
    "**tom** commented 3 months ago \u00b7 Member\n"
    "The `sqlite3.OperationalError: database is locked` lines were my shell, not this.\n"
    "Root cause: deploy changed the owner (see #75).\n\n"
    "**ana** closed this issue 3 months ago\n\n---\n\n"
    "## Reindex never finishes #80\n\n"
    "**Closed** \u00b7 tom opened this issue 2 months ago \u00b7 1 comment\n"
    "- Labels: `incident` `sev/low`\n\n"
    "**tom** commented 2 months ago \u00b7 Member\n"
    "Postmortem id INC-52. The job dies every night with"
    " `rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (180 seconds)`.\n\n"
    "---\n\n"
    "## Stock reservations time out #81\n\n"
    "**Open** \u00b7 tom opened this issue 1 month ago \u00b7 0 comments\n\n"
    "**tom** commented 1 month ago \u00b7 Member\n"
    "### Incident ID\n\nINC-53\n\n### Severity\n\nMedium\n\n### What is broken?\n\n"
    "The cron died with `ERROR 1205 (HY000): Lock wait timeout exceeded`.\n"
)


def test_a_forge_issue_is_the_incident_its_opening_post_names() -> None:
    log = compile_incident_log(_ISSUES, "issues.md")
    assert not log.problems, log.problems
    # (not the forge's number, nor another tracker's id the thread names)
    assert [(i.id, i.title, i.severity) for i in log.incidents] == [
        ("INC-51", "Exports cannot write their files", "high"),
        ("INC-52", "Reindex never finishes", "low"),
        ("INC-53", "Stock reservations time out", "medium"),
    ]
    first, second, third = (_texts(i.symptoms) for i in log.incidents)
    # (the later comment's log text is its verdict's, no symptom)
    assert first == ["PermissionError: [Errno 13] Permission denied: '<path>'"]
    assert second == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)"
    ]
    assert third == ["ERROR 1205 (HY000): Lock wait timeout exceeded"]


def test_an_issue_whose_opening_post_names_its_id_only_in_passing_has_none() -> None:
    # (an id well into the post, another tracker's, is not the incident's: the issue says none)
    text = _ISSUES.replace("INC-51, high. Every export fails:", "Every export fails (OPS-9):")
    log = compile_incident_log(text, "issues.md")
    assert [i.id for i in log.incidents] == ["INC-52", "INC-53"]
    assert any("has no id" in p.message for p in log.problems)


def test_an_issue_copied_from_github_has_its_opening_post_under_who_opened_it() -> None:
    # (no author's line above the opening post: it is the text under the line that says who
    # opened the issue, the comments under headings of their own)
    text = (
        "# incidents\n\n## Reindex never finishes #80\n\n"
        "**Open** \u00b7 @tom opened this issue on Dec 3, 2026 \u00b7 1 comment\n"
        "Labels: `incident` `sev/low`\n\n"
        "INC-61. The reindex job dies every night with `rq.timeouts.JobTimeoutException: Task"
        " exceeded maximum timeout value (180 seconds)`.\n\n"
        "### @ana commented on Dec 4, 2026\n\n"
        "The `ZeroDivisionError: division by zero` lines are the digest bug, not this.\n"
    )
    log = compile_incident_log(text, "issues.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.title, found.severity) == ("INC-61", "Reindex never finishes", "low")
    assert _texts(found.symptoms) == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)"
    ]
