"""An alert pasted as a block, as Alertmanager, Grafana OnCall or a Prometheus rule shows it
(`labels:` then `alertname=…`, `annotations:` then `summary: …`, `description: …`): its labels,
summary and links are no log text; the description (or message) it carries is a person's
account of the error, read as a sentence is."""

from __future__ import annotations

import re
from collections.abc import Sequence

_KEY = re.compile(r"^\s*-?\s*([\w.@-]{1,40})\s*[:=]\s*(.*)$")
_ALERT_KEYS = frozenset({"labels", "annotations", "alertname", "commonlabels", "commonannotations"})
_TEXT_KEYS = frozenset({"description", "message", "msg", "error", "details", "detail", "text"})


def alert_annotations(code: Sequence[str]) -> list[str] | None:
    """The texts an alert dump carries (none at all for an alert without a description), or
    None when the block is no alert."""
    content = [line for line in code if line.strip()]
    keyed = [found for line in content if (found := _KEY.match(line))]
    if len(keyed) * 5 < len(content) * 4 or not any(k[1].lower() in _ALERT_KEYS for k in keyed):
        return None
    return [k[2].strip() for k in keyed if k[1].lower() in _TEXT_KEYS and k[2].strip()]
