"""Issue #11, twelfth pass, twenty-eighth round: a CI job's link field, pytest's failure rule,
Zabbix's item history, a title that names a range, a log search's numbered rows and CSV export,
a chat reply over the blank line between messages (docs/incident-log-format.md,
"Twenty-eighth round", says the rules)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from matcher.cli.main import cli
from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

DENIED = "PermissionError: [Errno 13] Permission denied: '/srv/uploads/u-1742/avatar.png'"
DENIED_SYMPTOM = "PermissionError: [Errno 13] Permission denied: '<path>'"
EPERM = "ERROR fix ownership: PermissionError(1, 'Operation not permitted')"
EPERM_SYMPTOM = "PermissionError: Operation not permitted"
NO_SPACE = "OSError: [Errno 28] No space left on device"
READ_ONLY = "OSError: [Errno 30] Read-only file system: '/srv/backup/retry.dump'"
HEAP = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
RANGE = "ERROR report-builder: RangeError: Maximum call stack size exceeded"


def _texts(found: object) -> list[str]:
    return [s if isinstance(s, str) else s["text"] for s in found.symptoms]  # type: ignore[attr-defined]


def _one(text: str) -> object:
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    return found


# --- a CI job's page: the triager's link field under the failure ----------------------------------


CIRCLECI = """# CI failure review

## \u274c `integration` / `avatar-upload-it` \u2014 job #91431

\u2705 Spin up environment \u00b7 \u2705 Checkout code
\u274c **Run upload job**

```
#!/bin/bash -eo pipefail
python -m pytest tests/it -q
2026-12-01 02:16:30,243 pid=412 ERROR upload for user 1742 failed
{denied}
__________________________ test_avatar_upload ___________________________________

Exited with code exit status 1
```

**Linked:** INC-117 \u2014 the uploads ownership change, same as prod.
**Triage notes:**
- Not flaky.
"""


def test_a_link_field_under_a_ci_failure_names_its_incident() -> None:
    found = _one(CIRCLECI.format(denied=DENIED))
    assert found.id == "INC-117"  # type: ignore[attr-defined]
    # (pytest's rule over a failure's report is no log text)
    assert _texts(found) == [DENIED_SYMPTOM]


# --- Zabbix: a log item's history as plain text ---------------------------------------------------


def test_zabbix_item_history_is_read_without_its_time_and_clock() -> None:
    text = (
        "## INC-105 \u2014 billing deadlocks\n\n"
        "History of `log[/var/log/app.log,,,,skip]`:\n"
        "```\n"
        f"2026-12-03 08:15:44  1796285744  2026-12-03 08:15:44,036 ERROR billing: {NO_SPACE}\n"
        "```\n"
    )
    assert _texts(_one(text)) == [f"ERROR billing: {NO_SPACE}"]


def test_a_title_that_names_a_range_of_ids_is_no_appendix_of_the_first() -> None:
    text = (
        "# Zabbix problem events (INC-101 \u2026 INC-108)\n\n"
        "Log items are `log[<file>,,,,skip]` unless said otherwise, so every line is a value.\n\n"
        "## INC-101 \u2014 disk full\n\n"
        f"Worker logged `{NO_SPACE}`\n"
    )
    found = _one(text)
    assert found.id == "INC-101"  # type: ignore[attr-defined]
    assert _texts(found) == [NO_SPACE]


# --- a log search's result: its query, its numbered rows, its CSV export --------------------------


SUMO_TABLE = f"""## INC-120 \u2014 report-builder heap

**Search**
```
_sourceCategory=prod/node/report-builder ("FATAL ERROR" OR RangeError)
| fields _messagetime, _sourcehost, _raw
```

| # | _messagetime | _sourcehost | _raw |
|---|---|---|---|
| 1 | 12/03/2026 08:16:29.380 +0000 | rb-1 | {HEAP} |
| 2 | 12/03/2026 08:16:29.875 +0000 | rb-1 | {RANGE} |
| 3 | 12/03/2026 08:16:34.030 +0000 | rb-2 | {HEAP} |

**Notes**
- Rows 1 and 3: the incident.
- Row 2: no, the RangeError is a recursion bug in the pivot code (separate ticket).
"""


def test_a_note_that_sets_a_numbered_row_aside_drops_that_row() -> None:
    assert _texts(_one(SUMO_TABLE)) == [HEAP]


def test_without_the_note_the_row_is_a_symptom() -> None:
    kept = SUMO_TABLE.replace("- Row 2: no, the RangeError", "- Row 2: the RangeError")
    assert _texts(_one(kept)) == [HEAP, RANGE]


def test_a_sumo_logic_query_is_no_log_text() -> None:
    text = (
        "## INC-119 \u2014 stock sync\n\n"
        '- searched `_sourceCategory=prod/node/stock-sync "ECONNREFUSED"`\n'
        "- the error: `Error: connect ECONNREFUSED 10.0.0.7:5432`\n"
    )
    assert _texts(_one(text)) == ["Error: connect ECONNREFUSED <ip>:<port:int>"]


SUMO_CSV = f"""## INC-117 \u2014 avatar uploads

```csv
"_messagetime","_sourcehost","_raw"
"1796285786243","up-01","2026-12-03 08:16:26,243 pid=12133 ERROR upload for user 1742 failed
Traceback (most recent call last):
  File ""<string>"", line 7, in <module>
{DENIED}"
"1796285786243","up-01","2026-12-03 08:16:26,243 pid=12133 {EPERM}"
```

**Notes**
- Row 1: the incident.
- Row 2: NOT this error, that's our chown fallback failing.
"""


def test_a_csv_exports_message_over_several_lines_is_read_line_by_line() -> None:
    # (the quoted field's closing quote is the CSV's, no part of the message)
    kept = SUMO_CSV.replace("- Row 2: NOT this error, that's", "- Row 2:")
    assert _texts(_one(kept)) == [DENIED_SYMPTOM, EPERM_SYMPTOM]


def test_a_note_sets_a_csv_exports_row_aside_by_number() -> None:
    assert _texts(_one(SUMO_CSV)) == [DENIED_SYMPTOM]


# --- a chat export with a blank line between messages ---------------------------------------------


ROCKET = "\n".join(
    [
        "[2026-12-03 07:58] carol: nightly backup failed. log:",
        "```",
        NO_SPACE,
        "```",
        "",
        f"[2026-12-03 08:02] lucas: and the `{READ_ONLY}`?",
        "\u21b3 reply in thread",
        "",
        "[2026-12-03 08:04] carol: that's later, the volume was remounted ro, not this incident.",
        "",
        "[2026-12-03 08:15] carol: opening INC-115, the backup volume is too small",
        "",
    ]
)


def test_a_reply_over_the_blank_line_between_messages_is_read_with_the_question() -> None:
    assert _texts(_one(ROCKET)) == [NO_SPACE]
    assert as_markdown(ROCKET).count("\n") == ROCKET.count("\n")


def test_a_reply_in_portuguese_is_read_with_the_question() -> None:
    said = ROCKET.replace(
        "that's later, the volume was remounted ro, not this incident.",
        "isso foi depois, o volume foi remontado read-only, \u00e9 barulho.",
    )
    assert _texts(_one(said)) == [NO_SPACE]


def test_a_portuguese_reply_that_says_not_our_error_sets_the_line_aside() -> None:
    said = ROCKET.replace(
        "that's later, the volume was remounted ro, not this incident.",
        "isso \u00e9 do retry, n\u00e3o \u00e9 o nosso erro.",
    )
    assert _texts(_one(said)) == [NO_SPACE]


def test_a_note_that_would_not_alert_on_a_line_sets_it_aside() -> None:
    text = (
        "## INC-113 \u2014 upstream down\n\n"
        f"- worker logged `{NO_SPACE}`\n"
        f"- and `{READ_ONLY}` right after. I wouldn't alert on those.\n"
    )
    assert _texts(_one(text)) == [NO_SPACE]


# --- bad input never crashes --------------------------------------------------------------------


def test_a_diff_fence_left_open_under_a_comment_is_reported_not_a_crash(tmp_path: Path) -> None:
    md = tmp_path / "pr.md"
    md.write_text(
        "## checkout/pricing-client \u00b7 Pull request #311: staging hostnames in prod\n\n"
        "**Description**\n\nQuote lookups failed name resolution.\n\n"
        "**Aisha Bello** commented on `deploy/values-prod.yaml`, line 14\n"
        "```diff\n@@ -11,6 +11,6 @@ pricing:\n-  apiHost: pricing-api.invalid\n"
        "+  apiHost: pricing-api.prod.svc.cluster.local\n   apiPort: 8443\n",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "incident has no id" in result.output
