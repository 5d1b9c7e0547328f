"""Where a scan's results go: the chosen format, the CI gate's tally, the job summary,
one-shot delivery to Alertmanager and webhooks, the progress bar and the closing line."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from matcher.cli.common import fail, open_append, use_color
from matcher.cli.fleet import FleetFlags

if TYPE_CHECKING:
    from matcher.fleet.oneshot import FleetReporter
    from matcher.patterns.ruleset import Ruleset
    from matcher.reporters import Tee
    from matcher.reporters.gating import GatePolicy, Tally
    from matcher.sources.run import ScanRun

SUMMARY_INCIDENTS = 10  # a thousand incidents would make a 20 KB summary line


def reporters(
    mode: str,
    fmt: str,
    out: TextIO,
    color: str,
    context: int,
    ruleset: Ruleset,
    unknown: bool,
    policy: GatePolicy,
    summary_file: str | None,
) -> tuple[Tee, Tally]:
    """The chosen format, a tally for the exit status, and the Markdown summary if asked."""
    from matcher.reporters import Reporter, Tee, make_reporter
    from matcher.reporters.gating import Tally

    tally = Tally()
    shown: Reporter
    if mode == "count":
        from matcher.reporters.listing import CountReporter

        shown = CountReporter(out)
    elif mode == "files":
        from matcher.reporters.listing import FilesReporter

        shown = FilesReporter(out)
    else:
        shown = make_reporter(
            fmt,
            out,
            color=use_color(color, out),
            context=context,
            signatures=ruleset.signatures,
            unknown=unknown,
        )
    reporters: list[Reporter] = [shown, tally]
    summary_out = open_append(summary_file)
    if summary_out is not None:
        from matcher.reporters.summary import SummaryReporter

        reporters.append(
            SummaryReporter(
                summary_out, unknown=unknown, policy=policy, github_annotations=fmt == "github"
            )
        )
    return Tee(*reporters), tally


def delivery(fleet: FleetFlags, tee: Tee, timeout: float) -> FleetReporter | None:
    """``--alertmanager``/``--webhook`` without --follow: findings delivered at the end."""
    if not fleet.delivers:
        return None
    from matcher.errors import MatcherError
    from matcher.fleet.oneshot import FleetReporter

    try:
        reporter = FleetReporter(fleet.options(), timeout)
    except MatcherError as exc:
        fail(str(exc))
    tee.add(reporter)
    return reporter


def progress_bar(paths: Sequence[str], quiet: bool) -> Any:
    """A progress bar on stderr when it is a terminal (a long scan only; never with -q)."""
    if quiet or not sys.stderr.isatty():
        return None
    from matcher.cli.progress import Progress

    sizes = [os.path.getsize(p) if os.path.isfile(p) else None for p in paths if p != "-"]
    total = sum(sizes) if sizes and None not in sizes else None  # type: ignore[arg-type]
    return Progress(sys.stderr, total)


def summary(run: ScanRun, unknown: bool) -> str:
    stats = run.stats
    total = sum(stats.findings.values())
    shown = sorted(stats.findings.items())
    if len(shown) > SUMMARY_INCIDENTS:  # the most frequent, then by id
        shown = sorted(shown, key=lambda item: -item[1])[:SUMMARY_INCIDENTS]
        shown.sort()
    per = ", ".join(f"{k}: {v}" for k, v in shown)
    more = len(stats.findings) - len(shown)
    if more:
        per += f", and {more} more incident(s)"
    detail = f" ({per})" if per else ""
    unknowns = f", {stats.unknown_total} unknown failure(s)" if unknown else ""
    return (
        f"matcher: {total} finding(s){detail}{unknowns} in {stats.lines} line(s), "
        f"{stats.bytes} byte(s) from {len(run.paths)} source(s)"
    )
