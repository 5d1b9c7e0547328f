"""The compiled-ruleset cache: one file per signature set, checked when read, bounded in size.

An entry is ``MAGIC``, the CRC-32 and length of its payload, then the payload (a pickle). One
that does not check out, or does not unpickle into what the loader expects, is deleted and
reported, and the caller compiles the signatures again (issue #16, item 11). The directory
keeps to ``$MATCHER_CACHE_SIZE`` (default ``DEFAULT_CAP``): after a write, the entries used
least recently (by modification time, touched on every hit) go first (item 8).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matcher.vocabulary import TMP_MARK

SIZE_ENV = "MATCHER_CACHE_SIZE"
DEFAULT_CAP = 512 << 20
MAGIC = b"incident-matcher cache 1\n"
HEADER = struct.Struct("<IQ")  # CRC-32 and length of the payload
SUFFIX = ".cache"
# Entries of earlier versions: never read, but counted and evicted like the others.
OLD_SUFFIXES = (".pickle",)
UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
Warn = Callable[[str], None]


class CorruptEntry(Exception):
    """A cache entry that cannot be used; the message says why."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incident-matcher"


def cache_cap() -> int:
    """``$MATCHER_CACHE_SIZE`` in bytes (``200M``, ``1G``, ``0`` for no cache files at all)."""
    raw = os.environ.get(SIZE_ENV, "").strip().lower().removesuffix("b").removesuffix("i")
    if not raw:
        return DEFAULT_CAP
    unit = raw[-1] if raw[-1] in UNITS else ""
    try:
        return max(0, int(float(raw[: len(raw) - len(unit)]) * UNITS[unit]))
    except ValueError:
        return DEFAULT_CAP


def read_entry(key: str, check: Callable[[Any], Any], on_warning: Warn | None) -> Any:
    """The checked value stored under ``key``, or None (missing, or corrupt: then deleted with
    a warning). ``check`` turns the unpickled value into the caller's record or raises."""
    path = cache_dir() / f"{key}{SUFFIX}"
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    try:
        value = check(_unpack(data))
    except Exception as exc:  # whatever a damaged entry raises, rebuild it
        _discard(path)
        if on_warning is not None:
            on_warning(f"ruleset cache entry {path} is corrupt ({_reason(exc)}); rebuilt")
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be evicted
    return value


def _unpack(data: bytes) -> Any:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + HEADER.size:
        raise CorruptEntry("not a cache entry")
    crc, length = HEADER.unpack_from(data, len(MAGIC))
    payload = memoryview(data)[len(MAGIC) + HEADER.size :]
    if len(payload) != length:
        raise CorruptEntry(f"{len(payload)} of {length} bytes")
    if zlib.crc32(payload) != crc:
        raise CorruptEntry("checksum mismatch")
    # Safe to unpickle: the directory is the user's own, the name a hash of the signature
    # files and engine version, and the bytes are those that were written.
    return pickle.loads(payload)


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, CorruptEntry) else type(exc).__name__


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def write_entry(key: str, value: Any) -> None:
    """Store ``value`` under ``key`` (atomically), then evict down to the cap. A cache that
    cannot be written only costs the next start-up its speed."""
    import tempfile  # only when writing the cache: start-up stays short

    cap = cache_cap()
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    size = len(MAGIC) + HEADER.size + len(payload)
    if size > cap:
        return  # would evict everything and itself
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=TMP_MARK)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + HEADER.pack(zlib.crc32(payload), len(payload)))
                fh.write(payload)
            target = directory / f"{key}{SUFFIX}"
            os.replace(tmp, target)
        except BaseException:
            _discard(Path(tmp))
            raise
        evict(directory, cap, keep=target)
    except OSError:
        pass


def evict(directory: Path, cap: int, keep: Path | None = None) -> None:
    """Delete the least recently used entries until the rest fit in ``cap`` bytes."""
    entries = []
    for entry in os.scandir(directory):
        if entry.name.endswith((SUFFIX, *OLD_SUFFIXES)) and entry.is_file(follow_symlinks=False):
            st = entry.stat(follow_symlinks=False)
            entries.append((st.st_mtime_ns, entry.name, st.st_size))
    total = sum(size for _, _, size in entries)
    for _, name, size in sorted(entries):
        if total <= cap:
            break
        if keep is not None and name == keep.name:
            continue
        _discard(directory / name)
        total -= size
