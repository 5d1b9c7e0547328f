"""Compressed rotated files (``app.log.2.gz``): read whole, once they stop changing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matcher.live.content import FINGERPRINT_BYTES, Content, ContentRecord, TailedFile, probe_head
from matcher.model import Finding

if TYPE_CHECKING:
    from matcher.live.tail import Tailer


def read_compressed(
    tailer: Tailer, f: TailedFile, size: int, stamp: tuple[int, int]
) -> list[Finding]:
    """A compressed rotated file is read whole, once it has stopped changing."""
    if stamp != f.stamp or size != f.size:
        f.size, f.stamp = size, stamp
        return []
    if not tailer.compressed:
        tailer.close_file(f, done=True)
        return []
    if tailer.clock() - f.last_growth < tailer.grace:
        return []
    tailer.close_file(f, done=True)
    return _read_whole(tailer, f.name)


def _read_whole(tailer: Tailer, path: str) -> list[Finding]:
    from matcher.errors import SourceError
    from matcher.sources.read import read_chunks

    findings: list[Finding] = []
    content: Content | None = None
    pos = 0
    try:
        for chunk in read_chunks(path):
            if content is None:
                content = _content_for(tailer, chunk[:FINGERPRINT_BYTES], path)
                if content is None:
                    return findings
            skip = content.read_pos - pos
            if skip < len(chunk):
                findings += content.feed(chunk[max(skip, 0) :], path)
            pos += len(chunk)
    except SourceError as exc:
        tailer.warn(f"{exc}; read up to there")
    if content is not None and not tailer.holders(content):
        findings += tailer.contents.finish(content)
    return findings


def _content_for(tailer: Tailer, head: bytes, path: str) -> Content | None:
    probe = probe_head(head)
    if probe is None:
        return None
    key = tailer.contents.find(head)
    if key is None:
        return tailer.new_content(ContentRecord(tailer.new_key(probe), probe, 0, 1, 0, path))
    return tailer.known_content(key)
