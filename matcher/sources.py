"""Open inputs for scanning: stdin (``-``), plain files and gzip files (by magic bytes)."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from matcher.errors import SourceError

CHUNK_SIZE = 4 << 20
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"


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


def read_chunks(path: str, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Yield the (decompressed) bytes of ``path`` in chunks. Every byte that could be read is
    yielded before a ``SourceError`` says why reading stopped (a truncated .gz, say)."""
    raw = _open(path)
    try:
        first = _read(raw, path, chunk_size)
        while 0 < len(first) < len(GZIP_MAGIC):  # a pipe may hand over a single byte first
            more = _read(raw, path, chunk_size)
            if not more:
                break
            first += more
        if first.startswith(GZIP_MAGIC):
            yield from _gunzip(raw, path, first, chunk_size)
            return
        while first:
            yield first
            first = _read(raw, path, chunk_size)
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


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
            data = rest if rest else _read(raw, path, chunk_size)
            if not data:
                return
            continue
        data = _read(raw, path, chunk_size)
    if not decoder.eof:
        yield decoder.flush()
        raise SourceError(path, "compressed data is truncated")
