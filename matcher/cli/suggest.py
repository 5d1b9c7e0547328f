"""``matcher suggest``: unknown failures grouped by template, ranked, drafted as signatures."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from matcher.cli.common import fail, inform, load_ruleset_or_exit, quiet_broken_pipe, warn
from matcher.cli.options import engine_option, jobs_option, signatures_option
from matcher.engine.options import EVENT_KINDS
from matcher.text import neutralize
from matcher.vocabulary import EXIT_INPUT, EXIT_OK

if TYPE_CHECKING:
    from matcher.authoring.draftfile import Placed


@click.command("suggest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@signatures_option
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Write one draft signature per group to DIR (drafts already there are reported, "
    "not written again).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Draft only groups of at least N unknown failures.",
)
@click.option("--top", type=click.IntRange(min=1), help="Draft at most the K largest groups.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table; json: one object per group per line.",
)
@click.option(
    "--events",
    type=click.Choice(EVENT_KINDS),
    default="auto",
    show_default=True,
    help="How lines are grouped into events, as for matcher scan.",
)
@jobs_option
@engine_option
def suggest_command(
    paths: tuple[str, ...],
    signature_paths: tuple[str, ...],
    out_dir: str | None,
    min_count: int,
    top: int | None,
    fmt: str,
    events: str,
    jobs: int,
    engine: str | None,
    no_cache: bool,
) -> None:
    """Draft signatures for the failures no signature explains yet.

    Scans the logs with the signatures as `scan --unknown` does, groups the unknown failures
    by template (mined from each failure's telling line: the exception, panic or FATAL
    line), ranks the groups by count then severity and prints them. With -o, writes one
    draft per group: id DRAFT-<hash of the template>, the template as its symptom, real lines
    as examples, and a resolution left for you (the loader refuses a draft until it is
    filled in). Exit 0; 2 on a usage or signature error; 3 if an input could not be read.

    \b
    Example:
      matcher suggest ci-logs/*.log -s signatures/ -o drafts/ --top 10
    """
    from matcher.authoring.draftfile import place_drafts
    from matcher.authoring.suggest import SuggestOptions, suggest

    ruleset = load_ruleset_or_exit(
        signature_paths, engine, no_cache, unknown=True, allow_empty=True
    )
    options = SuggestOptions(min_count, top, jobs or (os.cpu_count() or 1), events)
    found = suggest(ruleset, list(paths), options)
    try:
        placed = place_drafts(found.drafts, out_dir)
    except OSError as exc:
        fail(f"{out_dir}: {exc.strerror or exc}")
    with quiet_broken_pipe():
        for line in (_json_lines if fmt == "json" else _table)(placed):
            click.echo(line)
        sys.stdout.flush()
    for error in found.errors:
        warn(str(error))
    if found.omitted:
        warn(
            f"{found.omitted} unknown failure(s) counted by the worker processes were not "
            "mined (each passes on the first 1000 of a kind); -j 1 mines every one"
        )
    written = sum(p.state == "written" for p in placed)
    existing = sum(p.state == "exists" for p in placed)
    capped = f" ({found.dropped} dropped at the cap)" if found.dropped else ""
    inform(
        f"{found.unknown} unknown failure(s) in {found.groups} group(s){capped}; "
        f"{len(placed)} drafted (min count {min_count}): {written} written, {existing} existing"
    )
    sys.exit(EXIT_INPUT if found.errors else EXIT_OK)


def _table(placed: Sequence[Placed]) -> list[str]:
    rows = [("COUNT", "SEVERITY", "FIRST", "LAST", "DRAFT", "TEMPLATE")]
    for p in placed:
        group, sig = p.draft.group, p.draft.signature
        draft = sig.id if p.path is None else f"{p.path} ({p.state})"
        first, last, draft, template = (
            neutralize(c) for c in (group.first, group.last, draft, group.template)
        )
        rows.append((str(group.count), str(sig.severity), first, last, draft, template))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return [
        "  ".join(
            [
                row[0].rjust(widths[0]),
                *(cell.ljust(w) for cell, w in zip(row[1:5], widths[1:], strict=True)),
                row[5],
            ]
        )
        for row in rows
    ]


def _json_lines(placed: Sequence[Placed]) -> list[str]:
    lines = []
    for p in placed:
        group, sig = p.draft.group, p.draft.signature
        record = {
            "schema": "incident-matcher/suggestion/v1",
            "id": sig.id,
            "count": group.count,
            "severity": str(sig.severity),
            "first": group.first,
            "last": group.last,
            "template": group.template,
            "title": sig.title,
            "examples": {"match": sig.examples.match, "no_match": sig.examples.no_match},
            "draft": p.path,
            "state": p.state,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines
