"""Draft signatures as YAML files: rendered in the signature format, written once (a rerun
reports the drafts already there, by id, and never overwrites a file)."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from matcher.authoring.drafts import Draft
from matcher.vocabulary import DRAFT_MARK, TMP_MARK

_ID_LINE = re.compile(r"^id:\s*['\"]?([A-Za-z0-9][A-Za-z0-9._:/-]*)", re.MULTILINE)
SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Placed:
    """Where a draft is: ``state`` is "written" (new file), "exists" (a file with its id was
    there already) or "new" (not written: no output directory)."""

    draft: Draft
    state: str
    path: str | None


def _yaml_text(value: Any) -> str:
    return yaml.dump(
        value,
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 20,  # a log line stays one line
        default_flow_style=False,
    )


def render_draft(draft: Draft) -> str:
    """The YAML text of a draft signature, with a comment that says what to do with it."""
    sig, group = draft.signature, draft.group
    body: dict[str, Any] = {
        "id": sig.id,
        "title": sig.title,
        "severity": str(sig.severity),
        "status": str(sig.status),
        "symptoms": [s.text for s in sig.symptoms],
        "resolution": sig.resolution,
        "examples": {"match": list(sig.examples.match)},
    }
    if sig.examples.no_match:
        body["examples"]["no_match"] = list(sig.examples.no_match)
    header = (
        f"# Drafted by `matcher suggest` from {group.count} unknown failure(s): first at "
        f"{group.first}, last at {group.last}.\n"
        "# Review the symptom (the placeholders are what varied) and the examples, replace the\n"
        f"# {DRAFT_MARK} resolution with what fixed the failure, then `matcher test`.\n"
    )
    return header + _yaml_text(body)


def existing_ids(directory: Path) -> dict[str, str]:
    """Signature ids of the YAML files in ``directory`` (not recursive): id -> path."""
    found: dict[str, str] = {}
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return found
    for path in entries:
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        m = _ID_LINE.search(text)
        if m is not None:
            found.setdefault(m.group(1), str(path))
    return found


def place_drafts(drafts: Sequence[Draft], directory: str | None) -> list[Placed]:
    """Write each draft to ``directory/<id>.yml`` unless a file there has its id or its name
    (raises OSError if the directory cannot be made or written)."""
    if directory is None:
        return [Placed(d, "new", None) for d in drafts]
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    known = existing_ids(root)
    placed = []
    for draft in drafts:
        sig_id = draft.signature.id
        path = root / f"{sig_id}.yml"
        if sig_id in known or path.exists():
            placed.append(Placed(draft, "exists", known.get(sig_id, str(path))))
            continue
        _write_new(path, render_draft(draft))
        placed.append(Placed(draft, "written", str(path)))
    return placed


def _write_new(path: Path, text: str) -> None:
    """Write atomically: a reader (a watcher, a second suggest) never sees half a draft."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_MARK, suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
