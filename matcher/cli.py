"""The command line: each command parses options, makes one library call, reports, exits.

Exit codes (documented in README): 0 no finding at or above --fail-on, 1 findings,
2 usage or signature error, 3 some input could not be read (outranks 1).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import Any, Literal, NoReturn, TextIO

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INPUT = 0, 1, 2, 3
SEVERITIES = ("critical", "high", "medium", "low", "info")
DEFAULT_SIGNATURES = "signatures"


def _warn(message: str) -> None:
    click.echo(f"matcher: warning: {message}", err=True)


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(f"matcher: {message}", err=True)
    sys.exit(code)


def signatures_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-s",
        "--signatures",
        "signature_paths",
        multiple=True,
        type=click.Path(),
        envvar="MATCHER_SIGNATURES",
        show_envvar=True,
        help="Signature file or directory (recursive *.yml/*.yaml); repeatable. "
        "Default: ./signatures.",
    )(f)


def engine_option(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--engine",
        type=click.Choice(["auto", "hyperscan", "pure"]),
        envvar="MATCHER_ENGINE",
        help="Prefilter engine: hyperscan where installed (auto), or the pure-Python one. "
        "Both give identical findings.",
    )(f)
    return click.option(
        "--no-cache", is_flag=True, help="Do not read or write the compiled-ruleset cache."
    )(f)


def load_ruleset_or_exit(
    paths: tuple[str, ...], engine: str | None, no_cache: bool, unknown: bool = False
) -> Any:
    from matcher.errors import SignatureError
    from matcher.ruleset import load_ruleset

    chosen = list(paths) or [DEFAULT_SIGNATURES]
    try:
        ruleset = load_ruleset(
            chosen, engine=engine, cache=False if no_cache else None, unknown=unknown
        )
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        _fail(f"{len(exc.problems)} signature error(s); nothing scanned")
    except ValueError as exc:  # unknown engine from the environment
        _fail(str(exc))
    if not ruleset.signatures:
        _fail(f"no signatures found in {', '.join(chosen)}")
    # Everything loaded so far lives until exit: frozen, no garbage collection walks it
    # again (the one at exit included) and forked workers keep sharing its pages.
    # Measured: start-up -10 ms with 10 signatures, -25 ms with 1000; -5% CPU per scan.
    gc.freeze()
    for slow in ruleset.slow_symptoms:
        _warn(
            f"{slow.symptom.location}: symptom has no literal the prefilter can use; "
            "it is tried on every line (slow)"
        )
    return ruleset


def _follow_options(f: Callable[..., Any]) -> Callable[..., Any]:
    from matcher.cli_live import follow_options

    return follow_options(f)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="incident-matcher", prog_name="matcher")
def cli() -> None:
    """Flag log lines that match past incidents, with the incident's resolution.

    \b
    matcher compile INCIDENTS.md -o signatures/   incident log -> signature files
    matcher scan app.log old.log.gz               flag matching lines (stdin: -)
    matcher test                                  check signatures against their examples
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@signatures_option
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "junit", "sarif", "markdown"]),
    default="text",
    show_default=True,
    help="text for people; json: one object per finding per line; github: workflow "
    "annotations; junit: JUnit XML; sarif: SARIF 2.1.0; markdown: a job summary.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITIES, "never"]),
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
    type=click.Choice(["auto", "python", "java", "go", "lines"]),
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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0, 64),
    default=0,
    help="Processes to scan with (0: one per core). Big files are split.",
)
@click.option(
    "-F",
    "--follow",
    is_flag=True,
    help="Keep following FILEs by name, like tail -F (see docs/live.md).",
)
@_follow_options
@engine_option
def scan(
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
    **follow_opts: Any,
) -> None:
    """Scan PATHS (plain or .gz files; - or nothing for stdin) for known incidents.

    Findings go to stdout, the summary and errors to stderr. Exit status: 0 nothing at or
    above --fail-on, 1 findings, 2 usage or signature error, 3 an input could not be read.
    """
    from matcher.api import ScanRun
    from matcher.gating import GatePolicy, format_outputs
    from matcher.reporters import UNKNOWN_BY_DEFAULT

    summary_file = summary_file or os.environ.get("GITHUB_STEP_SUMMARY") or None
    if unknown is None:
        unknown = fmt in UNKNOWN_BY_DEFAULT or summary_file is not None or fail_on_unknown
    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache, unknown=unknown)
    if follow:
        _follow(ruleset, paths, fmt, color, signature_paths, engine, no_cache, follow_opts)
    given = {k for k, v in follow_opts.items() if v not in (None, False, 0, 0.0)}
    if given & {"state_path", "reset_state", "from_start", "cooldown", "poll"}:
        _fail("--state, --reset-state, --from-start, --cooldown and --poll go with --follow")
    out = _open_append(follow_opts.get("output")) or sys.stdout
    policy = GatePolicy.from_options(
        fail_on, fail_on_regression=fail_on_regression, fail_on_unknown=fail_on_unknown
    )
    tee, tally = _reporters(fmt, out, color, context, ruleset, unknown, policy, summary_file)
    jobs = jobs or (os.cpu_count() or 1)
    progress = _progress(paths, quiet)
    run = ScanRun(
        ruleset,
        paths,
        on_warning=_warn,
        jobs=jobs,
        on_progress=progress,
        events=events,
        unknown=unknown,
        context=context,
    )
    with _quiet_broken_pipe():
        for finding in run:
            tee.finding(finding)
        if progress is not None:
            progress.close()
        tee.finish(run.stats)
    decision = tally.decide(policy, unknown_checked=unknown)
    outputs_out = _open_append(outputs_file)
    if outputs_out is not None:
        outputs_out.write(format_outputs(decision.as_outputs()))
    for error in run.errors:
        click.echo(f"matcher: {error}", err=True)
    if not quiet:
        click.echo(_summary(run, unknown), err=True)
    sys.exit(EXIT_INPUT if run.errors else decision.exit_status)


def _reporters(
    fmt: str,
    out: TextIO,
    color: str,
    context: int,
    ruleset: Any,
    unknown: bool,
    policy: Any,
    summary_file: str | None,
) -> tuple[Any, Any]:
    """The chosen format, a tally for the exit status, and the Markdown summary if asked."""
    from matcher.gating import Tally
    from matcher.reporters import Tee, make_reporter

    tally = Tally()
    reporters = [
        make_reporter(
            fmt,
            out,
            color=_use_color(color, out),
            context=context,
            signatures=ruleset.signatures,
            unknown=unknown,
        ),
        tally,
    ]
    summary_out = _open_append(summary_file)
    if summary_out is not None:
        from matcher.reporters.summary import SummaryReporter

        reporters.append(
            SummaryReporter(
                summary_out, unknown=unknown, policy=policy, github_annotations=fmt == "github"
            )
        )
    return Tee(*reporters), tally


def _follow(
    ruleset: Any,
    paths: tuple[str, ...],
    fmt: str,
    color: str,
    signature_paths: tuple[str, ...],
    engine: str | None,
    no_cache: bool,
    follow_opts: dict[str, Any],
) -> NoReturn:
    from matcher.cli_live import run_follow

    if not paths or "-" in paths:
        _fail("--follow needs file names (stdin cannot be followed)")
    sys.exit(
        run_follow(
            ruleset,
            paths,
            fmt,
            color,
            signature_paths=signature_paths,
            engine=engine,
            no_cache=no_cache,
            **follow_opts,
        )
    )


def _progress(paths: tuple[str, ...], quiet: bool) -> Any:
    """A progress bar on stderr when it is a terminal (a long scan only; never with -q)."""
    if quiet or not sys.stderr.isatty():
        return None
    from matcher.progress import Progress

    sizes = [os.path.getsize(p) if os.path.isfile(p) else None for p in paths if p != "-"]
    total = sum(sizes) if sizes and None not in sizes else None  # type: ignore[arg-type]
    return Progress(sys.stderr, total)


def _open_append(path: str | None) -> TextIO | None:
    """A file to append to, closed at exit; an error is a usage error (exit 2)."""
    if not path:
        return None
    try:
        return open(path, "a", encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: {exc.strerror or exc}")


SUMMARY_INCIDENTS = 10  # a thousand incidents would make a 20 KB summary line


def _summary(run: Any, unknown: bool) -> str:
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
    unknowns = f", {len(stats.unknown)} unknown failure(s)" if unknown else ""
    return (
        f"matcher: {total} finding(s){detail}{unknowns} in {stats.lines} line(s), "
        f"{stats.bytes} byte(s) from {len(run.paths)} source(s)"
    )


class _quiet_broken_pipe:
    """``matcher scan … | head`` ends quietly, like grep: no traceback, status 141."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, value: Any, tb: Any) -> Literal[False]:
        if kind is not None and issubclass(kind, BrokenPipeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        return False


@cli.command("test")
@signatures_option
@click.option(
    "--samples",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory of sample logs with expected/<log>.tsv files. "
    "Default: ./sample_logs when it exists.",
)
@engine_option
def test_command(
    signature_paths: tuple[str, ...], samples: str | None, engine: str | None, no_cache: bool
) -> None:
    """Check every signature against its examples, and sample logs against expected findings.

    Each `match` example must be flagged by its signature and no other, each `no_match` by
    none; a signature without examples fails. Exit 1 on any failure.
    """
    from matcher.testing import check_examples, check_samples

    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    results = check_examples(ruleset)
    if samples is None and os.path.isdir("sample_logs"):
        samples = "sample_logs"
    if samples is not None:
        results += check_samples(ruleset, samples)
    failed = 0
    for result in results:
        status = "ok  " if result.ok else "FAIL"
        click.echo(f"{status} {result.name}")
        for problem in result.problems:
            click.echo(f"     {problem}")
        failed += not result.ok
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@cli.command("compile")
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
    """
    from pathlib import Path

    from matcher.errors import SignatureError
    from matcher.incidents import read_incident_log
    from matcher.signature_writer import write_signatures

    try:
        incidents = read_incident_log(incident_log)
        report = write_signatures(incidents, Path(out_dir), force=force)
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        _fail(f"{len(exc.problems)} error(s) in {incident_log}; nothing written")
    except OSError as exc:
        _fail(f"{out_dir}: {exc.strerror or exc}")
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


def _add_live_commands() -> None:
    from matcher.cli_live import watch

    cli.add_command(watch)


_add_live_commands()


def main() -> None:
    cli(prog_name="matcher")
