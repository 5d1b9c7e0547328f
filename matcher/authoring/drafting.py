"""What a draft signature takes from a mined group besides its template: a severity from the
log level, a title, and the nearest other groups (their lines are the draft's near misses)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from matcher.authoring.masking import PLACEHOLDER
from matcher.authoring.mining import Group
from matcher.model import Severity

# A group with no level in its header is an exception line or a panic: an unknown failure is
# error-like by construction, so it counts as an error.
_SEVERITY = {
    "EMERG": Severity.CRITICAL,
    "PANIC": Severity.CRITICAL,
    "FATAL": Severity.CRITICAL,
    "ALERT": Severity.CRITICAL,
    "CRITICAL": Severity.CRITICAL,
    "CRIT": Severity.CRITICAL,
    "ERROR": Severity.HIGH,
    "ERR": Severity.HIGH,
    "SEVERE": Severity.HIGH,
    "WARN": Severity.MEDIUM,
    "WARNING": Severity.MEDIUM,
    "NOTICE": Severity.LOW,
    "INFO": Severity.LOW,
    "DEBUG": Severity.INFO,
    "TRACE": Severity.INFO,
}
MAX_TITLE = 80
_GAPS = re.compile(r"(?:…\s*){2,}")


def severity_for(level: str | None) -> Severity:
    """The draft's severity for a group's log level (``Group.level``)."""
    return _SEVERITY.get(level or "ERROR", Severity.HIGH)


def title_for(template: str) -> str:
    """A title from a template: placeholders become ``…``, at most 80 characters."""
    title = _GAPS.sub("… ", PLACEHOLDER.sub("…", template)).strip()
    if len(title) <= MAX_TITLE:
        return title
    cut = title.rfind(" ", 0, MAX_TITLE - 1)
    return title[: cut if cut > MAX_TITLE // 2 else MAX_TITLE - 1].rstrip() + "…"


def nearest(groups: Sequence[Group], target: Group, k: int = 2) -> list[Group]:
    """The ``k`` groups whose templates are most like ``target``'s (token by token), most
    alike first: their example lines are the draft's ``examples.no_match`` candidates. The
    caller still drops any candidate the draft's symptom matches: a near group's line can
    fit a template with placeholders."""
    mine = target.template.split()

    def likeness(group: Group) -> tuple[float, int, str]:
        ratio = difflib.SequenceMatcher(None, mine, group.template.split(), False).ratio()
        return (-ratio, -group.count, group.id)

    others = [g for g in groups if g.id != target.id]
    return sorted(others, key=likeness)[:k]
