"""``matcher lint``: static and example-based checks of the signatures."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from matcher.cli.common import chosen_signatures, fail, inform, quiet_broken_pipe, warn
from matcher.cli.options import signatures_option
from matcher.vocabulary import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK

if TYPE_CHECKING:
    from matcher.authoring.lint import LintFinding

# Rule names, repeated here so that `matcher --help` need not import the rules; a test
# checks they are the rules' own.
RULE_CHOICES = (
    "overlap",
    "too-broad",
    "backtracking",
    "placeholder-swallows",
    "duplicate-symptom",
    "no-runbook",
    "resolved-without-date",
    "draft",
)


@click.command("lint")
@click.argument("logs", nargs=-1, type=click.Path(allow_dash=False), metavar="[LOG]...")
@signatures_option
@click.option(
    "--against",
    multiple=True,
    type=click.Path(allow_dash=False),
    metavar="LOG",
    help="A log of other failures (or of healthy runs) no signature should flag; the "
    "LOG arguments after it are more of them. Each line a signature flags there is a "
    "too-broad error.",
)
@click.option("--rule", type=click.Choice(RULE_CHOICES), help="Run only this check.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people; json: one object per finding per line; github: annotations.",
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "hyperscan", "pure"]),
    envvar="MATCHER_ENGINE",
    help="Prefilter engine, as for matcher scan (both give the same findings).",
)
def lint_command(
    logs: tuple[str, ...],
    signature_paths: tuple[str, ...],
    against: tuple[str, ...],
    rule: str | None,
    fmt: str,
    engine: str | None,
) -> None:
    """Check the signatures for overlaps, too-broad or slow symptoms and missing fields.

    Checks (each with a level and a fix hint; docs/authoring.md): overlap, too-broad,
    duplicate-symptom (errors); backtracking (nested quantifiers an error, other shapes
    warnings); placeholder-swallows, no-runbook, resolved-without-date (warnings); draft (an
    unfinished draft an error, a draft id left a warning). A file that does not load is
    always an error. Exit 0 with warnings only, 1 on any error, 2 on a usage error, 3 if an
    --against log cannot be read.

    \b
    Example:
      matcher lint -s signatures/ --against ../shared/loghub/*.log -f github
    """
    from matcher.authoring.lint import ERROR, load_for_lint
    from matcher.authoring.lint_rules import run_rules

    paths = chosen_signatures(signature_paths)
    try:
        ctx = load_for_lint(paths, [*against, *logs], engine)
    except ValueError as exc:  # an unknown engine from the environment
        fail(str(exc))
    if not ctx.signatures and not ctx.problems:
        fail(f"no signatures found in {', '.join(paths)}")
    findings = run_rules(ctx, rule)
    with quiet_broken_pipe():
        render = {"json": _json_lines, "github": _github_lines}.get(fmt, _text_lines)
        for line in render(findings):
            click.echo(line)
        sys.stdout.flush()
    for error in ctx.errors:
        warn(str(error))
    errors = sum(f.level == ERROR for f in findings)
    inform(
        f"lint: {errors} error(s), {len(findings) - errors} warning(s) in "
        f"{len(ctx.signatures)} signature(s)"
    )
    sys.exit(EXIT_INPUT if ctx.errors else EXIT_FINDINGS if errors else EXIT_OK)


def _text_lines(findings: Sequence[LintFinding]) -> list[str]:
    lines = []
    for f in findings:
        lines.append(f"{f.where}: {f.level}: {f.rule}: {f.message}")
        lines.append(f"    fix: {f.hint}")
    return lines


def _json_lines(findings: Sequence[LintFinding]) -> list[str]:
    return [
        json.dumps(
            {
                "schema": "incident-matcher/lint/v1",
                "rule": f.rule,
                "level": f.level,
                "signature": f.signature,
                "where": f.where,
                "message": f.message,
                "hint": f.hint,
            },
            ensure_ascii=False,
        )
        for f in findings
    ]


def _github_lines(findings: Sequence[LintFinding]) -> list[str]:
    from matcher.reporters.github import escape_data, escape_property

    lines = []
    for f in findings:
        path, line, column = f.where.rsplit(":", 2)
        props = ",".join(
            [
                f"file={escape_property(path)}",
                f"line={line}",
                f"col={column}",
                f"title={escape_property(f'matcher lint: {f.rule}')}",
            ]
        )
        lines.append(f"::{f.level} {props}::{escape_data(f'{f.message} (fix: {f.hint})')}")
    return lines
