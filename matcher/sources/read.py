"""Open inputs for scanning: stdin (``-``), plain files and gzip files (by magic bytes)."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Generator, Iterator
from typing import BinaryIO

from matcher.errors import SourceError

CHUNK_SIZE = 4 << 20
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"
# `--jobs` cuts a plain file into segments of at least this size (matcher.sources.parallel).
MIN_SEGMENT_BYTES = 64 << 20


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _open(path: str) -> BinaryIO:
    if path == STDIN:
        if sys.stdin is None:  # started with stdin closed (``<&-``)
            raise SourceError(display_name(path), "stdin is closed")
        return sys.stdin.buffer
    try:
        if os.path.isdir(path):
            raise SourceError(path, "is a directory")
        return open(path, "rb")
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None


def read_chunks(
    path: str,
    chunk_size: int = CHUNK_SIZE,
    idle: float | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[bytes]:
    """Yield the (decompressed) bytes of ``path`` in chunks. Every byte that could be read is
    yielded before a ``SourceError`` says why reading stopped (a truncated .gz, say).

    With ``idle`` (seconds), a pipe or terminal that stays quiet that long yields ``b""``, so
    the caller can close an event held open waiting for the next line. ``start`` / ``stop``:
    read only those bytes of a plain regular file (``--since`` after a bisection)."""
    raw = _open(path)
    if start or stop is not None:
        yield from _read_range(raw, path, start, stop, chunk_size)
        return
    if idle is not None and not _is_regular(raw):
        raw = _Quiet(raw, idle)  # type: ignore[assignment]
    try:
        first = yield from _read_waiting(raw, path, chunk_size)
        while 0 < len(first) < len(GZIP_MAGIC):  # a pipe may hand over a single byte first
            more = yield from _read_waiting(raw, path, chunk_size)
            if not more:
                break
            first += more
        if first.startswith(GZIP_MAGIC):
            yield from _gunzip(raw, path, first, chunk_size)
            return
        while first:
            yield first
            first = yield from _read_waiting(raw, path, chunk_size)
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def _read_range(
    raw: BinaryIO, path: str, start: int, stop: int | None, chunk_size: int
) -> Iterator[bytes]:
    try:
        raw.seek(start)
        left = None if stop is None else stop - start
        while left is None or left > 0:
            data = _read(raw, path, chunk_size if left is None else min(chunk_size, left))
            if not data:
                return
            if left is not None:
                left -= len(data)
            yield data
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None
    finally:
        raw.close()


def _is_regular(raw: BinaryIO) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.fstat(raw.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return True  # not a real file descriptor: nothing to wait on


class _Quiet:
    """A pipe whose ``read1`` raises ``_Idle`` when nothing arrives for ``idle`` seconds
    (``b""`` would mean end of input)."""

    def __init__(self, raw: BinaryIO, idle: float) -> None:
        self.raw = raw
        self.idle = idle

    def read1(self, size: int) -> bytes:
        import select

        try:
            ready, _, _ = select.select([self.raw], [], [], self.idle)
        except (OSError, ValueError):  # select cannot wait on it: just read
            ready = [self.raw]
        if not ready:
            raise _Idle
        return bytes(self.raw.read1(size))  # type: ignore[attr-defined]

    def close(self) -> None:
        self.raw.close()


class _Idle(Exception):
    pass


def _read_waiting(raw: BinaryIO, path: str, size: int) -> Generator[bytes, None, bytes]:
    """Read; while a quiet pipe keeps nothing coming, yield ``b""`` each idle period."""
    while True:
        try:
            return _read(raw, path, size)
        except _Idle:
            yield b""


def _read(raw: BinaryIO, path: str, size: int) -> bytes:
    """Up to ``size`` bytes: what a pipe has now (``read1``), not ``size`` bytes at any cost,
    so that ``tail -f app.log | matcher scan`` reports as lines arrive."""
    try:
        read1 = getattr(raw, "read1", None)
        return bytes(read1(size)) if read1 is not None else raw.read(size)
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None


def _gunzip(raw: BinaryIO, path: str, data: bytes, chunk_size: int) -> Iterator[bytes]:
    # zlib directly rather than GzipFile: GzipFile drops what it decoded when the stream is
    # cut short, and a truncated rotated log should still give every line it holds.
    decoder = zlib.decompressobj(wbits=31)
    while data:
        try:
            out = decoder.decompress(data, chunk_size)
            while out:
                yield out
                out = decoder.decompress(decoder.unconsumed_tail, chunk_size)
        except zlib.error as exc:
            raise SourceError(path, f"compressed data is corrupt ({exc})") from None
        if decoder.eof:  # a new gzip member may follow (cat a.gz b.gz)
            rest = decoder.unused_data
            decoder = zlib.decompressobj(wbits=31)
            data = rest if rest else (yield from _read_waiting(raw, path, chunk_size))
            if not data:
                return
            continue
        data = yield from _read_waiting(raw, path, chunk_size)
    if not decoder.eof:
        yield decoder.flush()
        raise SourceError(path, "compressed data is truncated")
