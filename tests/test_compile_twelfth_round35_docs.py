"""Issue #11, twelfth pass, thirty-fifth round: trackers' printed records and crash reporters'
groups (docs/incident-log-format.md, "Thirty-fifth round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_FIELDS = (
    "| Field | Value | Field | Value |\n|---|---|---|---|\n"
    "| Kind | Defect | State | Done |\n"
    "| Due | 03/02/2026 | {name} | {value} |\n\n"
)
_BODY = (
    "### Description\nThe importer stops:\n\n```\n"
    "OSError: [Errno 28] No space left on device\n```\n"
)


def test_a_field_table_of_two_pairs_a_row_gives_the_id() -> None:
    text = "## Defect #901: importer stops\n\n" + _FIELDS.format(name="Incident ID", value="INC-61")
    log = compile_incident_log(text + _BODY, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-61"


def test_a_postmortem_id_field_is_the_id_and_a_severity_beside_it_is_read() -> None:
    fields = (
        "| Field | Value | Field | Value |\n|---|---|---|---|\n"
        "| Kind | Defect | State | Done |\n"
        "| Postmortem ID | INC-62 | Severity | Low |\n\n"
    )
    log = compile_incident_log("## Defect #902: importer\n\n" + fields + _BODY, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.severity) == ("INC-62", "low")


def test_a_grid_of_figures_is_no_field_table() -> None:
    text = (
        "## INC-63 \u2014 importer\n\n**Severity:** Low\n\n"
        "| Host | Errors | Disk | Used |\n|---|---|---|---|\n| db-1 | 40 | /data | 99% |\n\n"
        "```\nOSError: [Errno 28] No space left on device\n```\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    assert [i.id for i in log.incidents] == ["INC-63"]


def test_a_followup_in_the_activity_part_names_the_records_incident() -> None:
    text = (
        "## Defect #903: importer stops\n\n" + _BODY + "\n### Activity\n"
        "**Ana Ruiz** 03/02/2026 10:00 AM\n- changed State from New to Done\n"
        "> Postmortem written up as INC-64 (low). Disk grown.\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert found.id == "INC-64"
    assert "No space left on device" in " ".join(_texts(text))


def test_a_record_without_parts_is_not_read_as_one() -> None:
    text = (
        "## Defect #904: importer stops\n\n"
        "> Postmortem written up as INC-65 (low).\n\n"
        "## Defect #905: other\n\n### Description\nfine\n\n### Activity\nsee INC-66 maybe\n"
    )
    log = compile_incident_log(text, "pm.md")
    # (the first section names its incident itself; the second names none)
    assert "INC-66" not in [i.id for i in log.incidents]


_GROUP = (
    "## INC-67 \u2014 reports\n\n**Severity:** Low\n\n"
    "> **QueryCanceled: canceling statement due to statement timeout**\n"
    "> `psycopg2.errors.QueryCanceled`\n"
    "> Status: **Resolved** \u00b7 Occurrences: 11 \u00b7 Users affected: 1\n"
    "> First seen: 1 Jun 2026, 02:00 \u00b7 Last seen: 11 Jun 2026, 02:00\n\n"
)


def test_a_crash_group_reads_as_its_message_under_its_full_class() -> None:
    texts = _texts(_GROUP + "Nightly report failed.\n")
    assert texts == ["psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"]


def test_a_crash_groups_custom_data_request_and_frames_are_no_symptoms() -> None:
    text = (
        _GROUP + 'Custom data: `{ "job": "monthly", "rows": 40000 }`\n\n'
        "Stack trace:\n\n```\nreports/monthly.py in run_query at line 213\n```\n\n"
        'Request:\n\n```json\n{ "Url": "/reports/run", "HttpMethod": "POST" }\n```\n'
    )
    assert texts_only_the_group(text)


def texts_only_the_group(text: str) -> bool:
    return _texts(text) == [
        "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout"
    ]


def test_a_quote_whose_class_is_another_errors_is_no_group() -> None:
    text = _GROUP.replace("`psycopg2.errors.QueryCanceled`", "`psycopg2.errors.DeadlockDetected`")
    assert not any(t.startswith("psycopg2.errors.") for t in _texts(text))


def test_a_journals_quoted_comment_is_one_item_so_a_later_verdict_reads_on_its_text() -> None:
    text = (
        "## Defect #906: importer stops\n\n"
        + _FIELDS.format(name="Incident ID", value="INC-68")
        + _BODY
        + "\n### Activity\n**Ana Ruiz** 03/02/2026 10:00 AM\n"
        "> Right after it comes `cleanup: PermissionError(1, 'Operation not permitted')`.\n"
        "> That one is NOT the bug, it is our own chown. Noise.\n"
    )
    assert not any("Operation not permitted" in t for t in _texts(text)), _texts(text)


def test_a_verdict_with_a_concession_before_its_colon_sets_the_text_aside() -> None:
    text = (
        "## INC-69 \u2014 db\n\n**Severity:** Low\n\n```\n"
        "ERROR 1205 (HY000): Lock wait timeout exceeded\n```\n\n**Triage notes**\n\n"
        "- Not the incident, though the tracker grouped it next to it: `(1213, 'Deadlock found"
        " when trying to get lock')` from the rebalance job.\n"
    )
    assert not any("Deadlock" in t for t in _texts(text)), _texts(text)
