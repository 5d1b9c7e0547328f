"""The state file and the output it vouches for.

One JSON document: where each content was read up to (its committed offset and line), the
size of the output file at that moment, and the open cooldown windows. It is replaced
atomically (temp file, fsync, rename, fsync of the directory) and only after the output has
been flushed and fsynced, so a state never claims findings the output does not hold. On
restart the output file is cut back to the recorded size: whatever was written after the last
checkpoint is written again, exactly once. See docs/live.md, "Delivery guarantee".
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from dataclasses import dataclass
from typing import Any, TextIO

from matcher.errors import StateError
from matcher.live.content import ContentRecord, Probe
from matcher.vocabulary import TMP_MARK

SCHEMA = "incident-matcher/state/v1"


@dataclass(frozen=True)
class OutputMark:
    path: str
    size: int


@dataclass(frozen=True)
class Window:
    """An open cooldown window: ``count`` repeats held back since the alert ``finding``."""

    incident: str
    captures: tuple[tuple[str, str], ...]
    first: float
    last: float
    count: int = 0
    finding: str = ""


@dataclass(frozen=True)
class State:
    contents: tuple[ContentRecord, ...] = ()
    looked: float = 0.0  # when the names in scope were last looked at
    output: OutputMark | None = None
    windows: tuple[Window, ...] = ()


def load_state(path: str) -> State | None:
    """The saved state, or None when there is none yet (a first run). A state that cannot be
    used is a ``StateError``: it is never silently replaced by a re-read of everything."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StateError(f"{path}: cannot read the state file ({exc.strerror})") from None
    try:
        if not data.strip():
            raise ValueError("it is empty")
        return _decode(json.loads(data))
    except (ValueError, KeyError, TypeError) as exc:
        raise StateError(
            f"{path}: state file is corrupt ({exc}); fix or remove it, or use --reset-state"
        ) from None


def _decode(doc: Any) -> State:
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ValueError(f"not an {SCHEMA} document")
    contents = tuple(
        ContentRecord(
            key=_typed(c["key"], str),
            probe=Probe(_typed(c["probe_size"], int), _typed(c["probe"], str)),
            offset=_typed(c["offset"], int),
            line=_typed(c["line"], int),
            skip_to=_typed(c.get("skip_to", 0), int),
            path=_typed(c.get("path", ""), str),
        )
        for c in doc["contents"]
    )
    output = doc.get("output")
    mark = None
    if output is not None:
        mark = OutputMark(_typed(output["path"], str), _typed(output["size"], int))
    windows = tuple(
        Window(
            _typed(w["incident"], str),
            tuple((_typed(k, str), _typed(v, str)) for k, v in sorted(w["captures"].items())),
            float(w["first"]),
            float(w["last"]),
            _typed(w["count"], int),
            _typed(w.get("finding", ""), str),
        )
        for w in doc.get("windows", [])
    )
    return State(contents, float(doc["looked"]), mark, windows)


def _typed(value: Any, kind: type[Any]) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value


def encode_state(state: State) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "looked": state.looked,
        "output": None if state.output is None else vars(state.output),
        "contents": [
            {
                "key": c.key,
                "probe_size": c.probe.size,
                "probe": c.probe.digest,
                "offset": c.offset,
                "line": c.line,
                "skip_to": c.skip_to,
                "path": c.path,
            }
            for c in state.contents
        ],
        "windows": [
            {
                "incident": w.incident,
                "captures": dict(w.captures),
                "first": w.first,
                "last": w.last,
                "count": w.count,
                "finding": w.finding,
            }
            for w in state.windows
        ],
    }


def save_state(path: str, state: State) -> None:
    """Replace the state file atomically: it is either the old state or the new one."""
    directory = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(directory, f".{os.path.basename(path)}{TMP_MARK}{os.getpid()}")
    data = json.dumps(encode_state(state), separators=(",", ":")).encode()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_directory(directory)
    except OSError as exc:
        raise StateError(f"{path}: cannot write the state file ({exc.strerror})") from None


def _fsync_directory(directory: str) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def lock_state(path: str) -> int:
    """Hold ``PATH.lock`` for as long as we run: two processes on one state would each undo
    the other's checkpoints. A killed process's lock goes with it."""
    lock = f"{path}.lock"
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise StateError(f"{lock}: cannot create the lock file ({exc.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StateError(f"{path}: state file is in use by another matcher") from None
    return fd


def keep_lock(path: str, fd: int) -> int:
    """The lock held on ``PATH.lock``, taken again if the file was deleted or replaced (a
    second process could otherwise lock a new one and run on the same state): the same
    ``fd``, or a new one (the old closed). ``StateError`` if another process holds it now."""
    lock = f"{path}.lock"
    try:
        same = os.path.samestat(os.stat(lock), os.fstat(fd))
    except OSError:
        same = False
    if same:
        return fd
    new = lock_state(path)
    os.close(fd)
    return new


class Output:
    """Where findings go. A regular file (``-o``) is fsynced at each checkpoint and, on
    restart, cut back to the size the state recorded; a stream is only flushed."""

    def __init__(self, stream: TextIO, path: str | None = None, cut_to: int | None = None) -> None:
        self.stream = stream
        self.path = path
        self.cut_to = cut_to  # the size to cut back to before the first write or checkpoint

    @classmethod
    def open_file(cls, path: str, mark: OutputMark | None, warn: Any = None) -> Output:
        """The output file, to be cut back to the state's mark once the run is under way:
        a start that fails (a missing module, no descriptors) leaves delivered findings be
        (issue #16, item 4)."""
        path = os.path.abspath(path)
        cut_to = None
        if mark is not None and mark.path == path:
            size = os.path.getsize(path) if os.path.exists(path) else 0
            if size > mark.size:
                cut_to = mark.size  # written after the last checkpoint: written again
            elif size < mark.size and warn is not None:
                warn(
                    f"{path}: shorter than the state recorded ({size} < {mark.size} bytes); "
                    "appending"
                )
        stream = open(path, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
        return cls(stream, path, cut_to)

    def cut_back(self) -> None:
        """Cut the file back to the state's mark, once, before anything new is written."""
        if self.cut_to is not None:
            self.stream.flush()
            os.ftruncate(self.stream.fileno(), self.cut_to)  # O_APPEND: writes go on there
            self.cut_to = None

    def commit(self, durable: bool = True) -> None:
        self.stream.flush()
        if durable and self.path is not None:
            os.fsync(self.stream.fileno())

    def mark(self) -> OutputMark | None:
        if self.path is None:
            return None
        self.cut_back()
        return OutputMark(self.path, os.fstat(self.stream.fileno()).st_size)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.commit(durable=False)
        if self.path is not None:
            with contextlib.suppress(OSError):  # a full disk: reported already
                self.stream.close()
