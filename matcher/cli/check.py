"""``matcher test``: every signature against its examples, sample logs against their
expected findings."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from matcher.cli.common import fail, inform, load_ruleset_or_exit
from matcher.cli.options import engine_option, signatures_option
from matcher.vocabulary import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from matcher.patterns.ruleset import Ruleset


@click.command("test")
@signatures_option
@click.option(
    "--samples",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory of sample logs with expected/<log>.tsv files. "
    "Default: ./sample_logs when it exists.",
)
@click.option(
    "--write-expected",
    is_flag=True,
    help="Write SAMPLES/expected/<log>.tsv from today's findings for review, keeping "
    "existing ones. Example: matcher test --write-expected.",
)
@click.option(
    "--force",
    is_flag=True,
    help="With --write-expected, overwrite existing tables too. "
    "Example: matcher test --write-expected --force.",
)
@engine_option
def test_command(
    signature_paths: tuple[str, ...],
    samples: str | None,
    write_expected: bool,
    force: bool,
    engine: str | None,
    no_cache: bool,
) -> None:
    """Check every signature against its examples, and sample logs against expected findings.

    Each `match` example must be flagged by its signature and no other, each `no_match` by
    none; a signature without examples fails. Exit 1 on any failure.

    \b
    Examples:
      matcher test -s signatures/ --samples sample_logs/
      matcher test --write-expected       # then review sample_logs/expected/*.tsv
    """
    from matcher.testing import check_examples, check_samples

    if samples is None and os.path.isdir("sample_logs"):
        samples = "sample_logs"
    if force and not write_expected:
        fail("--force: only with --write-expected")
    if write_expected and samples is None:
        fail("--write-expected: no ./sample_logs here; name the directory with --samples DIR")
    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    if write_expected:
        _write_expected(ruleset, str(samples), force)
    results = check_examples(ruleset)
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


def _write_expected(ruleset: Ruleset, samples: str, force: bool) -> None:
    from matcher.errors import SourceError
    from matcher.testing import write_expected

    try:
        tables = write_expected(ruleset, samples, force=force)
    except SourceError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename}: {exc.strerror or exc}")
    for table in tables:
        if table.kept:
            inform(f"kept {table.table} (it exists; --force overwrites it)")
        else:
            inform(f"wrote {table.table} ({table.rows} row(s)): review it before committing")
