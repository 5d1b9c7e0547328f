"""The command line: each command checks its options, makes one library call, hands the
results to a reporter and returns an exit code. ``main`` is the console script."""

from matcher.cli.main import cli, main

__all__ = ["cli", "main"]
