"""The loaded signatures for people and machines: ``matcher list`` (a table or JSON Lines)
and ``matcher show ID`` (one signature as a person on call reads it)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from matcher.model import Signature
from matcher.text import neutralize

SIGNATURE_SCHEMA = "incident-matcher/signature/v1"
COLUMNS = ("ID", "SEVERITY", "STATUS", "SERVICES", "SYMPTOMS", "RUNBOOK")
WIDTH = 88  # `show` wraps prose to this width


def signature_to_dict(sig: Signature) -> dict[str, Any]:
    return {
        "schema": SIGNATURE_SCHEMA,
        "id": sig.id,
        "title": sig.title,
        "severity": str(sig.severity),
        "status": str(sig.status),
        "services": list(sig.services),
        "tags": list(sig.tags),
        "date": sig.date,
        "retryable": sig.retryable,
        "symptoms": [
            {"text": s.text, "role": str(s.role), "regex": s.is_regex} for s in sig.symptoms
        ],
        "resolution": sig.resolution,
        "runbook": sig.runbook,
        "location": str(sig.location),
    }


def signatures_json(signatures: Sequence[Signature]) -> str:
    """One JSON object per signature per line, as ``scan -f json`` writes findings."""
    return "".join(json.dumps(signature_to_dict(s), ensure_ascii=True) + "\n" for s in signatures)


def signatures_table(signatures: Sequence[Signature]) -> str:
    """Aligned columns, one row per signature in load order; the runbook last (it is long)."""
    rows = [COLUMNS] + [
        (
            sig.id,
            str(sig.severity),
            str(sig.status),
            ", ".join(sig.services) or "-",
            str(len(sig.symptoms)),
            sig.runbook or "-",
        )
        for sig in signatures
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append(neutralize("  ".join([*cells, row[-1]]).rstrip()))
    return "\n".join(lines) + "\n"


def describe(sig: Signature) -> str:
    """One signature: what it is, how it shows in logs, and what fixed it last time."""
    head = [
        f"{sig.id}  {sig.title}",
        f"severity: {sig.severity}   status: {sig.status}"
        + (f"   date: {sig.date}" if sig.date else "")
        + ("   retryable" if sig.retryable else ""),
    ]
    if sig.services:
        head.append(f"services: {', '.join(sig.services)}")
    if sig.tags:
        head.append(f"tags: {', '.join(sig.tags)}")
    head.append(f"defined in: {sig.location}")
    symptoms = [
        f"- {'regex ' if s.is_regex else ''}{s.text}"
        + ("" if str(s.role) == "any" else f"  ({s.role})")
        for s in sig.symptoms
    ]
    sections = [
        ("Symptoms", "\n".join(symptoms)),
        ("Description", sig.description),
        ("Root cause", sig.root_cause),
        ("Resolution", sig.resolution),
        ("Action items", "\n".join(f"- {item}" for item in sig.action_items)),
        ("Runbook", sig.runbook),
    ]
    parts = ["\n".join(head)]
    for title, body in sections:
        if body:
            parts.append(f"{title}\n{_indent(body)}")
    text = "\n\n".join(parts)
    return "\n".join(neutralize(line) for line in text.split("\n")) + "\n"


def _indent(text: str) -> str:
    lines = []
    for line in text.splitlines():
        wrapped = textwrap.wrap(line, WIDTH - 2, subsequent_indent="  " if line[:1] in "-*" else "")
        lines.extend(wrapped or [""])
    return textwrap.indent("\n".join(lines), "  ")
