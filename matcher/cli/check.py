"""``matcher test``: every signature against its examples, sample logs against their
expected findings."""

from __future__ import annotations

import os
import sys

import click

from matcher.cli.common import load_ruleset_or_exit
from matcher.cli.options import engine_option, signatures_option
from matcher.vocabulary import EXIT_FINDINGS, EXIT_OK


@click.command("test")
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

    \b
    Example:
      matcher test -s signatures/ --samples sample_logs/
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
