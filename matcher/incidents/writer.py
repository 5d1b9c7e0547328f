"""Render `Incident` records as signature YAML files (the output of `matcher compile`).

Each signature carries examples (`matcher.incidents.examples`), so that its output passes
`matcher test` as written.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml

from matcher.errors import IncidentLogError, Problem
from matcher.incidents.examples import examples_of
from matcher.incidents.extract import compiled_symptom
from matcher.incidents.reader import Incident

NO_RESOLUTION = "TODO: no resolution recorded in the incident log"


def signature_filename(incident: Incident) -> str:
    """`INC-2024-001` -> `INC-2024-001.yml`; characters other than letters, digits, `.`, `_` and `-`
    become `-`, so an id can never name a path outside the output directory."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", incident.id).strip(".-")
    return f"{stem or 'incident'}.yml"


class _Dumper(yaml.SafeDumper):
    """SafeDumper with literal blocks for prose and a few fixed styles."""


class _Text(str):
    """Prose, written as a literal block (`|-`) even on one line, so adding a line to it in the
    log changes only that line of the signature."""


class _Quoted(str):
    """Always quoted: a date must stay a string for every YAML reader."""


class _Flow(list[str]):
    """A short list written inline: `[Backend API]`."""


class _FlowMap(dict[str, object]):
    """A small mapping written inline: `{text: '…', stands: true}`."""


def _symptom(text: str, incident: Incident) -> str | _FlowMap:
    """A message without class or level is written `{text: …, stands: true}`: it must stand
    as an error on the line (docs/symptoms.md)."""
    if compiled_symptom(text, incident.location).stands:
        return _FlowMap(text=text, stands=True)
    return text


# PyYAML reads these as line breaks inside plain, single-quoted and block scalars, so only
# double quotes (which escape them) bring them back.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def _scalar(dumper: yaml.SafeDumper, data: str, style: str | None) -> yaml.Node:
    style = '"' if _LINE_BREAKS.search(data) else style
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return _scalar(dumper, data, None)


def _represent_text(dumper: yaml.SafeDumper, data: _Text) -> yaml.Node:
    return _scalar(dumper, data, "|")


def _represent_quoted(dumper: yaml.SafeDumper, data: _Quoted) -> yaml.Node:
    return _scalar(dumper, data, "'")


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Text, _represent_text)
_Dumper.add_representer(_Quoted, _represent_quoted)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(
    _FlowMap,
    lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True),
)


def render_signature(incident: Incident) -> str:
    """The signature file of one incident, as YAML text.

    Keys follow the signature schema order; empty optional keys are left out. An incident without
    a resolution gets `resolution: 'TODO: no resolution recorded in the incident log'`, because
    the signature loader requires one. The output depends only on the incident (no times, no
    absolute paths), so recompiling an unchanged log rewrites nothing.
    """
    document: dict[str, Any] = {
        "id": incident.id,
        "title": incident.title,
        "severity": incident.severity,
        "date": _Quoted(incident.date) if incident.date else None,
        "services": _Flow(incident.services),
        "status": incident.status,
        "symptoms": [_symptom(text, incident) for text in incident.symptoms],
        "description": _Text(incident.description or ""),
        "root_cause": _Text(incident.root_cause or ""),
        "resolution": _Text(incident.resolution or NO_RESOLUTION),
        "action_items": list(incident.action_items),
        "examples": examples_of(incident),
    }
    body = yaml.dump(
        {key: value for key, value in document.items() if value},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
    )
    source = PurePath(incident.location.path).name
    return f"# Compiled from {source} by matcher compile.\n{body}"


@dataclass(frozen=True)
class WriteReport:
    """What `write_signatures` did with each file."""

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    skipped: tuple[Path, ...]  # an existing file differs and force was not given


def write_signatures(
    incidents: Sequence[Incident], out_dir: Path, force: bool = False
) -> WriteReport:
    """Write one signature file per incident into out_dir (created if missing).

    A missing file is written; an identical one is left alone (unchanged); one that differs, for
    instance because it was tuned by hand, is kept (skipped) unless force, then rewritten. Each
    file is replaced atomically, so a reader never sees half a signature. Raises
    `IncidentLogError` before writing anything when two incidents would share a file name, and
    `OSError` when the directory or a file cannot be written.
    """
    _check_filenames(incidents)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    unchanged: list[Path] = []
    skipped: list[Path] = []
    for incident in incidents:
        path = out_dir / signature_filename(incident)
        content = render_signature(incident).encode("utf-8")
        old = path.read_bytes() if path.is_file() else None
        if old == content:
            unchanged.append(path)
        elif old is not None and not force:
            skipped.append(path)
        else:
            _replace_atomically(path, content)
            written.append(path)
    return WriteReport(tuple(written), tuple(unchanged), tuple(skipped))


def _check_filenames(incidents: Sequence[Incident]) -> None:
    # Casefolded: `INC-1.yml` and `inc-1.yml` are one file on macOS and Windows.
    first: dict[str, Incident] = {}
    problems: list[Problem] = []
    for incident in incidents:
        name = signature_filename(incident)
        other = first.setdefault(name.casefold(), incident)
        if other is not incident:
            message = (
                f"incident {incident.id!r} would be written to {name}, like incident "
                f"{other.id!r} at line {other.location.line}"
            )
            problems.append(Problem(incident.location, "id", message))
    if problems:
        raise IncidentLogError(problems)


def _replace_atomically(path: Path, content: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        # mkstemp creates 0600; a signature is shared, so keep the old mode or use 0644.
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
