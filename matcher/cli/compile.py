"""``matcher compile``: an incident log in, one signature file per incident out."""

from __future__ import annotations

import click

from matcher.cli.common import fail


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
def compile_command(incident_log: str, out_dir: str, force: bool) -> None:
    """Compile a Markdown incident log into signature files (one YAML file per incident).

    Existing files that differ from what would be written are kept unless --force; the
    command says what it wrote, skipped and left unchanged. Exit 2 if the log cannot be read
    or no incident in it can be compiled.

    \b
    Example:
      matcher compile docs/past-incidents.md -o signatures/
    """
    from pathlib import Path

    from matcher.errors import SignatureError, SourceError
    from matcher.incidents.reader import read_incident_log
    from matcher.incidents.writer import write_signatures

    try:
        incidents = read_incident_log(incident_log)
        report = write_signatures(incidents, Path(out_dir), force=force)
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} error(s) in {incident_log}; nothing written")
    except SourceError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out_dir}: {exc.strerror or exc}")
    for label, paths in (
        ("wrote", report.written),
        ("unchanged", report.unchanged),
        ("skipped (differs; --force to overwrite)", report.skipped),
    ):
        for path in paths:
            click.echo(f"{label}: {path}")
    click.echo(
        f"{len(incidents)} incident(s): {len(report.written)} written, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped",
        err=True,
    )
