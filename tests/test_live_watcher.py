"""The watchdog observer is armed, supervised and replaced: a dead observer is restarted, a
deleted and recreated directory is watched again, running out of inotify falls back to polling."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any

import pytest
from live_helpers import wait_for
from watchdog.observers.api import BaseObserver
from watchdog.observers.inotify import InotifyObserver

from matcher.live.watcher import Watcher, make_observer

observers = pytest.mark.parametrize("observer", ["inotify", "poll"])


def watcher(
    directory: Path, observer: str, wakes: list[bool], warnings: list[str], **options: Any
) -> Watcher:
    return Watcher(
        lambda: [(str(directory), False)],
        wakes.append,
        poll=observer == "poll",
        poll_interval=0.05,
        on_warning=warnings.append,
        **options,
    )


def wakes_on_write(directory: Path, wakes: list[bool], name: str) -> None:
    count = len(wakes)
    (directory / name).write_text("x\n")
    wait_for(lambda: len(wakes) > count, what="an event")


@observers
def test_a_dead_observer_is_restarted(tmp_path: Path, observer: str) -> None:
    wakes: list[bool] = []
    warnings: list[str] = []
    w = watcher(tmp_path, observer, wakes, warnings)
    w.start()
    try:
        first = w.observer
        assert first is not None
        first.stop()
        first.join()
        w.check()
        assert w.observer is not first and w.restarts == 1
        assert "stopped; restarting" in warnings[0]
        wakes_on_write(tmp_path, wakes, "a.log")
    finally:
        w.stop()


@observers
def test_a_deleted_and_recreated_directory_is_watched_again(tmp_path: Path, observer: str) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    wakes: list[bool] = []
    w = watcher(logs, observer, wakes, [])
    w.start()
    try:
        wakes_on_write(logs, wakes, "a.log")
        shutil.rmtree(logs)
        w.check()
        logs.mkdir()
        w.check()
        wakes_on_write(logs, wakes, "b.log")
    finally:
        w.stop()


def test_no_inotify_instance_falls_back_to_polling(tmp_path: Path) -> None:
    def factory(polling: bool, interval: float) -> BaseObserver:
        if not polling:
            raise OSError(errno.EMFILE, "inotify instance limit reached")
        return make_observer(True, interval)

    wakes: list[bool] = []
    warnings: list[str] = []
    w = watcher(tmp_path, "inotify", wakes, warnings, observer_factory=factory)
    w.start()
    try:
        assert w.mode == "polling" and "falling back to polling" in warnings[0]
        wakes_on_write(tmp_path, wakes, "a.log")
    finally:
        w.stop()


class _NoWatchesLeft(InotifyObserver):
    def schedule(self, *args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_running_out_of_inotify_watches_falls_back_to_polling(tmp_path: Path) -> None:
    def factory(polling: bool, interval: float) -> BaseObserver:
        return make_observer(True, interval) if polling else _NoWatchesLeft()

    wakes: list[bool] = []
    warnings: list[str] = []
    w = watcher(tmp_path, "inotify", wakes, warnings, observer_factory=factory)
    w.start()
    try:
        assert w.mode == "polling" and "inotify watch limit reached" in warnings[0]
        wakes_on_write(tmp_path, wakes, "a.log")
    finally:
        w.stop()


def test_other_errors_are_not_hidden(tmp_path: Path) -> None:
    def factory(polling: bool, interval: float) -> BaseObserver:
        raise OSError(errno.EACCES, "denied")

    w = watcher(tmp_path, "inotify", [], [], observer_factory=factory)
    with pytest.raises(OSError, match="denied"):
        w.start()
