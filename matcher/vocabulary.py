"""Words and numbers the whole package agrees on, defined once (imported, never copied)."""

from __future__ import annotations

import re

# Exit codes of every command (README "Exit codes"); 3 outranks 1.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INPUT = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141  # `matcher … | head`: quiet, like grep (128 + SIGPIPE)

# A signature's id; the incident log's reader and the signature loader both check it.
# \Z, not $: "$" also matches before a final newline, and "INC-1\n" would pass as INC-1.
ID_PATTERN = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}\Z")

# Output formats of `scan` and of live mode.
FORMATS = ("text", "json", "github", "junit", "sarif", "markdown")
LIVE_FORMATS = ("text", "json")
# Formats meant for CI, where unknown failures are listed unless --no-unknown.
UNKNOWN_BY_DEFAULT = frozenset({"github", "junit", "sarif", "markdown"})

# Keep reading a rotated-away file until it has not grown for this long (seconds).
DEFAULT_GRACE = 2.0
# Temporary files the package writes (state, outputs, cache) carry this in their name, so a
# watcher of the same directory never reads them.
TMP_MARK = ".matcher-tmp-"
DEFAULT_SIGNATURES = "signatures"
SIGNATURES_ENV = "MATCHER_SIGNATURES"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"

# A draft written by `matcher suggest` carries this in its resolution until a person writes
# what fixed the failure; the loader refuses such a signature (docs/signatures.md, "Drafts").
DRAFT_PREFIX = "DRAFT-"
DRAFT_MARK = "TODO(draft)"
DRAFT_PROBLEM = "unfinished draft"
