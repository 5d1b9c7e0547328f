"""What a CI server and a runtime print around a program's lines in a build's console, pasted
from the server's page (GoCD's): the agent's own lines (`[go] Start to execute task: <exec …>`,
`[go] Task status: failed (311 ms) (exit code: 22)`, `[go] Current job status: failed`), the
stage's materials (`Git: git@git.internal:shop/search.git  Branch: main`, `Revision: 4be91c0d
modified by … on …`, the commit's message in quotes, `Pipeline: catalogue-import/311`), the
pipeline's configuration (`cruise-config.xml`: a block of XML elements only) and V8's trace of
its last garbage collections before it runs out of heap (`[12218:0x1294cdd0]  379 ms:
Mark-Compact 32.6 (51.0) -> 31.6 (67.0) MB, … allocation failure; scavenge might not
succeed`), which V8 prints over its `FATAL ERROR`. None is what the program logged; each is
emptied, the program's lines stay. The stage's header as GoCD shows it, quoted in the prose
(`edge-config/240/verify/1 · Failed`), names the run, not an error. docs/incident-log-format.md
("Fortieth round") says the rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

_AGENT = re.compile(r"^\s*\[go\]\s")
# a material's revision, as GoCD lists it over the console
_REVISION = re.compile(r"^\s*Revision:\s+[0-9a-f]{6,40}\s+modified by\s")
_MATERIAL = re.compile(
    r"^\s*(?:(?:Git|Mercurial|Hg|Subversion|Svn|Perforce|P4|Tfs):\s+\S+(?:\s+Branch:\s+\S+)?"
    r"|Pipeline:\s+[\w.-]+/\d+|Revision:\s+\S.*|\"[^\"]*\")\s*$"
)
# an XML element's line, opening, closing or whole (`<exec command="…" />`, `</tasks></job>`)
_XML = re.compile(r"^\s*</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>(?:[^<>]*</?[\w.:-]+(?:\s[^<>]*)?>)*$")
# ... but a test report's (JUnit's `<testcase>`, its `<failure message="…">`) holds the errors
_REPORT = re.compile(r"<(?:testcase|testsuite|failure|error)\b|\bmessage=\"")
# V8's trace of its last garbage collections: the isolate, the time and the collector's line
_GC_TRACE = re.compile(
    r"^\s*\[\d+:0x[0-9a-f]+\]\s+\d+(?:\.\d+)?\s+ms:\s+(?:Mark-Compact|Mark-sweep|Scavenge)\b"
)
# GoCD's stage locator and how it ended: pipeline, its counter, stage, its counter
_STAGE = re.compile(
    r"^[\w.-]+/\d+/[\w.-]+/\d+(?:/[\w.-]+)?\s+\u00b7\s+"
    r"(?:Failed|Passed|Cancelled|Building|Failing|Unknown)$"
)


def build_console_read(lines: Sequence[str]) -> list[str]:
    """A code block's lines with the CI agent's, the materials', the configuration's and the
    garbage collector's own lines emptied."""
    materials = any(_REVISION.match(line) for line in lines)
    rows = [line for line in lines if line.strip()]
    config = len(rows) >= 2 and all(_XML.match(line) for line in rows)
    config = config and not any(_REPORT.search(line) for line in rows)
    return [
        ""
        if config
        or _AGENT.match(line)
        or _GC_TRACE.match(line)
        or (materials and _MATERIAL.match(line))
        else line
        for line in lines
    ]


def stage_header(run: str) -> bool:
    """Whether a quoted run is a CI stage's header (`edge-config/240/verify/1 · Failed`)."""
    return _STAGE.match(run.strip()) is not None
