"""The everyday options of ``scan`` (and ``list``): which signatures (``--incident``,
``--severity``, ``--tag``, ``--service``), which inputs (directories, ``-g``, ``--max-depth``,
``-L``), which findings (``--since``, ``--until``, ``--max-count``) and how they are shown
(``-c``, ``-l``, ``--stats``). Each becomes one record, after its usage checks."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from matcher.cli.common import fail
from matcher.cli.options import F
from matcher.model import SEVERITY_NAMES, Severity

if TYPE_CHECKING:  # imported when used: `matcher --help` stays quick
    from matcher.rules.select import SignatureFilter
    from matcher.sources.run import Limits
    from matcher.sources.walk import WalkOptions


def parse_time_option(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """An ISO 8601 time or one back from now (``2h``), as POSIX seconds (None: not given)."""
    if value is None:
        return None
    from matcher.sources.timestamps import parse_when

    try:
        return parse_when(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def filter_options(f: F) -> F:
    """Only the signatures asked for are loaded and compiled (``scan``, ``list``)."""
    options = [
        click.option(
            "--incident",
            "incidents",
            multiple=True,
            metavar="ID",
            help="Only this incident; a glob is allowed; repeatable. "
            "Example: --incident 'INC-2024-*'.",
        ),
        click.option(
            "--severity",
            type=click.Choice(SEVERITY_NAMES),
            help="Only signatures at or above this severity. Example: --severity high.",
        ),
        click.option(
            "--tag",
            "tags",
            multiple=True,
            metavar="TAG",
            help="Only signatures with this tag; repeatable (any of them). Example: --tag db.",
        ),
        click.option(
            "--service",
            "services",
            multiple=True,
            metavar="NAME",
            help="Only signatures of this service; repeatable (any of them). "
            "Example: --service 'Backend API'.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def signature_filter(params: Mapping[str, Any]) -> SignatureFilter:
    from matcher.rules.select import SignatureFilter

    severity = params.get("severity")
    return SignatureFilter(
        incidents=tuple(params.get("incidents") or ()),
        severity=Severity.parse(severity) if severity else None,
        tags=tuple(params.get("tags") or ()),
        services=tuple(params.get("services") or ()),
    )


def scan_selection_options(f: F) -> F:
    """Inputs, time window and output modes of ``scan``."""
    options = [
        click.option(
            "-g",
            "--glob",
            "globs",
            multiple=True,
            metavar="GLOB",
            help="In directories, only files matching GLOB; '!GLOB' excludes; repeatable, "
            "the last match wins (as rg). Example: -g '*.log' -g '!debug*'.",
        ),
        click.option(
            "--max-depth",
            type=click.IntRange(min=0),
            metavar="N",
            help="Walk at most N levels below a directory given (1: its own files). "
            "Example: --max-depth 1.",
        ),
        click.option(
            "-L",
            "--follow-links",
            is_flag=True,
            help="Follow symbolic links found in directories (not followed by default). "
            "Example: matcher scan -L /var/log/app.",
        ),
        click.option(
            "--since",
            metavar="TIME",
            callback=parse_time_option,
            help="Only findings at or after TIME: ISO 8601 or back from now (2h, 30m). "
            "A sorted file is bisected, not read whole. Example: --since 2h.",
        ),
        click.option(
            "--until",
            metavar="TIME",
            callback=parse_time_option,
            help="Only findings at or before TIME (as --since). "
            "Example: --until '2026-11-27 02:00'.",
        ),
        click.option(
            "-m",
            "--max-count",
            type=click.IntRange(min=1),
            metavar="N",
            help="Stop reading a source after N findings, like grep -m. Example: -m 1.",
        ),
        click.option(
            "-c",
            "--count",
            is_flag=True,
            help="Print SOURCE:INCIDENT:COUNT per source and incident instead of findings "
            "(exit status as without it). Example: matcher scan -c /var/log/app.",
        ),
        click.option(
            "-l",
            "--files-with-findings",
            "files_only",
            is_flag=True,
            help="Print only the names of sources with a finding; each stops being read "
            "at its first one. Example: matcher scan -l /var/log/app.",
        ),
        click.option(
            "--stats",
            is_flag=True,
            help="Print the summary on stderr even with -c, -l or -q, with the seconds taken. "
            "Example: matcher scan -c --stats app.log.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@dataclass(frozen=True)
class Selection:
    """What the everyday options of ``scan`` ask for, checked."""

    select: SignatureFilter
    walk: WalkOptions
    limits: Limits
    mode: str  # "findings", "count" or "files"
    stats: bool

    @classmethod
    def from_params(cls, params: Mapping[str, Any], fmt: str) -> Selection:
        """The record, or a usage error (exit 2) before any rule is loaded."""
        from matcher.sources.run import Limits
        from matcher.sources.walk import WalkOptions
        from matcher.sources.window import TimeWindow

        if params["count"] and params["files_only"]:
            fail("-c/--count and -l/--files-with-findings: choose one")
        mode = "count" if params["count"] else "files" if params["files_only"] else "findings"
        if mode != "findings" and fmt != "text":
            fail(f"-c/--count and -l/--files-with-findings print text; leave out --format {fmt}")
        since, until = params["since"], params["until"]
        if since is not None and until is not None and since > until:
            fail("--since is later than --until: no finding can be in between")
        window = None if since is None and until is None else TimeWindow(since, until)
        most = 1 if mode == "files" else params["max_count"]
        return cls(
            select=signature_filter(params),
            walk=WalkOptions(tuple(params["globs"]), params["max_depth"], params["follow_links"]),
            limits=Limits(window, most),
            mode=mode,
            stats=params["stats"],
        )


# Options that mean nothing with --follow (live mode has its own reading and output).
NOT_WITH_FOLLOW = {
    "globs": "--glob",
    "max_depth": "--max-depth",
    "follow_links": "--follow-links",
    "since": "--since",
    "until": "--until",
    "max_count": "--max-count",
    "count": "--count",
    "files_only": "--files-with-findings",
    # a reload (SIGHUP) in live mode loads every signature: filters would not survive it
    "incidents": "--incident",
    "severity": "--severity",
    "tags": "--tag",
    "services": "--service",
}


def check_not_with_follow(params: Mapping[str, Any], paths: tuple[str, ...]) -> None:
    given = [
        flag for name, flag in NOT_WITH_FOLLOW.items() if params.get(name) not in (None, False, ())
    ]
    if given:
        fail(f"{', '.join(given)}: not with --follow")
    for path in paths:
        if os.path.isdir(path):
            fail(f"{path}: a directory; to follow one, use `matcher watch {path}`")
