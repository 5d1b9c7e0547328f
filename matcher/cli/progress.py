"""A progress bar on stderr for long scans, shown only on a terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# Redraw at most this often; a scan of a small file never shows a bar at all.
REDRAW_SECONDS = 0.2
SHOW_AFTER_SECONDS = 1.0
WIDTH = 30


class Progress:
    """Call with the number of bytes just scanned; ``close()`` erases the bar."""

    def __init__(
        self, out: TextIO, total: int | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.out = out
        self.total = total
        self.done = 0
        self._clock = clock
        self._start = clock()
        self._drawn = 0.0
        self._visible = False

    def __call__(self, scanned: int) -> None:
        self.done += scanned
        now = self._clock()
        if now - self._start < SHOW_AFTER_SECONDS or now - self._drawn < REDRAW_SECONDS:
            return
        self._drawn = now
        self._visible = True
        self.out.write("\r" + self.render(now) + "\x1b[K")
        self.out.flush()

    def render(self, now: float) -> str:
        megabytes = self.done / 1e6
        rate = megabytes / max(now - self._start, 1e-9)
        if self.total:
            share = min(self.done / self.total, 1.0)
            bar = "#" * int(share * WIDTH)
            return (
                f"[{bar:<{WIDTH}}] {share:4.0%} {megabytes:,.0f}/{self.total / 1e6:,.0f} MB "
                f"{rate:,.0f} MB/s"
            )
        return f"{megabytes:,.0f} MB {rate:,.0f} MB/s"

    def close(self) -> None:
        if self._visible:
            self.out.write("\r\x1b[K")
            self.out.flush()
