"""Click pieces for live mode: the ``watch`` command, and ``follow_options``/``run_follow`` for
``matcher scan --follow``. Each translates options into one ``matcher.live.run_live`` call.

Wiring (in cli.py, after ``signatures_option`` and ``engine_option`` are defined)::

    from matcher.cli_live import follow_options, run_follow, watch
    cli.add_command(watch)

``python -m matcher.cli_live follow|watch …`` runs them on their own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click

EXIT_OK, EXIT_ERROR = 0, 2
# matcher.tail.DEFAULT_GRACE, repeated so that `matcher scan` need not import the tailer
# (tests/test_cli_help.py keeps the two equal).
DEFAULT_GRACE = 2.0
F = Callable[..., Any]


def _warn(message: str) -> None:
    click.echo(f"matcher: warning: {message}", err=True)


def follow_options(f: F) -> F:
    """The options of live mode shared by ``scan --follow`` and ``watch``."""
    options = [
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False),
            help="Append findings to FILE instead of stdout. With --state, every "
            "finding is written exactly once, across crashes.",
        ),
        click.option(
            "--state",
            "state_path",
            type=click.Path(dir_okay=False),
            help="Keep read positions in FILE and resume from them after a restart. "
            "Written once the first scan is done (so its appearance means ready).",
        ),
        click.option(
            "--reset-state",
            is_flag=True,
            help="Ignore the state file's content (e.g. a corrupt one) and start anew.",
        ),
        click.option(
            "--from-start",
            is_flag=True,
            help="Read files present at start-up from their beginning, not their end "
            "(never overrides what the state knows).",
        ),
        click.option(
            "--cooldown",
            type=click.FloatRange(min=0),
            default=0,
            metavar="SECONDS",
            help="Count, do not repeat, an incident with the same captured values "
            "within SECONDS of its alert; a repeat record follows when the window "
            "closes.",
        ),
        click.option(
            "--poll",
            is_flag=True,
            help="Poll instead of using inotify (NFS, containers without inotify).",
        ),
        click.option(
            "--poll-interval",
            type=click.FloatRange(min=0.01),
            default=1.0,
            show_default=True,
            metavar="SECONDS",
            help="How often --poll looks.",
        ),
        click.option(
            "--grace",
            type=click.FloatRange(min=0),
            default=DEFAULT_GRACE,
            show_default=True,
            metavar="SECONDS",
            help="Keep reading a rotated-away file until it has not grown for this long.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _format_option(f: F) -> F:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text for people; json: one JSON object per line.",
    )(f)


def _resolve_color(color: bool | str, output: str | None) -> bool:
    if isinstance(color, bool):
        return color and output is None
    if color == "always":
        return output is None
    if color == "never" or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_follow(
    ruleset: Any,
    paths: Sequence[str],
    fmt: str,
    color: bool | str,
    *,
    output: str | None = None,
    state_path: str | None = None,
    reset_state: bool = False,
    from_start: bool = False,
    cooldown: float = 0.0,
    poll: bool = False,
    poll_interval: float = 1.0,
    grace: float = DEFAULT_GRACE,
    signature_paths: Sequence[str] | None = None,
    engine: str | None = None,
    no_cache: bool | None = None,
) -> int:
    """``matcher scan --follow PATHS``: follow each name like ``tail -F``. Returns the exit
    code. SIGHUP reloads the signatures given by ``signature_paths`` (default: the current
    click command's ``signature_paths``/``engine``/``no_cache`` parameters)."""
    from matcher.watch import FollowScope

    opts = {
        "fmt": fmt,
        "color": color,
        "output": output,
        "state_path": state_path,
        "reset_state": reset_state,
        "from_start": from_start,
        "cooldown": cooldown,
        "poll": poll,
        "poll_interval": poll_interval,
        "grace": grace,
    }
    return _run(ruleset, FollowScope(list(paths)), opts, signature_paths, engine, no_cache)


def _run(
    ruleset: Any,
    scope: Any,
    opts: dict[str, Any],
    signature_paths: Sequence[str] | None,
    engine: str | None,
    no_cache: bool | None,
    compressed: bool = False,
) -> int:
    from matcher.errors import StateError
    from matcher.live import Control, LiveOptions, run_live
    from matcher.watch import Watcher

    poll, interval = opts["poll"], opts["poll_interval"]
    options = LiveOptions(
        fmt=opts["fmt"],
        color=_resolve_color(opts["color"], opts["output"]),
        output=opts["output"],
        state=opts["state_path"],
        reset_state=opts["reset_state"],
        from_start=opts["from_start"],
        cooldown=opts["cooldown"],
        grace=opts["grace"],
        compressed=compressed,
        tick=interval if poll else 0.2,
        rescan=interval if poll else 1.0,
    )
    control = Control(reloader=_reloader(signature_paths, engine, no_cache))

    def make_watcher(control: Control) -> Watcher:
        return Watcher(
            scope.directories, control.wake, poll=poll, poll_interval=interval, on_warning=_warn
        )

    try:
        with _signals(control):
            run_live(
                ruleset,
                scope,
                options,
                stream=sys.stdout,
                make_watcher=make_watcher,
                control=control,
                on_warning=_warn,
                on_ready=_ready,
            )
    except StateError as exc:
        click.echo(f"matcher: {exc}", err=True)
        return EXIT_ERROR
    except BrokenPipeError:  # `| head`: end quietly, like grep
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    finally:
        control.close()
    return EXIT_OK


def _ready(live: Any) -> None:
    state = f"; state {live.options.state}" if live.options.state else ""
    click.echo(
        f"matcher: following {len(live.tailer.files)} file(s) ({live.watcher.mode}){state}",
        err=True,
    )


def _reloader(
    paths: Sequence[str] | None, engine: str | None, no_cache: bool | None
) -> Callable[[], Any] | None:
    if paths is None:
        ctx = click.get_current_context(silent=True)
        if ctx is None or "signature_paths" not in ctx.params:
            return None
        paths, engine = ctx.params["signature_paths"], ctx.params.get("engine")
        no_cache = ctx.params.get("no_cache")
    chosen = list(paths) or ["signatures"]

    def reload() -> Any:
        from matcher.ruleset import load_ruleset

        return load_ruleset(chosen, engine=engine, cache=False if no_cache else None)

    return reload


@contextlib.contextmanager
def _signals(control: Any) -> Iterator[None]:
    """SIGINT/SIGTERM: stop (final read, flush, state, exit 0); SIGHUP: reload signatures."""
    handlers = {
        signal.SIGINT: lambda signum, frame: control.signal_stop(),
        signal.SIGTERM: lambda signum, frame: control.signal_stop(),
        signal.SIGHUP: lambda signum, frame: control.signal_reload(),
    }
    previous: dict[signal.Signals, Any] = {}
    try:
        for signum, handler in handlers.items():
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: the caller steers through control
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _shared(name: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        from matcher import cli

        option: Callable[[F], F] = getattr(cli, name)
        return option(f)

    return decorate


@click.command()
@click.argument(
    "directories", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False)
)
@_shared("signatures_option")
@_format_option
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Follow only files matching GLOB (name or path below DIR); repeatable. "
    "Default: every file.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Do not follow files matching GLOB; repeatable.",
)
@click.option("--recursive", is_flag=True, help="Also watch subdirectories.")
@click.option(
    "--compressed",
    is_flag=True,
    help="Also read compressed rotated files (gzip), once they stop changing.",
)
@follow_options
@_shared("engine_option")
def watch(
    directories: tuple[str, ...],
    signature_paths: tuple[str, ...],
    fmt: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    recursive: bool,
    compressed: bool,
    engine: str | None,
    no_cache: bool,
    **opts: Any,
) -> None:
    """Watch DIRECTORIES and report known incidents as lines are written.

    Files that appear later are read from their beginning; files present at start-up from
    their end (unless --from-start or the state knows them). Rotation (rename, copytruncate),
    truncation and deleted-and-recreated directories are handled. SIGINT/SIGTERM: final
    read, flush, exit 0; SIGHUP: reload the signatures. Exit 2 on usage, signature or state
    errors.
    """
    from matcher.cli import load_ruleset_or_exit
    from matcher.state import TMP_MARK
    from matcher.watch import DirScope

    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    ignore = [p for p in (opts["output"], opts["state_path"]) if p]
    ignore += [f"{p}.lock" for p in ignore]
    scope = DirScope(
        directories,
        include or ("*",),
        (*exclude, f"*{TMP_MARK}*"),
        recursive,
        compressed,
        ignore,
        _warn,
    )
    opts.update(fmt=fmt, color="auto")
    sys.exit(_run(ruleset, scope, opts, signature_paths, engine, no_cache, compressed))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Live mode on its own (until it is wired into ``matcher``)."""


@main.command("follow")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_shared("signatures_option")
@_format_option
@follow_options
@_shared("engine_option")
def follow_command(
    paths: tuple[str, ...],
    signature_paths: tuple[str, ...],
    fmt: str,
    engine: str | None,
    no_cache: bool,
    **opts: Any,
) -> None:
    """Follow PATHS by name, like ``tail -F`` (what ``matcher scan --follow`` does)."""
    from matcher.cli import load_ruleset_or_exit

    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache)
    sys.exit(
        run_follow(
            ruleset,
            paths,
            fmt,
            "auto",
            signature_paths=signature_paths,
            engine=engine,
            no_cache=no_cache,
            **opts,
        )
    )


main.add_command(watch)

if __name__ == "__main__":
    main(prog_name="matcher")
