"""kill -9 soak: a writer appends ~50k lines/s and rotates every 10k lines, alternately by
rename and by copytruncate; the tool is killed with SIGKILL at random moments and restarted
with its state. The findings in the output file must equal the ground truth exactly."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from live_helpers import Tool, seqs, start_writer, wait_for, write_signatures

LINES, RATE, ROTATE, EVERY, KILLS = 200_000, 50_000, 10_000, 97, 3


@pytest.mark.timeout(90)
@pytest.mark.parametrize("observer", ["inotify", "poll"])
@pytest.mark.parametrize("rotated", ["in-scope", "out-of-scope"])
def test_kill9_soak_exactly_once(tmp_path: Path, observer: str, rotated: str) -> None:
    seed = int(os.environ.get("SOAK_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    logs = tmp_path / "logs"
    logs.mkdir()
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    if rotated == "in-scope":
        where: list[object] = ["watch", logs, "--include", "app.log*"]
    else:
        where = ["follow", logs / "app.log"]
    common = ["-s", write_signatures(tmp_path), "-f", "json", "-o", out, "--state", state]
    tool = Tool([*where, *common, "--grace", "0.5"], tmp_path, observer)
    try:
        tool.start(wait_ready=state)
        writer = start_writer(
            logs / "app.log", LINES, rate=RATE, rotate_every=ROTATE, how="mixed", every=EVERY
        )
        began = time.monotonic()
        for moment in sorted(rng.uniform(0.2, LINES / RATE) for _ in range(KILLS)):
            time.sleep(max(0.0, began + moment - time.monotonic()))  # timing, not correctness
            tool.kill()
            tool.start()
        assert writer.wait(timeout=60) == 0
        expected = list(range(0, LINES, EVERY))
        wait_for(lambda: len(seqs(out)) >= len(expected), 45, "all findings")
        assert tool.stop() == 0, tool.stderr
        found = seqs(out)
        assert len(found) == len(set(found)), f"duplicates (seed {seed})"
        assert sorted(found) == expected, f"seed {seed}"
    finally:
        tool.close()
