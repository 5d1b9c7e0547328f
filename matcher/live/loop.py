"""Live mode: follow files or directories, report findings as lines arrive.

``run_live`` is the one library call behind ``matcher scan --follow`` and ``matcher watch``:
it locks and loads the state, cuts the output back to its last checkpoint, arms the watcher,
does a first scan, writes the state (its appearance means "ready"), then loops: wait for an
event or a tick, read what is new, report, checkpoint. Stop and reload requests come in as
``threading.Event``s and time from ``clock``, so nothing here depends on signals or real time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TextIO

from matcher.engine.scanner import ScanStats
from matcher.live.control import Control
from matcher.live.cooldown import Cooldown, Sink
from matcher.live.observer import LiveObserver, NoObserver, Progress
from matcher.live.state import Output, State, load_state, lock_state, save_state
from matcher.live.tail import Tailer
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.vocabulary import DEFAULT_GRACE

Warn = Callable[[str], None]


class Scope(Protocol):
    cheap: bool

    def discover(self) -> dict[str, os.stat_result]: ...

    def siblings(self, name: str) -> Iterable[tuple[str, os.stat_result]]: ...


class Watcher(Protocol):
    @property
    def mode(self) -> str: ...

    def start(self) -> None: ...

    def check(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class LiveOptions:
    fmt: str = "text"
    color: bool = False
    output: str | None = None  # a file (exactly once with a state); None: the stream
    state: str | None = None
    reset_state: bool = False
    from_start: bool = False
    cooldown: float = 0.0
    grace: float = DEFAULT_GRACE
    compressed: bool = False
    tick: float = 0.2  # look at every open file at least this often
    rescan: float = 1.0  # list the directories and check the watcher this often
    checkpoint: float = 1.0  # state written this often when offsets moved without findings
    quiet: float = 0.1  # a content idle this long is flushed (held-back findings)
    gap: float = 0.01  # after an event, wait this long for more to batch with it


class LiveScan:
    """The loop. Build it with ``run_live`` (which also handles the state lock and output)."""

    def __init__(
        self,
        ruleset: Ruleset,
        scope: Scope,
        sink: Sink,
        options: LiveOptions,
        *,
        state: State | None,
        make_watcher: Callable[[Control], Watcher],
        control: Control,
        clock: Callable[[], float] = time.time,
        on_warning: Warn | None = None,
        on_info: Warn | None = None,
        observer: LiveObserver | None = None,
    ) -> None:
        self.scope, self.sink, self.options = scope, sink, options
        self.info: Warn = on_info or (lambda message: None)
        self.observer: LiveObserver = observer or NoObserver()
        self.control, self.clock = control, clock
        self.warn: Warn = on_warning or (lambda message: None)
        self.tailer = Tailer(
            ruleset,
            clock=clock,
            grace=options.grace,
            compressed=options.compressed,
            start_at_end=state is None and not options.from_start,
            siblings=scope.siblings,
            on_warning=self.warn,
        )
        if state is not None:
            self.tailer.restore(state.contents, state.looked)
        self.cooldown = Cooldown(options.cooldown, state.windows if state else ())
        self.watcher = make_watcher(control)
        self._next_rescan = self._next_checkpoint = 0.0
        self._saved: object = None

    def run(self, on_ready: Callable[[LiveScan], None] | None = None) -> None:
        self.watcher.start()  # armed before the first scan: nothing slips in between
        try:
            self._cycle(full=True)
            self._checkpoint(force=True)  # the state file appearing means "ready"
            if on_ready is not None:
                on_ready(self)
            while not self.control.stopping:
                full = self._wait()
                if self.control.take_reload():
                    self._reload()
                self._cycle(full)
            self._shutdown()
        finally:
            self.watcher.stop()

    def _wait(self) -> bool:
        options, control, now = self.options, self.control, self.clock()
        # Wake when a held-back finding is due (not at the next tick): a lone error line in a
        # quiet file is reported ``quiet`` seconds after it was read.
        due = self.tailer.contents.quiet_due(options.quiet)
        wake = min(
            options.tick, self._next_rescan - now, (due - now) if due is not None else options.tick
        )
        timeout = 0.0 if self.tailer.behind else max(0.0, wake)
        if control.wait(timeout) and not control.stopping and options.gap > 0:
            time.sleep(options.gap)  # let a burst of writes gather into one batch
        return control.take("structural") or self.clock() >= self._next_rescan

    def _cycle(self, full: bool) -> None:
        now = self.clock()
        if full or self.scope.cheap:
            self.tailer.update(self.scope.discover())
        if full:
            self.watcher.check()
            self._next_rescan = now + self.options.rescan
        self._emit(self.tailer.poll() + self.tailer.expire())
        self._emit(self.tailer.flush_quiet(self.options.quiet))
        self._report_unknown()
        for window in self.cooldown.expire(now):
            self.sink.repeat(window)
        tailer = self.tailer
        behind = {  # bytes written but not read yet, per file
            f.name: max(0, f.size - f.content.read_pos)
            for f in tailer.files.values()
            if f.content is not None
        }
        self.observer.cycle(
            Progress(len(tailer.files), tailer.lines_read, tailer.bytes_read, behind)
        )
        self._checkpoint()

    def _report_unknown(self) -> None:
        unknown = self.tailer.contents.unknown
        for failure in unknown:
            self.sink.unknown(failure)
        unknown.clear()

    def _emit(self, findings: list[Finding]) -> None:
        now = self.clock()
        for finding in findings:
            self.observer.finding(finding)
            report, closed = self.cooldown.admit(finding, now)
            if closed is not None:
                self.sink.repeat(closed)
            if report:
                self.sink.finding(finding)

    def _checkpoint(self, force: bool = False) -> None:
        """Output first (flushed, and fsynced when a state vouches for it), then the state:
        at most one fsync of each per batch of findings."""
        sink, path, now = self.sink, self.options.state, self.clock()
        dirty, sink.dirty = sink.dirty, False
        if dirty:
            sink.output.commit(durable=path is not None)
        if path is None:
            return
        records = self.tailer.records()
        snapshot = (records, self.cooldown.windows())
        if not (dirty or force or (now >= self._next_checkpoint and snapshot != self._saved)):
            return
        state = State(tuple(records), self.tailer.looked, sink.output.mark(), snapshot[1])
        self.observer.committing()
        save_state(path, state)
        self.observer.committed(now)
        self._saved, self._next_checkpoint = snapshot, now + self.options.checkpoint

    def _reload(self) -> None:
        from matcher.errors import MatcherError, SignatureError

        if self.control.reloader is None:
            self.warn("reload requested, but this run cannot reload its signatures")
            return
        try:
            ruleset = self.control.reloader()
        except SignatureError as exc:
            for problem in exc.problems:
                self.warn(str(problem))
            self.warn("signatures not reloaded (errors above); keeping the previous set")
            self.observer.reloaded(None)
            return
        except (MatcherError, ValueError, OSError) as exc:
            self.warn(f"signatures not reloaded ({exc}); keeping the previous set")
            self.observer.reloaded(None)
            return
        self._emit(self.tailer.reload(ruleset))
        self.observer.reloaded(len(ruleset.signatures))
        self.info(f"reloaded {len(ruleset.signatures)} signature(s)")

    def _shutdown(self) -> None:
        """Final read; without a state, partial last lines and open cooldown windows are
        reported now; with one, they are left to the next run."""
        self._cycle(full=True)
        keep = self.options.state is not None
        self._emit(self.tailer.close(report_partial=not keep))
        self._report_unknown()
        if not keep:
            for window in self.cooldown.drain():
                self.sink.repeat(window)
        self._checkpoint(force=True)
        self.sink.reporter.finish(ScanStats())


def run_live(
    ruleset: Ruleset,
    scope: Scope,
    options: LiveOptions,
    *,
    stream: TextIO,
    make_watcher: Callable[[Control], Watcher],
    control: Control | None = None,
    clock: Callable[[], float] = time.time,
    on_warning: Warn | None = None,
    on_ready: Callable[[LiveScan], None] | None = None,
    observe: Callable[[LiveOptions], LiveObserver] | None = None,
    on_info: Warn | None = None,
) -> LiveScan:
    """Follow until ``control.stop`` is set. Raises ``StateError`` for a state that cannot be
    used (corrupt, empty, locked, not writable) before reading anything. ``observe`` makes the
    loop's observer once the state is locked (its files may sit next to the state)."""
    lock = None
    state = None
    if options.state is not None:
        lock = lock_state(options.state)
        state = None if options.reset_state else load_state(options.state)
    try:
        observer = observe(options) if observe is not None else NoObserver()
        try:
            return _run(
                ruleset,
                scope,
                options,
                state,
                stream,
                observer,
                make_watcher,
                control,
                clock,
                on_warning,
                on_info,
                on_ready,
            )
        finally:
            observer.close()
    finally:
        if lock is not None:
            os.close(lock)


def _run(
    ruleset: Ruleset,
    scope: Scope,
    options: LiveOptions,
    state: State | None,
    stream: TextIO,
    observer: LiveObserver,
    make_watcher: Callable[[Control], Watcher],
    control: Control | None,
    clock: Callable[[], float],
    on_warning: Warn | None,
    on_info: Warn | None,
    on_ready: Callable[[LiveScan], None] | None,
) -> LiveScan:
    """run_live once the state is locked and the observer made: the output, the loop."""
    sink = _open_sink(options, state, stream, on_warning)
    try:
        live = LiveScan(
            ruleset,
            scope,
            sink,
            options,
            state=state,
            make_watcher=make_watcher,
            control=control or Control(),
            clock=clock,
            on_warning=on_warning,
            on_info=on_info,
            observer=observer,
        )
        live.run(on_ready)
        return live
    finally:
        sink.output.close()


def _open_sink(
    options: LiveOptions, state: State | None, stream: TextIO, on_warning: Warn | None
) -> Sink:
    if options.output is None:
        return Sink(Output(stream), options.fmt, options.color, options.cooldown)
    mark = state.output if state is not None else None
    output = Output.open_file(options.output, mark, on_warning)
    return Sink(output, options.fmt, options.color, options.cooldown)
