"""The ``matcher`` command group: every command registered in one place.

Exit codes (README "Exit codes", ``matcher.vocabulary``): 0 no finding at or above --fail-on,
1 findings, 2 usage or signature error, 3 some input could not be read (outranks 1).
"""

from __future__ import annotations

import click

from matcher.cli.calibrate import calibrate_command
from matcher.cli.catalog import list_command, show_command
from matcher.cli.check import test_command
from matcher.cli.compile import compile_command
from matcher.cli.explain import explain_command
from matcher.cli.lint import lint_command
from matcher.cli.live import watch
from matcher.cli.scan import scan
from matcher.cli.suggest import suggest_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="incident-matcher", prog_name="matcher")
def cli() -> None:
    """Flag log lines that match past incidents, with the incident's resolution.

    \b
    matcher compile INCIDENTS.md -o signatures/   incident log -> signature files
    matcher scan app.log old.log.gz               flag matching lines (stdin: -)
    matcher test                                  check signatures against their examples
    matcher watch /var/log/myapp                  follow a directory of logs
    matcher list                                  the loaded signatures, as a table
    matcher show INC-2024-001                     one signature, its resolution and runbook
    matcher explain app.log --incident INC-7      why a line matches, or almost does
    matcher suggest app.log -o drafts/            draft signatures for unknown failures
    matcher lint --against other.log              overlapping, too broad or slow signatures
    matcher calibrate passing-runs/               how often signatures fire on good runs
    """


for command in (
    scan,
    test_command,
    compile_command,
    explain_command,
    watch,
    list_command,
    show_command,
    suggest_command,
    lint_command,
    calibrate_command,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="matcher")
