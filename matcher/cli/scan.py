"""``matcher scan``: check the options, load the rules, make one ScanRun, report, exit."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from matcher.cli.common import (
    fail,
    load_ruleset_or_exit,
    open_append,
    quiet_broken_pipe,
    warn,
)
from matcher.cli.fleet import FleetFlags
from matcher.cli.guard import refuse_output_among_inputs
from matcher.cli.options import (
    FOLLOW_ONLY,
    engine_option,
    envelope_options,
    fleet_options,
    follow_options,
    jobs_option,
    metrics_option,
    signatures_option,
)
from matcher.cli.report import delivery, progress_bar, reporters, summary
from matcher.cli.selection import (
    Selection,
    check_not_with_follow,
    filter_options,
    scan_selection_options,
)
from matcher.engine.options import EVENT_KINDS
from matcher.model import SEVERITY_NAMES
from matcher.vocabulary import EXIT_INPUT, FORMATS, UNKNOWN_BY_DEFAULT

if TYPE_CHECKING:
    from matcher.patterns.ruleset import Ruleset


@click.command()
# readable=False: an input that cannot be read is reported when it is read (exit 3, the
# others scanned), not refused up front as a usage error.
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))
@signatures_option
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people; json: one object per finding per line; github: workflow "
    "annotations; junit: JUnit XML; sarif: SARIF 2.1.0; markdown: a job summary.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITY_NAMES, "never"]),
    default="info",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity (never: always exit 0).",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit 1 when an incident marked resolved is found again (even with --fail-on never).",
)
@click.option(
    "--fail-on-unknown",
    is_flag=True,
    help="Exit 1 when an error-like event no signature explains is found (implies --unknown).",
)
@click.option(
    "--summary",
    "summary_file",
    type=click.Path(dir_okay=False),
    help="Append a Markdown job summary to FILE (default: $GITHUB_STEP_SUMMARY when set).",
)
@click.option(
    "--outputs",
    "outputs_file",
    type=click.Path(dir_okay=False),
    help="Append key=value results (findings, regressions, unknown, retryable) to FILE, "
    "e.g. $GITHUB_OUTPUT.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour on a terminal; NO_COLOR turns it off.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
@click.option(
    "--events",
    type=click.Choice(EVENT_KINDS),
    default="auto",
    show_default=True,
    help="How lines are grouped into events (a traceback is one finding); lines: no grouping.",
)
@click.option(
    "-C",
    "--context",
    type=click.IntRange(0, 1000),
    default=0,
    help="Show N lines around each matched line, like grep -C (text format).",
)
@click.option(
    "--unknown/--no-unknown",
    default=None,
    help="List error-like events that no signature explains. Default: on for github, junit, "
    "sarif, markdown and with --summary; off for text and json.",
)
@jobs_option
@click.option(
    "-F",
    "--follow",
    is_flag=True,
    help="Keep following FILEs by name, like tail -F (see docs/live.md).",
)
@follow_options
@fleet_options
@click.option(
    "--delivery-timeout",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Without --follow: how long to keep trying to deliver alerts and webhook records "
    "after the scan (exit 2 if some are left).",
)
@envelope_options
@metrics_option
@filter_options
@scan_selection_options
@engine_option
@click.pass_context
def scan(
    ctx: click.Context,
    /,
    paths: tuple[str, ...],
    signature_paths: tuple[str, ...],
    fmt: str,
    fail_on: str,
    fail_on_regression: bool,
    fail_on_unknown: bool,
    summary_file: str | None,
    outputs_file: str | None,
    color: str,
    quiet: bool,
    events: str,
    context: int,
    unknown: bool | None,
    jobs: int,
    follow: bool,
    engine: str | None,
    no_cache: bool,
    output: str | None,
    **_: Any,
) -> None:
    """Scan PATHS (plain or .gz files, directories; - or nothing for stdin) for known incidents.

    A directory is read recursively, every regular file in name order (see -g, --max-depth,
    -L). Findings go to stdout, the summary and errors to stderr. Exit status: 0 nothing at or
    above --fail-on, 1 findings, 2 usage or signature error, 3 an input could not be read.

    \b
    Examples:
      matcher scan app.log old.log.gz
      matcher scan /var/log/myapp -g '*.log' --since 2h --severity high
      matcher scan -c --incident 'INC-2024-*' logs/
      kubectl logs deploy/api | matcher scan -f json
      matcher scan --follow /var/log/app.log --state state.json
    """
    from matcher.reporters.gating import GatePolicy, format_outputs
    from matcher.reporters.summary import summary_path
    from matcher.sources.run import ScanRun

    started = time.monotonic()
    _check_follow_options(ctx, paths, follow)
    fleet = FleetFlags.from_params(ctx.params)
    fleet.check()
    selection = Selection.from_params(ctx.params, fmt)
    refuse_output_among_inputs(output, paths)
    summary_file = summary_path(summary_file)
    if unknown is None:
        unknown = fmt in UNKNOWN_BY_DEFAULT or summary_file is not None or fail_on_unknown
    ruleset = load_ruleset_or_exit(
        signature_paths, engine, no_cache, unknown=unknown, select=selection.select
    )
    if follow:
        _follow(ctx, ruleset, paths, fmt, color, fleet)
    out = open_append(output) or sys.stdout
    policy = GatePolicy.from_options(
        fail_on, fail_on_regression=fail_on_regression, fail_on_unknown=fail_on_unknown
    )
    tee, tally = reporters(
        selection.mode, fmt, out, color, context, ruleset, unknown, policy, summary_file
    )
    delivered = delivery(fleet, tee, ctx.params["delivery_timeout"])
    run = ScanRun(
        ruleset,
        paths,
        events=events,
        unknown=unknown,
        context=context,
        on_warning=warn,
        jobs=jobs or (os.cpu_count() or 1),
        walk=selection.walk,
        limits=selection.limits,
        envelope=ctx.params["envelope"],
        fields=ctx.params["fields"],
    )
    progress = run.on_progress = progress_bar(run.paths, quiet)
    with quiet_broken_pipe():
        for finding in run:
            tee.finding(finding)
        if progress is not None:
            progress.close()
        tee.finish(run.stats)
    decision = tally.decide(policy, unknown_checked=unknown)
    outputs_out = open_append(outputs_file)
    if outputs_out is not None:
        outputs_out.write(format_outputs(decision.as_outputs()))
    for error in run.errors:
        click.echo(f"matcher: {error}", err=True)
    if run.untimed:
        warn(f"{run.untimed} finding(s) without a timestamp left out by --since/--until")
    if selection.stats:
        click.echo(f"{summary(run, unknown)} in {time.monotonic() - started:.2f} s", err=True)
    elif not quiet and selection.mode == "findings":
        click.echo(summary(run, unknown), err=True)
    if delivered is not None and delivered.undelivered:
        left = ", ".join(f"{n} to {target}" for target, n in delivered.undelivered.items())
        fail(f"not delivered: {left}")
    sys.exit(EXIT_INPUT if run.errors else decision.exit_status)


def _check_follow_options(ctx: click.Context, paths: tuple[str, ...], follow: bool) -> None:
    """Usage errors before any rule is loaded (a wrong signature path must not hide them)."""
    if follow:
        if not paths or "-" in paths:
            fail("--follow needs file names (stdin cannot be followed)")
        check_not_with_follow(ctx.params, paths)
        return
    given = [
        param.opts[0]
        for param in ctx.command.params
        if param.name in FOLLOW_ONLY
        and ctx.get_parameter_source(param.name) is not click.core.ParameterSource.DEFAULT
    ]
    if given:
        fail(f"{', '.join(given)}: only with --follow (or `matcher watch`)")


def _follow(
    ctx: click.Context,
    ruleset: Ruleset,
    paths: tuple[str, ...],
    fmt: str,
    color: str,
    fleet: FleetFlags,
) -> None:
    from matcher.cli.live import FollowFlags, Reload, follow_files, live_color

    params = ctx.params
    flags = FollowFlags.from_params(params)
    reload = Reload(
        params["signature_paths"], params["engine"], params["no_cache"], ruleset.markers
    )
    color_on = live_color(color, flags.output)
    sys.exit(follow_files(ruleset, paths, fmt, color_on, flags, fleet, reload))
