"""Find and read signature files: the one way they are read, for loading and caching alike."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from matcher.errors import Problem
from matcher.model import SourceLocation

SIGNATURE_SUFFIXES = (".yml", ".yaml")


def find_signature_files(
    paths: Iterable[str | os.PathLike[str]], problems: list[Problem] | None = None
) -> list[str]:
    """Expand files and directories (recursively, ``*.yml``/``*.yaml``) in a stable order. A
    subdirectory that cannot be listed is a problem (given ``problems``): rules silently
    missing would be worse than an error."""
    found: list[str] = []
    for raw in paths:
        path = str(Path(raw))  # as Path shows it: no trailing slash, no leading ./
        if os.path.isdir(path):
            found.extend(
                os.path.join(path, *parts)
                for parts in sorted(_signature_files_under(path, problems))
            )
        else:
            found.append(path)
    return found


def _signature_files_under(root: str, problems: list[Problem] | None) -> Iterator[tuple[str, ...]]:
    """Relative path parts (sorting them sorts like paths) of the signature files below
    ``root``. Symlinked directories are entered once each (a link back up is not followed
    again). os.scandir and strings, not Path.rglob: a thousand Path objects cost more than
    the rest of a cached start-up."""
    pending: list[tuple[str, ...]] = [()]
    visited = {os.path.realpath(root)}
    while pending:
        rel = pending.pop()
        directory = os.path.join(root, *rel)
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            if problems is not None:
                reason = f"directory cannot be read ({exc.strerror or exc})"
                problems.append(Problem(SourceLocation(directory, 1, 1), "file", reason))
            continue
        for entry in entries:
            if _is_new_directory(entry, visited):
                pending.append((*rel, entry.name))
            elif os.path.splitext(entry.name)[1] in SIGNATURE_SUFFIXES and entry.is_file():
                yield (*rel, entry.name)


def _is_new_directory(entry: os.DirEntry[str], visited: set[str]) -> bool:
    if entry.is_dir(follow_symlinks=False):
        return True
    if not (entry.is_symlink() and entry.is_dir()):
        return False
    target = os.path.realpath(entry.path)
    if target in visited:
        return False
    visited.add(target)
    return True


def read_signature_files(
    paths: Iterable[str | os.PathLike[str]], problems: list[Problem]
) -> list[tuple[str, bytes]]:
    """(path, bytes) of every signature file under ``paths``; one that cannot be read is a
    problem at its line 1."""
    texts: list[tuple[str, bytes]] = []
    for file in find_signature_files(paths, problems):
        try:
            with open(file, "rb") as fh:
                texts.append((file, fh.read()))
        except OSError as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror
            problems.append(Problem(SourceLocation(file, 1, 1), "file", str(reason or exc)))
    return texts


def decode_signature_files(
    texts: Iterable[tuple[str, bytes]], problems: list[Problem]
) -> list[tuple[str, str]]:
    """The files' text; one that is not UTF-8 is a problem at its line 1."""
    decoded: list[tuple[str, str]] = []
    for path, data in texts:
        try:
            decoded.append((path, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(SourceLocation(path, 1, 1), "file", f"not UTF-8 (byte {exc.start})")
            )
    return decoded
