"""Publish the generated logs and the ground truth made from the generators' marks.

Copies WORK/logs/*.log to OUT/logs/, writes OUT/expected.tsv (log, line, incident: the
lines that state an incident's error) and OUT/near-misses.tsv (log, line, the incident the
line resembles but must not be flagged as), and checks sizes and that no line is both.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from harness import LOGS, MARKS

MAX_LOG = 200_000
MAX_TOTAL = 2_000_000
HEADER = {
    "expect": "log_file\tline_number\tincident_id\n",
    "near": "log_file\tline_number\tresembles_incident\tnote\n",
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    out = parser.parse_args().out
    rows = [line.rstrip("\n").split("\t") for line in MARKS.read_text().splitlines()]
    expected = sorted({(r[1], int(r[2]), r[3]) for r in rows if r[0] == "expect"})
    near = sorted({(r[1], int(r[2]), r[3], r[4]) for r in rows if r[0] == "near"})
    clash = {(f, n) for f, n, _ in expected} & {(f, n) for f, n, _, _ in near}
    if clash:
        print(f"lines marked both expected and near miss: {sorted(clash)}", file=sys.stderr)
        return 1
    logs = sorted(LOGS.glob("*.log"))
    total = sum(p.stat().st_size for p in logs)
    big = [p.name for p in logs if p.stat().st_size > MAX_LOG]
    if big or total > MAX_TOTAL:
        print(f"logs too big: {big}, total {total}", file=sys.stderr)
        return 1
    (out / "logs").mkdir(parents=True, exist_ok=True)
    for old in (out / "logs").glob("*.log"):
        old.unlink()
    for p in logs:
        shutil.copyfile(p, out / "logs" / p.name)
    with (out / "expected.tsv").open("w") as f:
        f.write(HEADER["expect"])
        f.writelines(f"{name}\t{n}\t{inc}\n" for name, n, inc in expected)
    with (out / "near-misses.tsv").open("w") as f:
        f.write(HEADER["near"])
        f.writelines(f"{name}\t{n}\t{inc}\t{note}\n" for name, n, inc, note in near)
    print(
        f"{len(logs)} logs ({total} bytes), {len(expected)} expected lines, "
        f"{len(near)} near misses -> {out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
