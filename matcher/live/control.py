"""How the outside steers a running live loop: stop and reload, from threads or signals."""

from __future__ import annotations

import contextlib
import os
import select
import threading
from collections.abc import Callable

from matcher.patterns.ruleset import Ruleset


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
