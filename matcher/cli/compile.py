"""``matcher compile``: an incident log in, one signature file per incident out."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from matcher.cli.common import fail
from matcher.vocabulary import EXIT_FINDINGS

if TYPE_CHECKING:
    from matcher.incidents.reader import Incident


@click.command("compile")
@click.argument("incident_log", type=click.Path(dir_okay=False, allow_dash=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False),
    default="signatures",
    show_default=True,
    help="Directory to write one signature file per incident to.",
)
@click.option("--force", is_flag=True, help="Overwrite signature files that differ (hand-edited).")
@click.option(
    "--check",
    "check_logs",
    multiple=True,
    type=click.Path(dir_okay=False, allow_dash=False),
    metavar="LOG",
    help="A real log to check the symptoms against (repeatable): a symptom that matches "
    "nothing is reported with its closest lines, and matching lines become the signature's "
    "match examples.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not list which text became which symptom.")
def compile_command(
    incident_log: str, out_dir: str, force: bool, check_logs: tuple[str, ...], quiet: bool
) -> None:
    """Compile a Markdown incident log into signature files (one YAML file per incident).

    Log text is read quoted or unquoted, after a label or in a code block, and generalised
    (numbers of one occurrence, placeholders, layers); the report on stderr says which text
    of which line became which symptom. Every incident that compiles is written; one that
    does not is reported with file:line and the reason. Existing files that differ from what
    would be written are kept unless --force. Exit 1 when some incident was skipped, 2 when
    none compiled or the log cannot be read.

    \b
    Example:
      matcher compile docs/past-incidents.md -o signatures/
      matcher compile INCIDENTS.md --check logs/app.log --check logs/db.log
    """
    from pathlib import Path

    from matcher.errors import SignatureError, SourceError
    from matcher.incidents.reader import load_incident_log
    from matcher.incidents.writer import write_signatures

    try:
        log = load_incident_log(incident_log)
        incidents = list(log.incidents)
        if check_logs and incidents:
            incidents = _checked(incidents, check_logs)
        if not incidents:
            for problem in log.problems:
                click.echo(str(problem), err=True)
            fail(f"{len(log.problems)} error(s) in {incident_log}; nothing written")
        report = write_signatures(incidents, Path(out_dir), force=force)
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} error(s) in {incident_log}; nothing written")
    except SourceError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out_dir}: {exc.strerror or exc}")
    if not quiet:
        _report_sources(incidents)
    for problem in (*log.problems, *log.warnings):
        click.echo(str(problem), err=True)
    for label, paths in (
        ("wrote", report.written),
        ("unchanged", report.unchanged),
        ("skipped (differs; --force to overwrite)", report.skipped),
    ):
        for path in paths:
            click.echo(f"{label}: {path}")
    skipped = f", {log.skipped} incident(s) not compiled (see above)" if log.skipped else ""
    click.echo(
        f"{len(incidents)} incident(s): {len(report.written)} written, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped{skipped}",
        err=True,
    )
    if log.skipped:
        sys.exit(EXIT_FINDINGS)


def _report_sources(incidents: list[Incident]) -> None:
    """Per incident, which text of which line became which symptom."""
    for incident in incidents:
        click.echo(f"{incident.id} ({incident.location}):", err=True)
        for source in incident.sources:
            arrow = "=" if source.quote == source.symptom else "->"
            click.echo(f"  line {source.location.line}: {source.quote}", err=True)
            click.echo(f"    {arrow} {source.symptom}", err=True)


def _checked(incidents: list[Incident], logs: tuple[str, ...]) -> list[Incident]:
    """Symptoms checked against real logs (``--check``): report the ones that match nothing,
    use real matching lines as match examples."""
    from matcher.explain import check_incidents, render_near

    try:
        checked, unmatched = check_incidents(incidents, logs)
    except OSError as exc:
        fail(f"{exc.filename}: {exc.strerror or exc}")
    for incident_id, symptom, near in unmatched:
        click.echo(f"{incident_id}: symptom matches nothing in the logs: {symptom}", err=True)
        for line in render_near(near):
            click.echo(f"  {line}", err=True)
    return checked
