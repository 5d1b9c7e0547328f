"""The one error-marker vocabulary: what makes a line error-like for unknown-failure mode.

The prefilter looks for the markers (Hyperscan patterns or plain literals), the scanner
confirms them on a line and names the kind of failure from them (see docs/ci.md).
"""

from __future__ import annotations

import re

# Upper-case words that mark an error line wherever they stand as a word.
MARKER_WORDS = ("ERROR", "FATAL", "FAILED", "CRITICAL", "SEVERE", "PANIC")
TRACEBACK = "Traceback (most recent call last):"
PANIC = "panic: "
EXCEPTION = "Exception"

# Candidate id of an error marker (unknown-failure mode); symptom ids are >= 0.
MARKER = -1
# Candidate id of pytest's failures banner: from there on, findings look for their test.
# (The short summary's banner too: with --tb=no its lines are all there is of the failures.)
PYTEST = -2
PYTEST_LITERALS = (b"= FAILURES =", b"= ERRORS =", b"= short test summary info =")
# Plain literals for Hyperscan too (the same as the pure engine's): an alternation with
# repeats cost a quarter of the whole scan at N = 10.
PYTEST_PATTERNS = (r"=\ FAILURES\ =", r"=\ ERRORS\ =", r"=\ short\ test\ summary\ info\ =")

# Candidate id of a line that may be pytest's (a section header, a node id): a scan that cut a
# file into segments looks for pytest's sections only in blocks that have one (a byte search
# per block for them cost as much as the whole scan).
PYTEST_HINT = -3
PYTEST_HINT_LITERALS = (b"___ ", b".py::", b".py - ", b".py\n")
PYTEST_HINT_PATTERNS = (r"___\ ", r"\.py::", r"\.py\ -\ ", r"\.py\n")

_WORDS = "|".join(MARKER_WORDS)
MARKER_PATTERNS = (
    re.escape(TRACEBACK),
    rf"\b(?:{_WORDS})\b",
    rf"\b{re.escape(PANIC)}",
    rf"{EXCEPTION}\b",
)
MARKER_LITERALS = tuple(s.encode() for s in (TRACEBACK, *MARKER_WORDS, PANIC, EXCEPTION))
# Confirms a prefilter hit on the line itself (a panic only at the start of a line).
MARKER_CONFIRM = re.compile(
    rf"{re.escape(TRACEBACK)}|\b(?:{_WORDS})\b|^{re.escape(PANIC)}|{EXCEPTION}\b".encode()
)
# The kind of an unknown failure, by the first marker found on its marked lines.
KINDS = (
    (TRACEBACK.encode(), "traceback"),
    (b"FAILED", "failed"),
    (PANIC.encode(), "panic"),
    (b"FATAL", "fatal"),
    (EXCEPTION.encode(), "exception"),
)
