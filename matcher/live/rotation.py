"""Where a rotated content went: the tailer's catch-up over a name's rotated siblings."""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING

from matcher.live.content import probe_head, read_head

if TYPE_CHECKING:
    from matcher.live.tail import Tailer

# File times are coarse (one kernel tick); a sibling modified this long before we last looked
# at a name may still have been written after that look.
MTIME_SLACK = 1.0


def catch_up(tailer: Tailer, name: str, since: float) -> None:
    """The content under ``name`` changed: look for where the old ones went. A rotated
    sibling holding a known content reads on from its offset; an unknown one modified since
    we last looked was rotated away between two looks and is read whole."""
    threshold = max(since - MTIME_SLACK, tailer.floor)
    for path, st in tailer.siblings(name):
        known = tailer.files.get((st.st_dev, st.st_ino))
        if known is not None and not known.in_scope:
            # renamed away: findings name the file where the line is (a late writer's line in
            # app.log.1 is app.log.1:N); a parked one is reopened from here once it changes
            known.name = path
        if known is not None or not stat.S_ISREG(st.st_mode):
            continue
        f = tailer.open_file(path, quiet=True)
        if f is None:
            continue
        head = read_head(f.fd)
        key = tailer.contents.find(head)
        record = tailer.memory.get(key) if key else None
        if key is None:
            keep = probe_head(head) is not None and st.st_mtime >= threshold
        else:
            keep = record is None or st.st_size > record.offset
        if keep:
            f.in_scope, f.start = False, 0
        else:
            tailer.close_file(f)
