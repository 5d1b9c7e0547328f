"""``matcher explain``: which symptom matches a line and why, or how close it came."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from matcher.cli.common import chosen_signatures, fail
from matcher.cli.options import signatures_option
from matcher.vocabulary import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from matcher.explain import Judge, Verdict
    from matcher.model import Signature


@click.command("explain")
@click.argument("logs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=False))
@signatures_option
@click.option("--incident", "incident_id", metavar="ID", help="Only this signature.")
@click.option("--line", "line_text", metavar="TEXT", help="Explain this one line instead of logs.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--limit", default=5, show_default=True, help="Lines shown per symptom.")
@click.option(
    "--threshold",
    default=0.5,
    show_default=True,
    help="Least share of a symptom's literal text a line must hold to be shown as close.",
)
def explain_command(
    logs: tuple[str, ...],
    signature_paths: tuple[str, ...],
    incident_id: str | None,
    line_text: str | None,
    output_format: str,
    limit: int,
    threshold: float,
) -> None:
    """Explain, for a signature's author, which lines a symptom matches and which almost do.

    With LOG files: per signature and symptom, the lines it matches and the closest lines it
    does not (closest first), each with where symptom and line part: a token that differs, a
    token missing, or a message found without its class or level that does not stand as an
    error. With --line: which symptom matches that line and how, or which came closest and
    where it failed. Exit 0 when something matched, 1 when nothing did.

    \b
    Example:
      matcher explain app.log -s signatures/ --incident INC-2024-001
      matcher explain --line 'WARNING retrying after database is locked'
    """
    from matcher.errors import SignatureError
    from matcher.explain import Judge, closest, read_lines
    from matcher.rules.signatures import load_signatures

    if not logs and line_text is None:
        fail("give LOG files or --line TEXT")
    try:
        signatures = load_signatures(chosen_signatures(signature_paths))
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} error(s) in the signatures")
    chosen = [s for s in signatures if incident_id in (None, s.id)]
    if not chosen:
        fail(f"no signature {incident_id!r}" if incident_id else "no signatures found")
    judges = [(sig, Judge(symptom)) for sig in chosen for symptom in sig.symptoms]
    if line_text is not None:
        rows = [(sig, judge.judge(line_text)) for sig, judge in judges]
        found = _explain_line(rows, output_format, limit)
    else:
        try:
            results = closest([j for _, j in judges], read_lines(logs), limit, threshold)
        except OSError as exc:
            fail(f"{exc.filename}: {exc.strerror or exc}")
        report = [(sig, judge, *results[i]) for i, (sig, judge) in enumerate(judges)]
        found = _explain_logs(report, output_format)
    sys.exit(EXIT_OK if found else EXIT_FINDINGS)


def _explain_line(rows: list[tuple[Signature, Verdict]], output_format: str, limit: int) -> bool:
    matched = [row for row in rows if row[1].matched]
    shown = matched or sorted(rows, key=lambda row: -row[1].score)[:limit]
    if output_format == "json":
        items = [{"signature": sig.id, **verdict.as_dict()} for sig, verdict in shown]
        click.echo(json.dumps({"matched": bool(matched), "symptoms": items}, indent=2))
        return bool(matched)
    click.echo("matches:" if matched else "no symptom matches; the closest:")
    for sig, verdict in shown:
        click.echo(f"  {sig.id}: {verdict.symptom}")
        score = "" if verdict.matched else f" ({verdict.score:.0%})"
        click.echo(f"    {verdict.why}{score}")
        if verdict.captures:
            click.echo("    captures: " + " ".join(f"{k}={v}" for k, v in verdict.captures))
    return bool(matched)


def _explain_logs(
    report: list[tuple[Signature, Judge, list[Verdict], list[Verdict]]], output_format: str
) -> bool:
    if output_format == "json":
        items = [
            {
                "signature": sig.id,
                "symptom": judge.symptom.text,
                "matched": [v.as_dict() for v in hits],
                "closest": [v.as_dict() for v in near],
            }
            for sig, judge, hits, near in report
        ]
        click.echo(json.dumps(items, indent=2))
        return any(hits for _, _, hits, _ in report)
    current = None
    for sig, judge, hits, near in report:
        if sig.id != current:
            click.echo(f"{sig.id}: {sig.title}")
            current = sig.id
        click.echo(f"  symptom: {judge.symptom.text}")
        for verdict in hits:
            click.echo(f"    matches {verdict.where}: {verdict.text}")
        if not hits:
            click.echo("    matches nothing")
        for verdict in near:
            click.echo(f"    close {verdict.where} ({verdict.score:.0%}): {verdict.text}")
            click.echo(f"      {verdict.why}")
    return any(hits for _, _, hits, _ in report)
