"""``matcher calibrate``: how often each signature fires on logs of good runs."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

import click

from matcher.cli.common import fail, inform, load_ruleset_or_exit, quiet_broken_pipe, warn
from matcher.cli.options import engine_option, jobs_option, signatures_option
from matcher.text import neutralize
from matcher.vocabulary import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK

if TYPE_CHECKING:
    from matcher.authoring.calibrate import Calibration

HITS_SHOWN = 3
TEXT_SHOWN = 200  # characters of a hit line in the text table


@click.command("calibrate")
@click.argument("good_logs", nargs=-1, required=True, type=click.Path(allow_dash=False))
@signatures_option
@click.option(
    "--max-rate",
    type=click.FloatRange(0.0, 1.0),
    default=0.10,
    show_default=True,
    help="A signature that fires on more than this share of the good runs is too loose.",
)
@click.option("--strict", is_flag=True, help="Any hit on a good run is too loose.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table with the first lines hit; json: one document (for dashboards).",
)
@jobs_option
@engine_option
def calibrate_command(
    good_logs: tuple[str, ...],
    signature_paths: tuple[str, ...],
    max_rate: float,
    strict: bool,
    fmt: str,
    jobs: int,
    engine: str | None,
    no_cache: bool,
) -> None:
    """Measure how often each signature fires on logs of good runs (too loose: exit 1).

    Each GOOD_LOG file is one run; a directory is a directory of runs (each file in it one
    run, each subdirectory one run of all its files). Per signature: on how many runs it
    fires, the rate, and the first lines it flags. A signature firing on more than
    --max-rate of the runs (elastic-recheck's 10%) is too loose, with --strict on any.
    Exit 0 none too loose, 1 some, 2 usage or signature error, 3 a log could not be read.

    \b
    Example:
      matcher calibrate ci-runs/passing/ --max-rate 0.05 -f json
    """
    from matcher.authoring.calibrate import calibrate, find_runs

    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    runs = find_runs(good_logs)
    if not runs:
        fail(f"no runs found in {', '.join(good_logs)}")
    result = calibrate(ruleset, runs, max_rate, strict, jobs or (os.cpu_count() or 1))
    with quiet_broken_pipe():
        click.echo(_json(result) if fmt == "json" else _text(result))
        sys.stdout.flush()
    for error in result.errors:
        warn(str(error))
    loose = len(result.too_loose)
    inform(f"calibrate: {loose} of {len(result.signatures)} signature(s) too loose")
    sys.exit(EXIT_INPUT if result.errors else EXIT_FINDINGS if loose else EXIT_OK)


def _text(result: Calibration) -> str:
    limit = "any hit" if result.strict else f"> {result.max_rate:.0%}"
    width = max(len(s.id) for s in result.signatures)
    lines = [f"{'SIGNATURE'.ljust(width)}  {'RUNS':>9}  {'RATE':>6}  VERDICT"]
    for s in result.signatures:
        verdict = f"too loose ({limit})" if s.too_loose else "ok"
        runs = f"{s.runs}/{result.runs}"
        lines.append(f"{s.id.ljust(width)}  {runs:>9}  {s.rate(result.runs):>6.1%}  {verdict}")
        for hit in s.hits[:HITS_SHOWN]:
            text = neutralize(hit.text)
            text = text if len(text) <= TEXT_SHOWN else text[: TEXT_SHOWN - 1] + "…"
            lines.append(f"    {hit.source}:{hit.line}: {text}")
        if s.lines > HITS_SHOWN:
            lines.append(f"    … {s.lines - HITS_SHOWN} more line(s)")
    return "\n".join(lines)


def _json(result: Calibration) -> str:
    document = {
        "schema": "incident-matcher/calibration/v1",
        "runs": result.runs,
        "max_rate": result.max_rate,
        "strict": result.strict,
        "signatures": [
            {
                "id": s.id,
                "title": s.title,
                "runs": s.runs,
                "rate": round(s.rate(result.runs), 6),
                "lines": s.lines,
                "too_loose": s.too_loose,
                "hits": [
                    {"run": h.run, "source": h.source, "line": h.line, "text": h.text}
                    for h in s.hits
                ],
            }
            for s in result.signatures
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
