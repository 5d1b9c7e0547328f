"""An error catcher's problem page pasted as it shows (Errbit's, Airbrake's): the error's class
alone on the first line and its message on the next, then the page's fields (`App: gateway
Environment: production`, `Where: module#method`, `Occurrences: … Last notice: …`), its
buttons and tabs (`Summary | Backtrace | Environment | Params | Session`), the backtrace's
frames (`➜ [PROJECT_ROOT]/app/jobs.py:7 → rebuild`) and the people's comments. The program
logged the class and the message as one line (`OSError: [Errno 28] No space left on device`);
the rest is the page's, which no log has, except what a tab quotes of the program's output
(`STDERR:` and the lines under it). The rules are in docs/incident-log-format.md
("Thirty-eighth round")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# The page's own field line: which app and environment the notices came from
_APP = re.compile(r"^App:\s+\S.*\bEnvironment:\s+\S")

# An error's class printed alone (`requests.exceptions.ConnectionError`, `OSError`,
# `Faraday::ServerError`): dotted or `::` parts, the last one a capitalised name
_CLASS = re.compile(r"^(?:[A-Za-z_]\w*(?:\.|::))*[A-Z]\w*$")

# The page's other lines: its fields, buttons, pager and tab bar, a tab's title with or without
# its content on the same line (`Params {"sku": …}   Session {…}`), a backtrace's frame
_FIELD = re.compile(
    r"^(?:Where:\s|Occurrences:\s|First notice:\s|Last notice:\s|\[[A-Z][\w ]*\](?:\s|$)"
    r"|(?:Summary|Backtrace|Environment|Params|Session|User details)(?:\s*\|\s*\w.*)?$"
    r"|(?:Params|Session|Environment|User details):?\s+\S|Comments \(\d+\)$)"
)
_FRAME = re.compile(r"^(?:\u279c\s*)?\[(?:PROJECT_ROOT|GEM_ROOT|[A-Z][A-Z_]+)\]\S")

# The tabs whose indented lines are the page's: the request's and the server's fields, people's
# comments; a program's captured output in the Environment tab (`STDERR:`) stays
_TAB = re.compile(r"^(Environment|Params|Session|User details|Comments \(\d+\))\s*$")
_OUTPUT = re.compile(r"^(?:STDERR|STDOUT|OUTPUT|stderr|stdout|output):\s*$")


def errbit_pages_read(lines: Sequence[str]) -> list[str]:
    """A block's lines with a problem page read as the program's: the class and the message
    one line, the page's fields, tabs, frames and comments empty; other blocks as they were."""
    texts = [line.strip() for line in lines]
    if not any(_APP.match(text) for text in texts):
        return list(lines)
    out = list(lines)
    filled = [at for at, text in enumerate(texts) if text]
    start = 0  # (the page's lines start after the class and the message)
    if len(filled) >= 2 and _CLASS.match(texts[filled[0]]) and not _APP.match(texts[filled[1]]):
        name, message = texts[filled[0]], texts[filled[1]]
        out[filled[0]] = ""
        # (`KafkaTimeoutError` over `KafkaTimeoutError: Failed to …`: the message says it)
        if not message.startswith(name.split(".")[-1].split("::")[-1]):
            out[filled[1]] = f"{name}: {message}"
        start = filled[1] + 1
    output_depth = -1  # the indentation of a `STDERR:` label whose lines are the program's
    tab_depth = -1  # the indentation of a tab's title whose indented lines are the page's
    for at, text in enumerate(texts):
        if not text or at < start:
            continue
        depth = len(lines[at]) - len(lines[at].lstrip())
        if output_depth >= 0 and depth > output_depth:
            out[at] = text
            continue
        output_depth = -1
        if _OUTPUT.match(text):
            output_depth = depth
            out[at] = ""
            continue
        if tab_depth >= 0 and depth > tab_depth:
            out[at] = ""
            continue
        tab_depth = -1
        if _TAB.match(text):
            tab_depth = depth
            out[at] = ""
            continue
        if _APP.match(text) or _FIELD.match(text) or _FRAME.match(text):
            out[at] = ""
    return out
