"""Refuse an output the command would read back: ``scan x.log -o x.log`` grew a 305 KB file
to 2.7 GB in 30 s (issue #16, item 7). Like grep's "input file is also the output", a file
is the same when its device and inode are (a hard link, a symlink, ``> x.log``), or, for a
name that does not exist yet, when the names resolve to the same path."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matcher.cli.common import fail

if TYPE_CHECKING:
    from matcher.live.watcher import DirScope

Identity = tuple[int, int]


def _identity(st: os.stat_result) -> Identity | None:
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _of_path(path: str) -> Identity | None:
    try:
        return _identity(os.stat(path))
    except OSError:
        return None


def _of_fd(stream: object) -> Identity | None:
    try:
        return _identity(os.fstat(stream.fileno()))  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):  # not a real file descriptor (tests)
        return None


def refuse_output_among_inputs(output: str | None, inputs: Sequence[str]) -> None:
    """Exit 2 if ``output`` (None: stdout) is one of ``inputs`` (``-``: stdin)."""
    target = _of_path(output) if output else _of_fd(sys.stdout)
    shown = output or "stdout"
    for name in inputs or ["-"]:
        source = _of_fd(sys.stdin) if name == "-" else _of_path(name)
        same = target is not None and source == target
        if same or (output and name != "-" and os.path.realpath(name) == os.path.realpath(output)):
            fail(f"{shown}: the output is also an input ({name}); it would read what it writes")


def refuse_output_in_scope(output: str | None, scope: DirScope) -> None:
    """Exit 2 if ``output`` is a file ``watch`` would follow: inside a watched directory and
    matching its globs, or a hard link to such a file."""
    if not output:
        return
    from matcher.live.watcher import DirScope

    everything = DirScope(scope.roots, scope.include, scope.exclude, scope.recursive)
    real = os.path.realpath(output)
    for root in scope.roots:
        inside = os.path.commonpath([os.path.realpath(root), real]) == os.path.realpath(root)
        direct = os.path.dirname(real) == os.path.realpath(root)
        if inside and (direct or scope.recursive) and everything.wanted(root, real):
            fail(f"{output}: the output is a file watched in {root}; it would read what it writes")
    target = _of_path(output)
    if target is not None and target in {_identity(st) for st in everything.discover().values()}:
        fail(f"{output}: the output is also a watched file; it would read what it writes")
