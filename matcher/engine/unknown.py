"""Unknown failures: an error-like event no signature explains, told by its telling line."""

from __future__ import annotations

from matcher.engine.evaluate import EventLine
from matcher.engine.events import PYTEST_BLOCK, PYTEST_CAPTURED, PYTEST_E, is_telling
from matcher.engine.sections import summary_node_id
from matcher.model import UnknownFailure
from matcher.patterns.markers import KINDS, MARKER_CONFIRM
from matcher.text import decode_line, render


def unknown_failure(
    source: str, event: list[EventLine], markers: list[int]
) -> UnknownFailure | None:
    """The unknown failure an event is, if an error marker is confirmed on one of the lines
    the prefilter marked (``markers``: their indices); None otherwise. A failure section of
    pytest's is one, of kind ``testcase``, named by its test (as a summary line is)."""
    section = PYTEST_BLOCK.match(event[0].raw)
    if section:
        return _failing_test(source, event, section.group(1))
    marked = [i for i in markers if MARKER_CONFIRM.search(event[i].raw)]
    if not marked:
        return None
    telling = (line for line in reversed(event) if _may_tell(line.raw) and is_telling(line.raw))
    best = next(telling, event[marked[0]])
    return UnknownFailure(
        source=source,
        line=best.number,
        text=render(decode_line(best.raw)),
        kind=_kind([event[i] for i in marked]),
        first_line=event[0].number,
        last_line=event[-1].number,
        testcase=_text(summary_node_id(event[0].raw)),
    )


def _failing_test(source: str, event: list[EventLine], name: bytes) -> UnknownFailure:
    """A failure section: told by its last exception line (``E   KeyError: 'x'``), else its
    first ``E`` line (``E   assert 3 == 4``), never by the output pytest captured."""
    own: list[EventLine] = []
    for line in event:
        if PYTEST_CAPTURED.match(line.raw):
            break
        own.append(line)
    told = [line for line in own if PYTEST_E.match(line.raw)]
    telling = (line for line in reversed(told) if is_telling(line.raw))
    best = next(telling, told[0] if told else event[0])
    return UnknownFailure(
        source=source,
        line=best.number,
        text=render(decode_line(best.raw)),
        kind="testcase",
        first_line=event[0].number,
        last_line=event[-1].number,
        testcase=_text(name),
    )


def _text(name: bytes | None) -> str | None:
    return name.decode("utf-8", "replace") if name else None


def _may_tell(line: bytes) -> bool:
    # Frames (indented, "at …", "File …") are never the telling line; skip them cheaply.
    return line[:1] not in (b" ", b"\t") or line.lstrip().startswith((b"Caused by", b"Suppressed"))


def _kind(marked: list[EventLine]) -> str:
    """What kind of failure, from the lines the error markers were found on."""
    text = b"\n".join(line.raw for line in marked)
    for needle, kind in KINDS:
        if needle in text:
            return kind
    return "error"
