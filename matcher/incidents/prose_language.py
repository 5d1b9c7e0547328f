"""Whether an incident block's prose is English, by the share of English's commonest words in
its text outside quotes and code: a block in another language may be one we have no labels
of, read by its layout (sections.py), or one whose labels close to ours are read as ours
(near_labels.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.markdown import Kind, Line

# Words of English prose: a block whose text outside quotes and code has few of them is written
# in a language we may have no labels of (the reader then reads its sections by layout)
_ENGLISH = frozenset(
    {"the", "and", "of", "to", "for", "with", "from", "by", "was", "were", "are", "been", "it"}
    | {"its", "this", "that", "these", "those", "we", "our", "they", "their", "not", "after"}
    | {"before", "when", "then", "but", "which", "there", "had", "has", "have", "would"}
)
_QUOTED_OR_CODE = re.compile(r"`[^`]*`|\"[^\"]*\"|\u201c[^\u201d]*\u201d|https?://\S+")


def in_english(lines: Sequence[Line]) -> bool:
    """Whether a block's prose is English: one word in eight at least is one of its commonest."""
    words = _prose_words(lines)
    return len(words) >= 12 and sum(w in _ENGLISH for w in words) * 8 >= len(words)


def in_another_language(lines: Sequence[Line]) -> bool:
    """Whether a block has prose enough to tell, and it is not English (the values of its
    labels count: `**Årsag:** …`)."""
    words = _prose_words(lines, Kind.LABEL)
    return len(words) >= 12 and sum(w in _ENGLISH for w in words) * 8 < len(words)


def _prose_words(lines: Sequence[Line], *more: Kind) -> list[str]:
    kinds = (Kind.BULLET, Kind.TEXT, *more)
    text = " ".join(line.text for line in lines if line.kind in kinds and not line.fenced)
    return re.findall(r"[^\W\d_]+", _QUOTED_OR_CODE.sub(" ", text).lower())
