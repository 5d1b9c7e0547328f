"""Directories as input, as ripgrep walks them: every regular file under a directory,
recursively, in a stable (name) order, with ``-g/--glob`` (``!`` excludes), ``--max-depth`` and
symbolic links followed only with ``-L``. Paths given by name are always kept, like rg's."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from matcher.errors import SourceError
from matcher.sources.read import STDIN
from matcher.vocabulary import TMP_MARK


@dataclass(frozen=True)
class WalkOptions:
    """``globs``: gitignore-style patterns; one without ``/`` matches a name at any depth, one
    with ``/`` the path under the directory given; ``**`` crosses directories; ``!`` excludes;
    the last glob that matches decides; with any include glob, a file must match one.
    ``max_depth``: 1 = only the files directly in a directory given (None: no limit).
    ``follow_links``: follow symbolic links found while walking (a loop is walked once)."""

    globs: tuple[str, ...] = ()
    max_depth: int | None = None
    follow_links: bool = False

    @cached_property
    def _compiled(self) -> tuple[tuple[bool, re.Pattern[str], bool], ...]:
        rules = []
        for glob in self.globs:
            include = not glob.startswith("!")
            body = glob if include else glob[1:]
            anchored = "/" in body.rstrip("/")
            rules.append((include, re.compile(glob_to_regex(body.strip("/"))), anchored))
        return tuple(rules)

    def _verdict(self, relative: str) -> bool | None:
        """True/False from the last glob that matches ``relative``; None when none does."""
        name = relative.rpartition("/")[2]
        verdict = None
        for include, pattern, anchored in self._compiled:
            if pattern.fullmatch(relative if anchored else name):
                verdict = include
        return verdict

    def keeps_file(self, relative: str) -> bool:
        verdict = self._verdict(relative)
        if verdict is None:
            return not any(include for include, _, _ in self._compiled)
        return verdict

    def enters_dir(self, relative: str) -> bool:
        # Only an exclusion prunes a directory: `-g '*.log'` still looks inside `app/`.
        return self._verdict(relative) is not False


def glob_to_regex(glob: str) -> str:
    """A gitignore-style glob as a regex over ``/``-separated paths."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2 :]:
            end = glob.index("]", i + 2)
            inner = glob[i + 1 : end]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def expand_paths(
    paths: Sequence[str],
    options: WalkOptions = WalkOptions(),
    on_error: Callable[[SourceError], None] | None = None,
) -> list[str]:
    """``paths`` with every directory replaced by the regular files under it, in name order;
    other paths (files, ``-``, missing ones, so that scanning reports them) are kept as given.
    A directory that cannot be read is reported to ``on_error`` and skipped."""
    report = on_error or (lambda error: None)
    expanded: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            expanded.extend(_walk(path, options, report))
        else:
            expanded.append(path)
    return expanded


def _walk(root: str, options: WalkOptions, report: Callable[[SourceError], None]) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    try:
        top = os.stat(root)
        seen.add((top.st_dev, top.st_ino))
    except OSError as exc:
        report(SourceError(root, exc.strerror or str(exc)))
        return
    yield from _walk_dir(root, "", 1, options, seen, report)


def _walk_dir(
    directory: str,
    relative: str,
    depth: int,
    options: WalkOptions,
    seen: set[tuple[int, int]],
    report: Callable[[SourceError], None],
) -> Iterator[str]:
    try:
        with os.scandir(directory) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError as exc:
        report(SourceError(directory, exc.strerror or str(exc)))
        return
    for entry in entries:
        rel = f"{relative}{entry.name}"
        mode = _mode(entry, options.follow_links)
        if mode is None:
            continue
        if stat.S_ISDIR(mode):
            if options.max_depth is not None and depth >= options.max_depth:
                continue
            if not options.enters_dir(rel) or not _first_visit(entry, seen):
                continue
            yield from _walk_dir(entry.path, rel + "/", depth + 1, options, seen, report)
        elif stat.S_ISREG(mode) and TMP_MARK not in entry.name and options.keeps_file(rel):
            yield entry.path


def _mode(entry: os.DirEntry[str], follow: bool) -> int | None:
    """The entry's type; a link not followed (or dangling) is None: skipped, like rg."""
    try:
        if entry.is_symlink() and not follow:
            return None
        return entry.stat(follow_symlinks=follow).st_mode
    except OSError:
        return None


def _first_visit(entry: os.DirEntry[str], seen: set[tuple[int, int]]) -> bool:
    """False for a directory already walked (a link loop under -L)."""
    try:
        info = entry.stat(follow_symlinks=True)
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
