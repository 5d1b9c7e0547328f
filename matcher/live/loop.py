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
from collections.abc import Callable
from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.live.control import Control
from matcher.live.cooldown import Cooldown, Sink
from matcher.live.observer import LiveObserver, NoObserver, Progress
from matcher.live.options import LiveOptions as LiveOptions
from matcher.live.options import Scope as Scope
from matcher.live.options import Watcher as Watcher
from matcher.live.state import Output, State, keep_lock, load_state, lock_state, save_state
from matcher.live.tail import Tailer
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset

Warn = Callable[[str], None]


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
        self.tailer.contents.envelope = (options.envelope, options.fields)
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
        if self.lock is not None and now >= self._next_lock_check:
            self.lock = keep_lock(path, self.lock)  # STATE.lock deleted: taken again
            self._next_lock_check = now + self.options.checkpoint
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
        except (MatcherError, ValueError, OSError, RecursionError, MemoryError) as exc:
            self.warn(f"signatures not reloaded ({exc}); keeping the previous set")
            self.observer.reloaded(None)
            return
        if not self._reload_confirmed(ruleset):
            return
        self._emit(self.tailer.reload(ruleset))
        self.observer.reloaded(len(ruleset.signatures))
        self.info(f"reloaded {len(ruleset.signatures)} signature(s)")

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
    except BaseException:
        if lock is not None:
            os.close(lock)
        raise
    try:
        return _run(
            ruleset,
            scope,
            options,
            state,
            lock,
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


def _run(
    ruleset: Ruleset,
    scope: Scope,
    options: LiveOptions,
    state: State | None,
    lock: int | None,
    stream: TextIO,
    observer: LiveObserver,
    make_watcher: Callable[[Control], Watcher],
    control: Control | None,
    clock: Callable[[], float],
    on_warning: Warn | None,
    on_info: Warn | None,
    on_ready: Callable[[LiveScan], None] | None,
) -> LiveScan:
    """run_live once the state is locked and the observer made: the output, the loop. The
    state lock is closed here (the loop may have taken it again: ``keep_lock``)."""
    live: LiveScan | None = None
    try:
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
            live.lock = lock
            live.run(on_ready)
            return live
        finally:
            sink.output.close()
    finally:
        final = live.lock if live is not None else lock
        if final is not None:
            os.close(final)


def _open_sink(
    options: LiveOptions, state: State | None, stream: TextIO, on_warning: Warn | None
) -> Sink:
    if options.output is None:
        return Sink(Output(stream), options.fmt, options.color, options.cooldown)
    mark = state.output if state is not None else None
    output = Output.open_file(options.output, mark, on_warning)
    return Sink(output, options.fmt, options.color, options.cooldown)
