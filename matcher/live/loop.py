"""Live mode: follow files or directories, report findings as lines arrive.

``run_live`` is the one library call behind ``matcher scan --follow`` and ``matcher watch``:
it locks and loads the state, cuts the output back to its last checkpoint, arms the watcher,
does a first scan, writes the state (its appearance means "ready"), then loops: wait for an
event or a tick, read what is new, report, checkpoint. Stop and reload requests come in as
``threading.Event``s and time from ``clock``, so nothing here depends on signals or real time.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Protocol, TextIO

from matcher.engine.scanner import ScanStats
from matcher.live.state import Output, State, Window, load_state, lock_state, save_state
from matcher.live.tail import Tailer
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.reporters import make_reporter
from matcher.vocabulary import DEFAULT_GRACE

REPEAT_SCHEMA = "incident-matcher/repeat/v1"
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


class Control:
    """How the outside steers a running loop: ``stop`` and ``reload`` events (tests, threads)
    and ``signal_stop``/``signal_reload`` for signal handlers, which may only set a flag and
    write to a pipe (taking the lock inside ``Event.set`` there could deadlock)."""

    def __init__(
        self,
        stop: threading.Event | None = None,
        reload: threading.Event | None = None,
        reloader: Callable[[], Ruleset] | None = None,
    ) -> None:
        self.stop = stop or threading.Event()
        self.reload = reload or threading.Event()
        self.reloader = reloader
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._flags = {"stop": False, "reload": False, "structural": False}

    def wake(self, structural: bool = False) -> None:
        """Thread- and signal-safe: wakes the loop out of ``wait``."""
        if structural:
            self._flags["structural"] = True
        with contextlib.suppress(BlockingIOError, OSError):
            os.write(self._write, b"!")

    def wait(self, timeout: float) -> bool:
        ready, _, _ = select.select([self._read], [], [], max(timeout, 0.0))
        with contextlib.suppress(BlockingIOError, OSError):
            while os.read(self._read, 4096):
                pass
        return bool(ready)

    def take(self, flag: str) -> bool:
        value, self._flags[flag] = self._flags[flag], False
        return value

    @property
    def stopping(self) -> bool:
        return self.stop.is_set() or self._flags["stop"]

    def take_reload(self) -> bool:
        requested = self.take("reload") or self.reload.is_set()
        self.reload.clear()
        return requested

    def request_stop(self) -> None:
        self.stop.set()
        self.wake()

    def request_reload(self) -> None:
        self.reload.set()
        self.wake()

    def signal_stop(self) -> None:
        self._flags["stop"] = True
        self.wake()

    def signal_reload(self) -> None:
        self._flags["reload"] = True
        self.wake()

    def close(self) -> None:
        os.close(self._read)
        os.close(self._write)


class Cooldown:
    """Repeats of one incident with the same captures within ``seconds`` of its alert are
    counted, not reported; a closed window with repeats becomes a repeat record."""

    def __init__(self, seconds: float, windows: Iterable[Window] = ()) -> None:
        self.seconds = seconds
        self._open = {(w.incident, w.captures): w for w in windows}

    def admit(self, finding: Finding, now: float) -> tuple[bool, Window | None]:
        """(report it?, a window it closed that has repeats to report first)."""
        if self.seconds <= 0:
            return True, None
        key = (finding.signature.id, tuple(sorted(finding.captures.items())))
        window = self._open.get(key)
        if window is not None and now - window.first < self.seconds:
            self._open[key] = replace(window, last=now, count=window.count + 1)
            return False, None
        self._open[key] = Window(key[0], key[1], now, now, 0, finding.id)
        return True, window if window is not None and window.count else None

    def expire(self, now: float) -> list[Window]:
        closed = [k for k, w in self._open.items() if now - w.first >= self.seconds]
        return [w for w in (self._open.pop(k) for k in closed) if w.count]

    def drain(self) -> list[Window]:
        windows = [w for w in self._open.values() if w.count]
        self._open.clear()
        return windows

    def windows(self) -> tuple[Window, ...]:
        return tuple(self._open.values())


def _iso(t: float) -> str:
    stamp = datetime.fromtimestamp(t, tz=timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def repeat_to_dict(window: Window, seconds: float) -> dict[str, object]:
    return {
        "schema": REPEAT_SCHEMA,
        "incident": window.incident,
        "captures": dict(window.captures),
        "count": window.count,
        "first": _iso(window.first),
        "last": _iso(window.last),
        "window": seconds,
        "finding": window.finding,
    }


class Sink:
    """Findings and repeat records to the output, in the chosen format."""

    def __init__(self, output: Output, fmt: str, color: bool, cooldown: float) -> None:
        self.output, self.fmt, self.cooldown = output, fmt, cooldown
        self.reporter = make_reporter(fmt, output.stream, color=color)
        self.dirty = False
        self.findings = 0

    def finding(self, finding: Finding) -> None:
        self.reporter.finding(finding)
        self.dirty = True
        self.findings += 1

    def repeat(self, window: Window) -> None:
        import json

        record = repeat_to_dict(window, self.cooldown)
        if self.fmt == "json":
            line = json.dumps(record, ensure_ascii=True)
        else:
            captures = " ".join(f"{k}={v}" for k, v in window.captures)
            line = (
                f"{window.incident} [repeat] {window.count} more time(s) within "
                f"{self.cooldown:g}s of its alert{f' ({captures})' if captures else ''}: "
                f"first {record['first']}, last {record['last']}"
            )
        self.output.stream.write(line + "\n")
        self.dirty = True


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
        except (MatcherError, ValueError, OSError) as exc:
            self.warn(f"signatures not reloaded ({exc}); keeping the previous set")
            return
        self._emit(self.tailer.reload(ruleset))
        self.warn(f"reloaded {len(ruleset.signatures)} signature(s)")

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
            live.run(on_ready)
            return live
        finally:
            output.close()
    finally:
        if lock is not None:
            os.close(lock)
