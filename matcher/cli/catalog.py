"""``matcher list`` and ``matcher show ID``: the loaded signatures, for a person on call."""

from __future__ import annotations

import click

from matcher.cli.common import fail, load_ruleset_or_exit, quiet_broken_pipe
from matcher.cli.options import engine_option, signatures_option
from matcher.cli.selection import filter_options, signature_filter


@click.command("list")
@signatures_option
@filter_options
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people; json: one object per signature per line. Example: -f json.",
)
@engine_option
@click.pass_context
def list_command(
    ctx: click.Context,
    /,
    signature_paths: tuple[str, ...],
    fmt: str,
    engine: str | None,
    no_cache: bool,
    **_: object,
) -> None:
    """List the loaded signatures: id, severity, status, services, symptoms, runbook.

    The filters are those of `matcher scan`, so this shows what a scan with them would use.

    \b
    Examples:
      matcher list
      matcher list --severity high -f json | jq -r .id
    """
    from matcher.reporters.catalog import signatures_json, signatures_table

    select = signature_filter(ctx.params)
    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache, select=select)
    render = signatures_json if fmt == "json" else signatures_table
    with quiet_broken_pipe():
        click.echo(render(ruleset.signatures), nl=False)


@click.command("show")
@click.argument("incident", metavar="ID")
@signatures_option
@engine_option
def show_command(
    incident: str, signature_paths: tuple[str, ...], engine: str | None, no_cache: bool
) -> None:
    """Print one signature as a person on call reads it: its symptoms, what caused it, its
    resolution, action items and runbook. Exit 2 when no signature has that ID.

    \b
    Example:
      matcher show INC-2024-001
    """
    from matcher.reporters.catalog import describe

    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    by_id = {sig.id: sig for sig in ruleset.signatures}
    if incident not in by_id:
        import difflib  # only for a wrong id

        close = difflib.get_close_matches(incident, list(by_id), n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; see `matcher list`"
        fail(f"no signature with id {incident!r}{hint}")
    with quiet_broken_pipe():
        click.echo(describe(by_id[incident]), nl=False)
