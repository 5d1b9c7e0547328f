"""Live mode at the edge: the ``watch`` command, and ``scan --follow``. Each builds one
``LiveOptions`` record and makes one ``matcher.live.loop.run_live`` call."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from matcher.cli.common import (
    WRITE_FAILURES,
    fail_to_write,
    inform,
    load_ruleset_or_exit,
    reloader,
    warn,
)
from matcher.cli.fleet import FleetFlags, live_observer
from matcher.cli.guard import refuse_output_in_scope
from matcher.cli.options import (
    engine_option,
    envelope_options,
    fleet_options,
    follow_options,
    live_format_option,
    metrics_option,
    signatures_option,
)
from matcher.vocabulary import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_OK, TMP_MARK

if TYPE_CHECKING:
    from matcher.live.control import Control
    from matcher.live.loop import LiveOptions, LiveScan
    from matcher.live.watcher import Watcher
    from matcher.patterns.ruleset import Ruleset


@dataclass(frozen=True)
class FollowFlags:
    """The follow options as given on the command line (``options.follow_options``)."""

    output: str | None = None
    state_path: str | None = None
    reset_state: bool = False
    from_start: bool = False
    cooldown: float = 0.0
    poll: bool = False
    poll_interval: float = 1.0
    grace: float = 2.0
    envelope: str = "auto"
    fields: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> FollowFlags:
        return cls(**{name: params[name] for name in cls.__dataclass_fields__ if name in params})

    def live_options(self, fmt: str, color: bool, compressed: bool = False) -> LiveOptions:
        from matcher.live.loop import LiveOptions

        return LiveOptions(
            fmt=fmt,
            color=color and self.output is None,
            output=self.output,
            state=self.state_path,
            reset_state=self.reset_state,
            from_start=self.from_start,
            cooldown=self.cooldown,
            grace=self.grace,
            compressed=compressed,
            tick=self.poll_interval if self.poll else 0.2,
            rescan=self.poll_interval if self.poll else 1.0,
            envelope=self.envelope,
            fields=tuple(self.fields),
        )


@dataclass(frozen=True)
class Reload:
    """Where SIGHUP reloads the signatures from."""

    signature_paths: Sequence[str]
    engine: str | None
    no_cache: bool
    unknown: bool = False  # compiled with the error markers (``--unknown``)


def live_color(choice: str, output: str | None) -> bool:
    if output is not None or choice == "never":
        return False
    if choice == "always":
        return True
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def follow_files(
    ruleset: Ruleset,
    paths: Sequence[str],
    fmt: str,
    color: bool,
    flags: FollowFlags,
    fleet: FleetFlags,
    reload: Reload,
) -> int:
    """``matcher scan --follow PATHS``: follow each name like ``tail -F``; the exit code."""
    from matcher.live.watcher import FollowScope

    options = flags.live_options(fmt, color)
    return run(ruleset, FollowScope(list(paths)), options, flags, fleet, reload)


def run(
    ruleset: Ruleset,
    scope: Any,
    options: LiveOptions,
    flags: FollowFlags,
    fleet: FleetFlags,
    reload: Reload,
) -> int:
    from matcher.errors import MatcherError
    from matcher.live.control import Control
    from matcher.live.loop import run_live
    from matcher.live.watcher import Watcher

    load = reloader(reload.signature_paths, reload.engine, reload.no_cache, reload.unknown)
    control = Control(reloader=load)

    def make_watcher(control: Control) -> Watcher:
        return Watcher(
            scope.directories,
            control.wake,
            poll=flags.poll,
            poll_interval=flags.poll_interval,
            on_warning=warn,
        )

    try:
        with _signals(control), live_observer(fleet, len(ruleset.signatures)) as observe:
            run_live(
                ruleset,
                scope,
                options,
                stream=sys.stdout,
                make_watcher=make_watcher,
                control=control,
                on_warning=warn,
                on_ready=_ready,
                observe=observe,
                on_info=inform,
            )
    except MatcherError as exc:  # the state, a fleet target, a spool
        click.echo(f"matcher: {exc}", err=True)
        return EXIT_ERROR
    except BrokenPipeError:  # `| head`: end quietly, like grep
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        if exc.errno not in WRITE_FAILURES:
            raise
        fail_to_write(exc)
    finally:
        control.close()
    return EXIT_OK


def _ready(live: LiveScan) -> None:
    state = f"; state {live.options.state}" if live.options.state else ""
    inform(f"following {len(live.tailer.files)} file(s) ({live.watcher.mode}){state}")


@contextlib.contextmanager
def _signals(control: Control) -> Iterator[None]:
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


@click.command()
@click.argument(
    "directories", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False)
)
@signatures_option
@live_format_option
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
@click.option(
    "--unknown",
    is_flag=True,
    help="Also report error-like events no signature explains, as their own records "
    "(JSON schema incident-matcher/unknown/v1), never as findings.",
)
@follow_options
@envelope_options
@fleet_options
@metrics_option
@engine_option
@click.pass_context
def watch(
    ctx: click.Context,
    /,
    directories: tuple[str, ...],
    signature_paths: tuple[str, ...],
    fmt: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    recursive: bool,
    compressed: bool,
    unknown: bool,
    engine: str | None,
    no_cache: bool,
    **_: Any,
) -> None:
    """Watch DIRECTORIES and report known incidents as lines are written.

    Files that appear later are read from their beginning; files present at start-up from
    their end (unless --from-start or the state knows them). Rotation (rename, copytruncate),
    truncation and deleted-and-recreated directories are handled. SIGINT/SIGTERM: final
    read, flush, exit 0; SIGHUP: reload the signatures. Exit 2 on usage, signature or state
    errors.

    \b
    Example:
      matcher watch /var/log/myapp --state /var/lib/matcher/state.json -f json
      matcher watch /var/log/myapp --unknown -f json    # new failure kinds too
    """
    from matcher.live.watcher import DirScope

    flags, fleet = FollowFlags.from_params(ctx.params), FleetFlags.from_params(ctx.params)
    fleet.check()
    ruleset = load_ruleset_or_exit(signature_paths, engine, no_cache, unknown=unknown)
    ignore = [p for p in (flags.output, flags.state_path) if p]
    ignore += [f"{p}.lock" for p in ignore] + fleet.spool_paths(flags.state_path)
    scope = DirScope(
        directories,
        include or ("*",),
        (*exclude, f"*{TMP_MARK}*"),
        recursive,
        compressed,
        ignore,
        warn,
    )
    refuse_output_in_scope(flags.output, scope)
    options = flags.live_options(fmt, live_color("auto", flags.output), compressed)
    reload = Reload(signature_paths, engine, no_cache, unknown)
    sys.exit(run(ruleset, scope, options, flags, fleet, reload))
