"""Recognise the envelope and the structure of a source from its first bytes."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.envelopes.detect import DETECT_LINES
from matcher.envelopes.structured import DEFAULT_FIELDS
from matcher.envelopes.unwrap import Unwrapper


def recognise(
    sample: bytes,
    envelope: str = "auto",
    structure: str = "auto",
    fields: Sequence[str] = DEFAULT_FIELDS,
    final: bool = True,
) -> tuple[str, str]:
    """The envelope and the structure of a source starting with ``sample`` (``final``: that
    is all of it; else its last line may be incomplete)."""
    lines = sample.split(b"\n")
    if not final:
        lines.pop()  # not a complete line yet
    unwrapper = Unwrapper(envelope, structure, fields)
    for number, raw in enumerate(lines[: 4 * DETECT_LINES], 1):
        unwrapper.feed(number, raw)
        if unwrapper.envelope is not None and unwrapper.structure is not None:
            break
    else:
        unwrapper.flush()
    return (unwrapper.envelope or "none", unwrapper.structure or "none")
