"""The benchmark corpora in a container envelope: CRI (the kubelet's /var/log/containers
format) and docker's json-file driver, made from a generated set, with the truth's line numbers
carried over exactly.

Each line of the plain corpus becomes one record: ``<RFC3339Nano> <stream> F <line>`` (CRI) or
``{"log":"<line>\\n","stream":"…","time":"…"}`` (docker, escaped as docker escapes: JSON, with
``<``, ``>`` and ``&`` as ``\\u003c``…). nginx access lines go to stdout, everything else to
stderr (so the scanner has two streams to keep apart), and every 5,000th line longer than 60
bytes is split in two partial records (CRI ``P``, a docker ``log`` without ``\\n``), the cut in
the middle of the line (so in the middle of a symptom where there is one). The truth row of a
plain line then points at the physical line its record starts on.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from corpora import MARKER, CorpusSet

ENVELOPES = ("cri", "docker")
SPLIT_EVERY = 5000
LAYOUT = 1
_ACCESS = re.compile(rb"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3} ")
_DOCKER_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def wrapped_set(cs: CorpusSet, envelope: str) -> CorpusSet:
    """The ``envelope`` version of a generated set, made once (beside it) and reused."""
    out = replace(cs, dir=cs.dir.with_name(f"{cs.dir.name}-{envelope}"), envelope=envelope)
    stamp = json.dumps({"layout": LAYOUT, "of": (cs.dir / MARKER).read_text(encoding="utf-8")})
    if (out.dir / MARKER).is_file() and (out.dir / MARKER).read_text(encoding="utf-8") == stamp:
        return out
    out.dir.mkdir(parents=True, exist_ok=True)
    (out.dir / MARKER).unlink(missing_ok=True)
    starts = _wrap(cs.corpus, out.corpus, envelope)
    _map_truth(cs.truth, out.truth, starts)
    for name in ("patterns.txt", "patterns-ere.txt", "signatures"):
        link = out.dir / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(cs.dir / name)
    (out.dir / MARKER).write_text(stamp, encoding="utf-8")
    return out


def _time(i: int) -> bytes:
    seconds, nanos = divmod(i * 1_234_567, 1_000_000_000)
    minutes, sec = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return b"2026-11-27T%02d:%02d:%02d.%09dZ" % (hours % 24, minute, sec, nanos)


def _records(line: bytes, envelope: str, stream: bytes, stamp: bytes, split: bool) -> bytes:
    parts = [line[: len(line) // 2], line[len(line) // 2 :]] if split else [line]
    out = []
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        if envelope == "cri":
            out.append(b"%s %s %s %s\n" % (stamp, stream, b"F" if last else b"P", part))
        else:
            text = json.dumps(part.decode("utf-8", "surrogateescape"), ensure_ascii=False)[1:-1]
            for char, escape in _DOCKER_ESCAPES.items():
                text = text.replace(char, escape)
            log = text.encode("utf-8", "surrogateescape") + (b"\\n" if last else b"")
            out.append(b'{"log":"%s","stream":"%s","time":"%s"}\n' % (log, stream, stamp))
    return b"".join(out)


def _wrap(src: Path, dst: Path, envelope: str) -> list[int]:
    """Write the wrapped corpus; the physical line each plain line's record starts on."""
    starts = [0]
    physical = 1
    with src.open("rb") as fin, dst.open("wb") as fout:
        buf: list[bytes] = []
        for i, raw in enumerate(fin, 1):
            line = raw.rstrip(b"\n")
            split = i % SPLIT_EVERY == 0 and len(line) > 60
            stream = b"stdout" if _ACCESS.match(line) else b"stderr"
            starts.append(physical)
            physical += 2 if split else 1
            buf.append(_records(line, envelope, stream, _time(i), split))
            if len(buf) >= 4096:
                fout.write(b"".join(buf))
                buf.clear()
        fout.write(b"".join(buf))
    return starts


def _map_truth(src: Path, dst: Path, starts: list[int]) -> None:
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for row in fin:
            cols = row.rstrip("\n").split("\t")
            if cols and cols[0].isdigit():
                cols[0] = str(starts[int(cols[0])])
            fout.write("\t".join(cols) + "\n")
