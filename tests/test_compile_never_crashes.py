"""Bad input never crashes `matcher compile`: any arrangement of the lines postmortems are made
of (headings, labels, bullets, fences left open or closed, indented code, tables, chat and CI
lines) compiles, or is reported as an incident log with problems, never an exception."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.errors import IncidentLogError
from matcher.incidents.reader import compile_incident_log

_LINES = [
    "",
    "---",
    "# Review (INC-101 \u2026 INC-108)",
    "## INC-101: Checkout down",
    "## checkout \u00b7 Pull request #311: staging hosts",
    "### Symptoms",
    "**Incident ID:** INC-102",
    "**Severity:** High",
    "**Symptoms:**",
    "**Linked:** INC-103 \u2014 the fd leak",
    "**Notes**",
    "- `OSError: [Errno 28] No space left on device`",
    "- Row 2: no, that's the retry.",
    "- \u274c `retrying after database is locked`: noise",
    "- \u2705 the `sqlite3.OperationalError: database is locked` lines",
    "  \u21b3 reply in thread",
    "* Producers died: KafkaTimeoutError: Failed to update metadata after 60.0 secs.",
    "```",
    "```diff",
    "```csv",
    "~~~",
    '"_messagetime","_raw"',
    '"1796285786243","ERROR upload failed',
    '  File ""<string>"", line 7',
    "    Traceback (most recent call last):",
    "    raise OSError(28)",
    "| # | _raw |",
    "|---|---|",
    "| 1 | ERROR cannot open socket: [Errno 24] Too many open files |",
    "[2026-12-03 08:02] lucas: and the `OSError: [Errno 30] Read-only file system`?",
    "[2026-12-03 08:04] carol: that's later, not this incident.",
    "00:02:36 From Marcus Chen to Everyone:",
    "WEBVTT",
    "00:02:04.210 --> 00:02:11.880",
    "Priya Raman: First one is INC-104, the gateway.",
    "[08:16:12]E:\t\t [test_x] ConnectionRefusedError: [Errno 111] Connection refused",
    "2026-12-03 08:15:24  1796285724  pymysql.err.OperationalError: (1040, 'Too many')",
    "-  apiHost: pricing-api.invalid",
    "+  apiHost: pricing-api.prod",
    "> **[FIRING:1] BackupJobFailed**",
    "Exited with code exit status 1",
]


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=30))
def test_any_arrangement_of_postmortem_lines_compiles_or_is_reported(lines: list[str]) -> None:
    # (no incident found is reported: exit 2 at the CLI)
    with contextlib.suppress(IncidentLogError):
        compile_incident_log("\n".join(lines) + "\n", "pm.md")
