"""Issue #11, twelfth pass, thirtieth round: a trace's span events and a Honeycomb query
(docs/incident-log-format.md, "Thirtieth round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

WATERFALL = """## INC-116 \u2014 thumbnailer: too many open files

```
Dataset: thumbnailer
VISUALIZE COUNT
WHERE error exists
GROUP BY exception.type, name
```

```
thumbnail.batch                 \u2588\u2588\u2588\u2588\u2588\u2588  3.9s   error=true
\u251c\u2500\u2500 fs.open  thumb-61.png       \u258f              0.2ms  error=true
\u2502     \u25c6 exception  exception.type=OSError
\u2502                  exception.message=[Errno 24] Too many open files: '/srv/thumb-61.png'
```
"""


def test_a_span_events_exception_is_read_as_its_traceback_ends_it() -> None:
    # (the waterfall's rows and the query's clauses are the tool's, no log text)
    assert _texts(WATERFALL) == ["OSError: [Errno 24] Too many open files: '<path>'"]


def test_a_quoted_exception_message_is_read_without_its_quotes() -> None:
    quoted = WATERFALL.replace(
        "exception.message=[Errno 24] Too many open files: '/srv/thumb-61.png'",
        "exception.message=\"[Errno 24] Too many open files: '/srv/thumb-61.png'\"",
    )
    assert _texts(quoted) == ["OSError: [Errno 24] Too many open files: '<path>'"]


def test_a_tracker_pages_formula_counters_are_no_incident() -> None:
    text = (
        "# Incident Tracker\n\n"
        '**Open incidents:** `=Incidents.Filter(Status != "Closed").Count()`\n'
        '**Sev1/Sev2 this quarter:** `=Incidents.Filter(Sev.In("Sev1","Sev2")).Count()`\n\n'
        "## INC-101 \u00b7 Checkout: too many connections\n\n"
        "- orders logged `pymysql.err.OperationalError: (1040, 'Too many connections')`\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    assert [found.id for found in log.incidents] == ["INC-101"]


GRAYLOG = """## INC-117 \u2014 avatar uploads: permission denied

| timestamp | source | message |
|---|---|---|
| 09:41:26.243 | w-02 | upload for user 1742 failed |
| 09:41:26.243 | w-02 | PermissionError: [Errno 13] Permission denied: '/srv/u/a.png' |
| 09:41:26.243 | w-02 | fix ownership: PermissionError(1, 'Operation not permitted') |

Notes:
- row 2 \u2705 EACCES on the user's upload dir
- row 3 \u274c that's the "fix ownership" fallback trying to chown, not the incident.
"""


def test_a_note_counts_the_rows_of_a_table_without_numbers() -> None:
    assert _texts(GRAYLOG) == ["PermissionError: [Errno 13] Permission denied: '<path>'"]
