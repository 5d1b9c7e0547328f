"""Wrap real application output in the envelopes no tool here can write (containerd's CRI logs
need a kubelet, docker compose v2 is not packaged in Debian 12, and there is no cluster for
kubectl or stern and no CI runner), following each format's specification and the writer's
documented behaviour (see docs/envelopes.md). The docker json-file and compose files made here
add what the real ones (tools/envelopes/docker_samples.sh) do not reliably show: two writers
interleaved record by record, partial records between the other stream's, CRLF with escapes.

Usage: python tools/envelopes/wrap.py OUTDIR

Inputs are real logs: tests/data/events/python-traces.log (service ``api``),
tests/data/events/java-trace.log (service ``worker``), tests/data/events/pytest-params.log (a CI
job) and OUTDIR/app.log (tools/envelopes/app.py's real output, with a record longer than
16 KiB). Timestamps are synthetic and increase by 1 ms a line.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests" / "data" / "events"
SPLIT = 16 * 1024  # docker json-file and containerd split a line at 16 KiB
START = datetime.datetime(2026, 11, 27, 0, 11, 11, tzinfo=datetime.timezone.utc)


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")[:-1]


def stamp(i: int, digits: int) -> str:
    moment = START + datetime.timedelta(milliseconds=i)
    return (
        moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}{'0' * 9}"[:digits] + "Z"
    )


def interleave(a: list[bytes], b: list[bytes]) -> list[tuple[int, bytes]]:
    """Record by record, as two writers flushing at the same time: (0, line) / (1, line)."""
    out: list[tuple[int, bytes]] = []
    for i in range(max(len(a), len(b))):
        if i < len(a):
            out.append((0, a[i]))
        if i < len(b):
            out.append((1, b[i]))
    return out


def records(api: list[bytes], long: list[bytes], split: int) -> list[tuple[int, bytes, bool]]:
    """(writer, part, last part of its line), the two writers' records interleaved one by one:
    a long line's partial records have the other stream's records between them."""
    parts: list[list[tuple[int, bytes, bool]]] = [[], []]
    for who, lines in enumerate((api, long)):
        for line in lines:
            pieces = [line[i : i + split] for i in range(0, len(line), split)] or [b""]
            parts[who] += [(who, p, k == len(pieces) - 1) for k, p in enumerate(pieces)]
    out: list[tuple[int, bytes, bool]] = []
    for i in range(max(len(parts[0]), len(parts[1]))):
        out += [p[i] for p in parts if i < len(p)]
    return out


def cri(api: list[bytes], long: list[bytes]) -> bytes:
    """kubelet/containerd: stderr gets the traceback log, stdout the app with a long record."""
    out = []
    for n, (who, part, last) in enumerate(records(api, long, SPLIT)):
        stream = b"stderr" if who == 0 else b"stdout"
        tag = b"F" if last else b"P"
        out.append(stamp(n, 9).encode() + b" " + stream + b" " + tag + b" " + part)
    return b"\n".join(out) + b"\n"


def docker(api: list[bytes], long: list[bytes]) -> bytes:
    # the api writer ends its lines with CRLF, as a program writing to a tty or built for
    # Windows does; docker keeps the CR in ``log``
    api = [line + b"\r" for line in api]
    out = []
    for n, (who, part, last) in enumerate(records(api, long, SPLIT)):
        log = (part + b"\n" if last else part).decode("utf-8", "surrogateescape")
        record = {"log": log, "stream": "stderr" if who == 0 else "stdout", "time": stamp(n, 9)}
        out.append(json.dumps(record, separators=(",", ":")).encode())
    return b"\n".join(out) + b"\n"


def compose(api: list[bytes], worker: list[bytes], colour: bool) -> bytes:
    names = [b"api-1", b"worker-1"]
    colours = [b"\x1b[36m", b"\x1b[33m"]
    width = max(len(x) for x in names)
    out = []
    for who, line in interleave(api, worker):
        prefix = names[who].ljust(width) + b" | "
        if colour:
            prefix = colours[who] + prefix + b"\x1b[0m"
        out.append(prefix + line)
    return b"\n".join(out) + b"\n"


def kubectl(api: list[bytes], worker: list[bytes]) -> bytes:
    pods = [b"[pod/api-7d9f8c5b6-x2kqp/api] ", b"[pod/worker-0/worker] "]
    out = [
        pods[who] + stamp(i, 9).encode() + b" " + line
        for i, (who, line) in enumerate(interleave(api, worker))
    ]
    return b"\n".join(out) + b"\n"


def stern(api: list[bytes], worker: list[bytes]) -> bytes:
    pods = [b"api-7d9f8c5b6-x2kqp api ", b"worker-0 worker "]
    out = [pods[who] + line for who, line in interleave(api, worker)]
    return b"\n".join(out) + b"\n"


def github(job: list[bytes]) -> bytes:
    body = [
        b"##[group]Run python -m pytest tools/events/pytest_suite",
        b"##[endgroup]",
        *job,
        b"##[error]Process completed with exit code 1.",
    ]
    out = [stamp(i, 7).encode() + b" " + line for i, line in enumerate(body)]
    return b"\xef\xbb\xbf" + b"\n".join(out) + b"\n"


def gitlab(job: list[bytes]) -> bytes:
    out, n = [], 0

    def put(stream: bytes, line: bytes) -> None:
        nonlocal n
        flag = b"" if stream.endswith(b"+") else b" "
        out.append(stamp(n, 6).encode() + b" " + stream + flag + line)
        n += 1

    put(b"00O", b"\x1b[0KRunning with gitlab-runner 17.5.0 (abcdef12)\x1b[0;m")
    put(
        b"00O",
        b"section_start:1796083871:step_script\r\x1b[0K\x1b[0K\x1b[36;1m"
        b'Executing "step_script" stage of the job script\x1b[0;m',
    )
    for line in job:
        stream = b"01E" if line.startswith(b"E ") else b"00O"
        if len(line) > 100:  # the runner splits long lines; ``+`` marks the continuation
            put(stream, line[:100])
            put(stream + b"+", line[100:])
        elif line.startswith(b"FAILED"):
            put(stream, b"\x1b[31;1m" + line + b"\x1b[0m")
        else:
            put(stream, line)
    put(b"00O", b"section_end:1796083875:step_script\r\x1b[0K")
    put(b"00O", b"\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m")
    return b"\n".join(out) + b"\n"


def main(outdir: str) -> None:
    out = Path(outdir)
    api = lines(EVENTS / "python-traces.log")
    worker = lines(EVENTS / "java-trace.log")
    job = lines(EVENTS / "pytest-params.log")
    long = lines(out / "app.log")
    files = {
        "cri.log": cri(api, long),
        "docker-json.log": docker(api, long),
        "compose.log": compose(api, worker, colour=False),
        "compose-colour.log": compose(api, worker, colour=True),
        "kubectl-prefix.log": kubectl(api, worker),
        "stern.log": stern(api, worker),
        "github-actions.log": github(job),
        "gitlab.log": gitlab(job),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1])
