"""The bare OS error that another symptom of the same incident wraps (`ConnectionRefusedError:
[Errno 111] Connection refused` under requests' `… (Caused by NewConnectionError(…))`): no
symptom of its own, since in other stacks the same line is the cause of other errors."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A bare OS error: a builtin class, another library's (`httpx.ConnectError`) or none, and
# only `[Errno N] strerror`.
# (... after the level a log viewer's row gave it: `ERROR ConnectionRefusedError: …`)
_BARE_OS_ERROR = re.compile(
    r"^(?:(?:ERROR|CRITICAL|FATAL|WARNING|SEVERE)\s+)?(?:(?:socket\.)?[A-Z]\w*(?:Error|error):?\s+|(?:[a-z_]\w*\.)+[A-Z]\w*Error:?\s+)?"
    # ... or the class and its errno without the message (`ConnectionRefusedError [Errno 111]`)
    r"(\[Errno (-?\d+)\](?: ([A-Za-z][\w ,'-]*))?)$"
)
_CUT_CAUSE = re.compile(r"\(Caused by:?\s+[\w.]+")
# The file an OS error names after its message (`OSError: [Errno 24] Too many open files:
# '<path>'`): the error raised of its own, not another's cause.
_OS_FILENAME = re.compile(r": (['\"])[^'\"]*\1$")
WRAPPED_NOTE = "(no symptom: the bare OS error that another symptom of this incident wraps)"


def wrapped_os_errors(symptoms: Sequence[str]) -> set[str]:
    """The bare OS errors (`ConnectionRefusedError: [Errno 111] Connection refused`) that
    another symptom of the same incident states as its cause: in other stacks the same line is
    the cause of other errors, so alone it would flag them (docs/incident-log-format.md)."""
    wrapped = set()
    for symptom in symptoms:
        bare = _BARE_OS_ERROR.match(symptom)
        if bare is None:
            continue
        # ... also in a client's own words: redis-py's `Error 111 connecting to …. Connection
        # refused.` carries errno 111 and its message
        own = re.compile(rf"\bError {re.escape(bare[2])}\b.*\b{re.escape(bare[3] or '')}")
        # ... or a wrapper that names its cause (`… Max retries exceeded with url: /x (Caused
        # by NewConnectionError(…))`): the bare error is that cause
        if any(
            other != symptom
            and not _BARE_OS_ERROR.match(_OS_FILENAME.sub("", other))
            and (bare[1] in other or own.search(other) or _CUT_CAUSE.search(other))
            for other in symptoms
        ):
            wrapped.add(symptom)
    return wrapped


# A retrying client's wrapper message alone, without its class, pool or cause (urllib3's `Max
# retries exceeded with url: <path>`): every failed call says it, whatever the cause; the cause
# is what tells one incident from another.
_CAUSELESS_WRAPPER = re.compile(
    # ... with the wrapper's class and an elision where its pool stood (`MaxRetryError: …`)
    r"^(?:(?:[a-z_]\w*\.)*(?:MaxRetryError|ConnectionError):?\s*(?:<any>\s*)?)?"
    r"Max retries exceeded with url:\s*(?:<[^>]+>|\S+)(?:\s*\(Caused by\s*(?:<any>|\.\.\.)\)\)?)?$"
)
WRAPPER_NOTE = (
    "(no symptom: the client's retry message without its cause, which another symptom states)"
)


def causeless_wrappers(symptoms: Sequence[str]) -> set[str]:
    """The wrapper messages without a cause (`Max retries exceeded with url: <path>`) beside
    another symptom of the incident, which states the error that they wrap."""
    wrappers = {s for s in symptoms if _CAUSELESS_WRAPPER.match(s)}
    return wrappers if any(s not in wrappers for s in symptoms) else set()
