"""What every command shares at the edge: messages on stderr, exit codes, colour, the
ruleset loaded or a one-line error, a quiet end when stdout is closed."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TextIO

import click

from matcher.vocabulary import DEFAULT_SIGNATURES, EXIT_BROKEN_PIPE, EXIT_ERROR, SIGNATURES_ENV

if TYPE_CHECKING:
    from matcher.patterns.ruleset import Ruleset
    from matcher.rules.select import SignatureFilter


def warn(message: str) -> None:
    click.echo(f"matcher: warning: {message}", err=True)


def inform(message: str) -> None:
    click.echo(f"matcher: {message}", err=True)


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(f"matcher: {message}", err=True)
    sys.exit(code)


def use_color(choice: str, stream: TextIO) -> bool:
    """``--color`` as grep reads it: NO_COLOR and a non-terminal turn ``auto`` off."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def chosen_signatures(paths: Sequence[str]) -> list[str]:
    return list(paths) or [DEFAULT_SIGNATURES]


def load_ruleset_or_exit(
    paths: Sequence[str],
    engine: str | None,
    no_cache: bool,
    unknown: bool = False,
    select: SignatureFilter | None = None,
    allow_empty: bool = False,
) -> Ruleset:
    """The compiled ruleset (only the signatures ``select`` keeps), or every signature
    problem on stderr and exit 2 (and exit 2 on no signature at all, unless
    ``allow_empty``: suggest starts from none)."""
    from matcher.errors import SignatureError
    from matcher.rules.load import load_ruleset

    if not paths and not os.path.exists(DEFAULT_SIGNATURES):
        fail(
            f"no signatures: there is no ./{DEFAULT_SIGNATURES} here; point at them with "
            f"-s DIR (or set {SIGNATURES_ENV}=DIR)"
        )
    chosen = chosen_signatures(paths)
    try:
        ruleset = load_ruleset(
            chosen,
            engine=engine,
            cache=False if no_cache else None,
            unknown=unknown,
            select=select,
            on_warning=warn,
        )
    except SignatureError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} signature error(s); nothing scanned")
    except ValueError as exc:  # unknown engine from the environment
        fail(str(exc))
    if not ruleset.signatures and not allow_empty:
        if select is not None and not select.is_empty:
            fail(
                f"no signature in {', '.join(chosen)} passes --incident/--severity/--tag/--service"
            )
        fail(f"no signatures found in {', '.join(chosen)}")
    # Everything loaded so far lives until exit: frozen, no garbage collection walks it
    # again (the one at exit included) and forked workers keep sharing its pages.
    # Measured: start-up -10 ms with 10 signatures, -25 ms with 1000; -5% CPU per scan.
    gc.freeze()
    for slow in ruleset.slow_symptoms:
        warn(
            f"{slow.symptom.location}: symptom has no literal the prefilter can use; "
            "it is tried on every line (slow)"
        )
    from matcher.rules.advice import symptom_advice

    for advice in symptom_advice(ruleset):
        warn(advice)
    return ruleset


def reloader(
    paths: Sequence[str], engine: str | None, no_cache: bool, unknown: bool = False
) -> Callable[[], Ruleset]:
    """What SIGHUP runs in live mode: the same signatures, loaded anew."""
    chosen = chosen_signatures(paths)

    def reload() -> Ruleset:
        from matcher.rules.load import load_ruleset

        cache = False if no_cache else None
        return load_ruleset(chosen, engine=engine, cache=cache, unknown=unknown, on_warning=warn)

    return reload


def open_append(path: str | None) -> TextIO | None:
    """A file to append to, closed at exit; an error is a usage error (exit 2)."""
    if not path:
        return None
    try:
        return open(path, "a", encoding="utf-8")
    except OSError as exc:
        fail(f"{path}: {exc.strerror or exc}")


def end_quietly_on_broken_pipe() -> NoReturn:
    """``matcher … | head`` ends quietly, like grep: no traceback, status 141."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


# Writing the output failed for good: a full disk, a quota, a file too big, an I/O error.
WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


class quiet_broken_pipe:
    """A block whose BrokenPipeError on stdout ends the command quietly, and whose output
    that cannot be written (a full disk) is a one-line error, exit 2, not a traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, value: Any, tb: Any) -> Literal[False]:
        if kind is not None and issubclass(kind, BrokenPipeError):
            end_quietly_on_broken_pipe()
        if kind is not None and issubclass(kind, OSError) and value.errno in WRITE_FAILURES:
            fail_to_write(value)
        return False


def fail_to_write(exc: OSError) -> NoReturn:
    """The output cannot be written: say so in one line; what is buffered is dropped (a
    flush at exit would fail the same way)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
    where = f"{exc.filename}: " if exc.filename else ""
    fail(f"{where}cannot write the output ({exc.strerror or exc})")
