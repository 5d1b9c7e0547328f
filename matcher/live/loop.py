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
from matcher.live.state import Output, State, keep_lock, load_state, lock_state, save_state
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
    ) -> None:
        self.scope, self.sink, self.options = scope, sink, options
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
        self._smaller: set[str] | None = None  # a smaller set a reload found, to confirm
        self.lock: int | None = None  # the state's lock (run_live's), checked at checkpoints
        self._next_lock_check = 0.0

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
        options, control = self.options, self.control
        timeout = 0.0 if self.tailer.behind else min(options.tick, self._next_rescan - self.clock())
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
        for window in self.cooldown.expire(now):
            self.sink.repeat(window)
        self._checkpoint()

    def _emit(self, findings: list[Finding]) -> None:
        now = self.clock()
        for finding in findings:
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
        if self.lock is not None and now >= self._next_lock_check:
            self.lock = keep_lock(path, self.lock)  # STATE.lock deleted: taken again
            self._next_lock_check = now + self.options.checkpoint
        records = self.tailer.records()
        snapshot = (records, self.cooldown.windows())
        if not (dirty or force or (now >= self._next_checkpoint and snapshot != self._saved)):
            return
        state = State(tuple(records), self.tailer.looked, sink.output.mark(), snapshot[1])
        save_state(path, state)
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
            return
        except (MatcherError, ValueError, OSError, RecursionError, MemoryError) as exc:
            self.warn(f"signatures not reloaded ({exc}); keeping the previous set")
            return
        if not self._reload_confirmed(ruleset):
            return
        self._emit(self.tailer.reload(ruleset))
        self.warn(f"reloaded {len(ruleset.signatures)} signature(s)")

    def _reload_confirmed(self, ruleset: Ruleset) -> bool:
        """A reload never leaves no signature, and one that leaves fewer needs the same set
        twice in a row (a second SIGHUP): files moved aside during an edit must not switch
        rules off while lines go by unreported (issue #16, item 2)."""
        before = {s.id for s in self.tailer.ruleset.signatures}
        after = {s.id for s in ruleset.signatures}
        if not after:
            self.warn("signatures not reloaded (none found); keeping the previous set")
            return False
        if len(after) < len(before) and self._smaller != after:
            self._smaller = after
            missing = sorted(before - after)
            gone = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
            self.warn(
                f"signatures not reloaded: {len(before) - len(after)} fewer ({gone}); "
                "keeping the previous set (SIGHUP again to confirm the smaller set)"
            )
            return False
        self._smaller = None
        return True

    def _shutdown(self) -> None:
        """Final read; without a state, partial last lines and open cooldown windows are
        reported now; with one, they are left to the next run."""
        self._cycle(full=True)
        keep = self.options.state is not None
        self._emit(self.tailer.close(report_partial=not keep))
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
) -> LiveScan:
    """Follow until ``control.stop`` is set. Raises ``StateError`` for a state that cannot be
    used (corrupt, empty, locked, not writable) before reading anything."""
    lock = None
    state = None
    if options.state is not None:
        lock = lock_state(options.state)
        state = None if options.reset_state else load_state(options.state)
    live: LiveScan | None = None
    try:
        if options.output is not None:
            mark = state.output if state is not None else None
            output = Output.open_file(options.output, mark, on_warning)
        else:
            output = Output(stream)
        try:
            sink = Sink(output, options.fmt, options.color, options.cooldown)
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
            )
            live.lock = lock
            live.run(on_ready)
            return live
        finally:
            output.close()
    finally:
        lock = live.lock if live is not None else lock
        if lock is not None:
            os.close(lock)
