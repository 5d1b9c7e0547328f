"""The progress bar: shown only once a scan has run a while, redrawn at most 5 times a second,
erased at the end."""

from __future__ import annotations

import io

from matcher.cli.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_short_scan_shows_no_bar() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=10_000_000, clock=clock)
    clock.now += 0.5
    progress(5_000_000)
    progress.close()
    assert out.getvalue() == ""


def test_a_long_scan_shows_share_size_and_rate_then_erases_it() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=100_000_000, clock=clock)
    clock.now += 2.0
    progress(50_000_000)
    assert out.getvalue() == f"\r[{'#' * 15:<30}]  50% 50/100 MB 25 MB/s\x1b[K"
    clock.now += 0.1  # within the redraw interval: nothing new
    progress(10_000_000)
    assert out.getvalue().count("\r") == 1
    clock.now += 0.2
    progress(0)
    assert "60/100 MB" in out.getvalue()
    progress.close()
    assert out.getvalue().endswith("\r\x1b[K")


def test_without_a_known_total_it_shows_bytes_and_rate() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=None, clock=clock)
    clock.now += 4.0
    progress(400_000_000)
    assert out.getvalue() == "\r400 MB 100 MB/s\x1b[K"
